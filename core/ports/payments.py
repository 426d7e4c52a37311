"""Payments: the Store's payment records and processed webhook events, and the payment provider (checkout, portal)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from core.models import Account, LedgerKind, Payment, Product


class PaymentStore(Protocol):
    async def record_payment(self, payment: Payment, kind: LedgerKind, key: str) -> bool:
        """Insert the payment and its ledger entry (note: the provider ref) together, or nothing.

        Nothing is written, and False returned, when the payment id or the idempotency key was already used,
        also by a racing call. Raises DomainError(NOT_FOUND) for an unknown account. A provider ref may carry
        several payments.
        """
        ...

    async def payments(self, account_id: str) -> list[Payment]:
        """The account's payments, oldest first (by created_at, then id)."""
        ...

    async def find_payment(self, provider: str, provider_ref: str) -> Payment | None:
        """The earliest payment recorded under this provider reference (the one a refund or dispute reverses)."""
        ...

    async def record_event(self, provider: str, event_id: str, now: datetime) -> bool:
        """Remember a processed webhook event; False if it was seen before."""
        ...


class PaymentProvider(Protocol):
    async def checkout_url(self, product: Product, account: Account, request_id: str, platform: str) -> str: ...

    async def portal_url(self, customer_id: str) -> str: ...

    async def cancel_subscription(self, subscription_id: str) -> None: ...
