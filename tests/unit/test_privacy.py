"""Privacy rights: a full export, and a confirmed deletion that leaves nothing identifying behind."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from core.abuse import identity_digest
from core.errors import DomainError, ErrorCode
from core.models import (
    GenerationRequest,
    GenerationStatus,
    LedgerKind,
    PaymentEvent,
    PaymentEventKind,
    PlanFields,
)
from core.usecases import billing, generation, privacy
from tests.fakes.store import PNG
from tests.unit.conftest import ALICE, BOB, TARGET, World
from tests.unit.test_generation import run_queue


async def test_the_export_holds_everything_about_the_person_and_nothing_about_others(world: World) -> None:
    account = await world.member(credits=7)
    await world.member(BOB)
    await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a lighthouse at dusk"), TARGET)
    await run_queue(world)

    document = await privacy.export_data(world.deps, ALICE)

    assert document is not None
    assert document["account"]["id"] == account
    assert document["identities"] == [{"platform": "telegram", "platform_user_id": "1001"}]
    assert document["consent"]["age_13_or_older_confirmed"] is True
    assert document["generations"][0]["request"]["prompt"] == "a lighthouse at dusk"
    assert document["generations"][0]["image_links"][0].startswith("https://blobs.test/")
    assert {e["kind"] for e in document["ledger"]} == {"grant", "hold", "capture"}
    assert "deletion_code" not in document["account"]
    assert "2002" not in json.dumps(document)


async def test_someone_we_hold_nothing_on_gets_an_empty_answer(world: World) -> None:
    assert await privacy.export_data(world.deps, ALICE) is None


async def test_deletion_needs_the_code_and_then_removes_rows_and_images(world: World) -> None:
    account = await world.member(credits=3)
    await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a fox"), TARGET)
    await run_queue(world)
    assert world.blobs.blobs

    code = await privacy.request_deletion(world.deps, ALICE)
    with pytest.raises(DomainError) as wrong:
        await privacy.confirm_deletion(world.deps, ALICE, "000000" if code != "000000" else "111111")
    await privacy.confirm_deletion(world.deps, ALICE, code)

    assert wrong.value.code is ErrorCode.CONFIRMATION_INVALID
    assert account not in world.store.accounts
    assert world.store.entries == [] and world.store.generations_by_id == {} and world.blobs.blobs == {}
    assert await privacy.export_data(world.deps, ALICE) is None


async def test_an_expired_code_deletes_nothing(world: World) -> None:
    account = await world.member()
    code = await privacy.request_deletion(world.deps, ALICE)
    world.clock.advance(world.deps.policy.deletion_code_ttl_s + 1)

    with pytest.raises(DomainError):
        await privacy.confirm_deletion(world.deps, ALICE, code)

    assert account in world.store.accounts


async def test_cancelling_keeps_the_account_and_voids_the_code(world: World) -> None:
    account = await world.member()
    code = await privacy.request_deletion(world.deps, ALICE)

    await privacy.cancel_deletion(world.deps, ALICE)

    with pytest.raises(DomainError):
        await privacy.confirm_deletion(world.deps, ALICE, code)
    assert account in world.store.accounts


async def test_deletion_cancels_an_active_plan_first(world: World) -> None:
    account = await world.member()
    await world.store.change_plan(account, PlanFields(), PlanFields(plan="pro", subscription_id="sub_1"))

    await privacy.confirm_deletion(world.deps, ALICE, await privacy.request_deletion(world.deps, ALICE))

    assert world.payments.cancelled == ["sub_1"]
    assert account not in world.store.accounts


async def test_when_the_plan_cannot_be_cancelled_nothing_is_deleted(world: World) -> None:
    account = await world.member()
    await world.store.change_plan(account, PlanFields(), PlanFields(plan="pro", subscription_id="sub_1"))
    world.payments.down = True

    with pytest.raises(DomainError) as refused:
        await privacy.confirm_deletion(world.deps, ALICE, await privacy.request_deletion(world.deps, ALICE))

    assert refused.value.code is ErrorCode.PAYMENTS_UNAVAILABLE
    assert account in world.store.accounts
    assert not world.store.accounts[account].being_deleted  # the fence is lifted: the person can go on


async def test_deletion_cancels_queued_images_and_the_worker_never_sends_them_to_the_provider(world: World) -> None:
    account = await world.member(credits=3)
    await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a fox"), TARGET)

    await privacy.confirm_deletion(world.deps, ALICE, await privacy.request_deletion(world.deps, ALICE))
    await run_queue(world)

    assert account not in world.store.accounts
    assert world.generator.submitted == [] and world.blobs.blobs == {}
    assert world.messenger.failures == [] and world.messenger.delivered == []


async def test_nothing_is_reserved_or_stored_once_the_deletion_fence_is_up(world: World) -> None:
    account = await world.member(credits=3)
    code = await privacy.request_deletion(world.deps, ALICE)
    assert await world.store.begin_deletion(account, code, world.clock.now()) is not None

    with pytest.raises(DomainError) as refused:
        await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a fox"), TARGET)
    with pytest.raises(DomainError) as no_reference:
        await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a fox"), TARGET, [PNG])

    assert refused.value.code is no_reference.value.code is ErrorCode.ACCOUNT_BEING_DELETED
    assert world.store.generations_by_id == {} and world.blobs.blobs == {}


async def test_a_result_arriving_after_the_fence_is_discarded_and_refunded(world: World) -> None:
    account = await world.member(credits=3)
    queued = await generation.request_generation(
        world.deps, ALICE, GenerationRequest(prompt="a fox", aspect_ratio="16:9", resolution="2K"), TARGET
    )
    code = await privacy.request_deletion(world.deps, ALICE)
    fence = world.store.begin_deletion

    async def fence_while_running(generation_id: str, slot: int, task_id: str, now: datetime) -> None:
        await original_set_task_id(generation_id, slot, task_id, now)
        await fence(account, code, now)  # the fence goes up while the provider works on the image

    original_set_task_id = world.store.set_task_id
    world.store.set_task_id = fence_while_running  # type: ignore[method-assign]
    await run_queue(world)

    stored = world.store.generations_by_id[queued.id]
    assert world.blobs.blobs == {}
    assert stored.status is GenerationStatus.FAILED and await world.paid_credits(account) == 3


async def test_a_confirmation_with_unusual_characters_is_just_wrong(world: World) -> None:
    await world.member()
    await privacy.request_deletion(world.deps, ALICE)

    with pytest.raises(DomainError) as refused:
        await privacy.confirm_deletion(world.deps, ALICE, "１２３４５６ \x80")

    assert refused.value.code is ErrorCode.CONFIRMATION_INVALID


async def test_deleting_and_starting_again_the_same_day_keeps_todays_free_use_and_the_debt(world: World) -> None:
    account = await world.member()
    for prompt in ("a fox", "an owl"):
        await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt=prompt), TARGET)
    await run_queue(world)
    await world.store.add_credits(
        account, -5, LedgerKind.CLAWBACK, "creem:clawback:ord_1", "disputed", world.clock.now()
    )

    await privacy.confirm_deletion(world.deps, ALICE, await privacy.request_deletion(world.deps, ALICE))
    again = await world.member()

    held = await world.store.balance(again, world.clock.now().date(), world.deps.policy.free_per_day)
    assert again != account
    assert (held.free_left, held.paid_credits) == (world.deps.policy.free_per_day - 2, -5)
    assert world.store.abuse_memory == {}  # taken over once


async def test_the_next_utc_day_a_returning_person_gets_the_free_allowance_but_still_owes_the_debt(
    world: World,
) -> None:
    account = await world.member()
    await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a fox"), TARGET)
    await run_queue(world)
    await world.store.add_credits(
        account, -4, LedgerKind.CLAWBACK, "creem:clawback:ord_2", "disputed", world.clock.now()
    )
    await privacy.confirm_deletion(world.deps, ALICE, await privacy.request_deletion(world.deps, ALICE))

    world.clock.advance(24 * 3600)
    again = await world.member()

    held = await world.store.balance(again, world.clock.now().date(), world.deps.policy.free_per_day)
    assert (held.free_left, held.paid_credits) == (world.deps.policy.free_per_day, -4)


async def test_what_a_deletion_leaves_holds_no_id_or_prompt_only_a_keyed_hash_and_counts(world: World) -> None:
    await world.member()
    await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a fox"), TARGET)
    await run_queue(world)

    await privacy.confirm_deletion(world.deps, ALICE, await privacy.request_deletion(world.deps, ALICE))

    kept = json.dumps([m.model_dump(mode="json") for m in world.store.abuse_memory.values()])
    assert ALICE.platform_user_id not in kept and "fox" not in kept
    assert list(world.store.abuse_memory) == [
        identity_digest(world.deps.policy.identity_hash_key.get_secret_value(), ALICE)
    ]
    other_key = identity_digest(b"another server", ALICE)
    assert other_key not in world.store.abuse_memory


async def test_a_plan_paid_while_the_account_is_being_deleted_is_cancelled_and_not_announced(world: World) -> None:
    account = await world.member()
    code = await privacy.request_deletion(world.deps, ALICE)
    await world.store.begin_deletion(account, code, world.clock.now())
    paid = PaymentEvent(
        event_id="evt_1", provider="creem", kind=PaymentEventKind.PLAN_PAID, account_id=account, product_id="pro",
        payment_ref="ord_1", credits=10, subscription_id="sub_late",
    )  # fmt: skip

    await billing.apply_payment_event(world.deps, paid)

    assert world.payments.cancelled == ["sub_late"]
    assert world.store.accounts[account].plan is None
    assert world.messenger.notices == []
