"""The Store contract (core.ports.Store): one suite for FakeStore, SqliteStore and SupabaseStore.

Every test runs once per implementation (`store` in conftest.py), so the unit tests' fake, the embedded default
and Postgres cannot drift apart on money, idempotency, concurrency or deletion.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from core.errors import DomainError, ErrorCode
from core.models import (
    Account,
    DeliveryTarget,
    Generation,
    GenerationRequest,
    GenerationStatus,
    Identity,
    LedgerKind,
    Platform,
    SettingsChange,
)
from core.ports import Settlement, Store
from tests.contract.store_support import (
    NOW,
    PERSONAL_TABLES,
    TODAY,
    RowCounter,
    hold_plan,
    new_account,
    payment,
    reserve_request,
    unique,
)

# The fake is atomic by construction; a smaller crowd keeps its run short while still racing every call.
CONTENTION = {"fake": 50, "sqlite": 1000, "postgres": 1000}


async def settled_generation(store: Store, account: Account, keys: tuple[str, ...] = ("a.png",)) -> Generation:
    generation = await store.reserve(reserve_request(account))
    await store.settle(generation.id, Settlement(keys), NOW)
    stored = await store.get_generation(generation.id)
    assert stored is not None
    return stored


# Money ----------------------------------------------------------------------------------------------------------


async def test_a_delivered_generation_keeps_the_hold_and_the_ledger_sums_to_the_balance(store: Store) -> None:
    account = await new_account(store, credits=10)

    generation = await store.reserve(reserve_request(account, count=2, unit_price=2, free_per_day=1))
    settled = await store.settle(generation.id, Settlement(image_keys=("a.png", "b.png")), NOW)

    assert settled.won is True
    assert generation.hold.free_images == 1 and generation.hold.paid_credits == 2
    entries = await store.ledger(account.id)
    assert [(e.kind, e.credits, e.free_images) for e in entries] == [
        (LedgerKind.GRANT, 10, 0),
        (LedgerKind.HOLD, -2, -1),
        (LedgerKind.CAPTURE, 0, 0),
    ]
    assert [e.idempotency_key for e in entries[1:]] == [f"hold:{generation.id}", f"capture:{generation.id}"]
    assert all(e.generation_id == generation.id and e.free_day == TODAY for e in entries[1:])
    balance = await store.balance(account.id, TODAY, free_per_day=1)
    assert (balance.paid_credits, balance.free_left) == (8, 0)
    assert sum(e.credits for e in entries) == 8


async def test_a_partly_delivered_generation_spends_free_images_first_and_refunds_the_rest(store: Store) -> None:
    account = await new_account(store, credits=10)

    generation = await store.reserve(reserve_request(account, count=3, unit_price=2, free_per_day=1))
    await store.settle(generation.id, Settlement(image_keys=("a.png",)), NOW)

    refund = [e for e in await store.ledger(account.id) if e.kind == LedgerKind.REFUND]
    assert [(e.credits, e.free_images, e.idempotency_key) for e in refund] == [(4, 0, f"refund:{generation.id}")]
    balance = await store.balance(account.id, TODAY, free_per_day=1)
    assert (balance.paid_credits, balance.free_left) == (10, 0)
    stored = await store.get_generation(generation.id)
    assert stored is not None and stored.status == GenerationStatus.SUCCEEDED and stored.image_keys == ("a.png",)


async def test_a_failed_generation_gives_back_credits_and_free_images(store: Store) -> None:
    account = await new_account(store, credits=5)

    generation = await store.reserve(reserve_request(account, count=2, unit_price=3, free_per_day=1))
    await store.settle(generation.id, Settlement((), "generation_failed", "content policy"), NOW)

    stored = await store.get_generation(generation.id)
    assert stored is not None and stored.status == GenerationStatus.FAILED
    assert (stored.error_code, stored.error_detail) == ("generation_failed", "content policy")
    balance = await store.balance(account.id, TODAY, free_per_day=1)
    assert (balance.paid_credits, balance.free_left) == (5, 1)
    kinds = [e.kind for e in await store.ledger(account.id)]
    assert kinds == [LedgerKind.GRANT, LedgerKind.HOLD, LedgerKind.REFUND]


async def test_an_overspend_is_refused_and_writes_nothing(store: Store) -> None:
    account = await new_account(store, credits=3)

    with pytest.raises(DomainError) as refused:
        await store.reserve(reserve_request(account, count=2, unit_price=2))

    assert refused.value.code == ErrorCode.INSUFFICIENT_CREDITS
    assert refused.value.params == {"needed": 4, "credits": 3}
    assert await store.generations(account.id) == []
    assert len(await store.ledger(account.id)) == 1


async def test_a_reservation_for_an_unknown_account_is_not_found_and_writes_nothing(
    store: Store, rows: RowCounter
) -> None:
    ghost = Account(id=unique("ghost"), created_at=NOW)

    with pytest.raises(DomainError) as refused:
        await store.reserve(reserve_request(ghost, free_per_day=5))

    assert refused.value.code == ErrorCode.NOT_FOUND
    assert await rows("generations") == 0 and await rows("ledger") == 0


async def test_free_images_do_not_cover_resolutions_above_the_cap(store: Store) -> None:
    account = await new_account(store, credits=4)

    generation = await store.reserve(reserve_request(account, unit_price=4, free_per_day=3, free_eligible=False))

    assert (generation.hold.free_images, generation.hold.paid_credits) == (0, 4)
    balance = await store.balance(account.id, TODAY, free_per_day=3)
    assert (balance.paid_credits, balance.free_left) == (0, 3)


async def test_free_images_come_back_the_next_utc_day(store: Store) -> None:
    account = await new_account(store)
    await store.reserve(reserve_request(account, count=2, free_per_day=2))

    assert (await store.balance(account.id, TODAY, 2)).free_left == 0
    assert (await store.balance(account.id, TODAY + timedelta(days=1), 2)).free_left == 2


async def test_a_clawback_can_make_the_balance_negative_and_then_nothing_is_reserved_until_a_top_up(
    store: Store,
) -> None:
    account = await new_account(store, credits=2)
    await store.add_credits(account.id, -5, LedgerKind.CLAWBACK, unique("clawback"), "refunded", NOW)

    with pytest.raises(DomainError) as refused:
        await store.reserve(reserve_request(account, free_per_day=1))

    assert refused.value.code == ErrorCode.INSUFFICIENT_CREDITS
    assert (await store.balance(account.id, TODAY, 1)).paid_credits == -3


async def test_a_replayed_reservation_returns_the_same_hold_without_charging_twice(store: Store) -> None:
    account = await new_account(store, credits=5)
    request = reserve_request(account, unit_price=2)

    first = await store.reserve(request)
    second = await store.reserve(request)

    assert first == second
    assert (await store.balance(account.id, TODAY, 0)).paid_credits == 3
    assert len(await store.ledger(account.id)) == 2


async def test_a_reservation_replayed_after_settling_returns_the_finished_generation_and_charges_nothing(
    store: Store,
) -> None:
    account = await new_account(store, credits=5)
    request = reserve_request(account, unit_price=2)
    generation = await store.reserve(request)
    await store.settle(generation.id, Settlement(("a.png",)), NOW)

    replayed = await store.reserve(request)

    assert replayed.status == GenerationStatus.SUCCEEDED and replayed.image_keys == ("a.png",)
    assert (await store.balance(account.id, TODAY, 0)).paid_credits == 3


async def test_the_balance_carries_the_accounts_plan(store: Store) -> None:
    account = await new_account(store, credits=3)
    without = await store.balance(account.id, TODAY, 2)

    await hold_plan(store, account, "pro", "sub_1")
    with_plan = await store.balance(account.id, TODAY, 2)

    assert (without.plan, without.paid_credits, without.free_left, without.free_per_day) == (None, 3, 2, 2)
    assert (with_plan.plan, with_plan.paid_credits) == ("pro", 3)


async def test_an_unknown_account_has_the_days_free_images_no_credits_and_no_plan(store: Store) -> None:
    balance = await store.balance(unique("ghost"), TODAY, 3)

    assert (balance.free_left, balance.free_per_day, balance.paid_credits, balance.plan) == (3, 3, 0, None)


async def test_credits_are_granted_once_per_key(store: Store) -> None:
    account = await new_account(store)

    first = await store.add_credits(account.id, 7, LedgerKind.GRANT, "welcome:ada", "hello", NOW)
    again = await store.add_credits(account.id, 9, LedgerKind.ADMIN, "welcome:ada", "other", NOW)

    assert (first, again) == (True, False)
    entries = await store.ledger(account.id)
    assert [(e.kind, e.credits, e.note, e.generation_id) for e in entries] == [(LedgerKind.GRANT, 7, "hello", None)]


# Concurrency ----------------------------------------------------------------------------------------------------


async def test_a_crowd_of_concurrent_reservations_with_credits_for_a_tenth_lets_exactly_a_tenth_through(
    store: Store, store_kind: str
) -> None:
    crowd = CONTENTION[store_kind]
    account = await new_account(store, credits=crowd // 10)

    results = await asyncio.gather(
        *(store.reserve(reserve_request(account, max_running=10_000)) for _ in range(crowd)),
        return_exceptions=True,
    )

    won = [r for r in results if not isinstance(r, BaseException)]
    refused = [r for r in results if isinstance(r, DomainError) and r.code == ErrorCode.INSUFFICIENT_CREDITS]
    assert (len(won), len(refused)) == (crowd // 10, crowd - crowd // 10)
    assert (await store.balance(account.id, TODAY, 0)).paid_credits == 0
    holds = [e for e in await store.ledger(account.id) if e.kind == LedgerKind.HOLD]
    assert len(holds) == crowd // 10
    assert len(await store.generations(account.id)) == crowd // 10


async def test_concurrent_reservations_never_exceed_the_running_limit(store: Store) -> None:
    account = await new_account(store, credits=1000)

    results = await asyncio.gather(
        *(store.reserve(reserve_request(account, max_running=3)) for _ in range(60)),
        return_exceptions=True,
    )

    won = [r for r in results if not isinstance(r, BaseException)]
    limited = [r for r in results if isinstance(r, DomainError) and r.code == ErrorCode.TOO_MANY_RUNNING]
    assert (len(won), len(limited)) == (3, 57)
    assert limited[0].params == {"limit": 3}
    assert (await store.balance(account.id, TODAY, 0)).paid_credits == 997


async def test_a_finished_generation_frees_its_running_slot(store: Store) -> None:
    account = await new_account(store, credits=10)
    first = await store.reserve(reserve_request(account, max_running=1))
    with pytest.raises(DomainError):
        await store.reserve(reserve_request(account, max_running=1))

    await store.settle(first.id, Settlement(("a.png",)), NOW)
    second = await store.reserve(reserve_request(account, max_running=1))

    assert second.status == GenerationStatus.QUEUED


async def test_two_workers_settling_one_generation_move_money_once(store: Store) -> None:
    account = await new_account(store, credits=10)
    generation = await store.reserve(reserve_request(account, count=2, unit_price=2))

    settled = await asyncio.gather(
        store.settle(generation.id, Settlement(("a.png", "b.png")), NOW),
        store.settle(generation.id, Settlement((), "generation_timeout"), NOW),
    )
    late = await store.settle(generation.id, Settlement(("a.png",)), NOW)

    outcomes = [s.won for s in settled]
    assert sorted(outcomes) == [False, True] and late.won is False
    kinds = [e.kind for e in await store.ledger(account.id)]
    assert kinds.count(LedgerKind.CAPTURE) + kinds.count(LedgerKind.REFUND) == 1
    balance = (await store.balance(account.id, TODAY, 0)).paid_credits
    assert balance == (6 if outcomes[0] else 10)


async def test_settling_an_unknown_generation_does_nothing(store: Store, rows: RowCounter) -> None:
    settled = await store.settle(unique("gen"), Settlement(("a.png",)), NOW)

    assert (settled.won, settled.generation) == (False, None)
    assert await rows("ledger") == 0


async def test_settling_returns_the_generation_as_it_is_afterwards(store: Store) -> None:
    account = await new_account(store, credits=10)
    generation = await store.reserve(reserve_request(account, count=2, unit_price=2))

    won = await store.settle(generation.id, Settlement(("a.png",), "generation_failed"), NOW + timedelta(seconds=5))
    lost = await store.settle(generation.id, Settlement((), "cancelled"), NOW + timedelta(seconds=9))

    assert won.won is True and won.generation == await store.get_generation(generation.id)
    assert won.generation is not None
    assert (won.generation.status, won.generation.image_keys) == (GenerationStatus.SUCCEEDED, ("a.png",))
    assert (won.generation.error_code, won.generation.delivered_at) == ("generation_failed", None)
    assert lost.won is False and lost.generation == won.generation


async def test_the_generation_and_its_owner_are_read_together(store: Store) -> None:
    account = await new_account(store, credits=10)
    generation = await store.reserve(reserve_request(account))

    found = await store.generation_and_owner(generation.id)
    await store.set_deletion_code(account.id, "424242", NOW + timedelta(minutes=5))
    await store.begin_deletion(account.id, "424242", NOW)
    fenced = await store.generation_and_owner(generation.id)
    await store.delete_account(account.id)

    assert found is not None and found[0] == generation and found[1].id == account.id
    assert not found[1].being_deleted
    assert fenced is not None and fenced[1].being_deleted
    assert await store.generation_and_owner(generation.id) is None
    assert await store.generation_and_owner(unique("gen")) is None


async def test_racing_first_contacts_of_one_person_create_one_account(store: Store, rows: RowCounter) -> None:
    identity = Identity(platform=Platform.DISCORD, platform_user_id=unique("dc"))

    accounts = await asyncio.gather(*(store.create_account(identity, "Bo", "de", NOW) for _ in range(20)))

    assert len({a.id for a in accounts}) == 1
    assert await rows("accounts") == 1 and await rows("identities") == 1
    assert await store.find_account(identity) == accounts[0]
    assert (accounts[0].display_name, accounts[0].locale) == ("Bo", "de")


# Idempotency ----------------------------------------------------------------------------------------------------


async def test_credits_are_granted_once_per_key_even_when_replayed_concurrently(store: Store) -> None:
    account = await new_account(store)

    results = await asyncio.gather(
        *(store.add_credits(account.id, 7, LedgerKind.GRANT, "welcome:ada", "", NOW) for _ in range(20))
    )

    assert results.count(True) == 1
    assert (await store.balance(account.id, TODAY, 0)).paid_credits == 7


async def test_a_payment_replayed_twenty_times_at_once_is_recorded_and_credited_once(store: Store) -> None:
    account = await new_account(store)
    paid = payment(account, id="pay_1", ref="ord_9")

    results = await asyncio.gather(
        *(store.record_payment(paid, LedgerKind.PURCHASE, "purchase:ord_9") for _ in range(20))
    )

    assert results.count(True) == 1
    assert await store.payments(account.id) == [paid]
    assert await store.find_payment("creem", "ord_9") == paid
    assert (await store.balance(account.id, TODAY, 0)).paid_credits == 50


async def test_a_payment_whose_key_was_used_writes_nothing(store: Store) -> None:
    account = await new_account(store)
    first = payment(account)
    await store.record_payment(first, LedgerKind.PURCHASE, "purchase:same")

    again = await store.record_payment(payment(account), LedgerKind.PURCHASE, "purchase:same")

    assert again is False
    assert await store.payments(account.id) == [first]
    assert (await store.balance(account.id, TODAY, 0)).paid_credits == 50


async def test_a_payment_whose_id_was_used_writes_nothing(store: Store) -> None:
    account = await new_account(store)
    first = payment(account, id="pay_1")
    await store.record_payment(first, LedgerKind.PURCHASE, "purchase:one")

    again = await store.record_payment(payment(account, id="pay_1"), LedgerKind.PURCHASE, "purchase:two")

    assert again is False
    assert await store.payments(account.id) == [first]
    assert [e.idempotency_key for e in await store.ledger(account.id)] == ["purchase:one"]


async def test_racing_payments_sharing_an_id_or_a_key_credit_once(store: Store, rows: RowCounter) -> None:
    account = await new_account(store)
    one_id = [payment(account, id="pay_same") for _ in range(10)]
    one_key = [payment(account) for _ in range(10)]

    same_id = await asyncio.gather(
        *(store.record_payment(p, LedgerKind.PURCHASE, f"purchase:{i}") for i, p in enumerate(one_id))
    )
    same_key = await asyncio.gather(*(store.record_payment(p, LedgerKind.PURCHASE, "purchase:same") for p in one_key))

    assert (same_id.count(True), same_key.count(True)) == (1, 1)
    assert await rows("payments", account.id) == 2 and await rows("ledger", account.id) == 2
    assert (await store.balance(account.id, TODAY, 0)).paid_credits == 100


async def test_crediting_an_unknown_account_is_not_found_and_writes_nothing(store: Store, rows: RowCounter) -> None:
    ghost = Account(id=unique("ghost"), created_at=NOW)

    with pytest.raises(DomainError) as granted:
        await store.add_credits(ghost.id, 5, LedgerKind.GRANT, unique("grant"), "", NOW)
    with pytest.raises(DomainError) as paid:
        await store.record_payment(payment(ghost), LedgerKind.PURCHASE, unique("purchase"))

    assert granted.value.code == paid.value.code == ErrorCode.NOT_FOUND
    assert await rows("ledger") == 0 and await rows("payments") == 0


async def test_a_payment_is_credited_with_its_reference_as_the_note(store: Store) -> None:
    account = await new_account(store)
    paid = payment(account, ref="ord_7")

    recorded = await store.record_payment(paid, LedgerKind.RENEWAL, "creem:renewal:ord_7")

    assert recorded is True
    entries = await store.ledger(account.id)
    assert [(e.kind, e.credits, e.idempotency_key, e.note) for e in entries] == [
        (LedgerKind.RENEWAL, 50, "creem:renewal:ord_7", "ord_7")
    ]


async def test_find_payment_returns_the_earliest_payment_under_a_reference(store: Store) -> None:
    account = await new_account(store)
    later = payment(account, ref="ord_5", created_at=NOW + timedelta(minutes=5))
    earliest = payment(account, ref="ord_5")
    await store.record_payment(later, LedgerKind.RENEWAL, "renewal:ord_5")
    await store.record_payment(earliest, LedgerKind.PURCHASE, "purchase:ord_5")

    found = await store.find_payment("creem", "ord_5")

    assert found == earliest
    assert await store.payments(account.id) == [earliest, later]
    assert await store.find_payment("kie", "ord_5") is None
    assert await store.find_payment("creem", "ord_unknown") is None


async def test_a_webhook_event_is_processed_once(store: Store) -> None:
    first = await store.record_event("creem", "evt_1", NOW)
    again = await store.record_event("creem", "evt_1", NOW)
    other_provider = await store.record_event("kie", "evt_1", NOW)

    assert (first, again, other_provider) == (True, False, True)


async def test_a_webhook_event_replayed_concurrently_is_recorded_once(store: Store) -> None:
    results = await asyncio.gather(*(store.record_event("creem", "evt_race", NOW) for _ in range(20)))

    assert results.count(True) == 1


# Generations ----------------------------------------------------------------------------------------------------


async def test_a_reserved_generation_reads_back_exactly_as_reserve_returned_it(store: Store) -> None:
    account = await new_account(store, credits=5)
    request = GenerationRequest(
        prompt="a lighthouse, watercolour", aspect_ratio="16:9", resolution="2K", count=2, reference_keys=("r/1.png",)
    )
    delivery = DeliveryTarget(
        platform=Platform.DISCORD, chat_id="c1", reply_to="m1", status_message_id="s1", extra={"guild": "g1"}
    )

    generation = await store.reserve(reserve_request(account, request=request, delivery=delivery, unit_price=2))

    assert await store.get_generation(generation.id) == generation
    assert (generation.status, generation.task_ids, generation.image_keys) == (GenerationStatus.QUEUED, ("", ""), ())
    assert (generation.request, generation.delivery, generation.delivered_at) == (request, delivery, None)
    assert (generation.created_at, generation.updated_at) == (NOW, NOW)
    assert await store.get_generation(unique("gen")) is None


async def test_a_task_id_is_kept_in_its_slot_and_the_generation_is_running(store: Store) -> None:
    account = await new_account(store, credits=5)
    generation = await store.reserve(reserve_request(account, count=2))
    later = NOW + timedelta(seconds=3)

    await store.set_task_id(generation.id, 1, "task_b", later)
    await store.set_task_id(generation.id, 0, "task_a", later)

    stored = await store.get_generation(generation.id)
    assert stored is not None
    assert (stored.status, stored.task_ids, stored.updated_at) == (
        GenerationStatus.RUNNING,
        ("task_a", "task_b"),
        later,
    )


async def test_setting_a_task_id_on_a_finished_generation_changes_nothing(store: Store) -> None:
    account = await new_account(store, credits=5)
    finished = await settled_generation(store, account)

    await store.set_task_id(finished.id, 0, "late_task", NOW + timedelta(minutes=1))
    await store.set_task_id(unique("gen"), 0, "orphan_task", NOW)

    assert await store.get_generation(finished.id) == finished


async def test_a_generation_is_marked_delivered_once(store: Store) -> None:
    account = await new_account(store, credits=5)
    finished = await settled_generation(store, account)
    first_time, second_time = NOW + timedelta(seconds=1), NOW + timedelta(seconds=2)

    first = await store.mark_delivered(finished.id, first_time)
    second = await store.mark_delivered(finished.id, second_time)
    unknown = await store.mark_delivered(unique("gen"), NOW)

    assert (first, second, unknown) == (True, False, False)
    stored = await store.get_generation(finished.id)
    assert stored is not None and stored.delivered_at == first_time


async def test_unfinished_lists_queued_running_and_undelivered_generations_until_delivered(store: Store) -> None:
    account = await new_account(store, credits=5)
    other = await new_account(store, credits=5)
    queued = await store.reserve(reserve_request(account, now=NOW))
    running = await store.reserve(reserve_request(other, now=NOW + timedelta(seconds=1)))
    await store.set_task_id(running.id, 0, "t1", NOW)
    done = await store.reserve(reserve_request(account, now=NOW + timedelta(seconds=2)))
    await store.settle(done.id, Settlement(("x.png",)), NOW)
    failed = await store.reserve(reserve_request(other, now=NOW + timedelta(seconds=3)))
    await store.settle(failed.id, Settlement((), "generation_failed"), NOW)
    await store.mark_delivered(failed.id, NOW)

    before = [g.id for g in await store.unfinished()]
    await store.mark_delivered(done.id, NOW)
    after = [g.id for g in await store.unfinished()]

    assert before == [queued.id, running.id, done.id]
    assert after == [queued.id, running.id]


async def test_generations_lists_one_accounts_generations_oldest_first(store: Store) -> None:
    account = await new_account(store, credits=5)
    other = await new_account(store, credits=5)
    second = await store.reserve(reserve_request(account, now=NOW + timedelta(seconds=5)))
    first = await store.reserve(reserve_request(account, now=NOW))
    await store.reserve(reserve_request(other))

    listed = [g.id for g in await store.generations(account.id)]

    assert listed == [first.id, second.id]
    assert await store.generations(unique("ghost")) == []


# Accounts ---------------------------------------------------------------------------------------------------------


async def test_a_new_account_has_the_defaults_and_is_found_by_its_identity(store: Store) -> None:
    identity = Identity(platform=Platform.CONSOLE, platform_user_id=unique("local"))

    account = await store.create_account(identity, "Cy", "", NOW)

    assert account == Account(id=account.id, display_name="Cy", locale="en", created_at=NOW)
    assert await store.get_account(account.id) == account
    assert await store.find_account(identity) == account
    assert await store.identities(account.id) == [identity]


async def test_creating_an_account_again_returns_the_existing_one_unchanged(store: Store) -> None:
    identity = Identity(platform=Platform.TELEGRAM, platform_user_id=unique("tg"))
    first = await store.create_account(identity, "Ada", "en", NOW)
    await store.update_settings(first.id, SettingsChange(locale="fr"))

    again = await store.create_account(identity, "Someone else", "de", NOW + timedelta(days=1))

    assert again == first.model_copy(update={"locale": "fr"})


async def test_the_same_user_id_on_another_platform_is_another_person(store: Store) -> None:
    telegram = await store.create_account(Identity(platform=Platform.TELEGRAM, platform_user_id="77"), "T", "en", NOW)
    discord = await store.create_account(Identity(platform=Platform.DISCORD, platform_user_id="77"), "D", "en", NOW)

    assert telegram.id != discord.id
    assert await store.identities(discord.id) == [Identity(platform=Platform.DISCORD, platform_user_id="77")]


async def test_unknown_people_and_accounts_are_not_found(store: Store) -> None:
    stranger = Identity(platform=Platform.TELEGRAM, platform_user_id=unique("tg"))

    assert await store.find_account(stranger) is None
    assert await store.get_account(unique("ghost")) is None
    assert await store.identities(unique("ghost")) == []


async def test_an_account_is_found_by_its_subscription_id(store: Store) -> None:
    account = await new_account(store)
    subscription = unique("sub")
    await hold_plan(store, account, "pro", subscription)

    assert await store.account_by_subscription(subscription) == await store.get_account(account.id)
    assert await store.account_by_subscription(unique("sub")) is None


async def test_deleting_an_account_leaves_no_row_that_refers_to_it(store: Store, rows: RowCounter) -> None:
    account = await new_account(store, credits=5)
    await store.give_consent(account.id, NOW)
    await settled_generation(store, account)
    await store.reserve(reserve_request(account))
    await store.record_payment(payment(account), LedgerKind.PURCHASE, unique("purchase"))
    await store.record_event("creem", "evt_kept", NOW)
    survivor = await new_account(store, credits=1)
    identity = (await store.identities(account.id))[0]
    assert all([await rows(t, account.id) for t in PERSONAL_TABLES])

    await store.delete_account(account.id)

    assert {t: await rows(t, account.id) for t in ("accounts", *PERSONAL_TABLES)} == dict.fromkeys(
        ("accounts", *PERSONAL_TABLES), 0
    )
    assert await store.get_account(account.id) is None and await store.find_account(identity) is None
    assert await store.unfinished() == []
    assert await store.get_account(survivor.id) is not None
    assert len(await store.ledger(survivor.id)) == 1
    assert await store.record_event("creem", "evt_kept", NOW) is False


async def test_a_deleted_person_who_comes_back_gets_a_fresh_account(store: Store) -> None:
    identity = Identity(platform=Platform.TELEGRAM, platform_user_id=unique("tg"))
    old = await store.create_account(identity, "Ada", "en", NOW)
    await store.add_credits(old.id, 5, LedgerKind.GRANT, unique("grant"), "", NOW)
    await store.delete_account(old.id)

    new = await store.create_account(identity, "Ada", "en", NOW)

    assert new.id != old.id
    assert (await store.balance(new.id, TODAY, 0)).paid_credits == 0
    await store.delete_account(unique("ghost"))  # deleting an unknown account is a no-op


async def test_the_store_answers_a_ping(store: Store) -> None:
    await store.ping()
