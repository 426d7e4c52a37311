"""Crash windows on a real Redis queue: a worker process SIGKILLed right after KIE's createTask (before it saved the
task id), or right after sending a result (before tidying the status message), and a second worker takes over.

Either way: exactly one KIE task and one result per generation, and the ledger balances. Both workers are real
processes (`tests/faults/crash_child.py`: the real wiring with REDIS_URL, SQLite in a shared data dir, the real KIE
client); FakeKie runs here, so it outlives them and decides the moment of each kill.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sqlite3
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import httpx
import pytest

from tests import servers
from tests.fakes.kie import FakeKie, FakeTask, Outcome
from tests.faults.support import (
    delivery_lines,
    eventually,
    generation_rows,
    ledger_problems,
    process_logs,
    start_crash_child,
)

TIMEOUT_S = 60.0
pytestmark = pytest.mark.servers


@pytest.fixture
async def kie() -> AsyncIterator[FakeKie]:
    async with FakeKie() as fake:
        yield fake


class Workers:
    """Worker processes on one Redis (its own database) and one data dir; the second one also serves callbacks."""

    def __init__(self, tmp: Path, kie: FakeKie, redis: servers.RedisServer) -> None:
        self.tmp, self.kie = tmp, kie
        self.redis_url = redis.url.rsplit("/", 1)[0] + "/9"  # a database no other test uses
        self.web_port = servers.free_port()
        self.db = tmp / "data" / "bot.sqlite3"
        self.deliveries = tmp / "deliveries.jsonl"
        self.procs: list[asyncio.subprocess.Process] = []

    async def start(self, name: str, *args: str, env: dict[str, str] | None = None) -> asyncio.subprocess.Process:
        settings = {
            "PUBLIC_BASE_URL": f"http://127.0.0.1:{self.web_port}",
            "REDIS_URL": self.redis_url,
            "QUEUE_HEARTBEAT_S": "0.2",  # a killed worker is known dead within a second
            "KIE_CREATE_LIMIT": "1000",  # both creates at once (the create budget has tests of its own)
            "FREE_IMAGES_PER_DAY": "1",
            **(env or {}),
        }
        proc = await start_crash_child(self.tmp, name, self.kie, self.deliveries, *args, env=settings)
        self.procs.append(proc)
        return proc

    async def stop_all(self) -> None:
        for proc in self.procs:
            if proc.returncode is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs:
            await asyncio.wait_for(proc.wait(), TIMEOUT_S)

    def rows(self) -> list[sqlite3.Row]:
        return generation_rows(self.db)

    def lines(self) -> list[dict[str, object]]:
        return delivery_lines(self.deliveries)

    async def eventually(self, what: str, check: Callable[[], bool]) -> None:
        await eventually(what, check, self.logs, TIMEOUT_S)

    async def eventually_async(self, what: str, check: Callable[[], Awaitable[bool]]) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + TIMEOUT_S
        while not await check():
            if loop.time() > deadline:
                raise AssertionError(f"timed out waiting for: {what}\n{self.logs()}")
            await asyncio.sleep(0.05)

    async def web_up(self) -> None:
        async with httpx.AsyncClient() as client:
            for _ in range(int(TIMEOUT_S / 0.05)):
                try:
                    if (await client.get(f"http://127.0.0.1:{self.web_port}/healthz")).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.05)
        raise AssertionError(f"the second worker's web server never came up\n{self.logs()}")

    def logs(self) -> str:
        return process_logs(self.tmp)


@pytest.fixture
async def workers(tmp_path: Path, kie: FakeKie, redis_server: servers.RedisServer) -> AsyncIterator[Workers]:
    group = Workers(tmp_path, kie, redis_server)
    yield group
    for proc in group.procs:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


async def test_a_worker_killed_right_after_create_task_leaves_one_kie_task_which_the_next_worker_delivers(
    kie: FakeKie, workers: Workers
) -> None:
    kie.outcome = Outcome(polls=None)
    victims: list[asyncio.subprocess.Process] = []

    async def kill_the_creator(task: FakeTask) -> None:
        """KIE has created (and charged) the task; the worker dies before it reads the answer."""
        victims[0].send_signal(signal.SIGKILL)
        await victims[0].wait()

    kie.on_created = kill_the_creator
    victims.append(await workers.start("first", "--seed", "1"))
    await workers.eventually("KIE created the task", lambda: len(kie.tasks) == 1)
    assert await victims[0].wait() == -signal.SIGKILL
    [orphan] = kie.tasks
    assert [json.loads(r["task_ids"]) for r in workers.rows()] == [[""]]  # the task id never reached the Store

    await workers.start("second", "--web", str(workers.web_port))
    await workers.web_up()
    await kie.complete(orphan)  # its callback names the generation and slot: the second worker adopts it
    await workers.eventually("the result delivered", lambda: all(r["delivered_at"] for r in workers.rows()))
    await workers.stop_all()

    [row] = workers.rows()
    assert len(kie.creates) == 1
    assert json.loads(row["task_ids"]) == [orphan] and row["status"] == "succeeded"
    assert [(line["generation_id"], line["outcome"]) for line in workers.lines()] == [(row["id"], "delivered")]
    assert ledger_problems(workers.db) == []


async def test_a_worker_killed_right_after_sending_a_result_never_has_it_sent_again(
    kie: FakeKie, workers: Workers
) -> None:
    fates = iter([Outcome(polls=2), Outcome(polls=None)])  # one result now, the other only after the kill
    kie.outcome_for = lambda: next(fates)
    first = await workers.start("first", "--seed", "2", "--die-after-result")
    assert await asyncio.wait_for(first.wait(), TIMEOUT_S) == -signal.SIGKILL, workers.logs()
    assert len(workers.lines()) == 1

    second = await workers.start("second")
    await kie.complete(next(t.task_id for t in kie.tasks.values() if not t.finished))
    await workers.eventually(
        "both generations delivered",
        lambda: len(rows := workers.rows()) == 2 and all(r["delivered_at"] for r in rows),
    )
    await workers.stop_all()

    rows = workers.rows()
    lines = workers.lines()
    assert sorted(str(line["generation_id"]) for line in lines) == sorted(r["id"] for r in rows)  # once each
    assert Counter(line["pid"] for line in lines) == {first.pid: 1, second.pid: 1}
    assert len(kie.creates) == 2
    assert ledger_problems(workers.db) == []


def created_refs(kie: FakeKie) -> list[tuple[str, str]]:
    """(generation, slot) named by each createTask's callback URL: which image every paid task was for."""
    refs = []
    for create in kie.creates:
        query = httpx.URL(create.body["callBackUrl"]).params
        refs.append((query["generation"], query["slot"]))
    return refs


