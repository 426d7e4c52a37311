"""The catalogue speaks each person's language: the right catalogue for any platform's tag, plural forms by CLDR,
numbers, prices and waits written the locale's way, English for whatever a catalogue lacks."""

from __future__ import annotations

from datetime import date, time

import pytest

from core import locales, texts
from core.bidi import FSI, PDI, RLM, displays_rtl, rtl_lines
from core.formats import day, duration, number, plural_category, price, time_of_day
from core.locales import normalise
from core.texts import t, template


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("pt-BR", "pt_br"),
        ("pt_BR", "pt_br"),
        ("pt-br", "pt_br"),
        ("pt", "pt_br"),
        ("pt-PT", "pt_br"),
        ("zh-CN", "zh_hans"),
        ("zh-Hans", "zh_hans"),
        ("zh", "zh_hans"),
        ("zh-TW", "zh_hans"),
        ("es-ES", "es"),
        ("es-419", "es"),
        ("es", "es"),
        ("en-US", "en"),
        ("en-GB", "en"),
        ("de_DE.UTF-8", "de"),
        ("fr_CA.utf8@euro", "fr"),
        ("ar", "ar"),
        ("ar-EG", "ar"),
        ("tr", "tr"),
        ("id", "id"),
        ("in", "id"),
        ("RU", "ru"),
        ("ja", "en"),
        ("uk", "en"),
        ("C", "en"),
        ("POSIX", "en"),
        ("", "en"),
        (None, "en"),
    ],
)
def test_a_platform_language_tag_picks_its_catalogue_or_english(tag: str | None, code: str) -> None:
    assert normalise(tag) == code


@pytest.mark.parametrize(
    ("locale", "count", "category"),
    [
        ("en", 1, "one"),
        ("en", 0, "other"),
        ("en", 2, "other"),
        ("ru", 1, "one"),
        ("ru", 21, "one"),
        ("ru", 3, "few"),
        ("ru", 5, "many"),
        ("ru", 11, "many"),
        ("ar", 0, "zero"),
        ("ar", 2, "two"),
        ("ar", 3, "few"),
        ("ar", 11, "many"),
        ("ar", 100, "other"),
        ("fr", 0, "one"),
        ("fr", 1_000_000, "many"),
        ("zh_hans", 1, "other"),
        ("id", 1, "other"),
        ("pt-BR", 0, "one"),
    ],
)
def test_plural_categories_come_from_cldr(locale: str, count: int, category: str) -> None:
    assert plural_category(count, locale) == category


def test_a_count_picks_the_english_plural_form() -> None:
    assert t("n_images", "en", count=1) == "1 image"
    assert t("n_images", "en", count=4) == "4 images"
    assert t("n_images", "en", count=0) == "0 images"
    assert t("status_done", "en", count=1) == "✅ Done: 1 image, posted below."


def test_no_english_text_hedges_with_parenthesised_plurals() -> None:
    for key, text in locales.catalogue("en").items():
        for form in text.values() if isinstance(text, dict) else [text]:
            assert "(s)" not in form, key


def test_a_language_without_a_catalogue_or_a_key_answers_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    assert t("n_credits", "ja", count=2) == "2 credits"
    partial: dict[str, locales.Text] = {"n_credits": {"one": "{count} Credit", "other": "{count} Credits"}}
    monkeypatch.setattr(texts, "catalogue", lambda code: partial if code == "de" else _english(code))
    assert template("n_credits", "de", 2) == "{count} Credits"
    assert template("n_images", "de", 2) == "{count} images", "a key the catalogue lacks falls back to English"


def _english(code: str) -> dict[str, locales.Text]:
    return locales.catalogue("en")


def test_numbers_in_a_text_are_written_the_locales_way() -> None:
    assert t("n_credits", "en", count=12345) == "12,345 credits"
    assert number(12345, "de") == "12.345"
    assert number(12345, "fr") == "12\u202f345"
    assert number(1234.5, "ru") == "1\u00a0234,5"


def test_prices_follow_the_locale_and_an_unreadable_price_is_shown_as_written() -> None:
    assert price("9.99 USD", "en") == "$9.99"
    assert price("€10", "en") == "€10"
    assert price("$9.99", "de") == "9,99\u00a0$"
    assert price("9,99 €", "fr") == "9,99\u00a0€"
    assert price("EUR 5", "pt_br") == "€\u00a05"
    assert price("€10", "de") == "10\u00a0€", "a whole price stays without cents"
    assert price("five dollars", "de") == "five dollars"


def test_waits_read_like_the_locale_says_them() -> None:
    assert duration(45, "en") == "45 sec"
    assert duration(170, "en") == "3 min"
    assert duration(9000, "en") == "2 hr 30 min"
    assert duration(7200, "en") == "2 hr"
    assert duration(170, "de") == "3 Min."
    assert duration(9000, "zh_hans") == "2小时30分钟"
    assert duration(9000, "ru") == "2 ч 30 мин"


def test_times_and_dates_follow_the_locale() -> None:
    assert time_of_day(time(0, 0), "en") == "00:00"
    assert time_of_day(time(0, 0), "id") == "00.00"
    assert day(date(2026, 12, 1), "en") == "Dec 1, 2026"
    assert day(date(2026, 12, 1), "de") == "01.12.2026"


def test_an_arabic_line_that_starts_with_a_command_gets_a_right_to_left_mark() -> None:
    text = rtl_lines("/imagine وصف\nمرحبا\n\n42 صورة")
    lines = text.split("\n")
    assert lines[0] == RLM + "/imagine وصف"
    assert lines[1] == "مرحبا", "a line that already starts right-to-left is left alone"
    assert lines[2] == ""
    assert all(displays_rtl(line) for line in lines if line)


def test_in_arabic_every_line_displays_right_to_left_and_inserted_latin_is_isolated() -> None:
    text = t("help", "ar", buy="")
    assert all(displays_rtl(line) for line in text.split("\n") if line)
    done = t("done_shared", "ar", prompt="a red fox")
    assert FSI + "a red fox" + PDI in done


def test_other_languages_get_no_direction_marks() -> None:
    assert RLM not in t("help", "de", buy="") and FSI not in t("done_shared", "en", prompt="a red fox")
