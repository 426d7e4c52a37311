"""Outbound Discord messages from a generation's stored target alone, so any process holding a logged-in
client can deliver: the interaction webhook while its token lives (15 minutes), then the channel, then a DM.

The private status message (the deferred response) only moves forward and always ends in its final state: "Done"
before the images are posted, or the reason of a failure. Progress edits are coalesced (at most one every few
seconds, and never one older than what any process already wrote). Images are read from the BlobStore only when
their upload starts, and only a few uploads run at once, so results waiting their turn hold no image bytes.
discord.py's own rate-limit handling stays in charge of 429s."""

from __future__ import annotations

import asyncio
import io
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import discord
from discord.utils import MISSING

from adapters.chat.render import done_text, failed_text, progress_text, queued_text
from adapters.chat.status import FINAL_RANK, QUEUED_RANK, discord_status, stage_rank
from adapters.discord.interactions import DEFAULT_UPLOAD_LIMIT, DiscordTarget
from adapters.discord.views import is_web_link, result_view
from core.announcements import Reach
from core.models import Balance, Generation, Identity
from core.ports import BlobStore, Clock, Notice, QueueSpot, Ready, ResultImages, SendBudget
from core.texts import t

log = logging.getLogger(__name__)

# Discord's answers for an interaction webhook that can no longer be used.
TOKEN_GONE = {10015, 50027}  # Unknown Webhook, Invalid Webhook Token
TOO_LARGE = 40005  # Request entity too large
MESSAGE_MAX = 2000  # characters in one Discord message
MAX_UPLOADS = 4  # result uploads at once per process (each holds its images in memory while it runs)
CANNOT_MESSAGE_USER = 50007  # "Cannot send messages to this user": DMs closed, the bot blocked, no shared server
UNKNOWN_USER = 10013
ANNOUNCE_PER_S = 5.0  # announcement DMs per second per process (two requests each): well inside the global
# 50 requests/s, so interaction responses and results keep their room; discord.py waits out any 429 itself


@dataclass(frozen=True)
class Picture:
    """One image of a result: attached when it fits the place's upload limit, else a link (or a note)."""

    index: int
    name: str
    data: bytes
    link: str


@dataclass
class Outgoing:
    """A message to try in several places; files are rebuilt per attempt (discord.py closes them after a send).

    Which images are attached depends on where it goes: the interaction webhook takes the interaction's limit, a
    channel or DM post the bot's own (`attachable`); `limit=0` attaches nothing (the fallback after a 40005)."""

    lines: list[str]
    pictures: list[Picture]
    view: discord.ui.View | None
    locale: str = "en"

    def attachable(self, limit: int) -> list[Picture]:
        return [p for p in self.pictures if len(p.data) <= limit]

    def content(self, limit: int) -> str:
        notes = [_too_large(p, self.locale) for p in self.pictures if len(p.data) > limit]
        return "\n".join([*self.lines, *notes])

    def files(self, limit: int) -> list[discord.File] | Any:
        attached = self.attachable(limit)
        return [discord.File(io.BytesIO(p.data), filename=p.name) for p in attached] or MISSING


def _too_large(picture: Picture, locale: str) -> str:
    if is_web_link(picture.link):
        return t("image_too_large_link", locale, index=picture.index, url=picture.link)
    return t("image_too_large", locale, index=picture.index)


def too_large(error: discord.HTTPException) -> bool:
    """Discord refused the upload's size (413, code 40005 "Request entity too large"): a link can still go."""
    return error.status == 413 or error.code == TOO_LARGE


