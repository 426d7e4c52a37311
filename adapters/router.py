"""Routes outbound chat messages to the adapter of the generation's (or person's) platform."""

from __future__ import annotations

import logging

from core.announcements import Reach
from core.metrics import NoMetrics
from core.models import Balance, Generation, Identity, Platform
from core.ports import Messenger, Metrics, Notice, QueueSpot, Ready, ResultImages

log = logging.getLogger(__name__)


class MessengerRouter:
    """A Messenger that delegates by platform; platforms register as they start. Counts what it sent by platform
    and priority (result, progress, notice) in `gib_chat_sends_total`."""

    def __init__(self, metrics: Metrics | None = None) -> None:
        self._by_platform: dict[Platform, Messenger] = {}
        self._metrics = metrics or NoMetrics()

    def _sent(self, platform: Platform, priority: str) -> None:
        self._metrics.count("gib_chat_sends_total", platform=platform.value, priority=priority)

    def register(self, platform: Platform, messenger: Messenger) -> None:
        self._by_platform[platform] = messenger

    def platforms(self) -> list[Platform]:
        """The platforms this process can send to (those registered so far)."""
        return list(self._by_platform)

    def _for(self, platform: Platform) -> Messenger:
        messenger = self._by_platform.get(platform)
        if messenger is None:
            raise LookupError(f"no messenger for {platform.value} in this process")
        return messenger

    async def progress(self, generation: Generation, stage: str, done: int, locale: str) -> None:
        await self._for(generation.delivery.platform).progress(generation, stage, done, locale)
        self._sent(generation.delivery.platform, "progress")

    async def queued(self, generation: Generation, spot: QueueSpot, locale: str) -> None:
        await self._for(generation.delivery.platform).queued(generation, spot, locale)

    async def deliver(self, generation: Generation, images: ResultImages, balance: Balance | None, locale: str) -> None:
        await self._for(generation.delivery.platform).deliver(generation, images, balance, locale)
        self._sent(generation.delivery.platform, "result")

    async def tidy(self, generation: Generation, locale: str) -> None:
        await self._for(generation.delivery.platform).tidy(generation, locale)

    async def failed(self, generation: Generation, locale: str) -> None:
        await self._for(generation.delivery.platform).failed(generation, locale)
        self._sent(generation.delivery.platform, "result")

    async def notify(self, identity: Identity, notice: Notice, locale: str) -> bool:
        messenger = self._by_platform.get(identity.platform)
        if messenger is None:
            log.info("notice not sent: platform not running here", extra={"platform": identity.platform.value})
            return False
        sent = await messenger.notify(identity, notice, locale)
        if sent:
            self._sent(identity.platform, "notice")
        return sent

    async def announce(self, identity: Identity, text: str, ready: Ready) -> Reach:
        messenger = self._by_platform.get(identity.platform)
        if messenger is None:
            return Reach.RETRY  # another process (or a later start) can reach this platform
        reach = await messenger.announce(identity, text, ready)
        if reach is Reach.SENT:
            self._sent(identity.platform, "announcement")
        return reach
