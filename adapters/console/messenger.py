"""Console output for results and notices: prints progress, the saved image paths and payment notices."""

from __future__ import annotations

from collections.abc import Callable

from adapters.chat.render import done_text, failed_text, progress_text, queued_text
from core.announcements import Reach
from core.models import Balance, Generation, Identity
from core.ports import BlobStore, Notice, QueueSpot, Ready, ResultImages
from core.texts import t


class ConsoleMessenger:
    def __init__(self, out: Callable[[str], None], blobs: BlobStore, link_ttl_s: int = 3600) -> None:
        self._out = out
        self._blobs = blobs
        self._ttl = link_ttl_s

    async def progress(self, generation: Generation, stage: str, done: int, locale: str) -> None:
        self._out(f"[{generation.id[:8]}] {progress_text(generation, stage, done, locale)}")

    async def queued(self, generation: Generation, spot: QueueSpot, locale: str) -> None:
        self._out(f"[{generation.id[:8]}] {queued_text(generation, locale, spot)}")

    async def deliver(self, generation: Generation, images: ResultImages, balance: Balance | None, locale: str) -> None:
        lines = [f"[{generation.id[:8]}] {done_text(generation, balance, locale)}", t("done_paths", locale)]
        lines += [f"  {await self._blobs.link(key, self._ttl)}" for key in images.keys]
        if generation.request.count > len(images):
            lines.append(t("partial", locale, made=len(images), count=generation.request.count))
        lines.append(t("console_after", locale, id=generation.id[:8]))
        self._out("\n".join(lines))

    async def tidy(self, generation: Generation, locale: str) -> None:
        return None

    async def failed(self, generation: Generation, locale: str) -> None:
        self._out(f"[{generation.id[:8]}] {failed_text(generation, locale)}")

    async def notify(self, identity: Identity, notice: Notice, locale: str) -> bool:
        self._out(t(notice.key, locale, **notice.params))
        return True

    async def announce(self, identity: Identity, text: str, ready: Ready) -> Reach:
        """Printed in the terminal of the person's console (the console claims only its own person's copies)."""
        if not await ready():
            return Reach.NOT_STARTED
        self._out(text)
        return Reach.SENT
