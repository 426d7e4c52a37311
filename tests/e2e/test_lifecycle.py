"""Starting, stopping and staying up, as a supervisor sees the bot: signals stop every command cleanly, a dead
worker child is replaced, and a chat connection that is gone for good ends the process with a non-zero exit."""

from __future__ import annotations

import signal
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.e2e.lifecycle_support import BotProcess, extras, process_state, run_until_it_stops
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.telegram_api import ApiError, Call, FakeTelegram
from tests.servers import RedisServer, free_port

pytestmark = pytest.mark.servers


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_the_web_process_stops_cleanly_on_a_signal(sig: signal.Signals, tmp_path: Path) -> None:
    port = free_port()
    bot = await BotProcess.start("web", env={"PORT": str(port), "WEB_HOST": "127.0.0.1"}, cwd=tmp_path)
    try:
        assert (await bot.wait_http(f"http://127.0.0.1:{port}/healthz/live")).status_code == 200

        bot.signal(sig)

        assert await bot.exit_code() == 0
        assert "Traceback" not in bot.output
    finally:
        await bot.kill()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_the_console_stops_cleanly_on_a_signal_while_waiting_for_input(
    sig: signal.Signals, tmp_path: Path
) -> None:
    bot = await BotProcess.start("console", env={}, cwd=tmp_path, stdin_open=True)
    try:
        await bot.wait_for_line("console chat")

        bot.signal(sig)

        assert await bot.exit_code(timeout_s=20) == 0
        assert "Traceback" not in bot.output
    finally:
        await bot.kill()


async def test_a_worker_serves_health_and_metrics_on_its_port_and_stops_cleanly_on_sigterm(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    port = free_port()
    env = {"REDIS_URL": redis_server.url, "METRICS_PORT": str(port), "WEB_HOST": "127.0.0.1"}
    bot = await BotProcess.start("worker", env=env, cwd=tmp_path)
    try:
        health = await bot.wait_http(f"http://127.0.0.1:{port}/healthz")
        scraped = await bot.wait_http(f"http://127.0.0.1:{port}/metrics")
        assert (health.status_code, health.json()) == (200, {"ok": True, "store": "ok", "redis": "ok"})
        assert "gib_generations_finished_total" in scraped.text

        bot.signal(signal.SIGTERM)

        assert await bot.exit_code() == 0
        assert "Traceback" not in bot.output
    finally:
        await bot.kill()


async def test_a_killed_worker_child_is_reaped_and_restarted(redis_server: RedisServer, tmp_path: Path) -> None:
    env = {"REDIS_URL": redis_server.url, "PORT": str(free_port()), "WEB_HOST": "127.0.0.1"}
    bot = await BotProcess.start("run", "--workers", "2", env=env, cwd=tmp_path)
    try:
        first = extras((await bot.wait_for_line(r"worker process started")).string)
        await bot.wait_for_line(r"wired", after=bot.lines.index(next(x for x in bot.lines if "process started" in x)))
        before = len(bot.lines)

        import os

        os.kill(int(str(first["pid"])), signal.SIGKILL)
        restarted = await bot.wait_for_line(r"worker process exited; restarting", after=before)
        again = extras((await bot.wait_for_line(r"worker process started", after=before)).string)

        assert "SIGKILL" in restarted.string
        assert again["pid"] != first["pid"]
        assert process_state(int(str(first["pid"]))) == "gone"  # reaped, not a zombie
        assert process_state(int(str(again["pid"]))) in ("S", "R")
        scraped = (await bot.wait_http(f"http://127.0.0.1:{env['PORT']}/metrics")).text
        assert "gib_worker_restarts_total 1.0" in scraped

        bot.signal(signal.SIGTERM)
        assert await bot.exit_code() == 0
        assert process_state(int(str(again["pid"]))) == "gone"
        assert "Traceback" not in bot.output
    finally:
        await bot.kill()


# -- chat connections that are gone for good ---------------------------------------------------------------------


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(token="123:TEST") as fake:
        yield fake


async def test_telegram_polling_that_keeps_failing_exits_non_zero_for_the_supervisor(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    async def bad_gateway(call: Call) -> object:
        raise ApiError(502, "Bad Gateway")

    telegram._handlers["getUpdates"] = bad_gateway
    env = {
        "TELEGRAM_BOT_TOKEN": telegram.token,
        "TELEGRAM_BASE_URL": telegram.base_url,
        "CHAT_GIVE_UP_AFTER_S": "2",
        "PORT": str(free_port()),
    }
    code, output = await run_until_it_stops(env, tmp_path)

    assert code == 1
    assert "Stopping: CHAT_GIVE_UP_AFTER_S: Telegram polling failed" in output
    assert "Traceback" not in output and telegram.token not in output
    assert sum(c.method == "getUpdates" for c in telegram.calls) >= 2  # it did retry before giving up


async def test_a_discord_gateway_that_cannot_be_reached_exits_non_zero(tmp_path: Path) -> None:
    discord = FakeDiscord()  # speaks REST only: the gateway is never reachable
    await discord.start()
    env = {
        "DISCORD_BOT_TOKEN": "fake",
        "DISCORD_API_BASE_URL": discord.api_base,
        "DISCORD_GATEWAY_URL": f"ws://127.0.0.1:{free_port()}",
        "CHAT_GIVE_UP_AFTER_S": "2",
        "PORT": str(free_port()),
    }
    try:
        code, output = await run_until_it_stops(env, tmp_path)
    finally:
        await discord.stop()

    assert code == 1
    assert "Stopping: CHAT_GIVE_UP_AFTER_S: Discord gateway" in output
    assert "Traceback" not in output


async def test_a_token_revoked_while_polling_exits_at_once_naming_the_token(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    async def revoked(call: Call) -> object:
        raise ApiError(401, "Unauthorized")

    telegram._handlers["getUpdates"] = revoked
    env = {"TELEGRAM_BOT_TOKEN": telegram.token, "TELEGRAM_BASE_URL": telegram.base_url, "PORT": str(free_port())}
    code, output = await run_until_it_stops(env, tmp_path)

    assert code == 1
    assert "Stopping: TELEGRAM_BOT_TOKEN: Telegram polling was refused" in output
    assert "Traceback" not in output and telegram.token not in output
