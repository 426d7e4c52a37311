"""Webhook bodies from strangers (#13 item 3), through bot/web.py under aiohttp's test client, wired by
bot/wiring.build: a callback for a task nobody follows costs nothing lasting, in Redis or in this process, and a
deep-JSON body is a plain 400 — no traceback, no ERROR log — on KIE's, Creem's and Telegram's endpoints."""

from __future__ import annotations

import gc
import logging
import secrets
import tracemalloc
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from pydantic import SecretStr

from adapters.creem.signatures import SIGNATURE_HEADER, webhook_signature
from adapters.kie.callbacks import SIGNATURE_HEADER as KIE_SIGNATURE
from adapters.kie.callbacks import TIMESTAMP_HEADER, sign_kie
from adapters.local.signals import InProcessSignals
from adapters.redis.connect import redis_from_url
from adapters.telegram.config import TelegramConfig
from adapters.telegram.runner import SECRET_HEADER, WEBHOOK_PATH, build_application, webhook_route
from bot.settings import Settings
from bot.web import create_app
from bot.wiring import Runtime, build
from tests import servers

FORGED = 10_000
MB = 1024 * 1024
CREEM_SECRET = "whsec_bodies"
TG_SECRET = "tg-secret-bodies"
DEEP = b"[" * 120_000
DEEP_OBJECT = b'{"a":' * 50_000


def settings(tmp_path: Path, **values: Any) -> Settings:
    return Settings(_env_file=None, bot_data_dir=tmp_path, creem_webhook_secret=SecretStr(CREEM_SECRET), **values)


async def client_for(runtime: Runtime) -> TestClient[web.Request, web.Application]:
    app = create_app(runtime.deps, runtime.settings)
    config = TelegramConfig(token="123:TEST", webhook_secret=TG_SECRET)
    telegram = build_application(config, webhook=True, budget=runtime.send_budget)
    app.router.add_post(WEBHOOK_PATH, webhook_route(telegram, TG_SECRET))
    return TestClient(TestServer(app))


@pytest.fixture
async def in_process(tmp_path: Path) -> AsyncIterator[tuple[Runtime, TestClient[web.Request, web.Application]]]:
    async with build(settings(tmp_path)) as runtime, await client_for(runtime) as client:
        yield runtime, client


async def forge(client: TestClient[web.Request, web.Application], count: int) -> None:
    """Plain session requests: the test client itself keeps every response it made (that is not our memory)."""
    url = client.make_url("/webhooks/kie")
    async with aiohttp.ClientSession() as session:
        for _ in range(count):
            body = {"code": 200, "msg": "done", "data": {"taskId": secrets.token_hex(16), "state": "success"}}
            async with session.post(url, json=body) as response:
                assert response.status == 200


async def test_ten_thousand_forged_kie_callbacks_leave_nothing_in_the_process(
    in_process: tuple[Runtime, TestClient[web.Request, web.Application]],
) -> None:
    runtime, client = in_process
    signals = runtime.deps.signals
    assert isinstance(signals, InProcessSignals)
    await forge(client, 200)  # warm up aiohttp's and the loop's own caches
    gc.collect()
    logging.disable(logging.CRITICAL)  # pytest's log capture keeps every record: that is not the bot's memory
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]

        await forge(client, FORGED)

        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
        logging.disable(logging.NOTSET)
    assert signals.kept() == 0
    assert grown < 1 * MB, f"grew {grown / MB:.2f} MB"


async def test_ten_thousand_forged_kie_callbacks_leave_nothing_in_redis(
    tmp_path: Path, redis_server: servers.RedisServer
) -> None:
    redis = redis_from_url(redis_server.url)
    try:
        async with build(settings(tmp_path, redis_url=SecretStr(redis_server.url))) as runtime:
            assert runtime.components["coordination"] == "redis"
            async with await client_for(runtime) as client:
                signal_keys = {k async for k in redis.scan_iter(match="gib:sig:*")}  # other tests' followers
                keys_before = await redis.dbsize()
                memory_before = (await redis.info("memory"))["used_memory"]

                await forge(client, FORGED)

                memory_after = (await redis.info("memory"))["used_memory"]
                assert {k async for k in redis.scan_iter(match="gib:sig:*")} <= signal_keys
                assert await redis.dbsize() <= keys_before
                assert memory_after - memory_before < 1 * MB
    finally:
        await redis.aclose()


async def test_a_callback_with_a_task_id_no_provider_would_issue_is_refused(
    in_process: tuple[Runtime, TestClient[web.Request, web.Application]],
) -> None:
    runtime, client = in_process

    response = await client.post("/webhooks/kie", json={"taskId": "x" * 200 * 1024})

    assert response.status == 401
    assert isinstance(runtime.deps.signals, InProcessSignals) and runtime.deps.signals.kept() == 0


@pytest.mark.parametrize("body", [DEEP, DEEP_OBJECT, b'{"data": {"taskId": ' + DEEP + b"}}"])
async def test_deep_json_is_a_400_without_a_traceback_on_every_webhook(
    in_process: tuple[Runtime, TestClient[web.Request, web.Application]],
    caplog: pytest.LogCaptureFixture,
    body: bytes,
) -> None:
    _, client = in_process
    caplog.set_level(logging.DEBUG)
    timestamp = "1700000000"

    kie = await client.post("/webhooks/kie", data=body)
    kie_signed = await client.post(
        "/webhooks/kie", data=body, headers={TIMESTAMP_HEADER: timestamp, KIE_SIGNATURE: sign_kie("t", timestamp, "k")}
    )
    creem = await client.post(
        "/webhooks/creem", data=body, headers={SIGNATURE_HEADER: webhook_signature(body, CREEM_SECRET)}
    )
    telegram = await client.post(WEBHOOK_PATH, data=body, headers={SECRET_HEADER: TG_SECRET})

    assert kie.status in (400, 401) and kie_signed.status in (400, 401)
    assert creem.status == 400 and telegram.status == 400
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not [r for r in caplog.records if r.exc_info], "no traceback"
