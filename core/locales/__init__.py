"""The languages the bot speaks: one catalogue module per code, and how a platform's language tag maps onto one.

Platforms name languages differently (Telegram `pt-br`, Discord `pt-BR` / `es-419` / `zh-CN`, a console `LANG`
of `pt_BR.UTF-8`); `normalise` turns any of them into one of `LOCALES`, English when the language isn't one.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from typing import TypeAlias

# A template, or templates by CLDR plural category (`one`, `few`, …, always `other`) chosen by `count`.
Text: TypeAlias = str | dict[str, str]

DEFAULT_LOCALE = "en"
# Catalogue module names, in the order a language menu lists them.
LOCALES: tuple[str, ...] = ("en", "es", "pt_br", "ru", "de", "fr", "tr", "id", "zh_hans", "ar")
# Each catalogue's name in its own language (what a language menu shows).
NATIVE_NAMES: dict[str, str] = {
    "en": "English",
    "es": "Español",
    "pt_br": "Português (Brasil)",
    "ru": "Русский",
    "de": "Deutsch",
    "fr": "Français",
    "tr": "Türkçe",
    "id": "Bahasa Indonesia",
    "zh_hans": "简体中文",
    "ar": "العربية",
}
# The CLDR locale Babel formats each catalogue's numbers, dates and plurals with.
BABEL_LOCALES: dict[str, str] = {
    "en": "en",
    "es": "es",
    "pt_br": "pt_BR",
    "ru": "ru",
    "de": "de",
    "fr": "fr",
    "tr": "tr",
    "id": "id",
    "zh_hans": "zh_Hans",
    "ar": "ar",
}
RTL_LOCALES = frozenset({"ar"})
# A whole language served by one catalogue (Portuguese by Brazilian Portuguese, every Chinese by Simplified
# Chinese, Spanish of Spain and Latin America alike); `in` is the code Indonesian had before ISO 639 changed it.
_LANGUAGE_CATALOGUE = {"pt": "pt_br", "zh": "zh_hans", "in": "id"}


@cache
def normalise(tag: str | None) -> str:
    """The catalogue for a platform's language tag (`pt-BR`, `pt_BR.UTF-8`, `es-419`, `zh-Hans`, …), else English."""
    if not tag:
        return DEFAULT_LOCALE
    code = tag.split(".")[0].split("@")[0].strip().lower().replace("-", "_")
    if code in LOCALES:
        return code
    language = code.split("_")[0]
    if language in _LANGUAGE_CATALOGUE:
        return _LANGUAGE_CATALOGUE[language]
    return language if language in LOCALES else DEFAULT_LOCALE


@cache
def catalogue(locale: str) -> dict[str, Text]:
    """The texts of one catalogue; an empty dict while a language's file doesn't exist yet (English then answers)."""
    try:
        module = import_module(f"{__name__}.{normalise(locale)}")
    except ModuleNotFoundError:
        return {}
    texts: dict[str, Text] = module.TEXTS
    return texts


def available() -> tuple[str, ...]:
    """The languages that have a catalogue in this build (a language menu offers only these)."""
    return tuple(code for code in LOCALES if code == DEFAULT_LOCALE or catalogue(code))


def is_rtl(locale: str) -> bool:
    return normalise(locale) in RTL_LOCALES
