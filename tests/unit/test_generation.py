"""Generation: screen → reserve → produce → settle → deliver, with money exactly once."""

from __future__ import annotations

import asyncio

import pytest

from core.errors import DomainError, ErrorCode, ProviderError
from core.models import GenerationRequest, GenerationStatus, ImageSpec, LedgerKind, TaskRef
from core.policy import Policy
from core.texts import error_text
from core.usecases import generation
from tests.unit.conftest import ALICE, BOB, TARGET, World, make_world


def ask(prompt: str = "a red fox in the snow", **options: object) -> GenerationRequest:
    return GenerationRequest.model_validate({"prompt": prompt, **options})


async def run_queue(world: World) -> None:
    """Process every queued job the way the worker does."""
    while world.queue.pending():
        job = await world.queue.take()
        await generation.process(world.deps, job.generation_id)
        await world.queue.ack(job)


def ledger_balances(world: World, generation_id: str) -> bool:
    """Every hold ends captured and/or refunded, and nothing more is given back than was held."""
    entries = [e for e in world.store.entries if e.generation_id == generation_id]
    held = -sum(e.credits for e in entries if e.kind is LedgerKind.HOLD)
    refunded = sum(e.credits for e in entries if e.kind is LedgerKind.REFUND)
    return 0 <= refunded <= held and any(e.kind in (LedgerKind.CAPTURE, LedgerKind.REFUND) for e in entries)


async def test_nobody_can_generate_before_accepting_the_terms(world: World) -> None:
    with pytest.raises(DomainError) as refused:
        await generation.request_generation(world.deps, ALICE, ask(), TARGET)

    assert refused.value.code is ErrorCode.NOT_REGISTERED
    assert world.generator.submitted == []


async def test_a_new_member_spends_free_images_first_and_gets_the_image(world: World) -> None:
    account = await world.member()

    queued = await generation.request_generation(world.deps, ALICE, ask(count=2), TARGET)
    await run_queue(world)

    assert queued.hold.free_images == 2 and queued.hold.paid_credits == 0
    (delivered, images, balance) = world.messenger.delivered[0]
    assert delivered.status is GenerationStatus.SUCCEEDED and len(images) == 2
    assert balance.free_left == 1
    assert world.store.generations_by_id[queued.id].delivered_at is not None
    assert await world.paid_credits(account) == 0


async def test_paid_credits_are_charged_once_free_images_are_used_up(world: World) -> None:
    account = await world.member(credits=10)

    await generation.request_generation(world.deps, ALICE, ask(count=4), TARGET)
    await run_queue(world)

    assert await world.paid_credits(account) == 9


async def test_free_images_do_not_pay_for_4k(world: World) -> None:
    account = await world.member(credits=10)

    queued = await generation.request_generation(world.deps, ALICE, ask(aspect_ratio="16:9", resolution="4K"), TARGET)

    assert queued.hold.free_images == 0 and queued.hold.paid_credits == 4
    assert await world.paid_credits(account) == 6


async def test_a_generator_failure_refunds_everything_and_tells_the_person(world: World) -> None:
    account = await world.member(credits=5)
    world.generator.fail_prompts.add("doomed")

    queued = await generation.request_generation(world.deps, ALICE, ask("doomed", count=4), TARGET)
    await run_queue(world)

    assert await world.paid_credits(account) == 5
    assert (await world.store.balance(account, world.clock.now().date(), 3)).free_left == 3
    assert world.messenger.failures[0].error_code == "generation_failed"
    assert ledger_balances(world, queued.id)


async def test_a_provider_outage_at_submit_refunds_with_a_clear_reason(world: World) -> None:
    account = await world.member(credits=5)
    world.generator.broken = ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, "402")

    await generation.request_generation(world.deps, ALICE, ask(count=4), TARGET)
    await run_queue(world)

    assert await world.paid_credits(account) == 5
    assert world.messenger.failures[0].error_code == "provider_unavailable"


async def test_a_storage_failure_refunds_the_image(world: World) -> None:
    account = await world.member(credits=5)
    world.blobs.fail_puts = True

    await generation.request_generation(world.deps, ALICE, ask(count=4), TARGET)
    await run_queue(world)

    assert await world.paid_credits(account) == 5
    assert world.messenger.failures[0].error_code == "storage_failed"


