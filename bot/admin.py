"""Operator commands that act on one person's money (the full admin tools come with #16): small, explicit, and
printing what they did in one line. Failing to do it is a StartupError line like every other command's."""

from __future__ import annotations

from bot.settings import Settings
from bot.startup import EXIT_CONFIG, StartupError, platform_error
from bot.wiring import build

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
