"""The Store contract for account changes: each operation changes only its own fields, atomically, on every
implementation (fake, SQLite, Postgres), and the deletion fence holds. (Money and rows: test_store.py.)"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from core.abuse import AbuseMemory
from core.errors import DomainError, ErrorCode
from core.models import Account, Identity, PlanFields, PlanStatus, Platform, SettingsChange
from core.ports import Store
from tests.contract.store_support import (
    NOW,
    TODAY,
    RowCounter,
    hold_plan,
    new_account,
    reserve_request,
    unique,
)


async def test_a_settings_change_writes_only_the_fields_it_names(store: Store) -> None:
    account = await new_account(store)
    await hold_plan(store, account, "pro", "sub_1", "cus_1")

    after = await store.update_settings(account.id, SettingsChange(default_aspect_ratio="16:9", send_as_file=True))
    again = await store.update_settings(
        account.id, SettingsChange(default_resolution="4K", notifications_opt_out=True, locale="fr")
    )

    assert after is not None and (after.default_aspect_ratio, after.send_as_file) == ("16:9", True)
    assert again == await store.get_account(account.id)
    assert again is not None
    assert (again.default_aspect_ratio, again.default_resolution, again.send_as_file) == ("16:9", "4K", True)
    assert (again.notifications_opt_out, again.locale) == (True, "fr")
    assert (again.plan, again.subscription_id, again.customer_id) == ("pro", "sub_1", "cus_1")


async def test_a_chosen_language_is_stored_on_its_own_and_cleared_with_an_empty_choice(store: Store) -> None:
    account = await new_account(store)
    await store.update_settings(account.id, SettingsChange(default_resolution="2K"))

    chosen = await store.update_settings(account.id, SettingsChange(language="ar"))
    untouched = await store.update_settings(account.id, SettingsChange(send_as_file=True))
    cleared = await store.update_settings(account.id, SettingsChange(language=""))

    assert chosen is not None and (chosen.language, chosen.locale, chosen.default_resolution) == ("ar", "en", "2K")
    assert untouched is not None and untouched.language == "ar", "another setting leaves the language alone"
    assert cleared is not None and cleared.language == "" and cleared.send_as_file
    assert (await store.get_account(account.id)) == cleared


async def test_changing_an_unknown_account_creates_nothing(store: Store, rows: RowCounter) -> None:
    ghost = unique("ghost")

    assert await store.update_settings(ghost, SettingsChange(locale="fr")) is None
    assert await store.give_consent(ghost, NOW) is None
    assert await store.change_plan(ghost, PlanFields(), PlanFields(plan="pro", subscription_id="sub_1")) is False
    await store.set_deletion_code(ghost, "123456", NOW)
    assert await store.begin_deletion(ghost, "123456", NOW) is None
    await store.abort_deletion(ghost)

    assert await rows("accounts") == 0


async def test_consent_is_recorded_once_and_keeps_its_first_time(store: Store) -> None:
    account = await new_account(store)

    first = await store.give_consent(account.id, NOW)
    second = await store.give_consent(account.id, NOW + timedelta(hours=1))

    assert first is not None and first.has_consented and first.consent_at == NOW
    assert second == first == await store.get_account(account.id)


async def test_a_plan_change_writes_only_when_the_plan_is_still_as_it_was_read(store: Store) -> None:
    account = await new_account(store)
    old = PlanFields(plan="pro", plan_status=PlanStatus.ACTIVE, subscription_id="sub_old", customer_id="cus_1")
    new = old.model_copy(update={"subscription_id": "sub_new"})
    assert await store.change_plan(account.id, PlanFields(), old) is True
    assert await store.change_plan(account.id, old, new) is True

    stale_end = await store.change_plan(account.id, old, PlanFields(customer_id="cus_1"))

    stored = await store.get_account(account.id)
    assert stale_end is False
    assert stored is not None and PlanFields.of(stored) == new
    assert stored.model_dump(exclude=set(PlanFields.model_fields)) == account.model_dump(
        exclude=set(PlanFields.model_fields)
    )


async def test_a_plan_change_leaves_every_other_field_alone(store: Store) -> None:
    account = await new_account(store)
    await store.update_settings(account.id, SettingsChange(default_resolution="2K", locale="fr"))
    await store.set_deletion_code(account.id, "483921", NOW + timedelta(minutes=10))
    before = await store.get_account(account.id)

    await hold_plan(store, account, "pro", "sub_1", "cus_9")
    await hold_plan(store, account, None, None, "cus_9")

    after = await store.get_account(account.id)
    assert before is not None and after is not None
    assert after == before.model_copy(update={"customer_id": "cus_9"})


async def test_the_deletion_code_changes_alone(store: Store) -> None:
    account = await new_account(store)
    await hold_plan(store, account, "pro", "sub_1")

    await store.set_deletion_code(account.id, "483921", NOW + timedelta(minutes=10))
    issued = await store.get_account(account.id)
    await store.set_deletion_code(account.id, None, None)
    voided = await store.get_account(account.id)

    assert issued is not None and (issued.deletion_code, issued.deletion_expires_at) == (
        "483921",
        NOW + timedelta(minutes=10),
    )
    assert voided is not None and (voided.deletion_code, voided.deletion_expires_at) == (None, None)
    assert (voided.plan, voided.subscription_id) == ("pro", "sub_1")


async def test_the_deletion_fence_needs_the_current_code(store: Store) -> None:
    account = await new_account(store)
    await store.set_deletion_code(account.id, "111111", NOW + timedelta(minutes=10))

    wrong = await store.begin_deletion(account.id, "222222", NOW)
    fenced = await store.begin_deletion(account.id, "111111", NOW)
    again = await store.begin_deletion(account.id, "111111", NOW + timedelta(minutes=1))

    assert wrong is None
    assert fenced is not None and fenced.being_deleted and fenced.deleting_at == NOW
    assert again == fenced == await store.get_account(account.id)


async def test_past_the_fence_nothing_is_reserved_and_no_plan_is_set(store: Store) -> None:
    account = await new_account(store, credits=10)
    await hold_plan(store, account, "pro", "sub_1")
    await store.set_deletion_code(account.id, "111111", NOW + timedelta(minutes=10))

    fenced = await store.begin_deletion(account.id, "111111", NOW)
    with pytest.raises(DomainError) as refused:
        await store.reserve(reserve_request(account))
    newer_plan = await hold_plan(store, account, "max", "sub_2")

    assert fenced is not None and fenced.subscription_id == "sub_1"
    assert refused.value.code is ErrorCode.ACCOUNT_BEING_DELETED
    assert newer_plan is False
    assert await store.generations(account.id) == []
    assert (await store.get_account(account.id)) == fenced


async def test_past_the_fence_no_slot_of_a_queued_generation_is_claimed_for_the_provider(store: Store) -> None:
    account = await new_account(store, credits=10)
    queued = await store.reserve(reserve_request(account, count=2))
    await store.set_deletion_code(account.id, "111111", NOW + timedelta(minutes=10))
    assert await store.claim_slot(queued.id, 0, NOW) is True  # in flight before the fence

    await store.begin_deletion(account.id, "111111", NOW)
    after_fence = await store.claim_slot(queued.id, 1, NOW)

    stored = await store.get_generation(queued.id)
    assert after_fence is False
    assert stored is not None and stored.creating == (0,)


async def test_racing_claims_and_a_fence_never_claim_after_the_fence(store: Store) -> None:
    """Each claim is either before the fence (in flight, finished or discarded later) or refused."""
    account = await new_account(store, credits=100)
    generations = [await store.reserve(reserve_request(account, count=4)) for _ in range(5)]
    await store.set_deletion_code(account.id, "111111", NOW + timedelta(minutes=10))

    async def claim_all() -> list[bool]:
        return [await store.claim_slot(g.id, slot, NOW) for g in generations for slot in range(4)]

    claims, fenced = await asyncio.gather(claim_all(), store.begin_deletion(account.id, "111111", NOW))
    assert fenced is not None

    stored = [await store.get_generation(g.id) for g in generations]
    marked = sum(len(g.creating) for g in stored if g is not None)
    assert marked == sum(claims)
    assert claims == sorted(claims, reverse=True)  # once refused, every later claim is refused too
    assert await store.claim_slot(generations[-1].id, 3, NOW) is False


async def test_lifting_the_fence_lets_the_account_reserve_again(store: Store) -> None:
    account = await new_account(store, credits=10)
    await store.set_deletion_code(account.id, "111111", NOW + timedelta(minutes=10))
    await store.begin_deletion(account.id, "111111", NOW)

    await store.abort_deletion(account.id)
    generation = await store.reserve(reserve_request(account))

    stored = await store.get_account(account.id)
    assert stored is not None and not stored.being_deleted
    assert [g.id for g in await store.generations(account.id)] == [generation.id]


async def test_overlapping_changes_of_different_fields_all_survive(store: Store) -> None:
    """Settings, plan webhooks and deletion codes at once: none writes back another's fields."""
    accounts = [await new_account(store) for _ in range(10)]

    async def overlap(account: Account) -> None:
        await asyncio.gather(
            store.update_settings(account.id, SettingsChange(default_aspect_ratio="4:3")),
            hold_plan(store, account, "pro", "sub_1", "cus_1"),
            store.set_deletion_code(account.id, "654321", NOW),
            store.update_settings(account.id, SettingsChange(send_as_file=True)),
            store.give_consent(account.id, NOW),
            store.change_plan(account.id, PlanFields(subscription_id="sub_stale"), PlanFields()),
            store.update_settings(account.id, SettingsChange(locale="de")),
        )

    await asyncio.gather(*(overlap(a) for a in accounts))

    for account in accounts:
        stored = await store.get_account(account.id)
        assert stored is not None
        assert (stored.plan, stored.subscription_id, stored.customer_id) == ("pro", "sub_1", "cus_1")
        assert (stored.default_aspect_ratio, stored.send_as_file, stored.locale) == ("4:3", True, "de")
        assert (stored.deletion_code, stored.has_consented) == ("654321", True)


