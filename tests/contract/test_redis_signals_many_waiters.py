"""Many more waiting generations than redis-py's connection pool (100): no wait may fail for want of a connection."""

from __future__ import annotations

import asyncio

from redis.asyncio import Redis

from adapters.redis.signals import RedisSignals
from tests.contract.redis_fixtures import redis_client, unique  # noqa: F401


async def test_three_hundred_waits_at_once_all_end_and_each_notified_one_wakes(redis_client: Redis) -> None:  # noqa: F811
    signals = RedisSignals(redis_client, prefix=unique("many:"), max_block_s=0.5)
    keys = [f"task:{i}" for i in range(300)]
    waits = [asyncio.create_task(signals.wait(key, 1.5)) for key in keys]
    await asyncio.sleep(0.2)
    for key in keys[::10]:
        await signals.notify(key)

    results = await asyncio.gather(*waits)

    assert [results[i] for i in range(0, 300, 10)] == [True] * 30
    assert sum(results) == 30
