"""Announcements on Telegram through the real python-telegram-bot against the fake Bot API with its flood control
on: everyone gets one private message; people who turned notifications off get the policy change but not the
news; someone who blocked the bot is recorded as blocked; a 429 makes the notice wait, never lost."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.announcements import AnnouncementKind, RecipientState
from core.announcer import Announcer
from core.models import Identity, Platform, SettingsChange
from core.usecases import announcements
from tests.e2e.test_telegram import TOKEN, Harness, running, settings_for
from tests.fakes.telegram_flood import FloodLimitedTelegram
from tests.fakes.telegram_updates import TgUser

PEOPLE = [5000 + n for n in range(8)]
QUIET = PEOPLE[:3]  # turned notifications off
BLOCKED = PEOPLE[3]  # blocked the bot
ASKER = TgUser(4242, "Asker")


@pytest.fixture
async def fake() -> AsyncIterator[FloodLimitedTelegram]:
    async with FloodLimitedTelegram(TOKEN) as server:
        yield server


@pytest.fixture
async def bot(tmp_path: Path, fake: FloodLimitedTelegram) -> AsyncIterator[Harness]:
    async with running(settings_for(tmp_path, fake), fake) as harness:
        store, now = harness.runtime.deps.store, datetime.now(UTC)
        for person in PEOPLE:
            identity = Identity(platform=Platform.TELEGRAM, platform_user_id=str(person))
            account = await store.create_account(identity, "P", "en", now)
            await store.give_consent(account.id, now)
            if person in QUIET:
                await store.update_settings(account.id, SettingsChange(notifications_opt_out=True))
        yield harness


@contextlib.asynccontextmanager
async def sending(bot: Harness) -> AsyncIterator[None]:
    """The announcement sender of the bot process, as `python -m bot run` starts it."""
    task = asyncio.create_task(Announcer(bot.runtime.deps, bot.runtime.router.platforms, idle_s=0.05).run())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def all_done(bot: Harness, count: int) -> list[announcements.AnnouncementProgress]:
    for _ in range(600):
        latest = await announcements.progress(bot.runtime.deps)
        if len(latest) == count and all(p.remaining == 0 for p in latest):
            return latest
        await asyncio.sleep(0.05)
    raise AssertionError(f"announcements not done: {latest}")


async def test_essential_notices_reach_everyone_and_news_skips_people_who_opted_out(
    bot: Harness, fake: FloodLimitedTelegram
) -> None:
    fake.block(BLOCKED)
    fake.flood(2, retry_after=1)  # Telegram refuses the first two: they wait and go again
    deps = bot.runtime.deps
    await announcements.announce(deps, AnnouncementKind.NEWS, "Images in 4K are here.")
    await announcements.announce(deps, AnnouncementKind.POLICY, "We now delete prompts after 30 days.")

    async with sending(bot):
        policy, news = await all_done(bot, 2)  # newest first

    sent = [c for c in fake.calls if c.ok and c.method == "sendMessage"]
    got = Counter((c.chat_id, "4K" in c.params["text"]) for c in sent)
    assert all(n == 1 for n in got.values()), "nobody gets a copy twice"
    policy_to = {chat for chat, is_news in got if not is_news}
    news_to = {chat for chat, is_news in got if is_news}
    assert policy_to == set(PEOPLE) - {BLOCKED}
    assert news_to == set(PEOPLE) - set(QUIET) - {BLOCKED}
    assert policy.counts == {RecipientState.SENT: 7, RecipientState.BLOCKED: 1}
    assert news.counts == {RecipientState.SENT: 4, RecipientState.SKIPPED: 3, RecipientState.BLOCKED: 1}
    refused = Counter(c.error["error_code"] for c in fake.calls if c.error is not None)
    assert fake.flooded == 0 and refused == {429: 2, 403: 2}  # the scripted 429s; the blocked person's two 403s
    text = next(c.params["text"] for c in sent if c.chat_id == PEOPLE[0])
    assert text.startswith("📣 Our privacy policy has changed.") and "Read it with /privacy." in text


async def test_a_reply_asked_for_during_an_announcement_is_not_kept_waiting_behind_it(
    bot: Harness, fake: FloodLimitedTelegram
) -> None:
    more = [6000 + n for n in range(60)]
    store, now = bot.runtime.deps.store, datetime.now(UTC)
    for person in more:
        await store.create_account(Identity(platform=Platform.TELEGRAM, platform_user_id=str(person)), "P", "", now)
    await announcements.announce(bot.runtime.deps, AnnouncementKind.POLICY, "New policy.")

    async with sending(bot):
        await fake.wait_for(lambda c: c.method == "sendMessage", count=5, within=30)
        await bot.command(ASKER, "/help")
        reply = await fake.wait_call("sendMessage", ASKER.id, within=30)
        remaining = (await announcements.progress(bot.runtime.deps))[0].remaining

    assert "/imagine" in reply.params["text"]
    assert remaining > 0, "the reply went ahead of the rest of the announcement"
