"""Cancel on Discord: the real discord.py command tree and views against FakeDiscord, the real core on SQLite.

The worker is stopped while people press ✖ Cancel, so what is queued stays in line (decided, not raced).
"""

# ruff: noqa: F811
# (the fixture `fake` is imported from test_discord.py and named again as a test parameter)

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.settings import Settings
from bot.wiring import Runtime, build
from core.models import Generation, GenerationStatus, Identity, Platform
from core.usecases import onboarding
from tests.e2e.test_discord import ALICE, Bot, fake, message_with, started  # noqa: F401
from tests.fakes.discord_api import EPHEMERAL, FakeDiscord
from tests.fakes.discord_payloads import USER_ID, component, slash

BOB_ID = USER_ID + 1
CANCELLED = "Cancelled. Nothing was made, and what it held was refunded: 1 free image."
CANCELLED_IN_A_SERVER = "Cancelled. Nothing was made, and what it held was refunded."  # no personal figures


@pytest.fixture
async def bot(tmp_path: Path, fake: FakeDiscord) -> AsyncIterator[Bot]:
    """The Discord bot with its worker stopped: queued requests wait in line."""
    settings = Settings(bot_data_dir=tmp_path, discord_bot_token="fake", free_images_per_day=1, _env_file=None)
    async with build(settings) as runtime, started(fake, runtime) as running:
        await running.consent()
        yield running


async def queued(bot: Bot) -> tuple[dict[str, Any], str]:
    """/imagine, then the 'queued' line with its ✖ Cancel button (and the id the button carries)."""
    payload = slash("imagine", {"prompt": "a quiet lake"})
    since = bot.send(payload)
    await bot.fake.wait_for(lambda c: c.method == "PATCH" and "gib:cancel:" in str(c.json), since=since)
    message = message_with(bot.fake, "gib:cancel:")
    [button] = [c for row in message["components"] for c in row["components"]]
    assert button["label"] == "✖ Cancel" and "Queued" in message["content"]
    return message, button["custom_id"].removeprefix("gib:cancel:")


async def stored(runtime: Runtime, generation_id: str) -> Generation:
    found = await runtime.deps.store.get_generation(generation_id)
    assert found is not None
    return found


async def free_left(runtime: Runtime) -> int:
    account = await runtime.deps.store.find_account(ALICE)
    assert account is not None
    return (await runtime.deps.store.balance(account.id, runtime.deps.clock.now().date(), 1)).free_left


async def test_the_cancel_button_refunds_at_once_and_replaces_the_queued_line(bot: Bot) -> None:
    message, generation_id = await queued(bot)
    assert await free_left(bot.runtime) == 0

    press = component(f"gib:cancel:{generation_id}", message)
    acknowledged, answer = await bot.answer(press, bot.send(press))

    assert acknowledged.json["type"] == 6  # answered first; then the message the button sits on is updated
    assert answer.method == "PATCH" and answer.content == CANCELLED_IN_A_SERVER
    assert answer.components == []
    assert await free_left(bot.runtime) == 1
    cancelled = await stored(bot.runtime, generation_id)
    assert (cancelled.status, cancelled.error_code, cancelled.task_ids) == (GenerationStatus.FAILED, "cancelled", ("",))


async def test_someone_else_pressing_cancel_is_told_privately_and_nothing_changes(bot: Bot) -> None:
    message, generation_id = await queued(bot)
    await onboarding.accept_terms(
        bot.runtime.deps, Identity(platform=Platform.DISCORD, platform_user_id=str(BOB_ID)), age_confirmed=True
    )

    press = component(f"gib:cancel:{generation_id}", message, user_id=BOB_ID)
    acknowledged, answer = await bot.answer(press, bot.send(press))

    assert acknowledged.json["type"] == 6 and answer.method == "POST" and answer.flags & EPHEMERAL
    assert answer.content == "Only the person who made this request can cancel it."
    assert (await stored(bot.runtime, generation_id)).status is GenerationStatus.QUEUED


async def test_once_the_task_is_at_kie_the_button_answers_privately_that_it_is_too_late(bot: Bot) -> None:
    message, generation_id = await queued(bot)
    deps = bot.runtime.deps
    assert await deps.store.claim_slot(generation_id, 0, deps.clock.now())

    press = component(f"gib:cancel:{generation_id}", message)
    _, answer = await bot.answer(press, bot.send(press))

    assert answer.flags & EPHEMERAL and answer.content.startswith("It's too late to cancel")
    assert await free_left(bot.runtime) == 0


async def test_slash_cancel_answers_privately_and_retires_the_queued_line(bot: Bot) -> None:
    message, generation_id = await queued(bot)

    payload = slash("cancel")
    since = bot.send(payload)
    deferred, answer = await bot.answer(payload, since)
    retired = (
        await bot.fake.wait_for(
            lambda c: (
                c.method == "PATCH" and c.path.endswith(f"/messages/{message['id']}") and "Cancelled" in c.content
            ),
            since=since,
        )
    )[0]

    assert deferred.flags & EPHEMERAL and answer.flags & EPHEMERAL
    assert answer.content == CANCELLED and retired.content == CANCELLED_IN_A_SERVER
    assert retired.components == []
    assert (await stored(bot.runtime, generation_id)).error_code == "cancelled"
    assert "cancel" in [c["name"] for c in bot.fake.commands["global"]]
