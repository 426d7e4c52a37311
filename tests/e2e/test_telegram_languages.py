"""Telegram in the person's language: the real python-telegram-bot Application against FakeTelegram, the real core
on SQLite (see test_telegram.py). A Spanish user goes from consent to deletion in Spanish, an Arabic user reads
every line right to left, a language chosen in /settings wins over the app's, and the command menu is published
in every language (Telegram's `language_code` is two letters: `pt` and `zh` carry Brazilian Portuguese and
Simplified Chinese)."""

# ruff: noqa: F811
# (the fixtures `fake` and `bot` are imported from test_telegram.py and named again as test parameters)

from __future__ import annotations

from pathlib import Path

from adapters.telegram.handlers import COMMANDS
from core.bidi import displays_rtl
from core.locales import catalogue
from core.texts import t
from tests.e2e.test_telegram import Harness, bot, button_data, fake, running, settings_for  # noqa: F401
from tests.fakes.telegram_api import Call, FakeTelegram
from tests.fakes.telegram_updates import TgUser

ELENA = TgUser(3001, "Elena", language_code="es")
AMAL = TgUser(3002, "Amal", language_code="ar")
JOAO = TgUser(3003, "João", language_code="pt-br")


def text_of(call: Call) -> str:
    return str(call.params.get("text", call.params.get("caption", "")))


def texts_to(fake: FakeTelegram, chat_id: int) -> list[str]:
    return [text_of(c) for c in fake.calls if c.chat_id == chat_id and c.ok and text_of(c)]


def first_line(key: str, locale: str, **params: object) -> str:
    return translated(key, locale, **params).split("\n")[0]


def translated(key: str, locale: str, **params: object) -> str:
    """The text from `locale`'s own catalogue (the test fails if it would be English)."""
    assert key in catalogue(locale), f"{locale} has no {key}"
    text = t(key, locale, **params)
    assert text != t(key, "en", **params), f"{key} reads the same in {locale} as in English"
    return text


async def test_a_spanish_user_goes_from_consent_to_deletion_in_spanish(tmp_path: Path, fake: FakeTelegram) -> None:
    async with running(settings_for(tmp_path, fake, free_images_per_day=1), fake) as bot:
        await bot.command(ELENA, "/start")
        welcome = await bot.said(ELENA.id, translated("welcome", "es"))
        labels = [b["text"] for b in welcome.buttons()]
        assert labels == [translated("consent_button_accept", "es"), t("consent_button_decline", "es")]
        await bot.press(ELENA, "consent:yes", welcome.result)
        await bot.said(ELENA.id, translated("consent_accepted", "es", count=1), method="editMessageText")

        await bot.command(ELENA, "/imagine un faro al amanecer")
        photo = await bot.photo(ELENA.id)
        free_left = translated("free_left_today", "es", count=0)
        credits = translated("n_credits", "es", count=0)
        done = translated("done", "es", prompt="un faro al amanecer", free_left=free_left, credits=credits)
        assert photo.params["caption"] == done

        await bot.command(ELENA, "/imagine dos búhos --n 2")
        short = await bot.said(ELENA.id, translated("n_images", "es", count=2), method="editMessageText")
        missing = translated(
            "short_of_images",
            "es",
            images=t("n_images", "es", count=2),
            free_left=free_left,
            credits=credits,
            unit_price=t("n_credits", "es", count=1),
            resolution="1K",
        )
        assert text_of(short).startswith(missing) and text_of(short).endswith(translated("hint_buy", "es"))

        await bot.command(ELENA, "/mydata")
        [export] = await fake.wait_for(lambda c: c.method == "sendDocument" and c.chat_id == ELENA.id)
        assert export.params["caption"] == translated("export_ready", "es")

        await bot.command(ELENA, "/deleteme")
        confirm = await bot.said(ELENA.id, translated("delete_confirm_buttons", "es"))
        [yes, _] = button_data(confirm)
        await bot.press(ELENA, yes, confirm.result)
        await bot.said(ELENA.id, translated("deleted", "es"), method="editMessageText")
        assert await bot.account(ELENA) is None

        english = [t(key, "en") for key in ("welcome", "export_ready", "deleted", "status_pending")]
        assert not [text for text in texts_to(fake, ELENA.id) if text.startswith(tuple(english))]


