"""From a Telegram update to the core's terms: who is talking (Identity) and where answers go (DeliveryTarget)."""

from __future__ import annotations

import logging
from contextvars import ContextVar

from telegram import Chat, Message, Update, User

from core.deps import Deps
from core.errors import StoreUnavailable
from core.locales import normalise
from core.models import DeliveryTarget, Identity, Platform

log = logging.getLogger(__name__)

# The language the person chose in /settings, read once per update before any handler runs (PTB runs an update's
# handler groups one after another in one task, so every handler of this update sees it, and no other update).
_CHOSEN: ContextVar[tuple[int, str] | None] = ContextVar("telegram_chosen_language", default=None)


def identity_of(user: User) -> Identity:
    return Identity(platform=Platform.TELEGRAM, platform_user_id=str(user.id))


def platform_locale(user: User | None) -> str:
    """Telegram's `language_code` (an IETF tag such as `pt-br`) as a catalogue code."""
    return normalise(user.language_code if user else None)


def locale_of(user: User | None) -> str:
    """The person's language: the one chosen in /settings, else their Telegram app's, else English."""
    chosen = _CHOSEN.get()
    if user is not None and chosen is not None and chosen[0] == user.id and chosen[1]:
        return chosen[1]
    return platform_locale(user)


async def read_chosen_language(deps: Deps, update: Update) -> None:
    """Before the handlers: the sender's chosen language, from this process's memory or one Store read. A Store
    that can't answer leaves the platform's language (the handler then says what is wrong in it)."""
    user = update.effective_user
    if user is None:
        return
    try:
        chosen = await deps.languages.language(deps.store, identity_of(user), platform_locale(user))
        _CHOSEN.set((user.id, chosen))
    except StoreUnavailable:
        log.info("chosen language unread: store unavailable")


def is_private(chat: Chat) -> bool:
    return chat.type == Chat.PRIVATE


def thread_id_of(message: Message) -> int | None:
    """The forum topic a message belongs to (answers must stay in it)."""
    return message.message_thread_id if message.is_topic_message else None


def delivery_target(message: Message, user: User, status_message: Message) -> DeliveryTarget:
    """Where the result goes: the chat of the command, replying to it, with the status message to replace."""
    extra = {"user_id": str(user.id), "chat_type": message.chat.type}
    thread_id = thread_id_of(message)
    if thread_id is not None:
        extra["thread_id"] = str(thread_id)
    return DeliveryTarget(
        platform=Platform.TELEGRAM,
        chat_id=str(message.chat.id),
        reply_to=str(message.message_id),
        status_message_id=str(status_message.message_id),
        extra=extra,
        private=is_private(message.chat),
    )


def optional_int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None
