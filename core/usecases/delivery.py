"""Delivery: send a settled generation's result (or failure) to its stored target, once at a time, then mark it.

Delivery is at-least-once: the result is marked delivered right after it is sent, and a claim (a lease in the
Store) keeps two workers holding one reclaimed job from sending it at the same time.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from core.deps import Deps
from core.languages import reply_locale
from core.models import Account, Balance, Generation, GenerationStatus
from core.ports import ResultImages

log = logging.getLogger(__name__)


def delivery_lease(deps: Deps) -> timedelta:
    return timedelta(seconds=deps.policy.delivery_lease_s)


async def deliver(deps: Deps, generation: Generation, owner: Account, *, claimed: bool = False) -> None:
    """Send the result (or the failure) to the stored target, then mark it delivered; money is already settled.

    `owner`: the generation's account (its locale and settings); `claimed`: this worker already holds the delivery
    claim (taken with the settlement)."""
    if not claimed and not await _delivery_turn(deps, generation):
        return
    locale = reply_locale(owner)
    try:
        if generation.status is GenerationStatus.SUCCEEDED:
            # Read when the messenger's turn comes, not now.
            images = ResultImages(generation.image_keys, deps.blobs, as_files=owner.send_as_file)
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
    lease = delivery_lease(deps)
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
