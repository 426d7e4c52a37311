"""One place that builds the Redis client: short timeouts and one quick reconnect-and-retry, so an outage is
reported in well under a second instead of after redis-py's default multi-second backoff."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from redis.asyncio import BlockingConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from core.errors import StoreUnavailable

T = TypeVar("T")

#: The errors that mean "Redis is not reachable right now" (BusyLoadingError is a ConnectionError subclass).
UNAVAILABLE: tuple[type[Exception], ...] = (RedisConnectionError, RedisTimeoutError, OSError)


def redis_from_url(
    url: str,
    *,
    socket_timeout_s: float = 10.0,
    connect_timeout_s: float = 2.0,
    max_connections: int = 100,
    pool_timeout_s: float = 5.0,
) -> Redis:
    """A client for REDIS_URL. `socket_timeout_s` must exceed every blocking read (queue block, signal wait chunk).

    A few quick retries after reconnecting make the first commands after a Redis restart succeed (every pooled
    socket is dead then, and a retry may pick another dead one); the limiter script is idempotent per hit and a
    queue put is idempotent per generation, so a retry cannot count twice. When all `max_connections` are busy
    (hundreds of generations at once), a command waits up to `pool_timeout_s` for one instead of failing.
    """
    pool = BlockingConnectionPool.from_url(
        url,
        max_connections=max_connections,
        timeout=pool_timeout_s,
        decode_responses=True,
        socket_timeout=socket_timeout_s,
        socket_connect_timeout=connect_timeout_s,
        retry=Retry(ExponentialBackoff(cap=0.2, base=0.05), 3),
        health_check_interval=15,
    )
    return Redis.from_pool(pool)


async def guarded(call: Callable[[], Awaitable[T]], what: str) -> T:
    """Run one Redis call, turning connection failures into StoreUnavailable (callers say 'try again')."""
    try:
        return await call()
    except UNAVAILABLE as exc:
        raise StoreUnavailable(f"redis unavailable during {what}") from exc


def text(value: object) -> str:
    """Redis replies are bytes unless the client decodes; accept both."""
    if isinstance(value, bytes):
        return value.decode()
    return str(value)
