"""The provider's create budget as a fair, paced line shared by every process, and what a waiting person is told."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Ticket:
    """One provider create waiting in the line: slot `slot` of a generation."""

    generation_id: str
    account_id: str
    slot: int


@dataclass(frozen=True)
class Place:
    """Where a generation stands in the create line, and how fast the line moves (measured, not configured)."""

    ahead: int  # creates before this generation's first one (0: it is next)
    through: int  # creates up to and including this generation's last one
    interval_s: float  # seconds per create, measured
    latency_s: float  # seconds from create to a stored result, measured


@dataclass(frozen=True)
class QueueSpot:
    """What a waiting person is told: their position (1 = next) and the estimated seconds to their result."""

    position: int
    eta_s: float


class CreateLine(Protocol):
    """The provider's create budget and the fair line of creates waiting for it, shared by every process.

    Creates are granted one at a time, evenly spaced to the limit and never more than the limit in any sliding
    window; the order is first come, first served across accounts (round-robin by account: one account's many
    creates are interleaved with everyone else's). Waiting has no retry counter: the caller bounds it.
    """

    async def enter(self, generation_id: str, account_id: str, slots: int) -> None:
        """Put a generation's creates in line (fair order); a no-op for a generation already in line."""
        ...

    async def preview(self, account_id: str, slots: int) -> Place:
        """The place a new request of this account would get now (admission control, before charging)."""
        ...

    async def place(self, generation_id: str) -> Place | None:
        """Where the generation stands now; None when none of its creates is waiting."""
        ...

    async def turn(self, ticket: Ticket) -> None:
        """Wait until this create is first among those waiting and the budget has room, then count it.

        A ticket not in line (its line state was lost) joins it first. Waits without bound: cancel to stop.
        """
        ...

    async def created(self, ticket: Ticket) -> None:
        """The provider accepted this create: it leaves the line."""
        ...

    async def slow_down(self, seconds: float) -> None:
        """The provider said "too many requests": grant nothing for `seconds` (the ticket keeps its place)."""
        ...

    async def leave(self, generation_id: str) -> None:
        """The generation no longer needs creates (finished, failed, cancelled): drop its tickets."""
        ...

    async def observe_latency(self, seconds: float) -> None:
        """One create-to-result time, for the estimates."""
        ...
