"""A new privacy policy on Discord, through the real discord.py against the fake Discord API: after the operator
raises POLICY_VERSION and restarts, a person's next /imagine shows, privately, what changed with the consent
buttons, and makes nothing until they accept; then /imagine works again."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from bot.settings import Settings
from bot.wiring import Runtime, build
from tests.e2e.test_discord import ALICE, Bot, fake, message_with, started
from tests.fakes.discord_api import EPHEMERAL, FakeDiscord
from tests.fakes.discord_payloads import component, slash

__all__ = ["fake"]  # the fake Discord API fixture


@contextlib.asynccontextmanager
async def runtime_with(tmp_path: Path, **settings: Any) -> AsyncIterator[Runtime]:
    values = Settings(bot_data_dir=tmp_path, discord_bot_token="fake", _env_file=None, **settings)
    async with build(values) as running:
        worker = asyncio.create_task(running.worker.run())
        try:
            yield running
        finally:
            worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await worker


async def test_a_raised_policy_version_makes_the_next_imagine_ask_for_consent_again(
    fake: FakeDiscord, tmp_path: Path
) -> None:
    async with runtime_with(tmp_path) as first, started(fake, first) as bot:
        await bot.consent()

    new_policy = {"policy_version": "2", "privacy_url": "https://example.com/privacy"}
    async with runtime_with(tmp_path, **new_policy) as second, started(fake, second) as bot:
        asked = await imagine(bot, "a lighthouse")
        account = await second.deps.store.find_account(ALICE)
        assert account is not None and await second.deps.store.generations(account.id) == []
        assert asked.flags & EPHEMERAL and asked.custom_ids == ["gib:consent:yes", "gib:consent:no"]
        assert "We have updated our privacy policy. Full text: https://example.com/privacy" in asked.content

        press = component("gib:consent:yes", message_with(fake, "gib:consent:"))
        _, accepted = await bot.answer(press, bot.send(press))
        result = await imagine(bot, "a lighthouse")

    assert "You can now create images" in accepted.content
    assert "Done: “a lighthouse”" in result.content and len(result.files) == 1


async def imagine(bot: Bot, prompt: str) -> Any:
    payload = slash("imagine", {"prompt": prompt})
    return await bot.followup(payload, bot.send(payload))
