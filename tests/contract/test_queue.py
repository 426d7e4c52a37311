"""JobQueue contract: in-process and Redis Streams deliver the same way; the Redis-only tests cover dead workers,
double claims and restarts (idle times are forced with XCLAIM IDLE, never waited for)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

import pytest
from redis.asyncio import Redis

from adapters.local.queue import InProcessJobQueue
from adapters.redis.connect import redis_from_url
from adapters.redis.queue import RedisJobQueue
from core.errors import StoreUnavailable
from core.ports import JobQueue
from tests import servers
from tests.contract.redis_fixtures import RestartableRedis, redis_client, restartable_redis, unique

__all__ = ["redis_client", "restartable_redis"]


@pytest.fixture(params=["in_process", "redis"])
async def queue(request: pytest.FixtureRequest) -> AsyncIterator[JobQueue]:
    if request.param == "in_process":
        yield InProcessJobQueue()
        return
    server: servers.RedisServer = request.getfixturevalue("redis_server")
    client = redis_from_url(server.url)
    redis_queue = RedisJobQueue(client, stream=unique("jobs"), block_ms=100)
    yield redis_queue
    await redis_queue.aclose()
    await client.aclose()


async def test_a_queued_generation_is_taken_with_its_id(queue: JobQueue) -> None:
    await queue.put("gen-1")

    job = await queue.take()

    assert job.generation_id == "gen-1"
    await queue.ack(job)


async def test_jobs_are_taken_in_the_order_they_were_queued(queue: JobQueue) -> None:
    for gid in ("gen-1", "gen-2", "gen-3"):
        await queue.put(gid)

    taken = [(await queue.take()).generation_id for _ in range(3)]

    assert taken == ["gen-1", "gen-2", "gen-3"]


async def test_a_generation_queued_twice_before_it_is_acked_is_delivered_once(queue: JobQueue) -> None:
    await queue.put("gen-1")
    await queue.put("gen-1")
    await queue.put("gen-2")

    first, second = await queue.take(), await queue.take()

    assert [first.generation_id, second.generation_id] == ["gen-1", "gen-2"]


async def test_after_an_ack_the_generation_can_be_queued_again(queue: JobQueue) -> None:
    await queue.put("gen-1")
    await queue.ack(await queue.take())

    await queue.put("gen-1")
    again = await queue.take()

    assert again.generation_id == "gen-1"


async def test_take_waits_for_the_next_put(queue: JobQueue) -> None:
    waiting = asyncio.create_task(queue.take())
    await asyncio.sleep(0)  # let take() start waiting

    await queue.put("gen-late")
    job = await asyncio.wait_for(waiting, timeout=10)

    assert job.generation_id == "gen-late"


# --- Redis only: several workers share one stream ---------------------------------------------------------------


@pytest.fixture
async def make_queue(redis_server: servers.RedisServer) -> AsyncIterator[Callable[..., RedisJobQueue]]:
    async with _queue_factory(redis_server) as make:
        yield make


@contextlib.asynccontextmanager
async def _queue_factory(server: servers.RedisServer | RestartableRedis) -> AsyncIterator[Callable[..., RedisJobQueue]]:
    stream = unique("jobs")
    made: list[tuple[RedisJobQueue, Redis]] = []

    def make(consumer: str, *, claim_idle_ms: int = 60000, heartbeat: bool = True) -> RedisJobQueue:
        client = redis_from_url(server.url)  # one client per worker, like separate processes
        q = RedisJobQueue(
            client, stream=stream, consumer=consumer, claim_idle_ms=claim_idle_ms, block_ms=100, heartbeat=heartbeat,
            heartbeat_ms=60000,
        )  # fmt: skip
        made.append((q, client))
        return q

    try:
        yield make
    finally:
        for q, client in made:
            await q.aclose()
            await client.aclose()


async def _force_idle(redis: Redis, q: RedisJobQueue, owner: str, ref: str, idle_ms: int) -> None:
    """Pretend `owner` has sat on the entry for `idle_ms` (XCLAIM ... IDLE sets the idle time directly)."""
    await redis.xclaim(q.stream, q.group, owner, 0, [ref], idle=idle_ms, justid=True)


async def _pending(redis: Redis, q: RedisJobQueue, ref: str) -> dict[str, object]:
    rows = await redis.xpending_range(q.stream, q.group, min=ref, max=ref, count=1)
    return dict(rows[0]) if rows else {}


async def test_a_dead_workers_unacked_job_is_claimed_by_another_worker_after_the_idle_timeout(
    make_queue: Callable[..., RedisJobQueue], redis_client: Redis
) -> None:
    dead = make_queue("worker-dead", heartbeat=False)
    alive = make_queue("worker-alive", claim_idle_ms=60000)
    await dead.put("gen-1")
    held = await dead.take()  # ...and the process dies before ack
    await _force_idle(redis_client, dead, "worker-dead", held.ref, idle_ms=61000)

    claimed = await alive.take()

    assert claimed == held
    assert (await _pending(redis_client, alive, held.ref))["consumer"] == "worker-alive"


async def test_a_job_that_is_not_idle_long_enough_is_left_to_its_worker(
    make_queue: Callable[..., RedisJobQueue], redis_client: Redis
) -> None:
    busy = make_queue("worker-busy")
    other = make_queue("worker-other", claim_idle_ms=60000)
    await busy.put("gen-1")
    await busy.put("gen-2")
    first = await busy.take()

    second = await other.take()

    assert (first.generation_id, second.generation_id) == ("gen-1", "gen-2")
    assert (await _pending(redis_client, busy, first.ref))["consumer"] == "worker-busy"


async def test_the_same_job_claimed_twice_is_visible_and_either_ack_finishes_it(
    make_queue: Callable[..., RedisJobQueue], redis_client: Redis
) -> None:
    """At-least-once: the Store's compare-and-set state is what makes the second delivery harmless."""
    slow = make_queue("worker-slow")
    eager = make_queue("worker-eager", claim_idle_ms=0)
    await slow.put("gen-1")
    first = await slow.take()

    second = await eager.take()

    assert second == first
    assert (await _pending(redis_client, eager, first.ref))["times_delivered"] == 2
    await eager.ack(second)
    await slow.ack(first)  # the loser's ack is a harmless no-op
    assert await redis_client.xpending(eager.stream, eager.group) == {
        "pending": 0,
        "min": None,
        "max": None,
        "consumers": [],
    }
    assert await redis_client.xlen(eager.stream) == 0


