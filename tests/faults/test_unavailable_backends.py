"""Redis or the database unavailable for a while, on real servers: people are told "temporarily unavailable",
nothing is charged twice, and the same running bot serves the next request once the server is back.

The chat is the console adapter on the real core; the Store is SupabaseStore through supabase-py and a real
PostgREST on a real Postgres; limits, the queue and wake-ups are the Redis adapters on a real redis-server.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from adapters.console.chat import ConsoleChat
from adapters.console.messenger import ConsoleMessenger
from adapters.local.blobs import LocalBlobStore
from adapters.local.clock import SystemClock
from adapters.local.limiter import InProcessLimiter
from adapters.local.line import InProcessCreateLine
from adapters.local.moderation import BannedWordsModerator
from adapters.local.payments import DisabledPayments
from adapters.local.queue import InProcessJobQueue
from adapters.local.signals import InProcessSignals
from adapters.redis import RedisJobQueue, RedisLimiter, RedisSignals, redis_from_url
from adapters.supabase.store import SupabaseStore
from core.deps import Deps
from core.errors import StoreUnavailable
from core.models import Generation, LedgerKind, RateDecision
from core.policy import Policy
from core.ports import JobQueue, Limiter, Signals, Store
from core.texts import t
from core.worker import Worker
from tests import servers
from tests.contract.redis_fixtures import RestartableRedis, restartable_redis  # noqa: F401
from tests.fakes.store import FakeGenerator
from tests.server_fixtures import pg_bindir_or_skip, postgrest_or_skip

pytestmark = pytest.mark.servers

UNAVAILABLE = t("error.temporarily_unavailable", "en")
TIMEOUT_S = 30.0
POLICY = Policy(free_per_day=0, requests_per_minute=100, poll_first_s=0.05, poll_max_s=0.2)


async def eventually(what: str, check: Callable[[], Awaitable[bool]]) -> None:
    """Await a condition (polled), with a generous bound."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + TIMEOUT_S
    while not await check():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for: {what}")
        await asyncio.sleep(0.02)


@dataclass
class Bot:
    """One running bot: the console chat of one person, the worker, and what the person has read."""

    deps: Deps
    lines: list[str] = field(default_factory=list)
    chat: ConsoleChat = field(init=False)

    def __post_init__(self) -> None:
        self.chat = ConsoleChat(self.deps, self.lines.append, user_id="dana")

    async def say(self, line: str) -> str:
        before = len(self.lines)
        await self.chat.handle(line)
        return "\n".join(self.lines[before:])

    async def member_with_credits(self, credits: int) -> str:
        await self.say("/accept")
        account = await self.deps.store.find_account(self.chat.identity)
        assert account is not None
        await self.deps.store.add_credits(
            account.id, credits, LedgerKind.GRANT, f"grant:{account.id}", "", self.deps.clock.now()
        )
        return account.id

    async def credits(self, account_id: str) -> int:
        balance = await self.deps.store.balance(account_id, self.deps.clock.now().date(), POLICY.free_per_day)
        return balance.paid_credits

    async def delivered(self, generation_id: str) -> Generation:
        async def done() -> bool:
            found = await self.deps.store.get_generation(generation_id)
            return found is not None and found.delivered_at is not None

        await eventually(f"generation {generation_id[:8]} delivered", done)
        found = await self.deps.store.get_generation(generation_id)
        assert found is not None
        return found


@contextlib.asynccontextmanager
async def running_bot(
    store: Store,
    limiter: Limiter,
    queue: JobQueue,
    signals: Signals,
    tmp: Path,
    generator: FakeGenerator | None = None,
) -> AsyncIterator[Bot]:
    blobs = LocalBlobStore(tmp / "images")
    lines: list[str] = []
    deps = Deps(
        store=store,
        blobs=blobs,
        generator=generator or FakeGenerator(),
        moderator=BannedWordsModerator([]),
        limiter=limiter,
        queue=queue,
        signals=signals,
        messenger=ConsoleMessenger(lines.append, blobs),
        payments=DisabledPayments(),
        clock=SystemClock(),
        policy=POLICY,
        line=InProcessCreateLine(None, 10.0, monotonic=time.monotonic),
    )
    worker = Worker(deps, sweep_every_s=0.2)  # the sweep picks up what an outage interrupted
    task = asyncio.create_task(worker.run())
    try:
        yield Bot(deps, lines)
        assert not task.done(), "the worker loop stopped"
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await worker.stop()


class StopsRedisAfterOneHit:
    """The real RedisLimiter, but Redis goes down right after the first allowed hit: the hold is taken, and then
    the queue cannot be reached."""

    def __init__(self, inner: Limiter, redis: RestartableRedis) -> None:
        self.inner, self.redis, self.armed = inner, redis, False

    async def hit(self, key: str, limit: int, window_s: float) -> RateDecision:
        decision = await self.inner.hit(key, limit, window_s)
        if self.armed and decision.allowed:
            self.armed = False
            await asyncio.to_thread(self.redis.stop)
        return decision


