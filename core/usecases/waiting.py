"""Waiting for the provider's create budget: admission before anything is charged, each create's turn in the
fair line (no retry counter: only the generation's deadline bounds the wait), and the person's place in line.

A "slow down" from the provider is never a failure: the budget pauses and the create waits again, keeping its
place. Estimates come from the line ahead and the measured create interval and provider latency.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.deps import Deps
from core.errors import DomainError, ErrorCode, ProviderBusy, ProviderError, StoreUnavailable
from core.models import Generation
from core.ports import Place, QueueSpot, Ticket

log = logging.getLogger(__name__)

WARN_EVERY_S = 60.0
WAITED_S = 0.05  # a turn that took longer than this had to wait for the budget (for the operator's metrics)


def estimate_s(place: Place) -> float:
    """Seconds until the last image is ready: the creates through it at the measured pace, then the latency."""
    return line_wait_s(place) + place.latency_s


def spot_of(place: Place) -> QueueSpot:
    return QueueSpot(position=place.ahead + 1, eta_s=estimate_s(place))


async def admit(deps: Deps, account_id: str, count: int) -> None:
    """Refuse (before charging) a request whose wait would pass the generation deadline."""
    try:
        place = await deps.line.preview(account_id, count)
    except StoreUnavailable:
        raise DomainError(ErrorCode.TEMPORARILY_UNAVAILABLE) from None
    wait = estimate_s(place)
    if wait > deps.policy.wait_warn_s:
        await _warn_long_wait(deps, place, wait)
    over = line_wait_s(place) - allowed_line_wait_s(deps.policy.generation_deadline_s, place.latency_s)
    if over > 0:
        log.info("request refused: the line is longer than the deadline", extra={"account_id": account_id})
        raise DomainError(ErrorCode.BUSY, minutes=max(1, math.ceil(over / 60)))


def line_wait_s(place: Place) -> float:
    return max(place.through - 0.5, 0.0) * place.interval_s


def allowed_line_wait_s(deadline_s: float, latency_s: float) -> float:
    """The deadline less the provider's latency; never under half the deadline, so a poor latency estimate alone
    (or a slow provider with nobody in line) never turns people away as "busy"."""
    return max(deadline_s - latency_s, deadline_s / 2)


async def _warn_long_wait(deps: Deps, place: Place, wait: float) -> None:
    """At most once a minute (shared by every process), so a crowd does not flood the log."""
    try:
        decision = await deps.limiter.hit("warn:create-line", 1, WARN_EVERY_S)
    except StoreUnavailable:
        return
    if decision.allowed:
        log.warning(
            "provider line is long: estimated wait %.0f s for a new request (%d creates ahead, %.2f s per create, "
            "%.0f s latency); raise KIE_CREATE_LIMIT with KIE support or expect refusals past the deadline",
            wait,
            place.ahead,
            place.interval_s,
            place.latency_s,
            extra={"wait_s": round(wait), "ahead": place.ahead},
        )


async def spot(deps: Deps, generation_id: str) -> QueueSpot | None:
    """Where a generation stands now (for the first reply); None when it is not waiting or the line is away."""
    try:
        place = await deps.line.place(generation_id)
    except StoreUnavailable:
        return None
    return None if place is None else spot_of(place)


async def turn(deps: Deps, generation: Generation, slot: int) -> None:
    """Wait for this create's turn in line; only the generation's deadline ends the wait."""
    deadline = generation.created_at + timedelta(seconds=deps.policy.generation_deadline_s)
    remaining = (deadline - deps.clock.now()).total_seconds()
    loop = asyncio.get_running_loop()
    began = loop.time()
    try:
        async with asyncio.timeout(max(remaining, 0.0)):
            await deps.line.turn(Ticket(generation.id, generation.account_id, slot))
    except TimeoutError:
        raise ProviderError(ErrorCode.GENERATION_TIMEOUT, "no turn at the provider before the deadline") from None
    waited = loop.time() - began
    deps.metrics.observe("gib_kie_create_wait_seconds", waited)
    if waited > WAITED_S:
        deps.metrics.count("gib_kie_create_budget_waits_total")


async def create(deps: Deps, generation: Generation, slot: int, submit: Callable[[], Awaitable[str]]) -> str:
    """Create once it is this slot's turn (call `turn` first); "slow down" pauses the budget and waits again."""
    while True:
        try:
            task_id = await submit()
        except ProviderBusy as busy:
            log.info("provider asked to slow down", extra={"generation_id": generation.id, "slot": slot})
            await deps.line.slow_down(busy.retry_after_s or 0.0)
            await turn(deps, generation, slot)
            continue
        await deps.line.created(Ticket(generation.id, generation.account_id, slot))
        deps.metrics.count("gib_kie_creates_total")
        return task_id


QUIET_MAX_S = 60.0  # a waiting person hears from us at least this often while their place moves
NEAR = 5  # near the front every step is shown


@dataclass(frozen=True)
class Shown:
    """The last place a person was shown (positions shown never go up) and when (event-loop seconds)."""

    position: int
    eta_s: float
    at: float


def rounded_eta(eta_s: float) -> int:
    """The ETA as the person reads it (to 5 s under a minute, then to the minute): only a change there is news."""
    return 5 * math.ceil(eta_s / 5) if eta_s < 60 else 60 * math.ceil(eta_s / 60)


def worth_showing(last: Shown, now: Shown) -> bool:
    """News, not noise: the text changes, and the wait shrank by a fifth, or they are near the front, or they have
    not heard from us for a minute (chat budgets are scarce: a crowd in line must not flood them)."""
    if (now.position, rounded_eta(now.eta_s)) == (last.position, rounded_eta(last.eta_s)):
        return False
    return now.eta_s <= 0.8 * last.eta_s or now.position <= NEAR or now.at - last.at >= QUIET_MAX_S


async def report(deps: Deps, generation: Generation, locale: str) -> None:
    """While the generation waits, re-show its place at most every `waiting_update_s`, when it changed.

    The place at the start stands for the first reply (which showed it already)."""
    loop = asyncio.get_running_loop()
    first = await spot(deps, generation.id)
    if first is None:
        return
    shown = Shown(first.position, first.eta_s, loop.time())
    while True:
        await asyncio.sleep(deps.policy.waiting_update_s)
        try:
            place = await deps.line.place(generation.id)
        except StoreUnavailable:
            continue
        if place is None:
            return
        current = spot_of(place)
        now = Shown(min(current.position, shown.position), current.eta_s, loop.time())
        if not worth_showing(shown, now):
            continue
        shown = now
        try:
            await deps.messenger.queued(generation, QueueSpot(now.position, now.eta_s), locale)
        except Exception:
            log.warning("place in line not shown", exc_info=True, extra={"generation_id": generation.id})


async def leave(deps: Deps, generation_id: str) -> None:
    """A finished generation needs no more creates (best effort: a stale ticket only lengthens estimates)."""
    try:
        await deps.line.leave(generation_id)
    except StoreUnavailable:
        log.warning("create line unavailable; a finished one stays in it", extra={"generation_id": generation_id})


@dataclass
class Stopwatch:
    """From the first create to the result in the chat: the latency a waiting person's estimate adds."""

    started: datetime | None = None

    def start(self, deps: Deps) -> None:
        self.started = deps.clock.now()

    async def observe(self, deps: Deps) -> None:
        if self.started is None:
            return
        with contextlib.suppress(StoreUnavailable):
            await deps.line.observe_latency((deps.clock.now() - self.started).total_seconds())
