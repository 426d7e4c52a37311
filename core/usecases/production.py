"""Running a generation (in a worker): produce → store → settle → deliver; resume what a previous process left.

Money is exactly-once: a generation is settled once by compare-and-set, and whatever was not delivered as an
image is refunded. Running it again for the same id (a resume, a duplicate job) is safe.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta

from core.deps import Deps
from core.errors import DomainError, ErrorCode, ProviderError, StoreUnavailable
from core.languages import reply_locale
from core.metrics import record_queue_wait, record_settlement
from core.models import Account, Generation, TaskState, TaskStatus
from core.ports import Settled, Settlement
from core.usecases import tasks, waiting
from core.usecases.delivery import deliver, delivery_lease
from core.validation import EXTENSIONS, sniff_image_type

log = logging.getLogger(__name__)


async def process(deps: Deps, generation_id: str) -> None:
    """Produce, settle and deliver one generation; safe to call again for the same id (resume, duplicates).

    The generation and its owner are read once, together; every later step passes them on or gets the
    generation back from the Store call that changes it (round trips are the cost of a crowd)."""
    found = await deps.store.generation_and_owner(generation_id)
    if found is None or found[0].finished:  # deleted, cancelled or done elsewhere: nothing left to create
        await waiting.leave(deps, generation_id)
    if found is None:
        return
    generation, owner = found
    stopwatch = waiting.Stopwatch()
    claimed = False
    if not generation.finished:
        settled = await _run(deps, generation, owner, stopwatch)
        if settled.generation is None:
            return
        generation, claimed = settled.generation, settled.won
    if generation.delivered_at is None:
        await deliver(deps, generation, owner, claimed=claimed)
        await stopwatch.observe(deps)


async def _run(deps: Deps, generation: Generation, owner: Account, stopwatch: waiting.Stopwatch) -> Settled:
    """Produce and settle an unfinished generation; the settlement holds the generation as it is afterwards (None:
    deleted meanwhile) and, when this run won it, the delivery claim.

    When another settlement won (cancelled or deleted meanwhile), the images this run stored go again."""
    record_queue_wait(deps.metrics, generation, deps.clock.now())
    settlement = await produce(deps, generation, owner, stopwatch)
    now = deps.clock.now()
    settled = await deps.store.settle(generation.id, settlement, now, claim_until=now + delivery_lease(deps))
    if settled.won:
        record_settlement(deps.metrics, generation, settlement)
    await waiting.leave(deps, generation.id)
    if not settled.won:
        await _discard_unkept(deps, settlement.image_keys, settled.generation, generation.account_id)
    return settled


async def produce(
    deps: Deps, generation: Generation, owner: Account, stopwatch: waiting.Stopwatch | None = None
) -> Settlement:
    """Run one provider task per image concurrently; keep what succeeded, report the first failure.

    While the creates wait in line the person sees their place; "generating" once the first one is made.
    `owner` is the generation's account as read with it (its locale; past the deletion fence nothing is made)."""
    locale = reply_locale(owner)
    done, begun = 0, False
    reporter = asyncio.create_task(waiting.report(deps, generation, locale))

    async def started() -> None:
        """'Generating' is shown once a task is at the provider: until then the request may still be cancelled."""
        nonlocal begun
        if not begun:
            begun = True
            reporter.cancel()
            if stopwatch is not None:
                stopwatch.start(deps)
            await _progress(deps, generation, "generating", 0, locale)

    async def one(slot: int) -> str:
        nonlocal done
        key = await _produce_slot(deps, generation, owner, slot, started)
        done += 1
        if done < generation.request.count:  # the last one is followed at once by the result itself
            await _progress(deps, generation, "generating", done, locale)
        return key

    try:
        results = await asyncio.gather(*(one(slot) for slot in range(generation.request.count)), return_exceptions=True)
    finally:
        reporter.cancel()
    return _settlement(generation, results)


def _settlement(generation: Generation, results: Sequence[str | BaseException]) -> Settlement:
    """The images kept and the first failure's code; a Store outage is raised instead (the job is retried)."""
    keys = tuple(r for r in results if isinstance(r, str))
    errors = [r for r in results if isinstance(r, BaseException)]
    outage = next((e for e in errors if isinstance(e, StoreUnavailable)), None)
    if outage is not None:
        raise outage  # not the provider's fault: the worker retries the job; saved task ids are followed
    for error in errors:
        if not isinstance(error, ProviderError | DomainError):
            log.error("generation slot crashed", exc_info=error, extra={"generation_id": generation.id})
    if keys or not errors:
        return Settlement(image_keys=keys)
    first = errors[0]
    code = first.code.value if isinstance(first, ProviderError | DomainError) else ErrorCode.GENERATION_FAILED.value
    detail = first.detail if isinstance(first, ProviderError | DomainError) else None
    return Settlement(image_keys=(), error_code=code, error_detail=detail or None)


