"""Answering safely: domain errors as friendly text (with the next step), anything else as an error id,
and personal answers routed to the person's private chat when asked in a group."""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from telegram import InlineKeyboardMarkup, Message, Update, User
from telegram.error import Forbidden, TelegramError
from telegram.ext import ContextTypes

from adapters.chat.render import error_text_for, unknown_command_text
from adapters.telegram.keyboards import buy_button, consent_keyboard
from adapters.telegram.limits import MESSAGE_MAX, clip
from adapters.telegram.messenger import unreachable
from adapters.telegram.updates import is_private, locale_of
from core.errors import DomainError, ErrorCode, StoreUnavailable
from core.policy import Policy
from core.texts import t

log = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE
H = TypeVar("H")
Handler = Callable[[H, Update, Context], Coroutine[Any, Any, None]]


def error_markup(error: DomainError, locale: str) -> InlineKeyboardMarkup | None:
    """Errors with an obvious next step carry it as a button (buy credits; accept the updated terms)."""
    if error.code is ErrorCode.CONSENT_OUTDATED:
        return consent_keyboard(locale)
    return buy_button(locale) if error.params.get("offer_buy") else None


def internal_error_text(locale: str, what: str, **extra: Any) -> str:
    """Log the failure under a short id (never the prompt or the update) and tell the person that id."""
    error_id = uuid.uuid4().hex[:8]
    log.exception(what, extra={"error_id": error_id, **extra})
    return t("error.internal", locale, error_id=error_id)


async def safe_reply(message: Message | None, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    if message is None:
        return
    try:
        await message.reply_text(clip(text, MESSAGE_MAX), reply_markup=markup)
    except TelegramError as error:
        log.info("reply not sent", extra={"reason": type(error).__name__})


def guarded(handler: Handler[H]) -> Handler[H]:
    """One bad update never stops the bot: domain errors → friendly text, the rest → an error id."""

    @functools.wraps(handler)
    async def wrapper(self: H, update: Update, context: Context) -> None:
        message, locale = update.effective_message, locale_of(update.effective_user)
        try:
            await handler(self, update, context)
        except DomainError as error:
            private = message is None or is_private(message.chat)
            await safe_reply(message, error_text_for(error, locale, private=private), error_markup(error, locale))
        except StoreUnavailable:
            log.warning("store unavailable while handling an update")
            await safe_reply(message, t("error.temporarily_unavailable", locale))
        except TelegramError as error:
            if unreachable(error):
                log.info("chat unreachable", extra={"reason": type(error).__name__})
                return
            await safe_reply(message, internal_error_text(locale, "telegram call failed"))
        except Exception:
            await safe_reply(message, internal_error_text(locale, "telegram update failed"))

    return wrapper


async def answer_unknown(message: Message, user: User, context: Context, policy: Policy) -> None:
    """An unknown command gets the help text; in groups only when addressed to this bot."""
    head = (message.text or "").split(maxsplit=1)[0] if message.text else ""
    if not is_private(message.chat) and f"@{context.bot.username}".lower() not in head.lower():
        return
    locale = locale_of(user)
    await message.reply_text(unknown_command_text("help", policy, locale))


async def answer_personally(
    message: Message, user: User, locale: str, send: Callable[[int], Awaitable[Message]]
) -> Message | None:
    """In a private chat answer there; in a group send it to the person privately and leave a short note.

    A person who never opened a private chat with the bot (403) gets a friendly note in the group instead.
    """
    if is_private(message.chat):
        return await send(message.chat.id)
    try:
        sent = await send(user.id)
    except Forbidden:
        await safe_reply(message, t("private_unreachable", locale))
        return None
    await safe_reply(message, t("private_note", locale))
    return sent
