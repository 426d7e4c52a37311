"""Never paid twice, never sent twice: a slot's provider task is created once even across a crash right after the
create call, and a result is marked delivered before anything else happens to the chat."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, replace

from core.models import Balance, Generation, GenerationRequest, GenerationStatus, ImageSpec, LedgerKind, TaskRef
from core.ports import LostTasks, StoredImage
from core.usecases import generation, tasks
from tests.fakes.metrics import CountingMetrics
from tests.fakes.store import FakeClock, FakeSignals, FakeStore, RecordingMessenger
from tests.unit.conftest import ALICE, TARGET, World, make_world


async def crashed_after_create(world: World, prompt: str = "a lighthouse") -> tuple[Generation, str]:
    """A generation whose worker died right after KIE's createTask answered: marked creating, task id never saved."""
    if await world.store.find_account(ALICE) is None:
        await world.member(credits=5)
    queued = await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt=prompt), TARGET)
    await world.store.claim_slot(queued.id, 0, world.clock.now())
    orphan = await world.generator.submit(ImageSpec(prompt=prompt), TaskRef(generation_id=queued.id, slot=0))
    resumed = await world.store.get_generation(queued.id)
    assert resumed is not None
    return resumed, orphan


class ReportingSignals(FakeSignals):
    """The provider's callback for the orphan arrives while the resuming worker waits for it."""

    def __init__(self, clock: FakeClock, report: TaskRef, task_id: str, world: World) -> None:
        super().__init__(clock)
        self.report, self.task_id, self.world = report, task_id, world
        self.waits = 0

    async def wait(self, key: str, timeout_s: float) -> bool:
        self.waits += 1
        if self.waits == 2:
            await tasks.report_task(self.world.deps, self.report, self.task_id)
            return True
        return await super().wait(key, timeout_s)


async def test_a_slot_orphaned_by_a_crash_after_create_adopts_the_reported_task_instead_of_paying_twice() -> None:
    world = make_world()
    orphaned, orphan = await crashed_after_create(world)
    signals = ReportingSignals(world.clock, TaskRef(generation_id=orphaned.id, slot=0), orphan, world)
    world.deps = replace(world.deps, signals=signals)

    await generation.process(world.deps, orphaned.id)

    assert len(world.generator.submitted) == 1
    stored = await world.store.get_generation(orphaned.id)
    assert stored is not None
    assert (stored.status, stored.task_ids, stored.delivered_at is not None) == (
        GenerationStatus.SUCCEEDED,
        (orphan,),
        True,
    )
    assert len(world.messenger.delivered) == 1


async def test_an_orphan_reported_before_the_resume_is_followed_at_once(world: World) -> None:
    orphaned, orphan = await crashed_after_create(world)
    started = world.clock.now()

    adopted = await tasks.report_task(world.deps, TaskRef(generation_id=orphaned.id, slot=0), orphan)
    await generation.process(world.deps, orphaned.id)

    assert adopted is True
    assert len(world.generator.submitted) == 1
    assert world.clock.now() == started
    assert [d[0].id for d in world.messenger.delivered] == [orphaned.id]


async def test_an_orphan_never_reported_is_refunded_at_the_deadline_and_never_created_again(world: World) -> None:
    orphaned, _ = await crashed_after_create(world)

    await generation.process(world.deps, orphaned.id)

    assert len(world.generator.submitted) == 1
    stored = await world.store.get_generation(orphaned.id)
    assert stored is not None and (stored.status, stored.error_code) == (GenerationStatus.FAILED, "task_lost")
    assert (world.clock.now() - orphaned.created_at).total_seconds() >= world.deps.policy.generation_deadline_s
    assert [e.idempotency_key for e in world.store.entries if e.kind is LedgerKind.REFUND] == [f"refund:{orphaned.id}"]
    assert [g.id for g in world.messenger.failures] == [orphaned.id]


async def test_a_provider_that_cannot_report_lost_tasks_refunds_the_orphan_at_once(world: World) -> None:
    world.generator.lost_tasks = LostTasks.LOST
    orphaned, _ = await crashed_after_create(world)
    started = world.clock.now()

    await generation.process(world.deps, orphaned.id)

    assert len(world.generator.submitted) == 1
    assert world.clock.now() == started
    stored = await world.store.get_generation(orphaned.id)
    assert stored is not None and (stored.status, stored.error_code) == (GenerationStatus.FAILED, "task_lost")
    refunds = [e for e in world.store.entries if e.kind is LedgerKind.REFUND]
    assert len(refunds) == 1


async def test_a_free_provider_simply_draws_the_orphan_again(world: World) -> None:
    world.generator.lost_tasks = LostTasks.RESUBMIT
    orphaned, _ = await crashed_after_create(world)

    await generation.process(world.deps, orphaned.id)

    assert world.generator.refs == [TaskRef(generation_id=orphaned.id, slot=0)] * 2
    assert [d[0].id for d in world.messenger.delivered] == [orphaned.id]


