"""The bot process's Discord side for the Discord crowd benchmark: the real discord.py client and command tree
(adapters.discord.runner), REST against the driver's FakeDiscord, interactions fed as the gateway would dispatch
them (the same way tests/e2e/test_discord.py does), one `interaction <json>` line on stdin each."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import discord

from adapters.discord.runner import Register, discord_running
from bot.settings import Settings
from core.deps import Deps
from core.ports import SendBudget

API_ENV = "BENCH_DISCORD_API"  # FakeDiscord's base URL (discord.http.Route.BASE)


@asynccontextmanager
async def discord_side(
    deps: Deps, register: Register, settings: Settings, statuses: SendBudget, api_base: str
) -> AsyncIterator[Callable[[str], None]]:
    """Run the Discord bot without a gateway; yields the handler of one `interaction` payload (JSON text)."""
    discord.http.Route.BASE = api_base
    async with discord_running(deps, register, settings.discord_config(), statuses, connect=False) as client:

        def interaction(payload: str) -> None:
            client._connection.parse_interaction_create(json.loads(payload))

        yield interaction
