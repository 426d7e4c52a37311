"""The one catalogue of user-facing words, shared by every chat adapter (adapters only add formatting)."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from core.errors import DomainError

DEFAULT_LOCALE = "en"


class _SafeDict(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _catalogue(locale: str) -> dict[str, str]:
    lang = (locale or DEFAULT_LOCALE).split("-")[0].split("_")[0].lower()
    module: ModuleType
    try:
        module = import_module(f"core.locales.{lang}")
    except ImportError:
        module = import_module(f"core.locales.{DEFAULT_LOCALE}")
    texts: dict[str, str] = module.TEXTS
    return texts


def t(key: str, locale: str = DEFAULT_LOCALE, **params: object) -> str:
    """The text for `key` in `locale` (English when missing), with `{placeholders}` filled."""
    template = _catalogue(locale).get(key) or _catalogue(DEFAULT_LOCALE).get(key) or key
    return template.format_map(_SafeDict(params))


def error_text(error: DomainError, locale: str = DEFAULT_LOCALE) -> str:
    params: dict[str, object] = {"detail": error.detail, **error.params}
    return t(f"error.{error.code.value}", locale, **params)


def error_code_text(code: str, locale: str = DEFAULT_LOCALE, **params: object) -> str:
    return t(f"error.{code}", locale, **params)
