"""Outbound Discord messages from a generation's stored target alone, so any process holding a logged-in
client can deliver: the interaction webhook while its token lives (15 minutes), then the channel, then a DM."""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import discord
from discord.utils import MISSING

from adapters.chat.render import done_text, failed_text, progress_text
from adapters.discord.interactions import DiscordTarget
from adapters.discord.views import is_web_link, result_view
from core.models import Balance, Generation, Identity
from core.ports import BlobStore, Clock, Notice, StoredImage
from core.texts import t

log = logging.getLogger(__name__)

# Discord's answers for an interaction webhook that can no longer be used.
TOKEN_GONE = {10015, 50027}  # Unknown Webhook, Invalid Webhook Token


@dataclass
class Outgoing:
    """A message to try in several places; files are rebuilt per attempt (discord.py closes them after a send)."""

    content: str
    attachments: list[tuple[str, bytes]]
    view: discord.ui.View | None

    def files(self) -> list[discord.File] | Any:
        return [discord.File(io.BytesIO(data), filename=name) for name, data in self.attachments] or MISSING


class DiscordMessenger:
    """Implements core.ports.Messenger for Platform.DISCORD."""

    def __init__(
        self,
        client: discord.Client,
        blobs: BlobStore,
        clock: Clock,
        *,
        link_ttl_s: int = 3600,
        progress_every_s: float = 2.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._blobs = blobs
        self._clock = clock
        self._ttl = link_ttl_s
        self._progress_every_s = progress_every_s
        self._monotonic = monotonic
        self._last_progress: dict[str, float] = {}

    async def progress(self, generation: Generation, stage: str, done: int, locale: str) -> None:
        """Edit the 'queued' line in place: the first report at once, later ones at most every few seconds."""
        target = DiscordTarget.of(generation.delivery)
        if not target.token_alive(self._clock.now()) or target.message_id is None:
            return
        now = self._monotonic()
        last = self._last_progress.get(generation.id)
        final = done >= generation.request.count
        if last is not None and not final and now - last < self._progress_every_s:
            return
        self._last_progress[generation.id] = now
        webhook = self._webhook(target)
        await webhook.edit_message(target.message_id, content=progress_text(generation, stage, done, locale))

    async def deliver(
        self, generation: Generation, images: Sequence[StoredImage], balance: Balance, locale: str
    ) -> None:
        self._last_progress.pop(generation.id, None)
        target = DiscordTarget.of(generation.delivery)
        lines = [done_text(generation, balance, locale)]
        if generation.request.count > len(images):
            lines.append(t("partial", locale, made=len(images), count=generation.request.count))
        links = [await self._blobs.link(image.key, self._ttl) for image in images]
        files: list[tuple[str, bytes]] = []
        for index, (image, link) in enumerate(zip(images, links, strict=True), start=1):
            if len(image.data) <= target.upload_limit:
                files.append((image.key.rsplit("/", 1)[-1], image.data))
            elif is_web_link(link):
                lines.append(t("image_too_large_link", locale, index=index, url=link))
            else:
                lines.append(t("image_too_large", locale, index=index))
        view = result_view(generation.id, links, locale)
        await self._send(target, Outgoing("\n".join(lines), files, view), generation.id)

    async def tidy(self, generation: Generation, locale: str) -> None:
        """The result is a followup of its own: nothing to remove."""
        return None

    async def failed(self, generation: Generation, locale: str) -> None:
        """Replace the progress line with the reason (or, once the token is gone, post it to the channel)."""
        self._last_progress.pop(generation.id, None)
        target = DiscordTarget.of(generation.delivery)
        text = failed_text(generation, locale)
        if target.token_alive(self._clock.now()) and target.message_id is not None:
            try:
                await self._webhook(target).edit_message(target.message_id, content=text, view=None)
                return
            except discord.HTTPException as error:
                if error.code not in TOKEN_GONE and error.status != 404:
                    raise
                log.info("interaction message gone; sending the failure elsewhere", extra=_ids(generation))
        await self._send(target, Outgoing(text, [], None), generation.id, webhook=False)

    async def notify(self, identity: Identity, notice: Notice, locale: str) -> bool:
        if not identity.platform_user_id.isdigit():
            return False
        try:
            await self._dm(int(identity.platform_user_id), Outgoing(t(notice.key, locale, **notice.params), [], None))
        except discord.HTTPException:
            log.info("notice not delivered: DM refused", extra={"platform": "discord"})
            return False
        return True

    # --- where a message goes -----------------------------------------------------------------------------------

    async def _send(self, target: DiscordTarget, out: Outgoing, generation_id: str, *, webhook: bool = True) -> None:
        """A followup on the interaction while its token lives; else the channel (mentioning the person); else DM."""
        if webhook and target.token_alive(self._clock.now()):
            try:
                await self._webhook(target).send(out.content, files=out.files(), view=out.view or MISSING, wait=True)
                return
            except discord.HTTPException as error:
                if error.code not in TOKEN_GONE:
                    raise
                log.info("interaction token expired; falling back", extra={"generation_id": generation_id})
        if target.channel_id is not None:
            mention = f"<@{target.user_id}> " if target.user_id else ""
            try:
                channel = self._client.get_partial_messageable(target.channel_id, guild_id=target.guild_id)
                await channel.send(
                    mention + out.content,
                    files=out.files(),
                    view=out.view or MISSING,
                    allowed_mentions=discord.AllowedMentions(users=True, everyone=False, roles=False),
                )
                return
            except (discord.Forbidden, discord.NotFound):
                log.info("channel not reachable; sending a DM", extra={"generation_id": generation_id})
        if target.user_id is None:
            raise LookupError("no way left to reach this Discord user")
        await self._dm(target.user_id, out)

    async def _dm(self, user_id: int, out: Outgoing) -> None:
        channel = await self._client.create_dm(discord.Object(id=user_id))
        await channel.send(out.content, files=out.files(), view=out.view or MISSING)

    def _webhook(self, target: DiscordTarget) -> discord.Webhook:
        assert target.application_id is not None and target.token is not None
        return discord.Webhook.partial(target.application_id, target.token, client=self._client)


def _ids(generation: Generation) -> dict[str, str]:
    return {"generation_id": generation.id, "account_id": generation.account_id}
