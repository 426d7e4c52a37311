"""`/admin …` on Telegram: only in an admin's private chat; anyone else, anywhere else, is answered exactly as for
any unknown command (so the command's existence shows nowhere). The chat and message ids are the command's key:
an update Telegram delivers again changes nothing a second time."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler, filters

from adapters.chat.admin import run_admin
from adapters.chat.commands import split_command
from adapters.telegram.limits import MESSAGE_MAX, clip
from adapters.telegram.replies import Context, answer_unknown, guarded
from adapters.telegram.updates import identity_of, is_private, locale_of
from core.deps import Deps
from core.usecases.admin import Actor


class AdminHandlers:
    def __init__(self, deps: Deps) -> None:
        self.deps = deps

    def register(self, app: Application) -> None:  # type: ignore[type-arg]
        """Before the catch-all for unknown commands."""
        app.add_handler(CommandHandler("admin", self.admin, filters=filters.UpdateType.MESSAGE))

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
            await answer_unknown(message, user, context)
            return
        await message.reply_text(clip(answer, MESSAGE_MAX))
