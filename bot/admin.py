"""Operator commands from the shell: `python -m bot admin …` (the admin tools of the chats, through the same
dispatcher) and `refund-stars`. Each prints what it did; failing to do it is one line on standard error.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import uuid
from collections.abc import AsyncIterator

from adapters.chat.admin import Usage, dispatch
from bot.settings import Settings
from bot.startup import EXIT_CONFIG, StartupError, platform_error
from bot.wiring import Runtime, build
from core.errors import DomainError
from core.texts import error_text
from core.usecases.admin import Actor

log = logging.getLogger(__name__)

NOT_REFUNDED = "Not refunded"


async def refund_stars(settings: Settings, charge_id: str, user_id: int | None) -> int:
    """`python -m bot refund-stars <charge id> [--user-id N]`: give the Stars back and take the credits back once.

    Exit 0 when refunded (or already refunded: the credits are still taken back once), 1 when Telegram refused or
    cannot be reached, 2 when it cannot be done as asked (no Telegram token, a charge this bot never recorded and no
    --user-id).
    """
    if settings.telegram_bot_token is None:
        raise StartupError("TELEGRAM_BOT_TOKEN", "Stars are refunded through the Telegram bot", exit_code=EXIT_CONFIG)
    from telegram.error import BadRequest

    from adapters.telegram.payments import refund_star_charge
    from adapters.telegram.runner import build_application

    async with build(settings) as runtime:
        app = build_application(settings.telegram_config(), webhook=True, budget=runtime.send_budget)
        try:
            async with app:
                done = await refund_star_charge(app.bot, runtime.deps, charge_id, user_id)
        except LookupError as problem:
            reason = f"{problem}; give the payer's Telegram user id"
            raise StartupError("--user-id", reason, prefix=NOT_REFUNDED, exit_code=EXIT_CONFIG) from None
        except BadRequest as error:
            reason = f"Telegram refused: {error.message}"
            raise StartupError("refundStarPayment", reason, prefix=NOT_REFUNDED) from None
        except Exception as error:
            explained = platform_error("telegram", error)
            if explained is None:
                raise
            raise explained from None
    stars = "were already refunded" if done.already_refunded else "refunded"
    print(f"Stars of charge {done.charge_id} {stars} to user {done.user_id}; {done.credits_taken} credits taken back.")
    return 0


async def admin(settings: Settings, words: list[str], key: str | None) -> int:
    """`python -m bot admin [--key K] <action> …`: the operator is an admin. Exit 0 when done (or done before under
    the same key), 1 when refused (no such person, …), 2 for a command that does not fit its usage.

    Without --key each run is a new command; the key used is printed, so a run whose outcome is unknown (a lost
    connection) can be repeated with it and is applied once."""
    words, key = _key_option(words, key)
    actor = Actor(channel="cli", identity=None, key=f"cli:{key or uuid.uuid4().hex}")
    async with build(settings) as runtime, _notices(runtime, settings):
        try:
            print(await dispatch(runtime.deps, actor, " ".join(words), "en"))
        except Usage as usage:
            print(usage.text, file=sys.stderr)
            return EXIT_CONFIG
        except DomainError as error:
            print(error_text(error), file=sys.stderr)
            return 1
    if key is None and words and words[0] in ("grant", "revoke", "block", "unblock"):
        print(
            f"(To repeat this exactly once, run it again with --key {actor.key.removeprefix('cli:')})", file=sys.stderr
        )
    return 0


def _key_option(words: list[str], key: str | None) -> tuple[list[str], str | None]:
    """`--key K` may also come after the action's words (argparse leaves it among them)."""
    if "--key" in words[:-1]:
        at = words.index("--key")
        return words[:at] + words[at + 2 :], words[at + 1]
    return words, key


@contextlib.asynccontextmanager
async def _notices(runtime: Runtime, settings: Settings) -> AsyncIterator[None]:
    """Let the person be told on their platform (best effort: without a connection the change still stands)."""
    async with contextlib.AsyncExitStack() as stack:
        register, budget = runtime.router.register, runtime.send_budget
        if settings.telegram_bot_token:
            from adapters.telegram.runner import telegram_delivery

            await _try(stack, "telegram", telegram_delivery(runtime.deps, register, settings.telegram_config(), budget))
        if settings.discord_bot_token:
            from adapters.discord.runner import discord_delivery

            await _try(stack, "discord", discord_delivery(runtime.deps, register, settings.discord_config(), budget))
        yield


async def _try(
    stack: contextlib.AsyncExitStack, name: str, context: contextlib.AbstractAsyncContextManager[object]
) -> None:
    try:
        await stack.enter_async_context(context)
    except Exception as error:
        log.warning("the person cannot be told on %s: %s", name, type(error).__name__)
