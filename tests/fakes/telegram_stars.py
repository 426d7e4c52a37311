"""Telegram Stars as the fake Bot API books them: payments, refunds (refundStarPayment) and the bot's ledger
(getStarTransactions), in the Bot API's shapes (StarTransaction, TransactionPartnerUser)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from tests.fakes.telegram_errors import ApiError

if TYPE_CHECKING:
    from tests.fakes.telegram_api import Call

JSON = dict[str, Any]


class StarsLedger:
    """Mixed into FakeTelegram: `refunds` records successful refundStarPayment calls, `star_transactions` the
    bot's Stars ledger, oldest first."""

    def __init__(self) -> None:
        self.refunds: list[tuple[int, str]] = []
        self.star_transactions: list[JSON] = []

    def record_star_payment(self, user: JSON, payload: str, stars: int, charge_id: str) -> None:
        """A Stars payment as Telegram books it (the StarTransaction behind a successful_payment): its id is the
        charge id, its source the paying user with `transaction_type: invoice_payment` and our invoice payload."""
        self.star_transactions.append(
            {
                "id": charge_id,
                "amount": stars,
                "date": int(time.time()),
                "source": {"type": "user", "transaction_type": "invoice_payment", "user": user,
                           "invoice_payload": payload},
            }
        )  # fmt: skip

    def _star_payment(self, charge_id: str) -> JSON | None:
        return next((t for t in self.star_transactions if t["id"] == charge_id and "source" in t), None)

    async def _refund_star_payment(self, call: Call) -> bool:
        """Refunds once: a second refund of a charge is `CHARGE_ALREADY_REFUNDED` (a charge the fake never booked,
        e.g. paid before a test's fake started, is accepted). A refund is booked as an outgoing transaction with the
        original charge id, as Telegram's ledger shows it."""
        user_id, charge_id = int(call.params["user_id"]), call.params["telegram_payment_charge_id"]
        if any(t["id"] == charge_id and "receiver" in t for t in self.star_transactions):
            raise ApiError(400, "Bad Request: CHARGE_ALREADY_REFUNDED")
        self.refunds.append((user_id, charge_id))
        paid = self._star_payment(charge_id)
        if paid is not None:
            if paid["source"]["user"]["id"] != user_id:
                raise ApiError(400, "Bad Request: USER_ID_INVALID")
            receiver = {**paid["source"]}
            self.star_transactions.append(
                {"id": charge_id, "amount": paid["amount"], "date": int(time.time()), "receiver": receiver}
            )
        return True

    async def _get_star_transactions(self, call: Call) -> JSON:
        """`StarTransactions` in chronological order; `offset` skips, `limit` is 1-100 (default 100)."""
        offset = int(call.params.get("offset") or 0)
        limit = int(call.params.get("limit") or 100)
        if not 1 <= limit <= 100:
            raise ApiError(400, "Bad Request: limit must be between 1 and 100")
        return {"transactions": self.star_transactions[offset : offset + limit]}
