"""The admin part of the SQLite Store: audit entries written once per key together with what they change (a ledger
entry, a block), and the figures of `/admin stats` as aggregate queries."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import aiosqlite

from adapters.sqlite.connection import SqliteConnection
from adapters.sqlite.rows import generation_from, insert_entry
from adapters.sqlite.stats import read_stats
from core.audit import AuditAction, AuditEntry, Recorded, Stats
from core.errors import DomainError, ErrorCode
from core.models import Generation, LedgerKind

AUDIT_FIELDS = tuple(AuditEntry.model_fields)
SUM_CREDITS = "select coalesce(sum(credits), 0) from ledger where account_id = ?"
UNBLOCK = "update accounts set blocked_at = null, blocked_reason = '' where id = ?"


class SqliteAdmin(SqliteConnection):
    async def audit(self, entry: AuditEntry) -> Recorded:
        async with self._tx() as db:
            return await self._once(db, entry) or await self._write(db, entry)

    async def admin_credits(self, entry: AuditEntry) -> Recorded:
        async with self._tx() as db:
            known = await self._once(db, entry)
            if known is not None:
                return known
            assert entry.account_id is not None
            credits = entry.requested
            if credits < 0:
                row = await self._one(SUM_CREDITS, entry.account_id)
                credits = -min(-credits, max(int(row[0]) if row else 0, 0))
            if credits:
                await insert_entry(
                    db, entry.account_id, LedgerKind.ADMIN, credits, 0, None, f"admin:{entry.key}", None, entry.reason,
                    entry.at,
                )  # fmt: skip
            return await self._write(db, entry.model_copy(update={"credits": credits}))

    async def set_blocked(self, entry: AuditEntry) -> Recorded:
        async with self._tx() as db:
            known = await self._once(db, entry)
            if known is not None:
                return known
            if entry.action is AuditAction.BLOCK:
                sql = "update accounts set blocked_at = coalesce(blocked_at, ?), blocked_reason = ? where id = ?"
                args: tuple[Any, ...] = (entry.at.isoformat(), entry.reason, entry.account_id)
            else:
                sql, args = UNBLOCK, (entry.account_id,)
            await db.execute(sql, args)
            return await self._write(db, entry)

    async def _once(self, db: aiosqlite.Connection, entry: AuditEntry) -> Recorded | None:
        """The entry already written under this key (then nothing is done again), after checking whom it concerns."""
        known = entry.account_id is None or await self._one("select 1 from accounts where id = ?", entry.account_id)
        if not known:
            raise DomainError(ErrorCode.NOT_FOUND, "account not found")
        row = await self._one("select * from admin_audit where key = ?", entry.key)
        return Recorded(entry=_entry(row), new=False) if row is not None else None

    async def _write(self, db: aiosqlite.Connection, entry: AuditEntry) -> Recorded:
        values = entry.model_dump(mode="json")
        await db.execute(
            f"insert into admin_audit ({', '.join(AUDIT_FIELDS)}) values ({', '.join('?' for _ in AUDIT_FIELDS)})",
            tuple(values[f] for f in AUDIT_FIELDS),
        )
        return Recorded(entry=entry, new=True)

    async def audit_log(self, account_id: str) -> list[AuditEntry]:
        rows = await self._all(
            "select * from admin_audit where account_id = ? or actor_account_id = ? order by at, key",
            account_id,
            account_id,
        )
        return [_entry(r) for r in rows]

    async def latest_generations(self, account_id: str, limit: int) -> list[Generation]:
        rows = await self._all(
            "select * from generations where account_id = ? order by created_at desc, id desc limit ?",
            account_id,
            limit,
        )
        return [generation_from(r) for r in rows]

    async def stats(self, today: datetime, week: datetime) -> Stats:
        return await read_stats(self._one, self._all, today, week)


def _entry(row: aiosqlite.Row) -> AuditEntry:
    return AuditEntry.model_validate({f: row[f] for f in AUDIT_FIELDS})