class DiscordMessenger:
    """Implements core.ports.Messenger for Platform.DISCORD."""

    def __init__(
        self,
        client: discord.Client,
        blobs: BlobStore,
        clock: Clock,
        *,
        statuses: SendBudget,
        link_ttl_s: int = 3600,
        progress_every_s: float = 2.0,
        monotonic: Callable[[], float] = time.monotonic,
        max_uploads: int = MAX_UPLOADS,
        announce_per_s: float = ANNOUNCE_PER_S,
    ) -> None:
        self._client = client
        self._blobs = blobs
        self._clock = clock
        self._ttl = link_ttl_s
        self._progress_every_s = progress_every_s
        self._monotonic = monotonic
        self._last_progress: dict[str, float] = {}
        self._statuses = statuses
        self._uploads = asyncio.Semaphore(max_uploads)
        self._announce_every_s = 1.0 / announce_per_s
        self._announce_next = 0.0
        self._announce_turns = asyncio.Lock()

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
        # the ✖ Cancel button goes once the task is at the provider (every status edit drops the view)
        await self._edit_status(target, stage_rank(stage, done), progress_text(generation, stage, done, locale))

    async def queued(self, generation: Generation, spot: QueueSpot, locale: str) -> None:
        """Edit the 'queued' line with the new place in line while the interaction token lives (its ✖ Cancel
        button stays)."""
        target = DiscordTarget.of(generation.delivery)
        if not target.token_alive(self._clock.now()) or target.message_id is None:
            return
        await self._edit_status(target, QUEUED_RANK, queued_text(generation, locale, spot), view=MISSING)

    async def _edit_status(self, target: DiscordTarget, rank: int, text: str, view: Any = None) -> bool:
        """Edit the status message unless any process already moved it further; False when skipped.
        `view=None` drops its buttons (the ✖ Cancel button goes once the task is at the provider)."""
        if target.token is None or target.message_id is None:
            return False
        if not await self._statuses.advance(discord_status(target.token), rank):
            return False
        await self._webhook(target).edit_message(target.message_id, content=text, view=view)
        return True

    async def deliver(self, generation: Generation, images: ResultImages, balance: Balance | None, locale: str) -> None:
        self._last_progress.pop(generation.id, None)
        target = DiscordTarget.of(generation.delivery)
        lines = [done_text(generation, balance, locale)]
        if generation.request.count > len(images):
            lines.append(t("partial", locale, made=len(images), count=generation.request.count))
        links = [await self._blobs.link(key, self._ttl) for key in images.keys]
        view = result_view(generation.id, links, locale)
        async with self._uploads:
            pictures = [
                Picture(index, image.key.rsplit("/", 1)[-1], image.data, link)
                for index, (image, link) in enumerate(zip(await images.read(), links, strict=True), start=1)
            ]
            await self._finish_status(target, t("status_done", locale, count=len(images)), generation)
            await self._send(target, Outgoing(lines, pictures, view, locale), generation.id)

    async def _finish_status(self, target: DiscordTarget, text: str, generation: Generation) -> None:
        """The status message's final state, before the images are posted (so they always follow it)."""
        if not target.token_alive(self._clock.now()):
            return
        try:
            await self._edit_status(target, FINAL_RANK, text)
        except discord.HTTPException as error:
            if error.code not in TOKEN_GONE and error.status != 404:
                raise
            log.info("status message gone", extra=_ids(generation))

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
                await self._edit_status(target, FINAL_RANK, text)
                return
            except discord.HTTPException as error:
                if error.code not in TOKEN_GONE and error.status != 404:
                    raise
                log.info("interaction message gone; sending the failure elsewhere", extra=_ids(generation))
        await self._send(target, Outgoing([text], [], None, locale), generation.id, webhook=False)

    async def notify(self, identity: Identity, notice: Notice, locale: str) -> bool:
        if not identity.platform_user_id.isdigit():
            return False
        try:
            await self._dm(int(identity.platform_user_id), Outgoing([t(notice.key, locale, **notice.params)], [], None))
        except discord.HTTPException:
            log.info("notice not delivered: DM refused", extra={"platform": "discord"})
            return False
        return True

    async def announce(self, identity: Identity, text: str, ready: Ready) -> Reach:
        """A DM at the announcements' own pace (results and interaction answers never wait for it); discord.py
        handles rate limits. The DM channel is opened first (no message yet), then `ready()`, then one send."""
        if not identity.platform_user_id.isdigit():
            return Reach.FAILED
        await self._announce_turn()
        try:
            channel = await self._client.create_dm(discord.Object(id=int(identity.platform_user_id)))
        except discord.HTTPException as error:
            return Reach.BLOCKED if error.code in (CANNOT_MESSAGE_USER, UNKNOWN_USER) else Reach.RETRY
        if not await ready():
            return Reach.NOT_STARTED
        try:
            await channel.send(text[:MESSAGE_MAX])
        except discord.RateLimited:  # a wait longer than discord.py's limit: nothing was sent
            return Reach.RETRY
        except discord.HTTPException as error:
            return _announce_failure(error)
        except (OSError, TimeoutError):
            return Reach.UNCERTAIN
        return Reach.SENT

    async def _announce_turn(self) -> None:
        """Wait for the next announcement slot of this process."""
        async with self._announce_turns:
            now = self._monotonic()
            wait = self._announce_next - now
            self._announce_next = max(now, self._announce_next) + self._announce_every_s
        if wait > 0:
            await asyncio.sleep(wait)

    # --- where a message goes -----------------------------------------------------------------------------------

    async def _send(self, target: DiscordTarget, out: Outgoing, generation_id: str, *, webhook: bool = True) -> None:
        """A followup on the interaction while its token lives; else the channel (mentioning the person); else DM.
        Each place attaches what its own upload limit allows, and falls back to links once if Discord says 40005."""
        if webhook and target.token_alive(self._clock.now()):
            hook = self._webhook(target)
            try:
                await _attempt(out, target.upload_limit, lambda content, files: hook.send(
                    content, files=files, view=out.view or MISSING, wait=True
                ))  # fmt: skip
                return
            except discord.HTTPException as error:
                if error.code not in TOKEN_GONE:
                    raise
                log.info("interaction token expired; falling back", extra={"generation_id": generation_id})
        if target.channel_id is not None:
            mention = f"<@{target.user_id}> " if target.user_id else ""
            try:
                channel = self._client.get_partial_messageable(target.channel_id, guild_id=target.guild_id)
                await _attempt(out, self._bot_limit(target.guild_id), lambda content, files: channel.send(
                    mention + content,
                    files=files,
                    view=out.view or MISSING,
                    allowed_mentions=discord.AllowedMentions(users=True, everyone=False, roles=False),
                ))  # fmt: skip
                return
            except (discord.Forbidden, discord.NotFound):
                log.info("channel not reachable; sending a DM", extra={"generation_id": generation_id})
        if target.user_id is None:
            raise LookupError("no way left to reach this Discord user")
        await self._dm(target.user_id, out)

    async def _dm(self, user_id: int, out: Outgoing) -> None:
        channel = await self._client.create_dm(discord.Object(id=user_id))
        await _attempt(
            out,
            DEFAULT_UPLOAD_LIMIT,
            lambda content, files: channel.send(content, files=files, view=out.view or MISSING),
        )

    def _bot_limit(self, guild_id: int | None) -> int:
        """What the bot itself may upload there: the guild's limit when the gateway cached it, else Discord's
        default (an interaction's larger `attachment_size_limit` does not apply to the bot's own posts)."""
        guild = self._client.get_guild(guild_id) if guild_id else None
        return guild.filesize_limit if guild is not None else DEFAULT_UPLOAD_LIMIT

    def _webhook(self, target: DiscordTarget) -> discord.Webhook:
        assert target.application_id is not None and target.token is not None
        return discord.Webhook.partial(target.application_id, target.token, client=self._client)


