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
        return asyncio.run(serve(settings, platforms=True))
    finally:
        for process in extra:
            process.terminate()
        for process in extra:
            process.wait(timeout=30)


async def serve(settings: Settings, *, platforms: bool, http: bool = True) -> int:
    """Run until SIGINT/SIGTERM; a store that cannot be reached at start is a clear error, not a crash loop."""
    try:
        async with build(settings) as runtime, AsyncExitStack() as stack:
            app = create_app(runtime.deps, settings)
            if platforms:
                await _start_platforms(runtime, settings, app, stack)
            if http:
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
    except OSError as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        return 1
    return 0


async def _start_platforms(runtime: Runtime, settings: Settings, app: web.Application, stack: AsyncExitStack) -> None:
    started = False
    if settings.telegram_bot_token:
        from adapters.telegram.runner import telegram_running

        await stack.enter_async_context(
            telegram_running(runtime.deps, runtime.router.register, settings.telegram_config(), app)
        )
        started = True
    if settings.discord_bot_token:
        from adapters.discord.runner import discord_running

        await stack.enter_async_context(
            discord_running(runtime.deps, runtime.router.register, settings.discord_config())
        )
        started = True
    if not started:
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
