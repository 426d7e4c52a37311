"""/link, /accounts and /unlink on Telegram, and the link confirmation buttons. A code and everything about the
account go to the person privately (in a group: to their private chat, with a note in the group)."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update, User
from telegram.error import TelegramError

from adapters.chat.commands import split_command
from adapters.chat.link_render import accounts_text, code_text, linked_text, preview_text, unlinked_text
from adapters.telegram.answers import Command
from adapters.telegram.keyboards import data
from adapters.telegram.messenger import harmless_edit_error
from adapters.telegram.replies import Context, answer_personally, guarded
from adapters.telegram.updates import identity_of, locale_of
from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.texts import t
from core.usecases import link_preview, linking


def label_of(user: User) -> str:
    """How the person is named to themselves on the other platform: @username, else their name."""
    return f"@{user.username}" if user.username else user.full_name


def link_keyboard(code: str, locale: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(t("link_button_yes", locale), callback_data=data("link", "yes", code))],
            [InlineKeyboardButton(t("link_button_no", locale), callback_data=data("link", "no"))],
        ]
    )


class LinkCommands:
    def __init__(self, deps: Deps) -> None:
        self.deps = deps

    def commands(self) -> dict[str, Command]:
        return {"link": self.link, "accounts": self.accounts, "unlink": self.unlink}

    @guarded
    async def link(self, update: Update, context: Context) -> None:
        """`/link`: a new code; `/link <code>`: what linking will do, with a confirmation button."""
        message, user = _message_user(update)
        locale, identity = locale_of(user), identity_of(user)
        _, rest = split_command(message.text or "")
        if rest:
            shown = await link_preview.preview(self.deps, identity, rest)
            text, markup = preview_text(shown, locale), link_keyboard(shown.code, locale)
        else:
            text, markup = code_text(await linking.issue_code(self.deps, identity, label_of(user)), locale), None
        await _personally(message, user, locale, text, context, markup)

    @guarded
    async def accounts(self, update: Update, context: Context) -> None:
        message, user = _message_user(update)
        locale, identity = locale_of(user), identity_of(user)
        text = accounts_text(await linking.linked(self.deps, identity), identity, locale)
        await _personally(message, user, locale, text, context)

    @guarded
    async def unlink(self, update: Update, context: Context) -> None:
        message, user = _message_user(update)
        locale, identity = locale_of(user), identity_of(user)
        _, rest = split_command(message.text or "")
        if not rest:
            text = accounts_text(await linking.linked(self.deps, identity), identity, locale)
        else:
            text = unlinked_text(await linking.unlink(self.deps, identity, rest), identity, locale)
        await _personally(message, user, locale, text, context)

    async def pressed(self, query: CallbackQuery, args: tuple[str, ...]) -> None:
        """The confirmation button: link (exactly once, however often it is pressed) or leave it."""
        user, locale = query.from_user, locale_of(query.from_user)
        if args[0] == "no":
            await _edit(query, t("link_cancelled", locale))
            return
        done = await linking.confirm(self.deps, identity_of(user), args[1], label_of(user))
        await _edit(query, linked_text(done, identity_of(user).platform, locale))


def _personally(
    message: Message, user: User, locale: str, text: str, context: Context, markup: InlineKeyboardMarkup | None = None
) -> Coroutine[Any, Any, Message | None]:
    return answer_personally(
        message, user, locale, lambda chat_id: context.bot.send_message(chat_id, text, reply_markup=markup)
    )


async def _edit(query: CallbackQuery, text: str) -> None:
    """Replace the confirmation (its buttons go with it)."""
    if not isinstance(query.message, Message):
        await query.get_bot().send_message(query.from_user.id, text)
        return
    try:
        await query.message.edit_text(text)
    except TelegramError as error:
        if not harmless_edit_error(error):
            raise


def _message_user(update: Update) -> tuple[Message, User]:
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        raise DomainError(ErrorCode.NOT_FOUND)
    return message, user
