"""Cross-process wake-ups (a KIE callback reached one process; the worker waiting for it may be in another).

Each key is a one-slot Redis list: `notify` pushes a token (kept for `ttl_s`), `wait` BLPOPs it. Unlike pub/sub,
a notification that arrives before anyone waits is not lost, and it wakes exactly one waiter.
"""

from __future__ import annotations

import asyncio

from redis.asyncio import Redis

from adapters.redis.connect import guarded

# BLPOP with a timeout that rounds to 0 ms blocks forever; below this we poll once instead.
_MIN_BLOCK_S = 0.01


class RedisSignals:
    """core.ports.Signals on Redis lists. Raises StoreUnavailable while Redis is down.

    `max_block_s` bounds each BLPOP so it stays below the client's socket timeout (see `redis_from_url`).
    A BLPOP holds a pooled connection for its whole wait and redis-py's pool stops at 100 connections, so at
    most `max_blocking` waits block at once; the others check the key (at most `max_checking` at a time), sleep,
    and check it again (they wake at their timeout instead of early — the caller polls the provider then anyway).
    """

    def __init__(
        self,
        redis: Redis,
        *,
        prefix: str = "gib:sig:",
        ttl_s: int = 3600,
        max_block_s: float = 5.0,
        max_blocking: int = 40,
        max_checking: int = 20,
    ) -> None:
        self._redis = redis
        self._prefix = prefix
        self._ttl_s = ttl_s
        self._max_block_s = max_block_s
        self._blocking = asyncio.Semaphore(max_blocking)
        self._checking = asyncio.Semaphore(max_checking)

    async def notify(self, key: str) -> None:
        name = self._prefix + key

        async def _notify() -> None:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.lpush(name, "1")
                pipe.ltrim(name, 0, 0)
                pipe.expire(name, self._ttl_s)
                await pipe.execute()

        await guarded(_notify, "signal notify")

    async def wait(self, key: str, timeout_s: float) -> bool:
        name = self._prefix + key
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(0.0, timeout_s)
        while True:
            remaining = deadline - loop.time()
            if remaining < _MIN_BLOCK_S:
                async with self._checking:
                    popped = await guarded(lambda: self._redis.lpop(name), "signal wait")
                return popped is not None
            chunk = min(remaining, self._max_block_s)
            if self._blocking.locked():  # every blocking slot is taken: do not hold another connection
                async with self._checking:
                    popped = await guarded(lambda: self._redis.lpop(name), "signal wait")
                if popped is not None:
                    return True
                await asyncio.sleep(chunk)
                continue
            async with self._blocking:
                got = await guarded(lambda: self._redis.blpop([name], timeout=chunk), "signal wait")  # noqa: B023
            if got is not None:
                return True