async def test_a_heartbeat_keeps_a_long_job_from_being_claimed(
    make_queue: Callable[..., RedisJobQueue], redis_client: Redis
) -> None:
    worker = make_queue("worker-long")
    other = make_queue("worker-other", claim_idle_ms=60000)
    await worker.put("gen-long")
    await worker.put("gen-next")
    held = await worker.take()
    await _force_idle(redis_client, worker, "worker-long", held.ref, idle_ms=61000)

    owned = await worker.refresh()
    taken = await other.take()

    assert owned == 1
    assert taken.generation_id == "gen-next"
    assert (await _pending(redis_client, worker, held.ref))["consumer"] == "worker-long"


async def test_a_heartbeat_never_takes_back_a_job_another_worker_claimed(
    make_queue: Callable[..., RedisJobQueue], redis_client: Redis
) -> None:
    stalled = make_queue("worker-stalled")
    rescuer = make_queue("worker-rescuer", claim_idle_ms=0)
    await stalled.put("gen-1")
    held = await stalled.take()
    await rescuer.take()

    owned = await stalled.refresh()

    assert owned == 0
    assert (await _pending(redis_client, rescuer, held.ref))["consumer"] == "worker-rescuer"


async def test_the_queue_recovers_after_a_redis_restart(restartable_redis: RestartableRedis) -> None:
    async with _queue_factory(restartable_redis) as make:
        q = make("worker-1")
        await q.put("gen-before")
        await q.ack(await q.take())
        restartable_redis.stop()

        with pytest.raises(StoreUnavailable):
            await q.put("gen-during")
        restartable_redis.start()  # empty: the stream and the group are gone
        await q.put("gen-after")
        job = await asyncio.wait_for(q.take(), timeout=10)

        assert job.generation_id == "gen-after"


async def test_a_job_of_a_worker_that_stopped_beating_is_taken_over_at_once_not_after_the_idle_timeout(
    make_queue: Callable[..., RedisJobQueue], redis_client: Redis
) -> None:
    killed = make_queue("worker-killed")
    rescuer = make_queue("worker-rescuer", claim_idle_ms=60000)
    await killed.put("gen-1")
    held = await killed.take()
    await _stop_beating(killed)  # SIGKILL: no goodbye, the liveness key just runs out
    await redis_client.delete(f"{killed.stream}:alive:worker-killed")

    claimed = await asyncio.wait_for(rescuer.take(), timeout=10)

    assert claimed == held
    assert (await _pending(redis_client, rescuer, held.ref))["consumer"] == "worker-rescuer"


async def test_a_worker_that_shuts_down_hands_its_unacked_jobs_over_at_once(
    make_queue: Callable[..., RedisJobQueue],
) -> None:
    leaving = make_queue("worker-leaving")
    staying = make_queue("worker-staying", claim_idle_ms=60000)
    await leaving.put("gen-1")
    held = await leaving.take()

    await leaving.aclose()
    claimed = await asyncio.wait_for(staying.take(), timeout=10)

    assert claimed == held


async def test_a_beating_worker_keeps_its_job_however_long_it_takes(
    make_queue: Callable[..., RedisJobQueue], redis_client: Redis
) -> None:
    busy = make_queue("worker-busy")
    other = make_queue("worker-other", claim_idle_ms=60000)
    await busy.put("gen-long")
    held = await busy.take()
    await other.put("gen-next")

    taken = await asyncio.wait_for(other.take(), timeout=10)

    assert taken.generation_id == "gen-next"
    assert (await _pending(redis_client, busy, held.ref))["consumer"] == "worker-busy"


async def test_two_workers_rescuing_a_dead_workers_job_take_it_once(
    make_queue: Callable[..., RedisJobQueue], redis_client: Redis
) -> None:
    dead = make_queue("worker-dead", heartbeat=False)
    first, second = make_queue("worker-a"), make_queue("worker-b")
    await dead.put("gen-1")
    held = await dead.take()

    takers = [asyncio.create_task(first.take()), asyncio.create_task(second.take())]
    done, pending = await asyncio.wait(takers, timeout=10, return_when=asyncio.FIRST_COMPLETED)
    delivered = (await _pending(redis_client, dead, held.ref))["times_delivered"]
    for task in pending:
        task.cancel()

    assert [t.result() for t in done] == [held] and len(pending) == 1
    assert delivered == 2  # the dead worker's delivery and one rescue, never two


async def _stop_beating(q: RedisJobQueue) -> None:
    beat = q._beat
    assert beat is not None
    beat.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await beat
