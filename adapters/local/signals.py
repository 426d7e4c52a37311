"""In-process wake-ups: a provider callback received by this process wakes the task's follower at once.

A notify that arrives before anyone waits is kept for the next wait (a callback can beat the worker to it).
"""

from __future__ import annotations

import asyncio


class InProcessSignals:
    def __init__(self) -> None:
        self._events: dict[str, asyncio.Event] = {}

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
        self._events.setdefault(key, asyncio.Event()).set()
