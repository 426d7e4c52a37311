"""Discord in the person's language: the real discord.py command tree, views and Translator against the fake
Discord REST API, the real core on SQLite (see test_discord.py). A Brazilian user (interaction locale `pt-BR`)
goes from consent to deletion in Portuguese; a language chosen in /settings wins over the client's; Arabic, which
Discord has no client locale for, is chosen in /settings and reads right to left; the synced commands carry
description and choice localizations for every Discord locale a catalogue serves."""

# ruff: noqa: F811
# (the fixtures `fake`, `runtime` and `bot` are imported from test_discord.py and named again as test parameters)

from __future__ import annotations

from typing import Any

from core.bidi import displays_rtl
from core.locales import catalogue
from core.texts import t
from tests.e2e.test_discord import ALICE, Bot, bot, fake, message_with, runtime  # noqa: F401
from tests.fakes.discord_api import APP_ID, DISCORD_LOCALES, EPHEMERAL
from tests.fakes.discord_payloads import component, slash


def translated(key: str, locale: str, **params: object) -> str:
    """The text from `locale`'s own catalogue (the test fails if it would be English)."""
    assert key in catalogue(locale), f"{locale} has no {key}"
    text = t(key, locale, **params)
    assert text != t(key, "en", **params), f"{key} reads the same in {locale} as in English"
    return text


def in_locale(payload: dict[str, Any], locale: str) -> dict[str, Any]:
    """The interaction as a Discord client set to `locale` sends it."""
    return {**payload, "locale": locale}


async def test_a_brazilian_user_goes_from_consent_to_deletion_in_portuguese(bot: Bot) -> None:
    first = in_locale(slash("balance"), "pt-BR")
    _, prompt = await bot.answer(first, bot.send(first))
    assert prompt.flags & EPHEMERAL and prompt.content == translated("welcome", "pt_br")

    press = in_locale(component("gib:consent:yes", message_with(bot.fake, "gib:consent:")), "pt-BR")
    _, accepted = await bot.answer(press, bot.send(press))
    assert accepted.content == translated("consent_accepted", "pt_br", count=3)

    imagine = in_locale(slash("imagine", {"prompt": "um farol ao amanhecer"}), "pt-BR")
    since = bot.send(imagine)
    result = await bot.followup(imagine, since)
    assert result.content.startswith(translated("done_shared", "pt_br", prompt="um farol ao amanhecer"))
    status = bot.fake.find("PATCH", f"/webhooks/{APP_ID}/{imagine['token']}/messages/", since=since)
    assert status[-1].content == translated("status_done", "pt_br", count=1)

    four = in_locale(slash("imagine", {"prompt": "quatro corujas", "count": 4}), "pt-BR")
    since = bot.send(four)
    short = await bot.fake.wait_for(lambda c: translated("n_images", "pt_br", count=4) in c.content, since=since)
    missing = translated(
        "short_of_images",
        "pt_br",
        images=t("n_images", "pt_br", count=4),
        free_left=t("free_left_today", "pt_br", count=2),
        credits=t("n_credits", "pt_br", count=0),
        unit_price=t("n_credits", "pt_br", count=1),
        resolution="1K",
    )
    assert short[0].content.startswith(missing)

    mydata = in_locale(slash("mydata"), "pt-BR")
    since = bot.send(mydata)
    export = await bot.followup(mydata, since)
    assert export.content == translated("export_ready", "pt_br")

    ask = in_locale(slash("deleteme"), "pt-BR")
    _, question = await bot.answer(ask, bot.send(ask))
    assert question.content == translated("delete_confirm_buttons", "pt_br")
    yes = in_locale(component(question.custom_ids[0], message_with(bot.fake, "gib:del:")), "pt-BR")
    _, done = await bot.answer(yes, bot.send(yes))
    assert done.content == translated("deleted", "pt_br")
    assert await bot.runtime.deps.store.find_account(ALICE) is None


async def test_a_language_chosen_in_settings_wins_over_the_clients_and_auto_gives_it_back(bot: Bot) -> None:
    await bot.consent()
    settings = in_locale(slash("settings"), "pt-BR")
    _, shown = await bot.answer(settings, bot.send(settings))
    assert "gib:set:lang" in shown.custom_ids

    choose = in_locale(component("gib:set:lang", message_with(bot.fake, "gib:set:"), values=["es"]), "pt-BR")
    _, saved = await bot.answer(choose, bot.send(choose))
    assert saved.content.startswith(translated("settings_saved", "es"))

    help_ = in_locale(slash("help"), "pt-BR")
    _, answer = await bot.answer(help_, bot.send(help_))
    assert answer.content.split("\n")[0] == translated("help_discord", "es", buy="").split("\n")[0]
    account = await bot.runtime.deps.store.find_account(ALICE)
    assert account is not None and account.language == "es"

    back = in_locale(component("gib:set:lang", message_with(bot.fake, "gib:set:"), values=["auto"]), "pt-BR")
    _, automatic = await bot.answer(back, bot.send(back))
    assert automatic.content.startswith(translated("settings_saved", "pt_br"))


async def test_arabic_chosen_in_settings_reads_right_to_left_on_every_line(bot: Bot) -> None:
    await bot.consent()
    settings = slash("settings")
    await bot.answer(settings, bot.send(settings))
    choose = component("gib:set:lang", message_with(bot.fake, "gib:set:"), values=["ar"])
    _, saved = await bot.answer(choose, bot.send(choose))
    help_ = slash("help")
    _, answer = await bot.answer(help_, bot.send(help_))
    balance = slash("balance")
    _, held = await bot.answer(balance, bot.send(balance))

    assert held.content.split("\n")[0] == translated("balance", "ar", free_left=3, free_per_day=3).split("\n")[0]
    lines = [line for text in (saved.content, answer.content, held.content) for line in text.split("\n") if line]
    assert len(lines) > 10 and [line for line in lines if not displays_rtl(line)] == []


async def test_synced_commands_carry_descriptions_and_choices_in_every_discord_locale_a_catalogue_serves(
    bot: Bot,
) -> None:
    commands = {c["name"]: c for c in bot.fake.commands["global"]}
    served = {"es-ES": "es", "es-419": "es", "pt-BR": "pt_br"}

    help_ = commands["help"]
    assert help_["description"] == t("command.help", "en")
    for discord_locale, locale in served.items():
        assert help_["description_localizations"][discord_locale] == translated("command.help", locale)
    assert set(help_["description_localizations"]) <= DISCORD_LOCALES, "no Arabic: Discord has no such locale"
    assert help_.get("name_localizations") in (None, {}), "command names stay as they are"

    imagine = commands["imagine"]
    assert imagine["description_localizations"]["pt-BR"] == translated("discord.command.imagine", "pt_br")
    options = {o["name"]: o for o in imagine["options"]}
    assert options["prompt"]["description_localizations"]["es-ES"] == translated("discord.option.prompt", "es")
    [auto] = [c for c in options["aspect_ratio"]["choices"] if c["value"] == "auto"]
    assert auto["name_localizations"]["pt-BR"] == t("discord.choice.auto", "pt_br")
    cancel = {o["name"]: o for o in commands["cancel"]["options"]}
    assert cancel["request"]["description_localizations"]["es-419"] == translated("discord.option.request", "es")
