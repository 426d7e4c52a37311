"""A chat platform's send budget (bot-wide rate, per-chat pace, 429 pauses, status ranks), shared by every process."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Pace:
    """A token bucket: `per_s` sends per second on average, up to `burst` back to back."""

    per_s: float
    burst: int = 1


@dataclass(frozen=True)
class SendGrant:
    """The answer of SendBudget.take: granted, or how long to wait and whose limit refused (the chat's or the bot's)."""

    granted: bool
    wait_s: float = 0.0
    by_chat: bool = False
    overtaken: bool = False  # the status message already got further: skip this send for good


class SendBudget(Protocol):
    """A chat platform's send budget, shared by every process of the bot: the bot's overall rate and each chat's
    pace, 429 pauses, and how far each status message has got (so it only moves forward)."""

    async def take(
        self, chat: str, pace: Pace, spare_s: float = 0.0, status: str | None = None, rank: int = 0
    ) -> SendGrant:
        """Take one send for `chat` when both the bot's budget and the chat's pace allow it now; nothing is taken
        when refused. `spare_s` > 0 takes only budget the bot has left unused for that long (progress).

        With `status`, the send moves that status message to `rank` (recorded when granted, as `advance` does);
        when a higher rank was recorded it is refused as `overtaken`, in the same round trip."""
        ...

    async def pause(self, chat: str | None, seconds: float) -> None:
        """A 429's retry_after: nothing more for the chat (None: for the whole bot) for `seconds`; afterwards the
        chat goes on at its pace without a burst."""
        ...

    async def advance(self, key: str, rank: int) -> bool:
        """Record that status `key` reaches `rank`; False (nothing recorded) when a higher rank was recorded."""
        ...
