"""RecordingMessenger: a Messenger that remembers what a person would have seen, and lets tests await it.

Register it on the MessengerRouter for a platform (or pass it as `Deps.messenger`). The Messenger port owns the
method names `progress` and `failed`, so the records are `progress_log`, `delivered`, `failures` and `notices`.
Each record wakes `wait_until`, so tests await outcomes instead of sleeping.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from adapters.chat.render import failed_text
from core.announcements import Reach
from core.models import Balance, Generation, Identity
from core.ports import Notice, QueueSpot, Ready, ResultImages, StoredImage
from core.texts import t


@dataclass(frozen=True)
class Progress:
    generation_id: str
    stage: str
    done: int


@dataclass(frozen=True)
class Shown:
    """A place in line shown to the person while they waited."""

    generation_id: str
    spot: QueueSpot
    at: float  # the event loop's time when it was shown


@dataclass(frozen=True)
class Delivered:
    generation: Generation
    images: tuple[StoredImage, ...]
    balance: Balance | None
    at: float = 0.0  # the event loop's time when it was delivered


@dataclass(frozen=True)
class Failure:
    generation: Generation
    text: str  # what the person reads, rendered from the shared catalogue


@dataclass(frozen=True)
class SentNotice:
    identity: Identity
    notice: Notice
    text: str


class RecordingMessenger:
    def __init__(self, *, reachable: bool = True) -> None:
        self.reachable = reachable
        self.progress_log: list[Progress] = []
        self.places: list[Shown] = []
        self.delivered: list[Delivered] = []
        self.failures: list[Failure] = []
        self.notices: list[SentNotice] = []
        self.announcements: list[tuple[Identity, str]] = []
        self._changed = asyncio.Condition()

    async def _record(self, add: Callable[[], None]) -> None:
        async with self._changed:
            add()
            self._changed.notify_all()

    async def progress(self, generation: Generation, stage: str, done: int, locale: str) -> None:
        await self._record(lambda: self.progress_log.append(Progress(generation.id, stage, done)))

    async def queued(self, generation: Generation, spot: QueueSpot, locale: str) -> None:
        at = asyncio.get_running_loop().time()
        await self._record(lambda: self.places.append(Shown(generation.id, spot, at)))

    async def deliver(self, generation: Generation, images: ResultImages, balance: Balance | None, locale: str) -> None:
        loaded = tuple(await images.read())
        at = asyncio.get_running_loop().time()
        await self._record(lambda: self.delivered.append(Delivered(generation, loaded, balance, at)))

    async def tidy(self, generation: Generation, locale: str) -> None:
        return None

    async def failed(self, generation: Generation, locale: str) -> None:
        await self._record(lambda: self.failures.append(Failure(generation, failed_text(generation, locale))))

    async def notify(self, identity: Identity, notice: Notice, locale: str) -> bool:
        if not self.reachable:
            return False
        text = t(notice.key, locale, **notice.params)
        await self._record(lambda: self.notices.append(SentNotice(identity, notice, text)))
        return True

    async def announce(self, identity: Identity, text: str, ready: Ready) -> Reach:
        if not await ready():
            return Reach.NOT_STARTED
        await self._record(lambda: self.announcements.append((identity, text)))
        return Reach.SENT

    @property
    def outcomes(self) -> int:
        """Deliveries plus failures: one per finished generation when nothing is sent twice."""
        return len(self.delivered) + len(self.failures)

    async def wait_until(self, predicate: Callable[[], bool], timeout_s: float = 10.0) -> None:
        """Return once `predicate()` holds (checked after every record); TimeoutError after a generous timeout."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(predicate), timeout_s)

    async def wait_outcomes(self, count: int = 1, timeout_s: float = 10.0) -> None:
        await self.wait_until(lambda: self.outcomes >= count, timeout_s)
