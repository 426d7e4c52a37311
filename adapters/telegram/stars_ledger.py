"""Nothing paid in Stars is lost: compare with Telegram's own ledger (getStarTransactions) and apply what is missing.

In webhook mode Telegram gets its 200 as soon as an update is queued, so a `successful_payment` whose grant failed
(Store down) would never come again. On start and then periodically, every Stars transaction of the bot is read in
chronological order: an incoming invoice payment for one of our invoices is granted, an outgoing one (a refund; its
id is the original charge id) takes the credits back. Both are keyed by the charge id, so whatever the chat updates
already applied is applied exactly once. A transaction that cannot be applied now stops the pass there; the next
pass starts again from it.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Bot, StarTransaction, TransactionPartnerUser

from adapters.telegram.payments import apply_stars_payment, paid_event, refund_event
from core.deps import Deps
from core.models import PaymentEvent
from core.usecases import billing

log = logging.getLogger(__name__)

PAGE = 100  # getStarTransactions' maximum limit
INVOICE_PAYMENT = "invoice_payment"
EVERY_S = 600.0


def transaction_event(transaction: StarTransaction) -> tuple[PaymentEvent, bool] | None:
    """(event, is a payment) for a transaction about one of our invoices; None for anything else."""
    incoming = transaction.source if isinstance(transaction.source, TransactionPartnerUser) else None
    if incoming is not None and incoming.transaction_type == INVOICE_PAYMENT:
        event = paid_event(transaction.id, incoming.invoice_payload or "", transaction.amount)
        return (event, True) if event else None
    outgoing = transaction.receiver if isinstance(transaction.receiver, TransactionPartnerUser) else None
    if outgoing is not None and outgoing.transaction_type == INVOICE_PAYMENT:
        return refund_event(transaction.id), False
    return None


async def reconcile_stars(bot: Bot, deps: Deps, offset: int = 0) -> int:
    """One pass from `offset` (transactions before it were already applied); returns where the next pass starts."""
    while True:
        page = (await bot.get_star_transactions(offset=offset, limit=PAGE)).transactions
        for transaction in page:
            found = transaction_event(transaction)
            if found is not None:
                await _apply(deps, *found)
            offset += 1
        if len(page) < PAGE:
            return offset


async def _apply(deps: Deps, event: PaymentEvent, payment: bool) -> None:
    """Apply one transaction; a Store failure propagates (the pass stops and starts here next time)."""
    try:
        applied = await (apply_stars_payment(deps, event) if payment else billing.apply_payment_event(deps, event))
    except billing.PaymentNotApplied as problem:
        log.error("stars transaction not applied: %s", problem, extra={"event_id": event.event_id})
        return
    if applied:
        log.warning("stars reconciliation applied a missed transaction", extra={"event_id": event.event_id})


class StarsReconciler:
    """Runs `reconcile_stars` on start and every `every_s`; a failed pass is logged and tried again next time."""

    def __init__(self, bot: Bot, deps: Deps, every_s: float = EVERY_S) -> None:
        self._bot = bot
        self._deps = deps
        self._every_s = every_s
        self.offset = 0
        self.passes = 0

    async def run_once(self) -> None:
        try:
            self.offset = await reconcile_stars(self._bot, self._deps, self.offset)
        except Exception:
            log.warning("stars reconciliation pass failed; will try again", exc_info=True)
        self.passes += 1

    async def run(self) -> None:
        while True:
            await self.run_once()
            await asyncio.sleep(self._every_s)
