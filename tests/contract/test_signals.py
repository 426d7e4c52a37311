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
    await asyncio.sleep(0)  # the waiter is registered

    await signals.notify("task-1")

    assert await asyncio.wait_for(waiting, timeout=10) is True


async def test_a_wait_without_notify_times_out_false(signals: Signals) -> None:
    assert await signals.wait("task-silent", timeout_s=SHORT_S) is False


async def test_a_notify_for_another_key_does_not_wake_the_waiter(signals: Signals) -> None:
    waiting = asyncio.create_task(signals.wait("task-1", timeout_s=SHORT_S))
    await asyncio.sleep(0)

    await signals.notify("task-2")

    assert await waiting is False


async def test_a_notify_with_nobody_waiting_does_not_fail(signals: Signals) -> None:
    await signals.notify("task-nobody")


# --- Redis only ---------------------------------------------------------------------------------------------------


async def test_a_callback_received_by_one_process_wakes_the_worker_in_another(
    redis_server: servers.RedisServer,
) -> None:
    web, worker = redis_from_url(redis_server.url), redis_from_url(redis_server.url)
    prefix = unique("sig") + ":"
    try:
        waiting = asyncio.create_task(RedisSignals(worker, prefix=prefix).wait("task-1", timeout_s=10))

        await RedisSignals(web, prefix=prefix).notify("task-1")

        assert await asyncio.wait_for(waiting, timeout=10) is True
    finally:
        await web.aclose()
        await worker.aclose()


async def test_a_redis_notify_that_arrives_before_the_wait_is_kept(redis_client: Redis) -> None:
    """The KIE callback can beat the worker to the wait; it must not be lost (the in-process one loses it)."""
    signals = RedisSignals(redis_client, prefix=unique("sig") + ":")
    await signals.notify("task-early")
    await signals.notify("task-early")  # a retried callback does not pile up

    assert await signals.wait("task-early", timeout_s=10) is True
    assert await signals.wait("task-early", timeout_s=SHORT_S) is False


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

        await signals.notify("task-1")

        assert await signals.wait("task-1", timeout_s=10) is True
    finally:
        await client.aclose()
