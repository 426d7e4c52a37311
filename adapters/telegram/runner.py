"""Starting and stopping the Telegram bot: one PTB Application, long polling or a webhook on our web server.

Flood limits: every message waits for its slot in the bot's send budget (adapters.telegram.ratelimit: priorities,
per-chat pacing, 429 pauses; shared by every process through the SendBudget port). Updates are processed
concurrently, so one slow update never blocks the others. No persistence: all state lives in the Store.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from aiohttp import web
from telegram import Bot, BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import Application, ContextTypes, TypeHandler
from telegram.request import HTTPXRequest

from adapters.chat.connection import ConnectionWatch, OnLost
from adapters.telegram.admin import AdminHandlers, AdminMenus
from adapters.telegram.callbacks import CallbackHandlers
from adapters.telegram.config import TelegramConfig
from adapters.telegram.handlers import COMMANDS, TelegramHandlers
from adapters.telegram.limits import FileLimits
from adapters.telegram.messenger import TelegramMessenger
from adapters.telegram.payments import StarsHandlers
from adapters.telegram.ratelimit import BudgetRateLimiter, pace_of, spare_for
from adapters.telegram.replies import internal_error_text
from adapters.telegram.request import bot_request
from adapters.telegram.sendqueue import SendQueue
from adapters.telegram.stars_ledger import StarsReconciler
from adapters.telegram.updates import read_chosen_language
from core.bounded_json import loads_bounded
from core.deps import Deps
from core.locales import DEFAULT_LOCALE, available
from core.models import Platform
from core.ports import Messenger, Metrics, Pace, SendBudget
from core.texts import t

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/webhooks/telegram"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
CONCURRENT_UPDATES = 256
MAX_UPDATE_BYTES = 1024 * 1024

Register = Callable[[Platform, Messenger], None]
TelegramApp = Application[Any, Any, Any, Any, Any, Any]


class WatchedRequest(HTTPXRequest):
    """The getUpdates connection, reporting each poll's outcome to a ConnectionWatch (PTB retries by itself)."""

    def __init__(self, watch: ConnectionWatch) -> None:
        super().__init__(connection_pool_size=1, connect_timeout=10.0)
        self._watch = watch

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        try:
            status, payload = await super().do_request(*args, **kwargs)
        except TelegramError as error:
            self._watch.failed(type(error).__name__)
            raise
        if status in (401, 404):
            self._watch.lost("was refused: Telegram rejected the bot token", refused=True)
        elif status == 200:
            self._watch.succeeded()
        elif status >= 500 or status in (409, 429):
            self._watch.failed(f"HTTP {status}")
        return status, payload


def budget_limiter(budget: SendBudget, bot: Pace, metrics: Metrics | None = None) -> BudgetRateLimiter:
    """This process's send queue, drawing from the bot's budget (shared by every process on Redis)."""
    return BudgetRateLimiter(SendQueue(budget, pace_of, spare_s=spare_for(bot)), budget, metrics=metrics)


def build_application(
    config: TelegramConfig,
    *,
    webhook: bool,
    budget: SendBudget,
    watch: ConnectionWatch | None = None,
    metrics: Metrics | None = None,
) -> TelegramApp:
    """The Application with our timeouts, send budget and server URLs; no updater in webhook mode."""
    # Opt in to PTB 22's timedelta durations now, so a 429's RetryAfter does not raise deprecation warnings.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    builder = (
        Application.builder()
        .token(config.token)
        .rate_limiter(budget_limiter(budget, Pace(per_s=config.messages_per_second), metrics))
        .concurrent_updates(CONCURRENT_UPDATES)
        .request(bot_request())
    )
    if config.base_url:
        builder = builder.base_url(config.base_url)
    if config.base_file_url:
        builder = builder.base_file_url(config.base_file_url)
    if webhook:
        builder = builder.updater(None)
    elif watch is not None:
        builder = builder.get_updates_request(WatchedRequest(watch))
    return builder.build()


def register_handlers(
    app: TelegramApp, deps: Deps, limits: FileLimits, admin_ids: tuple[int, ...] = ()
) -> TelegramHandlers:
    handlers = TelegramHandlers(deps, limits)

    async def chosen_language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await read_chosen_language(deps, update)

    app.add_handler(TypeHandler(Update, chosen_language), group=-2)  # its own group, before every other one
    StarsHandlers(deps).register(app)
    callbacks = CallbackHandlers(handlers)
    callbacks.register(app)
    callbacks.cancels.register(app)
    AdminHandlers(deps, AdminMenus(admin_ids, admin_commands)).register(app)
    handlers.register(app)
    app.add_error_handler(_on_error)
    return handlers


