"""bot.wiring.build on the production stack: one Supabase URL (gateway → PostgREST + Storage fake) and real Redis.

A console chat then runs the whole life of an account on those adapters, as `python -m bot console` would with
SUPABASE_URL / SUPABASE_SERVICE_ROLE_KEY / REDIS_URL set.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import asyncpg
import pytest
from pydantic import SecretStr

from adapters.console.chat import ConsoleChat
from adapters.console.messenger import ConsoleMessenger
from adapters.console.runner import wait_delivered
from bot.settings import Settings
from bot.wiring import build
from core.models import Platform
from tests import servers

pytestmark = pytest.mark.servers


def production_settings(
    gateway: servers.SupabaseGateway, stack: servers.SupabaseStack, redis: servers.RedisServer, data_dir: Path
) -> Settings:
    return Settings(
        _env_file=None,
        bot_data_dir=data_dir,
        supabase_url=gateway.url,
        supabase_service_role_key=SecretStr(stack.service_key()),
        redis_url=SecretStr(redis.url),
    )


async def test_build_chooses_supabase_storage_and_redis_behind_one_supabase_url(
    gateway: servers.SupabaseGateway,
    supabase_stack: servers.SupabaseStack,
    redis_server: servers.RedisServer,
    tmp_path: Path,
) -> None:
    settings = production_settings(gateway, supabase_stack, redis_server, tmp_path)

    async with build(settings) as runtime:
        components = dict(runtime.components)

    assert components["store"] == "supabase"
    assert components["blobs"] == "supabase-storage"
    assert components["coordination"] == "redis"
    assert any(path.startswith("/rest/v1/") for _, path in gateway.requests)


async def test_a_console_chat_lives_a_whole_account_life_on_the_production_adapters(
    gateway: servers.SupabaseGateway,
    supabase_stack: servers.SupabaseStack,
    redis_server: servers.RedisServer,
    tmp_path: Path,
) -> None:
    settings = production_settings(gateway, supabase_stack, redis_server, tmp_path)
    out: list[str] = []
    async with build(settings) as runtime:
        deps = runtime.deps
        runtime.router.register(Platform.CONSOLE, ConsoleMessenger(out.append, deps.blobs, deps.policy.link_ttl_s))
        worker = asyncio.create_task(runtime.worker.run())
        chat = ConsoleChat(deps, out.append, user_id="prod-tester")
        try:
            await chat.handle("/start")
            await chat.handle("/accept")
            queued = await chat.handle("/imagine a lighthouse at dusk")
            assert queued is not None
            await asyncio.wait_for(wait_delivered(deps, queued.id), 30)
            await chat.handle("/balance")
            await chat.handle("/mydata")
            await chat.handle("/deleteme")
            code = re.search(r"/deleteme (\w+) \(valid", out[-1])
            assert code is not None, out[-1]
            await chat.handle(f"/deleteme {code.group(1)}")
        finally:
            worker.cancel()
            await asyncio.gather(worker, return_exceptions=True)

    transcript = "\n".join(out)
    assert "Thanks! You can now create images" in transcript
    assert "Done: “a lighthouse at dusk”" in transcript
    assert "Free images left today: 2 of 3" in transcript
    assert "Here is everything we hold about you (mydata.json and your images, zipped)" in transcript
    assert "/storage/v1/object/sign/images/" in transcript  # the image and the export live in Storage
    assert "Your account and your data have been deleted" in transcript
    assert await _generation_row(supabase_stack, queued.id) is None  # deleted with the account
    assert ("POST", "/rest/v1/rpc/reserve_generation") in gateway.requests or any(
        p.startswith("/rest/v1/rpc/") for _, p in gateway.requests
    )


async def _generation_row(stack: servers.SupabaseStack, generation_id: str) -> asyncpg.Record | None:
    conn = await asyncpg.connect(stack.postgres.dsn)
    try:
        return await conn.fetchrow("select * from generations where id = $1", generation_id)
    finally:
        await conn.close()
