"""What a Discord channel sees and what it never sees: the real discord.py tree against FakeDiscord, the real
core on SQLite (see test_discord.py for the harness)."""

# ruff: noqa: F811
# (the fixtures `fake`, `runtime` and `bot` are imported from test_discord.py and named again as test parameters)

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_discord import Bot, bot, fake, png, runtime  # noqa: F401
from tests.fakes.discord_api import APP_ID, EPHEMERAL
from tests.fakes.discord_payloads import slash


async def test_a_result_in_a_server_channel_shows_no_balance_and_the_queued_line_no_cost(bot: Bot) -> None:
    await bot.consent()
    payload = slash("imagine", {"prompt": "a boat"})
    since = bot.send(payload)

    result = await bot.followup(payload, since)

    assert not result.flags & EPHEMERAL
    assert result.content.startswith("Done: “a boat”")
    assert "free images left" not in result.content and "credits" not in result.content
    edits = bot.fake.find("PATCH", f"/webhooks/{APP_ID}/{payload['token']}/messages/", since=since)
    assert not [c.content for c in edits if "free" in c.content or "credits" in c.content]


async def test_a_result_in_the_bots_dm_shows_the_balance(bot: Bot) -> None:
    await bot.consent()
    payload = slash("imagine", {"prompt": "a quiet lake"}, dm=True)

    result = await bot.followup(payload, bot.send(payload))

    assert "Done: “a quiet lake” — 2 free images left today, 0 credits." in result.content


async def test_a_refused_imagine_with_a_reference_attachment_keeps_no_copy_of_it(bot: Bot, tmp_path: Path) -> None:
    await bot.consent()
    reference = png(16)
    url = bot.fake.cdn_url("attachments/1/ref.png", reference)
    options: dict[str, str | int] = {"prompt": "make it blue", "aspect_ratio": "16:9", "resolution": "4K"}
    payload = slash("imagine", options, attachment=("reference", url, reference))

    refused = await bot.followup(payload, bot.send(payload))

    assert refused.flags & EPHEMERAL and "Not enough credits" in refused.content
    images = tmp_path / "images"
    assert not images.exists() or not [p for p in images.rglob("*") if p.is_file()]


@pytest.mark.parametrize("prompt", ["a cat\x00 in a hat", "a broken emoji \ud83d here"])
async def test_a_prompt_with_nul_or_a_lone_surrogate_is_refused_privately_with_a_clear_message(
    bot: Bot, prompt: str
) -> None:
    await bot.consent()
    payload = slash("imagine", {"prompt": prompt})

    refused = await bot.followup(payload, bot.send(payload))

    assert refused.flags & EPHEMERAL and "characters I can't use" in refused.content
