"""Cancel: a request still waiting in line is dropped and refunded at once; once its task is at the provider it runs
to the end (KIE has no cancel, and the task is paid for), and the person is told so.

Cancel and the worker's claim of a slot are both compare-and-sets on the generation's status in the Store, so a
cancel racing the create is applied exactly once either way: cancelled and refunded, or "already started".
"""

from __future__ import annotations

import logging

from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.metrics import record_settlement
from core.models import Generation, GenerationStatus, Identity
from core.ports import Settlement
from core.usecases import waiting
from core.usecases.accounts import require_account
from core.usecases.generation import find_generation

log = logging.getLogger(__name__)


async def cancel(deps: Deps, identity: Identity, generation_id: str | None = None) -> Generation:
    """Cancel one of the person's requests (by id or unique prefix; by default the latest still waiting).

    Returns the cancelled generation (its hold is refunded); cancelling it again returns it as it is. Raises
    NOT_YOURS for someone else's request, ALREADY_STARTED / ALREADY_FINISHED when it is too late,
    NOTHING_TO_CANCEL when nothing waits, NOT_FOUND for an unknown id.
    """
    target = await _target(deps, identity, generation_id)
    if await deps.store.cancel_queued(target.id, deps.clock.now()):
        record_settlement(deps.metrics, target, Settlement((), ErrorCode.CANCELLED.value))
        log.info("generation cancelled", extra={"account_id": target.account_id, "generation_id": target.id})
        await waiting.leave(deps, target.id)  # the people behind it move up at once
    current = await deps.store.get_generation(target.id)
    if current is None:
        raise DomainError(ErrorCode.NOT_FOUND)
    if current.error_code == ErrorCode.CANCELLED.value:
        return current
    if current.finished:
        raise DomainError(ErrorCode.ALREADY_FINISHED)
    raise DomainError(ErrorCode.ALREADY_STARTED)


async def _target(deps: Deps, identity: Identity, generation_id: str | None) -> Generation:
    account = await require_account(deps, identity)
    if generation_id is None:
        mine = await deps.store.generations(account.id)
        waiting = [g for g in mine if g.status is GenerationStatus.QUEUED]
        if waiting:
            return waiting[-1]
        started = [g for g in mine if g.status is GenerationStatus.RUNNING]
        if started:
            raise DomainError(ErrorCode.ALREADY_STARTED)
        raise DomainError(ErrorCode.NOTHING_TO_CANCEL)
    generation = await find_generation(deps, account.id, generation_id)
    if generation is None:
        raise DomainError(ErrorCode.NOT_FOUND)
    if generation.account_id != account.id:
        raise DomainError(ErrorCode.NOT_YOURS)
    return generation
