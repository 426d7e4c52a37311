"""Postgres-only Store tests: what the shared contract (test_store.py) cannot say about every implementation.

Round trips through PostgREST, the cached balance column, the consent audit, row-level security, migrations and
outages. Everything else about SupabaseStore is in the contract suite, run against the same real servers.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest
from postgrest.exceptions import APIError
from supabase import AsyncClientOptions, acreate_client

from adapters.supabase.migrate import apply_migrations
from adapters.supabase.store import SupabaseStore
from core.errors import DomainError, ErrorCode, StoreUnavailable
from core.models import Account, LedgerKind, SettingsChange
from core.ports import Settlement
from tests import servers
from tests.contract.store_support import NOW, TODAY, new_account, payment, reserve_request, unique
from tests.server_fixtures import pg_bindir_or_skip, postgrest_or_skip

pytestmark = pytest.mark.servers


async def pg_fetchval(stack: servers.SupabaseStack, sql: str, *args: object) -> object:
    conn = await asyncpg.connect(stack.postgres.dsn)
    try:
        return await conn.fetchval(sql, *args)
    finally:
        await conn.close()


@pytest.fixture
async def counted(
    supabase_store: SupabaseStore, supabase_stack: servers.SupabaseStack
) -> AsyncIterator[tuple[SupabaseStore, servers.RestRouter]]:
    """A second store whose transport records every HTTP request (on the database the first one emptied)."""
    router = servers.RestRouter(supabase_stack.postgrest.url)
    store = await SupabaseStore.connect(servers.SUPABASE_TEST_URL, supabase_stack.service_key(), transport=router)
    yield store, router
    await store.aclose()


# Round trips ---------------------------------------------------------------------------------------------------


async def test_one_generation_costs_a_fixed_handful_of_round_trips(
    counted: tuple[SupabaseStore, servers.RestRouter],
) -> None:
    store, router = counted
    account = await new_account(store, credits=10)
    router.requests.clear()

    generation = await store.reserve(reserve_request(account, count=2))
    await store.set_task_id(generation.id, 0, "t1", NOW)
    await store.set_task_id(generation.id, 1, "t2", NOW)
    await store.settle(generation.id, Settlement(("a.png", "b.png")), NOW)
    await store.mark_delivered(generation.id, NOW)

    assert router.requests == [
        ("POST", "/rpc/reserve"),
        ("POST", "/rpc/set_task_id"),
        ("POST", "/rpc/set_task_id"),
        ("POST", "/rpc/settle"),
        ("PATCH", "/generations"),
    ]


# The cached balance and the audit trail ------------------------------------------------------------------------


async def test_the_cached_credits_column_always_equals_the_ledger_sum(
    supabase_store: SupabaseStore, supabase_stack: servers.SupabaseStack
) -> None:
    account = await new_account(supabase_store, credits=10)
    delivered = await supabase_store.reserve(reserve_request(account, count=2, unit_price=2))
    await supabase_store.settle(delivered.id, Settlement(("a.png",)), NOW)
    failed = await supabase_store.reserve(reserve_request(account, unit_price=3))
    await supabase_store.settle(failed.id, Settlement((), "generation_failed"), NOW)
    await supabase_store.record_payment(payment(account), LedgerKind.PURCHASE, unique("purchase"))
    await supabase_store.add_credits(account.id, -50, LedgerKind.CLAWBACK, unique("clawback"), "refunded", NOW)

    cached = await pg_fetchval(supabase_stack, "select credits from accounts where id = $1", account.id)

    assert cached == sum(e.credits for e in await supabase_store.ledger(account.id)) == 8
    assert (await supabase_store.balance(account.id, TODAY, 0)).paid_credits == 8


async def test_consent_changes_are_audited(
    supabase_store: SupabaseStore, supabase_stack: servers.SupabaseStack
) -> None:
    account = await new_account(supabase_store)

    await supabase_store.give_consent(account.id, NOW)
    await supabase_store.update_settings(account.id, SettingsChange(locale="fr"))
    await supabase_store.give_consent(account.id, NOW)

    audited = await pg_fetchval(supabase_stack, "select count(*) from consents where account_id = $1", account.id)
    assert audited == 1  # given once; giving it again or changing other fields writes no row
    await supabase_store.delete_account(account.id)
    assert await pg_fetchval(supabase_stack, "select count(*) from consents where account_id = $1", account.id) == 0


async def test_a_constraint_violation_is_a_domain_error_not_an_outage(supabase_store: SupabaseStore) -> None:
    ghost = Account(id=unique("ghost"), created_at=NOW)

    with pytest.raises(DomainError) as raised:
        await supabase_store.add_credits(ghost.id, 1, LedgerKind.GRANT, unique("grant"), "", NOW)

    assert raised.value.code == ErrorCode.NOT_FOUND


# Security -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["anon", "authenticated"])
async def test_api_keys_other_than_the_service_role_are_denied(
    supabase_stack: servers.SupabaseStack, supabase_store: SupabaseStore, role: str
) -> None:
    await new_account(supabase_store, credits=5)
    router = servers.RestRouter(supabase_stack.postgrest.url)
    key = servers.make_jwt(role, supabase_stack.postgrest.jwt_secret)
    http = httpx.AsyncClient(transport=router)
    client = await acreate_client(servers.SUPABASE_TEST_URL, key, options=AsyncClientOptions(httpx_client=http))

    with pytest.raises(APIError) as read:
        await client.table("accounts").select("*").execute()
    with pytest.raises(APIError) as spend:
        await client.rpc("add_credits", {
            "p_account_id": "x", "p_credits": 1, "p_kind": "grant", "p_key": "k", "p_note": "", "p_now": NOW.isoformat()
        }).execute()  # fmt: skip

    await http.aclose()
    assert read.value.code == "42501" and spend.value.code == "42501"
    without_rls = await pg_fetchval(
        supabase_stack,
        "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
        "where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity",
    )
    assert without_rls == 0


# Faults and migrations ------------------------------------------------------------------------------------------


async def test_an_unreachable_supabase_is_reported_as_store_unavailable() -> None:
    router = servers.RestRouter(f"http://127.0.0.1:{servers.free_port()}")
    store = await SupabaseStore.connect(servers.SUPABASE_TEST_URL, servers.make_jwt("service_role"), transport=router)
    try:
        with pytest.raises(StoreUnavailable):
            await store.ping()
        with pytest.raises(StoreUnavailable):
            await store.settle("gen-1", Settlement(()), NOW)
    finally:
        await store.aclose()


async def test_migrations_apply_once_to_a_fresh_database(supabase_stack: servers.SupabaseStack) -> None:
    name = f"m_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(supabase_stack.postgres.dsn)
    await admin.execute(f"create database {name}")
    dsn = supabase_stack.postgres.dsn.rsplit("/", 1)[0] + f"/{name}"
    try:
        first = await apply_migrations(dsn, servers.MIGRATIONS_DIR)
        second = await apply_migrations(dsn, servers.MIGRATIONS_DIR)
    finally:
        await admin.execute(f"drop database {name} with (force)")
        await admin.close()

    assert first == sorted(p.name for p in servers.MIGRATIONS_DIR.glob("*.sql")) and second == []


async def test_migrating_an_unreachable_database_is_a_clear_error() -> None:
    with pytest.raises(StoreUnavailable):
        await apply_migrations(
            f"postgresql://postgres@127.0.0.1:{servers.free_port()}/postgres", servers.MIGRATIONS_DIR
        )


async def test_a_postgres_outage_is_store_unavailable_and_the_store_recovers_with_nothing_lost() -> None:
    stack = servers.start_supabase_stack(pg_bindir_or_skip(), postgrest_or_skip())  # its own: this one goes down
    store = await SupabaseStore.connect(
        servers.SUPABASE_TEST_URL, stack.service_key(), transport=servers.RestRouter(stack.postgrest.url)
    )
    try:
        account = await new_account(store, credits=3)
        generation = await store.reserve(reserve_request(account))

        stack.postgres.halt()
        with pytest.raises(StoreUnavailable):
            await store.settle(generation.id, Settlement(("a.png",)), NOW)
        stack.postgres.start()
        for _ in range(250):  # PostgREST reconnects by itself; bounded wait for it
            try:
                await store.ping()
                break
            except StoreUnavailable:
                await asyncio.sleep(0.02)
        settled = await store.settle(generation.id, Settlement(("a.png",)), NOW)

        assert settled.won is True
        assert (await store.balance(account.id, TODAY, 0)).paid_credits == 2
    finally:
        await store.aclose()
        stack.postgrest.stop()
        stack.postgres.stop()
