"""Command line: `python -m bot console | run | web | worker | migrate | kie-check | refund-stars`."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
from pathlib import Path

from pydantic import ValidationError

from bot.logs import setup_logging
from bot.settings import Settings, describe_settings_error


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="GPT-Image-2 chat bot")
    commands = parser.add_subparsers(dest="command", required=True)
    console = commands.add_parser("console", help="chat in the terminal (works with no credentials at all)")
    console.add_argument("--data-dir", type=Path, help="folder for the SQLite database and images (BOT_DATA_DIR)")
    console.add_argument("--user", default=None, help="who you are in the console (default: your login name)")
    console.add_argument("--no-wait", action="store_true", help="do not wait for each image before the next line")
    run = commands.add_parser("run", help="run every configured platform, the worker and the web server")
    run.add_argument("--workers", type=int, default=1, help="worker processes sharing the queue (needs Redis)")
    commands.add_parser("web", help="run only the web server (webhooks, callbacks) and the worker")
    commands.add_parser("worker", help="only work the shared job queue (extra worker processes; needs Redis)")
    migrate = commands.add_parser("migrate", help="apply supabase/migrations to a Postgres database")
    migrate.add_argument("--database-url", default=None, help="defaults to DATABASE_URL")
    commands.add_parser("kie-check", help="show the operator's KIE credits and whether the models exist")
    refund = commands.add_parser("refund-stars", help="refund a Telegram Stars payment and take its credits back")
    refund.add_argument("charge_id", help="the payment's telegram_payment_charge_id")
    refund.add_argument("--user-id", type=int, default=None, help="the payer (only for a charge the bot never saw)")
    args = parser.parse_args(argv)

    if getattr(args, "data_dir", None):
        os.environ["BOT_DATA_DIR"] = str(args.data_dir)
    try:
        settings = Settings()
    except ValidationError as error:
        print(f"Configuration error: {describe_settings_error(error)}", file=sys.stderr)
        return 2
    setup_logging("WARNING" if args.command == "console" else settings.log_level)

    if args.command == "console":
        return asyncio.run(_console(settings, args.user or _login_name(), wait_each=not args.no_wait))
    from bot import serve

    if args.command == "run":
        return serve.run_processes(settings, args.workers)
    if args.command == "web":
        return asyncio.run(serve.serve(settings, role="web"))
    if args.command == "worker":
        if settings.redis_url is None:
            print("A separate worker needs REDIS_URL: the job queue must be shared.", file=sys.stderr)
            return 2
        return asyncio.run(serve.serve(settings, role="worker"))
    if args.command == "migrate":
        return asyncio.run(serve.migrate(settings, args.database_url))
    if args.command == "refund-stars":
        from bot import admin

        return asyncio.run(admin.refund_stars(settings, args.charge_id, args.user_id))
    return asyncio.run(serve.kie_check(settings))


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "local"


async def _console(settings: Settings, user_id: str, wait_each: bool) -> int:
    from adapters.console.runner import run_console
    from bot.wiring import build

    async with build(settings) as runtime:
        await run_console(runtime.deps, runtime.worker, runtime.router.register, user_id=user_id, wait_each=wait_each)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
