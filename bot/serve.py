"""Long-running entry points: every configured platform + the web server + the worker, in one process (or N)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import subprocess
import sys
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Literal

from aiohttp import web

from bot.settings import Settings
from bot.web import create_app
from bot.wiring import Runtime, build
from core.errors import StoreUnavailable

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent.parent / "supabase" / "migrations"


def run_processes(settings: Settings, workers: int) -> int:
    """`run --workers N`: this process serves the chats; N-1 more processes only work the shared queue."""
    if workers > 1 and settings.redis_url is None:
        print("--workers above 1 needs REDIS_URL (the queue must be shared between processes).", file=sys.stderr)
        return 2
    extra = [subprocess.Popen([sys.executable, "-m", "bot", "worker"]) for _ in range(workers - 1)]
    try:
        return asyncio.run(serve(settings, role="all"))
    finally:
        for process in extra:
            process.terminate()
        for process in extra:
            process.wait(timeout=30)


Role = Literal["all", "web", "worker"]


async def serve(settings: Settings, *, role: Role) -> int:
    """Run until SIGINT/SIGTERM. `all`: chats + web + worker; `web`: webhooks (incl. a Telegram webhook) + worker;
    `worker`: the queue only. A Store that cannot be reached at start is a clear error and a non-zero exit."""
    try:
        async with build(settings) as runtime, AsyncExitStack() as stack:
            app = create_app(runtime.deps, settings)
            await _start_platforms(runtime, settings, app, stack, role)
            if role != "worker":
                runner = web.AppRunner(app, access_log=None)
                await runner.setup()
                stack.push_async_callback(runner.cleanup)
                await web.TCPSite(runner, settings.web_host, settings.port).start()
                log.info("web server listening", extra={"port": settings.port})
            worker = asyncio.create_task(runtime.worker.run())
            await _until_stopped()
            worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await worker
    except (OSError, StoreUnavailable) as error:
        print(f"Cannot start: {error or type(error).__name__}", file=sys.stderr)
        return 1
    return 0


async def _start_platforms(
    runtime: Runtime, settings: Settings, app: web.Application, stack: AsyncExitStack, role: Role
) -> None:
    """Receive chats where this role does; every role can at least deliver results to every platform."""
    if settings.telegram_bot_token:
        from adapters.telegram.runner import telegram_delivery, telegram_running

        config = settings.telegram_config()
        receives = role == "all" or (role == "web" and config.webhook_url is not None)
        chat = telegram_running(runtime.deps, runtime.router.register, config, app) if receives else None
        await stack.enter_async_context(chat or telegram_delivery(runtime.deps, runtime.router.register, config))
    if settings.discord_bot_token:
        from adapters.discord.runner import discord_delivery, discord_running

        start = discord_running if role == "all" else discord_delivery
        await stack.enter_async_context(start(runtime.deps, runtime.router.register, settings.discord_config()))
    if role == "all" and not (settings.telegram_bot_token or settings.discord_bot_token):
        log.warning("no chat platform configured (TELEGRAM_BOT_TOKEN / DISCORD_BOT_TOKEN); serving webhooks only")


async def _until_stopped() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    await stop.wait()


async def migrate(settings: Settings, database_url: str | None) -> int:
    from adapters.supabase.migrate import apply_migrations

    url = database_url or (settings.database_url.get_secret_value() if settings.database_url else None)
    if not url:
        print("migrate needs --database-url or DATABASE_URL.", file=sys.stderr)
        return 2
    try:
        applied = await apply_migrations(url, MIGRATIONS)
    except (OSError, StoreUnavailable) as error:
        print(f"Cannot reach the database: {error}", file=sys.stderr)
        return 1
    print("\n".join(f"applied {name}" for name in applied) or "database is up to date")
    return 0


async def kie_check(settings: Settings) -> int:
    if settings.kie_api_key is None:
        print("KIE_API_KEY is not set: the bot uses the offline preview generator.", file=sys.stderr)
        return 2
    from adapters.kie.check import kie_check as check
    from adapters.kie.client import KieImageGenerator

    async with build(settings) as runtime:
        generator = runtime.deps.generator
        assert isinstance(generator, KieImageGenerator)
        lines = await check(generator, [settings.kie_model_t2i, settings.kie_model_i2i])
    print("\n".join(lines))
    return 0
