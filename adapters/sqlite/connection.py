"""The SQLite Store's connection: one connection, serialised writes (one transaction each), WAL checkpoints."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from typing import Any

import aiosqlite

from adapters.sqlite.rows import account_from
from core.models import Account

CHECKPOINT_RETRY_S = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0)

log = logging.getLogger(__name__)


class SqliteConnection:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        self._lock = asyncio.Lock()

    async def close(self) -> None:
        await self._db.close()

    async def ping(self) -> None:
        await self._db.execute("select 1")

    @asynccontextmanager
    async def _tx(self) -> AsyncIterator[aiosqlite.Connection]:
        """One write transaction at a time: BEGIN IMMEDIATE makes other processes wait too."""
        async with self._lock:
            await self._db.execute("begin immediate")
            try:
                yield self._db
            except BaseException:
                await self._db.execute("rollback")
                raise
            await self._db.execute("commit")

    async def _all(self, sql: str, *args: Any) -> list[aiosqlite.Row]:
        """One hop to the connection's thread (execute, fetch and close there): each hop costs a thread switch,
        and reads are most of a generation's Store calls."""
        return list(await self._db.execute_fetchall(sql, args))

    async def _one(self, sql: str, *args: Any) -> aiosqlite.Row | None:
        rows = await self._all(sql, *args)
        return rows[0] if rows else None

    async def _money(self, account_id: str, day: date) -> tuple[int, int]:
        """(paid balance, free images used on `day`) from the ledger."""
        row = await self._one(
            "select coalesce(sum(credits), 0) as paid, "
            "coalesce(-sum(case when free_day = ? then free_images else 0 end), 0) as used "
            "from ledger where account_id = ?",
            day.isoformat(),
            account_id,
        )
        assert row is not None
        return int(row["paid"]), int(row["used"])

    async def _update(self, sql: str, *args: Any) -> bool:
        """One UPDATE statement (its own transaction): only the columns it names change."""
        async with self._tx() as db:
            cursor = await db.execute(sql, args)
            return cursor.rowcount == 1

    async def _update_returning(self, sql: str, *args: Any) -> Account | None:
        async with self._tx():
            row = await self._one(f"{sql} returning *", *args)
        return account_from(row) if row else None

    async def _truncate_wal(self) -> None:
        """Checkpoint everything and empty the WAL; a reader still open elsewhere makes it busy, so try again."""
        for delay in CHECKPOINT_RETRY_S:
            try:
                async with self._lock:
                    row = await self._one("pragma wal_checkpoint(truncate)")
                if row is None or row[0] == 0:
                    return
            except sqlite3.OperationalError:  # "table is locked": a read of this connection is still open
                pass
            await asyncio.sleep(delay)
        log.warning("the WAL could not be truncated after a deletion; it will be at the next checkpoint")
