"""Outbound chat: progress, places in line, results, failures and notices."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from core.announcements import Reach
from core.models import Balance, Generation, Identity
from core.ports.blobs import ResultImages
from core.ports.line import QueueSpot

#: Called by `Messenger.announce` right before the platform call, once its turn in the send budget came: True to
#: go ahead (the recipient is now marked as being sent), False to send nothing.
Ready = Callable[[], Awaitable[bool]]


@dataclass(frozen=True)
class Notice:
    """A message for a person outside a command's reply (payment arrived, credits taken back)."""

    key: str
    params: dict[str, Any]


class Messenger(Protocol):
    """Outbound chat: progress, results and notices, sent to a stored target by any process."""

    async def progress(self, generation: Generation, stage: str, done: int, locale: str) -> None: ...

    async def queued(self, generation: Generation, spot: QueueSpot, locale: str) -> None:
        """A waiting generation's place in line changed: show it (low priority; only the latest one matters)."""
        ...

    async def deliver(self, generation: Generation, images: ResultImages, balance: Balance | None, locale: str) -> None:
        """`balance` is None when the target is shared with others (a group): then no personal figures."""
        ...

    async def tidy(self, generation: Generation, locale: str) -> None:
        """After a result was sent and marked delivered: remove the status message and such (best effort).

        Kept out of `deliver` so the window in which a crash resends a result is one Store write long.
        """
        ...

    async def failed(self, generation: Generation, locale: str) -> None: ...

    async def notify(self, identity: Identity, notice: Notice, locale: str) -> bool:
        """Best effort; False when the person cannot be reached."""
        ...

    async def announce(self, identity: Identity, text: str, ready: Ready) -> Reach:
        """One announcement to one person, privately, at the lowest priority of the platform's send budget (after
        every reply, result and progress update). Waits for its turn, calls `ready()` just before the platform
        call and sends only when it says True; says how it went (blocked, refused, maybe sent, …)."""
        ...