async def test_when_some_images_fail_only_those_are_refunded(world: World) -> None:
    policy = Policy(free_per_day=0, poll_first_s=1.0, generation_deadline_s=120.0)
    world = make_world(policy)
    account = await world.member(credits=10)
    real_status = world.generator.status

    async def second_task_fails(task_id: str):  # type: ignore[no-untyped-def]
        status = await real_status(task_id)
        return status.model_copy(update={"state": "failed", "result_urls": ()}) if task_id == "task2" else status

    world.generator.status = second_task_fails  # type: ignore[method-assign]

    await generation.request_generation(world.deps, ALICE, ask(count=2), TARGET)
    await run_queue(world)

    assert await world.paid_credits(account) == 9
    assert len(world.messenger.delivered[0][1]) == 1


async def test_a_task_that_never_finishes_is_refunded_at_the_deadline(world: World) -> None:
    account = await world.member(credits=5)
    world.generator.never_finishes = True

    await generation.request_generation(world.deps, ALICE, ask(count=4), TARGET)
    await run_queue(world)

    assert await world.paid_credits(account) == 5
    assert world.messenger.failures[0].error_code == "generation_timeout"


async def test_fifty_concurrent_requests_with_credits_for_ten_let_exactly_ten_through() -> None:
    world = make_world(Policy(free_per_day=0, max_running=1000, requests_per_minute=1000))
    account = await world.member(credits=10)

    results = await asyncio.gather(
        *(generation.request_generation(world.deps, ALICE, ask(f"fox {i}"), TARGET) for i in range(50)),
        return_exceptions=True,
    )

    refused = [r for r in results if isinstance(r, DomainError)]
    assert len(results) - len(refused) == 10
    assert all(r.code is ErrorCode.INSUFFICIENT_CREDITS for r in refused)
    assert await world.paid_credits(account) == 0
    await run_queue(world)
    assert await world.paid_credits(account) == 0
    assert len(world.messenger.delivered) == 10


async def test_a_refused_prompt_costs_nothing_and_says_why(world: World) -> None:
    account = await world.member(credits=5)

    with pytest.raises(DomainError) as refused:
        await generation.request_generation(world.deps, ALICE, ask("something forbidden"), TARGET)

    assert refused.value.code is ErrorCode.PROMPT_REJECTED
    assert refused.value.params["reason"] == "not allowed."
    assert await world.paid_credits(account) == 5 and world.store.generations_by_id == {}


async def test_when_screening_is_down_nothing_is_generated_or_charged(world: World) -> None:
    account = await world.member(credits=5)
    world.moderator.down = True

    with pytest.raises(DomainError) as refused:
        await generation.request_generation(world.deps, ALICE, ask(), TARGET)

    assert refused.value.code is ErrorCode.MODERATION_UNAVAILABLE
    assert await world.paid_credits(account) == 5 and world.store.generations_by_id == {}


@pytest.mark.parametrize(
    ("request_", "code"),
    [
        (ask("   "), ErrorCode.PROMPT_EMPTY),
        (ask("x" * 4001), ErrorCode.PROMPT_TOO_LONG),
        (ask(count=9), ErrorCode.INVALID_OPTION),
        (ask(count=0), ErrorCode.INVALID_OPTION),
        (ask(aspect_ratio="1:1", resolution="4K"), ErrorCode.INVALID_OPTION),
        (ask(aspect_ratio="auto", resolution="2K"), ErrorCode.INVALID_OPTION),
    ],
)
async def test_bad_requests_are_refused_before_anything_is_charged(
    world: World, request_: GenerationRequest, code: ErrorCode
) -> None:
    account = await world.member(credits=5)

    with pytest.raises(DomainError) as refused:
        await generation.request_generation(world.deps, ALICE, request_, TARGET)

    assert refused.value.code is code
    assert await world.paid_credits(account) == 5 and world.moderator.screened == []


