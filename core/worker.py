"""The job runner: takes generations off the queue and processes each in its own task, so one slow image
never blocks anyone else's. One bad job is logged and never stops the loop."""

from __future__ import annotations

import asyncio
import logging

from core.deps import Deps
from core.errors import StoreUnavailable
from core.ports import Job
from core.usecases import exports, generation

log = logging.getLogger(__name__)

RETRY_FIRST_S = 0.5
RETRY_MAX_S = 30.0


class Worker:
    def __init__(self, deps: Deps, concurrency: int = 1000, sweep_every_s: float = 300.0) -> None:
        self._deps = deps
        self._sweep_every_s = sweep_every_s
        self._slots = asyncio.Semaphore(concurrency)
        self._tasks: set[asyncio.Task[None]] = set()
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def in_flight(self) -> int:
        return len(self._tasks)

    async def run(self) -> None:
        """Resume what a previous process left, then serve the queue until cancelled."""
        resumed = await generation.resume(self._deps)
        if resumed:
            log.info("resuming unfinished generations", extra={"count": resumed})
        sweeper = asyncio.create_task(self._sweep())
        try:
            await self._serve()
        finally:
            sweeper.cancel()

    async def _sweep(self) -> None:
        """Now and then, queue again what is unfinished or undelivered (a failed delivery, a lost queue entry);
        the queue ignores generations already pending, so this never runs a job twice at once. Exports whose
        link has expired are deleted on each pass (the first one at start)."""
        while True:
            await self._purge_exports()
            await asyncio.sleep(self._sweep_every_s)
            try:
                await generation.resume(self._deps)
            except Exception:
                log.warning("sweep failed; will try again", exc_info=True)

    async def _purge_exports(self) -> None:
        try:
            await exports.purge_expired(self._deps)
        except Exception:
            log.warning("expired exports not deleted; will try again", exc_info=True)

    async def _serve(self) -> None:
        while True:
            await self._slots.acquire()
            try:
                job = await self._deps.queue.take()
            except StoreUnavailable:
                self._slots.release()
                log.warning("job queue unavailable; retrying")
                await asyncio.sleep(1.0)
                continue
            except BaseException:
                self._slots.release()
                raise
            self._idle.clear()
            task = asyncio.create_task(self._handle(job), name=f"generation-{job.generation_id}")
            self._tasks.add(task)
            task.add_done_callback(self._done)

    async def _handle(self, job: Job) -> None:
        try:
            await self._process_until_reachable(job.generation_id)
        except Exception:
            log.exception("generation job failed", extra={"generation_id": job.generation_id})
        finally:
            try:
                await self._deps.queue.ack(job)
            except Exception:
                log.warning("ack failed; the job may run again (harmless)", extra={"generation_id": job.generation_id})
            self._slots.release()

    async def _process_until_reachable(self, generation_id: str) -> None:
        """Processing is safe to repeat, so a Store/Redis outage mid-job is waited out (with backoff), not dropped."""
        delay = RETRY_FIRST_S
        while True:
            try:
                await generation.process(self._deps, generation_id)
                return
            except StoreUnavailable:
                log.warning("store unavailable mid-job; retrying", extra={"generation_id": generation_id})
                await asyncio.sleep(delay)
                delay = min(delay * 2, RETRY_MAX_S)

    def _done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not self._tasks:
            self._idle.set()

    async def wait_idle(self) -> None:
        """Wait until no job is being processed (the console waits for this before exiting)."""
        while True:
            await self._idle.wait()
            await asyncio.sleep(0)
            if not self._tasks:
                return

    async def stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