# What a deletion leaves for abuse prevention ----------------------------------------------------------------------


async def test_a_new_account_takes_over_todays_free_use_and_the_debt_once(store: Store) -> None:
    digest = unique("digest")
    await store.remember_after_deletion([AbuseMemory(digest=digest, free_day=TODAY, free_used=2, debt=7)], TODAY)

    first = await store.create_account(
        Identity(platform=Platform.TELEGRAM, platform_user_id=unique("tg")), "A", "en", NOW, digest
    )
    second = await store.create_account(
        Identity(platform=Platform.TELEGRAM, platform_user_id=unique("tg")), "B", "en", NOW, digest
    )

    held = await store.balance(first.id, TODAY, 3)
    assert (held.free_left, held.paid_credits) == (1, -7)
    assert (await store.balance(second.id, TODAY, 3)).paid_credits == 0


async def test_the_free_use_expires_with_its_utc_day_and_the_debt_does_not(store: Store) -> None:
    digest = unique("digest")
    yesterday = TODAY - timedelta(days=1)
    await store.remember_after_deletion(
        [AbuseMemory(digest=digest, free_day=yesterday, free_used=3, debt=4)], yesterday
    )
    gone = unique("digest")
    await store.remember_after_deletion([AbuseMemory(digest=gone, free_day=yesterday, free_used=3)], yesterday)
    await store.remember_after_deletion([], TODAY)

    back = await store.create_account(
        Identity(platform=Platform.DISCORD, platform_user_id=unique("d")), "A", "en", NOW, digest
    )
    fresh = await store.create_account(
        Identity(platform=Platform.DISCORD, platform_user_id=unique("d")), "B", "en", NOW, gone
    )

    assert (await store.balance(back.id, TODAY, 3)).free_left == 3
    assert (await store.balance(back.id, TODAY, 3)).paid_credits == -4
    assert (await store.balance(fresh.id, TODAY, 3)).free_left == 3 and await store.ledger(fresh.id) == []
