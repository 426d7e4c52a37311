"""`run --workers N`: keep N-1 worker-only child processes alive next to the main process.

A child that dies (a crash, an OOM kill, SIGKILL) is reaped at once — never left a zombie — logged, and started
again after a backoff that grows while children keep dying quickly (1 s, 2 s, 4 s … 60 s) and resets once a child
has lived a minute. On stop, children get SIGTERM (they finish or hand back their jobs), then SIGKILL after a grace.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

BACKOFF_FIRST_S = 1.0
BACKOFF_MAX_S = 60.0
HEALTHY_AFTER_S = 60.0
STOP_GRACE_S = 30.0

#: Called with the pid of every child that ended (the metrics use it to drop the dead process's gauges).
ChildEnded = Callable[[int], None]


def next_backoff(previous_s: float, lived_s: float) -> float:
    """Pure: how long to wait before restarting a child that lived `lived_s` after the last wait `previous_s`."""
    if lived_s >= HEALTHY_AFTER_S or previous_s <= 0:
        return BACKOFF_FIRST_S
    return min(previous_s * 2, BACKOFF_MAX_S)


class WorkerChildren:
    def __init__(self, count: int, *, command: list[str] | None = None, on_ended: ChildEnded | None = None) -> None:
        self._count = count
        self._command = command or [sys.executable, "-m", "bot", "worker"]
        self._on_ended = on_ended
        self._slots: list[asyncio.Task[None]] = []
        self._processes: dict[int, asyncio.subprocess.Process] = {}
        self._stopping = asyncio.Event()

    def start(self) -> None:
        self._slots = [asyncio.create_task(self._keep(n), name=f"worker-child-{n}") for n in range(self._count)]

    @property
    def pids(self) -> list[int]:
        return [pid for pid, process in self._processes.items() if process.returncode is None]

    async def _keep(self, slot: int) -> None:
        backoff = 0.0
        while not self._stopping.is_set():
            started = time.monotonic()
            process = await asyncio.create_subprocess_exec(
                *self._command, stdin=asyncio.subprocess.DEVNULL, env=child_environment()
            )
            self._processes[slot] = process
            log.info("worker process started", extra={"slot": slot, "pid": process.pid})
            code = await process.wait()
            self._ended(process.pid)
            if self._stopping.is_set():
                return
            backoff = next_backoff(backoff, time.monotonic() - started)
            log.warning(
                "worker process exited; restarting",
                extra={"slot": slot, "pid": process.pid, "exit": _describe(code), "restart_in_s": backoff},
            )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), backoff)

    def _ended(self, pid: int) -> None:
        if self._on_ended is not None:
            try:
                self._on_ended(pid)
            except Exception:
                log.warning("could not clean up after a worker process", exc_info=True)

    async def stop(self) -> None:
        """SIGTERM every child, wait for them (bounded), SIGKILL what is left; then the slots end."""
        self._stopping.set()
        running = [p for p in self._processes.values() if p.returncode is None]
        for process in running:
            with contextlib.suppress(ProcessLookupError):
                process.terminate()
        try:
            await asyncio.wait_for(asyncio.gather(*(p.wait() for p in running)), STOP_GRACE_S)
        except TimeoutError:
            for process in running:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
        await asyncio.gather(*self._slots, return_exceptions=True)


def child_environment() -> dict[str, str]:
    """The parent's environment, less METRICS_PORT: the parent's /metrics already sums its children's figures."""
    return {name: value for name, value in os.environ.items() if name != "METRICS_PORT"}


def _describe(code: int) -> str:
    """Exit code or signal name, as an operator reads it."""
    if code < 0:
        import signal

        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}"
    return f"exit code {code}"


__all__ = ["WorkerChildren", "next_backoff"]
