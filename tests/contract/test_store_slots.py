"""The Store contract for a generation's slots: the "creating" mark before a provider task is created (never paid
twice), adopting the task of a lost create answer, and cancelling a request still waiting in line.

Runs against FakeStore, SqliteStore and SupabaseStore like test_store.py (the `store` fixture in conftest.py).
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from core.models import GenerationStatus, LedgerKind
from core.ports import Settlement, Store
from tests.contract.store_support import NOW, TODAY, new_account, reserve_request, unique

LATER = NOW + timedelta(seconds=5)


async def test_a_slot_is_claimed_once_and_its_generation_is_then_running(store: Store) -> None:
    account = await new_account(store, credits=5)
    generation = await store.reserve(reserve_request(account, count=2))

    first = await store.claim_slot(generation.id, 1, LATER)
    again = await store.claim_slot(generation.id, 1, LATER)
    other = await store.claim_slot(generation.id, 0, LATER)

    assert (first, again, other) == (True, False, True)
    stored = await store.get_generation(generation.id)
    assert stored is not None
    assert (stored.status, stored.creating, stored.task_ids) == (GenerationStatus.RUNNING, (0, 1), ("", ""))


async def test_twenty_workers_racing_for_one_slot_let_exactly_one_create_its_task(store: Store) -> None:
    account = await new_account(store, credits=5)
    generation = await store.reserve(reserve_request(account))

    claims = await asyncio.gather(*(store.claim_slot(generation.id, 0, LATER) for _ in range(20)))

    assert sum(claims) == 1


async def test_a_slot_with_a_saved_task_or_of_a_finished_or_unknown_generation_is_not_claimed(store: Store) -> None:
    account = await new_account(store, credits=5)
    with_task = await store.reserve(reserve_request(account))
    await store.set_task_id(with_task.id, 0, "task_a", NOW)
    finished = await store.reserve(reserve_request(account))
    await store.settle(finished.id, Settlement((), "generation_failed"), NOW)

    claims = [
        await store.claim_slot(with_task.id, 0, LATER),
        await store.claim_slot(finished.id, 0, LATER),
        await store.claim_slot(unique("gen"), 0, LATER),
    ]

    assert claims == [False, False, False]
    stored = await store.get_generation(finished.id)
    assert stored is not None and stored.creating == ()


async def test_a_reported_task_is_adopted_by_its_claimed_slot_once(store: Store) -> None:
    account = await new_account(store, credits=5)
    generation = await store.reserve(reserve_request(account, count=2))
    await store.claim_slot(generation.id, 1, NOW)

    adopted = await store.adopt_task(generation.id, 1, "orphan_task", LATER)
    again = await store.adopt_task(generation.id, 1, "another_task", LATER)

    assert (adopted, again) == (True, False)
    stored = await store.get_generation(generation.id)
    assert stored is not None
    assert (stored.task_ids, stored.status, stored.updated_at) == (("", "orphan_task"), GenerationStatus.RUNNING, LATER)


async def test_a_reported_task_is_not_adopted_by_an_unclaimed_or_settled_slot(store: Store) -> None:
    account = await new_account(store, credits=5)
    unclaimed = await store.reserve(reserve_request(account))
    settled = await store.reserve(reserve_request(account))
    await store.claim_slot(settled.id, 0, NOW)
    await store.settle(settled.id, Settlement((), "task_lost"), NOW)

    adoptions = [
        await store.adopt_task(unclaimed.id, 0, "stray_task", LATER),
        await store.adopt_task(settled.id, 0, "late_task", LATER),
        await store.adopt_task(unique("gen"), 0, "unknown_task", LATER),
    ]

    assert adoptions == [False, False, False]
    assert (await store.get_generation(unclaimed.id)) == unclaimed
    stored = await store.get_generation(settled.id)
    assert stored is not None and stored.task_ids == ("",)


async def test_a_task_saved_by_its_worker_is_not_replaced_by_a_report(store: Store) -> None:
    account = await new_account(store, credits=5)
    generation = await store.reserve(reserve_request(account))
    await store.claim_slot(generation.id, 0, NOW)
    await store.set_task_id(generation.id, 0, "task_a", NOW)

    adopted = await store.adopt_task(generation.id, 0, "task_a", LATER)

    assert adopted is False
    stored = await store.get_generation(generation.id)
    assert stored is not None and stored.task_ids == ("task_a",)


async def test_cancelling_a_queued_generation_refunds_the_whole_hold_and_marks_it_answered(store: Store) -> None:
    account = await new_account(store, credits=5)
    generation = await store.reserve(reserve_request(account, count=2, unit_price=2, free_per_day=1))

    cancelled = await store.cancel_queued(generation.id, LATER)

    assert cancelled is True
    stored = await store.get_generation(generation.id)
    assert stored is not None
    assert (stored.status, stored.error_code, stored.delivered_at) == (GenerationStatus.FAILED, "cancelled", LATER)
    balance = await store.balance(account.id, TODAY, free_per_day=1)
    assert (balance.paid_credits, balance.free_left) == (5, 1)
    refunds = [e for e in await store.ledger(account.id) if e.kind is LedgerKind.REFUND]
    assert [(e.credits, e.free_images, e.idempotency_key) for e in refunds] == [(2, 1, f"refund:{generation.id}")]
    assert generation.id not in [g.id for g in await store.unfinished()]


async def test_a_generation_whose_task_creation_began_cannot_be_cancelled(store: Store) -> None:
    account = await new_account(store, credits=5)
    started = await store.reserve(reserve_request(account))
    await store.claim_slot(started.id, 0, NOW)
    finished = await store.reserve(reserve_request(account))
    await store.settle(finished.id, Settlement(("a.png",)), NOW)

    refused = [await store.cancel_queued(g, LATER) for g in (started.id, finished.id, unique("gen"))]

    assert refused == [False, False, False]
    assert (await store.balance(account.id, TODAY, free_per_day=0)).paid_credits == 3
    stored = await store.get_generation(started.id)
    assert stored is not None and stored.status is GenerationStatus.RUNNING


async def test_a_cancel_racing_the_create_is_applied_exactly_once_either_way(store: Store) -> None:
    account = await new_account(store, credits=50)
    generations = [await store.reserve(reserve_request(account)) for _ in range(10)]

    outcomes = await asyncio.gather(
        *(asyncio.gather(store.cancel_queued(g.id, LATER), store.claim_slot(g.id, 0, LATER)) for g in generations)
    )

    assert all(cancelled != claimed for cancelled, claimed in outcomes)
    for generation, (cancelled, _) in zip(generations, outcomes, strict=True):
        stored = await store.get_generation(generation.id)
        assert stored is not None
        assert stored.status is (GenerationStatus.FAILED if cancelled else GenerationStatus.RUNNING)
    refunds = [e for e in await store.ledger(account.id) if e.kind is LedgerKind.REFUND]
    assert len(refunds) == sum(cancelled for cancelled, _ in outcomes)
    assert (await store.balance(account.id, TODAY, free_per_day=0)).paid_credits == 50 - 10 + len(refunds)


async def test_a_cancelled_generation_is_never_settled_again(store: Store) -> None:
    account = await new_account(store, credits=5)
    generation = await store.reserve(reserve_request(account))
    await store.cancel_queued(generation.id, NOW)

    settled = await store.settle(generation.id, Settlement(("a.png",)), LATER)
    again = await store.cancel_queued(generation.id, LATER)

    assert (settled.won, again) == (False, False)
    assert (await store.balance(account.id, TODAY, free_per_day=0)).paid_credits == 5


async def test_one_worker_at_a_time_may_send_a_finished_result_and_a_lapsed_claim_can_be_taken_again(
    store: Store,
) -> None:
    account = await new_account(store, credits=5)
    generation = await store.reserve(reserve_request(account))
    unfinished = await store.claim_delivery(generation.id, LATER, NOW)
    await store.settle(generation.id, Settlement(("a.png",)), NOW)

    first = await store.claim_delivery(generation.id, NOW + timedelta(seconds=120), NOW)
    while_held = await store.claim_delivery(generation.id, LATER + timedelta(seconds=120), LATER)
    lapsed = await store.claim_delivery(generation.id, NOW + timedelta(seconds=300), NOW + timedelta(seconds=121))
    await store.mark_delivered(generation.id, NOW + timedelta(seconds=122))
    delivered = await store.claim_delivery(generation.id, NOW + timedelta(seconds=999), NOW + timedelta(seconds=600))

    assert (unfinished, first, while_held, lapsed, delivered) == (False, True, False, True, False)
    assert await store.claim_delivery(unique("gen"), LATER, NOW) is False


async def test_the_settling_worker_holds_the_delivery_claim_taken_with_the_settlement(store: Store) -> None:
    account = await new_account(store, credits=5)
    generation = await store.reserve(reserve_request(account))

    settled = await store.settle(generation.id, Settlement(("a.png",)), NOW, claim_until=NOW + timedelta(seconds=120))
    while_held = await store.claim_delivery(generation.id, LATER + timedelta(seconds=120), LATER)
    lapsed = await store.claim_delivery(generation.id, NOW + timedelta(seconds=300), NOW + timedelta(seconds=121))

    assert (settled.won, while_held, lapsed) == (True, False, True)


async def test_a_settlement_that_lost_takes_no_delivery_claim(store: Store) -> None:
    account = await new_account(store, credits=5)
    generation = await store.reserve(reserve_request(account))
    await store.settle(generation.id, Settlement(("a.png",)), NOW)

    late = await store.settle(generation.id, Settlement(()), NOW, claim_until=NOW + timedelta(seconds=120))
    claim = await store.claim_delivery(generation.id, NOW + timedelta(seconds=120), NOW)

    assert (late.won, claim) == (False, True)


async def test_workers_racing_to_send_one_result_let_exactly_one_send_it(store: Store) -> None:
    account = await new_account(store, credits=5)
    generation = await store.reserve(reserve_request(account))
    await store.settle(generation.id, Settlement((), "generation_failed"), NOW)

    claims = await asyncio.gather(*(store.claim_delivery(generation.id, LATER, NOW) for _ in range(20)))

    assert sum(claims) == 1
