"""`/admin announce` on Discord: the real discord.py command tree fed the `/admin announce` subcommand, against
the fake Discord API, through the admin tools' one dispatcher (see test_discord_admin.py)."""

# ruff: noqa: F811
# (the fixtures are imported from test_discord.py and test_discord_admin.py and named again as test parameters)

from __future__ import annotations

from tests.e2e.test_discord import Bot, fake  # noqa: F401
from tests.e2e.test_discord_admin import admin, ask, bot, runtime  # noqa: F401
from tests.fakes.discord_api import FakeDiscord


async def test_an_admin_announces_news_on_discord_and_sees_how_far_it_got(bot: Bot, fake: FakeDiscord) -> None:
    announced = await ask(bot, admin("announce", {"kind": "news", "text": "New styles are here."}))
    status = await ask(bot, admin("announce", {"kind": "status"}))
    nothing = await ask(bot, admin("announce", {"kind": "news"}))

    assert "Announcement" in announced and "(news) recorded for 2 accounts" in announced  # the admin has one too
    assert "news" in status and "remaining 2" in status
    assert nothing.startswith("Usage: /admin announce")
