"""In-process wake-ups: a provider callback received by this process wakes the task's follower at once.

A notify that arrives before anyone waits is kept for the next wait (a callback can beat the worker to it).
"""

from __future__ import annotations

import asyncio

MAX_KEPT = 10_000


class InProcessSignals:
    def __init__(self, max_kept: int = MAX_KEPT) -> None:
        self._events: dict[str, asyncio.Event] = {}
        self._max_kept = max_kept

    async def wait(self, key: str, timeout_s: float) -> bool:
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
        """Wake the waiter, or keep the signal for the next wait (the oldest kept ones go first past a bound)."""
        if key not in self._events and len(self._events) >= self._max_kept:
            del self._events[next(iter(self._events))]
        self._events.setdefault(key, asyncio.Event()).set()
