"""LOG_LEVEL=DEBUG holds no secret and nothing a person wrote (#13 item 4): a representative part of the Telegram
end-to-end suite — webhook mode, onboarding, an image in a private chat and in a group, a reference photo, a
deletion confirmed with its code — run with every logger (python-telegram-bot, httpx, aiohttp, ours) at DEBUG
through the bot's own root handler, and a token Telegram rejects at start printed nowhere."""

from __future__ import annotations

import io
import logging
import os
import re
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.logs import setup_logging
from tests.e2e.test_telegram import GROUP, png, running, settings_for
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.telegram_updates import TgUser
from tests.servers import free_port

TOKEN = "7712345678:AAFakeTokenForTestsOnly_abcdefghijklmnop"
WEBHOOK_SECRET = "tg-webhook-secret-6f1d2a9b"
ZENOBIA = TgUser(7_654_321_012, "Zenobia")
PROMPT = "a lighthouse painted by quixotiq"
LOUD = ("telegram", "httpx", "httpcore", "aiohttp", "aiosqlite", "asyncio", "hpack", "telegram.ext.Updater")


@pytest.fixture
def debug_log() -> Iterator[io.StringIO]:
    """The bot's own root handler (formatter + redaction) at DEBUG for every logger, written to a buffer."""
    root = logging.getLogger()
    level, handlers = root.level, root.handlers[:]
    loud = {name: logging.getLogger(name).level for name in LOUD}
    stream = io.StringIO()
    handler = setup_logging("DEBUG", "text", [TOKEN, WEBHOOK_SECRET])
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(stream)
    for name in LOUD:
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield stream
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, previous in loud.items():
        logging.getLogger(name).setLevel(previous)


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(TOKEN) as server:
        yield server


async def test_a_debug_run_logs_no_token_secret_prompt_code_name_or_user_id(
    tmp_path: Path, fake: FakeTelegram, debug_log: io.StringIO
) -> None:
    settings = settings_for(
        tmp_path,
        fake,
        telegram_bot_token=SecretStr(TOKEN),
        telegram_webhook_url="https://bot.example.test/webhooks/telegram",
        telegram_webhook_secret=SecretStr(WEBHOOK_SECRET),
    )
    async with running(settings, fake) as bot:
        await bot.onboard(ZENOBIA)
        await bot.command(ZENOBIA, f"/imagine {PROMPT}")
        await bot.photo(ZENOBIA.id)
        await bot.command(ZENOBIA, f"/imagine@ImageTestBot {PROMPT} at night", chat=GROUP)
        await bot.photo(GROUP["id"])
        await bot.send(bot.updates.photo(ZENOBIA, fake.photo_sizes(png()), caption=f"/imagine {PROMPT} in blue"))
        await bot.photo(ZENOBIA.id, count=2)
        await bot.command(ZENOBIA, "/deleteme")
        confirm = await bot.said(ZENOBIA.id, "Are you sure?")
        code = confirm.buttons()[0]["callback_data"].rsplit(":", 1)[1]
        await bot.press(ZENOBIA, f"del:yes:{code}", confirm.result)
        await bot.said(ZENOBIA.id, "have been deleted", method="editMessageText")

    log = debug_log.getvalue()
    assert len(re.findall(r" DEBUG telegram", log)) > 20 and " httpx: HTTP Request" in log, "the run was at DEBUG"
    assert " DEBUG aiosqlite" in log and " DEBUG httpcore" in log
    forbidden = {
        "the token": TOKEN,
        "the token's secret half": TOKEN.split(":", 1)[1],
        "the webhook secret": WEBHOOK_SECRET,
        "a prompt": "quixotiq",
        "the deletion code": code,
        "a first name": ZENOBIA.first_name,
        "a user id": str(ZENOBIA.id),
    }
    leaks = {what: [line for line in log.splitlines() if value in line][:2] for what, value in forbidden.items()}
    assert {what: lines for what, lines in leaks.items() if lines} == {}


def test_a_token_telegram_rejects_at_start_is_printed_nowhere(tmp_path: Path) -> None:
    """`python -m bot run` at LOG_LEVEL=DEBUG against a Bot API that answers 401 to this token."""
    fake = subprocess.Popen(
        [sys.executable, "-c", FAKE_SERVER, str(port := free_port())], stdout=subprocess.PIPE, text=True
    )
    try:
        assert fake.stdout is not None and fake.stdout.readline().strip() == "ready"
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("SUPABASE", "REDIS", "CREEM", "KIE"))}
        done = subprocess.run(
            [sys.executable, "-m", "bot", "run"],
            env={
                **clean,
                "BOT_DATA_DIR": str(tmp_path),
                "LOG_LEVEL": "DEBUG",
                "PORT": str(free_port()),
                "TELEGRAM_BOT_TOKEN": TOKEN,
                "TELEGRAM_BASE_URL": f"http://127.0.0.1:{port}/bot",
            },
            capture_output=True,
            text=True,
            timeout=90,
            cwd=tmp_path,
        )
    finally:
        fake.terminate()
        fake.wait(timeout=10)

    output = done.stdout + done.stderr
    assert done.returncode == 2 and "TELEGRAM_BOT_TOKEN" in done.stderr
    assert TOKEN.split(":", 1)[1] not in output and TOKEN not in output


# A Bot API that refuses every token, as Telegram does a revoked one (HTTP 401 on getMe).
FAKE_SERVER = """
import sys
from aiohttp import web

async def refuse(request):
    return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)

app = web.Application()
app.router.add_route("*", "/{tail:.*}", refuse)
runner = web.AppRunner(app)
import asyncio
async def main():
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", int(sys.argv[1])).start()
    print("ready", flush=True)
    await asyncio.Event().wait()
asyncio.run(main())
"""
