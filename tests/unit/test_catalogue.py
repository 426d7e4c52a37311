"""Every language file says everything English says, with the same blanks, and every text formats.

A person whose language has a catalogue never meets an English sentence, an unfilled `{placeholder}`, a missing
plural form (Russian "5 кредитов", Arabic "صورتان") or a command name that doesn't exist (`/imagine` stays
`/imagine`). New keys added in English must be added to every language file present (the brief's rule).
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from core.formats import babel_locale
from core.locales import DEFAULT_LOCALE, LOCALES, Text, catalogue
from core.texts import t

LOCALE_DIR = Path(__file__).resolve().parents[2] / "core" / "locales"
PRESENT = sorted(p.stem for p in LOCALE_DIR.glob("*.py") if p.stem != "__init__")
TRANSLATED = [code for code in PRESENT if code != DEFAULT_LOCALE]
ENGLISH = catalogue(DEFAULT_LOCALE)
# Counts every plural form is tried with: each CLDR category of every supported language is reached by one.
SAMPLE_COUNTS = (0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 100, 101, 102, 111, 1_000_000)
COMMAND = re.compile(r"(?<![\w/])/[a-z]+\b")
OPTION = re.compile(r"--[a-z]+")


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def forms(text: Text) -> list[str]:
    return list(text.values()) if isinstance(text, dict) else [text]


def all_fields(text: Text) -> set[str]:
    return set().union(*(fields(form) for form in forms(text)))


def sample(name: str) -> object:
    return 3 if name == "count" else f"<{name}>"


def plural_categories(locale: str) -> set[str]:
    return set(babel_locale(locale).plural_form.tags) | {"other"}


def test_every_language_file_is_a_supported_locale_and_english_is_there() -> None:
    assert DEFAULT_LOCALE in PRESENT
    assert set(PRESENT) <= set(LOCALES), "a language file's name must be one of core.locales.LOCALES"


@pytest.mark.parametrize("locale", PRESENT)
def test_a_language_file_has_exactly_the_keys_of_english(locale: str) -> None:
    texts = catalogue(locale)
    missing = sorted(set(ENGLISH) - set(texts))
    extra = sorted(set(texts) - set(ENGLISH))
    assert not missing, f"{locale} lacks {missing}"
    assert not extra, f"{locale} has keys English doesn't: {extra}"


@pytest.mark.parametrize("locale", PRESENT)
def test_no_text_is_empty_and_every_template_parses(locale: str) -> None:
    for key, text in catalogue(locale).items():
        for form in forms(text):
            assert isinstance(form, str) and form.strip(), f"{locale}:{key} is empty"
            fields(form)  # raises on a stray brace


@pytest.mark.parametrize("locale", PRESENT)
def test_a_text_has_the_same_placeholders_as_english(locale: str) -> None:
    """A plural form may leave out `{count}` (Arabic says "two images" in one word), nothing else."""
    for key, english in ENGLISH.items():
        text = catalogue(locale).get(key)
        if text is None:
            continue
        wanted = all_fields(english)
        if isinstance(english, dict):
            for category, form in forms_by_category(text).items():
                assert fields(form) | {"count"} == wanted | {"count"}, f"{locale}:{key}[{category}]"
        else:
            assert isinstance(text, str), f"{locale}:{key} must be a plain text, like English's"
            assert fields(text) == wanted, f"{locale}:{key} has {sorted(fields(text))}, English {sorted(wanted)}"


def forms_by_category(text: Text) -> dict[str, str]:
    assert isinstance(text, dict), "a text that depends on a number is a dict of plural forms, like English's"
    return text


@pytest.mark.parametrize("locale", PRESENT)
def test_a_plural_text_has_exactly_the_categories_its_language_uses(locale: str) -> None:
    wanted = plural_categories(locale)
    for key, english in ENGLISH.items():
        text = catalogue(locale).get(key)
        if isinstance(english, dict) and text is not None:
            assert set(forms_by_category(text)) == wanted, f"{locale}:{key} has {sorted(text)}, CLDR {sorted(wanted)}"


@pytest.mark.parametrize("locale", PRESENT)
def test_every_text_formats_for_sample_values_and_every_count(locale: str) -> None:
    for key, english in ENGLISH.items():
        names = all_fields(english)
        params = {name: sample(name) for name in names}
        counts = SAMPLE_COUNTS if isinstance(english, dict) else (3,)
        for count in counts:
            if "count" in names or isinstance(english, dict):
                params["count"] = count
            text = t(key, locale, **params)
            assert text.strip(), f"{locale}:{key} is empty for {count}"
            left = [name for name in names if "{" + name + "}" in text]
            assert not left, f"{locale}:{key} left {left} unfilled"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_command_and_option_names_are_kept_as_they_are(locale: str) -> None:
    """`/imagine`, `/balance`, `--ar` … are what a person types, in every language."""
    for key, english in ENGLISH.items():
        text = catalogue(locale).get(key)
        if text is None:
            continue
        en_form, form = _other(english), _other(text)
        for token in set(COMMAND.findall(en_form)) | set(OPTION.findall(en_form)):
            assert token in form, f"{locale}:{key} lost {token}"


def _other(text: Text) -> str:
    """The form compared: a plural text's `other` form."""
    return text["other"] if isinstance(text, dict) else text


@pytest.mark.parametrize("locale", PRESENT)
def test_command_descriptions_fit_the_platforms_limits(locale: str) -> None:
    """Telegram takes 1-256 characters per command description, Discord 1-100 per description."""
    for key in ENGLISH:
        if key.startswith("command."):
            assert 1 <= len(t(key, locale)) <= 256, f"{locale}:{key}"
        if key.startswith(("discord.command.", "discord.option.")) or key.startswith("command."):
            assert 1 <= len(t(key, locale)) <= 100, f"{locale}:{key} is over Discord's 100 characters"
        if key.startswith("discord.choice."):
            assert 1 <= len(t(key, locale)) <= 100, f"{locale}:{key}"
