"""The real python-telegram-bot against the fake Bot API with Telegram's flood limits on (overall, per chat, per
group, 429 with retry_after): a person who types fast and a crowd both get every answer, and none is an error."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.models import Identity, Platform
from tests.e2e.test_telegram import TOKEN, Harness, running, settings_for
from tests.fakes.telegram_api import Call
from tests.fakes.telegram_flood import FloodLimitedTelegram
from tests.fakes.telegram_updates import TgUser

ADA = TgUser(2001, "Ada")
ERROR_WORDS = ("Something went wrong", "error id")


@pytest.fixture
async def fake() -> AsyncIterator[FloodLimitedTelegram]:
    server = FloodLimitedTelegram(TOKEN)
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def bot(tmp_path: Path, fake: FloodLimitedTelegram) -> AsyncIterator[Harness]:
    settings = settings_for(tmp_path, fake, requests_per_minute=1000, max_running_per_account=4)
    async with running(settings, fake) as harness:
        yield harness


async def consented(bot: Harness, users: list[TgUser]) -> None:
    """Accounts with consent already given (onboarding is tested elsewhere)."""
    store, now = bot.runtime.deps.store, datetime.now(UTC)
    for user in users:
        account = await store.create_account(
            Identity(platform=Platform.TELEGRAM, platform_user_id=str(user.id)), user.first_name, "en", now
        )
        await store.give_consent(account.id, now)


def texts(calls: list[Call]) -> list[str]:
    return [c.params.get("text", c.params.get("caption", "")) for c in calls]


async def test_ten_commands_within_half_a_second_get_ten_correct_replies_at_the_chats_pace_after_a_429(
    bot: Harness, fake: FloodLimitedTelegram
) -> None:
    await consented(bot, [ADA])
    fake.flood(1, retry_after=2)  # Telegram refuses the first reply: the chat waits exactly that long
    commands = ["/help", "/balance", "/privacy", "/help", "/balance"] * 2

    for command in commands:
        await bot.command(ADA, command)
    replies = await fake.wait_for(lambda c: c.method == "sendMessage" and c.chat_id == ADA.id, within=30, count=10)

    said = texts(replies)
    assert sum("/imagine" in s for s in said) == 4  # the help text, twice per round
    assert sum("Free images left today" in s or "credits" in s.lower() for s in said) >= 4
    assert sum("privacy" in s.lower() for s in said) >= 2
    assert not any(word in s for s in said for word in ERROR_WORDS)
    refused = [c for c in fake.calls if not c.ok and c.chat_id == ADA.id]
    assert len(refused) == 1  # the scripted one; after it the bot kept to the chat's pace
    after = sorted(c.at for c in replies)
    assert after[0] >= refused[0].at + 2.0 - 0.05
    assert all(b - a >= 0.9 for a, b in itertools.pairwise(after))  # at its pace, never all at once


async def test_two_hundred_people_at_once_all_get_their_image_and_no_error(
    bot: Harness, fake: FloodLimitedTelegram
) -> None:
    people = [TgUser(300_000 + i, f"P{i}") for i in range(200)]
    await consented(bot, people)

    for person in people:
        await bot.command(person, f"/imagine a lighthouse number {person.id}")
    photos = await fake.wait_for(lambda c: c.method == "sendPhoto", within=120, count=200)

    assert {c.chat_id for c in photos} == {p.id for p in people}
    sent = [c for c in fake.calls if c.ok and c.method in ("sendMessage", "editMessageText")]
    assert not any(word in s for s in texts(sent) for word in ERROR_WORDS)
    acks = [c for c in fake.calls if c.ok and c.method == "sendMessage"]
    assert len(acks) == 200 and len(photos) == 200  # two essential messages per image
    assert fake.flooded == 0  # the bot kept to Telegram's limits by itself
