"""Runs the terminal chat: reads standard input line by line (typed or piped) and waits for jobs at the end."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import threading
from collections.abc import Awaitable, Callable, Mapping

from adapters.console.chat import ConsoleChat
from adapters.console.messenger import ConsoleMessenger
from core.announcer import Announcer
from core.deps import Deps
from core.locales import normalise
from core.models import Platform
from core.texts import t
from core.worker import Worker

POLL_S = 0.05


def console_locale(environ: Mapping[str, str]) -> str:
    """The terminal's language as gettext reads it: LANGUAGE (its first entry), then LC_ALL, LC_MESSAGES, LANG."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").split(":")[0].strip()
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return normalise(value)
    return normalise(None)


async def read_stdin_line() -> str:
    """Read in a daemon thread: a read still waiting for the keyboard must not hold the process after Ctrl-C."""
    loop = asyncio.get_running_loop()
    line: asyncio.Future[str] = loop.create_future()

    def deliver(result: str | BaseException) -> None:
        if line.done():
            return
        if isinstance(result, BaseException):
            line.set_exception(result)
        else:
            line.set_result(result)

    def read() -> None:
        try:
            result: str | BaseException = sys.stdin.readline()
        except Exception as error:
            result = error
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: nobody is waiting any more
            loop.call_soon_threadsafe(deliver, result)

    threading.Thread(target=read, name="console-stdin", daemon=True).start()
    return await line


def print_line(text: str) -> None:
    print(text, flush=True)


async def run_console(
    deps: Deps,
    worker: Worker,
    register: Callable[[Platform, ConsoleMessenger], None],
    *,
    user_id: str,
    read_line: Callable[[], Awaitable[str]] = read_stdin_line,
    out: Callable[[str], None] = print_line,
    wait_each: bool = True,
    locale: str = "en",
) -> None:
    """`wait_each` makes a piped chat read like a conversation: each result arrives before the next line."""
    register(Platform.CONSOLE, ConsoleMessenger(out, deps.blobs, deps.policy.link_ttl_s))
    chat = ConsoleChat(deps, out, user_id=user_id, locale=locale)
    worker_task = asyncio.create_task(worker.run())
    out(t("console_banner", chat.locale))
    announcer = Announcer(deps, lambda: [Platform.CONSOLE], user=user_id)
    announcing: asyncio.Task[None] | None = None
    try:
        await _announced(announcer)  # notices recorded while the console was closed come first
        announcing = asyncio.create_task(announcer.run())
        while line := await read_line():
            queued = await chat.handle(line)
            if queued is not None and wait_each:
                await wait_delivered(deps, queued.id)
        await wait_console_jobs(deps)
    finally:
        for task in (worker_task, announcing):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task


async def _announced(announcer: Announcer) -> None:
    """Print this person's pending announcements (once each, as on every platform)."""
    with contextlib.suppress(Exception):
        while await announcer.round():
            pass


async def wait_delivered(deps: Deps, generation_id: str) -> None:
    limit = deps.policy.generation_deadline_s + 60
    waited = 0.0
    while waited < limit:
        generation = await deps.store.get_generation(generation_id)
        if generation is None or generation.delivered_at is not None:
            return
        await asyncio.sleep(POLL_S)
        waited += POLL_S


async def wait_console_jobs(deps: Deps) -> None:
    """At the end of input, wait for every console generation still running, then return."""
    for generation in await deps.store.unfinished():
        if generation.delivery.platform is Platform.CONSOLE:
            await wait_delivered(deps, generation.id)
