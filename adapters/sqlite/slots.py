"""The per-slot steps of a generation on SQLite (each runs inside the caller's write transaction).

A slot is marked "creating" before its provider task is created, so a crash between the create call and saving
the task id never leads to a second, paid task; a queued generation (no slot marked) can still be cancelled.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import aiosqlite

from core.errors import ErrorCode
from core.models import GenerationStatus, Hold, LedgerKind

UNFINISHED = (GenerationStatus.QUEUED.value, GenerationStatus.RUNNING.value)


async def add_missing_columns(db: aiosqlite.Connection) -> None:
    """Bring a file made by an older version up to the schema (`create table if not exists` adds no columns)."""
    async with db.execute("pragma table_info(generations)") as cursor:
        columns = {row["name"] for row in await cursor.fetchall()}
    if "creating" not in columns:
        await db.execute("alter table generations add column creating text not null default '[]'")
    if "delivering_until" not in columns:
        await db.execute("alter table generations add column delivering_until text")


async def _slots(db: aiosqlite.Connection, generation_id: str) -> tuple[list[str], list[int]] | None:
    """(task ids, slots marked creating) of an unfinished generation; None if it is finished or unknown."""
    row = await _first(
        db, "select task_ids, creating from generations where id = ? and status in (?, ?)", (generation_id, *UNFINISHED)
    )
    return None if row is None else (json.loads(row["task_ids"]), json.loads(row["creating"]))


async def _first(db: aiosqlite.Connection, sql: str, args: tuple[Any, ...]) -> Any:
    """The first row or None, in one hop to the connection's thread (execute, fetch and close there)."""
    rows = list(await db.execute_fetchall(sql, args))
    return rows[0] if rows else None


async def claim_slot(db: aiosqlite.Connection, generation_id: str, slot: int, now: datetime) -> bool:
    found = await _slots(db, generation_id)
    if found is None or await _fenced(db, generation_id):
        return False
    task_ids, creating = found
    if slot in creating or (slot < len(task_ids) and task_ids[slot]):
        return False
    await db.execute(
        "update generations set creating = ?, status = ?, updated_at = ? where id = ?",
        (json.dumps(sorted([*creating, slot])), GenerationStatus.RUNNING.value, now.isoformat(), generation_id),
    )
    return True


async def _fenced(db: aiosqlite.Connection, generation_id: str) -> bool:
    """The generation's account is past the deletion fence: nothing more is created at the provider for it."""
    fenced = await _first(
        db,
        "select 1 from generations g join accounts a on a.id = g.account_id "
        "where g.id = ? and a.deleting_at is not null",
        (generation_id,),
    )
    return fenced is not None


async def adopt_task(db: aiosqlite.Connection, generation_id: str, slot: int, task_id: str, now: datetime) -> bool:
    found = await _slots(db, generation_id)
    if found is None:
        return False
    task_ids, creating = found
    if slot not in creating or slot >= len(task_ids) or task_ids[slot]:
        return False
    task_ids[slot] = task_id
    await db.execute(
        "update generations set task_ids = ?, updated_at = ? where id = ?",
        (json.dumps(task_ids), now.isoformat(), generation_id),
    )
    return True


async def claim_delivery(db: aiosqlite.Connection, generation_id: str, until: datetime, now: datetime) -> bool:
    cursor = await db.execute(
        "update generations set delivering_until = ? where id = ? and status in (?, ?) and delivered_at is null "
        "and (delivering_until is null or delivering_until <= ?)",
        (
            until.isoformat(),
            generation_id,
            GenerationStatus.SUCCEEDED.value,
            GenerationStatus.FAILED.value,
            now.isoformat(),
        ),
    )
    return cursor.rowcount == 1


async def cancel_queued(db: aiosqlite.Connection, generation_id: str, now: datetime) -> bool:
    """Queued → failed (cancelled) and delivered in one statement, then the whole hold back in one entry."""
    cursor = await db.execute(
        "update generations set status = ?, error_code = ?, delivered_at = ?, updated_at = ? "
        "where id = ? and status = ?",
        (
            GenerationStatus.FAILED.value,
            ErrorCode.CANCELLED.value,
            now.isoformat(),
            now.isoformat(),
            generation_id,
            GenerationStatus.QUEUED.value,
        ),
    )
    if cursor.rowcount != 1:
        return False
    row = await _first(db, "select account_id, hold from generations where id = ?", (generation_id,))
    assert row is not None  # updated just above, in this transaction
    hold = Hold.model_validate_json(row["hold"])
    if not (hold.paid_credits or hold.free_images):
        return True
    await db.execute(
        "insert into ledger (account_id, kind, credits, free_images, free_day, idempotency_key, generation_id, note, "
        "created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            row["account_id"],
            LedgerKind.REFUND.value,
            hold.paid_credits,
            hold.free_images,
            hold.free_day.isoformat(),
            f"refund:{generation_id}",
            generation_id,
            ErrorCode.CANCELLED.value,
            now.isoformat(),
        ),
    )
    return True