Send = Callable[[str, Any], Awaitable[object]]


async def _attempt(out: Outgoing, limit: int, send: Send) -> None:
    """Send with the images that fit `limit`; if Discord still says too large (40005), once more with links only."""
    files = out.files(limit)
    try:
        await send(out.content(limit), files)
    except discord.HTTPException as error:
        if not too_large(error) or not out.attachable(limit):
            raise
        log.info("upload refused as too large; sending links instead")
        await send(out.content(0), MISSING)
    finally:
        _release(files)


def _release(files: list[discord.File] | Any) -> None:
    """Free the images' bytes now. discord.py leaves a File made from a buffer open, and once sent the buffer refers
    to itself (a reference cycle), so each uploaded image stayed in memory until a garbage collection happened to
    run: hundreds of MB under a crowd (measured)."""
    if files is MISSING:
        return
    for file in files:
        file.close()  # gives the buffer its own close() back (discord.py swaps it for a no-op until then)
        file.fp.close()


def _announce_failure(error: discord.HTTPException) -> Reach:
    """50007: the person cannot be messaged (blocked the bot, closed DMs); a server error may have delivered it."""
    if error.code in (CANNOT_MESSAGE_USER, UNKNOWN_USER):
        return Reach.BLOCKED
    if error.status == 429:  # refused, not sent
        return Reach.RETRY
    if error.status >= 500:
        return Reach.UNCERTAIN
    log.info("announcement refused", extra={"code": error.code, "status": error.status})
    return Reach.FAILED


def _ids(generation: Generation) -> dict[str, str]:
    return {"generation_id": generation.id, "account_id": generation.account_id}
