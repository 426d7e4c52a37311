"""In-process job queue: asyncio, one pending job per generation (the embedded default)."""

from __future__ import annotations

import asyncio
import itertools

from core.ports import Job


class InProcessJobQueue:
    def __init__(self) -> None:
        self._queue: asyncio.Queue[Job] = asyncio.Queue()
        self._pending: set[str] = set()
        self._refs = itertools.count(1)

    async def put(self, generation_id: str) -> None:
        if generation_id in self._pending:
            return
        self._pending.add(generation_id)
        await self._queue.put(Job(ref=str(next(self._refs)), generation_id=generation_id))

    async def take(self) -> Job:
        return await self._queue.get()

    async def ack(self, job: Job) -> None:
        self._pending.discard(job.generation_id)

    def pending(self) -> int:
        return len(self._pending)
