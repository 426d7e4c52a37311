"""The create line on Redis: one budget and one fair line shared by every process (see adapters/local/line.py
for the order and the pacing; the scripts in line_scripts.py make each step atomic).

Each process runs one dispatcher while it has waiters. A create is granted only to the process that waits for
the first waiting create, so a grant is always used at once (creates stay evenly spaced); the other processes
sleep until the next slot. A process that dies stops refreshing its `alive` key and its waiters are skipped;
their jobs come back through the job queue and take their old places again (the tags stay in the line).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import os
import socket
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from redis.asyncio import Redis

from adapters.local.line import DEFAULT_LATENCY_S, GRACE_S, SAFETY, spacing
from adapters.redis import line_scripts as lua
from adapters.redis.connect import guarded, text
from core.errors import StoreUnavailable
from core.ports import Place, Ticket

log = logging.getLogger(__name__)

SCAN = 200  # how far from the front of the line a grant looks for a waiting create before the fallback
MAX_SLEEP_S = 1.0  # the dispatcher re-checks (and refreshes its `alive` key) at least this often
REASSERT_S = 5.0  # waiting marks are written again this often (a lost grant reply or a Redis restart)


class RedisCreateLine:
    """core.ports.CreateLine on Redis. Raises StoreUnavailable while Redis is down (the dispatcher waits it out).

    Time comes from the Redis server; tests may inject `clock_s` (seconds on any timeline) and `sleep`.
    """

    def __init__(
        self,
        redis: Redis,
        limit: int | None,
        window_s: float,
        *,
        prefix: str = "gib:line:",
        owner: str | None = None,
        clock_s: Callable[[], float] | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        expected_latency_s: float = DEFAULT_LATENCY_S,
        safety: float = SAFETY,
        alive_ttl_s: float = 15.0,
        grace_s: float = GRACE_S,
    ) -> None:
        self._redis = redis
        self._limit = limit or 0
        self._window_ms = max(1, math.ceil(window_s * 1000))
        self._interval_ms = spacing(limit, window_s, safety) * 1000
        self._prefix = prefix
        self._keys = [prefix + name for name in ("line", "gens", "finish", "state", "log", "ready", "owner")]
        self.owner = owner or f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._clock_s = clock_s
        self._sleep = sleep
        self._latency_ms = expected_latency_s * 1000
        self._alive_ms = max(1, math.ceil(alive_ttl_s * 1000))
        self._grace_ms = math.ceil(grace_s * 1000)
        self._scripts = {
            name: redis.register_script(getattr(lua, name))
            for name in ("ENTER", "READY", "UNREADY", "GRANT", "PLACE", "PREVIEW", "LEAVE", "SLOW_DOWN", "LATENCY")
        }
        self._waiting: dict[str, asyncio.Future[None]] = {}
        self._tickets: dict[str, Ticket] = {}
        self._dispatcher: asyncio.Task[None] | None = None

    async def _run(self, script: str, *args: str | int | float) -> Any:
        now = "" if self._clock_s is None else str(math.floor(self._clock_s() * 1000))
        argv: list[str | int | float] = [self._prefix, now, *args]
        return await guarded(lambda: self._scripts[script](keys=self._keys, args=argv), f"create line {script}")

    # -- the line ------------------------------------------------------------------------------------------------

    async def enter(self, generation_id: str, account_id: str, slots: int) -> None:
        await self._run("ENTER", generation_id, account_id, slots)

    async def preview(self, account_id: str, slots: int) -> Place:
        reply = await self._run("PREVIEW", account_id, slots, self._interval_ms, self._latency_ms)
        return _place(reply)

    async def place(self, generation_id: str) -> Place | None:
        reply = await self._run("PLACE", generation_id, self._interval_ms, self._latency_ms)
        return _place(reply) if reply else None

    async def created(self, ticket: Ticket) -> None:
        await self._run("LEAVE", ticket.generation_id, str(ticket.slot))

    async def leave(self, generation_id: str) -> None:
        await self._run("LEAVE", generation_id, "")

    async def slow_down(self, seconds: float) -> None:
        await self._run("SLOW_DOWN", max(seconds * 1000, self._interval_ms))

    async def observe_latency(self, seconds: float) -> None:
        await self._run("LATENCY", max(seconds, 0.0) * 1000, self._latency_ms)

    # -- the budget ----------------------------------------------------------------------------------------------

    async def turn(self, ticket: Ticket) -> None:
        member = await self._ready(ticket)
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting[member] = future
        self._tickets[member] = ticket
        if self._dispatcher is None or self._dispatcher.done():
            self._dispatcher = asyncio.create_task(self._dispatch(), name=f"create-line-{self.owner}")
        try:
            await future
        except BaseException:
            if not future.done() or future.cancelled():
                with contextlib.suppress(StoreUnavailable):
                    await self._run("UNREADY", member, self.owner)
            raise
        finally:
            if self._waiting.get(member) is future:
                del self._waiting[member]
                del self._tickets[member]

    async def _ready(self, ticket: Ticket) -> str:
        reply = await self._run(
            "READY", ticket.generation_id, ticket.account_id, ticket.slot, self.owner, self._alive_ms
        )
        return text(reply)

    async def _dispatch(self) -> None:
        """Ask for the next grant while this process has waiters; sleep exactly until the next slot."""
        reasserted = time.monotonic()
        while self._waiting:
            try:
                if time.monotonic() - reasserted > REASSERT_S:
                    reasserted = time.monotonic()
                    await self._reassert()
                kind, value = await self._grant()
            except StoreUnavailable:
                log.warning("create line: redis unavailable; waiting")
                await self._sleep(0.5)
                continue
            if kind == "granted":
                future = self._waiting.pop(value, None)
                self._tickets.pop(value, None)
                if future is not None and not future.done():
                    future.set_result(None)
                await asyncio.sleep(0)
            elif kind == "wait":
                await self._sleep(min(int(value) / 1000, MAX_SLEEP_S))
            elif kind == "other":
                await self._sleep(min(max(int(value) / 2000, 0.01), MAX_SLEEP_S))
            else:  # nothing marked waiting although we wait: the marks were lost (Redis restarted)
                await self._reassert()
                await self._sleep(0.05)

    async def _grant(self) -> tuple[str, str]:
        reply = await self._run(
            "GRANT", self.owner, self._limit, self._window_ms, self._interval_ms, self._alive_ms, SCAN, self._grace_ms
        )
        return text(reply[0]), text(reply[1])

    async def _reassert(self) -> None:
        for member, ticket in list(self._tickets.items()):
            future = self._waiting.get(member)
            if future is not None and not future.done():
                await self._ready(ticket)


def _place(reply: Any) -> Place:
    ahead, through, interval_ms, latency_ms = reply
    return Place(
        ahead=int(ahead),
        through=int(through),
        interval_s=float(text(interval_ms)) / 1000,
        latency_s=float(text(latency_ms)) / 1000,
    )
