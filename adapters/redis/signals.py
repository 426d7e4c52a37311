"""Cross-process wake-ups (a KIE callback reached one process; the worker waiting for it may be in another).

Each key is a one-slot Redis list: `notify` pushes a token (kept for `ttl_s`), `wait` BLPOPs it. Unlike pub/sub,
a notification that arrives between two waits of a follower is not lost, and it wakes exactly one waiter.

Only keys someone follows take a token: each wait marks its key as expected (a small string key, for the wait and
`linger_s` after it, which covers the follower's poll between two waits), and `notify` pushes only for an expected
key, in one script. A callback for a task nobody follows (forged, or long finished) leaves nothing in Redis.
"""

from __future__ import annotations

import asyncio

from redis.asyncio import Redis

from adapters.redis.connect import guarded

# BLPOP with a timeout that rounds to 0 ms blocks forever; below this we poll once instead.
_MIN_BLOCK_S = 0.01

# KEYS[1] the token list, KEYS[2] the "someone follows this" marker; ARGV[1] the token's ttl in seconds.
_NOTIFY_EXPECTED = """
if redis.call('EXISTS', KEYS[2]) == 0 then return 0 end
redis.call('LPUSH', KEYS[1], '1')
redis.call('LTRIM', KEYS[1], 0, 0)
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1
"""

# KEYS[1] the marker; ARGV[1] how long it must live at least (ms). PTTL is -2 for a missing key.
_MARK_FOLLOWED = """
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
end
return 1
"""


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
        ttl_s: int = 600,
        linger_s: float = 60.0,
        max_block_s: float = 5.0,
        max_blocking: int = 40,
        max_checking: int = 20,
    ) -> None:
        self._redis = redis
        self._prefix = prefix
        self._ttl_s = ttl_s
        self._linger_s = linger_s
        self._notify_script = redis.register_script(_NOTIFY_EXPECTED)
        self._mark_script = redis.register_script(_MARK_FOLLOWED)
        self._max_block_s = max_block_s
        self._blocking = asyncio.Semaphore(max_blocking)
        self._checking = asyncio.Semaphore(max_checking)

    async def notify(self, key: str) -> None:
        name = self._prefix + key
        keys = [name, self._expected_key(key)]
        await guarded(lambda: self._notify_script(keys=keys, args=[self._ttl_s]), "signal notify")

    async def expect(self, key: str, for_s: float) -> None:
        await self._mark_followed(key, for_s)

    async def wait(self, key: str, timeout_s: float) -> bool:
        name = self._prefix + key
        await self._mark_followed(key, timeout_s)
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

    async def followed(self, key: str) -> bool:
        """Whether a notify for `key` would be kept or wake someone now."""
        return bool(await guarded(lambda: self._redis.exists(self._expected_key(key)), "signal check"))

    async def _mark_followed(self, key: str, for_s: float) -> None:
        """Never shortens a longer mark (`expect` for the whole deadline, then short waits)."""
        marker_ms = max(1, int((max(0.0, for_s) + self._linger_s) * 1000))
        keys = [self._expected_key(key)]
        await guarded(lambda: self._mark_script(keys=keys, args=[marker_ms]), "signal mark")

    def _expected_key(self, key: str) -> str:
        return f"{self._prefix}expected:{key}"
