"""Commands and messages: parse the update, call one use-case, render the answer Telegram's way."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from telegram import Bot, Document, InlineKeyboardMarkup, InputFile, Message, PhotoSize, Update, User
from telegram.error import TelegramError
from telegram.ext import Application, CommandHandler, ExtBot, MessageHandler, filters

from adapters.chat.commands import build_request, parse_imagine, split_command
from adapters.chat.link_render import deletion_reach_text
from adapters.chat.render import (
    balance_text,
    billing_text,
    consent_prompt,
    error_text_for,
    help_text,
    product_text,
    queued_text,
    settings_text,
)
from adapters.chat.status import FINAL_RANK, QUEUED_RANK, telegram_status
from adapters.telegram.admissions import Admissions
from adapters.telegram.answers import ConversationAnswers
from adapters.telegram.files import ReferenceDownloads
from adapters.telegram.keyboards import (
    buy_keyboard,
    cancel_keyboard,
    consent_keyboard,
    deletion_keyboard,
    settings_keyboard,
)
from adapters.telegram.limits import MESSAGE_MAX, FileLimits, clip
from adapters.telegram.linking import LinkCommands
from adapters.telegram.messenger import harmless_edit_error
from adapters.telegram.ratelimit import SendOptions
from adapters.telegram.replies import Context, answer_personally, answer_unknown, error_markup, guarded
from adapters.telegram.sendqueue import Priority
from adapters.telegram.updates import delivery_target, identity_of, is_private, locale_of
from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.models import DeliveryTarget, Generation, Identity
from core.texts import error_text, t
from core.usecases import billing, exports, generation, linking, onboarding, privacy
from core.usecases.accounts import require_account, require_consent
from core.usecases.references import MAX_REFERENCE_BYTES
from core.validation import validate_request

log = logging.getLogger(__name__)

COMMANDS = (
    "start",
    "imagine",
    "cancel",
    "balance",
    "buy",
    "billing",
    "settings",
    "mydata",
    "deleteme",
    "link",
    "accounts",
    "unlink",
    "regenerate",
    "vary",
    "terms",
    "privacy",
    "paysupport",
    "help",
)
Start = Callable[[DeliveryTarget, str], Awaitable[Generation]]  # (the target, the generation id to use)
Acknowledge = Callable[[InlineKeyboardMarkup], Awaitable[Message]]
NEW_MESSAGES = filters.UpdateType.MESSAGE  # edits of old messages never start anything again
IMAGINE_CAPTION = filters.CaptionRegex(r"^/imagine(@\w+)?(\s|$)")


class TelegramHandlers:
    """The bot's commands; every handler takes (update, context) and is guarded against any failure."""

    def __init__(self, deps: Deps, limits: FileLimits | None = None) -> None:
        self.deps = deps
        self.limits = limits or FileLimits()
        self.files = ReferenceDownloads(self.limits, MAX_REFERENCE_BYTES)
        self._later: set[asyncio.Task[None]] = set()  # status edits waiting for spare budget
        self.admissions = Admissions()

    def register(self, app: Application) -> None:  # type: ignore[type-arg]
        commands = {
            "start": self.start,
            "help": self.help,
            "settings": self.settings,
            "imagine": self.imagine,
            "balance": self.balance,
            "buy": self.buy,
            "billing": self.billing,
            "mydata": self.mydata,
            "deleteme": self.deleteme,
        }
        answers = ConversationAnswers(self)
        links = LinkCommands(self.deps).commands()
        for name, callback in {**commands, **answers.commands(), **links}.items():
            app.add_handler(CommandHandler(name, callback, filters=NEW_MESSAGES))
        images = filters.PHOTO | filters.Document.IMAGE
        app.add_handler(MessageHandler(NEW_MESSAGES & images & IMAGINE_CAPTION, self.imagine_caption))
        private = filters.ChatType.PRIVATE & NEW_MESSAGES
        app.add_handler(MessageHandler(private & images & filters.CAPTION, self.imagine_caption))
        app.add_handler(MessageHandler(private & filters.TEXT & ~filters.COMMAND, self.plain_text))
        for handler in answers.media_handlers(NEW_MESSAGES):
            app.add_handler(handler)
        app.add_handler(MessageHandler(NEW_MESSAGES & filters.COMMAND, self.unknown))

    # --- onboarding and information ------------------------------------------------------------------------------

    @guarded
    async def start(self, update: Update, context: Context) -> None:
        """Create the account on first contact and ask for consent with two buttons."""
        message, user = _message_user(update)
        locale = locale_of(user)
        result = await onboarding.start(self.deps, identity_of(user), user.first_name, locale)
        if result.needs_consent:
            await message.reply_text(consent_prompt(result.change, locale), reply_markup=consent_keyboard(locale))
        else:
            await message.reply_text(t("welcome_back", locale))

    @guarded
    async def help(self, update: Update, context: Context) -> None:
        message, user = _message_user(update)
        await message.reply_text(help_text("help", self.deps.policy, locale_of(user)))

    @guarded
    async def unknown(self, update: Update, context: Context) -> None:
        """Unknown commands get the help text; in groups only when addressed to this bot."""
        message, user = _message_user(update)
        await answer_unknown(message, user, context, self.deps.policy)

    @guarded
    async def settings(self, update: Update, context: Context) -> None:
        message, user = _message_user(update)
        locale = locale_of(user)
        account = await require_account(self.deps, identity_of(user))
        await answer_personally(
            message,
            user,
            locale,
            lambda chat_id: context.bot.send_message(
                chat_id, settings_text(account, locale), reply_markup=settings_keyboard(account, locale)
            ),
        )

    # --- generation ------------------------------------------------------------------------------------------

    @guarded
    async def imagine(self, update: Update, context: Context) -> None:
        """`/imagine <prompt> [--ar] [--res] [--n]`, optionally replying to a photo to edit it."""
        message, user = _message_user(update)
        _, rest = split_command(message.text or "")
        await self.generate(context.bot, message, user, rest)

    @guarded
    async def imagine_caption(self, update: Update, context: Context) -> None:
        """A photo whose caption is the command (or, in a private chat, any caption) edits that photo."""
        message, user = _message_user(update)
        caption = message.caption or ""
        name, rest = split_command(caption)
        if name and name != "imagine":
            return
        mention = caption.split(maxsplit=1)[0] if name else ""
        if "@" in mention and mention.split("@", 1)[1].lower() != (context.bot.username or "").lower():
            return
        await self.generate(context.bot, message, user, rest)

    @guarded
    async def plain_text(self, update: Update, context: Context) -> None:
        """In a private chat, a plain message is a prompt."""
        message, user = _message_user(update)
        await self.generate(context.bot, message, user, message.text or "")

    async def generate(self, bot: Bot, message: Message, user: User, text: str) -> None:
        identity = identity_of(user)
        account = await require_consent(self.deps, identity)
        request = build_request(parse_imagine(text), account)
        validate_request(request, self.deps.policy)  # a bad request is refused before any download
        source = reference_of(message)
        references = [await self.files.fetch(bot, source)] if source is not None else []
        await self.queue(
            message,
            user,
            lambda target, new_id: generation.request_generation(
                self.deps, identity, request, target, references, account=account, generation_id=new_id
            ),
        )

    async def queue(
        self, message: Message | None, user: User, start: Start, acknowledge: Acknowledge | None = None
    ) -> None:
        """Acknowledge at once, with the ✖ Cancel button (an essential message: under load the later "queued" edit
        may never find spare budget), take the hold with that message as the status, then show what it cost.

        `acknowledge` sends the first message with the given keyboard (default: a reply to `message`); without a
        `message` to answer, the result goes where the acknowledgement went."""
        locale = locale_of(user)
        with self.admissions.opening() as new_id:
            keyboard = cancel_keyboard(new_id, locale)
            if acknowledge is not None:
                status = await acknowledge(keyboard)
            elif message is not None:
                status = await message.reply_text(t("status_pending", locale), do_quote=True, reply_markup=keyboard)
            else:
                raise DomainError(ErrorCode.NOT_FOUND)
            source = message or status
            key = telegram_status(status.chat_id, status.message_id)
            try:
                queued = await start(delivery_target(source, user, status), new_id)
            except DomainError as error:
                text = error_text_for(error, locale, private=is_private(source.chat))
                answer = SendOptions(Priority.FIRST_REPLY, key, FINAL_RANK)
                await _edit(status, text, answer, error_markup(error, locale))  # the Cancel button goes with it
                return
        spot = await generation.spot(self.deps, queued.id)
        # Only from spare budget, in the background: under load the result (or a later state) overtakes it, and
        # this update's handler is free at once; the acknowledgement's Cancel button and /cancel work meanwhile.
        queued_line = SendOptions(Priority.PROGRESS, key, QUEUED_RANK)
        later = _edit(status, queued_text(queued, locale, spot), queued_line, cancel_keyboard(queued.id, locale))
        task = asyncio.create_task(later)
        self._later.add(task)
        task.add_done_callback(self._later.discard)

    # --- money ---------------------------------------------------------------------------------------------

    @guarded
    async def balance(self, update: Update, context: Context) -> None:
        message, user = _message_user(update)
        locale = locale_of(user)
        held = await billing.balance(self.deps, identity_of(user))
        text = balance_text(held, self.deps.policy, locale)
        await answer_personally(message, user, locale, lambda chat_id: context.bot.send_message(chat_id, text))

    @guarded
    async def buy(self, update: Update, context: Context) -> None:
        message, user = _message_user(update)
        await self.send_buy_menu(context.bot, message, user)

    async def send_buy_menu(self, bot: Bot, message: Message, user: User) -> None:
        locale = locale_of(user)
        text, markup = await self.buy_menu(identity_of(user), locale)
        await answer_personally(
            message, user, locale, lambda chat_id: bot.send_message(chat_id, text, reply_markup=markup)
        )

    async def buy_menu(self, identity: Identity, locale: str) -> tuple[str, InlineKeyboardMarkup]:
        """Checkout links are per account, so they are made now; Stars buttons make an invoice when pressed."""
        products = billing.products(self.deps)
        if not products:
            raise DomainError(ErrorCode.PAYMENTS_DISABLED)
        await require_consent(self.deps, identity)
        urls: dict[str, str] = {}
        problem: DomainError | None = None
        for product in products:
            if not product.creem_product_id:
                continue
            try:
                urls[product.id] = (await billing.checkout_link(self.deps, identity, product.id))[1]
            except DomainError as error:
                if error.code not in (ErrorCode.PAYMENTS_DISABLED, ErrorCode.PAYMENTS_UNAVAILABLE):
                    raise
                problem = error
                break
        markup = buy_keyboard(products, urls, locale)
        if markup is None:
            raise problem or DomainError(ErrorCode.PAYMENTS_DISABLED)
        lines = [t("products_header", locale), *(product_text(p, locale) for p in products)]
        if problem is not None and problem.code is ErrorCode.PAYMENTS_UNAVAILABLE:
            lines.append(error_text(problem, locale))
        return clip("\n".join(lines), MESSAGE_MAX), markup

    @guarded
    async def billing(self, update: Update, context: Context) -> None:
        message, user = _message_user(update)
        locale = locale_of(user)
        held, url = await billing.billing_page(self.deps, identity_of(user))
        text = billing_text(held, self.deps.policy, url, locale)
        await answer_personally(message, user, locale, lambda chat_id: context.bot.send_message(chat_id, text))

    # --- privacy -------------------------------------------------------------------------------------------

    @guarded
    async def mydata(self, update: Update, context: Context) -> None:
        """The export (mydata.json and the images) as zip documents in the private chat; nothing is stored."""
        message, user = _message_user(update)
        locale = locale_of(user)
        parts = await exports.archive(self.deps, identity_of(user), self.limits.document_max_bytes)
        if parts is None:
            await answer_personally(
                message, user, locale, lambda chat_id: context.bot.send_message(chat_id, t("export_nothing", locale))
            )
            return
        caption = t("export_ready", locale) if len(parts) == 1 else t("export_ready_parts", locale, count=len(parts))

        async def send(chat_id: int) -> Message:
            sent = [
                await context.bot.send_document(
                    chat_id, InputFile(part.data, filename=part.filename), caption=caption if n == 0 else None
                )
                for n, part in enumerate(parts)
            ]
            return sent[0]

        await answer_personally(message, user, locale, send)

    @guarded
    async def deleteme(self, update: Update, context: Context) -> None:
        """Confirm/cancel buttons carrying a short-lived code; `/deleteme <code>` works too."""
        message, user = _message_user(update)
        locale, identity = locale_of(user), identity_of(user)
        _, rest = split_command(message.text or "")
        if await self.deps.store.find_account(identity) is None:
            text = t("nothing_to_delete", locale)
            await answer_personally(message, user, locale, lambda chat_id: context.bot.send_message(chat_id, text))
            return
        if rest.strip():
            await privacy.confirm_deletion(self.deps, identity, rest.strip())
            await message.reply_text(t("deleted", locale))
            return
        code = await privacy.request_deletion(self.deps, identity)
        reach = deletion_reach_text(await linking.linked(self.deps, identity), locale)
        text = "\n\n".join(filter(None, (t("delete_confirm_buttons", locale), reach)))
        await answer_personally(
            message,
            user,
            locale,
            lambda chat_id: context.bot.send_message(chat_id, text, reply_markup=deletion_keyboard(code, locale)),
        )


def _message_user(update: Update) -> tuple[Message, User]:
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        raise DomainError(ErrorCode.NOT_FOUND)
    return message, user


def reference_of(message: Message) -> PhotoSize | Document | None:
    """The image to edit: the message's own photo, or the photo (or image file) it replies to."""
    for candidate in (message, message.reply_to_message):
        if candidate is None:
            continue
        if candidate.photo:
            return candidate.photo[-1]
        if candidate.document and (candidate.document.mime_type or "").startswith("image/"):
            return candidate.document
    return None


async def _edit(status: Message, text: str, options: SendOptions, markup: InlineKeyboardMarkup | None = None) -> None:
    bot = status.get_bot()
    assert isinstance(bot, ExtBot)  # the Application's bot, with the send budget as its rate limiter
    try:
        await bot.edit_message_text(
            clip(text, MESSAGE_MAX),
            chat_id=status.chat_id,
            message_id=status.message_id,
            reply_markup=markup,
            rate_limit_args=options,
        )
    except TelegramError as error:
        if not harmless_edit_error(error):
            log.info("status message not edited", extra={"reason": type(error).__name__})
