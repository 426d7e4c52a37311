"""Two worker processes on one real Redis share KIE's create budget and one line (issue 11).

Both are real processes (`tests/faults/crash_child.py`: the production wiring, Postgres through PostgREST, Redis,
KIE_CREATE_LIMIT, the real KIE client) working the shared queue; this test is the chat process that queues the
requests, wired the same way. FakeKie here enforces 20 creates per window like KIE (a 2 s window).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
from pydantic import SecretStr
from redis.asyncio import Redis
from redis.exceptions import ResponseError

from adapters.redis import RedisJobQueue, redis_from_url
from bot.settings import Settings
from bot.wiring import build
from core.models import DeliveryTarget, GenerationRequest, Identity, Platform
from core.usecases import generation, onboarding
from tests import servers
from tests.fakes.kie import FakeKie
from tests.faults.support import start_crash_child
from tests.faults.test_crash_windows import TIMEOUT_S, Workers

pytestmark = pytest.mark.servers
LIMIT, WINDOW_S = 20, 2.0
EACH = 12  # people, two images each


@pytest.fixture
async def kie() -> AsyncIterator[FakeKie]:
    async with FakeKie(credits=1e9, latency_s=0.5, create_limit=(LIMIT, WINDOW_S)) as fake:
        yield fake


class BudgetWorkers(Workers):
    """Like the crash-window workers, on the production Store, with KIE's real create limit and a Redis database
    of their own."""

    def __init__(
        self, tmp: Path, kie: FakeKie, redis: servers.RedisServer, gateway: servers.SupabaseGateway, key: str
    ) -> None:
        super().__init__(tmp, kie, redis)
        self.redis_url = redis.url.rsplit("/", 1)[0] + "/8"
        self.gateway, self.key = gateway, key

    def settings(self) -> Settings:
        return Settings(
            _env_file=None,
            bot_data_dir=self.tmp / "data",
            supabase_url=self.gateway.url,
            supabase_service_role_key=SecretStr(self.key),
            redis_url=SecretStr(self.redis_url),
            kie_api_key=SecretStr(self.kie.api_key),
            kie_base_url=self.kie.base_url,
            kie_create_limit=LIMIT,
            kie_create_window_s=WINDOW_S,
            free_images_per_day=2,
        )

    async def start(self, name: str, *args: str) -> asyncio.subprocess.Process:
        env = {
            "REDIS_URL": self.redis_url,
            "SUPABASE_URL": self.gateway.url,
            "SUPABASE_SERVICE_ROLE_KEY": self.key,
            "KIE_CREATE_LIMIT": str(LIMIT),
            "KIE_CREATE_WINDOW_S": str(WINDOW_S),
            "KIE_EXPECTED_LATENCY_S": "0.5",
            "FREE_IMAGES_PER_DAY": "2",
        }
        proc = await start_crash_child(self.tmp, name, self.kie, self.deliveries, *args, env=env)
        self.procs.append(proc)
        return proc


async def asked(stack: servers.SupabaseStack) -> list[tuple[str, str, str]]:
    """(prompt, status, created_at) of every generation asked for."""
    db = await asyncpg.connect(stack.postgres.dsn)
    try:
        rows = await db.fetch("select request, status, created_at from generations")
    finally:
        await db.close()
    return [(json.loads(row["request"])["prompt"], row["status"], str(row["created_at"])) for row in rows]


@pytest.fixture
async def workers(
    tmp_path: Path,
    kie: FakeKie,
    redis_server: servers.RedisServer,
    gateway: servers.SupabaseGateway,
    supabase_stack: servers.SupabaseStack,
) -> AsyncIterator[BudgetWorkers]:
    group = BudgetWorkers(tmp_path, kie, redis_server, gateway, supabase_stack.service_key())
    client = Redis.from_url(group.redis_url)
    await client.flushdb()
    await client.aclose()
    yield group
    for proc in group.procs:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


def most_in_any_window(times_s: list[float], window_s: float) -> int:
    times = sorted(times_s)
    return max((sum(1 for t in times[i:] if t < start + window_s) for i, start in enumerate(times)), default=0)


async def both_working(workers: BudgetWorkers) -> None:
    """Queue probe jobs (for no generation: taken and dropped at once) until both workers have taken one."""
    client = redis_from_url(workers.redis_url)
    queue = RedisJobQueue(client, heartbeat=False)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + TIMEOUT_S
    try:
        for n in range(10_000):
            await queue.put(f"probe-{n}")
            try:
                if len(await client.xinfo_consumers(queue.stream, queue.group)) >= 2:
                    return
            except ResponseError:  # no group yet: no worker has started
                pass
            assert loop.time() < deadline, workers.logs()
            await asyncio.sleep(0.05)
    finally:
        await client.aclose()


async def ask_for_images(workers: BudgetWorkers, kie: FakeKie) -> None:
    """The chat process (here: this test, wired like `python -m bot run`) queues 2 × EACH generations."""
    async with build(workers.settings()) as runtime:
        for n in range(EACH):
            person = Identity(platform=Platform.CONSOLE, platform_user_id=f"person-{n}")
            await onboarding.accept_terms(runtime.deps, person, age_confirmed=True)
            for k in range(2):
                request = GenerationRequest(prompt=f"shared budget {n}.{k}")
                target = DeliveryTarget(platform=Platform.CONSOLE, chat_id=person.platform_user_id, private=True)
                await generation.request_generation(runtime.deps, person, request, target)


async def test_two_worker_processes_share_one_create_budget_and_serve_one_fair_line(
    workers: BudgetWorkers, kie: FakeKie, supabase_stack: servers.SupabaseStack
) -> None:
    await workers.start("first")
    await workers.start("second")
    await both_working(workers)

    await ask_for_images(workers, kie)
    await workers.eventually("every generation delivered", lambda: len(workers.lines()) >= 2 * EACH)
    await workers.stop_all()

    lines = workers.lines()
    assert sorted(str(line["outcome"]) for line in lines) == ["delivered"] * (2 * EACH), workers.logs()
    assert len({line["pid"] for line in lines}) == 2  # both processes did part of the work
    assert len(kie.tasks) == 2 * EACH
    created = sorted(kie.tasks.values(), key=lambda task: task.created_ms)
    assert most_in_any_window([t.created_ms / 1000 for t in created], WINDOW_S - 0.01) <= LIMIT
    rows = await asked(supabase_stack)
    assert [status for _, status, _ in rows] == ["succeeded"] * (2 * EACH)
    served = [str(task.input["prompt"]) for task in created]
    for image in (".0", ".1"):  # first come, first served among first images, and among second images
        expected = [prompt for prompt, _, at in sorted(rows, key=lambda row: row[2]) if prompt.endswith(image)]
        rank = {prompt: i for i, prompt in enumerate(expected)}
        displaced = [abs(rank[p] - i) for i, p in enumerate(p for p in served if p.endswith(image))]
        assert max(displaced) <= 2, (image, displaced)
    for n in range(EACH):  # and a person's second image not before their first (arrival at KIE may jitter a slot)
        assert served.index(f"shared budget {n}.0") <= served.index(f"shared budget {n}.1") + 1
