"""Shared pieces of the fault tests: a ledger audit read straight from the SQLite file, and an outcome recorder."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import sys
from asyncio.subprocess import Process
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from core.announcements import Reach
from core.models import Balance, Generation, Identity
from core.ports import Notice, QueueSpot, Ready, ResultImages
from core.quota import plan_settlement

if TYPE_CHECKING:
    from tests.fakes.kie import FakeKie

REPO = Path(__file__).resolve().parents[2]


async def start_crash_child(
    tmp: Path, name: str, kie: FakeKie, deliveries: Path, *args: str, env: dict[str, str]
) -> Process:
    """`python -m tests.faults.crash_child` on the data dir under `tmp`, talking to the fake KIE; `env` adds the
    settings of the test. What it prints goes to `<name>.log`, for the failure message."""
    full = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp),
        "PYTHONPATH": str(REPO),
        "BOT_DATA_DIR": str(tmp / "data"),
        "KIE_API_KEY": kie.api_key,
        "KIE_BASE_URL": kie.base_url,
        **env,
    }
    with (tmp / f"{name}.log").open("wb") as log:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "tests.faults.crash_child", str(deliveries), *args,
            cwd=tmp, env=full, stdin=asyncio.subprocess.DEVNULL, stdout=log, stderr=log,
        )  # fmt: skip


def generation_rows(db_path: Path) -> list[sqlite3.Row]:
    """The generations as the bot processes left them in the SQLite file (none before the schema exists)."""
    if not db_path.exists():
        return []
    with sqlite3.connect(db_path) as db:
        db.row_factory = sqlite3.Row
        try:
            return db.execute("select id, status, task_ids, delivered_at from generations").fetchall()
        except sqlite3.OperationalError:  # schema not created yet
            return []


def delivery_lines(path: Path) -> list[dict[str, object]]:
    """What the crash children recorded as sent, one JSON line per delivery."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines()]


def process_logs(folder: Path) -> str:
    """The tail of every child's log in `folder`, for a failure message."""
    return "\n".join(p.read_text(errors="replace")[-3000:] for p in sorted(folder.glob("*.log")))


async def eventually(
    what: str, check: Callable[[], bool], logs: Callable[[], str], timeout_s: float, proc: Process | None = None
) -> None:
    """Await a condition of the shared state (polled); fails loudly if the process died or time ran out."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while not check():
        if proc is not None and proc.returncode is not None:
            raise AssertionError(f"bot exited ({proc.returncode}) before: {what}\n{logs()}")
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for: {what}\n{logs()}")
        await asyncio.sleep(0.02)


def ledger_problems(db_path: Path) -> list[str]:
    """Everything wrong with the money, per generation: one hold, then captures + refunds that add up to it.

    Read with plain sqlite3 (not through the Store), so a bug in the Store cannot hide itself.
    """
    problems: list[str] = []
    with sqlite3.connect(db_path) as db:
        db.row_factory = sqlite3.Row
        generations = db.execute("select * from generations").fetchall()
        for g in generations:
            entries = db.execute(
                "select kind, credits, free_images from ledger where generation_id = ? order by id", (g["id"],)
            ).fetchall()
            problems += _generation_problems(g, entries)
        for account in db.execute("select account_id, sum(credits) as paid from ledger group by account_id"):
            if account["paid"] < 0:
                problems.append(f"account {account['account_id']}: negative balance {account['paid']}")
    return problems


def _generation_problems(g: sqlite3.Row, entries: Sequence[sqlite3.Row]) -> list[str]:
    gid = g["id"][:8]
    kinds = [e["kind"] for e in entries]
    if g["status"] not in ("succeeded", "failed"):
        return [f"{gid}: still {g['status']}"]
    if kinds.count("hold") != 1 or kinds.count("capture") > 1 or kinds.count("refund") > 1:
        return [f"{gid}: ledger entries {kinds}"]
    hold = json.loads(g["hold"])
    delivered = len(json.loads(g["image_keys"]))
    plan = plan_settlement(hold["free_images"], hold["paid_credits"], hold["unit_price"], delivered)
    by_kind = {e["kind"]: e for e in entries}
    held = by_kind["hold"]
    refund = by_kind.get("refund")
    refunded = (refund["credits"], refund["free_images"]) if refund else (0, 0)
    problems = []
    if (-held["credits"], -held["free_images"]) != (hold["paid_credits"], hold["free_images"]):
        problems.append(f"{gid}: hold entry {dict(held)} differs from the hold {hold}")
    if refunded != (plan.refunded_credits, plan.refunded_free):
        problems.append(f"{gid}: refunded {refunded}, expected {plan}")
    if ("capture" in by_kind) != bool(plan.captured_credits or plan.captured_free):
        problems.append(f"{gid}: capture entry {'present' if 'capture' in by_kind else 'missing'} for {plan}")
    if g["status"] == "failed" and delivered:
        problems.append(f"{gid}: failed with {delivered} images")
    return problems


class OutcomeLog:
    """A Messenger that records each finished generation (delivered or failed) and lets tests await a count."""

    def __init__(self) -> None:
        self.outcomes: list[tuple[str, str]] = []  # (generation id, "delivered" | "failed")
        self._changed = asyncio.Condition()

    async def _add(self, generation_id: str, what: str) -> None:
        async with self._changed:
            self.outcomes.append((generation_id, what))
            self._changed.notify_all()

    async def progress(self, generation: Generation, stage: str, done: int, locale: str) -> None:
        return None

    async def queued(self, generation: Generation, spot: QueueSpot, locale: str) -> None:
        return None

    async def deliver(self, generation: Generation, images: ResultImages, balance: Balance | None, locale: str) -> None:
        await self._add(generation.id, "delivered")

    async def tidy(self, generation: Generation, locale: str) -> None:
        return None

    async def failed(self, generation: Generation, locale: str) -> None:
        await self._add(generation.id, "failed")

    async def notify(self, identity: Identity, notice: Notice, locale: str) -> bool:
        return True

    async def announce(self, identity: Identity, text: str, ready: Ready) -> Reach:
        return Reach.SENT if await ready() else Reach.NOT_STARTED

    async def wait_until(self, predicate: Callable[[], bool], timeout_s: float) -> None:
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(predicate), timeout_s)
