"""Outbound Telegram: progress edits, results as photos/albums/files with buttons, failures and notices.

Every send names its priority in the bot's send budget (adapters.telegram.ratelimit): results, failures and
notices are essential; progress edits and removing the status message only use spare budget, and a later state
of the status message overtakes an edit still waiting. A single-image generation costs two essential messages:
the acknowledgement (sent by the handler) and the photo. A result's images are read from the BlobStore only once
its slot is granted, so results waiting their turn hold no image bytes.

Everything it needs is on the generation's DeliveryTarget, so any process with the bot token can deliver.
A chat that cannot be reached (the person blocked the bot, the chat is gone) is not an error: `deliver`
returns normally, the generation is marked delivered and its money stays settled as the core decided
(captured for a success — the images exist and stay available through /mydata). Transient network errors
are raised, so the core retries the delivery when the job is resumed.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import replace
from pathlib import PurePosixPath
from typing import Any

from telegram import InlineKeyboardMarkup, InputFile, InputMediaDocument, InputMediaPhoto, Message, ReplyParameters
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError, TimedOut
from telegram.ext import ExtBot

from adapters.chat.render import done_text, failed_text, progress_text, queued_text
from adapters.chat.status import FINAL_RANK, QUEUED_RANK, stage_rank, telegram_status
from adapters.telegram.keyboards import cancel_keyboard, result_keyboard
from adapters.telegram.limits import CAPTION_MAX, MEDIA_GROUP_MAX, MESSAGE_MAX, FileLimits, clip, fits_photo
from adapters.telegram.ratelimit import BudgetRateLimiter, SendOptions
from adapters.telegram.sendqueue import Priority
from adapters.telegram.updates import optional_int
from core.announcements import Reach
from core.models import Balance, DeliveryTarget, Generation, Identity
from core.ports import Notice, QueueSpot, Ready, ResultImages, StoredImage
from core.texts import t

log = logging.getLogger(__name__)

EDIT_INTERVAL_S = 2.5
ESSENTIAL = SendOptions(Priority.RESULT)
GONE = ("chat not found", "user is deactivated", "bot was kicked", "not enough rights", "have no rights")
# What the Bot API answers for a file it will not take as sent: a photo it refuses to process (400
# PHOTO_INVALID_DIMENSIONS / PHOTO_SAVE_FILE_INVALID / IMAGE_PROCESS_FAILED, seen below its documented limits), or
# an upload over the server's limit (HTTP 413 "Request Entity Too Large", which PTB raises as a NetworkError).
TOO_LARGE = (
    "PHOTO_INVALID_DIMENSIONS",
    "PHOTO_SAVE_FILE_INVALID",
    "PHOTO_TOO_BIG",
    "IMAGE_PROCESS_FAILED",
    "REQUEST ENTITY TOO LARGE",
    "FILE IS TOO BIG",
)


def unreachable(error: TelegramError) -> bool:
    """The chat will not take messages from us (blocked, kicked, deleted): retrying cannot help."""
    if isinstance(error, Forbidden):
        return True
    return isinstance(error, BadRequest) and any(s in str(error).lower() for s in GONE)


def too_large(error: TelegramError) -> bool:
    """Telegram will never take this file in this form: retrying the same send cannot help, a fallback can."""
    return isinstance(error, NetworkError) and any(s in str(error).upper() for s in TOO_LARGE)


def harmless_edit_error(error: TelegramError) -> bool:
    """Edits of a message that is unchanged or already gone are nothing to worry about."""
    text = str(error).lower()
    return isinstance(error, BadRequest) and (
        "message is not modified" in text
        or "message to edit not found" in text
        or "message to delete not found" in text
    )


class TelegramMessenger:
    """core.ports.Messenger for Telegram."""

    def __init__(
        self,
        bot: ExtBot[Any],
        *,
        limits: FileLimits | None = None,
        edit_interval_s: float = EDIT_INTERVAL_S,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._bot = bot
        self._limits = limits or FileLimits()
        self._interval = edit_interval_s
        self._monotonic = monotonic
        self._last_edit: dict[tuple[str, str], float] = {}
        self._tidying: set[asyncio.Task[None]] = set()

    # --- progress ---------------------------------------------------------------------------------------------

    async def progress(self, generation: Generation, stage: str, done: int, locale: str) -> None:
        """Edit the status message at most once per interval, from spare budget (a later state overtakes it).

        The edit waits for its slot in the background: the worker never waits for progress to be shown."""
        status = self._status_due(generation)
        if status is None:
            return
        target = generation.delivery
        options = SendOptions(Priority.PROGRESS, telegram_status(target.chat_id, status), stage_rank(stage, done))
        self._later(self._edit_status(generation, status, progress_text(generation, stage, done, locale), options))

    async def queued(self, generation: Generation, spot: QueueSpot, locale: str) -> None:
        """Show the place in line on the status message (an edit, paced and spent like progress, in the
        background), keeping its Cancel button."""
        status = self._status_due(generation)
        if status is None:
            return
        target = generation.delivery
        options = SendOptions(Priority.PROGRESS, telegram_status(target.chat_id, status), QUEUED_RANK)
        text, markup = queued_text(generation, locale, spot), cancel_keyboard(generation.id, locale)
        self._later(self._edit_status(generation, status, text, options, markup))

    def _status_due(self, generation: Generation) -> int | None:
        """The status message's id when an edit is due (at most one per interval), else None."""
        target = generation.delivery
        status = optional_int(target.status_message_id)
        key = (target.chat_id, target.status_message_id or "")
        now = self._monotonic()
        last = self._last_edit.get(key)
        if status is None or (last is not None and now - last < self._interval):
            return None
        self._last_edit[key] = now
        return status

    async def _edit_status(
        self,
        generation: Generation,
        status: int,
        text: str,
        options: SendOptions,
        markup: InlineKeyboardMarkup | None = None,
    ) -> None:
        try:
            await self._bot.edit_message_text(
                text,
                chat_id=int(generation.delivery.chat_id),
                message_id=status,
                reply_markup=markup,
                rate_limit_args=options,
            )
        except TelegramError as error:
            quiet = unreachable(error) or harmless_edit_error(error)
            (log.info if quiet else log.warning)(
                "status not shown", extra={"generation_id": generation.id, "reason": type(error).__name__}
            )

    # --- results ----------------------------------------------------------------------------------------------

    async def deliver(self, generation: Generation, images: ResultImages, balance: Balance | None, locale: str) -> None:
        target = generation.delivery
        try:
            granted = await self._result_turn(target)
            files = await images.read()
            await self._send_result(generation, files, images.as_files, balance, locale, granted=granted)
        except TelegramError as error:
            if not unreachable(error):
                raise
            log.info("result not delivered: chat unreachable", extra={"generation_id": generation.id})
            return
        finally:
            self._last_edit.pop((target.chat_id, target.status_message_id or ""), None)

    async def tidy(self, generation: Generation, locale: str) -> None:
        """Once the result is marked delivered: an album's buttons (albums cannot carry any), then the status
        message goes (from spare budget, in the background). A crash before this loses only these extras, never
        sends the images twice."""
        target = generation.delivery
        if len(generation.image_keys) > 1:
            keyboard = result_keyboard(generation.id, len(generation.image_keys), locale)
            try:
                await self._bot.send_message(
                    int(target.chat_id), t("result_actions", locale), reply_markup=keyboard,
                    message_thread_id=_thread(target), rate_limit_args=self._result_options(target),
                )  # fmt: skip
            except TelegramError as error:
                log.info("result buttons not sent", extra={"generation_id": generation.id, "reason": str(error)})
        self._later(self._drop_status(target))

    def _later(self, work: Coroutine[Any, Any, None]) -> None:
        """Spare-budget work (progress, removing the status) waits in the background, never holding the worker."""
        task = asyncio.create_task(work)
        self._tidying.add(task)
        task.add_done_callback(self._tidying.discard)

    async def _result_turn(self, target: DeliveryTarget) -> bool:
        """Wait for the result's slot before its images are read, so waiting results hold no image bytes."""
        limiter = self._bot.rate_limiter
        if not isinstance(limiter, BudgetRateLimiter):
            return False
        return await limiter.queue.acquire(target.chat_id, Priority.RESULT, self._result_options(target).status)

    def _result_options(self, target: DeliveryTarget) -> SendOptions:
        """Results are essential and overtake a progress edit of their status message still waiting."""
        status = optional_int(target.status_message_id)
        return SendOptions(Priority.RESULT, None if status is None else telegram_status(target.chat_id, status))

    async def _send_result(
        self,
        generation: Generation,
        images: Sequence[StoredImage],
        wants_files: bool,
        balance: Balance | None,
        locale: str,
        *,
        granted: bool = False,
    ) -> None:
        """Send the images (as files when the person asked for them, or when a photo would not fit); `granted`: the
        first message's slot was already taken (see `_result_turn`)."""
        target = generation.delivery
        chat_id, thread = int(target.chat_id), _thread(target)
        reply = _reply(target)
        caption = done_text(generation, balance, locale)
        if generation.request.count > len(images):
            caption += "\n" + t("partial", locale, made=len(images), count=generation.request.count)
        caption = clip(caption, CAPTION_MAX)
        keyboard = result_keyboard(generation.id, len(images), locale)
        send = _OneSender(self._bot, chat_id, thread, reply, locale, self._result_options(target), granted)
        if not images:
            await self._bot.send_message(
                chat_id,
                clip(caption, MESSAGE_MAX),
                message_thread_id=thread,
                reply_parameters=reply,
                rate_limit_args=send.options(),
            )
            return
        as_file = wants_files or not all(fits_photo(i.data) for i in images)
        files = [(image.data, _filename(generation, i, image)) for i, image in enumerate(images)]
        if len(files) == 1:
            await send(files[0], 1, as_file, caption, keyboard)
            return
        for start in range(0, len(files), MEDIA_GROUP_MAX):
            chunk = files[start : start + MEDIA_GROUP_MAX]
            first_caption = caption if start == 0 else None
            if len(chunk) == 1:
                await send(chunk[0], start + 1, as_file, first_caption, None)
                continue
            try:
                await self._bot.send_media_group(
                    chat_id,
                    _album(chunk, as_file, first_caption),
                    message_thread_id=thread,
                    reply_parameters=reply,
                    rate_limit_args=send.options(),
                )
            except TelegramError as error:
                if not too_large(error):
                    raise
                log.info("album refused as too large; sending its images one by one as files")
                for offset, item in enumerate(chunk):
                    await send(item, start + offset + 1, True, first_caption if offset == 0 else None, None)
        # Albums cannot carry buttons: they follow in a short message, sent by `tidy`.

    async def _drop_status(self, target: DeliveryTarget) -> None:
        status = optional_int(target.status_message_id)
        if status is None:
            return
        options = SendOptions(Priority.PROGRESS, telegram_status(target.chat_id, status), FINAL_RANK)
        try:
            await self._bot.delete_message(int(target.chat_id), status, rate_limit_args=options)
        except TelegramError as error:
            log.info("status message not deleted", extra={"reason": type(error).__name__})

    # --- failures and notices ---------------------------------------------------------------------------------

    async def failed(self, generation: Generation, locale: str) -> None:
        """Replace the status message with the reason (the text says the credits were refunded)."""
        target = generation.delivery
        self._last_edit.pop((target.chat_id, target.status_message_id or ""), None)
        text = clip(failed_text(generation, locale), MESSAGE_MAX)
        chat_id, status = int(target.chat_id), optional_int(target.status_message_id)
        try:
            if status is not None:
                final = SendOptions(Priority.RESULT, telegram_status(chat_id, status), FINAL_RANK)
                try:
                    await self._bot.edit_message_text(text, chat_id=chat_id, message_id=status, rate_limit_args=final)
                    return
                except BadRequest as error:
                    if unreachable(error) or not harmless_edit_error(error):
                        raise
            await self._bot.send_message(
                chat_id,
                text,
                message_thread_id=_thread(target),
                reply_parameters=_reply(target),
                rate_limit_args=ESSENTIAL,
            )
        except TelegramError as error:
            if not unreachable(error):
                raise
            log.info("failure not delivered: chat unreachable", extra={"generation_id": generation.id})

    async def notify(self, identity: Identity, notice: Notice, locale: str) -> bool:
        """A private message to the person; False when they cannot be reached."""
        try:
            await self._bot.send_message(
                int(identity.platform_user_id),
                clip(t(notice.key, locale, **notice.params), MESSAGE_MAX),
                rate_limit_args=ESSENTIAL,
            )
        except TelegramError as error:
            log.info("notice not delivered", extra={"reason": type(error).__name__})
            return False
        return True

    async def announce(self, identity: Identity, text: str, ready: Ready) -> Reach:
        """A private message at the lowest priority: it waits for its slot (after every reply, result and progress
        edit), then `ready()` marks it as being sent, then one sendMessage (a 429 waits and goes again)."""
        chat = identity.platform_user_id
        limiter = self._bot.rate_limiter
        granted = False
        if isinstance(limiter, BudgetRateLimiter):
            granted = await limiter.queue.acquire(chat, Priority.ANNOUNCEMENT)
        if not await ready():
            return Reach.NOT_STARTED
        options = SendOptions(Priority.ANNOUNCEMENT, granted=granted)
        try:
            await self._bot.send_message(int(chat), clip(text, MESSAGE_MAX), rate_limit_args=options)
        except TelegramError as error:
            return _announce_failure(error)
        except RuntimeError:  # refused by flood control every time (ratelimit.MAX_RETRIES): nothing was sent
            return Reach.RETRY
        return Reach.SENT


