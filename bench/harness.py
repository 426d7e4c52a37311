"""The driver's side: the fake services (this process), the backend servers, and the bot process it measures."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.botdiscord import API_ENV
from tests import servers
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.kie import FakeKie
from tests.fakes.supabase_storage import FakeSupabaseStorage, serve
from tests.fakes.telegram_api import FLOOD_METHODS, FakeTelegram
from tests.fakes.telegram_flood import FloodLimitedTelegram
from tests.fakes.telegram_updates import TgUser, Updates

REPO = Path(__file__).resolve().parent.parent
KIE_KEY = "bench-kie-key"
KIE_HMAC = "bench-kie-hmac-key"
RESULT_METHODS = frozenset({"sendPhoto", "sendDocument", "sendMediaGroup"})


class Backends:
    """The production servers (Postgres + PostgREST, Redis), started once and emptied before each scenario."""

    def __init__(self) -> None:
        self.stack: servers.SupabaseStack | None = None
        self.redis: servers.RedisServer | None = None

    def start(self) -> str | None:
        """Start them; returns why not when a binary is missing (the production runs are then skipped)."""
        rest = servers.find_postgrest() or servers.install_postgrest()
        pg, redis = servers.find_pg_bindir(), servers.find_redis_server()
        if pg is None or rest is None or redis is None:
            return "Postgres, PostgREST or redis-server not installed"
        self.stack = servers.start_supabase_stack(pg, rest)
        self.redis = servers.RedisServer(redis).start()
        return None

    def stop(self) -> None:
        if self.stack is not None:
            self.stack.postgrest.stop()
            self.stack.postgres.stop()
        if self.redis is not None:
            self.redis.stop()


@dataclass
class Tracker:
    """Reads the fake Bot API's call log as it grows: first message per chat, result per chat, send rate."""

    telegram: FakeTelegram
    first_message: dict[int, float] = field(default_factory=dict)
    result: dict[int, float] = field(default_factory=dict)
    sends_ok: list[float] = field(default_factory=list)
    rejected_429: int = 0
    _cursor: int = 0

    def scan(self) -> None:
        calls = self.telegram.calls
        while self._cursor < len(calls):
            call = calls[self._cursor]
            self._cursor += 1
            if call.method in FLOOD_METHODS:
                if call.ok:
                    self.sends_ok.append(call.at)
                elif call.error and call.error.get("error_code") == 429:
                    self.rejected_429 += 1
            if not call.ok or call.chat_id is None:
                continue
            if call.method == "sendMessage":
                self.first_message.setdefault(call.chat_id, call.at)
            if call.method in RESULT_METHODS:
                self.result.setdefault(call.chat_id, call.at)


