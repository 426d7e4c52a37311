"""Redis adapters: the shared limiter, job queue, signals and locks used when several bot processes run at once."""

from adapters.redis.connect import redis_from_url
from adapters.redis.limiter import RedisLimiter
from adapters.redis.locks import LockNotAcquired, RedisLock
from adapters.redis.queue import RedisJobQueue
from adapters.redis.signals import RedisSignals

__all__ = ["LockNotAcquired", "RedisJobQueue", "RedisLimiter", "RedisLock", "RedisSignals", "redis_from_url"]
