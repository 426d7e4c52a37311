"""The shared Redis client after a Redis restart, on a real redis-server: every pooled socket is dead then, and
the first commands (several at once, as a busy bot sends them) must still succeed through the quick retries."""

from __future__ import annotations

import asyncio

from adapters.redis.connect import guarded, redis_from_url
from tests.contract.redis_fixtures import RestartableRedis, restartable_redis

__all__ = ["restartable_redis"]


async def test_concurrent_commands_right_after_a_redis_restart_all_succeed(
    restartable_redis: RestartableRedis,
) -> None:
    client = redis_from_url(restartable_redis.url, socket_timeout_s=2.0, connect_timeout_s=0.5)
    count = client.register_script("return redis.call('incr', KEYS[1])")
    try:
        await asyncio.gather(*(count(keys=["hits"]) for _ in range(8)))  # eight pooled connections, now open
        await asyncio.to_thread(restartable_redis.stop)
        await asyncio.to_thread(restartable_redis.start)

        results = await asyncio.gather(*(guarded(lambda: count(keys=["hits"]), "incr") for _ in range(8)))

        assert sorted(int(r) for r in results) == list(range(1, 9))  # the restarted server starts empty
    finally:
        await client.aclose()