async def _produce_slot(
    deps: Deps, generation: Generation, owner: Account, slot: int, started: Callable[[], Awaitable[None]]
) -> str:
    if not generation.task_id(slot):
        _require_wanted(generation, owner)  # as read at the start; claiming the slot checks again atomically
    begun = deps.clock.now()
    task_id = await tasks.task_for(deps, generation, slot)
    await started()
    deadline = generation.created_at + timedelta(seconds=deps.policy.generation_deadline_s)
    status = await follow(deps, task_id, deadline)
    seconds = (deps.clock.now() - begun).total_seconds()
    deps.metrics.observe("gib_provider_task_seconds", seconds, outcome=status.state.value)
    data, content_type = await _result(deps, task_id, status)
    key = f"{generation.account_id}/{generation.id}/{slot}.{EXTENSIONS[content_type]}"
    await _still_wanted(deps, generation.id)
    await _store_image(deps, key, data, content_type)
    return key


async def _result(deps: Deps, task_id: str, status: TaskStatus) -> tuple[bytes, str]:
    """The finished task's image and its content type; a failed task, or a result that is no image, raises."""
    if status.state is TaskState.FAILED:
        raise ProviderError(
            ErrorCode(status.error_code or ErrorCode.GENERATION_FAILED.value), status.error_detail or ""
        )
    if not status.result_urls:
        raise ProviderError(ErrorCode.GENERATION_FAILED, "no result")
    data = await deps.generator.download(task_id, status.result_urls[0])
    content_type = sniff_image_type(data)
    if content_type is None:
        raise ProviderError(ErrorCode.GENERATION_FAILED, "result is not an image")
    return data, content_type


async def _store_image(deps: Deps, key: str, data: bytes, content_type: str) -> None:
    """Keep a result image; a storage failure fails the slot (it is refunded) instead of crashing the run."""
    try:
        await deps.blobs.put(key, data, content_type)
    except ProviderError:
        raise
    except Exception as exc:
        raise ProviderError(ErrorCode.STORAGE_FAILED, type(exc).__name__) from exc


async def _still_wanted(deps: Deps, generation_id: str) -> None:
    """Read again (one round trip) before a result is stored: see `_require_wanted`."""
    found = await deps.store.generation_and_owner(generation_id)
    if found is None:
        raise DomainError(ErrorCode.ALREADY_FINISHED)  # deleted with its account
    _require_wanted(*found)


def _require_wanted(generation: Generation, owner: Account) -> None:
    """Nothing is sent to the provider or stored for a generation finished elsewhere (cancelled) or whose
    account is past the deletion fence; a provider result that arrives then is discarded."""
    if generation.finished:
        raise DomainError(ErrorCode.ALREADY_FINISHED)  # cancelled, or settled by another worker
    if owner.being_deleted:
        raise DomainError(ErrorCode.ACCOUNT_BEING_DELETED)


async def _discard_unkept(deps: Deps, keys: tuple[str, ...], generation: Generation | None, account_id: str) -> None:
    """Images stored by a run whose settlement lost (the generation was cancelled or deleted meanwhile) go again;
    those the winning settlement kept stay. A generation gone with its account takes the account's folder."""
    if generation is None:
        await deps.blobs.delete_prefix(account_id)
        return
    stray = [k for k in keys if k not in generation.image_keys]
    if stray:
        await deps.blobs.delete(stray)


async def follow(deps: Deps, task_id: str, deadline: datetime) -> TaskStatus:
    """Poll the provider with backoff, waking early when its callback arrives, until the task ends or times out."""
    interval = deps.policy.poll_first_s
    # Announced before the first poll: a callback landing between that poll and the first wait still wakes us.
    await deps.signals.expect(f"task:{task_id}", max(0.0, (deadline - deps.clock.now()).total_seconds()))
    while True:
        try:
            status = await deps.generator.status(task_id)
        except ProviderError as error:
            if not error.retryable:
                raise
            status = TaskStatus(task_id=task_id, state=TaskState.RUNNING)
        if status.state in (TaskState.SUCCEEDED, TaskState.FAILED):
            return status
        remaining = (deadline - deps.clock.now()).total_seconds()
        if remaining <= 0:
            raise ProviderError(ErrorCode.GENERATION_TIMEOUT, f"task {task_id} did not finish in time")
        await deps.signals.wait(f"task:{task_id}", min(interval, remaining))
        interval = min(interval * 1.5, deps.policy.poll_max_s)


async def resume(deps: Deps) -> int:
    """Queue every generation a previous process left unfinished or undelivered; returns how many."""
    pending = await deps.store.unfinished()
    for generation in pending:
        await deps.queue.put(generation.id)
    return len(pending)


async def _progress(deps: Deps, generation: Generation, stage: str, done: int, locale: str) -> None:
    try:
        await deps.messenger.progress(generation, stage, done, locale)
    except Exception:
        log.warning("progress update failed", exc_info=True, extra={"generation_id": generation.id})
