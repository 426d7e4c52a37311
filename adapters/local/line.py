"""In-process create line: the provider's create budget and the fair line in front of it, for one process
(the embedded default; RedisCreateLine shares both across processes).

Order is start-time fair queueing by account: a new create gets the tag max(V, F[account]) where V is the tag
of the last granted create and F[account] is one past the account's previous tag; ties go to whoever came
first. A crowd of one-image requests is therefore served first come, first served, and one account's four
images (or a stream of regenerations) are interleaved with everyone else's instead of pushing them back.

One dispatcher task grants the creates, one per `interval_s` (the limit spread evenly over the window, with a
small safety margin) and never more than `limit` in any sliding window, so waiters never wake as a herd. The grant
goes to the first create in line; one whose job has not reached a worker yet is waited for up to `GRACE_S`, then
passed over (no worker is free for it, or its worker died) until it waits too. The grace is counted in the
dispatcher's own pauses, not on a clock, so a clock that stands still (tests) never holds the line forever.
"""

from __future__ import annotations

import asyncio
import bisect
from collections import deque
from collections.abc import Awaitable, Callable

from core.ports import Place, Ticket

SAFETY = 0.02  # spread creates 2% wider than the limit: network jitter must not push a window over it
GRACE_S = 1.0  # the first create in line is waited for this long when its job has not reached a worker yet
HOLD_S = 0.02  # how long the dispatcher holds the budget for such a create before looking again
DEFAULT_LATENCY_S = 30.0
EWMA = 0.2

Key = tuple[str, int]  # (generation id, slot)
Entry = tuple[int, int, str, int]  # (tag, seq, generation id, slot): the line's sort order


def spacing(limit: int | None, window_s: float, safety: float = SAFETY) -> float:
    """Seconds between two creates: the window shared evenly by the limit (0 without a limit)."""
    return 0.0 if not limit else window_s / limit * (1 + safety)


