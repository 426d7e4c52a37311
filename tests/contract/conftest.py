"""The Store contract runs against every implementation: the unit-test fake, the SQLite default and Supabase.

`store` is a plain fixture that picks the implementation's async fixture by name (an async fixture cannot call
getfixturevalue on another async fixture under pytest-asyncio). `rows` looks at the stored rows behind the port's
back: the fake's dicts, the SQLite file through the sqlite3 module, Postgres through asyncpg.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import closing
from pathlib import Path

import asyncpg
import pytest

from adapters.sqlite.store import SqliteStore
from core.ports import Store
from tests import servers
from tests.contract.store_support import RowCounter
from tests.contract.timeline import FakeTime
from tests.fakes.store import FakeStore

IMPLEMENTATIONS = ["fake", "sqlite", pytest.param("postgres", marks=pytest.mark.servers)]
FIXTURES = {"fake": "fake_store", "sqlite": "sqlite_store", "postgres": "supabase_store"}
SQLITE_FILE = "store.db"


@pytest.fixture
def time_now() -> FakeTime:
    """The made-up clock of the time-based contract tests."""
    return FakeTime()


@pytest.fixture
async def fake_store() -> FakeStore:
    return FakeStore()


@pytest.fixture
async def sqlite_store(tmp_path: Path) -> AsyncIterator[SqliteStore]:
    """A SqliteStore on a fresh file (the file name is known to `rows`)."""
    store = await SqliteStore.open(tmp_path / SQLITE_FILE)
    yield store
    await store.close()


@pytest.fixture(params=IMPLEMENTATIONS)
def store(request: pytest.FixtureRequest) -> Store:
    implementation: Store = request.getfixturevalue(FIXTURES[request.param])
    return implementation


@pytest.fixture
def store_kind(request: pytest.FixtureRequest, store: Store) -> str:
    kind: str = request.node.callspec.params["store"]
    return kind


@pytest.fixture
def rows(request: pytest.FixtureRequest, store: Store, store_kind: str) -> RowCounter:
    """`await rows(table, account_id)`: how many rows of `table` are stored (for `account_id`, or all if None)."""
    if store_kind == "fake":
        assert isinstance(store, FakeStore)
        return _fake_counter(store)
    if store_kind == "sqlite":
        return _sqlite_counter(request.getfixturevalue("tmp_path") / SQLITE_FILE)
    stack: servers.SupabaseStack = request.getfixturevalue("supabase_stack")
    return _postgres_counter(stack.postgres.dsn)


def _where(table: str, account_id: str | None) -> tuple[str, tuple[str, ...]]:
    column = "id" if table == "accounts" else "account_id"
    return (f" where {column} = ?", (account_id,)) if account_id is not None else ("", ())


def _sqlite_counter(path: Path) -> RowCounter:
    async def count(table: str, account_id: str | None = None) -> int:
        where, args = _where(table, account_id)
        with closing(sqlite3.connect(path)) as db:
            value: int = db.execute(f"select count(*) from {table}{where}", args).fetchone()[0]
        return value

    return count


def _postgres_counter(dsn: str) -> RowCounter:
    async def count(table: str, account_id: str | None = None) -> int:
        where, args = _where(table, account_id)
        conn = await asyncpg.connect(dsn)
        try:
            value: int = await conn.fetchval(f"select count(*) from {table}{where.replace('?', '$1')}", *args)
        finally:
            await conn.close()
        return value

    return count


def _fake_counter(fake: FakeStore) -> RowCounter:
    async def count(table: str, account_id: str | None = None) -> int:
        tables: dict[str, list[str]] = {
            "accounts": list(fake.accounts),
            "identities": list(fake.identity_map.values()),
            "generations": [g.account_id for g in fake.generations_by_id.values()],
            "ledger": [e.account_id for e in fake.entries],
            "payments": [p.account_id for p in fake.payment_rows],
            "admin_audit": [e.account_id or "" for e in fake.audit_entries],
        }
        owners = tables[table]
        return len(owners) if account_id is None else owners.count(account_id)

    return count
