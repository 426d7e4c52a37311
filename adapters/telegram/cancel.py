"""Cancel on Telegram: the ✖ Cancel button on a request's status message (from its acknowledgement on), and
`/cancel [id]`.

Only the person who made the request can cancel it (the core checks the owner); a cancelled request's status
message says what came back, and once the task is at KIE the press is answered with "too late" instead.
"""

from __future__ import annotations

import logging

from telegram import Bot, CallbackQuery, Message, Update
from telegram.error import TelegramError
from telegram.ext import Application, CommandHandler, filters

from adapters.chat.commands import split_command
from adapters.chat.render import cancelled_text
from adapters.telegram.admissions import Admissions
from adapters.telegram.limits import MESSAGE_MAX, clip
from adapters.telegram.messenger import harmless_edit_error
from adapters.telegram.replies import Context, guarded
from adapters.telegram.updates import identity_of, is_private, locale_of, optional_int
from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.models import Generation
from core.usecases import cancel as cancelling

log = logging.getLogger(__name__)


class CancelHandlers:
    def __init__(self, deps: Deps, admissions: Admissions | None = None) -> None:
        self.deps = deps
        self.admissions = admissions or Admissions()

    def register(self, app: Application) -> None:  # type: ignore[type-arg]
        """Before the catch-all for unknown commands."""
        app.add_handler(CommandHandler("cancel", self.command, filters=filters.UpdateType.MESSAGE))

    @guarded
    async def command(self, update: Update, context: Context) -> None:
        """`/cancel` cancels the latest request still waiting in line; `/cancel <id>` a given one."""
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        _, rest = split_command(message.text or "")
        cancelled = await cancelling.cancel(self.deps, identity_of(user), rest.strip() or None)
        locale = locale_of(user)
        private = cancelled.delivery.private and is_private(message.chat)
        await message.reply_text(cancelled_text(cancelled, locale, private=private))
        await retire_status(context.bot, cancelled, cancelled_text(cancelled, locale))

    async def pressed(self, query: CallbackQuery, generation_id: str) -> None:
        """✖ Cancel under a status message; a domain error (too late, not yours) becomes the press's alert."""
        locale = locale_of(query.from_user)
        await self.admissions.ended(generation_id)  # pressed on the acknowledgement while its hold is being taken
        try:
            cancelled = await cancelling.cancel(self.deps, identity_of(query.from_user), generation_id)
        except DomainError as error:
            if error.code in (ErrorCode.ALREADY_STARTED, ErrorCode.ALREADY_FINISHED) and isinstance(
                query.message, Message
            ):
                await _drop_button(query.message)
            raise
        await retire_status(query.get_bot(), cancelled, cancelled_text(cancelled, locale))


async def retire_status(bot: Bot, cancelled: Generation, text: str) -> None:
    """The request's status message (with its Cancel button) now says what happened, and the button goes."""
    target = cancelled.delivery
    status = optional_int(target.status_message_id)
    if status is None or not target.chat_id.lstrip("-").isdigit():
        return
    try:
        await bot.edit_message_text(clip(text, MESSAGE_MAX), chat_id=int(target.chat_id), message_id=status)
    except TelegramError as error:
        if not harmless_edit_error(error):
            log.info("status message not updated after a cancel", extra={"reason": type(error).__name__})


async def _drop_button(message: Message) -> None:
    try:
        await message.edit_reply_markup(reply_markup=None)
    except TelegramError as error:
        if not harmless_edit_error(error):
            log.info("cancel button not removed", extra={"reason": type(error).__name__})
