"""Cancel: a request waiting in line is refunded at once and never reaches the provider; once its task is at the
provider it is too late, and a cancel racing the create is applied exactly once either way."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from adapters.console.chat import ConsoleChat
from core.errors import DomainError, ErrorCode
from core.models import GenerationRequest, GenerationStatus, LedgerKind
from core.usecases import generation
from core.usecases.cancel import cancel
from tests.unit.conftest import ALICE, BOB, TARGET, World
from tests.unit.test_exactly_once import CountingMetrics


async def test_a_waiting_request_is_cancelled_refunded_and_never_reaches_the_provider(world: World) -> None:
    account_id = await world.member(credits=10)
    queued = await generation.request_generation(
        world.deps, ALICE, GenerationRequest(prompt="a fox", aspect_ratio="16:9", resolution="2K", count=2), TARGET
    )

    cancelled = await cancel(world.deps, ALICE, queued.id)
    await generation.process(world.deps, queued.id)  # the job still in the queue runs later: nothing happens

    assert (cancelled.status, cancelled.error_code) == (GenerationStatus.FAILED, "cancelled")
    assert await world.paid_credits(account_id) == 10
    assert world.generator.submitted == []
    assert world.messenger.delivered == [] and world.messenger.failures == []
    assert world.messenger.progress_updates == []


async def test_a_cancel_is_counted_as_a_refunded_generation_with_reason_cancelled(world: World) -> None:
    metrics = CountingMetrics()
    world.deps = replace(world.deps, metrics=metrics)
    await world.member(credits=10)
    queued = await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a fox"), TARGET)

    await cancel(world.deps, ALICE, queued.id)
    await cancel(world.deps, ALICE, queued.id)

    finished = [labels for name, labels in metrics.counted if name == "gib_generations_finished_total"]
    assert finished == [{"outcome": "refunded", "reason": "cancelled"}]


async def test_cancel_without_an_id_takes_the_latest_request_still_waiting(world: World) -> None:
    await world.member(credits=10)
    first = await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="one"), TARGET)
    world.clock.advance(1)
    second = await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="two"), TARGET)

    cancelled = await cancel(world.deps, ALICE)

    assert cancelled.id == second.id
    still = await world.store.get_generation(first.id)
    assert still is not None and still.status is GenerationStatus.QUEUED


async def test_cancel_by_a_short_id_prefix_works_like_the_full_id(world: World) -> None:
    await world.member(credits=10)
    queued = await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="one"), TARGET)

    cancelled = await cancel(world.deps, ALICE, queued.id[:8])

    assert cancelled.id == queued.id


async def test_a_request_whose_task_is_at_the_provider_cannot_be_cancelled(world: World) -> None:
    account_id = await world.member(credits=10)
    queued = await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="fox"), TARGET)
    await world.store.claim_slot(queued.id, 0, world.clock.now())

    with pytest.raises(DomainError) as by_id:
        await cancel(world.deps, ALICE, queued.id)
    with pytest.raises(DomainError) as latest:
        await cancel(world.deps, ALICE)

    assert by_id.value.code is latest.value.code is ErrorCode.ALREADY_STARTED
    refunds = [e for e in await world.store.ledger(account_id) if e.kind is LedgerKind.REFUND]
    assert refunds == []


async def test_a_finished_request_nothing_waiting_and_someone_elses_request_are_refused(world: World) -> None:
    await world.member(credits=10)
    await world.member(BOB, credits=10)
    queued = await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="fox"), TARGET)

    with pytest.raises(DomainError) as not_yours:
        await cancel(world.deps, BOB, queued.id)
    with pytest.raises(DomainError) as nothing:
        await cancel(world.deps, BOB)
    await generation.process(world.deps, queued.id)
    with pytest.raises(DomainError) as finished:
        await cancel(world.deps, ALICE, queued.id)

    assert not_yours.value.code is ErrorCode.NOT_YOURS
    assert nothing.value.code is ErrorCode.NOTHING_TO_CANCEL
    assert finished.value.code is ErrorCode.ALREADY_FINISHED


async def test_cancelling_twice_answers_the_same_and_refunds_once(world: World) -> None:
    account_id = await world.member(credits=10)
    queued = await generation.request_generation(
        world.deps, ALICE, GenerationRequest(prompt="fox", aspect_ratio="16:9", resolution="2K"), TARGET
    )

    first = await cancel(world.deps, ALICE, queued.id)
    again = await cancel(world.deps, ALICE, queued.id)

    assert first == again
    assert await world.paid_credits(account_id) == 10


async def test_a_cancel_racing_the_worker_is_applied_exactly_once_either_way(world: World) -> None:
    account_id = await world.member(credits=100)
    world.deps = replace(
        world.deps, policy=world.deps.policy.model_copy(update={"max_running": 50, "requests_per_minute": 50})
    )
    requests = [
        await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt=f"p{i}"), TARGET)
        for i in range(20)
    ]

    async def try_cancel(generation_id: str, turns: int) -> bool:
        for _ in range(turns):  # let the worker go first for some
            await asyncio.sleep(0)
        try:
            await cancel(world.deps, ALICE, generation_id)
        except DomainError as error:
            assert error.code is ErrorCode.ALREADY_STARTED or error.code is ErrorCode.ALREADY_FINISHED
            return False
        return True

    outcomes = await asyncio.gather(
        *(asyncio.gather(try_cancel(g.id, i % 3), generation.process(world.deps, g.id)) for i, g in enumerate(requests))
    )

    cancelled = {g.id for g, (won, _) in zip(requests, outcomes, strict=True) if won}
    made = {ref.generation_id for ref in world.generator.refs}
    assert cancelled and made, "both outcomes happen"
    assert cancelled.isdisjoint(made) and cancelled | made == {g.id for g in requests}
    for g in requests:
        stored = await world.store.get_generation(g.id)
        assert stored is not None
        assert stored.status is (GenerationStatus.FAILED if g.id in cancelled else GenerationStatus.SUCCEEDED)
    assert len(world.messenger.delivered) == len(made)
    refunds = [e for e in await world.store.ledger(account_id) if e.kind is LedgerKind.REFUND]
    assert len(refunds) == len(cancelled)


async def test_the_console_cancels_with_slash_cancel_and_says_what_came_back(world: World) -> None:
    out: list[str] = []
    chat = ConsoleChat(world.deps, out.append, user_id="tester")
    for line in ("/start", "/accept", "/imagine a quiet harbour", "/cancel", "/cancel"):
        await chat.handle(line)
    await generation.process(world.deps, chat.last_generation or "")

    assert out[3].endswith("] Cancelled. Nothing was made, and what it held was refunded: 1 free image.")
    assert out[4] == "You have nothing waiting in line to cancel."
    assert world.generator.submitted == []