class InProcessCreateLine:
    def __init__(
        self,
        limit: int | None,
        window_s: float,
        *,
        monotonic: Callable[[], float],
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        expected_latency_s: float = DEFAULT_LATENCY_S,
        safety: float = SAFETY,
        grace_s: float = GRACE_S,
    ) -> None:
        self._limit = limit
        self._window_s = window_s
        self._interval = spacing(limit, window_s, safety)
        self._now = monotonic
        self._sleep = sleep
        self._grace_holds = max(1, round(grace_s / HOLD_S))
        self._line: list[Entry] = []
        self._granted: set[Key] = set()
        self._passed_over: set[Key] = set()
        self._holding: tuple[Key, int] | None = None
        self._entries: dict[Key, Entry] = {}
        self._generations: dict[str, list[Key]] = {}
        self._finish: dict[str, int] = {}
        self._vtime = 0
        self._seq = 0
        self._waiting: dict[Key, asyncio.Future[None]] = {}
        self._log: deque[float] = deque()
        self._next_free = 0.0
        self._last_grant: float | None = None
        self._measured_interval = self._interval
        self._latency = expected_latency_s
        self._dispatcher: asyncio.Task[None] | None = None

    # -- the line ------------------------------------------------------------------------------------------------

    async def enter(self, generation_id: str, account_id: str, slots: int) -> None:
        if generation_id in self._generations:
            return
        self._add(generation_id, account_id, range(slots))

    def _add(self, generation_id: str, account_id: str, slots: range | list[int]) -> None:
        self._seq += 1
        finish = self._finish.get(account_id, 0)
        keys = self._generations.setdefault(generation_id, [])
        for slot in slots:
            tag = max(self._vtime, finish)
            finish = tag + 1
            entry = (tag, self._seq, generation_id, slot)
            bisect.insort(self._line, entry)
            self._entries[(generation_id, slot)] = entry
            keys.append((generation_id, slot))
        self._finish[account_id] = finish

    async def preview(self, account_id: str, slots: int) -> Place:
        finish = self._finish.get(account_id, 0)
        first = max(self._vtime, finish)
        last = first + max(slots, 1) - 1
        ahead = bisect.bisect_right(self._line, (first, self._seq + 1, "", 0))
        through = bisect.bisect_right(self._line, (last, self._seq + 1, "", 0)) + max(slots, 1)
        return self._place(ahead, through)

    async def place(self, generation_id: str) -> Place | None:
        keys = [k for k in self._generations.get(generation_id, []) if k in self._entries]
        if not keys:
            return None
        entries = sorted(self._entries[k] for k in keys)
        ahead = bisect.bisect_left(self._line, entries[0])
        through = bisect.bisect_left(self._line, entries[-1]) + 1
        return self._place(ahead, through)

    def _place(self, ahead: int, through: int) -> Place:
        return Place(ahead=ahead, through=through, interval_s=self._measured_interval, latency_s=self._latency)

    async def created(self, ticket: Ticket) -> None:
        self._granted.discard((ticket.generation_id, ticket.slot))
        self._passed_over.discard((ticket.generation_id, ticket.slot))
        entry = self._entries.pop((ticket.generation_id, ticket.slot), None)
        if entry is not None:
            self._remove(entry)

    async def leave(self, generation_id: str) -> None:
        """A create already waiting keeps its place until its turn (it then finds the generation finished),
        as on Redis, where its waiter may be in another process."""
        keys = self._generations.pop(generation_id, [])
        kept = [key for key in keys if self._is_waiting(key)]
        if kept:
            self._generations[generation_id] = kept
        for key in keys:
            if key in kept:
                continue
            self._granted.discard(key)
            self._passed_over.discard(key)
            entry = self._entries.pop(key, None)
            if entry is not None:
                self._remove(entry)

    def _is_waiting(self, key: Key) -> bool:
        future = self._waiting.get(key)
        return future is not None and not future.done()

    def _remove(self, entry: Entry) -> None:
        index = bisect.bisect_left(self._line, entry)
        if index < len(self._line) and self._line[index] == entry:
            del self._line[index]

    # -- the budget ----------------------------------------------------------------------------------------------

    async def turn(self, ticket: Ticket) -> None:
        key = (ticket.generation_id, ticket.slot)
        if key not in self._entries:
            self._add(ticket.generation_id, ticket.account_id, [ticket.slot])
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting[key] = future
        self._granted.discard(key)
        self._passed_over.discard(key)
        if self._budget_wait(self._now()) <= 0 and self._first_waiting() == self._entries[key]:
            self._grant(self._entries[key])  # first in line and the budget has room: no hop through the dispatcher
            return
        if self._dispatcher is None or self._dispatcher.done():
            self._dispatcher = asyncio.create_task(self._dispatch(), name="create-line-dispatcher")
        try:
            await future
        finally:
            if self._waiting.get(key) is future:
                del self._waiting[key]

    async def slow_down(self, seconds: float) -> None:
        self._next_free = max(self._next_free, self._now() + max(seconds, self._interval))

    async def observe_latency(self, seconds: float) -> None:
        self._latency += EWMA * (max(seconds, 0.0) - self._latency)

    async def _dispatch(self) -> None:
        """Grant the first waiting create whenever the budget has room; ends when nobody waits."""
        while any(self._is_waiting(key) for key in self._waiting):
            now = self._now()
            wait = self._budget_wait(now)
            if wait > 0:
                await self._sleep(wait)
                continue
            head = self._first_waiting()
            if head is None:  # the first in line is on its way to a worker: give it a moment
                await self._sleep(HOLD_S)
                continue
            self._grant(head)
            await asyncio.sleep(0)

    def _first_waiting(self) -> Entry | None:
        """The first create in line whose waiter waits; None while holding the budget for an earlier one."""
        for entry in self._line:
            key = (entry[2], entry[3])
            if key in self._granted or key in self._passed_over:
                continue
            if self._is_waiting(key):
                return entry
            holds = self._holding[1] + 1 if self._holding and self._holding[0] == key else 1
            if holds <= self._grace_holds:
                self._holding = (key, holds)
                return None
            self._passed_over.add(key)
        return None

    def _budget_wait(self, now: float) -> float:
        while self._log and self._log[0] <= now - self._window_s:
            self._log.popleft()
        wait = self._next_free - now
        if self._limit and len(self._log) >= self._limit:
            wait = max(wait, self._log[0] + self._window_s - now)
        return wait

    def _grant(self, entry: Entry) -> None:
        now = self._now()
        self._holding = None
        self._granted.add((entry[2], entry[3]))
        self._log.append(now)
        self._next_free = now + self._interval
        if self._last_grant is not None and now - self._last_grant < 4 * max(self._interval, 0.001):
            self._measured_interval += EWMA * (now - self._last_grant - self._measured_interval)
        self._last_grant = now
        self._vtime = max(self._vtime, entry[0])
        future = self._waiting.pop((entry[2], entry[3]))
        future.set_result(None)

    def waiting(self) -> int:
        """Creates in line (for logs and metrics)."""
        return len(self._line)
