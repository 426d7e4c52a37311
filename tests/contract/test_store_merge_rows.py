"""A merge moves every row keyed by the absorbed account, also in tables added after the merge was written (any
table with a foreign key to accounts: an audit log, consent history, announcement recipients...), on SQLite and
Postgres; a row that would duplicate one of the survivor's goes. Postgres also keeps its cached balance and its
consent audit right."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import asyncpg
import pytest

from adapters.sqlite.store import SqliteStore
from adapters.supabase.store import SupabaseStore
from core.models import Identity, LedgerKind, Platform
from core.ports import LinkCode, LinkRequest, LinkStatus, Store
from tests import servers
from tests.contract.store_support import NOW, TODAY, unique

Sql = Callable[[str], Awaitable[list[tuple[object, ...]]]]
EXTRA = (
    "create table later_notes (id integer primary key, account_id text not null references accounts (id) "
    "on delete cascade, topic text not null, unique (account_id, topic))"
)


@pytest.fixture
async def sqlite_sql(tmp_path: Path) -> AsyncIterator[tuple[Store, Sql]]:
    path = tmp_path / "store.db"
    store = await SqliteStore.open(path)
    with closing(sqlite3.connect(path)) as db:
        db.execute(EXTRA)  # another slice's table, made after the Store's own

    async def sql(statement: str) -> list[tuple[object, ...]]:
        with closing(sqlite3.connect(path)) as db:
            rows = db.execute(statement).fetchall()
            db.commit()
        return [tuple(r) for r in rows]

    yield store, sql
    await store.close()


@pytest.fixture
async def postgres_sql(
    supabase_store: SupabaseStore, supabase_stack: servers.SupabaseStack
) -> AsyncIterator[tuple[Store, Sql]]:
    conn = await asyncpg.connect(supabase_stack.postgres.dsn)
    await conn.execute(EXTRA.replace("integer primary key", "integer generated always as identity primary key"))
    await conn.execute("grant select, insert, update, delete on later_notes to service_role")

    async def sql(statement: str) -> list[tuple[object, ...]]:
        return [tuple(r) for r in await conn.fetch(statement)]

    yield supabase_store, sql
    await conn.execute("drop table later_notes")
    await conn.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.servers)])
def store_sql(request: pytest.FixtureRequest) -> tuple[Store, Sql]:
    pair: tuple[Store, Sql] = request.getfixturevalue(f"{request.param}_sql")
    return pair


async def test_rows_of_a_table_added_later_move_to_the_surviving_account(store_sql: tuple[Store, Sql]) -> None:
    store, sql = store_sql
    keeper = await store.create_account(Identity(platform=Platform.TELEGRAM, platform_user_id="1"), "A", "en", NOW)
    joiner = await store.create_account(Identity(platform=Platform.DISCORD, platform_user_id="2"), "A", "en", NOW)
    await sql(
        f"insert into later_notes (account_id, topic) values ('{keeper.id}', 'welcome'), ('{joiner.id}', 'welcome'), "
        f"('{joiner.id}', 'audit')"
    )
    code = unique("hash")
    await store.save_link_code(LinkCode(code, keeper.id, Platform.TELEGRAM, "", NOW + timedelta(minutes=5)),
                               Identity(platform=Platform.TELEGRAM, platform_user_id="1"), NOW)  # fmt: skip
    await store.add_credits(joiner.id, 4, LedgerKind.GRANT, unique("g"), "", NOW)

    result = await store.link_identity(
        LinkRequest(code, Identity(platform=Platform.DISCORD, platform_user_id="2"), "", TODAY, NOW)
    )

    assert result.status is LinkStatus.MERGED
    notes = sorted(await sql("select account_id, topic from later_notes"))
    assert notes == [(keeper.id, "audit"), (keeper.id, "welcome")]


@pytest.mark.servers
async def test_postgres_keeps_its_cached_balance_and_consent_audit_through_a_merge(
    supabase_store: SupabaseStore, supabase_stack: servers.SupabaseStack
) -> None:
    store = supabase_store
    keeper = await store.create_account(Identity(platform=Platform.TELEGRAM, platform_user_id="1"), "A", "en", NOW)
    joiner = await store.create_account(Identity(platform=Platform.DISCORD, platform_user_id="2"), "A", "en", NOW)
    await store.give_consent(joiner.id, NOW)
    await store.add_credits(keeper.id, 3, LedgerKind.GRANT, unique("g"), "", NOW)
    await store.add_credits(joiner.id, 4, LedgerKind.GRANT, unique("g"), "", NOW)
    code = unique("hash")
    await store.save_link_code(LinkCode(code, keeper.id, Platform.TELEGRAM, "", NOW + timedelta(minutes=5)),
                               Identity(platform=Platform.TELEGRAM, platform_user_id="1"), NOW)  # fmt: skip

    await store.link_identity(LinkRequest(code, Identity(platform=Platform.DISCORD, platform_user_id="2"), "", TODAY,
                                          NOW))  # fmt: skip

    conn = await asyncpg.connect(supabase_stack.postgres.dsn)
    try:
        cached = await conn.fetchval("select credits from accounts where id = $1", keeper.id)
        summed = await conn.fetchval("select sum(credits) from ledger where account_id = $1", keeper.id)
        audits = await conn.fetchval("select count(*) from consents where account_id = $1", keeper.id)
    finally:
        await conn.close()
    merged = await store.get_account(keeper.id)
    assert cached == summed == 7
    assert merged is not None and merged.has_consented and merged.consent_at == NOW
    assert (merged.accepted_terms_version, merged.accepted_policy_version) == ("1", "1")
    assert audits == 1  # the joiner's acceptance, moved with its versions
