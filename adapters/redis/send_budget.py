"""The send budget shared by every process on Redis: one Lua script per decision, so check-and-take is atomic and
costs one round trip. The same GCRA buckets as adapters.local.send_budget (times in milliseconds)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from redis.asyncio import Redis

from adapters.redis.connect import guarded
from core.ports import Pace, SendGrant

STATUS_TTL_S = 24 * 3600

# Both scripts read `now` (ms) from ARGV[1], or from the Redis server's clock when it is ''.
_NOW = """
local now
if ARGV[1] == '' then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
else
  now = tonumber(ARGV[1])
end
"""

# KEYS: the bot's bucket, the chat's bucket, the chat's pause, the status ('' when none). ARGV: now_ms ('' = the
# Redis server's clock), bot interval ms, chat interval ms, chat burst tolerance ms, spare ms, status rank, status
# ttl s. Returns {granted, wait_us, by_chat, overtaken}.
_TAKE = (
    _NOW
    + """
local has_status = KEYS[4] ~= ''
local rank = tonumber(ARGV[6])
if has_status then
  local current = redis.call('GET', KEYS[4])
  if current and tonumber(current) > rank then
    return {0, 0, 0, 1}
  end
end
local bot_interval, chat_interval = tonumber(ARGV[2]), tonumber(ARGV[3])
local tau, spare = tonumber(ARGV[4]), tonumber(ARGV[5])
local chat_tat = tonumber(redis.call('GET', KEYS[2]) or '0')
local paused = redis.call('GET', KEYS[3])
if paused then
  paused = tonumber(paused)
  if paused > now then
    return {0, math.ceil((paused - now) * 1000), 1, 0}
  end
  redis.call('DEL', KEYS[3])
  chat_tat = math.max(chat_tat, paused + tau)
  redis.call('SET', KEYS[2], string.format('%.3f', chat_tat), 'PX', math.ceil(chat_tat - now + 60000))
end
if chat_tat - tau > now then
  return {0, math.ceil((chat_tat - tau - now) * 1000), 1, 0}
end
local bot_tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if bot_tat + spare > now then
  return {0, math.ceil((bot_tat + spare - now) * 1000), 0, 0}
end
bot_tat = math.max(bot_tat, now) + bot_interval
chat_tat = math.max(chat_tat, now) + chat_interval
redis.call('SET', KEYS[1], string.format('%.3f', bot_tat), 'PX', math.ceil(bot_tat - now + 60000))
redis.call('SET', KEYS[2], string.format('%.3f', chat_tat), 'PX', math.ceil(chat_tat - now + 60000))
if has_status then
  redis.call('SET', KEYS[4], rank, 'EX', tonumber(ARGV[7]))
end
return {1, 0, 0, 0}
"""
)

# KEYS[1]: the bot's bucket or the chat's pause; ARGV: now_ms ('' = server clock), seconds, is_bot.
_PAUSE = (
    _NOW
    + """
local untill = now + tonumber(ARGV[2]) * 1000
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current > untill then
  return 0
end
redis.call('SET', KEYS[1], string.format('%.3f', untill), 'PX', math.ceil(untill - now + 60000))
return 1
"""
)

_ADVANCE = """
local current = redis.call('GET', KEYS[1])
if current and tonumber(current) > tonumber(ARGV[1]) then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', tonumber(ARGV[2]))
return 1
"""


def _chat_key(chat: str) -> str:
    """Chats are keyed by a hash: no chat id (a person's user id, for a private chat) is kept in Redis."""
    return hashlib.blake2b(chat.encode(), digest_size=12).hexdigest()


class RedisSendBudget:
    """core.ports.SendBudget on Redis. Raises StoreUnavailable while Redis is down.

    Time comes from the Redis server (one clock for every process); tests may inject `clock_s` (seconds).
    """

    def __init__(
        self, redis: Redis, bot: Pace, *, prefix: str = "gib:send:", clock_s: Callable[[], float] | None = None
    ) -> None:
        self._redis = redis
        self._bot_interval_ms = 1000.0 / bot.per_s
        self._prefix = prefix
        self._clock_s = clock_s
        self._take = redis.register_script(_TAKE)
        self._pause = redis.register_script(_PAUSE)
        self._advance = redis.register_script(_ADVANCE)

    def _now_ms(self) -> str:
        return "" if self._clock_s is None else f"{self._clock_s() * 1000:.3f}"

    async def take(
        self, chat: str, pace: Pace, spare_s: float = 0.0, status: str | None = None, rank: int = 0
    ) -> SendGrant:
        status_key = "" if status is None else f"{self._prefix}status:{status}"
        who = _chat_key(chat)
        keys = [self._prefix + "bot", f"{self._prefix}chat:{who}", f"{self._prefix}pause:{who}", status_key]
        args: list[str | float] = [
            self._now_ms(),
            self._bot_interval_ms,
            1000.0 / pace.per_s,
            (pace.burst - 1) * 1000.0 / pace.per_s,
            spare_s * 1000.0,
            rank,
            STATUS_TTL_S,
        ]
        reply = await guarded(lambda: self._take(keys=keys, args=args), "send budget")
        granted, wait_us, by_chat, overtaken = (int(x) for x in reply)
        return SendGrant(bool(granted), wait_us / 1_000_000, bool(by_chat), bool(overtaken))

    async def pause(self, chat: str | None, seconds: float) -> None:
        key = self._prefix + "bot" if chat is None else f"{self._prefix}pause:{_chat_key(chat)}"
        args: list[str | float] = [self._now_ms(), seconds]
        await guarded(lambda: self._pause(keys=[key], args=args), "send budget pause")

    async def advance(self, key: str, rank: int) -> bool:
        args = [rank, STATUS_TTL_S]
        reply = await guarded(lambda: self._advance(keys=[f"{self._prefix}status:{key}"], args=args), "status advance")
        return bool(int(reply))


__all__ = ["RedisSendBudget"]
