"""The bot process the crash test kills: `python -m tests.faults.crash_child DELIVERIES [--seed N]`.

It is the real composition root (`bot.wiring.build(Settings())`: SQLite in BOT_DATA_DIR, the real KIE client at
KIE_BASE_URL, in-process queue) with two test-only changes: results go to a messenger that appends one JSON line
per outcome to DELIVERIES (durable, so the test can count deliveries across processes), and polling is quick.
With `--seed N` it first creates people and requests N generations through the core, as chats would.
With `--web PORT` it also serves the web app (KIE callbacks); with `--die-after-result` it SIGKILLs itself right
after its first result was sent and marked delivered (where the status message would be tidied away).
With REDIS_URL set it is one of several workers sharing the Redis queue, like `python -m bot worker`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
from dataclasses import replace
from pathlib import Path

from aiohttp import web

from bot.logs import setup_logging
from bot.settings import Settings
from bot.web import create_app
from bot.wiring import build
from core.announcements import Reach
from core.deps import Deps
from core.models import Balance, DeliveryTarget, Generation, GenerationRequest, Identity, LedgerKind, Platform
from core.ports import Notice, QueueSpot, Ready, ResultImages
from core.usecases import generation, onboarding
from core.worker import Worker

PER_PERSON = 2
GRANT = 5


class JsonLinesMessenger:
    """Appends `{"generation_id", "outcome", "images", "pid"}` per result and fsyncs before returning."""

    def __init__(self, path: Path, *, die_after_result: bool = False) -> None:
        self.path = path
        self.die_after_result = die_after_result

    def _append(self, record: dict[str, object]) -> None:
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")
            out.flush()
            os.fsync(out.fileno())

    async def progress(self, generation: Generation, stage: str, done: int, locale: str) -> None:
        return None

    async def queued(self, generation: Generation, spot: QueueSpot, locale: str) -> None:
        return None

    async def deliver(self, generation: Generation, images: ResultImages, balance: Balance | None, locale: str) -> None:
        record = {"generation_id": generation.id, "outcome": "delivered", "images": len(images), "pid": os.getpid()}
        await asyncio.to_thread(self._append, record)

    async def tidy(self, generation: Generation, locale: str) -> None:
        if self.die_after_result:
            os.kill(os.getpid(), signal.SIGKILL)

    async def failed(self, generation: Generation, locale: str) -> None:
        record = {"generation_id": generation.id, "outcome": "failed", "images": 0, "pid": os.getpid()}
        await asyncio.to_thread(self._append, record)

    async def notify(self, identity: Identity, notice: Notice, locale: str) -> bool:
        return True

    async def announce(self, identity: Identity, text: str, ready: Ready) -> Reach:
        return Reach.SENT if await ready() else Reach.NOT_STARTED


async def seed(deps: Deps, count: int, first: int = 0) -> None:
    """`count` generations from count/2 people (each may run two at once), each person granted a few credits;
    people are numbered from `first` (so two seeding processes ask for different people)."""
    for n in range(first, first + count, PER_PERSON):
        person = Identity(platform=Platform.CONSOLE, platform_user_id=f"person-{n}")
        account = await onboarding.accept_terms(deps, person, age_confirmed=True)
        await deps.store.add_credits(account.id, GRANT, LedgerKind.GRANT, f"grant:{n}", "seed", deps.clock.now())
        for k in range(min(PER_PERSON, first + count - n)):
            request = GenerationRequest(prompt=f"crash test {n}.{k}")
            target = DeliveryTarget(platform=Platform.CONSOLE, chat_id=person.platform_user_id, private=True)
            await generation.request_generation(deps, person, request, target)


async def main(deliveries: Path, count: int, web_port: int | None, die_after_result: bool, first: int = 0) -> None:
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    settings = Settings()
    async with build(settings) as runtime, contextlib.AsyncExitStack() as stack:
        deps = replace(
            runtime.deps, policy=runtime.deps.policy.model_copy(update={"poll_first_s": 0.05, "poll_max_s": 0.2})
        )
        runtime.router.register(Platform.CONSOLE, JsonLinesMessenger(deliveries, die_after_result=die_after_result))
        if web_port is not None:
            runner = web.AppRunner(create_app(deps, settings), access_log=None)
            await runner.setup()
            stack.push_async_callback(runner.cleanup)
            await web.TCPSite(runner, "127.0.0.1", web_port).start()
        if count:
            await seed(deps, count, first)
        worker = Worker(deps)
        running = asyncio.create_task(worker.run())
        await stop.wait()
        running.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await running
        await worker.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("deliveries", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--web", type=int, default=None)
    parser.add_argument("--die-after-result", action="store_true")
    parser.add_argument("--first", type=int, default=0, help="number of the first seeded person")
    args = parser.parse_args()
    setup_logging("WARNING")
    asyncio.run(main(args.deliveries, args.seed, args.web, args.die_after_result, args.first))
