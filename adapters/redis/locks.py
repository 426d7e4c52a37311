"""A small distributed lock with expiry: SET NX PX to take it, a compare-and-delete script to release it, so a
holder whose lock already expired can never release somebody else's."""

from __future__ import annotations

import asyncio
import uuid
from types import TracebackType

from redis.asyncio import Redis

from adapters.redis.connect import guarded

_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""


class LockNotAcquired(Exception):
    """Somebody else holds the lock (and kept it for longer than we were willing to wait)."""


class RedisLock:
    """`async with RedisLock(redis, "generation:42", ttl_s=30): ...` — raises LockNotAcquired if it is taken.

    `wait_s` > 0 polls every `poll_s` until then. The lock expires after `ttl_s` even if the holder dies.
    StoreUnavailable while Redis is down.
    """

    def __init__(
        self,
        redis: Redis,
        key: str,
        ttl_s: float = 30.0,
        *,
        wait_s: float = 0.0,
        poll_s: float = 0.05,
        prefix: str = "gib:lock:",
    ) -> None:
        self._redis = redis
        self.name = prefix + key
        self._ttl_ms = max(1, int(ttl_s * 1000))
        self._wait_s = wait_s
        self._poll_s = poll_s
        self._token: str | None = None
        self._release = redis.register_script(_RELEASE)

    @property
    def held(self) -> bool:
        return self._token is not None

    async def acquire(self) -> bool:
        token = uuid.uuid4().hex
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._wait_s
        while True:
            ok = await guarded(lambda: self._redis.set(self.name, token, nx=True, px=self._ttl_ms), "lock acquire")
            if ok:
                self._token = token
                return True
            if loop.time() + self._poll_s > deadline:
                return False
            await asyncio.sleep(self._poll_s)

    async def release(self) -> bool:
        """True if we still held it; False if it had expired (and maybe been taken by someone else)."""
        token, self._token = self._token, None
        if token is None:
            return False
        deleted = await guarded(lambda: self._release(keys=[self.name], args=[token]), "lock release")
        return bool(deleted)

    async def __aenter__(self) -> RedisLock:
        if not await self.acquire():
            raise LockNotAcquired(self.name)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.release()
