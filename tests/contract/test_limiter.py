"""Limiter contract: every implementation counts a sliding window the same way (time is injected, never slept)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from adapters.local.limiter import InProcessLimiter
from adapters.redis.connect import redis_from_url
from adapters.redis.limiter import RedisLimiter
from core.errors import StoreUnavailable
from core.ports import Limiter
from tests import servers
from tests.contract.redis_fixtures import RestartableRedis, redis_client, restartable_redis, unique
from tests.contract.timeline import FakeTime

__all__ = ["redis_client", "restartable_redis"]


@pytest.fixture(params=["in_process", "redis"])
async def limiter(request: pytest.FixtureRequest, time_now: FakeTime) -> AsyncIterator[Limiter]:
    if request.param == "in_process":
        yield InProcessLimiter(time_now)
    else:
        server: servers.RedisServer = request.getfixturevalue("redis_server")
        client = redis_from_url(server.url)
        yield RedisLimiter(client, prefix=unique("rl") + ":", clock_s=time_now)
        await client.aclose()


async def test_allows_up_to_the_limit_then_refuses_until_the_oldest_hit_leaves_the_window(
    limiter: Limiter, time_now: FakeTime
) -> None:
    first = await limiter.hit("acct-1", limit=2, window_s=60)
    time_now.now += 10
    second = await limiter.hit("acct-1", limit=2, window_s=60)
    time_now.now += 10

    third = await limiter.hit("acct-1", limit=2, window_s=60)

    assert first.allowed and second.allowed
    assert not third.allowed
    assert third.retry_after_s == pytest.approx(40, abs=0.001)


async def test_refused_hits_are_not_counted(limiter: Limiter, time_now: FakeTime) -> None:
    await limiter.hit("acct-1", limit=2, window_s=60)  # t=0
    time_now.now += 10
    await limiter.hit("acct-1", limit=2, window_s=60)  # t=10
    for _ in range(5):
        time_now.now += 9
        assert not (await limiter.hit("acct-1", limit=2, window_s=60)).allowed  # t=19..55, refused
    time_now.now += 5  # t=60: the first hit has left the window

    again = await limiter.hit("acct-1", limit=2, window_s=60)
    time_now.now += 1
    full = await limiter.hit("acct-1", limit=2, window_s=60)

    assert again.allowed
    assert not full.allowed
    assert full.retry_after_s == pytest.approx(9, abs=0.001)  # the t=10 hit leaves at t=70


async def test_keys_are_counted_separately(limiter: Limiter) -> None:
    assert (await limiter.hit("acct-1", limit=1, window_s=60)).allowed

    other = await limiter.hit("acct-2", limit=1, window_s=60)
    same = await limiter.hit("acct-1", limit=1, window_s=60)

    assert other.allowed
    assert not same.allowed


async def test_redis_limits_are_shared_by_every_process(redis_server: servers.RedisServer, time_now: FakeTime) -> None:
    first, second = redis_from_url(redis_server.url), redis_from_url(redis_server.url)
    prefix = unique("rl") + ":"
    try:
        a = RedisLimiter(first, prefix=prefix, clock_s=time_now)
        b = RedisLimiter(second, prefix=prefix, clock_s=time_now)

        assert (await a.hit("kie", limit=1, window_s=60)).allowed
        assert not (await b.hit("kie", limit=1, window_s=60)).allowed
    finally:
        await first.aclose()
        await second.aclose()


async def test_redis_limiter_uses_the_server_clock_when_none_is_injected(redis_client: Redis) -> None:
    limiter = RedisLimiter(redis_client, prefix=unique("rl") + ":")

    first = await limiter.hit("acct", limit=1, window_s=60)
    second = await limiter.hit("acct", limit=1, window_s=60)

    assert first.allowed
    assert not second.allowed
    assert 59 < second.retry_after_s <= 60


async def test_redis_restart_makes_the_limiter_unavailable_then_it_recovers_without_double_counting(
    restartable_redis: RestartableRedis,
) -> None:
    client = redis_from_url(restartable_redis.url)
    limiter = RedisLimiter(client, prefix="rl:")
    try:
        assert (await limiter.hit("acct", limit=2, window_s=60)).allowed
        restartable_redis.stop()

        with pytest.raises(StoreUnavailable):
            await limiter.hit("acct", limit=2, window_s=60)
        with pytest.raises(StoreUnavailable):
            await limiter.hit("acct", limit=2, window_s=60)
        restartable_redis.start()  # same port, empty (no persistence): the window starts afresh

        after = [await limiter.hit("acct", limit=2, window_s=60) for _ in range(3)]

        assert [d.allowed for d in after] == [True, True, False]  # failed hits counted nothing, the retry once
    finally:
        await client.aclose()


async def test_redis_limiter_answers_a_retried_hit_once(redis_client: Redis, time_now: FakeTime) -> None:
    """A reply lost after the script ran is retried with the same member: it must not count a second time."""
    limiter = RedisLimiter(redis_client, prefix=unique("rl") + ":", clock_s=time_now)
    script = limiter._script
    key = limiter._prefix + "acct"
    args: list[str | int] = [1, 60000, "member-1", str(int(time_now() * 1000))]

    first = await script(keys=[key], args=args)
    retried = await script(keys=[key], args=args)

    assert [int(x) for x in first] == [1, 0]
    assert [int(x) for x in retried] == [1, 0]
    assert await redis_client.zcard(key) == 1
