"""The job queue on a Redis Stream with one consumer group: at-least-once delivery shared by every worker process.

Delivery is at-least-once by design: a worker that dies leaves its entry in the group's pending list, and the next
`take()` anywhere claims it — at once when the owner is known dead (its liveness key, renewed every heartbeat, has
expired after three missed beats), else once the entry sat idle past `claim_idle_ms` (an owner alive but stuck).
So one job can reach two workers. That is harmless because the Store is the truth: a generation's status changes are
compare-and-set (`settle` returns False for an already finished one, a slot is claimed once before its provider task
is created), so the second worker follows, waits or skips, and money and delivery happen once. A worker holding a
long job keeps it from being claimed with its heartbeat (`refresh`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import ResponseError

from adapters.redis.connect import UNAVAILABLE, guarded, text
from core.ports import Job

log = logging.getLogger(__name__)

_FIELD = "generation_id"

# One pending entry per generation (like InProcessJobQueue): the set remembers generations queued and not acked.
# KEYS[1]: stream, KEYS[2]: pending set; ARGV[1]: generation id.
_PUT = """
if redis.call('SADD', KEYS[2], ARGV[1]) == 1 then
  return redis.call('XADD', KEYS[1], '*', 'generation_id', ARGV[1])
end
return false
"""

# Reset the idle time of the entries this consumer still owns (an entry another consumer already claimed is left
# alone, so a slow worker never steals its job back). KEYS[1]: stream; ARGV: group, consumer, ids...
_REFRESH = """
local kept = 0
for i = 3, #ARGV do
  local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1)
  if p[1] and p[1][2] == ARGV[2] then
    redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i], 'JUSTID')
    kept = kept + 1
  end
end
return kept
"""


# Take one entry from a consumer whose liveness key is gone (a dead worker), atomically, so two workers never
# take the same one. KEYS[1]: stream; ARGV: group, this consumer, liveness key prefix.
_CLAIM_DEAD = """
local summary = redis.call('XPENDING', KEYS[1], ARGV[1])
if not summary[4] then return false end
for _, owner in ipairs(summary[4]) do
  local name = owner[1]
  if name ~= ARGV[2] and redis.call('EXISTS', ARGV[3] .. name) == 0 then
    local entries = redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', 10, name)
    for _, entry in ipairs(entries) do
      local claimed = redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, entry[1])
      if claimed[1] and claimed[1][2] then return claimed[1] end
    end
  end
