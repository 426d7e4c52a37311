"""Two bot processes on the production backend share one announcement: each person gets exactly one copy, and
together they keep to Telegram's limits.

`python -m bot run` (Telegram polling, web server, worker) and `python -m bot worker` (a second process delivering
to Telegram) both send announcements, claiming copies from Postgres (through PostgREST, skip locked) and spending
one send budget in Redis. The fake Bot API runs here with its flood control on.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import pytest
from redis.asyncio import Redis

from adapters.supabase.store import SupabaseStore
from core.models import Identity, Platform
from tests import servers
from tests.fakes.telegram_flood import FloodLimitedTelegram
from tests.faults.support import REPO, process_logs
from tests.faults.test_announcement_crash import cli

pytestmark = pytest.mark.servers
TOKEN = "123:TEST"
PEOPLE = 300
FIRST_CHAT = 20_000_000
TIMEOUT_S = 180.0


@pytest.fixture
async def fake() -> AsyncIterator[FloodLimitedTelegram]:
    # Telegram's limits for a bot with a raised overall limit (120 a second here), so the test stays short.
    async with FloodLimitedTelegram(TOKEN, per_second=120) as server:
        yield server


async def seed(gateway: servers.SupabaseGateway, key: str) -> None:
    store = await SupabaseStore.connect(gateway.url, key)
    now = datetime.now(UTC)
    try:
        for n in range(PEOPLE):
            identity = Identity(platform=Platform.TELEGRAM, platform_user_id=str(FIRST_CHAT + n))
            await store.create_account(identity, f"P{n}", "en", now)
    finally:
        await store.aclose()


async def states(dsn: str) -> dict[str, int]:
    db = await asyncpg.connect(dsn)
    try:
        rows = await db.fetch("select state, count(*) as n from announcement_recipients group by state")
    finally:
        await db.close()
    return {row["state"]: row["n"] for row in rows}


async def start(tmp: Path, env: dict[str, str], command: str) -> asyncio.subprocess.Process:
    """`python -m bot <command>` as its own process, its output in `<command>.log`."""
    with (tmp / f"{command}.log").open("wb") as log:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", command, cwd=tmp, stdin=asyncio.subprocess.DEVNULL, stdout=log, stderr=log,
            env={**env, "PORT": str(servers.free_port())},
        )  # fmt: skip


async def all_sent(dsn: str, procs: list[asyncio.subprocess.Process], tmp: Path) -> dict[str, int]:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + TIMEOUT_S
    while (done := await states(dsn)).get("sent", 0) < PEOPLE:
        assert all(p.returncode is None for p in procs), process_logs(tmp)
        assert loop.time() < deadline, (done, process_logs(tmp))
        await asyncio.sleep(0.2)
    return done


async def test_two_processes_on_postgres_and_redis_send_each_person_one_copy_within_the_limits(
    fake: FloodLimitedTelegram,
    tmp_path: Path,
    gateway: servers.SupabaseGateway,
    supabase_stack: servers.SupabaseStack,
    redis_server: servers.RedisServer,
) -> None:
    redis_url = redis_server.url.rsplit("/", 1)[0] + "/7"  # a database no other test uses
    client = Redis.from_url(redis_url)
    await client.flushdb()
    await client.aclose()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "PYTHONPATH": str(REPO),
        "BOT_DATA_DIR": str(tmp_path / "data"),
        "SUPABASE_URL": gateway.url,
        "SUPABASE_SERVICE_ROLE_KEY": supabase_stack.service_key(),
        "REDIS_URL": redis_url,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": fake.base_url,
        "TELEGRAM_BASE_FILE_URL": fake.base_file_url,
        "TELEGRAM_MESSAGES_PER_SECOND": "116",
        "LOG_LEVEL": "WARNING",
    }
    await seed(gateway, supabase_stack.service_key())
    recorded = await cli(tmp_path, env, "announce", "--terms-change", "Our terms now cover video.")
    assert recorded.returncode == 0 and f"recorded for {PEOPLE} people" in recorded.stdout, recorded.stderr

    procs = [await start(tmp_path, env, "run"), await start(tmp_path, env, "worker")]
    try:
        done = await all_sent(supabase_stack.postgres.dsn, procs, tmp_path)
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        for proc in procs:
            await asyncio.wait_for(proc.wait(), 60)

    copies = [c.chat_id for c in fake.calls if c.ok and c.method == "sendMessage"]
    assert sorted(copies) == [FIRST_CHAT + n for n in range(PEOPLE)], "each person exactly once"
    assert done == {"sent": PEOPLE}
    assert fake.flooded == 0, "both processes together kept to the bot's limits (one send budget in Redis)"
    assert all(p.returncode == 0 for p in procs)