def _announce_failure(error: TelegramError) -> Reach:
    """Blocked or gone: recorded; a timeout or lost connection may have been delivered: never sent again."""
    if unreachable(error):
        return Reach.BLOCKED
    if isinstance(error, TimedOut | NetworkError) and not isinstance(error, BadRequest):  # BadRequest is one too
        return Reach.UNCERTAIN
    log.info("announcement refused", extra={"reason": type(error).__name__})
    return Reach.FAILED


class _OneSender:
    """One image, in the first form Telegram takes: a photo (unless a file is wanted), else a file, else a note that
    it is too large to send here. Each form is tried once, so a delivery always ends instead of looping.

    The first message of a result may use the slot the result already waited for (`granted`); later ones wait."""

    def __init__(
        self,
        bot: ExtBot[Any],
        chat_id: int,
        thread: int | None,
        reply: ReplyParameters | None,
        locale: str,
        options: SendOptions,
        granted: bool,
    ) -> None:
        self._bot, self._chat_id, self._thread, self._reply, self._locale = bot, chat_id, thread, reply, locale
        self._options, self._granted = options, granted

    def options(self) -> SendOptions:
        granted, self._granted = self._granted, False
        return replace(self._options, granted=granted)

    async def __call__(
        self, file: tuple[bytes, str], index: int, as_file: bool, caption: str | None, keyboard: object
    ) -> Message:
        forms = (self._bot.send_document,) if as_file else (self._bot.send_photo, self._bot.send_document)
        for send in forms:
            try:
                return await send(
                    self._chat_id,
                    InputFile(*file),
                    caption=caption,
                    reply_markup=keyboard,  # type: ignore[arg-type]
                    message_thread_id=self._thread,
                    reply_parameters=self._reply,
                    rate_limit_args=self.options(),
                )
            except TelegramError as error:
                if not too_large(error):
                    raise
                log.info("image refused as too large", extra={"form": send.__name__, "reason": str(error)})
        note = t("image_too_large", self._locale, index=index)
        text = clip(f"{caption}\n{note}" if caption else note, MESSAGE_MAX)
        return await self._bot.send_message(
            self._chat_id,
            text,
            reply_markup=keyboard,  # type: ignore[arg-type]
            message_thread_id=self._thread,
            reply_parameters=self._reply,
            rate_limit_args=self.options(),
        )


def _album(
    chunk: Sequence[tuple[bytes, str]], as_file: bool, caption: str | None
) -> list[InputMediaPhoto | InputMediaDocument]:
    """Raw bytes + filename: PTB attaches them as multipart parts (`attach://…`)."""
    return [
        InputMediaDocument(data, caption=caption if i == 0 else None, filename=name)
        if as_file
        else InputMediaPhoto(data, caption=caption if i == 0 else None, filename=name)
        for i, (data, name) in enumerate(chunk)
    ]


def _thread(target: DeliveryTarget) -> int | None:
    return optional_int(target.extra.get("thread_id"))


def _reply(target: DeliveryTarget) -> ReplyParameters | None:
    message_id = optional_int(target.reply_to)
    return None if message_id is None else ReplyParameters(message_id, allow_sending_without_reply=True)


def _filename(generation: Generation, index: int, image: StoredImage) -> str:
    suffix = PurePosixPath(image.key).suffix or ".png"
    return f"image-{generation.id[:8]}-{index + 1}{suffix}"
