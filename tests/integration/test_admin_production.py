"""The admin tools on the production stack (bot.wiring.build with one Supabase URL and real Redis): a console
operator grants, revokes, blocks and reads the stats through PostgREST's SQL functions, and the person's export
lists it all — as `python -m bot console` / `python -m bot admin` would with SUPABASE_URL set."""

from __future__ import annotations

import asyncio
import io
import json
import zipfile
from pathlib import Path

import asyncpg
import pytest

from adapters.console.chat import ConsoleChat
from adapters.console.messenger import ConsoleMessenger
from adapters.console.runner import wait_delivered
from bot.wiring import build
from core.models import Identity, Platform
from core.usecases import exports
from tests import servers
from tests.integration.test_production_wiring import production_settings

pytestmark = pytest.mark.servers


async def test_an_operator_runs_every_admin_action_on_supabase_and_the_person_sees_it_in_their_export(
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
        person, operator = ConsoleChat(deps, out.append, user_id="ada"), ConsoleChat(deps, out.append, user_id="ops")
        try:
            for line in ("/start", "/accept"):
                await person.handle(line)
            queued = await person.handle("/imagine a lighthouse")
            assert queued is not None
            await asyncio.wait_for(wait_delivered(deps, queued.id), 30)
            for line in ("grant console:ada 30 welcome", "revoke console:ada 50 oops", "block console:ada abuse"):
                await operator.handle(f"/admin {line}")
            await operator.handle("/admin stats")
            await person.handle("/balance")
            parts = await exports.archive(deps, Identity(platform=Platform.CONSOLE, platform_user_id="ada"), 2**30)
        finally:
            worker.cancel()
            await asyncio.gather(worker, return_exceptions=True)

    transcript = "\n".join(out)
    assert "Granted 30 credits to ada" in transcript and "Took 30 of the 50 credits asked from ada" in transcript
    assert "Blocked ada" in transcript and "Sorry, your account has been suspended" in transcript
    assert "People active: 1 / 1" in transcript and "delivered 1 / 1" in transcript
    assert parts is not None
    with zipfile.ZipFile(io.BytesIO(parts[0].data)) as archive:
        export = json.loads(archive.read("mydata.json"))
    assert [a["action"] for a in export["admin_actions"]] == ["grant", "revoke", "block"]
    assert _rpc_calls(gateway) >= {"admin_credits", "admin_set_blocked", "admin_stats"}
    assert await _audit_rows(supabase_stack) == 4  # three about ada, one (stats) about no one


def _rpc_calls(gateway: servers.SupabaseGateway) -> set[str]:
    return {p.removeprefix("/rest/v1/rpc/") for _, p in gateway.requests if p.startswith("/rest/v1/rpc/")}


async def _audit_rows(stack: servers.SupabaseStack) -> int:
    conn = await asyncpg.connect(stack.postgres.dsn)
    try:
        count: int = await conn.fetchval("select count(*) from admin_audit")
        return count
    finally:
        await conn.close()