async def test_while_redis_is_down_people_are_told_to_retry_nothing_is_charged_and_the_bot_recovers_by_itself(
    supabase_store: SupabaseStore,
    restartable_redis: RestartableRedis,  # noqa: F811
    tmp_path: Path,
) -> None:
    redis = redis_from_url(restartable_redis.url, socket_timeout_s=2.0, connect_timeout_s=0.5)
    queue = RedisJobQueue(redis, claim_idle_ms=60_000, block_ms=200, retry_delay_s=0.05)
    limiter = StopsRedisAfterOneHit(RedisLimiter(redis), restartable_redis)
    try:
        async with running_bot(supabase_store, limiter, queue, RedisSignals(redis, max_block_s=0.2), tmp_path) as bot:
            account = await bot.member_with_credits(5)

            await asyncio.to_thread(restartable_redis.stop)
            refused_at_the_limiter = await bot.say("/imagine a red bicycle")
            await asyncio.to_thread(restartable_redis.start)
            limiter.armed = True
            refused_at_the_queue = await bot.say("/imagine a red bicycle")
            await asyncio.to_thread(restartable_redis.start)
            served = await bot.chat.handle("/imagine a red bicycle")

            assert refused_at_the_limiter == UNAVAILABLE
            assert refused_at_the_queue == UNAVAILABLE
            assert served is not None
            assert (await bot.delivered(served.id)).image_keys
            assert await bot.credits(account) == 4  # the refused requests cost nothing; the served one, one credit
            ledger = await supabase_store.ledger(account)
            assert sorted(e.kind.value for e in ledger) == ["capture", "grant", "hold", "hold", "refund"]
            assert not await supabase_store.unfinished()
    finally:
        await queue.aclose()
        await redis.aclose()


@pytest.fixture
def own_supabase_stack() -> Iterator[servers.SupabaseStack]:
    """A stack of this test's own: its Postgres goes down."""
    stack = servers.start_supabase_stack(pg_bindir_or_skip(), postgrest_or_skip())
    yield stack
    stack.postgrest.stop()
    stack.postgres.stop()


async def store_answers(store: Store) -> bool:
    try:
        await store.ping()
    except StoreUnavailable:
        return False
    return True


async def test_while_the_database_is_down_people_are_told_to_retry_and_the_bot_recovers_by_itself(
    own_supabase_stack: servers.SupabaseStack, tmp_path: Path
) -> None:
    stack = own_supabase_stack
    store = await SupabaseStore.connect(
        servers.SUPABASE_TEST_URL, stack.service_key(), transport=servers.RestRouter(stack.postgrest.url)
    )
    limiter = InProcessLimiter(asyncio.get_running_loop().time)
    try:
        async with running_bot(store, limiter, InProcessJobQueue(), InProcessSignals(), tmp_path) as bot:
            account = await bot.member_with_credits(5)

            await asyncio.to_thread(stack.postgres.halt)
            during = [await bot.say("/imagine a green lantern"), await bot.say("/balance")]
            await asyncio.to_thread(stack.postgres.start)
            await eventually("the store answers again", lambda: store_answers(store))
            served = await bot.chat.handle("/imagine a green lantern")

            assert during == [UNAVAILABLE, UNAVAILABLE]
            assert served is not None
            assert (await bot.delivered(served.id)).image_keys
            assert await bot.credits(account) == 4
            assert sorted(e.kind.value for e in await store.ledger(account)) == ["capture", "grant", "hold"]
    finally:
        await store.aclose()


class HaltsTheDatabaseOnDownload(FakeGenerator):
    """The provider finishes, and the database goes down just as the result is fetched (before it is settled)."""

    def __init__(self, postgres: servers.PostgresServer) -> None:
        super().__init__()
        self.postgres = postgres
        self.halted = asyncio.Event()

    async def download(self, task_id: str, url: str) -> bytes:
        if not self.halted.is_set():
            await asyncio.to_thread(self.postgres.halt)
            self.halted.set()
        return await super().download(task_id, url)


async def test_a_generation_caught_by_a_database_outage_is_finished_and_delivered_once_the_database_returns(
    own_supabase_stack: servers.SupabaseStack, tmp_path: Path
) -> None:
    stack = own_supabase_stack
    store = await SupabaseStore.connect(
        servers.SUPABASE_TEST_URL, stack.service_key(), transport=servers.RestRouter(stack.postgrest.url)
    )
    limiter = InProcessLimiter(asyncio.get_running_loop().time)
    generator = HaltsTheDatabaseOnDownload(stack.postgres)
    try:
        async with running_bot(store, limiter, InProcessJobQueue(), InProcessSignals(), tmp_path, generator) as bot:
            account = await bot.member_with_credits(5)
            queued = await bot.chat.handle("/imagine a blue door")
            assert queued is not None

            await asyncio.wait_for(generator.halted.wait(), TIMEOUT_S)
            await asyncio.to_thread(stack.postgres.start)
            final = await bot.delivered(queued.id)

            assert final.image_keys and final.error_code is None
            assert await bot.credits(account) == 4
            assert sorted(e.kind.value for e in await store.ledger(account)) == ["capture", "grant", "hold"]
            assert sum(t("console_after", "en", id=queued.id[:8]) in line for line in bot.lines) == 1  # once
    finally:
        await store.aclose()
