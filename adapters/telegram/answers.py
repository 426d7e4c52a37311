"""The rest of the conversation: /terms, /privacy, /paysupport, /regenerate and /vary by command, and a short
helpful answer to whatever a person sends in a private chat that the bot cannot use (stickers, GIFs, voice...)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any

from telegram import Message, Update
from telegram.ext import BaseHandler, MessageHandler, filters

from adapters.chat.commands import split_command
from adapters.chat.render import privacy_text, terms_text
from adapters.telegram.replies import Context, guarded
from adapters.telegram.updates import identity_of, locale_of
from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.models import DeliveryTarget, Generation, Identity
from core.texts import t
from core.usecases import generation

if TYPE_CHECKING:
    from adapters.telegram.handlers import TelegramHandlers

Again = Callable[[Deps, Identity, str | None, DeliveryTarget, str | None], Awaitable[Generation]]
Command = Callable[[Update, Context], Coroutine[Any, Any, None]]

# What a private message carries that the bot cannot use, checked in this order (a GIF is also a document).
UNUSABLE: tuple[tuple[str, filters.BaseFilter], ...] = (
    ("sticker", filters.Sticker.ALL),
    ("animation", filters.ANIMATION),
    ("voice", filters.VOICE | filters.AUDIO),
    ("video", filters.VIDEO | filters.VIDEO_NOTE),
    ("document", filters.Document.ALL & ~filters.Document.IMAGE),
)


class ConversationAnswers:
    """Registered by TelegramHandlers before its catch-all for unknown commands."""

    def __init__(self, handlers: TelegramHandlers) -> None:
        self.handlers = handlers
        self.deps = handlers.deps

    def commands(self) -> dict[str, Command]:
        return {
            "privacy": self.privacy,
            "terms": self.terms,
            "paysupport": self.paysupport,
            "regenerate": self.regenerate,
            "vary": self.vary,
        }

    def media_handlers(self, new_messages: filters.BaseFilter) -> list[BaseHandler[Update, Context, None]]:
        """Private chats only: in a group the bot stays out of conversations that are not addressed to it."""
        private = filters.ChatType.PRIVATE & new_messages
        images = filters.PHOTO | filters.Document.IMAGE
        unusable: filters.BaseFilter = filters.Sticker.ALL
        for _, kind in UNUSABLE[1:]:
            unusable = unusable | kind
        return [
            MessageHandler(private & images & ~filters.CAPTION, self.photo_without_caption),
            MessageHandler(private & unusable, self.unusable),
        ]

    @guarded
    async def privacy(self, update: Update, context: Context) -> None:
        message, locale = _message(update), locale_of(update.effective_user)
        await message.reply_text(privacy_text(self.deps.policy, locale))

    @guarded
    async def terms(self, update: Update, context: Context) -> None:
        message, locale = _message(update), locale_of(update.effective_user)
        await message.reply_text(terms_text(self.deps.policy, locale))

    @guarded
    async def paysupport(self, update: Update, context: Context) -> None:
        """Telegram asks every bot that takes payments to answer /paysupport."""
        message, locale = _message(update), locale_of(update.effective_user)
        await message.reply_text(t("paysupport", locale, contact=self.deps.policy.paysupport_contact))

    @guarded
    async def regenerate(self, update: Update, context: Context) -> None:
        """`/regenerate [id]`: without an id, the person's latest generation (read from the Store)."""
        await self._again(update, generation.regenerate)

    @guarded
    async def vary(self, update: Update, context: Context) -> None:
        """`/vary [id]`: a variation of the first image of that generation, or of the latest one with images."""
        await self._again(update, generation.vary)

    async def _again(self, update: Update, use_case: Again) -> None:
        message, user = _message(update), update.effective_user
        if user is None:
            raise DomainError(ErrorCode.NOT_FOUND)
        identity = identity_of(user)
        _, rest = split_command(message.text or "")
        ref = rest.split()[0] if rest.split() else None

        async def start(target: DeliveryTarget, new_id: str) -> Generation:
            return await use_case(self.deps, identity, ref, target, new_id)

        await self.handlers.queue(message, user, start)

    @guarded
    async def photo_without_caption(self, update: Update, context: Context) -> None:
        """A photo alone: say how to edit it (the reply-to-photo way needs no second upload)."""
        await _message(update).reply_text(t("photo_hint", locale_of(update.effective_user)))

    @guarded
    async def unusable(self, update: Update, context: Context) -> None:
        message = _message(update)
        kind = next((name for name, test in UNUSABLE if test.check_update(update)), "document")
        await message.reply_text(t(f"unusable_{kind}", locale_of(update.effective_user)))


def _message(update: Update) -> Message:
    if update.effective_message is None:
        raise DomainError(ErrorCode.NOT_FOUND)
    return update.effective_message
