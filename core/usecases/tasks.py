"""One provider task per image slot, created at most once: the intent is recorded before the create call.

A worker killed between KIE's createTask and saving the task id leaves the slot marked "creating" with no task.
Whoever resumes it never creates a second (paid) task: it adopts the orphan when the provider reports it (the
callback names the generation and slot), or, where nothing can report it, gives the slot up and refunds it.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from core.deps import Deps
from core.errors import DomainError, ErrorCode, ProviderError
from core.models import Generation, ImageSpec, TaskRef
from core.ports import LostTasks
from core.usecases import waiting

log = logging.getLogger(__name__)


def slot_key(generation_id: str, slot: int) -> str:
    """The Signals key woken when a slot gets its task (saved by a worker, or adopted from a callback)."""
    return f"slot:{generation_id}:{slot}"


async def task_for(deps: Deps, generation: Generation, slot: int) -> str:
    """The slot's provider task: the saved one, the orphan of a crashed create, or one created now (once)."""
    saved = generation.task_id(slot)
    if saved:
        return saved
    if slot in generation.creating:
        return await _recover(deps, generation, slot)
    spec = await _spec(deps, generation)
    await waiting.turn(deps, generation, slot)  # the provider's create budget: wait in line, fairly
    if not await deps.store.claim_slot(generation.id, slot, deps.clock.now()):
        return await _claimed_elsewhere(deps, generation.id, slot)
    ref = TaskRef(generation_id=generation.id, slot=slot)
    task_id = await waiting.create(deps, generation, slot, lambda: deps.generator.submit(spec, ref))
    await deps.store.set_task_id(generation.id, slot, task_id, deps.clock.now())
    await _wake(deps, generation.id, slot)
    return task_id


async def report_task(deps: Deps, ref: TaskRef, task_id: str) -> bool:
    """The provider says `task_id` was created for `ref` (its callback): adopt it if that slot lost its task id."""
    adopted = await deps.store.adopt_task(ref.generation_id, ref.slot, task_id, deps.clock.now())
    if adopted:
        deps.metrics.count("gib_lost_task_ids_total", outcome="adopted")
        log.warning(
            "adopted a provider task whose id was lost (a worker died right after creating it)",
            extra={"generation_id": ref.generation_id, "slot": ref.slot, "task_id": task_id},
        )
        await _wake(deps, ref.generation_id, ref.slot)
    return adopted


async def _spec(deps: Deps, generation: Generation) -> ImageSpec:
    request = generation.request
    return ImageSpec(
        prompt=request.prompt,
        aspect_ratio=request.aspect_ratio,
        resolution=request.resolution,
        reference_urls=await reference_urls(deps, request.reference_keys),
    )


async def reference_urls(deps: Deps, keys: tuple[str, ...]) -> tuple[str, ...]:
    """Links the generator can fetch: uploaded to the provider when the BlobStore has no public links."""
    if deps.references is not None:
        return tuple([await deps.references.url(key) for key in keys])
    return tuple([await deps.blobs.link(key, deps.policy.link_ttl_s) for key in keys])


async def _claimed_elsewhere(deps: Deps, generation_id: str, slot: int) -> str:
    """The claim lost: the generation was cancelled or finished, its account is being deleted, or another worker
    is creating this slot."""
    current = await deps.store.get_generation(generation_id)
    if current is None or current.finished:
        raise DomainError(ErrorCode.ALREADY_FINISHED)  # settled elsewhere (cancelled, deleted): nothing to make
    account = await deps.store.get_account(current.account_id)
    if account is None or account.being_deleted:
        raise DomainError(ErrorCode.ACCOUNT_BEING_DELETED)  # the deletion fence: nothing goes to the provider
    return await task_for(deps, current, slot)


async def _recover(deps: Deps, generation: Generation, slot: int) -> str:
    """A create was started for this slot before (a worker died, or is still at it): find its task, never redo it."""
    policy = deps.generator.lost_tasks
    if policy is LostTasks.RESUBMIT:
        ref = TaskRef(generation_id=generation.id, slot=slot)
        task_id = await deps.generator.submit(await _spec(deps, generation), ref)
        await deps.store.set_task_id(generation.id, slot, task_id, deps.clock.now())
        return task_id
    if policy is LostTasks.REPORTED:
        return await _await_report(deps, generation, slot)
    deps.metrics.count("gib_lost_task_ids_total", outcome="refunded")
    log.warning(
        "a provider task may have been created but its id was lost; refunding instead of paying twice",
        extra={"generation_id": generation.id, "slot": slot},
    )
    raise ProviderError(ErrorCode.TASK_LOST, "task id lost in a restart; not created again")


async def _await_report(deps: Deps, generation: Generation, slot: int) -> str:
    """Wait, until the generation's deadline, for the slot's task id: saved by a live worker or adopted from the
    provider's callback (KIE calls back when the task ends). Polls the Store too: a wake-up may be missed."""
    deadline = generation.created_at + timedelta(seconds=deps.policy.generation_deadline_s)
    interval = deps.policy.poll_first_s
    while True:
        current = await deps.store.get_generation(generation.id)
        if current is None or current.finished:
            raise DomainError(ErrorCode.ALREADY_FINISHED)
        task_id = current.task_id(slot)
        if task_id:
            return task_id
        remaining = (deadline - deps.clock.now()).total_seconds()
        if remaining <= 0:
            deps.metrics.count("gib_lost_task_ids_total", outcome="refunded")
            log.warning(
                "the provider never reported the task of an interrupted create; refunding the slot",
                extra={"generation_id": generation.id, "slot": slot},
            )
            raise ProviderError(ErrorCode.TASK_LOST, "the provider never reported the interrupted task")
        await deps.signals.wait(slot_key(generation.id, slot), min(interval, remaining))
        interval = min(interval * 1.5, deps.policy.poll_max_s)


async def _wake(deps: Deps, generation_id: str, slot: int) -> None:
    try:
        await deps.signals.notify(slot_key(generation_id, slot))
    except Exception:  # a waiter also polls the Store
        log.info("slot wake-up not sent", extra={"generation_id": generation_id, "slot": slot})
