"""Operator commands that act on one person's money (the full admin tools come with #16): small, explicit, and
printing what they did in one line."""

from __future__ import annotations

import sys

from bot.settings import Settings
from bot.wiring import build


async def refund_stars(settings: Settings, charge_id: str, user_id: int | None) -> int:
    """`python -m bot refund-stars <charge id> [--user-id N]`: give the Stars back and take the credits back once.

    Exit 0 when refunded (or already refunded: the credits are still taken back once), 1 when Telegram refused,
    2 when it cannot be done as asked (no Telegram token, a charge this bot never recorded and no --user-id).
    """
    if settings.telegram_bot_token is None:
        print("refund-stars needs TELEGRAM_BOT_TOKEN: Stars are refunded through the Telegram bot.", file=sys.stderr)
        return 2
    from telegram.error import TelegramError

    from adapters.telegram.payments import refund_stars as refund
    from adapters.telegram.runner import build_application

    async with build(settings) as runtime:
        app = build_application(settings.telegram_config(), webhook=True)
        async with app:
            try:
                done = await refund(app.bot, runtime.deps, charge_id, user_id)
            except LookupError as problem:
                print(f"Not refunded: {problem}; give the payer's Telegram user id with --user-id.", file=sys.stderr)
                return 2
            except TelegramError as error:
                print(f"Telegram refused the refund: {error.message}", file=sys.stderr)
                return 1
    stars = "were already refunded" if done.already_refunded else "refunded"
    print(f"Stars of charge {done.charge_id} {stars} to user {done.user_id}; {done.credits_taken} credits taken back.")
    return 0