class BotProcess:
    """`python -m bench.botproc` with its settings in the environment; reads its BENCH lines."""

    def __init__(self, proc: asyncio.subprocess.Process, log_path: Path) -> None:
        self.proc = proc
        self.log_path = log_path
        self.done: dict[str, list[str]] = {}
        self.done_count = 0
        self.result: dict[str, Any] | None = None
        self.ready: dict[str, Any] = {}
        self._changed = asyncio.Condition()
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.proc.stdout is not None
        while line := await self.proc.stdout.readline():
            text = line.decode().rstrip("\n")
            if not text.startswith("BENCH "):
                continue
            _, kind, payload = (text + " ").split(" ", 2)
            payload = payload.strip()
            async with self._changed:
                if kind == "done":
                    chat, outcome = payload.split()
                    self.done.setdefault(chat, []).append(outcome)
                    self.done_count += 1
                elif kind == "ready":
                    self.ready = json.loads(payload)
                elif kind == "result":
                    self.result = json.loads(payload)
                elif kind == "marked":
                    self.ready["marked"] = True
                elif kind == "announced":
                    self.ready["announced"] = json.loads(payload)
                self._changed.notify_all()
        async with self._changed:
            self._changed.notify_all()

    async def wait(self, predicate: Any, within_s: float) -> bool:
        async with self._changed:
            try:
                await asyncio.wait_for(
                    self._changed.wait_for(
                        lambda: predicate() or self.proc.returncode is not None or self._reader.done()
                    ),
                    within_s,
                )
            except TimeoutError:
                return False
        return bool(predicate())

    async def send(self, command: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{command}\n".encode())
        await self.proc.stdin.drain()

    async def mark(self) -> None:
        self.ready.pop("marked", None)
        await self.send("mark")
        if not await self.wait(lambda: self.ready.get("marked"), 30):
            raise RuntimeError(f"bot did not answer 'mark'; see {self.log_path}")

    async def announce(self) -> int:
        """Record a policy-change announcement for everyone in the bot (as `python -m bot announce` would)."""
        await self.send("announce")
        if not await self.wait(lambda: self.ready.get("announced"), 120):
            raise RuntimeError(f"bot did not answer 'announce'; see {self.log_path}")
        people: int = self.ready["announced"]["people"]
        return people

    async def stop(self) -> dict[str, Any]:
        await self.send("stop")
        await self.wait(lambda: self.result is not None, 120)
        try:
            await asyncio.wait_for(self.proc.wait(), 60)
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()
        if self.result is None:
            raise RuntimeError(f"bot gave no result; see {self.log_path}")
        return self.result


@dataclass
class World:
    """Everything one scenario run talks to."""

    telegram: FakeTelegram
    kie: FakeKie
    bot: BotProcess
    tracker: Tracker
    backend: str
    updates: Updates = field(default_factory=Updates)
    discord: FakeDiscord | None = None  # the chat under test when given (see `world`)

    async def imagine(self, user_id: int, prompt: str = "a lighthouse at dusk") -> float:
        """Push one `/imagine` update; returns when (monotonic) it became available to getUpdates."""
        at = time.monotonic()
        await self.telegram.push(self.updates.text(TgUser(user_id), f"/imagine {prompt}"))
        return at


@asynccontextmanager
async def world(
    *,
    backend: str,
    backends: Backends,
    out_dir: Path,
    name: str,
    first_user: int,
    user_count: int,
    latency_s: float,
    failure_rate: float = 0.0,
    telegram_per_second: float = 0.0,
    telegram_rate: float = 30.0,
    worker_concurrency: int = 1000,
    credits: int = 0,
    env: dict[str, str] | None = None,
    kie_create_limit: tuple[int, float] | None = None,
    result_image: bytes | None = None,
    telegram_class: type[FloodLimitedTelegram] = FloodLimitedTelegram,
    discord: FakeDiscord | None = None,
) -> AsyncIterator[World]:
    """Start the fakes (and empty the production servers), then the bot process; tear all down after.

    With `discord`, the bot runs Discord against it (interactions fed over stdin) instead of Telegram."""
    telegram: FakeTelegram = telegram_class(per_second=telegram_per_second) if telegram_per_second else FakeTelegram()
    kie = FakeKie(
        api_key=KIE_KEY,
        credits=1e9,
        webhook_hmac_key=KIE_HMAC,
        latency_s=latency_s,
        failure_rate=failure_rate,
        create_limit=kie_create_limit,
        result_image=result_image,
    )
    await telegram.start()
    await kie.start()
    if discord is not None:
        await discord.start()
    data_dir = Path(tempfile.mkdtemp(prefix="bench-data-"))
    web_port = servers.free_port()
    settings_env = {
        "BOT_DATA_DIR": str(data_dir),
        "TELEGRAM_BOT_TOKEN": telegram.token,
        "TELEGRAM_BASE_URL": telegram.base_url,
        "TELEGRAM_BASE_FILE_URL": telegram.base_file_url,
        "KIE_API_KEY": KIE_KEY,
        "KIE_BASE_URL": kie.base_url,
        "KIE_WEBHOOK_HMAC_KEY": KIE_HMAC,
        # The operator raised KIE's createTask budget with KIE support (default 20 per 10 s).
        "KIE_CREATE_LIMIT": "100000",
        "KIE_CREATE_WINDOW_S": "10",
        "PUBLIC_BASE_URL": f"http://127.0.0.1:{web_port}",
        "WEB_HOST": "127.0.0.1",
        "PORT": str(web_port),
        "PRODUCTS_JSON": "[]",
        **({"DISCORD_BOT_TOKEN": "fake", API_ENV: discord.api_base} if discord is not None else {}),
        **(env or {}),
    }
    cleanup: list[Any] = []
    if backend == "production":
        assert backends.stack is not None and backends.redis is not None
        await servers.truncate_all(backends.stack.postgres.dsn)
        await _flush_redis(backends.redis.url)
        storage = FakeSupabaseStorage(backends.stack.service_key())
        runner, storage_url = await serve(storage)
        gateway = servers.SupabaseGateway(backends.stack.postgrest.url, storage_url)
        await gateway.start()
        cleanup += [gateway.stop, runner.cleanup]
        settings_env |= {
            "SUPABASE_URL": gateway.url,
            "SUPABASE_SERVICE_ROLE_KEY": backends.stack.service_key(),
            "REDIS_URL": backends.redis.url,
        }
    child_env = {k: v for k, v in os.environ.items() if not k.startswith(("SUPABASE_", "REDIS_", "KIE_", "TELEGRAM_"))}
    child_env |= settings_env
    config = {
        "first_user": first_user,
        "user_count": user_count,
        "credits": credits,
        "worker_concurrency": worker_concurrency,
        "telegram_rate": telegram_rate,
        "platform": "discord" if discord is not None else "telegram",
    }
    log_path = out_dir / f"{name}-{backend}.bot.log"
    log_file = await asyncio.to_thread(_open_log, log_path)
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.botproc",
        json.dumps(config),
        cwd=REPO,
        env=child_env,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=log_file,
        limit=64 * 1024 * 1024,
    )
    bot = BotProcess(proc, log_path)
    try:
        if not await bot.wait(lambda: bool(bot.ready), 600):
            raise RuntimeError(f"bot did not start; see {log_path}")
        yield World(telegram, kie, bot, Tracker(telegram), backend, discord=discord)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
        log_file.close()
        for step in reversed(cleanup):
            await step()
        await kie.stop()
        await telegram.stop()
        if discord is not None:
            await discord.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


def _open_log(path: Path) -> Any:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("wb")


async def _flush_redis(url: str) -> None:
    from redis.asyncio import Redis

    client = Redis.from_url(url)
    try:
        await client.flushall()
    finally:
        await client.aclose()
