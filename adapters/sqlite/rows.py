"""Rows of the SQLite Store: how accounts and ledger entries are written and read (shared by its modules)."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from typing import Any

import aiosqlite

from core.models import (
    FIRST_VERSIONS,
    Account,
    DeliveryTarget,
    Generation,
    GenerationRequest,
    GenerationStatus,
    Hold,
    LedgerKind,
)

ACCOUNT_FIELDS = tuple(Account.model_fields)


def new_id() -> str:
    return uuid.uuid4().hex


async def insert_entry(
    db: aiosqlite.Connection,
    account_id: str,
    kind: LedgerKind,
    credits: int,
    free_images: int,
    free_day: date | None,
    key: str,
    generation_id: str | None,
    note: str,
    now: datetime,
) -> bool:
    cursor = await db.execute(
        "insert or ignore into ledger (account_id, kind, credits, free_images, free_day, idempotency_key, "
        "generation_id, note, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            account_id,
            kind.value,
            credits,
            free_images,
            free_day.isoformat() if free_day else None,
            key,
            generation_id,
            note,
            now.isoformat(),
        ),
    )
    return cursor.rowcount == 1


ADDED_ACCOUNT_COLUMNS = {
    "plan_status": "text",
    "deleting_at": "text",
    "accepted_terms_version": "text",
    "accepted_policy_version": "text",
    "blocked_at": "text",
    "blocked_reason": "text not null default ''",
    "language": "text not null default ''",
}


async def upgrade_accounts(db: aiosqlite.Connection) -> None:
    """Columns added after a database file was first created (`create table if not exists` leaves it as it was).

    A consent given before versions were kept is the first versions' ("1"), and starts the consent history."""
    async with db.execute("pragma table_info(accounts)") as cursor:
        present = {row["name"] for row in await cursor.fetchall()}
    for column, kind in ADDED_ACCOUNT_COLUMNS.items():
        if column not in present:
            await db.execute(f"alter table accounts add column {column} {kind}")
    if "accepted_terms_version" not in present:
        await db.execute(
            "insert into consents (account_id, accepted_at, terms_version, policy_version) "
            "select id, consent_at, ?, ? from accounts where consent_at is not null and age_confirmed",
            (FIRST_VERSIONS.terms, FIRST_VERSIONS.policy),
        )
        await db.execute(
            "update accounts set accepted_terms_version = ?, accepted_policy_version = ? "
            "where consent_at is not null and age_confirmed",
            (FIRST_VERSIONS.terms, FIRST_VERSIONS.policy),
        )


def account_values(account: Account) -> dict[str, Any]:
    data = account.model_dump(mode="json")
    return {k: (int(v) if isinstance(v, bool) else v) for k, v in data.items()}


async def insert_account(db: aiosqlite.Connection, account: Account) -> None:
    values = account_values(account)
    columns = ", ".join(ACCOUNT_FIELDS)
    marks = ", ".join("?" for _ in ACCOUNT_FIELDS)
    await db.execute(f"insert into accounts ({columns}) values ({marks})", tuple(values[f] for f in ACCOUNT_FIELDS))


def account_from(row: aiosqlite.Row) -> Account:
    return Account.model_validate({f: row[f] for f in ACCOUNT_FIELDS})


def generation_from(row: aiosqlite.Row) -> Generation:
    return Generation(
        id=row["id"],
        account_id=row["account_id"],
        request=GenerationRequest.model_validate_json(row["request"]),
        status=GenerationStatus(row["status"]),
        hold=Hold.model_validate_json(row["hold"]),
        delivery=DeliveryTarget.model_validate_json(row["delivery"]),
        task_ids=tuple(json.loads(row["task_ids"])),
        creating=tuple(json.loads(row["creating"])),
        image_keys=tuple(json.loads(row["image_keys"])),
        error_code=row["error_code"],
        error_detail=row["error_detail"],
        delivered_at=row["delivered_at"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )
