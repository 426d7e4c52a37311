"""Announcements on Discord through the real discord.py against the fake Discord API: each person gets one DM
(POST /users/@me/channels, then the message), a 429 is waited out by discord.py, and someone whose DMs are closed
to the bot (403, code 50007) is recorded as blocked."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from datetime import UTC, datetime

from core.announcements import AnnouncementKind, RecipientState
from core.announcer import Announcer
from core.models import Identity, Platform, SettingsChange
from core.usecases import announcements
from tests.e2e.test_discord import Bot, bot, fake, runtime
from tests.fakes.discord_api import FakeDiscord

__all__ = ["bot", "fake", "runtime"]  # the fixtures of the Discord end-to-end tests

PEOPLE = [880_000 + n for n in range(6)]
QUIET, CLOSED = PEOPLE[0], PEOPLE[1]


async def test_each_person_gets_one_dm_and_closed_dms_are_recorded_as_blocked(bot: Bot, fake: FakeDiscord) -> None:
    store, now = bot.runtime.deps.store, datetime.now(UTC)
    for person in PEOPLE:
        account = await store.create_account(
            Identity(platform=Platform.DISCORD, platform_user_id=str(person)), "", "", now
        )
        if person == QUIET:
            await store.update_settings(account.id, SettingsChange(notifications_opt_out=True))
    fake.closed_dms.add(CLOSED)
    fake.rate_limited_posts = 2
    await announcements.announce(bot.runtime.deps, AnnouncementKind.TERMS, "Our terms now cover video.")
    await announcements.announce(bot.runtime.deps, AnnouncementKind.NEWS, "New styles!")

    sender = Announcer(bot.runtime.deps, bot.runtime.router.platforms, idle_s=0.05)
    task = asyncio.create_task(sender.run())
    try:
        for _ in range(400):
            latest = await announcements.progress(bot.runtime.deps)
            if all(p.remaining == 0 for p in latest):
                break
            await asyncio.sleep(0.05)
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    news, terms = latest
    dms = [c for c in fake.calls if c.method == "POST" and c.path.endswith("/messages") and c.status == 200]
    got = Counter((int(c.path.split("/")[2]) - 7, "styles" in c.content) for c in dms)
    assert all(n == 1 for n in got.values())
    assert {person for person, is_news in got if not is_news} == set(PEOPLE) - {CLOSED}
    assert {person for person, is_news in got if is_news} == set(PEOPLE) - {CLOSED, QUIET}
    assert terms.counts == {RecipientState.SENT: 5, RecipientState.BLOCKED: 1}
    assert news.counts == {RecipientState.SENT: 4, RecipientState.SKIPPED: 1, RecipientState.BLOCKED: 1}
    assert fake.rate_limited_posts == 0  # the two 429s were waited out, nothing lost
    terms_text = next(c.content for c in dms if "video" in c.content)
    assert terms_text.startswith("📣 Our terms of use have changed.") and "Read them with /terms." in terms_text