async def test_too_many_requests_a_minute_are_refused_with_a_wait_time() -> None:
    world = make_world(Policy(requests_per_minute=2, max_running=10))
    await world.member(credits=10)

    for _ in range(2):
        await generation.request_generation(world.deps, ALICE, ask(), TARGET)
    with pytest.raises(DomainError) as refused:
        await generation.request_generation(world.deps, ALICE, ask(), TARGET)

    assert refused.value.code is ErrorCode.RATE_LIMITED and refused.value.params["seconds"] == 60


async def test_more_running_generations_than_allowed_are_refused(world: World) -> None:
    await world.member(credits=10)

    for _ in range(2):
        await generation.request_generation(world.deps, ALICE, ask(), TARGET)
    with pytest.raises(DomainError) as refused:
        await generation.request_generation(world.deps, ALICE, ask(), TARGET)

    assert refused.value.code is ErrorCode.TOO_MANY_RUNNING


async def test_a_generation_processed_twice_is_delivered_and_charged_once(world: World) -> None:
    account = await world.member(credits=5)
    queued = await generation.request_generation(world.deps, ALICE, ask(count=4), TARGET)

    await asyncio.gather(generation.process(world.deps, queued.id), generation.process(world.deps, queued.id))
    await generation.process(world.deps, queued.id)

    assert await world.paid_credits(account) == 4
    assert len(world.messenger.delivered) in (1, 2)  # at-least-once towards the chat
    assert len([e for e in world.store.entries if e.kind is LedgerKind.CAPTURE]) == 1


async def test_a_running_task_is_followed_after_a_restart_not_submitted_again(world: World) -> None:
    await world.member()
    queued = await generation.request_generation(world.deps, ALICE, ask(), TARGET)
    task_id = await world.generator.submit(
        ImageSpec(prompt=queued.request.prompt), TaskRef(generation_id=queued.id, slot=0)
    )
    await world.store.set_task_id(queued.id, 0, task_id, world.clock.now())

    resumed = await generation.resume(world.deps)
    await run_queue(world)

    assert resumed == 1
    assert len(world.generator.submitted) == 1
    assert world.messenger.delivered[0][0].id == queued.id


async def test_a_failed_delivery_keeps_the_money_and_is_retried_on_resume(world: World) -> None:
    account = await world.member(credits=5)
    world.messenger.broken = True
    queued = await generation.request_generation(world.deps, ALICE, ask(count=4), TARGET)
    await run_queue(world)

    world.messenger.broken = False
    await generation.resume(world.deps)
    await run_queue(world)

    assert [g.id for g, _, _ in world.messenger.delivered] == [queued.id]
    assert await world.paid_credits(account) == 4


async def test_regenerate_and_vary_make_new_generations_from_an_old_one(world: World) -> None:
    await world.member(credits=5)
    first = await generation.request_generation(world.deps, ALICE, ask(count=2), TARGET)
    await run_queue(world)

    again = await generation.regenerate(world.deps, ALICE, first.id[:8], TARGET)
    await run_queue(world)
    varied = await generation.vary(world.deps, ALICE, first.id, TARGET)
    await run_queue(world)

    assert again.request == first.request and again.id != first.id
    stored_first = world.store.generations_by_id[first.id]
    assert varied.request.reference_keys == (stored_first.image_keys[0],) and varied.request.count == 1
    assert world.generator.submitted[-1].reference_urls[0].endswith(stored_first.image_keys[0] + "?expires=3600")


async def test_nobody_can_regenerate_someone_elses_image(world: World) -> None:
    await world.member()
    await world.member(BOB)
    first = await generation.request_generation(world.deps, ALICE, ask(), TARGET)

    with pytest.raises(DomainError) as refused:
        await generation.regenerate(world.deps, BOB, first.id, TARGET)

    assert refused.value.code is ErrorCode.NOT_OWNER
    assert error_text(refused.value) == "Only the person who made this image can use this button."


async def test_a_reference_must_be_an_image(world: World) -> None:
    await world.member()

    with pytest.raises(DomainError) as refused:
        await generation.request_generation(world.deps, ALICE, ask(), TARGET, [b"%PDF-1.7 not an image"])

    assert refused.value.code is ErrorCode.INVALID_OPTION
    assert world.blobs.blobs == {}
    assert world.generator.submitted == []
