"""Is a long-lived chat connection (Telegram polling, the Discord gateway) still working, or lost for good?

The libraries reconnect by themselves with backoff; this only decides when to stop waiting. A connection that has
failed without a single success for `give_up_after_s` (or was refused outright, e.g. a revoked token) is reported
once through `on_lost`, so the process exits non-zero and its supervisor starts a fresh one rather than leaving a
process up that hears nobody.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

#: Called once with a reason, and whether the service refused us (a token problem) rather than went silent.
OnLost = Callable[[str, bool], None]


class ConnectionWatch:
    def __init__(
        self, name: str, on_lost: OnLost, give_up_after_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.name = name
        self._on_lost = on_lost
        self._give_up_after_s = give_up_after_s
        self._clock = clock
        self._failing_since: float | None = None
        self._last_reason = ""
        self.is_lost = False

    def succeeded(self) -> None:
        if self._failing_since is not None:
            log.info("connection works again", extra={"connection": self.name})
        self._failing_since = None

    def failed(self, reason: str) -> None:
        """One failed attempt; the library retries. Gives up when failures have lasted too long."""
        if self._failing_since is None:
            self._failing_since = self._clock()
            log.warning("connection failing; retrying", extra={"connection": self.name, "reason": reason})
        self._last_reason = reason
        self.check()

    def lost(self, reason: str, *, refused: bool = False) -> None:
        """Gone for good (no retry will help): report at once."""
        if not self.is_lost:
            self.is_lost = True
            self._on_lost(f"{self.name} {reason}", refused)

    def check(self) -> None:
        since = self._failing_since
        if since is not None and self._clock() - since >= self._give_up_after_s:
            self.lost(f"failed for {self._give_up_after_s:g} s without success (last: {self._last_reason})")

    async def watch(self) -> None:
        """Check now and then, so a connection that stopped trying is noticed too (run as a task)."""
        every = max(0.2, min(5.0, self._give_up_after_s / 4))
        while not self.is_lost:
            await asyncio.sleep(every)
            self.check()