async def test_an_arabic_user_reads_every_line_right_to_left(bot: Harness, fake: FakeTelegram) -> None:
    await bot.command(AMAL, "/start")
    welcome = await bot.said(AMAL.id, translated("welcome", "ar"))
    await bot.press(AMAL, "consent:yes", welcome.result)
    await bot.command(AMAL, "/help")
    await bot.said(AMAL.id, first_line("help", "ar"))
    await bot.command(AMAL, "/imagine قطة تقرأ كتابا on the moon")
    await bot.photo(AMAL.id)
    await bot.command(AMAL, "/settings")
    await bot.said(AMAL.id, first_line("settings", "ar"))

    lines = [line for text in texts_to(fake, AMAL.id) for line in text.split("\n") if line.strip()]
    assert len(lines) > 20
    assert [line for line in lines if not displays_rtl(line)] == []


async def test_a_language_chosen_in_settings_wins_over_the_apps_and_auto_gives_it_back(
    bot: Harness, fake: FakeTelegram
) -> None:
    await bot.command(ELENA, "/start")
    welcome = await bot.said(ELENA.id, translated("welcome", "es"))
    await bot.press(ELENA, "consent:yes", welcome.result)
    await bot.command(ELENA, "/settings")
    menu = await bot.said(ELENA.id, first_line("settings", "es"))
    assert "langs" in button_data(menu)

    await bot.press(ELENA, "langs", menu.result)
    choose = await bot.said(ELENA.id, translated("language_choose", "es"), method="editMessageText")
    assert "set:lang:pt_br" in button_data(choose) and "set:lang:auto" in button_data(choose)
    await bot.press(ELENA, "set:lang:pt_br", choose.result)
    await bot.said(ELENA.id, first_line("settings", "pt_br"), method="editMessageText")

    await bot.command(ELENA, "/help")
    await bot.said(ELENA.id, first_line("help", "pt_br"))
    await bot.command(ELENA, "/imagine uma casa azul")
    photo = await bot.photo(ELENA.id)
    assert photo.params["caption"].startswith(translated("done_shared", "pt_br", prompt="uma casa azul"))
    account = await bot.account(ELENA)
    assert account is not None and (account.locale, account.language) == ("es", "pt_br")

    await bot.press(ELENA, "set:lang:auto", choose.result)
    await bot.said(ELENA.id, first_line("settings", "es"), method="editMessageText")
    await bot.command(ELENA, "/balance")
    plan = t("plan_none", "es")
    await bot.said(ELENA.id, first_line("balance", "es", free_left=9, free_per_day=10, credits=0, plan=plan))


async def test_the_command_menu_is_published_in_every_language_with_a_two_letter_code(
    bot: Harness, fake: FakeTelegram
) -> None:
    menus = fake.commands_by_language

    assert [c["command"] for c in menus[""]] == list(COMMANDS)
    assert menus[""] == [{"command": n, "description": t(f"command.{n}", "en")} for n in COMMANDS]
    for language_code, locale in (("es", "es"), ("pt", "pt_br"), ("ar", "ar")):
        assert menus[language_code] == [{"command": n, "description": t(f"command.{n}", locale)} for n in COMMANDS]
        assert menus[language_code][0]["description"] == translated("command.start", locale)
    assert all(len(code) == 2 for code in menus if code)


async def test_a_brazilian_user_is_answered_from_the_brazilian_catalogue(bot: Harness, fake: FakeTelegram) -> None:
    await bot.command(JOAO, "/start")

    welcome = await bot.said(JOAO.id, translated("welcome", "pt_br"))

    assert welcome.params["text"] == t("welcome", "pt_br")
