"""Helpers shared by the Store contract (test_store.py) and the Postgres-only Store tests."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Protocol

from core.models import (
    Account,
    DeliveryTarget,
    GenerationRequest,
    Identity,
    LedgerKind,
    Payment,
    PlanFields,
    PlanStatus,
    Platform,
)
from core.ports import ReserveRequest, Store

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
TODAY = NOW.date()
TARGET = DeliveryTarget(platform=Platform.TELEGRAM, chat_id="42", reply_to="7")
# The tables holding rows about a person, each with an `account_id` column (Postgres adds `consents`).
PERSONAL_TABLES = ("identities", "generations", "ledger", "payments")


class RowCounter(Protocol):
    """How many rows of `table` are stored, for one account (`accounts` by id) or in all."""

    async def __call__(self, table: str, account_id: str | None = None) -> int: ...


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def reserve_request(
    account: Account,
    *,
    count: int = 1,
    unit_price: int = 1,
    free_per_day: int = 0,
    max_running: int = 100,
    free_eligible: bool = True,
    day: date = TODAY,
    generation_id: str | None = None,
    now: datetime = NOW,
    request: GenerationRequest | None = None,
    delivery: DeliveryTarget = TARGET,
) -> ReserveRequest:
    return ReserveRequest(
        generation_id=generation_id or unique("gen"),
        account_id=account.id,
        request=request or GenerationRequest(prompt="a red fox in the snow", count=count),
        delivery=delivery,
        unit_price=unit_price,
        free_eligible=free_eligible,
        free_per_day=free_per_day,
        max_running=max_running,
        day=day,
        now=now,
    )


async def new_account(store: Store, credits: int = 0) -> Account:
    account = await store.create_account(
        Identity(platform=Platform.TELEGRAM, platform_user_id=unique("tg")), "Ada", "en", NOW
    )
    if credits:
        await store.add_credits(account.id, credits, LedgerKind.GRANT, unique("grant"), "welcome", NOW)
    return account


def payment(account: Account, *, ref: str | None = None, id: str | None = None, created_at: datetime = NOW) -> Payment:
    return Payment(
        id=id or unique("pay"),
        account_id=account.id,
        provider="creem",
        provider_ref=ref or unique("ord"),
        product_id="pack_50",
        credits=50,
        status="paid",
        created_at=created_at,
    )


async def hold_plan(
    store: Store, account: Account, plan: str | None, subscription_id: str | None, customer_id: str | None = None
) -> bool:
    """Give the account this plan (active), by compare-and-set from what it holds now."""
    current = await store.get_account(account.id)
    before = PlanFields.of(current) if current else PlanFields()
    status = PlanStatus.ACTIVE if plan else None
    after = PlanFields(plan=plan, plan_status=status, subscription_id=subscription_id, customer_id=customer_id)
    return await store.change_plan(account.id, before, after)
