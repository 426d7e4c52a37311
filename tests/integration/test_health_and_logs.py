"""What the operator's tooling sees: /healthz readiness per backend (503 when one is down), liveness apart, and
LOG_FORMAT=json as one JSON object per line with ids but never prompts or secrets."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.logs import setup_logging
from bot.settings import Settings
from bot.web import create_app
from bot.wiring import build
from tests.server_fixtures import redis_binary_or_skip
from tests.servers import RedisServer

pytestmark = pytest.mark.servers


@pytest.fixture
def restored_logging() -> Iterator[None]:
    """setup_logging configures the process-wide root logger: put it back as pytest had it, or every later test
    runs (and captures, in memory) at INFO."""
    root = logging.getLogger()
    level, handlers = root.level, root.handlers[:]
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture
async def own_redis() -> AsyncIterator[RedisServer]:
    """A private Redis this test may stop (the session one is shared)."""
    server = RedisServer(redis_binary_or_skip()).start()
    yield server
    server.stop()


async def test_readiness_names_each_backend_and_turns_503_when_redis_is_down(
    own_redis: RedisServer, tmp_path: Path
) -> None:
    settings = Settings(_env_file=None, bot_data_dir=tmp_path, redis_url=own_redis.url)  # type: ignore[call-arg]
    async with build(settings) as runtime:
        app = create_app(runtime.deps, settings, health=runtime.health)
        async with TestClient(TestServer(app)) as client:
            ready = await client.get("/healthz")
            ready_body = await ready.json()
            own_redis.stop()
            down = await client.get("/healthz")
            down_body = await down.json()
            alive = await client.get("/healthz/live")

    assert (ready.status, ready_body) == (200, {"ok": True, "store": "ok", "redis": "ok"})
    assert (down.status, down_body) == (503, {"ok": False, "store": "ok", "redis": "unavailable"})
    assert alive.status == 200


@pytest.mark.usefixtures("restored_logging")
def test_json_logs_are_one_object_per_line_with_ids_and_never_the_prompt(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    setup_logging("INFO", "json")
    log = logging.getLogger("core.usecases.generation")

    log.info("generation queued", extra={"generation_id": "g-1", "account_id": "a-1", "prompt": "a secret fox"})
    try:
        raise ValueError("boom\nsecond line")
    except ValueError:
        log.exception("generation failed", extra={"generation_id": "g-1"})
    logging.getLogger().handlers.clear()

    lines = stream.getvalue().splitlines()
    entries = [json.loads(line) for line in lines]
    assert len(lines) == 2
    assert entries[0]["message"] == "generation queued" and entries[0]["level"] == "INFO"
    assert (entries[0]["generation_id"], entries[0]["account_id"]) == ("g-1", "a-1")
    assert "secret fox" not in stream.getvalue()
    assert entries[1]["error"] == "ValueError" and "boom" in entries[1]["traceback"]


@pytest.mark.usefixtures("restored_logging")
def test_text_logs_stay_readable_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    setup_logging("INFO")

    logging.getLogger("bot.serve").info("web server listening", extra={"port": 8080})
    logging.getLogger().handlers.clear()

    assert stream.getvalue().rstrip().endswith('INFO bot.serve: web server listening {"port": 8080}')
