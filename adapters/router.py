"""Routes outbound chat messages to the adapter of the generation's (or person's) platform."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from core.models import Balance, Generation, Identity, Platform
from core.ports import Messenger, Notice, StoredImage

log = logging.getLogger(__name__)


class MessengerRouter:
    """A Messenger that delegates by platform; platforms register as they start."""

    def __init__(self) -> None:
        self._by_platform: dict[Platform, Messenger] = {}

    def register(self, platform: Platform, messenger: Messenger) -> None:
        self._by_platform[platform] = messenger

    def _for(self, platform: Platform) -> Messenger:
        messenger = self._by_platform.get(platform)
        if messenger is None:
            raise LookupError(f"no messenger for {platform.value} in this process")
        return messenger

    async def progress(self, generation: Generation, stage: str, done: int, locale: str) -> None:
        await self._for(generation.delivery.platform).progress(generation, stage, done, locale)

    async def deliver(
        self, generation: Generation, images: Sequence[StoredImage], balance: Balance | None, locale: str
    ) -> None:
        await self._for(generation.delivery.platform).deliver(generation, images, balance, locale)

    async def tidy(self, generation: Generation, locale: str) -> None:
        await self._for(generation.delivery.platform).tidy(generation, locale)

    async def failed(self, generation: Generation, locale: str) -> None:
        await self._for(generation.delivery.platform).failed(generation, locale)

    async def notify(self, identity: Identity, notice: Notice, locale: str) -> bool:
        messenger = self._by_platform.get(identity.platform)
        if messenger is None:
            log.info("notice not sent: platform not running here", extra={"platform": identity.platform.value})
            return False
        return await messenger.notify(identity, notice, locale)
