"""Asking for a generation: screen → reserve → queue in line, and the same again (regenerate, vary).

Every check runs before any credit is held; a hold is taken atomically by the Store, and a request that cannot
be queued is refunded at once.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from datetime import datetime

from core.deps import Deps
from core.errors import DomainError, ErrorCode, ProviderError, StoreUnavailable
from core.metrics import refusals_counted
from core.models import Account, DeliveryTarget, Generation, GenerationRequest, Identity, ModerationDecision
from core.ports import QueueSpot, ReserveRequest, Settlement
from core.quota import free_eligible, until_free_reset
from core.usecases import references as references_mod
from core.usecases import waiting
from core.usecases.accounts import check_consent, require_consent
from core.usecases.lookup import latest_generation, own_generation
from core.validation import validate_request

log = logging.getLogger(__name__)


@refusals_counted
async def request_generation(
    deps: Deps,
    identity: Identity,
    request: GenerationRequest,
    target: DeliveryTarget,
    references: Sequence[bytes] = (),
    *,
    account: Account | None = None,
    generation_id: str | None = None,
) -> Generation:
    """Check everything, take the hold and queue the job in line; the reply says its place (see `spot`).

    `references` are images the person just sent to edit: kept only once every check has passed, and deleted
    again when the reservation is refused, so a refused /imagine leaves nothing stored. `account`: the person's
    account when the caller has just read it for `identity` (saves a round trip; its consent is checked again).
    `generation_id`: the id the caller already showed (a Cancel button on the acknowledgement; `new_generation_id`).
    """
    account = check_consent(deps, account) if account is not None else await require_consent(deps, identity)
    kinds = await _admit(deps, account.id, request, references)
    now = deps.clock.now()
    kept = await references_mod.keep(deps, account.id, references, kinds)
    try:
        held = _reserve_request(deps, generation_id or new_generation_id(), account.id, request, target, kept, now)
        generation = await _reserve(deps, held)
    except BaseException:
        await references_mod.discard(deps, kept)
        raise
    log.info("generation queued", extra={"account_id": account.id, "generation_id": generation.id})
    await _enter_line(deps, generation, now)
    return generation


async def _admit(deps: Deps, account_id: str, request: GenerationRequest, references: Sequence[bytes]) -> list[str]:
    """Every check before anything is stored or held: the request, its references (their content types are
    returned), the person's rate, the line's room (admission control) and the prompt's screening."""
    validate_request(request, deps.policy)
    kinds = references_mod.check(references, deps.policy.max_references - len(request.reference_keys))
    await check_rate(deps, account_id)
    await waiting.admit(deps, account_id, request.count)
    await screen_prompt(deps, request.prompt, account_id)
    return kinds


def new_generation_id() -> str:
    return uuid.uuid4().hex


def _reserve_request(
    deps: Deps,
    generation_id: str,
    account_id: str,
    request: GenerationRequest,
    target: DeliveryTarget,
    kept: Sequence[str],
    now: datetime,
) -> ReserveRequest:
    """The hold to take for a new generation: the tidied prompt, its references and today's prices and limits."""
    policy = deps.policy
    return ReserveRequest(
        generation_id=generation_id,
        account_id=account_id,
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
    )


async def _enter_line(deps: Deps, generation: Generation, now: datetime) -> None:
    """Put the held generation's creates in line and its job in the queue; when that is impossible, refund it at
    once (the reply tells the person, so no later notice)."""
    try:
        await deps.line.enter(generation.id, generation.account_id, generation.request.count)
        await deps.queue.put(generation.id)
    except Exception:
        log.exception("queue unavailable; refunding", extra={"generation_id": generation.id})
        await deps.store.settle(generation.id, Settlement((), ErrorCode.TEMPORARILY_UNAVAILABLE.value), now)
        await deps.store.mark_delivered(generation.id, now)  # the reply below tells the person; no later notice
        raise DomainError(ErrorCode.TEMPORARILY_UNAVAILABLE) from None


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
        reset_s=reset.seconds,
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


async def regenerate(
    deps: Deps, identity: Identity, generation_id: str | None, target: DeliveryTarget, new_id: str | None = None
) -> Generation:
    """The same request again, as a new generation with its own hold (no id: the person's latest generation);
    `new_id` as in `request_generation`."""
    previous = await _chosen(deps, identity, generation_id, with_images=False)
    return await request_generation(deps, identity, previous.request, target, generation_id=new_id)


async def vary(
    deps: Deps, identity: Identity, generation_id: str | None, target: DeliveryTarget, new_id: str | None = None
) -> Generation:
    """A new image that uses the first result of a generation as its reference (no id: the latest with images)."""
    previous = await _chosen(deps, identity, generation_id, with_images=True)
    if not previous.image_keys:
        raise DomainError(ErrorCode.NOT_FOUND)
    request = previous.request.model_copy(update={"count": 1, "reference_keys": (previous.image_keys[0],)})
    return await request_generation(deps, identity, request, target, generation_id=new_id)


async def _chosen(deps: Deps, identity: Identity, generation_id: str | None, *, with_images: bool) -> Generation:
    if generation_id:
        return await own_generation(deps, identity, generation_id)
    return await latest_generation(deps, identity, with_images=with_images)
