"""Signals contract: a notify wakes the waiter for that key only; Redis also carries it across processes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from adapters.local.signals import InProcessSignals
from adapters.redis.connect import redis_from_url
from adapters.redis.signals import RedisSignals
from core.errors import StoreUnavailable
from core.ports import Signals
from tests import servers
from tests.contract.redis_fixtures import RestartableRedis, redis_client, restartable_redis, unique

__all__ = ["redis_client", "restartable_redis"]

SHORT_S = 0.05  # the only real wait: how long a wait that must time out lasts


async def followed(signals: Signals, key: str) -> None:
    """Until the waiter has registered (a readiness poll: the wait runs in another task or process)."""
    assert isinstance(signals, InProcessSignals | RedisSignals)
    while not await signals.followed(key):  # noqa: ASYNC110 (the waiter may be on another connection)
        await asyncio.sleep(0.001)


@pytest.fixture(params=["in_process", "redis"])
async def signals(request: pytest.FixtureRequest) -> AsyncIterator[Signals]:
    if request.param == "in_process":
        yield InProcessSignals()
        return
    server: servers.RedisServer = request.getfixturevalue("redis_server")
    client = redis_from_url(server.url)
    yield RedisSignals(client, prefix=unique("sig") + ":")
    await client.aclose()


async def test_a_notify_wakes_the_waiter_for_that_key(signals: Signals) -> None:
    waiting = asyncio.create_task(signals.wait("task-1", timeout_s=10))
    await followed(signals, "task-1")

    await signals.notify("task-1")

    assert await asyncio.wait_for(waiting, timeout=10) is True


async def test_a_wait_without_notify_times_out_false(signals: Signals) -> None:
    assert await signals.wait("task-silent", timeout_s=SHORT_S) is False


async def test_a_notify_for_another_key_does_not_wake_the_waiter(signals: Signals) -> None:
    waiting = asyncio.create_task(signals.wait("task-1", timeout_s=SHORT_S))
    await followed(signals, "task-1")

    await signals.notify("task-2")

    assert await waiting is False


async def test_a_notify_with_nobody_waiting_does_not_fail(signals: Signals) -> None:
    await signals.notify("task-nobody")


async def test_a_notify_for_a_key_nobody_follows_is_not_kept(signals: Signals) -> None:
    """A forged callback (or one for a task we do not know) must cost nothing lasting."""
    await signals.notify("task-unknown")

    assert await signals.wait("task-unknown", timeout_s=SHORT_S) is False


async def test_a_notify_between_two_waits_of_a_follower_is_kept_for_its_next_wait(signals: Signals) -> None:
    """The callback can arrive while the follower polls the provider between two waits; it must not be lost."""
    assert await signals.wait("task-followed", timeout_s=SHORT_S) is False

    await signals.notify("task-followed")
    await signals.notify("task-followed")  # a retried callback does not pile up

    assert await signals.wait("task-followed", timeout_s=10) is True
    assert await signals.wait("task-followed", timeout_s=SHORT_S) is False


async def test_in_process_signals_forget_a_follower_after_it_lingered() -> None:
    now = [1000.0]
    signals = InProcessSignals(linger_s=60.0, monotonic=lambda: now[0])
    assert await signals.wait("task-done", timeout_s=0) is False

    now[0] += 61.0
    await signals.notify("task-done")

    assert await signals.wait("task-done", timeout_s=0) is False


async def test_in_process_signals_keep_nothing_for_ten_thousand_unknown_keys() -> None:
    signals = InProcessSignals()

    for n in range(10_000):
        await signals.notify(f"task:forged-{n}")

    assert signals.kept() == 0


# --- Redis only ---------------------------------------------------------------------------------------------------


async def test_a_callback_received_by_one_process_wakes_the_worker_in_another(
    redis_server: servers.RedisServer,
) -> None:
    web, worker = redis_from_url(redis_server.url), redis_from_url(redis_server.url)
    prefix = unique("sig") + ":"
    try:
        waiting = asyncio.create_task(RedisSignals(worker, prefix=prefix).wait("task-1", timeout_s=10))
        receiver = RedisSignals(web, prefix=prefix)
        await followed(receiver, "task-1")

        await receiver.notify("task-1")

        assert await asyncio.wait_for(waiting, timeout=10) is True
    finally:
        await web.aclose()
        await worker.aclose()


async def test_a_redis_notify_for_an_unfollowed_key_writes_nothing(redis_client: Redis) -> None:
    prefix = unique("sig") + ":"
    signals = RedisSignals(redis_client, prefix=prefix)

    for n in range(200):
        await signals.notify(f"task:forged-{n}")

    assert [key async for key in redis_client.scan_iter(match=prefix + "*")] == []


async def test_a_redis_follower_is_forgotten_once_its_wait_and_linger_are_over(redis_client: Redis) -> None:
    prefix = unique("sig") + ":"
    signals = RedisSignals(redis_client, prefix=prefix, linger_s=0.0)
    assert await signals.wait("task-gone", timeout_s=SHORT_S) is False  # the marker lives SHORT_S from before the wait

    await signals.notify("task-gone")

    assert [key async for key in redis_client.scan_iter(match=prefix + "*")] == []


async def test_a_long_redis_wait_is_split_into_short_blocking_reads(redis_client: Redis) -> None:
    signals = RedisSignals(redis_client, prefix=unique("sig") + ":", max_block_s=0.02)

    assert await signals.wait("task-quiet", timeout_s=SHORT_S) is False


async def test_redis_signals_report_an_outage_and_recover(restartable_redis: RestartableRedis) -> None:
    client = redis_from_url(restartable_redis.url)
    signals = RedisSignals(client)
    try:
        restartable_redis.stop()
        with pytest.raises(StoreUnavailable):
            await signals.notify("task-1")
        restartable_redis.start()

        assert await signals.wait("task-1", timeout_s=SHORT_S) is False  # a follower (Redis lost its marker)
        await signals.notify("task-1")

        assert await signals.wait("task-1", timeout_s=10) is True
    finally:
        await client.aclose()
