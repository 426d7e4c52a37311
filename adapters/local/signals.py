"""In-process wake-ups: a provider callback received by this process wakes the task's follower at once.

Only keys someone follows are remembered: a wait marks its key as expected (for the wait and `linger_s` after it,
which covers the follower's poll between two waits), and a notify for an expected key with no waiter at that
moment is kept for the next wait. A notify for any other key (a forged callback, a task we do not know) is
dropped: strangers cannot make this process remember anything.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable

MAX_KEPT = 10_000
LINGER_S = 60.0


class InProcessSignals:
    def __init__(
        self, max_kept: int = MAX_KEPT, linger_s: float = LINGER_S, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self._events: dict[str, asyncio.Event] = {}
        self._expected: OrderedDict[str, float] = OrderedDict()  # key → until when a notify is worth keeping
        self._max_kept = max_kept
        self._linger_s = linger_s
        self._monotonic = monotonic

    async def expect(self, key: str, for_s: float) -> None:
        self._expect(key, self._monotonic() + max(for_s, 0) + self._linger_s)

    async def wait(self, key: str, timeout_s: float) -> bool:
        self._expect(key, self._monotonic() + max(timeout_s, 0) + self._linger_s)
        event = self._events.setdefault(key, asyncio.Event())
        try:
            await asyncio.wait_for(event.wait(), timeout=max(timeout_s, 0))
            return True
        except TimeoutError:
            return False
        finally:
            if self._events.get(key) is event:
                del self._events[key]

    async def notify(self, key: str) -> None:
        """Wake the waiter, or keep the signal for the follower's next wait; unexpected keys cost nothing."""
        event = self._events.get(key)
        if event is None:
            if not self._is_expected(key):
                return
            event = self._events[key] = asyncio.Event()
        event.set()

    async def followed(self, key: str) -> bool:
        """Whether a notify for `key` would be kept or wake someone now."""
        return key in self._events or self._is_expected(key)

    def kept(self) -> int:
        """How many keys this process remembers (followers and their pending wake-ups); for tests and metrics."""
        return len(self._expected) + len(self._events)

    def _expect(self, key: str, until: float) -> None:
        self._forget_expired()
        self._expected[key] = max(until, self._expected.get(key, until))
        self._expected.move_to_end(key)
        while len(self._expected) > self._max_kept:
            self._drop(next(iter(self._expected)))

    def _is_expected(self, key: str) -> bool:
        self._forget_expired()
        return key in self._expected

    def _forget_expired(self) -> None:
        """Oldest first: entries are refreshed to the end, so expired ones gather at the front."""
        now = self._monotonic()
        while self._expected:
            key, until = next(iter(self._expected.items()))
            if until > now:
                return
            self._drop(key)

    def _drop(self, key: str) -> None:
        del self._expected[key]
        event = self._events.get(key)
        if event is not None and event.is_set():  # an unclaimed wake-up of a follower that went away
            del self._events[key]
