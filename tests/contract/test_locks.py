"""RedisLock: one holder at a time, expiry, and a release that never frees somebody else's lock."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from adapters.redis.locks import LockNotAcquired, RedisLock
from tests.contract.redis_fixtures import redis_client, unique

__all__ = ["redis_client"]


async def test_a_held_lock_cannot_be_taken_until_it_is_released(redis_client: Redis) -> None:
    key = unique("gen")
    first, second = RedisLock(redis_client, key), RedisLock(redis_client, key)

    assert await first.acquire()
    assert not await second.acquire()
    assert await first.release()
    assert await second.acquire()
    await second.release()


async def test_the_lock_expires_by_itself(redis_client: Redis) -> None:
    lock = RedisLock(redis_client, unique("gen"), ttl_s=30)

    async with lock:
        ttl_ms = await redis_client.pttl(lock.name)

    assert 0 < ttl_ms <= 30000
    assert await redis_client.exists(lock.name) == 0


async def test_a_holder_whose_lock_expired_cannot_release_the_next_holders_lock(redis_client: Redis) -> None:
    key = unique("gen")
    late, next_holder = RedisLock(redis_client, key), RedisLock(redis_client, key)
    await late.acquire()
    await redis_client.delete(late.name)  # its expiry passed
    await next_holder.acquire()

    released = await late.release()

    assert released is False
    assert next_holder.held
    assert await redis_client.exists(next_holder.name) == 1


async def test_entering_a_taken_lock_raises_lock_not_acquired(redis_client: Redis) -> None:
    key = unique("gen")
    async with RedisLock(redis_client, key):
        with pytest.raises(LockNotAcquired):
            async with RedisLock(redis_client, key):
                pass
