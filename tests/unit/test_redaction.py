"""The root handler's redaction: what a log line may never hold, whichever library wrote it and in which format."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot.logs import setup_logging

TOKEN = "7712345678:AAFakeTokenForTestsOnly_abcdefghijklmnop"
DATABASE_URL = "postgresql://postgres:pg-pass-9f8e7d@db.example.test:5432/postgres"


@pytest.fixture(params=["text", "json"])
def log_to(request: pytest.FixtureRequest) -> Iterator[io.StringIO]:
    root = logging.getLogger()
    level, handlers = root.level, root.handlers[:]
    stream = io.StringIO()
    handler = setup_logging("DEBUG", str(request.param), [TOKEN, DATABASE_URL, "sk_live_creem_key_123"])
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(stream)
    yield stream
    root.handlers[:] = handlers
    root.setLevel(level)


def test_a_bot_api_url_an_exception_and_extras_lose_the_token(log_to: io.StringIO) -> None:
    log = logging.getLogger("telegram.ext.ExtBot")
    log.debug("Calling %s", f"https://api.telegram.org/bot{TOKEN}/getMe")
    try:
        raise RuntimeError(f"The token `{TOKEN}` was rejected by the server.")
    except RuntimeError:
        logging.getLogger("bot").exception("start failed", extra={"url": f"https://api.telegram.org/bot{TOKEN}/x"})

    output = log_to.getvalue()
    assert TOKEN not in output and TOKEN.split(":")[1] not in output
    assert "RuntimeError" in output and "start failed" in output


def test_configured_secrets_and_their_parts_are_masked_anywhere(log_to: io.StringIO) -> None:
    logging.getLogger("supabase").warning("cannot reach %s (password pg-pass-9f8e7d)", DATABASE_URL)
    logging.getLogger("httpx").info("Authorization: Bearer sk_live_creem_key_123 sent")

    output = log_to.getvalue()
    assert "pg-pass-9f8e7d" not in output and "sk_live_creem_key_123" not in output


def test_what_people_write_and_who_they_are_is_masked_in_library_dumps(log_to: io.StringIO) -> None:
    telegram = logging.getLogger("telegram.ext.Application")
    telegram.debug(
        "Processing update %s",
        "Update(message=Message(chat=Chat(first_name='Zenobia', id=7654321012), text='/imagine a secret boat'))",
    )
    discord = logging.getLogger("discord.gateway")
    discord.debug(
        "WebSocket Event: %s",
        {"t": "INTERACTION_CREATE", "d": {"data": {"options": [{"name": "prompt", "value": "a secret boat"}]}}},
    )
    discord.debug("POST %s with %s", "/interactions/1/itok/callback", '{"custom_id": "gib:delete:482913"}')
    logging.getLogger("aiosqlite").debug(
        "executing functools.partial(<built-in method execute of sqlite3.Connection object at 0x1>, "
        "'insert into identities values (?, ?)', ('telegram', '7654321012'))"
    )
    logging.getLogger("aiosqlite").debug(
        "executing functools.partial(<bound method Connection._execute_fetchall of <aiosqlite.core.Connection object "
        "at 0x7f11>>, 'select * from accounts where deletion_code = ?', ('482913',))"
    )
    logging.getLogger("adapters.discord.replies").error("failed", extra={"user_id": 7654321012, "error_id": "ab12"})

    output = log_to.getvalue()
    for secret in ("Zenobia", "7654321012", "secret boat", "482913"):
        assert secret not in output, secret
    assert "insert into identities" in output and "where deletion_code = ?" in output and "ab12" in output


def test_our_own_ids_stay_readable(log_to: io.StringIO) -> None:
    logging.getLogger("core").info("generation queued", extra={"account_id": "acc-1", "generation_id": "gen-2"})

    output = log_to.getvalue()
    assert "acc-1" in output and "gen-2" in output
    if output.startswith("{"):
        assert json.loads(output.splitlines()[0])["generation_id"] == "gen-2"
