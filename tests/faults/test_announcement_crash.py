"""An announcement to 2,000 people on Telegram survives a SIGKILL half-way: each person gets exactly one copy.

Everything is real but Telegram: the announcement is recorded with `python -m bot announce --policy-change`, and
`python -m bot run` (its own process: the real wiring, python-telegram-bot, SQLite) sends it to the fake Bot API,
which runs here, with its flood control on, and outlives the bot. Half-way the fake stops answering messages, so
the sends in flight at the kill have reached it (what Telegram would have delivered), the bot is SIGKILLed, and a
fresh `python -m bot run` finishes the job. What is decided, not raced: the kill lands with every in-flight send
received and unanswered — the case that would send a second copy if the bot resent what it could not confirm.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from adapters.sqlite.store import SqliteStore
from core.announcer import IN_FLIGHT
from core.models import Identity, Platform
from tests.fakes.telegram_api import Call
from tests.fakes.telegram_flood import FloodLimitedTelegram
from tests.faults.support import REPO, eventually, process_logs
from tests.servers import free_port

TOKEN = "123:TEST"
PEOPLE = 2000
FIRST_CHAT = 10_000_000
BLOCKED = {FIRST_CHAT + 7, FIRST_CHAT + 1500}  # they blocked the bot: 403, recorded, never sent again
NOTICE = "From 1 January we keep prompts for 30 days instead of 90."
PER_SECOND = int(os.environ.get("ANNOUNCE_TEST_PER_SECOND", "200"))
TIMEOUT_S = 240.0 * 200 / PER_SECOND


class HoldingTelegram(FloodLimitedTelegram):
    """Counts every announcement it received, and can stop answering (holding the request, as a slow network
    would) while still having received it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(TOKEN, **kwargs)
        self.received: Counter[int] = Counter()
        self.answering = asyncio.Event()
        self.answering.set()
        self.held = 0

    async def _send_message(self, call: Call) -> dict[str, Any]:
        message = await super()._send_message(call)
        self.received[int(call.params["chat_id"])] += 1
        if not self.answering.is_set():
            self.held += 1
            await self.answering.wait()
        return message


@pytest.fixture
async def fake() -> AsyncIterator[HoldingTelegram]:
    # Telegram's limits, raised as for a bot with paid broadcasts (Telegram allows up to 1,000 messages a second
    # for them), so 2,000 copies fit a test: 200 in any second for the bot, one a second per chat. A run at the
    # ordinary 30 a second: ANNOUNCE_TEST_PER_SECOND=30 (announcements then go at ~7 a second: about 5 minutes).
    server = HoldingTelegram(per_second=PER_SECOND)
    async with server:
        yield server
        server.answering.set()


def env_for(tmp: Path, fake: HoldingTelegram) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp),
        "PYTHONPATH": str(REPO),
        "BOT_DATA_DIR": str(tmp / "data"),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": fake.base_url,
        "TELEGRAM_BASE_FILE_URL": fake.base_file_url,
        "TELEGRAM_MESSAGES_PER_SECOND": str(PER_SECOND * 0.95),
        "ANNOUNCE_LEASE_S": "3",
        "PORT": str(free_port()),
        "LOG_LEVEL": "WARNING",
    }


async def seed(db: Path) -> None:
    store = await SqliteStore.open(db)
    now = datetime.now(UTC)
    try:
        for n in range(PEOPLE):
            identity = Identity(platform=Platform.TELEGRAM, platform_user_id=str(FIRST_CHAT + n))
            account = await store.create_account(identity, f"P{n}", "en", now)
            await store.give_consent(account.id, now)
    finally:
        await store.close()


async def start_bot(tmp: Path, env: dict[str, str], name: str) -> asyncio.subprocess.Process:
    with (tmp / f"{name}.log").open("wb") as log:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=tmp, env=env,
            stdin=asyncio.subprocess.DEVNULL, stdout=log, stderr=log,
        )  # fmt: skip


async def cli(tmp: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m bot …` as the operator runs it, to the end."""
    command = [sys.executable, "-m", "bot", *args]
    return await asyncio.to_thread(
        subprocess.run, command, env=env, cwd=tmp, capture_output=True, text=True, timeout=120, check=False
    )


def states(db: Path) -> Counter[str]:
    with sqlite3.connect(db) as conn:
        return Counter(dict(conn.execute("select state, count(*) from announcement_recipients group by state")))


async def test_an_announcement_to_two_thousand_people_killed_half_way_reaches_each_exactly_once(
    fake: HoldingTelegram, tmp_path: Path
) -> None:
    env, db = env_for(tmp_path, fake), tmp_path / "data" / "bot.sqlite3"
    await seed(db)
    for chat in BLOCKED:
        fake.block(chat)
    fake.flood(3, retry_after=1)  # the first sends meet flood control: they wait and go again
    recorded = await cli(tmp_path, env, "announce", "--policy-change", NOTICE)
    assert recorded.returncode == 0, recorded.stderr
    assert f"recorded for {PEOPLE} people" in recorded.stdout

    def logs() -> str:
        return process_logs(tmp_path)

    first = await start_bot(tmp_path, env, "first")
    await eventually("half the copies sent", lambda: sum(fake.received.values()) >= PEOPLE // 2, logs, TIMEOUT_S, first)
    fake.answering.clear()
    await eventually("every send in flight held by Telegram", lambda: fake.held >= IN_FLIGHT, logs, TIMEOUT_S, first)
    first.send_signal(signal.SIGKILL)
    await first.wait()
    fake.answering.set()
    at_kill = states(db)

    second = await start_bot(tmp_path, env, "second")
    try:
        await eventually("every copy done", lambda: _done(states(db)), logs, TIMEOUT_S, second)
    finally:
        second.send_signal(signal.SIGTERM)
        await second.wait()

    final = states(db)
    reachable = PEOPLE - len(BLOCKED)
    assert at_kill["sending"] == IN_FLIGHT, at_kill
    assert set(fake.received) == {FIRST_CHAT + n for n in range(PEOPLE)} - BLOCKED
    assert max(fake.received.values()) == 1, "nobody gets a second copy"
    assert final == {"sent": reachable - IN_FLIGHT, "uncertain": IN_FLIGHT, "blocked": len(BLOCKED)}, final
    assert fake.flooded == 0  # the bot kept to the limits by itself (the three scripted 429s aside)
    text = next(c.params["text"] for c in fake.calls if c.method == "sendMessage" and c.ok)
    assert text.startswith("📣 Our privacy policy has changed.") and NOTICE in text
    status = await cli(tmp_path, env, "announce", "--status")
    assert f"sent {reachable - IN_FLIGHT:,} · blocked 2 · failed 0 · skipped 0 · uncertain {IN_FLIGHT}" in status.stdout
    assert "remaining 0 · done" in status.stdout


def _done(counts: Counter[str]) -> bool:
    return sum(counts.values()) == PEOPLE and not (counts["pending"] or counts["claimed"] or counts["sending"])
