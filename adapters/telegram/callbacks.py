"""Button presses: every callback query is answered exactly once, errors as a friendly alert, forged data too."""

from __future__ import annotations

import logging
from pathlib import PurePosixPath

from telegram import CallbackQuery, InlineKeyboardMarkup, InputFile, Message, ReplyParameters, Update, User
from telegram.error import TelegramError
from telegram.ext import Application, CallbackQueryHandler

from adapters.chat.render import consent_accepted_text, declined_text, settings_text
from adapters.telegram.cancel import CancelHandlers
from adapters.telegram.handlers import TelegramHandlers
from adapters.telegram.keyboards import Callback, language_keyboard, parse_callback, settings_keyboard
from adapters.telegram.limits import clip
from adapters.telegram.linking import LinkCommands
from adapters.telegram.messenger import harmless_edit_error, unreachable
from adapters.telegram.payments import send_stars_invoice
from adapters.telegram.replies import Context, internal_error_text
from adapters.telegram.updates import identity_of, locale_of, platform_locale
from core.errors import DomainError, ErrorCode, StoreUnavailable
from core.models import DeliveryTarget, Generation
from core.texts import error_text, t
from core.usecases import generation, languages, onboarding, privacy
from core.usecases.accounts import require_account

log = logging.getLogger(__name__)

ALERT_MAX = 200


class CallbackHandlers:
    def __init__(self, handlers: TelegramHandlers) -> None:
        self.handlers = handlers
        self.deps = handlers.deps
        self.cancels = CancelHandlers(handlers.deps, handlers.admissions)
        self.links = LinkCommands(handlers.deps)

    def register(self, app: Application) -> None:  # type: ignore[type-arg]
        app.add_handler(CallbackQueryHandler(self.on_press))

    async def on_press(self, update: Update, context: Context) -> None:
        query = update.callback_query
        if query is None:
            return
        locale = locale_of(query.from_user)
        alert: str | None = None
        try:
            parsed = parse_callback(query.data)
            if parsed is None:
                log.info("malformed or stale callback data")
                alert = t("button_stale", locale)
            else:
                alert = await self.dispatch(query, parsed, context)
        except DomainError as error:
            alert = error_text(error, locale)
        except StoreUnavailable:
            alert = t("error.temporarily_unavailable", locale)
        except TelegramError as error:
            if not unreachable(error):
                alert = internal_error_text(locale, "telegram call failed in a button")
        except Exception:
            alert = internal_error_text(locale, "button press failed")
        try:
            if alert:
                await query.answer(clip(alert, ALERT_MAX), show_alert=True)
            else:
                await query.answer()
        except TelegramError as error:
            log.info("callback not answered", extra={"reason": type(error).__name__})

    async def dispatch(self, query: CallbackQuery, press: Callback, context: Context) -> str | None:
        """Do what the button says; returns an alert text, or None for a silent answer."""
        user, locale = query.from_user, locale_of(query.from_user)
        identity = identity_of(user)
        message = query.message if isinstance(query.message, Message) else None
        if press.action == "consent":
            return await self.consent(query, press.args[0] == "yes", locale)
        if press.action == "cancel":
            await self.cancels.pressed(query, press.args[0])
            return None
        if press.action in ("regen", "vary"):
            await self.again(query, message, user, press.action, press.args[0])
            return None
        if press.action == "orig":
            image = await generation.original_image(self.deps, identity, press.args[0], int(press.args[1]))
            chat_id = message.chat.id if message else user.id
            reply = ReplyParameters(message.message_id, allow_sending_without_reply=True) if message else None
            name = f"image-{press.args[0][:8]}-{int(press.args[1]) + 1}{PurePosixPath(image.key).suffix}"
            await context.bot.send_document(chat_id, InputFile(image.data, filename=name), reply_parameters=reply)
            return None
        if press.action == "buy":
            if message is None:
                raise DomainError(ErrorCode.NOT_FOUND)
            await self.handlers.send_buy_menu(context.bot, message, user)
            return None
        if press.action == "stars":
            await send_stars_invoice(context.bot, self.deps, identity, user.id, press.args[0], locale)
            return None
        if press.action == "link":
            await self.links.pressed(query, press.args)
            return None
        if press.action == "langs":
            account = await require_account(self.deps, identity)
            await _edit(query, t("language_choose", locale), language_keyboard(account, locale))
            return None
        if press.action == "set":
            await self.setting(query, press.args[0], press.args[1], locale)
            return None
        return await self.deletion(query, press.args, locale)

    async def consent(self, query: CallbackQuery, accepted: bool, locale: str) -> str | None:
        if not accepted:
            renewing = await onboarding.decline_terms(self.deps, identity_of(query.from_user))
            await _edit(query, declined_text(renewing, locale))
            return None
        await onboarding.accept_terms(self.deps, identity_of(query.from_user), age_confirmed=True)
        await _edit(query, consent_accepted_text(self.deps.policy, locale))
        return None

    async def again(self, query: CallbackQuery, message: Message | None, user: User, action: str, gid: str) -> None:
        """🔁 / 🎨: a new generation in the chat of the button, replying to the result."""
        identity, locale = identity_of(user), locale_of(user)
        await generation.own_generation(self.deps, identity, gid)  # refuse other people's buttons early
        bot = query.get_bot()
        use_case = generation.regenerate if action == "regen" else generation.vary

        async def start(target: DeliveryTarget, new_id: str) -> Generation:
            return await use_case(self.deps, identity, gid, target, new_id)

        async def in_private(keyboard: InlineKeyboardMarkup) -> Message:
            """The result message is gone (too old to see): the new request starts in the private chat."""
            return await bot.send_message(user.id, t("status_pending", locale), reply_markup=keyboard)

        await self.handlers.queue(message, user, start, None if message is not None else in_private)

    async def setting(self, query: CallbackQuery, key: str, value: str, locale: str) -> None:
        identity = identity_of(query.from_user)
        if key == "lang":
            account = await languages.choose_language(self.deps, identity, value)
            locale = account.language or platform_locale(query.from_user)  # the settings, in the new language
        elif key == "ar":
            account = await onboarding.update_settings(self.deps, identity, aspect_ratio=value)
        elif key == "res":
            account = await onboarding.update_settings(self.deps, identity, resolution=value)
        elif key == "file":
            account = await onboarding.update_settings(self.deps, identity, send_as_file=value == "on")
        else:
            account = await onboarding.update_settings(self.deps, identity, notifications_opt_out=value == "off")
        await _edit(query, settings_text(account, locale), settings_keyboard(account, locale))

    async def deletion(self, query: CallbackQuery, args: tuple[str, ...], locale: str) -> str | None:
        identity = identity_of(query.from_user)
        if await self.deps.store.find_account(identity) is None:
            await _edit(query, t("nothing_to_delete", locale))
            return None
        if args[0] == "no":
            await privacy.cancel_deletion(self.deps, identity)
            await _edit(query, t("delete_cancelled", locale))
            return None
        await privacy.confirm_deletion(self.deps, identity, args[1])
        await _edit(query, t("deleted", locale))
        return None


async def _edit(query: CallbackQuery, text: str, markup: object = None) -> None:
    """Replace the message that carried the buttons (its keyboard goes unless a new one is given)."""
    if not isinstance(query.message, Message):
        await query.get_bot().send_message(query.from_user.id, text, reply_markup=markup)  # type: ignore[arg-type]
        return
    try:
        await query.message.edit_text(text, reply_markup=markup)  # type: ignore[arg-type]
    except TelegramError as error:
        if not harmless_edit_error(error):
            raise
