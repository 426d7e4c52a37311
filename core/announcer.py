"""The announcement sender of one process: claims small batches of recipients on the platforms this process can
reach and sends them a few at a time, at the platforms' lowest send priority, until none are left; then idles
until an announcement is recorded (a signal) or a while has passed. One bad recipient never stops the loop.

Every process may run one: claims are atomic in the Store, so each recipient is taken by one of them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence

from core.announcements import Recipient
from core.deps import Deps
from core.errors import StoreUnavailable
from core.models import Platform
from core.usecases import announcements

log = logging.getLogger(__name__)

BATCH = 16  # recipients claimed at once: a process that dies leaves at most this many to a lease's expiry
IN_FLIGHT = 4  # sends at once per process: at most this many can be left uncertain by a crash
IDLE_S = 5.0  # with nothing to send, look again after this (or at once when an announcement is recorded)
RETRY_S = 2.0  # the Store is unreachable: try again after this


class Announcer:
    def __init__(
        self,
        deps: Deps,
        platforms: Callable[[], Sequence[Platform]],
        *,
        user: str | None = None,
        batch: int = BATCH,
        in_flight: int = IN_FLIGHT,
        idle_s: float = IDLE_S,
    ) -> None:
        self._deps = deps
        self._platforms = platforms
        self._user = user  # only this platform user (the console's own person)
        self._batch = batch
        self._slots = asyncio.Semaphore(in_flight)
        self._idle_s = idle_s

    async def run(self) -> None:
        """Send until cancelled."""
        while True:
            try:
                handled = await self.round()
            except StoreUnavailable:
                log.warning("announcements: store unavailable; retrying")
                await asyncio.sleep(RETRY_S)
                continue
            except Exception:
                log.exception("announcements: a round failed; going on")
                handled = 0
            if not handled:
                await self._deps.signals.wait(announcements.SIGNAL, self._idle_s)

    async def round(self) -> int:
        """Claim one batch and send it; how many recipients it held (0: nothing to send here now)."""
        platforms = list(self._platforms())
        if not platforms:
            return 0
        claim = await announcements.claim(self._deps, platforms, self._batch, self._user)
        await asyncio.gather(*(self._one(r, claim.token) for r in claim.recipients))
        return len(claim.recipients)

    async def _one(self, recipient: Recipient, token: str) -> None:
        async with self._slots:
            try:
                await announcements.deliver(self._deps, recipient, token)
            except Exception:
                log.exception("announcement recipient not handled", extra={"account_id": recipient.account_id})
