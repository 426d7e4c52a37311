"""Crash: the bot process is SIGKILLed with 20 generations running at KIE, and a fresh process takes over.

Both processes are real (`tests/faults/crash_child.py`: the real wiring, SQLite in a shared data dir, the real KIE
client) and FakeKie runs here, in the test process, so it outlives them. Tasks at FakeKie never finish on their
own: the test finishes them, so what is running at the moment of the kill is decided, not raced.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sqlite3
from collections import Counter
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from tests.fakes.kie import FakeKie, Outcome
from tests.faults.support import (
    delivery_lines,
    eventually,
    generation_rows,
    ledger_problems,
    process_logs,
    start_crash_child,
)

IN_FLIGHT = 20
TIMEOUT_S = 60.0


@pytest.fixture
async def kie() -> AsyncIterator[FakeKie]:
    async with FakeKie() as fake:
        fake.outcome = Outcome(polls=None)
        yield fake


class Bot:
    """One bot process on the shared data dir; its stderr is kept for the failure message."""

    def __init__(self, tmp: Path, kie: FakeKie) -> None:
        self.tmp, self.kie = tmp, kie
        self.db = tmp / "data" / "bot.sqlite3"
        self.deliveries = tmp / "deliveries.jsonl"
        self.proc: asyncio.subprocess.Process | None = None

    async def start(self, seed: int = 0, name: str = "bot") -> asyncio.subprocess.Process:
        env = {"FREE_IMAGES_PER_DAY": "1"}
        self.proc = await start_crash_child(self.tmp, name, self.kie, self.deliveries, "--seed", str(seed), env=env)
        return self.proc

    def rows(self) -> list[sqlite3.Row]:
        return generation_rows(self.db)

    def delivered_lines(self) -> list[dict[str, object]]:
        return delivery_lines(self.deliveries)

    async def eventually(self, what: str, check: Callable[[], bool]) -> None:
        await eventually(what, check, self.logs, TIMEOUT_S, self.proc)

    def logs(self) -> str:
        return process_logs(self.tmp)


def task_of(row: sqlite3.Row) -> str:
    task_ids: list[str] = json.loads(row["task_ids"])
    return task_ids[0]


async def test_a_bot_killed_with_twenty_generations_running_delivers_each_once_after_restart_without_resubmitting(
    kie: FakeKie, tmp_path: Path
) -> None:
    bot = Bot(tmp_path, kie)
    first = await bot.start(seed=IN_FLIGHT, name="first")
    await bot.eventually(
        "20 generations submitted to KIE and their task ids saved",
        lambda: len(rows := bot.rows()) == IN_FLIGHT and all(task_of(r) for r in rows),
    )
    early = [task_of(r) for r in bot.rows()][:5]
    for task_id in early:
        await kie.complete(task_id)
    await bot.eventually(
        "5 results delivered and marked", lambda: sum(bool(r["delivered_at"]) for r in bot.rows()) == 5
    )

    first.send_signal(signal.SIGKILL)
    assert await first.wait() == -signal.SIGKILL
    still_running = [task_of(r) for r in bot.rows() if r["status"] == "running"]
    for task_id in still_running[:2]:
        await kie.fail(task_id, "Failed to generate image")
    for task_id in still_running[2:]:
        await kie.complete(task_id)
    second = await bot.start(name="second")
    await bot.eventually("every generation delivered", lambda: all(r["delivered_at"] for r in bot.rows()))
    second.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(second.wait(), TIMEOUT_S) == 0, bot.logs()

    lines = bot.delivered_lines()
    rows = bot.rows()
    assert len(still_running) == IN_FLIGHT - 5
    assert sorted(str(line["generation_id"]) for line in lines) == sorted(r["id"] for r in rows)  # once each
    assert Counter(line["pid"] for line in lines) == {first.pid: 5, second.pid: IN_FLIGHT - 5}
    assert Counter(str(line["outcome"]) for line in lines) == {"delivered": IN_FLIGHT - 2, "failed": 2}
    assert len(kie.creates) == IN_FLIGHT  # the running tasks were followed, never resubmitted
    assert Counter(r["status"] for r in rows) == {"succeeded": IN_FLIGHT - 2, "failed": 2}
    assert ledger_problems(bot.db) == []
