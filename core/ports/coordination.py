"""Coordination between processes: wake-up signals, rate limits and the job queue."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from core.models import RateDecision


class Signals(Protocol):
    """Wake-ups by key (a provider callback arrived for a task) shared by every process.

    Only followed keys are remembered: a notify for a key that nobody waits for, or announced with `expect`
    (and lingered a little after), is dropped, so strangers' forged callbacks cost nothing lasting.
    """

    async def expect(self, key: str, for_s: float) -> None:
        """Announce a follower: a notify for `key` in the next `for_s` seconds is kept for its next wait."""
        ...

    async def wait(self, key: str, timeout_s: float) -> bool:
        """Wait for a notify (or one kept since the last wait); also marks `key` as followed meanwhile."""
        ...

    async def notify(self, key: str) -> None: ...


class Limiter(Protocol):
    async def hit(self, key: str, limit: int, window_s: float) -> RateDecision:
        """Count one event against `limit` per sliding `window_s`; refuse without counting when full."""
        ...


@dataclass(frozen=True)
class Job:
    """A claimed queue entry; `ack` it once the generation is settled and delivered."""

    ref: str
    generation_id: str


class JobQueue(Protocol):
    async def put(self, generation_id: str) -> None:
        """Queue a generation; a no-op while a job for the same generation is still pending (not yet acked)."""
        ...

    async def take(self) -> Job:
        """Wait for the next job (including jobs a dead worker left unacknowledged)."""
        ...

    async def ack(self, job: Job) -> None: ...