async def test_every_slot_is_created_with_its_own_ref_and_marked_before_the_create(world: World) -> None:
    await world.member(credits=5)
    queued = await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="fox", count=3), TARGET)
    marks: list[tuple[int, ...]] = []
    submit = world.generator.submit

    async def watching(spec: ImageSpec, ref: TaskRef) -> str:
        current = await world.store.get_generation(queued.id)
        assert current is not None
        marks.append(current.creating)
        return await submit(spec, ref)

    world.generator.submit = watching  # type: ignore[method-assign]

    await generation.process(world.deps, queued.id)

    assert sorted(ref.slot for ref in world.generator.refs) == [0, 1, 2]
    assert all(len(mark) >= 1 for mark in marks)
    stored = await world.store.get_generation(queued.id)
    assert stored is not None and stored.creating == (0, 1, 2)


async def test_generating_is_shown_only_once_a_task_is_at_the_provider(world: World) -> None:
    await world.member(credits=5)
    queued = await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="fox"), TARGET)
    await world.store.cancel_queued(queued.id, world.clock.now())

    await generation.process(world.deps, queued.id)

    assert world.generator.submitted == []
    assert world.messenger.progress_updates == []
    assert world.messenger.delivered == [] and world.messenger.failures == []


@dataclass
class CheckingMessenger(RecordingMessenger):
    """Notes, when tidying, whether the result was already marked delivered in the Store."""

    store: FakeStore | None = None
    delivered_when_tidied: list[bool] | None = None

    async def tidy(self, generation: Generation, locale: str) -> None:
        assert self.store is not None and self.delivered_when_tidied is not None
        stored = await self.store.get_generation(generation.id)
        self.delivered_when_tidied.append(stored is not None and stored.delivered_at is not None)
        raise ConnectionError("status message could not be deleted")


async def test_a_result_is_marked_delivered_before_the_status_message_is_tidied_away() -> None:
    world = make_world()
    seen: list[bool] = []
    messenger = CheckingMessenger(store=world.store, delivered_when_tidied=seen)
    world.deps = replace(world.deps, messenger=messenger)
    await world.member(credits=5)
    queued = await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="fox"), TARGET)

    await generation.process(world.deps, queued.id)
    await generation.process(world.deps, queued.id)  # a second run (a resumed job) sends nothing again

    assert seen == [True]
    assert len(messenger.delivered) == 1


@dataclass
class SlowMessenger(RecordingMessenger):
    """Sending takes a while (uploads), so a second worker reaches the same result while the first still sends."""

    async def deliver(
        self, generation: Generation, images: Sequence[StoredImage], balance: Balance | None, locale: str
    ) -> None:
        for _ in range(5):
            await asyncio.sleep(0)
        await super().deliver(generation, images, balance, locale)


async def test_two_workers_holding_one_job_send_its_result_once() -> None:
    world = make_world()
    messenger = SlowMessenger()
    world.deps = replace(world.deps, messenger=messenger)
    await world.member(credits=5)
    queued = await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="fox"), TARGET)

    await asyncio.gather(generation.process(world.deps, queued.id), generation.process(world.deps, queued.id))

    assert len(messenger.delivered) == 1
    assert len(world.generator.submitted) == 1


async def test_a_result_whose_sender_died_holding_the_claim_is_sent_once_the_claim_lapses(world: World) -> None:
    await world.member(credits=5)
    queued = await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="fox"), TARGET)
    world.messenger.broken = True
    await generation.process(world.deps, queued.id)  # claimed, the send failed: the claim stays until it lapses
    world.messenger.broken = False
    started = world.clock.now()

    await generation.process(world.deps, queued.id)

    assert len(world.messenger.delivered) == 1
    waited = (world.clock.now() - started).total_seconds()
    assert 0 < waited <= world.deps.policy.delivery_lease_s + world.deps.policy.poll_max_s


async def test_the_operator_sees_how_many_lost_task_ids_were_adopted_or_refunded(world: World) -> None:
    metrics = CountingMetrics()
    world.deps = replace(world.deps, metrics=metrics)
    adopted, orphan = await crashed_after_create(world)
    await tasks.report_task(world.deps, TaskRef(generation_id=adopted.id, slot=0), orphan)
    world.generator.lost_tasks = LostTasks.LOST
    refunded, _ = await crashed_after_create(world, prompt="another lighthouse")

    await generation.process(world.deps, refunded.id)

    lost = [labels["outcome"] for name, labels in metrics.counted if name == "gib_lost_task_ids_total"]
    assert lost == ["adopted", "refunded"]
