"""Long-running entry points: every configured platform + the web server + the worker, in one process (or N).

A process stops on SIGINT/SIGTERM (exit 0) or when a part gives up for good (a chat connection lost beyond its
retries: exit 1, so the supervisor restarts it). Whatever prevents a start is a `StartupError` naming the setting.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from contextlib import AbstractAsyncContextManager, AsyncExitStack
from pathlib import Path
from typing import Any, Literal

from aiohttp import web

from adapters.chat.connection import OnLost
from bot.settings import Settings
from bot.settings_checks import POSTGRES, url_problem
from bot.startup import EXIT_CONFIG, StartupError, listen_error, platform_error
from bot.web import create_app, create_ops_app
from bot.wiring import Runtime, build, describe_budget
from core.announcer import Announcer
from core.errors import StoreUnavailable

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent.parent / "supabase" / "migrations"

Role = Literal["all", "web", "worker"]


class Stopping:
    """One reason to stop per process: a signal (clean exit) or a part that gave up (`give_up`, non-zero exit)."""

    def __init__(self) -> None:
        self.event = asyncio.Event()
        self.failure: StartupError | None = None

    def install_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, self.event.set)

    def give_up(self, setting: str, reason: str) -> None:
        """Called by a part that cannot go on (e.g. Telegram polling failing beyond its retries)."""
        if self.failure is None:
            log.error("giving up", extra={"setting": setting, "reason": reason})
            self.failure = StartupError(setting, reason, prefix="Stopping")
        self.event.set()

    async def wait(self) -> None:
        await self.event.wait()


async def serve(settings: Settings, *, role: Role, extra_workers: int = 0) -> int:
    """Run until SIGINT/SIGTERM. `all`: chats + web + worker; `web`: webhooks (incl. a Telegram webhook) + worker;
    `worker`: the queue only. `extra_workers` worker-only child processes are kept running alongside."""
    stopping = Stopping()
    stopping.install_signals()
    async with build(settings) as runtime, AsyncExitStack() as stack:
        app = create_app(runtime.deps, settings, health=runtime.health)
        await _start_platforms(runtime, settings, app, stack, role, stopping)
        if role != "worker":
            await _listen(app, settings, stack, settings.port, "PORT")
        elif settings.metrics_port is not None:
            ops = create_ops_app(runtime.deps, settings, health=runtime.health)
            await _listen(ops, settings, stack, settings.metrics_port, "METRICS_PORT")
        if extra_workers:
            from adapters.prometheus.metrics import process_ended
            from bot.supervise import WorkerChildren

            def ended(pid: int) -> None:
                process_ended(pid)
                runtime.deps.metrics.count("gib_worker_restarts_total")

            children = WorkerChildren(extra_workers, on_ended=ended)
            stack.push_async_callback(children.stop)
            children.start()
        worker = asyncio.create_task(runtime.worker.run(), name="worker")
        worker.add_done_callback(lambda task: _worker_ended(task, stopping))
        announcer = Announcer(runtime.deps, runtime.router.platforms)
        announcing = asyncio.create_task(announcer.run(), name="announcements")
        await stopping.wait()
        for task in (worker, announcing):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    if stopping.failure is not None:
        raise stopping.failure
    return 0


def _worker_ended(task: asyncio.Task[None], stopping: Stopping) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("the job worker stopped", exc_info=task.exception())
        stopping.give_up("REDIS_URL", "the job worker stopped (see the log line before)")


async def _listen(app: web.Application, settings: Settings, stack: AsyncExitStack, port: int, setting: str) -> None:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    stack.push_async_callback(runner.cleanup)
    try:
        await web.TCPSite(runner, settings.web_host, port).start()
    except OSError as error:
        raise listen_error(settings.web_host, port, error, setting) from None
    log.info("web server listening", extra={"port": port})


async def _start_platforms(
    runtime: Runtime, settings: Settings, app: web.Application, stack: AsyncExitStack, role: Role, stopping: Stopping
) -> None:
    """Receive chats where this role does; every role can at least deliver results to every platform."""
    if settings.telegram_bot_token:
        from adapters.telegram.runner import telegram_delivery, telegram_running

        config = settings.telegram_config()
        receives = role == "all" or (role == "web" and config.webhook_url is not None)
        register, budget = runtime.router.register, runtime.send_budget
        if receives:
            lost = _lost(stopping, "TELEGRAM_BOT_TOKEN")
            running = telegram_running(runtime.deps, register, config, app, budget, on_lost=lost)
            await _enter("telegram", stack, running)
        else:
            await _enter("telegram", stack, telegram_delivery(runtime.deps, register, config, budget))
    if settings.discord_bot_token:
        from adapters.discord.runner import discord_delivery, discord_running

        register, config_d, statuses = runtime.router.register, settings.discord_config(), runtime.send_budget
        if role == "all":
            lost = _lost(stopping, "DISCORD_BOT_TOKEN")
            await _enter("discord", stack, discord_running(runtime.deps, register, config_d, statuses, on_lost=lost))
        else:
            await _enter("discord", stack, discord_delivery(runtime.deps, register, config_d, statuses))
    if role == "all" and not (settings.telegram_bot_token or settings.discord_bot_token):
        log.warning("no chat platform configured (TELEGRAM_BOT_TOKEN / DISCORD_BOT_TOKEN); serving webhooks only")


def _lost(stopping: Stopping, token_setting: str) -> OnLost:
    """A refused connection points at the token; one that stayed silent, at how long we waited."""

    def on_lost(reason: str, refused: bool) -> None:
        stopping.give_up(token_setting if refused else "CHAT_GIVE_UP_AFTER_S", reason)

    return on_lost


async def _enter(platform: str, stack: AsyncExitStack, context: AbstractAsyncContextManager[Any]) -> None:
    """Start one chat platform; a refused token or an unreachable API becomes one clear line."""
    try:
        await stack.enter_async_context(context)
    except Exception as error:
        explained = platform_error(platform, error)
        if explained is None:
            raise
        raise explained from None


async def migrate(settings: Settings, database_url: str | None) -> int:
    from adapters.supabase.migrate import apply_migrations

    url = database_url or (settings.database_url.get_secret_value() if settings.database_url else None)
    setting = "--database-url" if database_url else "DATABASE_URL"
    if not url:
        raise StartupError("DATABASE_URL", "migrate needs --database-url or DATABASE_URL", exit_code=EXIT_CONFIG)
    if problem := url_problem(url, POSTGRES):
        raise StartupError(setting, problem, exit_code=EXIT_CONFIG)
    try:
        applied = await apply_migrations(url, MIGRATIONS)
    except Exception as error:
        raise _database_error(setting, error) from None
    print("\n".join(f"applied {name}" for name in applied) or "database is up to date")
    return 0


def _database_error(setting: str, error: Exception) -> Exception:
    """asyncpg's messages may quote the DSN: say what kind of problem it is, never the URL."""
    import asyncpg

    if isinstance(error, OSError | StoreUnavailable | TimeoutError):
        return StartupError(setting, f"cannot reach the database ({type(error).__name__})")
    if isinstance(error, asyncpg.InvalidPasswordError | asyncpg.InvalidAuthorizationSpecificationError):
        return StartupError(setting, "the database refused the user or password", exit_code=EXIT_CONFIG)
    if isinstance(error, asyncpg.ClientConfigurationError | asyncpg.InvalidCatalogNameError):
        return StartupError(setting, f"unusable database URL ({type(error).__name__})", exit_code=EXIT_CONFIG)
    return error


async def kie_check(settings: Settings) -> int:
    """Exit 0 only when KIE answers, accepts the key and lists both models: usable as a deploy gate."""
    if settings.kie_api_key is None:
        raise StartupError("KIE_API_KEY", "not set: the bot uses the offline preview generator", exit_code=EXIT_CONFIG)
    from adapters.kie.check import kie_check as check
    from adapters.kie.client import KieImageGenerator

    async with build(settings) as runtime:
        generator = runtime.deps.generator
        assert isinstance(generator, KieImageGenerator)
        models = {"KIE_MODEL_T2I": settings.kie_model_t2i, "KIE_MODEL_I2I": settings.kie_model_i2i}
        report = await check(generator, models)
    where = "shared through Redis" if settings.redis_url else "in this process"
    budget = describe_budget(settings.kie_create_limit, settings.kie_create_window_s)
    print("\n".join([*report.lines, f"create budget: {budget}, {where}"]))
    if report.problem is not None:
        raise StartupError(report.setting or "KIE_API_KEY", report.problem, prefix="KIE check failed")
    return 0
