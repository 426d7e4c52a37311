"""From a Telegram update to the core's terms: who is talking (Identity) and where answers go (DeliveryTarget)."""

from __future__ import annotations

from telegram import Chat, Message, User

from core.models import DeliveryTarget, Identity, Platform


def identity_of(user: User) -> Identity:
    return Identity(platform=Platform.TELEGRAM, platform_user_id=str(user.id))


def locale_of(user: User | None) -> str:
    return (user.language_code if user else None) or "en"


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
