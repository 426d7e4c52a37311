"""Generation: screen → reserve → queue (at the chat's pace) and produce → store → settle → deliver (in a worker).

Money is exactly-once: a hold is taken atomically by the Store and a generation is settled once by
compare-and-set; whatever was not delivered as an image is refunded. Delivery is at-least-once.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta

from core.deps import Deps
from core.errors import DomainError, ErrorCode, ProviderError, StoreUnavailable
from core.metrics import record_queue_wait, record_settlement, refusals_counted
from core.models import (
    Balance,
    DeliveryTarget,
    Generation,
    GenerationRequest,
    GenerationStatus,
    Identity,
    ModerationDecision,
    TaskState,
    TaskStatus,
)
from core.ports import QueueSpot, ReserveRequest, ResultImages, Settlement, StoredImage
from core.quota import free_eligible, until_free_reset
from core.usecases import references as references_mod
from core.usecases import tasks, waiting
from core.usecases.accounts import require_account, require_consent
from core.validation import EXTENSIONS, sniff_image_type, validate_request

log = logging.getLogger(__name__)


@refusals_counted
async def request_generation(
    deps: Deps,
    identity: Identity,
    request: GenerationRequest,
    target: DeliveryTarget,
    references: Sequence[bytes] = (),
) -> Generation:
    """Check everything, take the hold and queue the job in line; the reply says its place (see `spot`).

    `references` are images the person just sent to edit: kept only once every check has passed, and deleted
    again when the reservation is refused, so a refused /imagine leaves nothing stored.
    """
    account = await require_consent(deps, identity)
    validate_request(request, deps.policy)
    kinds = references_mod.check(references, deps.policy.max_references - len(request.reference_keys))
    await check_rate(deps, account.id)
    await waiting.admit(deps, account.id, request.count)
    await screen_prompt(deps, request.prompt, account.id)
    policy, now = deps.policy, deps.clock.now()
    kept = await references_mod.keep(deps, account.id, references, kinds)
    try:
        generation = await _reserve(
            deps,
            ReserveRequest(
                generation_id=uuid.uuid4().hex,
                account_id=account.id,
                request=request.model_copy(
                    update={"prompt": request.prompt.strip(), "reference_keys": (*request.reference_keys, *kept)}
                ),
                delivery=target,
                unit_price=policy.prices[request.resolution],
                free_eligible=free_eligible(request.resolution, policy.free_max_resolution),
                free_per_day=policy.free_per_day,
                max_running=policy.max_running,
                day=now.date(),
                now=now,
            ),
        )
    except BaseException:
        await references_mod.discard(deps, kept)
        raise
    log.info("generation queued", extra={"account_id": account.id, "generation_id": generation.id})
    try:
        await deps.line.enter(generation.id, account.id, generation.request.count)
        await deps.queue.put(generation.id)
    except Exception:
        log.exception("queue unavailable; refunding", extra={"generation_id": generation.id})
        await deps.store.settle(generation.id, Settlement((), ErrorCode.TEMPORARILY_UNAVAILABLE.value), now)
        await deps.store.mark_delivered(generation.id, now)  # the reply below tells the person; no later notice
        raise DomainError(ErrorCode.TEMPORARILY_UNAVAILABLE) from None
    return generation


async def spot(deps: Deps, generation_id: str) -> QueueSpot | None:
    """Where a queued generation stands in line and when its result is expected (for the first reply)."""
    return await waiting.spot(deps, generation_id)


async def _reserve(deps: Deps, request: ReserveRequest) -> Generation:
    try:
        return await deps.store.reserve(request)
    except DomainError as error:
        if error.code is ErrorCode.INSUFFICIENT_CREDITS:
            raise await _short_of_credits(deps, request) from None
        error.params.setdefault("free_max", deps.policy.free_max_resolution)
        raise
    except StoreUnavailable:
        raise DomainError(ErrorCode.TEMPORARILY_UNAVAILABLE) from None


async def _short_of_credits(deps: Deps, request: ReserveRequest) -> DomainError:
    """Exactly what is missing: the images asked for, the free images and credits at hand, when free ones return,
    and /buy only where payments are configured."""
    held = await deps.store.balance(request.account_id, request.day, request.free_per_day)
    reset = until_free_reset(request.now)
    count = request.request.count
    return DomainError(
        ErrorCode.INSUFFICIENT_CREDITS,
        count=count,
        resolution=request.request.resolution,
        needed=count * request.unit_price,
        unit_price=request.unit_price,
        credits=held.paid_credits,
        free_left=held.free_left if request.free_eligible else 0,
        free_per_day=request.free_per_day,
        free_eligible=request.free_eligible,
        free_max=deps.policy.free_max_resolution,
        reset_hours=reset.seconds // 3600,
        reset_minutes=reset.seconds % 3600 // 60,
        offer_buy=bool(deps.policy.products),
    )


async def check_rate(deps: Deps, account_id: str) -> None:
    try:
        decision = await deps.limiter.hit(f"rpm:{account_id}", deps.policy.requests_per_minute, 60.0)
    except StoreUnavailable:
        raise DomainError(ErrorCode.TEMPORARILY_UNAVAILABLE) from None
    if not decision.allowed:
        raise DomainError(ErrorCode.RATE_LIMITED, seconds=max(1, round(decision.retry_after_s)))


async def screen_prompt(deps: Deps, prompt: str, account_id: str) -> None:
    """Every prompt is screened before any credit is reserved; screening that cannot decide fails closed."""
    try:
        result = await deps.moderator.screen(prompt, account_id)
    except ProviderError:
        raise DomainError(ErrorCode.MODERATION_UNAVAILABLE) from None
    if result.decision is not ModerationDecision.ALLOW:
        log.info("prompt refused by screening", extra={"account_id": account_id, "decision": result.decision})
        raise DomainError(ErrorCode.PROMPT_REJECTED, reason=result.reason or "it goes against the content policy.")


async def regenerate(deps: Deps, identity: Identity, generation_id: str | None, target: DeliveryTarget) -> Generation:
    """The same request again, as a new generation with its own hold (no id: the person's latest generation)."""
    previous = await _chosen(deps, identity, generation_id, with_images=False)
    return await request_generation(deps, identity, previous.request, target)


async def vary(deps: Deps, identity: Identity, generation_id: str | None, target: DeliveryTarget) -> Generation:
    """A new image that uses the first result of a generation as its reference (no id: the latest with images)."""
    previous = await _chosen(deps, identity, generation_id, with_images=True)
    if not previous.image_keys:
        raise DomainError(ErrorCode.NOT_FOUND)
    request = previous.request.model_copy(update={"count": 1, "reference_keys": (previous.image_keys[0],)})
    return await request_generation(deps, identity, request, target)


async def _chosen(deps: Deps, identity: Identity, generation_id: str | None, *, with_images: bool) -> Generation:
    if generation_id:
        return await own_generation(deps, identity, generation_id)
    return await latest_generation(deps, identity, with_images=with_images)


async def latest_generation(deps: Deps, identity: Identity, *, with_images: bool = False) -> Generation:
    """The person's most recent generation (read from the Store, so any process and any restart agree)."""
    account = await require_account(deps, identity)
    for candidate in reversed(await deps.store.generations(account.id)):
        if not with_images or candidate.image_keys:
            return candidate
    raise DomainError(ErrorCode.NO_GENERATIONS)


async def original_image(deps: Deps, identity: Identity, generation_id: str, index: int) -> StoredImage:
    generation = await own_generation(deps, identity, generation_id)
    if not 0 <= index < len(generation.image_keys):
        raise DomainError(ErrorCode.NOT_FOUND)
    key = generation.image_keys[index]
    return StoredImage(key=key, data=await deps.blobs.get(key))


async def own_generation(deps: Deps, identity: Identity, generation_id: str) -> Generation:
    """One of the person's own generations, by id or by a unique prefix of at least 6 characters.

    Someone else's generation (a button pressed by another person in a group) raises NOT_OWNER, so the answer
    says whose button it is instead of "not found"; the generation itself is never shown.
    """
    account = await deps.store.find_account(identity)
    generation = await find_generation(deps, account.id if account else "", generation_id)
    if generation is None:
        raise DomainError(ErrorCode.NOT_FOUND)
    if account is None or generation.account_id != account.id:
        raise DomainError(ErrorCode.NOT_OWNER)
    return generation


async def find_generation(deps: Deps, account_id: str, generation_id: str) -> Generation | None:
    """A generation by its id (anyone's: callers check the owner), or by a unique prefix among the account's own."""
    generation = await deps.store.get_generation(generation_id)
    if generation is None and len(generation_id) >= 6:
        matches = [g for g in await deps.store.generations(account_id) if g.id.startswith(generation_id)]
        generation = matches[0] if len(matches) == 1 else None
    return generation


# --- the worker side -------------------------------------------------------------------------------------------


async def process(deps: Deps, generation_id: str) -> None:
    """Produce, settle and deliver one generation; safe to call again for the same id (resume, duplicates)."""
    generation = await deps.store.get_generation(generation_id)
    if generation is None or generation.finished:  # deleted, cancelled or done elsewhere: nothing left to create
        await waiting.leave(deps, generation_id)
    if generation is None:
        return
    account_id = generation.account_id
    locale = await _locale(deps, account_id)
    stopwatch = waiting.Stopwatch()
    if not generation.finished:
        record_queue_wait(deps.metrics, generation, deps.clock.now())
        settlement = await produce(deps, generation, locale, stopwatch)
        settled = await deps.store.settle(generation.id, settlement, deps.clock.now())
        if settled:
            record_settlement(deps.metrics, generation, settlement)
        await waiting.leave(deps, generation_id)
        generation = await deps.store.get_generation(generation_id)
        if not settled:
            await _discard_unkept(deps, settlement.image_keys, generation, account_id)
        if generation is None:
            return
    if generation.delivered_at is None:
        await deliver(deps, generation, locale)
        await stopwatch.observe(deps)


async def produce(
    deps: Deps, generation: Generation, locale: str, stopwatch: waiting.Stopwatch | None = None
) -> Settlement:
    """Run one provider task per image concurrently; keep what succeeded, report the first failure.

    While the creates wait in line the person sees their place; "generating" once the first one is made."""
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
        key = await _produce_slot(deps, generation, slot, started)
        done += 1
        if done < generation.request.count:  # the last one is followed at once by the result itself
            await _progress(deps, generation, "generating", done, locale)
        return key

    try:
        results = await asyncio.gather(*(one(slot) for slot in range(generation.request.count)), return_exceptions=True)
    finally:
        reporter.cancel()
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


async def _produce_slot(deps: Deps, generation: Generation, slot: int, started: Callable[[], Awaitable[None]]) -> str:
    if not generation.task_id(slot):
        await _require_wanted(deps, generation)
    begun = deps.clock.now()
    task_id = await tasks.task_for(deps, generation, slot)
    await started()
    deadline = generation.created_at + timedelta(seconds=deps.policy.generation_deadline_s)
    status = await follow(deps, task_id, deadline)
    seconds = (deps.clock.now() - begun).total_seconds()
    deps.metrics.observe("gib_provider_task_seconds", seconds, outcome=status.state.value)
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
    key = f"{generation.account_id}/{generation.id}/{slot}.{EXTENSIONS[content_type]}"
    await _require_wanted(deps, generation)
    try:
        await deps.blobs.put(key, data, content_type)
    except ProviderError:
        raise
    except Exception as exc:
        raise ProviderError(ErrorCode.STORAGE_FAILED, type(exc).__name__) from exc
    return key


async def _require_wanted(deps: Deps, generation: Generation) -> None:
    """Nothing is sent to the provider or stored for a generation finished elsewhere (cancelled) or whose
    account is past the deletion fence; a provider result that arrives then is discarded."""
    current = await deps.store.get_generation(generation.id)
    if current is None or current.finished:
        raise DomainError(ErrorCode.ALREADY_FINISHED)  # cancelled, or settled by another worker
    account = await deps.store.get_account(generation.account_id)
    if account is None or account.being_deleted:
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


async def deliver(deps: Deps, generation: Generation, locale: str) -> None:
    """Send the result (or the failure) to the stored target, then mark it delivered; money is already settled."""
    if not await _delivery_turn(deps, generation):
        return
    try:
        if generation.status is GenerationStatus.SUCCEEDED:
            images = ResultImages(generation.image_keys, deps.blobs)  # read when the messenger's turn comes
            await deps.messenger.deliver(generation, images, await _private_balance(deps, generation), locale)
        else:
            await deps.messenger.failed(generation, locale)
    except Exception:
        log.exception("delivery failed; will retry on resume", extra={"generation_id": generation.id})
        return
    await deps.store.mark_delivered(generation.id, deps.clock.now())  # first: a crash after this never resends
    try:
        await deps.messenger.tidy(generation, locale)
    except Exception:
        log.warning("status message not tidied", exc_info=True, extra={"generation_id": generation.id})


async def _delivery_turn(deps: Deps, generation: Generation) -> bool:
    """Whether this worker sends the result now: one sender at a time (two workers may hold one job after a
    reclaim); while another holds the claim, wait for it to deliver or for its claim to lapse (it died)."""
    lease = timedelta(seconds=deps.policy.delivery_lease_s)
    while True:
        now = deps.clock.now()
        if await deps.store.claim_delivery(generation.id, now + lease, now):
            return True
        current = await deps.store.get_generation(generation.id)
        if current is None or current.delivered_at is not None or not current.finished:
            return False
        await deps.signals.wait(f"delivered:{generation.id}", min(deps.policy.poll_max_s, lease.total_seconds()))


async def _private_balance(deps: Deps, generation: Generation) -> Balance | None:
    """The balance to show with a result, only where nobody but the person reads it (never in a group)."""
    if not generation.delivery.private:
        return None
    return await deps.store.balance(generation.account_id, deps.clock.now().date(), deps.policy.free_per_day)


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


async def _locale(deps: Deps, account_id: str) -> str:
    account = await deps.store.get_account(account_id)
    return account.locale if account else "en"