end
return false
"""


def default_consumer_name() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


class RedisJobQueue:
    """core.ports.JobQueue on Redis Streams (XADD / XAUTOCLAIM + XREADGROUP / XACK + XDEL).

    `take()` first claims entries pending longer than `claim_idle_ms` (a dead worker's jobs), then blocks up to
    `block_ms` per XREADGROUP, looping; it rides out Redis outages and restarts (recreating the group). `put` and
    `ack` raise StoreUnavailable while Redis is down. Call `aclose()` to stop the heartbeat task.
    """

    def __init__(
        self,
        redis: Redis,
        stream: str = "gib:jobs",
        group: str = "workers",
        consumer: str | None = None,
        claim_idle_ms: int = 60000,
        block_ms: int = 5000,
        *,
        heartbeat: bool = True,
        heartbeat_ms: int = 5000,
        retry_delay_s: float = 0.5,
    ) -> None:
        self._redis = redis
        self.stream = stream
        self.group = group
        self.consumer = consumer or default_consumer_name()
        self.claim_idle_ms = claim_idle_ms
        self.block_ms = block_ms
        self._heartbeat = heartbeat and claim_idle_ms > 0
        self._beat_s = min(heartbeat_ms, max(claim_idle_ms, 3) // 3) / 1000
        self._alive_prefix = f"{stream}:alive:"
        self._alive_key = self._alive_prefix + self.consumer
        self._retry_delay_s = retry_delay_s
        self._group_ready = False
        self._held: set[str] = set()
        self._beat: asyncio.Task[None] | None = None
        self._pending_set = f"{stream}:pending"
        self._refresh_script = redis.register_script(_REFRESH)
        self._put_script = redis.register_script(_PUT)
        self._claim_dead_script = redis.register_script(_CLAIM_DEAD)

    async def put(self, generation_id: str) -> None:
        """Queue a generation unless it is already queued and not yet acked."""
        await guarded(
            lambda: self._put_script(keys=[self.stream, self._pending_set], args=[generation_id]), "queue put"
        )

    async def take(self) -> Job:
        while True:
            try:
                await self._ensure_group()
                await self._start_heartbeat()
                job = await self._claim_dead() or await self._claim_stale() or await self._read_new()
            except ResponseError as exc:
                if "NOGROUP" not in str(exc):
                    raise
                log.warning("redis queue group %s vanished (Redis restarted?); recreating it", self.group)
                self._group_ready = False
                continue
            except UNAVAILABLE:
                log.warning("redis unavailable while taking a job; retrying in %.1fs", self._retry_delay_s)
                self._group_ready = False
                await asyncio.sleep(self._retry_delay_s)
                continue
            if job is not None:
                self._hold(job.ref)
                return job

    async def ack(self, job: Job) -> None:
        async def _ack() -> None:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.xack(self.stream, self.group, job.ref)
                pipe.xdel(self.stream, job.ref)
                pipe.srem(self._pending_set, job.generation_id)
                await pipe.execute()

        await guarded(_ack, "queue ack")
        self._held.discard(job.ref)

    async def refresh(self) -> int:
        """Reset the idle time of the jobs this consumer still holds; returns how many it still owns."""
        if not self._held:
            return 0
        refs = sorted(self._held)
        owned = await guarded(
            lambda: self._refresh_script(keys=[self.stream], args=[self.group, self.consumer, *refs]),
            "queue heartbeat",
        )
        return int(owned)

    async def aclose(self) -> None:
        """Stop beating and say so: this worker's unacknowledged jobs go to the others at once."""
        if self._beat is not None:
            self._beat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._beat
            self._beat = None
            with contextlib.suppress(Exception):
                await self._redis.delete(self._alive_key)

    async def _ensure_group(self) -> None:
        if self._group_ready:
            return
        try:
            await self._redis.xgroup_create(self.stream, self.group, id="0", mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise
        self._group_ready = True

    async def _claim_dead(self) -> Job | None:
        """A job of a worker known dead (no heartbeat for three beats), without waiting for `claim_idle_ms`."""
        entry: Any = await self._claim_dead_script(
            keys=[self.stream], args=[self.group, self.consumer, self._alive_prefix]
        )
        job = _job((entry[0], _fields(entry[1]))) if entry else None
        if job is not None:
            log.info("claimed job %s from a worker that stopped beating", job.ref)
        return job

    async def _claim_stale(self) -> Job | None:
        cursor = "0-0"
        while True:
            reply: Any = await self._redis.xautoclaim(
                self.stream, self.group, self.consumer, min_idle_time=self.claim_idle_ms, start_id=cursor, count=1
            )
            cursor = text(reply[0])
            for entry in reply[1]:
                job = _job(entry)
                if job is not None:
                    log.info("claimed job %s left idle by another worker", job.ref)
                    return job
            if cursor == "0-0":
                return None

    async def _read_new(self) -> Job | None:
        reply: Any = await self._redis.xreadgroup(
            self.group, self.consumer, {self.stream: ">"}, count=1, block=self.block_ms
        )
        for _stream, entries in reply or []:
            for entry in entries:
                job = _job(entry)
                if job is not None:
                    return job
        return None

    def _hold(self, ref: str) -> None:
        self._held.add(ref)

    async def _start_heartbeat(self) -> None:
        """Say this worker is alive before it takes anything, then keep saying it (and refreshing its jobs)."""
        if not self._heartbeat or (self._beat is not None and not self._beat.done()):
            return
        await self._beat_once()
        self._beat = asyncio.create_task(self._beat_loop(), name=f"redis-queue-heartbeat-{self.consumer}")

    async def _beat_once(self) -> None:
        await self._redis.set(self._alive_key, "1", px=max(1, round(self._beat_s * 3000)))
        await self.refresh()

    async def _beat_loop(self) -> None:
        while True:
            await asyncio.sleep(self._beat_s)
            try:
                await self._beat_once()
            except Exception:  # a missed beat only risks a harmless duplicate delivery
                log.warning("redis queue heartbeat failed", exc_info=True)


def _fields(flat: Any) -> dict[Any, Any]:
    """A Lua reply's flat [k1, v1, k2, v2, …] field list as a dict."""
    items = list(flat or [])
    return dict(zip(items[::2], items[1::2], strict=False))


def _job(entry: Any) -> Job | None:
    """A stream entry `(id, fields)`; None for an entry deleted while pending (no fields)."""
    ref, fields = entry[0], entry[1]
    if not fields:
        return None
    values = {text(k): text(v) for k, v in fields.items()}
    generation_id = values.get(_FIELD)
    if generation_id is None:
        return None
    return Job(ref=text(ref), generation_id=generation_id)