async def _on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Last resort: log with an error id (never the update: it holds prompts and names)."""
    error = context.error
    log.error(
        "unhandled error in a Telegram handler",
        exc_info=error,
        extra={"kind": type(error).__name__, "update_id": getattr(update, "update_id", None)},
    )


def _polling_failed(error: TelegramError) -> None:
    """PTB retries polling by itself (the ConnectionWatch decides when to give up): one line, no traceback."""
    log.warning("telegram polling failed; retrying", extra={"error": type(error).__name__})


def webhook_secret(config: TelegramConfig) -> str:
    """The configured secret, or one derived from the token (same in every process; 1–256 of [A-Za-z0-9_-])."""
    if config.webhook_secret:
        return config.webhook_secret
    return hashlib.sha256(f"telegram-webhook:{config.token}".encode()).hexdigest()


def webhook_route(app: TelegramApp, secret: str, metrics: Metrics | None = None) -> Callable[[web.Request], Any]:
    """POST /webhooks/telegram: check the secret header (constant time), then queue the update for PTB."""

    def outcome(name: str) -> None:
        if metrics is not None:
            metrics.count("gib_webhooks_total", provider="telegram", outcome=name)

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode("utf-8", "replace"), secret.encode()):
            log.warning("telegram webhook with a wrong secret refused")
            outcome("bad_signature")
            return web.json_response({"ok": False}, status=401)
        if request.content_length is not None and request.content_length > MAX_UPDATE_BYTES:
            outcome("too_large")
            return web.json_response({"ok": False}, status=413)
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            outcome("too_large")
            return web.json_response({"ok": False}, status=413)
        try:
            data = loads_bounded(body)  # depth-capped before parsing: a deep body is a 400, not a RecursionError
            update = Update.de_json(data, app.bot) if isinstance(data, dict) else None
        except Exception:
            update = None
        if update is None:
            log.warning("telegram webhook with a malformed update refused")
            outcome("malformed")
            return web.json_response({"ok": False}, status=400)
        await app.update_queue.put(update)
        outcome("applied")
        return web.json_response({"ok": True})

    return receive


def bot_commands(locale: str = "en") -> list[BotCommand]:
    return [BotCommand(name, t(f"command.{name}", locale)) for name in COMMANDS]


def admin_commands(locale: str = "en") -> list[BotCommand]:
    """An admin's menu: everyone's commands and /admin."""
    return [*bot_commands(locale), BotCommand("admin", t("command.admin", locale))]


def command_languages() -> dict[str, str]:
    """Telegram's `language_code` for each catalogue: setMyCommands takes a two-letter ISO 639-1 code, so
    Brazilian Portuguese serves every `pt` user and Simplified Chinese every `zh` user."""
    return {code.split("_")[0]: code for code in available() if code != DEFAULT_LOCALE}


async def publish_commands(bot: Bot) -> None:
    """The command menu in every language: English for everyone else, then one list per language."""
    await bot.set_my_commands(bot_commands())
    for language_code, locale in command_languages().items():
        await bot.set_my_commands(bot_commands(locale), language_code=language_code)


@asynccontextmanager
async def telegram_running(
    deps: Deps,
    register: Register,
    config: TelegramConfig,
    web_app: web.Application | None,
    budget: SendBudget,
    *,
    on_lost: OnLost | None = None,
) -> AsyncIterator[TelegramApp]:
    """Run the bot until the block exits: polling by default, a webhook when `config.webhook_url` is set.

    Polling that keeps failing for `config.give_up_after_s` (or whose token is revoked) calls `on_lost`."""
    use_webhook = bool(config.webhook_url)
    limits = FileLimits.for_server(config.self_hosted)
    watch = None
    if on_lost is not None and not use_webhook:
        watch = ConnectionWatch("Telegram polling", on_lost, config.give_up_after_s)
    app = build_application(config, webhook=use_webhook, budget=budget, watch=watch, metrics=deps.metrics)
    handlers = register_handlers(app, deps, limits, config.admin_ids)
    secret = webhook_secret(config)
    if use_webhook:
        if web_app is None:
            raise ValueError("webhook mode needs the aiohttp web application")
        web_app.router.add_post(WEBHOOK_PATH, webhook_route(app, secret, deps.metrics))
    async with app:
        register(Platform.TELEGRAM, TelegramMessenger(app.bot, limits=limits))
        await publish_commands(app.bot)
        await AdminMenus(config.admin_ids, admin_commands).show(app.bot)
        await app.start()
        reconciler = _reconcile_stars(app, deps)
        try:
            if use_webhook:
                await app.bot.set_webhook(
                    url=str(config.webhook_url), secret_token=secret, allowed_updates=Update.ALL_TYPES
                )
            else:
                assert app.updater is not None
                await app.updater.start_polling(allowed_updates=Update.ALL_TYPES, error_callback=_polling_failed)
            log.info("telegram started", extra={"mode": "webhook" if use_webhook else "polling"})
            watching = asyncio.create_task(watch.watch()) if watch is not None else None
            try:
                yield app
            finally:
                if watching is not None:
                    watching.cancel()
        finally:
            if reconciler is not None:
                reconciler.cancel()
            if app.updater is not None and app.updater.running:
                try:
                    await app.updater.stop()
                except TelegramError as error:  # the polling loop's own end (e.g. a revoked token): already reported
                    log.info("telegram polling had stopped", extra={"error": type(error).__name__})
            await app.stop()
            await handlers.files.aclose()


def _reconcile_stars(app: TelegramApp, deps: Deps) -> asyncio.Task[None] | None:
    """Stars sold: check Telegram's transactions now and periodically, so no paid purchase is ever lost."""
    if not any(product.stars > 0 for product in deps.policy.products):
        return None
    return app.create_task(StarsReconciler(app.bot, deps).run(), name="stars-reconciliation")


@asynccontextmanager
async def telegram_delivery(
    deps: Deps, register: Register, config: TelegramConfig, budget: SendBudget
) -> AsyncIterator[None]:
    """For worker-only processes: deliver results to Telegram without receiving any update."""
    app = build_application(config, webhook=True, budget=budget, metrics=deps.metrics)
    async with app:
        register(Platform.TELEGRAM, TelegramMessenger(app.bot, limits=FileLimits.for_server(config.self_hosted)))
        yield


__all__ = ["internal_error_text", "telegram_delivery", "telegram_running"]
