"""Sliding-window rate limits shared by every process: one Lua script per check, so check-and-count is atomic
and costs one round trip."""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable

from redis.asyncio import Redis

from adapters.redis.connect import guarded
from core.models import RateDecision

# KEYS[1]: the window's sorted set (member = one counted hit, score = its time in ms).
# ARGV: limit, window_ms, member (unique per hit() call), now_ms ('' = the Redis server's clock).
# A member already present means this is a retry of a hit that was counted but whose reply was lost:
# answer "allowed" again without counting twice.
_SLIDING_WINDOW = """
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local member = ARGV[3]
local now
if ARGV[4] == '' then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
else
  now = tonumber(ARGV[4])
end
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
if redis.call('ZSCORE', key, member) then
  return {1, 0}
end
if redis.call('ZCARD', key) < limit then
  redis.call('ZADD', key, now, member)
  redis.call('PEXPIRE', key, window)
  return {1, 0}
end
local retry = window
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
if oldest[2] then
  retry = tonumber(oldest[2]) + window - now
end
if retry < 1 then
  retry = 1
end
return {0, retry}
"""


class RedisLimiter:
    """core.ports.Limiter on Redis. Raises StoreUnavailable while Redis is down; a refused hit is not counted.

    Time comes from the Redis server (one clock for every process). Tests may inject `clock_s`, seconds on any
    timeline (like InProcessLimiter's `monotonic`), to move time without sleeping.
    """

    def __init__(self, redis: Redis, *, prefix: str = "gib:rl:", clock_s: Callable[[], float] | None = None) -> None:
        self._redis = redis
        self._prefix = prefix
        self._clock_s = clock_s
        self._script = redis.register_script(_SLIDING_WINDOW)

    async def hit(self, key: str, limit: int, window_s: float) -> RateDecision:
        window_ms = max(1, math.ceil(window_s * 1000))
        now_ms = "" if self._clock_s is None else str(math.floor(self._clock_s() * 1000))
        args: list[str | int] = [limit, window_ms, uuid.uuid4().hex, now_ms]
        reply = await guarded(lambda: self._script(keys=[self._prefix + key], args=args), "rate limit check")
        allowed, retry_ms = int(reply[0]), int(reply[1])
        if allowed:
            return RateDecision(allowed=True)
        return RateDecision(allowed=False, retry_after_s=retry_ms / 1000)
