"""The bot under test, alone in its process so that its CPU time, memory and event loop are measured by themselves.

It composes the product as `python -m bot run` does (bot.wiring.build, the Telegram runner polling the Bot API,
the aiohttp web app for KIE callbacks, the worker), plus what only a benchmark needs: counting proxies around the
Store/Limiter/JobQueue/Signals/BlobStore/CreateLine, a timing wrapper around the Telegram messenger, a handler in
group -1 that stamps when each update reaches the bot, and an event-loop lag probe.

Protocol (stdout lines starting with "BENCH "): `ready {...}` once seeded and polling; `done <chat> <ok|failed>`
per finished generation; `result {...}` after "stop" on stdin. Commands on stdin: `mark` (reset the counters and
the peak RSS: measurement starts), `stop`.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import inspect
import json
import logging
import os
import resource
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from aiohttp import web
from telegram import Update
from telegram.ext import ContextTypes, TypeHandler

import adapters.telegram.runner as tg_runner
from adapters.telegram.config import MESSAGES_PER_SECOND
from bench.botdiscord import API_ENV, discord_side
from bot.settings import Settings
from bot.web import create_app
from bot.wiring import build
from core.announcements import AnnouncementKind, Reach
from core.announcer import Announcer
from core.deps import Deps
from core.models import Balance, Generation, Identity, LedgerKind, Platform
from core.ports import Messenger, Notice, QueueSpot, Ready, ResultImages
from core.usecases import announcements
from core.worker import Worker

PROBE_INTERVAL_S = 0.01


def emit(kind: str, payload: Any = "") -> None:
    text = payload if isinstance(payload, str) else json.dumps(payload)
    sys.stdout.write(f"BENCH {kind} {text}\n")
    sys.stdout.flush()


class Counting:
    """Counts every awaited call through the wrapped port (one call = one round trip for a networked adapter)."""

    def __init__(self, inner: Any, name: str, counts: Counter[str]) -> None:
        self._inner = inner
        self._name = name
        self._counts = counts
        self._wrapped: dict[str, Any] = {}

    def __getattr__(self, attr: str) -> Any:
        if attr in self._wrapped:
            return self._wrapped[attr]
        value = getattr(self._inner, attr)
        if not inspect.iscoroutinefunction(value):
            return value
        key = f"{self._name}.{attr}"

        @functools.wraps(value)
        async def counted(*args: Any, **kwargs: Any) -> Any:
            self._counts[key] += 1
            return await value(*args, **kwargs)

        self._wrapped[attr] = counted
        return counted


class TimedMessenger:
    """Wraps the Telegram messenger: when a result (or failure) has been sent, per chat."""

    def __init__(self, inner: Messenger, state: State) -> None:
        self._inner = inner
        self._state = state

    async def progress(self, generation: Generation, stage: str, done: int, locale: str) -> None:
        await self._inner.progress(generation, stage, done, locale)

    async def queued(self, generation: Generation, spot: QueueSpot, locale: str) -> None:
        await self._inner.queued(generation, spot, locale)

    async def deliver(self, generation: Generation, images: ResultImages, balance: Balance | None, locale: str) -> None:
        await self._inner.deliver(generation, images, balance, locale)
        self._state.finished(generation.delivery.chat_id, "ok")

    async def tidy(self, generation: Generation, locale: str) -> None:
        await self._inner.tidy(generation, locale)

    async def failed(self, generation: Generation, locale: str) -> None:
        await self._inner.failed(generation, locale)
        self._state.finished(generation.delivery.chat_id, "failed")

    async def notify(self, identity: Identity, notice: Notice, locale: str) -> bool:
        return await self._inner.notify(identity, notice, locale)

    async def announce(self, identity: Identity, text: str, ready: Ready) -> Reach:
        return await self._inner.announce(identity, text, ready)


@dataclasses.dataclass
class State:
    counts: Counter[str] = dataclasses.field(default_factory=Counter)
    received: dict[str, list[float]] = dataclasses.field(default_factory=dict)
    sent: dict[str, list[float]] = dataclasses.field(default_factory=dict)
    outcomes: Counter[str] = dataclasses.field(default_factory=Counter)
    lag: list[float] = dataclasses.field(default_factory=list)
    max_in_flight: int = 0
    cpu_at_mark: float = 0.0
    system_at_mark: float = 0.0
    wall_at_mark: float = 0.0
    rss_at_mark_kb: int = 0

    def finished(self, chat_id: str, outcome: str) -> None:
        self.sent.setdefault(chat_id, []).append(time.monotonic())
        self.outcomes[outcome] += 1
        emit("done", f"{chat_id} {outcome}")

    def mark(self) -> None:
        self.counts.clear()
        self.received.clear()
        self.sent.clear()
        self.outcomes.clear()
        self.lag.clear()
        self.max_in_flight = 0
        # Linux: writing "5" resets VmHWM (the peak RSS) to the current RSS.
        with contextlib.suppress(OSError), open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        self.cpu_at_mark = cpu_seconds()
        self.system_at_mark = resource.getrusage(resource.RUSAGE_SELF).ru_stime
        self.wall_at_mark = time.monotonic()
        self.rss_at_mark_kb = proc_status_kb("VmRSS")


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def proc_status_kb(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


async def probe_loop(state: State, worker: Worker) -> None:
    """Scheduling delay of a task that asks to wake every 10 ms (what every handler waits on top of its work)."""
    loop = asyncio.get_running_loop()
    while True:
        start = loop.time()
        await asyncio.sleep(PROBE_INTERVAL_S)
        state.lag.append(max(0.0, loop.time() - start - PROBE_INTERVAL_S))
        state.max_in_flight = max(state.max_in_flight, worker.in_flight)


async def seed(deps: Deps, users: list[int], credits: int, platform: Platform = Platform.TELEGRAM) -> None:
    """Accounts that already accepted the terms (and, if asked, hold credits): onboarding is not what we measure."""
    now = datetime.now(UTC)
    slots = asyncio.Semaphore(32)

    async def one(user_id: int) -> None:
        async with slots:
            identity = Identity(platform=platform, platform_user_id=str(user_id))
            account = await deps.store.create_account(identity, "Bench", "en", now)
            if not account.has_consented:
                await deps.store.give_consent(account.id, now)
            if credits:
                await deps.store.add_credits(account.id, credits, LedgerKind.ADMIN, f"bench:{user_id}", "bench", now)

    await asyncio.gather(*(one(u) for u in users))


async def commands() -> str:
    line: str = await asyncio.to_thread(sys.stdin.readline)
    return line.strip()


@asynccontextmanager
async def chat_running(
    config: dict[str, Any],
    deps: Deps,
    register: Callable[[Platform, Messenger], None],
    settings: Settings,
    app: web.Application,
    budget: Any,
    state: State,
) -> AsyncIterator[Callable[[str], None]]:
    """The chat platform under test (Telegram by default); yields the handler of `interaction` lines (Discord)."""
    if config.get("platform") == "discord":
        async with discord_side(deps, register, settings, budget, os.environ[API_ENV]) as on_interaction:
            yield on_interaction
        return

    async def stamp(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.effective_chat is not None:
            state.received.setdefault(str(update.effective_chat.id), []).append(time.monotonic())

    async with tg_runner.telegram_running(deps, register, settings.telegram_config(), app, budget) as tg_app:
        tg_app.add_handler(TypeHandler(Update, stamp), group=-1)
        yield lambda payload: None


async def main(config: dict[str, Any]) -> None:
    rate = float(config.get("telegram_rate", MESSAGES_PER_SECOND))  # 0 lifts the bot's own overall limit
    settings = Settings(_env_file=None, telegram_messages_per_second=rate or 1_000_000.0)
    state = State()
    async with build(settings, worker_concurrency=int(config["worker_concurrency"])) as runtime:
        base = runtime.deps
        deps = dataclasses.replace(
            base,
            store=Counting(base.store, "store", state.counts),
            limiter=Counting(base.limiter, "limiter", state.counts),
            queue=Counting(base.queue, "queue", state.counts),
            signals=Counting(base.signals, "signals", state.counts),
            blobs=Counting(base.blobs, "blobs", state.counts),
            line=Counting(base.line, "line", state.counts),
        )
        worker = Worker(deps, concurrency=int(config["worker_concurrency"]))
        users = list(range(int(config["first_user"]), int(config["first_user"]) + int(config["user_count"])))
        platform = Platform(config.get("platform", "telegram"))
        await seed(base, users, int(config.get("credits", 0)), platform)
        app = create_app(deps, settings)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", settings.port).start()

        def register(platform: Platform, messenger: Messenger) -> None:
            runtime.router.register(platform, TimedMessenger(messenger, state))

        budget = Counting(runtime.send_budget, "send_budget", state.counts)
        async with chat_running(config, deps, register, settings, app, budget, state) as on_interaction:
            worker_task = asyncio.create_task(worker.run())
            announcer = asyncio.create_task(Announcer(deps, runtime.router.platforms).run())  # as `bot run` has
            probe = asyncio.create_task(probe_loop(state, worker))
            emit("ready", {"pid": os.getpid(), "components": runtime.components, "rss_kb": proc_status_kb("VmRSS")})
            while (command := await commands()) != "stop":
                if command == "mark":
                    state.mark()
                    emit("marked")
                elif command == "announce":  # the operator's `python -m bot announce --policy-change …`
                    _, people = await announcements.announce(deps, AnnouncementKind.POLICY, "Bench: a new policy.")
                    emit("announced", {"people": people})
                elif command.startswith("interaction "):
                    on_interaction(command.split(" ", 1)[1])
                elif not command:  # the driver went away
                    break
            result = {
                "cpu_s": cpu_seconds() - state.cpu_at_mark,
                "cpu_system_s": resource.getrusage(resource.RUSAGE_SELF).ru_stime - state.system_at_mark,
                "wall_s": time.monotonic() - state.wall_at_mark,
                "peak_rss_kb": proc_status_kb("VmHWM"),
                "rss_at_mark_kb": state.rss_at_mark_kb,
                "rss_end_kb": proc_status_kb("VmRSS"),
                "loop_lag_s": state.lag,
                "counts": dict(state.counts),
                "received": state.received,
                "sent": state.sent,
                "outcomes": dict(state.outcomes),
                "max_in_flight": state.max_in_flight,
            }
            for task in (probe, worker_task, announcer):
                task.cancel()
            await asyncio.gather(probe, worker_task, announcer, return_exceptions=True)
            await worker.stop()
            emit("result", result)
        await runner.cleanup()


if __name__ == "__main__":
    logging.basicConfig(level=os.environ.get("BENCH_BOT_LOG_LEVEL", "WARNING"), stream=sys.stderr)
    profile_to = os.environ.get("BENCH_PROFILE")  # a path: cProfile the bot process into it
    if profile_to:
        import cProfile

        cProfile.run("asyncio.run(main(json.loads(sys.argv[1])))", profile_to)
    else:
        asyncio.run(main(json.loads(sys.argv[1])))
