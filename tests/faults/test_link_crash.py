"""A merge that dies half-way leaves nothing of itself, and the next confirmation merges exactly once (issue 18).

SQLite: a separate process is SIGKILLed inside the merge's transaction (after its ledger entries, while rows move).
Postgres: the backend running the merge function is terminated while it waits half-way on a row lock.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import pytest

from adapters.sqlite.store import SqliteStore
from adapters.supabase.store import SupabaseStore
from core.errors import StoreUnavailable
from core.models import Account, Identity, LedgerKind, Platform
from core.ports import LinkCode, LinkRequest, LinkStatus, Store
from tests import servers
from tests.contract.store_support import payment, unique
from tests.faults.support import REPO, eventually

ALICE_TG = Identity(platform=Platform.TELEGRAM, platform_user_id="1001")
ALICE_DC = Identity(platform=Platform.DISCORD, platform_user_id="2002")


async def two_accounts(store: Store, now: datetime) -> tuple[Account, Account, str]:
    """Alice on Telegram (12 credits) issued a code; Alice on Discord has 5 credits and a payment."""
    keeper = await store.create_account(ALICE_TG, "Alice", "en", now)
    joiner = await store.create_account(ALICE_DC, "Alice", "en", now)
    await store.add_credits(keeper.id, 12, LedgerKind.GRANT, unique("g"), "", now)
    await store.add_credits(joiner.id, 5, LedgerKind.GRANT, unique("g"), "", now)
    await store.record_payment(payment(joiner, created_at=now), LedgerKind.PURCHASE, unique("p"))
    code_hash = unique("hash")
    code = LinkCode(code_hash, keeper.id, Platform.TELEGRAM, "@alice", now + timedelta(minutes=10))
    await store.save_link_code(code, ALICE_TG, now)
    return keeper, joiner, code_hash


async def assert_untouched(store: Store, keeper: Account, joiner: Account, code_hash: str, now: datetime) -> None:
    found = await store.find_account(ALICE_DC)
    assert found is not None and found.id == joiner.id
    assert (await store.balance(keeper.id, now.date(), 0)).paid_credits == 12
    assert (await store.balance(joiner.id, now.date(), 0)).paid_credits == 55
    assert [e for e in await store.ledger(keeper.id) if e.kind is LedgerKind.MERGE] == []
    code = await store.find_link_code(code_hash)
    assert code is not None and code.used_at is None


async def assert_merged_once(store: Store, keeper: Account, code_hash: str, now: datetime) -> None:
    again = await store.link_identity(LinkRequest(code_hash, ALICE_DC, "", now.date(), now))
    assert again.status is LinkStatus.ALREADY_LINKED
    assert (await store.balance(keeper.id, now.date(), 0)).paid_credits == 67
    assert len([e for e in await store.ledger(keeper.id) if e.kind is LedgerKind.MERGE]) == 2
    assert len(await store.payments(keeper.id)) == 1


async def test_a_merge_killed_half_way_on_sqlite_leaves_nothing_and_the_next_confirmation_merges_once(
    tmp_path: Path,
) -> None:
    db, marker, now = tmp_path / "store.db", tmp_path / "half-way", datetime.now(UTC)
    store = await SqliteStore.open(db)
    keeper, joiner, code_hash = await two_accounts(store, now)
    await store.close()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(REPO)}
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.faults.link_crash_child", str(db), code_hash, "discord", "2002", str(marker),
        cwd=tmp_path, env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip

    await eventually("the merge is half-way", marker.exists, lambda: "", 60.0, child)
    child.send_signal(signal.SIGKILL)
    await child.wait()

    store = await SqliteStore.open(db)
    try:
        await assert_untouched(store, keeper, joiner, code_hash, now)
        merged = await store.link_identity(LinkRequest(code_hash, ALICE_DC, "", now.date(), now))
        assert merged.status is LinkStatus.MERGED
        await assert_merged_once(store, keeper, code_hash, now)
    finally:
        await store.close()


@pytest.mark.servers
async def test_a_merge_whose_database_session_dies_half_way_on_postgres_leaves_nothing(
    supabase_store: SupabaseStore, supabase_stack: servers.SupabaseStack
) -> None:
    store, now = supabase_store, datetime.now(UTC)
    keeper, joiner, code_hash = await two_accounts(store, now)
    blocker = await asyncpg.connect(supabase_stack.postgres.dsn)
    watcher = await asyncpg.connect(supabase_stack.postgres.dsn)
    try:
        blocking = blocker.transaction()
        await blocking.start()
        await blocker.execute("select 1 from payments where account_id = $1 for update", joiner.id)
        merge = asyncio.create_task(store.link_identity(LinkRequest(code_hash, ALICE_DC, "", now.date(), now)))
        killed = await _waiting_merge(watcher)
        await watcher.execute("select pg_terminate_backend($1)", killed)

        await assert_untouched(store, keeper, joiner, code_hash, now)  # the dead session left nothing
        await blocking.rollback()
    finally:
        await blocker.close()
        await watcher.close()
    with contextlib.suppress(StoreUnavailable):  # PostgREST may run it again on a fresh connection, or not
        await merge

    await store.link_identity(LinkRequest(code_hash, ALICE_DC, "", now.date(), now))
    await assert_merged_once(store, keeper, code_hash, now)


async def _waiting_merge(watcher: asyncpg.Connection) -> int:
    """The backend of the merge, once it waits on the row lock half-way through its transaction."""
    for _ in range(500):
        pid = await watcher.fetchval(
            "select pid from pg_stat_activity where wait_event_type = 'Lock' and query like '%link_identity%'"
        )
        if pid is not None:
            return int(pid)
        await asyncio.sleep(0.02)
    raise AssertionError("the merge never reached the locked row")
