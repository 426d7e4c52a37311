"""Command line: `python -m bot console | run | web | worker | migrate | kie-check | refund-stars | admin |
announce`.

Every way of failing to start ends in one line on standard error that names the setting, and a non-zero exit
(2: fix the configuration; 1: something outside is down). Ctrl-C and SIGTERM stop any command without a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import os
import signal
import sys
from pathlib import Path

from pydantic import ValidationError

from bot.logs import setup_logging
from bot.settings import Settings, describe_settings_error
from bot.startup import EXIT_CONFIG, StartupError, unexpected, usable_dir

log = logging.getLogger(__name__)

MAX_WORKERS = 64


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="GPT-Image-2 chat bot")
    commands = parser.add_subparsers(dest="command", required=True)
    console = commands.add_parser("console", help="chat in the terminal (works with no credentials at all)")
    console.add_argument("--data-dir", type=Path, help="folder for the SQLite database and images (BOT_DATA_DIR)")
    console.add_argument("--user", default=None, help="who you are in the console (default: your login name)")
    console.add_argument("--no-wait", action="store_true", help="do not wait for each image before the next line")
    run = commands.add_parser("run", help="run every configured platform, the worker and the web server")
    run.add_argument("--workers", type=int, default=1, help="processes working the queue (above 1 needs Redis)")
    commands.add_parser("web", help="run only the web server (webhooks, callbacks) and the worker")
    commands.add_parser("worker", help="only work the shared job queue (extra worker processes; needs Redis)")
    migrate = commands.add_parser("migrate", help="apply supabase/migrations to a Postgres database")
    migrate.add_argument("--database-url", default=None, help="defaults to DATABASE_URL")
    commands.add_parser("kie-check", help="KIE credits and models; exits non-zero when KIE is not ready")
    refund = commands.add_parser("refund-stars", help="refund a Telegram Stars payment and take its credits back")
    refund.add_argument("charge_id", help="the payment's telegram_payment_charge_id")
    refund.add_argument("--user-id", type=int, default=None, help="the payer (only for a charge the bot never saw)")
    admin = commands.add_parser(
        "admin",
        help="the admin tools: user, grant, revoke, block, unblock, stats (`admin help` lists them)",
        description="The chat's /admin commands for the operator's shell; every action is in the audit log.",
    )
    admin.add_argument("--key", default=None, help="the command's key: a run repeated with the same key acts once")
    admin.add_argument("words", nargs=argparse.REMAINDER, help="<action> and its words, e.g. grant telegram:42 50 why")
    announce = commands.add_parser("announce", help="tell every person something, once each (the running bot sends it)")
    what = announce.add_mutually_exclusive_group(required=True)
    what.add_argument("text", nargs="?", help="a non-essential announcement (skipped for people who opted out)")
    what.add_argument("--policy-change", metavar="TEXT", help="the privacy policy changed: essential, goes to everyone")
    what.add_argument("--terms-change", metavar="TEXT", help="the terms of use changed: essential, goes to everyone")
    what.add_argument("--status", action="store_true", help="how far the latest announcements got, with an ETA")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if getattr(args, "data_dir", None):
        os.environ["BOT_DATA_DIR"] = str(args.data_dir)
    try:
        settings = Settings()
    except ValidationError as error:
        print(f"Configuration error: {describe_settings_error(error)}", file=sys.stderr)
        return EXIT_CONFIG
    setup_logging(_log_level(args.command, settings.log_level), settings.log_format, settings.secret_values())
    try:
        return _dispatch(args, settings)
    except StartupError as error:
        print(error.line(), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        log.debug("stopped by an unexpected error", exc_info=True)
        print(unexpected(error), file=sys.stderr)
        return 1


def _log_level(command: str, configured: str) -> str:
    """The console and kie-check talk to a person on the terminal: only problems are logged there."""
    if configured == "DEBUG":
        return configured
    quiet = {"console": "WARNING", "kie-check": "ERROR", "migrate": "WARNING", "refund-stars": "WARNING"}
    return {**quiet, "admin": "WARNING", "announce": "WARNING"}.get(command, configured)


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "console":
        return asyncio.run(_console(settings, args.user or _login_name(), wait_each=not args.no_wait))
    from bot import serve

    if args.command == "run":
        workers: int = args.workers
        if not 1 <= workers <= MAX_WORKERS:
            raise StartupError("--workers", f"must be between 1 and {MAX_WORKERS}", exit_code=EXIT_CONFIG)
        if workers > 1 and settings.redis_url is None:
            raise StartupError("REDIS_URL", "--workers above 1 needs a shared queue", exit_code=EXIT_CONFIG)
        if workers > 1:
            _share_metrics(settings)
        return asyncio.run(serve.serve(settings, role="all", extra_workers=workers - 1))
    if args.command == "web":
        return asyncio.run(serve.serve(settings, role="web"))
    if args.command == "worker":
        if settings.redis_url is None:
            raise StartupError("REDIS_URL", "a separate worker needs a shared job queue", exit_code=EXIT_CONFIG)
        return asyncio.run(serve.serve(settings, role="worker"))
    signal.signal(signal.SIGTERM, _interrupted)  # the short commands stop on SIGTERM as on Ctrl-C
    if args.command == "migrate":
        return asyncio.run(serve.migrate(settings, args.database_url))
    if args.command == "refund-stars":
        from bot import admin

        return asyncio.run(admin.refund_stars(settings, args.charge_id, args.user_id))
    if args.command == "admin":
        from bot import admin

        return asyncio.run(admin.admin(settings, args.words, args.key))
    if args.command == "announce":
        return asyncio.run(_announce(settings, args))
    return asyncio.run(serve.kie_check(settings))


async def _announce(settings: Settings, args: argparse.Namespace) -> int:
    from bot import announce
    from core.announcements import AnnouncementKind

    if args.status:
        return await announce.status(settings)
    if args.policy_change is not None:
        return await announce.record(settings, AnnouncementKind.POLICY, args.policy_change)
    if args.terms_change is not None:
        return await announce.record(settings, AnnouncementKind.TERMS, args.terms_change)
    return await announce.record(settings, AnnouncementKind.NEWS, args.text)


def _interrupted(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C (connections closed, a migration's transaction rolled back), then exit 130."""
    raise KeyboardInterrupt


def _share_metrics(settings: Settings) -> None:
    """`run --workers N`: every process writes its figures where the web process's /metrics sums them (an
    operator's own PROMETHEUS_MULTIPROC_DIR wins). Must happen before anything imports prometheus-client."""
    from adapters.prometheus.metrics import MULTIPROC_ENV, use_multiprocess_dir

    if not os.environ.get(MULTIPROC_ENV):
        use_multiprocess_dir(usable_dir(settings.bot_data_dir) / "metrics")


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "local"


async def _console(settings: Settings, user_id: str, wait_each: bool) -> int:
    """Ctrl-C and SIGTERM end the console: the chat stops, unfinished images stay in the Store for next time."""
    from adapters.console.runner import console_locale, run_console
    from bot.wiring import build

    main_task = asyncio.current_task()
    assert main_task is not None
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, main_task.cancel)
    try:
        async with build(settings) as runtime:
            await run_console(
                runtime.deps,
                runtime.worker,
                runtime.router.register,
                user_id=user_id,
                wait_each=wait_each,
                locale=console_locale(os.environ),
            )
    except asyncio.CancelledError:
        return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
