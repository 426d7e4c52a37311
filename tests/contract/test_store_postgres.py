"""SupabaseStore on a real Postgres behind a real PostgREST, driven through supabase-py's async client.

What only a shared SQL database can get wrong: races between processes, money under contention, round trips,
cascading deletion and row-level security.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta

import asyncpg
import httpx
import pytest
from postgrest.exceptions import APIError
from supabase import AsyncClientOptions, acreate_client

from adapters.supabase.migrate import apply_migrations
from adapters.supabase.store import SupabaseStore
from core.errors import DomainError, ErrorCode, StoreUnavailable
from core.models import (
    Account,
    DeliveryTarget,
    GenerationRequest,
    GenerationStatus,
    Identity,
    LedgerKind,
    Payment,
    Platform,
)
from core.ports import ReserveRequest, Settlement
from tests import servers
from tests.server_fixtures import pg_bindir_or_skip, postgrest_or_skip

pytestmark = pytest.mark.servers

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
TODAY = NOW.date()
TARGET = DeliveryTarget(platform=Platform.TELEGRAM, chat_id="42", reply_to="7")


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
) -> ReserveRequest:
    return ReserveRequest(
        generation_id=generation_id or unique("gen"),
        account_id=account.id,
        request=GenerationRequest(prompt="a red fox in the snow", count=count),
        delivery=TARGET,
        unit_price=unit_price,
        free_eligible=free_eligible,
        free_per_day=free_per_day,
        max_running=max_running,
        day=day,
        now=NOW,
    )


async def new_account(store: SupabaseStore, credits: int = 0) -> Account:
    account = await store.create_account(
        Identity(platform=Platform.TELEGRAM, platform_user_id=unique("tg")), "Ada", "en", NOW
    )
    if credits:
        await store.add_credits(account.id, credits, LedgerKind.GRANT, unique("grant"), "welcome", NOW)
    return account


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


# Money ----------------------------------------------------------------------------------------------------------


async def test_a_delivered_generation_keeps_the_hold_and_the_ledger_sums_to_the_balance(
    supabase_store: SupabaseStore, supabase_stack: servers.SupabaseStack
) -> None:
    account = await new_account(supabase_store, credits=10)

    generation = await supabase_store.reserve(reserve_request(account, count=2, unit_price=2, free_per_day=1))
    settled = await supabase_store.settle(generation.id, Settlement(image_keys=("a.png", "b.png")), NOW)

    assert settled is True
    assert generation.hold.free_images == 1 and generation.hold.paid_credits == 2
    entries = await supabase_store.ledger(account.id)
    assert [e.kind for e in entries] == [LedgerKind.GRANT, LedgerKind.HOLD, LedgerKind.CAPTURE]
    balance = await supabase_store.balance(account.id, TODAY, free_per_day=1)
    assert (balance.paid_credits, balance.free_left) == (8, 0)
    assert sum(e.credits for e in entries) == 8
    assert await pg_fetchval(supabase_stack, "select credits from accounts where id = $1", account.id) == 8


async def test_a_partly_delivered_generation_spends_free_images_first_and_refunds_the_rest(
    supabase_store: SupabaseStore,
) -> None:
    account = await new_account(supabase_store, credits=10)

    generation = await supabase_store.reserve(reserve_request(account, count=3, unit_price=2, free_per_day=1))
    await supabase_store.settle(generation.id, Settlement(image_keys=("a.png",)), NOW)

    refund = [e for e in await supabase_store.ledger(account.id) if e.kind == LedgerKind.REFUND]
    assert [(e.credits, e.free_images, e.idempotency_key) for e in refund] == [(4, 0, f"refund:{generation.id}")]
    balance = await supabase_store.balance(account.id, TODAY, free_per_day=1)
    assert (balance.paid_credits, balance.free_left) == (10, 0)
    stored = await supabase_store.get_generation(generation.id)
    assert stored is not None and stored.status == GenerationStatus.SUCCEEDED and stored.image_keys == ("a.png",)


async def test_a_failed_generation_gives_back_credits_and_free_images(supabase_store: SupabaseStore) -> None:
    account = await new_account(supabase_store, credits=5)

    generation = await supabase_store.reserve(reserve_request(account, count=2, unit_price=3, free_per_day=1))
    await supabase_store.settle(generation.id, Settlement((), "generation_failed", "content policy"), NOW)

    stored = await supabase_store.get_generation(generation.id)
    assert stored is not None and stored.status == GenerationStatus.FAILED
    assert stored.error_code == "generation_failed"
    balance = await supabase_store.balance(account.id, TODAY, free_per_day=1)
    assert (balance.paid_credits, balance.free_left) == (5, 1)
    kinds = [e.kind for e in await supabase_store.ledger(account.id)]
    assert kinds == [LedgerKind.GRANT, LedgerKind.HOLD, LedgerKind.REFUND]


async def test_an_overspend_is_refused_and_writes_nothing(supabase_store: SupabaseStore) -> None:
    account = await new_account(supabase_store, credits=3)

    with pytest.raises(DomainError) as refused:
        await supabase_store.reserve(reserve_request(account, count=2, unit_price=2))

    assert refused.value.code == ErrorCode.INSUFFICIENT_CREDITS
    assert refused.value.params == {"needed": 4, "credits": 3}
    assert await supabase_store.generations(account.id) == []
    assert len(await supabase_store.ledger(account.id)) == 1


async def test_free_images_do_not_cover_resolutions_above_the_cap(supabase_store: SupabaseStore) -> None:
    account = await new_account(supabase_store, credits=4)

    generation = await supabase_store.reserve(
        reserve_request(account, unit_price=4, free_per_day=3, free_eligible=False)
    )

    assert (generation.hold.free_images, generation.hold.paid_credits) == (0, 4)
    balance = await supabase_store.balance(account.id, TODAY, free_per_day=3)
    assert (balance.paid_credits, balance.free_left) == (0, 3)


async def test_free_images_come_back_the_next_utc_day(supabase_store: SupabaseStore) -> None:
    account = await new_account(supabase_store)
    await supabase_store.reserve(reserve_request(account, count=2, free_per_day=2))

    assert (await supabase_store.balance(account.id, TODAY, 2)).free_left == 0
    assert (await supabase_store.balance(account.id, TODAY + timedelta(days=1), 2)).free_left == 2


async def test_a_clawback_can_make_the_balance_negative_but_a_reservation_never_does(
    supabase_store: SupabaseStore,
) -> None:
    account = await new_account(supabase_store, credits=2)
    await supabase_store.add_credits(account.id, -5, LedgerKind.CLAWBACK, unique("clawback"), "refunded", NOW)

    free = await supabase_store.reserve(reserve_request(account, free_per_day=1))
    with pytest.raises(DomainError) as refused:
        await supabase_store.reserve(reserve_request(account, free_per_day=1))

    assert free.hold.free_images == 1
    assert refused.value.code == ErrorCode.INSUFFICIENT_CREDITS
    assert (await supabase_store.balance(account.id, TODAY, 1)).paid_credits == -3


async def test_a_replayed_reservation_returns_the_same_hold_without_charging_twice(
    supabase_store: SupabaseStore,
) -> None:
    account = await new_account(supabase_store, credits=5)
    request = reserve_request(account, unit_price=2)

    first = await supabase_store.reserve(request)
    second = await supabase_store.reserve(request)

    assert first == second
    assert (await supabase_store.balance(account.id, TODAY, 0)).paid_credits == 3


# Concurrency ----------------------------------------------------------------------------------------------------


async def test_a_thousand_concurrent_reservations_with_credits_for_a_hundred_let_exactly_a_hundred_through(
    supabase_store: SupabaseStore, supabase_stack: servers.SupabaseStack
) -> None:
    account = await new_account(supabase_store, credits=100)

    results = await asyncio.gather(
        *(supabase_store.reserve(reserve_request(account, max_running=10_000)) for _ in range(1000)),
        return_exceptions=True,
    )

    won = [r for r in results if not isinstance(r, BaseException)]
    refused = [r for r in results if isinstance(r, DomainError) and r.code == ErrorCode.INSUFFICIENT_CREDITS]
    assert (len(won), len(refused)) == (100, 900)
    assert (await supabase_store.balance(account.id, TODAY, 0)).paid_credits == 0
    holds = await pg_fetchval(
        supabase_stack, "select count(*) from ledger where account_id = $1 and kind = 'hold'", account.id
    )
    assert holds == 100


async def test_concurrent_reservations_never_exceed_the_running_limit(supabase_store: SupabaseStore) -> None:
    account = await new_account(supabase_store, credits=1000)

    results = await asyncio.gather(
        *(supabase_store.reserve(reserve_request(account, max_running=3)) for _ in range(60)),
        return_exceptions=True,
    )

    won = [r for r in results if not isinstance(r, BaseException)]
    limited = [r for r in results if isinstance(r, DomainError) and r.code == ErrorCode.TOO_MANY_RUNNING]
    assert (len(won), len(limited)) == (3, 57)
    assert limited[0].params == {"limit": 3}
    assert (await supabase_store.balance(account.id, TODAY, 0)).paid_credits == 997


async def test_two_workers_settling_one_generation_move_money_once(supabase_store: SupabaseStore) -> None:
    account = await new_account(supabase_store, credits=10)
    generation = await supabase_store.reserve(reserve_request(account, count=2, unit_price=2))

    outcomes = await asyncio.gather(
        supabase_store.settle(generation.id, Settlement(("a.png", "b.png")), NOW),
        supabase_store.settle(generation.id, Settlement((), "generation_timeout"), NOW),
    )
    late = await supabase_store.settle(generation.id, Settlement(("a.png",)), NOW)

    assert sorted(outcomes) == [False, True] and late is False
    kinds = [e.kind for e in await supabase_store.ledger(account.id)]
    assert kinds.count(LedgerKind.CAPTURE) + kinds.count(LedgerKind.REFUND) == 1
    balance = (await supabase_store.balance(account.id, TODAY, 0)).paid_credits
    assert balance == (6 if outcomes[0] else 10)


async def test_racing_first_contacts_of_one_person_create_one_account(
    supabase_store: SupabaseStore, supabase_stack: servers.SupabaseStack
) -> None:
    identity = Identity(platform=Platform.DISCORD, platform_user_id=unique("dc"))

    accounts = await asyncio.gather(*(supabase_store.create_account(identity, "Bo", "de", NOW) for _ in range(20)))

    assert len({a.id for a in accounts}) == 1
    assert await pg_fetchval(supabase_stack, "select count(*) from accounts") == 1
    assert await supabase_store.find_account(identity) == accounts[0]


# Idempotency ----------------------------------------------------------------------------------------------------


async def test_credits_are_granted_once_per_key_even_when_replayed_concurrently(supabase_store: SupabaseStore) -> None:
    account = await new_account(supabase_store)

    results = await asyncio.gather(
        *(supabase_store.add_credits(account.id, 7, LedgerKind.GRANT, "welcome:ada", "", NOW) for _ in range(20))
    )

    assert results.count(True) == 1
    assert (await supabase_store.balance(account.id, TODAY, 0)).paid_credits == 7


async def test_a_payment_replayed_twenty_times_at_once_is_recorded_and_credited_once(
    supabase_store: SupabaseStore,
) -> None:
    account = await new_account(supabase_store)
    payment = Payment(
        id="pay_1", account_id=account.id, provider="creem", provider_ref="ord_9", product_id="pack_50",
        credits=50, status="paid", created_at=NOW,
    )  # fmt: skip

    results = await asyncio.gather(
        *(supabase_store.record_payment(payment, LedgerKind.PURCHASE, "purchase:ord_9") for _ in range(20))
    )

    assert results.count(True) == 1
    assert await supabase_store.payments(account.id) == [payment]
    assert await supabase_store.find_payment("creem", "ord_9") == payment
    assert (await supabase_store.balance(account.id, TODAY, 0)).paid_credits == 50


async def test_a_webhook_event_is_processed_once(supabase_store: SupabaseStore) -> None:
    first = await supabase_store.record_event("creem", "evt_1", NOW)
    again = await supabase_store.record_event("creem", "evt_1", NOW)
    other_provider = await supabase_store.record_event("kie", "evt_1", NOW)

    assert (first, again, other_provider) == (True, False, True)


# Generations ----------------------------------------------------------------------------------------------------


async def test_a_task_id_is_kept_in_its_slot_and_the_generation_is_running(supabase_store: SupabaseStore) -> None:
    account = await new_account(supabase_store, credits=5)
    generation = await supabase_store.reserve(reserve_request(account, count=2))

    await supabase_store.set_task_id(generation.id, 1, "task_b", NOW)

    stored = await supabase_store.get_generation(generation.id)
    assert stored is not None
    assert (stored.status, stored.task_ids) == (GenerationStatus.RUNNING, ("", "task_b"))


async def test_unfinished_lists_queued_running_and_undelivered_generations_until_delivered(
    supabase_store: SupabaseStore,
) -> None:
    account = await new_account(supabase_store, credits=5)
    queued = await supabase_store.reserve(reserve_request(account))
    done = await supabase_store.reserve(reserve_request(account))
    await supabase_store.settle(done.id, Settlement(("x.png",)), NOW)

    before = {g.id for g in await supabase_store.unfinished()}
    first_mark = await supabase_store.mark_delivered(done.id, NOW)
    second_mark = await supabase_store.mark_delivered(done.id, NOW)
    after = {g.id for g in await supabase_store.unfinished()}

    assert before == {queued.id, done.id} and after == {queued.id}
    assert (first_mark, second_mark) == (True, False)


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


# Accounts, deletion, security ------------------------------------------------------------------------------------


async def test_saved_settings_and_consent_are_read_back_and_consent_is_audited(
    supabase_store: SupabaseStore, supabase_stack: servers.SupabaseStack
) -> None:
    account = await new_account(supabase_store)
    changed = account.model_copy(
        update={"consent_at": NOW, "age_confirmed": True, "default_resolution": "2K", "plan": "pro", "locale": "fr"}
    )

    await supabase_store.save_account(changed)

    assert await supabase_store.get_account(account.id) == changed
    assert (await supabase_store.balance(account.id, TODAY, 0)).plan == "pro"
    audited = await pg_fetchval(supabase_stack, "select count(*) from consents where account_id = $1", account.id)
    assert audited == 1


async def test_deleting_an_account_leaves_no_row_that_refers_to_it(
    supabase_store: SupabaseStore, supabase_stack: servers.SupabaseStack
) -> None:
    account = await new_account(supabase_store, credits=5)
    await supabase_store.save_account(account.model_copy(update={"consent_at": NOW, "age_confirmed": True}))
    generation = await supabase_store.reserve(reserve_request(account))
    await supabase_store.settle(generation.id, Settlement(("a.png",)), NOW)
    payment = Payment(
        id=unique("pay"), account_id=account.id, provider="creem", provider_ref=unique("ord"), product_id=None,
        credits=5, status="paid", created_at=NOW,
    )  # fmt: skip
    await supabase_store.record_payment(payment, LedgerKind.PURCHASE, unique("purchase"))
    survivor = await new_account(supabase_store, credits=1)

    await supabase_store.delete_account(account.id)

    for table in ("identities", "consents", "generations", "ledger", "payments"):
        left = await pg_fetchval(supabase_stack, f"select count(*) from {table} where account_id = $1", account.id)
        assert left == 0, table
    assert await pg_fetchval(supabase_stack, "select count(*) from accounts where id = $1", account.id) == 0
    assert await supabase_store.get_account(survivor.id) is not None
    assert len(await supabase_store.ledger(survivor.id)) == 1


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

        assert settled is True
        assert (await store.balance(account.id, TODAY, 0)).paid_credits == 2
    finally:
        await store.aclose()
        stack.postgrest.stop()
        stack.postgres.stop()
