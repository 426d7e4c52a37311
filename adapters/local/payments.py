"""Payments when no provider is configured: every action answers 'payments are not configured'."""

from __future__ import annotations

from core.errors import DomainError, ErrorCode
from core.models import Account, Product


class DisabledPayments:
    async def checkout_url(self, product: Product, account: Account, request_id: str, platform: str) -> str:
        raise DomainError(ErrorCode.PAYMENTS_DISABLED)

    async def portal_url(self, customer_id: str) -> str:
        raise DomainError(ErrorCode.PAYMENTS_DISABLED)

    async def cancel_subscription(self, subscription_id: str) -> None:
        raise DomainError(ErrorCode.PAYMENTS_DISABLED)
