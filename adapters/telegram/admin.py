"""`/admin …` on Telegram: only in an admin's private chat; anyone else, anywhere else, is answered exactly as for
any unknown command (so the command's existence shows nowhere). The chat and message ids are the command's key:
an update Telegram delivers again changes nothing a second time."""

from __future__ import annotations

import logging
from collections.abc import Callable

from telegram import Bot, BotCommand, BotCommandScopeChat, Update
from telegram.error import TelegramError
from telegram.ext import Application, CommandHandler, MessageHandler, filters

from adapters.chat.admin import run_admin
from adapters.chat.commands import split_command
from adapters.telegram.limits import MESSAGE_MAX, clip
from adapters.telegram.replies import Context, answer_unknown, guarded
from adapters.telegram.updates import identity_of, is_private, locale_of
from core.deps import Deps
from core.texts import DEFAULT_LOCALE
from core.usecases.admin import Actor

log = logging.getLogger(__name__)


class AdminMenus:
    """Each admin's private chat (and only it) lists /admin too (setMyCommands with a chat scope, which Telegram
    prefers over every language's default menu, so it is written in the admin's language). At start the menus are
    set in English; Telegram knows a private chat only once its person has written to the bot, so each admin's
    first message (once per process) sets theirs, in their language."""

    def __init__(self, admin_ids: tuple[int, ...], commands: Callable[[str], list[BotCommand]]) -> None:
        self.admin_ids = admin_ids
        self.commands = commands
        self.in_their_language: set[int] = set()

    async def show(self, bot: Bot) -> None:
        for admin_id in self.admin_ids:
            await self._show(bot, admin_id, DEFAULT_LOCALE)

    async def _show(self, bot: Bot, admin_id: int, locale: str) -> bool:
        try:
            await bot.set_my_commands(self.commands(locale), scope=BotCommandScopeChat(admin_id))
        except TelegramError as error:  # "chat not found": this admin has not written to the bot yet
            log.info("admin menu not set yet", extra={"reason": type(error).__name__})
            return False
        return True

    async def on_message(self, update: Update, context: Context) -> None:
        """Runs before every other handler (its own group) and never answers anything itself."""
        user = update.effective_user
        if user is None or user.id in self.in_their_language:
            return
        if await self._show(context.bot, user.id, locale_of(user)):
            self.in_their_language.add(user.id)


class AdminHandlers:
    def __init__(self, deps: Deps, menus: AdminMenus) -> None:
        self.deps = deps
        self.menus = menus

    def register(self, app: Application) -> None:  # type: ignore[type-arg]
        """Before the catch-all for unknown commands; the menu check in a group of its own, before the others."""
        app.add_handler(CommandHandler("admin", self.admin, filters=filters.UpdateType.MESSAGE))
        if self.menus.admin_ids:
            admins = filters.ChatType.PRIVATE & filters.User(user_id=list(self.menus.admin_ids))
            app.add_handler(MessageHandler(admins, self.menus.on_message), group=-1)

    @guarded
    async def admin(self, update: Update, context: Context) -> None:
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        answer = None
        if is_private(message.chat):
            _, rest = split_command(message.text or "")
            key = f"telegram:{message.chat.id}:{message.message_id}"
            actor = Actor(channel="telegram", identity=identity_of(user), key=key)
            answer = await run_admin(self.deps, actor, rest, locale_of(user))
        if answer is None:
            await answer_unknown(message, user, context, self.deps.policy)
            return
        await message.reply_text(clip(answer, MESSAGE_MAX))
