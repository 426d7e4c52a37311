"""The order in which this process spends the bot's send budget: by priority, chat by chat, coalescing progress.

Every outgoing message waits here for its slot (`acquire`). One pump hands out slots: the most urgent waiting send
whose chat may send now goes first; a chat that must wait (its pace, a 429 pause) is parked and the others go on.
Progress asks the budget only for *spare* slots, so under load it waits behind every reply and result, and a newer
state of the same status message overtakes (skips) the one still waiting. Essential sends are never dropped here.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Protocol

from core.errors import StoreUnavailable
from core.ports import Pace, SendBudget

log = logging.getLogger(__name__)

BUDGET_RETRY_S = 0.5  # the shared budget (Redis) is unreachable: try again after this


class Priority(IntEnum):
    """Lower goes first."""

    FIRST_REPLY = 0  # the first answer to a person's command
    RESULT = 1  # results, failures, personal answers and notices
    PROGRESS = 2  # status edits ("queued", "generating…"), chat actions, tidying up: only from spare budget
    ANNOUNCEMENT = 3  # broadcasts: only from spare budget, after progress; never dropped (they wait)


class Timer(Protocol):
    def monotonic(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class RealTimer:
    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


@dataclass(eq=False)
class _Waiter:
    priority: Priority
    seq: int
    chat: str
    coalesce: str | None
    rank: int | None
    future: asyncio.Future[bool] = field(repr=False)

    @property
    def waiting(self) -> bool:
        return not self.future.done()


class SendQueue:
    """One per process; the budget it draws from is shared by all of them."""

    def __init__(
        self,
        budget: SendBudget,
        pace_of: Callable[[str], Pace],
        *,
        spare_s: dict[Priority, float],
        timer: Timer | None = None,
    ) -> None:
        self._budget = budget
        self._pace_of = pace_of
        self._spare_s = spare_s
        self._timer = timer or RealTimer()
        self._seq = itertools.count()
        self._chats: dict[str, list[tuple[int, int, _Waiter]]] = {}
        self._ready: list[tuple[int, int, str]] = []  # (priority, seq, chat) of each unparked chat's head
        self._parked: list[tuple[float, int, str]] = []  # (ready at, seq, chat)
        self._parked_chats: set[str] = set()
        self._progress: dict[str, _Waiter] = {}  # coalescing key → the progress send waiting for it
        self._wake = asyncio.Event()
        self._blocked: Priority | None = None  # the priority the pump is waiting on the bot's budget for
        self._pump: asyncio.Task[None] | None = None

    @property
    def waiting(self) -> int:
        return sum(1 for heap in self._chats.values() for _, _, w in heap if w.waiting)

    async def acquire(
        self, chat: str, priority: Priority, coalesce: str | None = None, rank: int | None = None
    ) -> bool:
        """Wait for this send's slot. False: a later state of the same message overtook it (skip the send).

        With a `rank`, the send moves status message `coalesce` that far; any process having moved it further
        (a higher rank in the shared budget) also overtakes it."""
        if coalesce is not None:
            self._overtake(coalesce)
        future = asyncio.get_running_loop().create_future()
        waiter = _Waiter(priority, next(self._seq), chat, coalesce, rank, future)
        if coalesce is not None and priority >= Priority.PROGRESS:
            self._progress[coalesce] = waiter
        heapq.heappush(self._chats.setdefault(chat, []), (priority, waiter.seq, waiter))
        if chat not in self._parked_chats:
            heapq.heappush(self._ready, (priority, waiter.seq, chat))
        if self._blocked is None or priority < self._blocked:
            self._wake.set()
        self._ensure_pump()
        try:
            return await waiter.future
        finally:
            if not waiter.future.done():
                waiter.future.cancel()  # the sender gave up (cancelled): its slot goes to the next
            if coalesce is not None and self._progress.get(coalesce) is waiter:
                del self._progress[coalesce]

    def _overtake(self, coalesce: str) -> None:
        older = self._progress.pop(coalesce, None)
        if older is not None and older.waiting:
            older.future.set_result(False)

    async def aclose(self) -> None:
        if self._pump is not None:
            self._pump.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pump
            self._pump = None

    def _ensure_pump(self) -> None:
        if self._pump is None or self._pump.done():
            self._pump = asyncio.create_task(self._run(), name="telegram-send-queue")

    # --- the pump ------------------------------------------------------------------------------------------------

    async def _run(self) -> None:
        while True:
            try:
                await self._step()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("send queue step failed; going on")
                await self._timer.sleep(BUDGET_RETRY_S)

    async def _step(self) -> None:
        self._unpark(self._timer.monotonic())
        waiter = self._head()
        if waiter is None:
            await self._idle()
            return
        try:
            pace, spare = self._pace_of(waiter.chat), self._spare_s.get(waiter.priority, 0.0)
            status = waiter.coalesce if waiter.rank is not None else None
            grant = await self._budget.take(waiter.chat, pace, spare, status, waiter.rank or 0)
        except StoreUnavailable:
            log.warning("send budget unavailable; waiting")
            await self._timer.sleep(BUDGET_RETRY_S)
            return
        if grant.granted or grant.overtaken:
            self._pop(waiter)
            if waiter.waiting:
                waiter.future.set_result(grant.granted)
            return
        if grant.by_chat:
            self._park(waiter.chat, self._timer.monotonic() + grant.wait_s)
            return
        self._blocked = waiter.priority  # the whole bot must wait; a more urgent arrival re-decides at once
        try:
            await self._wait(grant.wait_s)
        finally:
            self._blocked = None

    def _head(self) -> _Waiter | None:
        """The most urgent waiting send of a chat that may send now (stale heap entries are dropped on the way)."""
        while self._ready:
            _, seq, chat = self._ready[0]
            top = self._top(chat)
            if chat in self._parked_chats or top is None or top.seq != seq:
                heapq.heappop(self._ready)
                continue
            return top
        return None

    def _top(self, chat: str) -> _Waiter | None:
        heap = self._chats.get(chat)
        while heap and not heap[0][2].waiting:
            heapq.heappop(heap)
        if not heap:
            self._chats.pop(chat, None)
            return None
        return heap[0][2]

    def _pop(self, waiter: _Waiter) -> None:
        heapq.heappop(self._chats[waiter.chat])
        following = self._top(waiter.chat)
        if following is not None:
            heapq.heappush(self._ready, (following.priority, following.seq, waiter.chat))

    def _park(self, chat: str, until: float) -> None:
        self._parked_chats.add(chat)
        heapq.heappush(self._parked, (until, next(self._seq), chat))

    def _unpark(self, now: float) -> None:
        while self._parked and self._parked[0][0] <= now:
            _, _, chat = heapq.heappop(self._parked)
            self._parked_chats.discard(chat)
            top = self._top(chat)
            if top is not None:
                heapq.heappush(self._ready, (top.priority, top.seq, chat))

    async def _idle(self) -> None:
        """Nothing may go now: wait for a new send or for the first parked chat's turn."""
        if self._parked:
            await self._wait(self._parked[0][0] - self._timer.monotonic())
        else:
            self._wake.clear()
            await self._wake.wait()

    async def _wait(self, seconds: float) -> None:
        self._wake.clear()
        if seconds <= 0:
            return
        sleeper = asyncio.ensure_future(self._timer.sleep(seconds))
        woken = asyncio.ensure_future(self._wake.wait())
        try:
            await asyncio.wait((sleeper, woken), return_when=asyncio.FIRST_COMPLETED)
        finally:
            sleeper.cancel()
            woken.cancel()
