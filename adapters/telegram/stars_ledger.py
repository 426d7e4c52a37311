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
# On start, how far back to look: a payment can only complete while some process answers its pre-checkout query,
# so what a lost update missed is recent; a long-lived bot need not read its whole history at every start.
START_BACKLOG = 2000


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
    if payment and await deps.store.find_payment(event.provider, event.payment_ref) is not None:
        return  # granted already (the usual case): a read, no write
    try:
        applied = await (apply_stars_payment(deps, event) if payment else billing.apply_payment_event(deps, event))
    except billing.PaymentNotApplied as problem:
        log.error("stars transaction not applied: %s", problem, extra={"event_id": event.event_id})
        return
    if applied:
        log.warning("stars reconciliation applied a missed transaction", extra={"event_id": event.event_id})


async def ledger_length(bot: Bot) -> int:
    """How many transactions Telegram holds for the bot (there is no count: probe offsets, O(log n) calls)."""
    low, high = 0, PAGE
    while (await bot.get_star_transactions(offset=high, limit=1)).transactions:
        low, high = high + 1, high * 2
    while low < high:  # the first empty offset lies in [low, high]
        middle = (low + high) // 2
        if (await bot.get_star_transactions(offset=middle, limit=1)).transactions:
            low = middle + 1
        else:
            high = middle
    return low


class StarsReconciler:
    """Runs `reconcile_stars` on start (over the last `backlog` transactions) and every `every_s` from where the
    previous pass ended; a failed pass is logged and tried again next time."""

    def __init__(self, bot: Bot, deps: Deps, every_s: float = EVERY_S, backlog: int = START_BACKLOG) -> None:
        self._bot = bot
        self._deps = deps
        self._every_s = every_s
        self._backlog = backlog
        self.offset: int | None = None
        self.passes = 0

    async def run_once(self) -> None:
        try:
            if self.offset is None:
                self.offset = max(0, await ledger_length(self._bot) - self._backlog)
            self.offset = await reconcile_stars(self._bot, self._deps, self.offset)
        except Exception:
            log.warning("stars reconciliation pass failed; will try again", exc_info=True)
        self.passes += 1

    async def run(self) -> None:
        while True:
            await self.run_once()
            await asyncio.sleep(self._every_s)
