"""The one catalogue of user-facing words, shared by every chat adapter (adapters only add formatting)."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from core.errors import DomainError, ErrorCode

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
    """The error's text; `offer_buy` adds the /buy hint (only set where payments are configured)."""
    params: dict[str, object] = {"detail": error.detail, **error.params}
    if error.code is ErrorCode.INSUFFICIENT_CREDITS and "count" in params:
        text = _short_of_credits(params, locale)
    elif error.code is ErrorCode.CONSENT_OUTDATED and "documents" in params:
        text = consent_changed_text(params, locale)
    else:
        text = t(f"error.{error.code.value}", locale, **params)
    if params.get("offer_buy"):
        text += " " + t("hint_plans" if error.code is ErrorCode.NO_PLAN else "hint_buy", locale)
    return text


def _short_of_credits(params: dict[str, object], locale: str) -> str:
    """What is missing, in the person's terms: images and free images when free ones apply, else credits."""
    credits = params.get("credits", 0)
    if isinstance(credits, int) and credits < 0:
        text = t("short_negative_balance", locale, **params)
    elif params.get("free_eligible") and params.get("free_per_day"):
        text = t("short_of_images", locale, **params)
    else:
        text = t("short_of_credits", locale, **params)
    if params.get("free_per_day"):
        text += " " + t("free_reset", locale, hours=params.get("reset_hours"), minutes=params.get("reset_minutes"))
    return text


def consent_changed_text(change: dict[str, object], locale: str) -> str:
    """Asking again after the terms or policy changed: which, and where to read what changed (a page of changes,
    else the documents' pages, else the in-chat summaries) — only links that exist in this configuration."""
    documents = str(change.get("documents", "both"))
    what = t(f"consent_changed_documents.{documents}", locale)
    return t("consent_changed", locale, documents=what, read=where_to_read(change, locale))


def where_to_read(change: dict[str, object], locale: str) -> str:
    """Where to read what changed: the operator's page of changes, else the documents' own pages, else the in-chat
    summaries (/terms, /privacy)."""
    documents = str(change.get("documents", "both"))
    changes_url, urls = change.get("changes_url"), change.get("document_urls")
    if changes_url:
        return t("consent_changed_what", locale, url=changes_url)
    if isinstance(urls, list) and urls:
        return t("consent_changed_read", locale, url=" · ".join(str(u) for u in urls))
    return t(f"consent_changed_read.{documents}", locale)


def error_code_text(code: str, locale: str = DEFAULT_LOCALE, **params: object) -> str:
    return t(f"error.{code}", locale, **params)