async def test_a_worker_killed_mid_burst_leaves_at_most_one_kie_task_per_image_and_every_request_settled_once(
    kie: FakeKie, workers: Workers
) -> None:
    kie.outcome = Outcome(polls=None)  # tasks end when the test says (after the kill), with a callback
    victims: list[asyncio.subprocess.Process] = []

    async def kill_at_the_fourth_create(task: FakeTask) -> None:
        if len(kie.tasks) == 4:
            victims[0].send_signal(signal.SIGKILL)  # other creates may be in flight right now: orphans too
            await victims[0].wait()

    kie.on_created = kill_at_the_fourth_create
    victims.append(await workers.start("first", "--seed", "10"))
    assert await asyncio.wait_for(victims[0].wait(), TIMEOUT_S) == -signal.SIGKILL, workers.logs()
    kie.on_created = None
    await workers.start("second", "--web", str(workers.web_port), env={"GENERATION_DEADLINE_S": "30"})
    await workers.web_up()

    async def finish_what_kie_holds() -> bool:
        for task in list(kie.tasks.values()):
            if not task.finished:
                await kie.complete(task.task_id)
        return len(rows := workers.rows()) == 10 and all(r["delivered_at"] for r in rows)

    await workers.eventually_async("every request delivered or refunded", finish_what_kie_holds)
    await workers.stop_all()

    refs = created_refs(kie)
    assert len(refs) == len(set(refs)), "a second KIE task for one image"
    rows = workers.rows()
    lines = workers.lines()
    assert sorted(str(line["generation_id"]) for line in lines) == sorted(r["id"] for r in rows)  # once each
    made = {r["id"] for r in rows if r["status"] == "succeeded"}
    assert made <= {generation for generation, _ in refs}
    assert {r["status"] for r in rows} <= {"succeeded", "failed"}
    assert ledger_problems(workers.db) == []
