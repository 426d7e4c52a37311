"""The one catalogue of user-facing words, shared by every chat adapter (adapters only add formatting).

`t(key, locale, count=n, **params)` picks the person's language (English for a key a catalogue lacks), the plural
form CLDR gives `n` in that language, and fills `{placeholders}`; numbers are written as the locale writes them.
Arabic comes out right-to-left on every line (see `core.bidi`).
"""

from __future__ import annotations

from datetime import time
from decimal import Decimal

from core.bidi import isolate, rtl_lines
from core.errors import DomainError, ErrorCode
from core.formats import day, duration, number, plural_category, price, time_of_day
from core.locales import DEFAULT_LOCALE, Text, catalogue, is_rtl, normalise

__all__ = [
    "DEFAULT_LOCALE",
    "day",
    "duration",
    "error_code_text",
    "error_text",
    "normalise",
    "number",
    "price",
    "t",
    "template",
    "time_of_day",
]


class _SafeDict(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def template(key: str, locale: str, count: float | None = None) -> str:
    """The raw template of `key` for `count`: the locale's own, else English's, else the key itself."""
    for code in (normalise(locale), DEFAULT_LOCALE):
        text: Text | None = catalogue(code).get(key)
        if isinstance(text, dict):
            category = plural_category(count, code) if count is not None else "other"
            return text.get(category) or text["other"]
        if text:
            return text
    return key


def t(key: str, locale: str = DEFAULT_LOCALE, **params: object) -> str:
    """The text for `key` in `locale` with `{placeholders}` filled; a plural text takes its form from `count`.
    Numbers among the params are written the locale's way (1,234 / 1.234 / 1 234); pass identifiers as str."""
    count = params.get("count")
    plural = count if isinstance(count, (int, float, Decimal)) and not isinstance(count, bool) else None
    text = template(key, locale, None if plural is None else float(plural))
    rtl = is_rtl(locale)
    values = {name: _shown(value, locale, rtl) for name, value in params.items()}
    filled = text.format_map(_SafeDict(values))
    return rtl_lines(filled) if rtl else filled


def _shown(value: object, locale: str, rtl: bool) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, Decimal)):
        return number(value, locale)
    if rtl and isinstance(value, str):
        return isolate(value)
    return value


# The number an error's plural text agrees with, by error code (the parameter its raiser names it by).
_COUNTED = {
    ErrorCode.PROMPT_TOO_LONG: "length",
    ErrorCode.TOO_MANY_REFERENCES: "limit",
    ErrorCode.RATE_LIMITED: "seconds",
    ErrorCode.TOO_MANY_RUNNING: "limit",
    ErrorCode.BUSY: "minutes",
}


def error_text(error: DomainError, locale: str = DEFAULT_LOCALE) -> str:
    """The error's text; `offer_buy` adds the /buy hint (only set where payments are configured)."""
    params: dict[str, object] = {"detail": error.detail, **error.params}
    counted = _COUNTED.get(error.code)
    if counted and counted in params:
        params.setdefault("count", params[counted])
    if error.code is ErrorCode.INSUFFICIENT_CREDITS and "count" in params:
        text = _short_of_credits(params, locale)
    elif error.code is ErrorCode.CONSENT_OUTDATED and "documents" in params:
        text = consent_changed_text(params, locale)
    elif error.code is ErrorCode.INSUFFICIENT_CREDITS:
        text = t("error.insufficient_credits", locale, **_amounts(params, locale, needed="n_credits"))
    elif error.code is ErrorCode.INVALID_OPTION and error.detail in catalogue(DEFAULT_LOCALE):
        text = t(error.detail, locale, **params)  # the detail names the text that says what is wrong
    else:
        text = t(f"error.{error.code.value}", locale, **params)
    if params.get("offer_buy"):
        plans = error.code is ErrorCode.NO_PLAN and params.get("plans")  # "see the plans" only where there are some
        text += " " + t("hint_plans" if plans else "hint_buy", locale)
    return text


def _short_of_credits(params: dict[str, object], locale: str) -> str:
    """What is missing, in the person's terms: images and free images when free ones apply, else credits."""
    credits = params.get("credits", 0)
    if isinstance(credits, int) and credits < 0:
        text = t("short_negative_balance", locale, **params)
    elif params.get("free_eligible") and params.get("free_per_day"):
        shown = _amounts(params, locale, images="n_images", free_left="free_left_today", unit_price="n_credits")
        text = t("short_of_images", locale, **shown)
    else:
        key = "short_of_credits" if params.get("free_per_day") else "short_of_credits_no_free"
        text = t(key, locale, **_amounts(params, locale, needed="n_credits"))
    if params.get("free_per_day"):
        wait = params.get("reset_s")
        wait_s = float(wait) if isinstance(wait, (int, float)) else 0.0
        text += " " + t("free_reset", locale, time=time_of_day(time(0, 0), locale), wait=duration(wait_s, locale))
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


def _amounts(params: dict[str, object], locale: str, **texts: str) -> dict[str, object]:
    """`params` with each named amount written as words ("3 credits"), `credits` always among them; `images`
    is the asked-for `count`."""
    shown = dict(params)
    for name, key in {"credits": "n_credits", **texts}.items():
        amount = params.get("count" if name == "images" else name)
        if isinstance(amount, int):
            shown[name] = t(key, locale, count=amount)
    return shown


def error_code_text(code: str, locale: str = DEFAULT_LOCALE, **params: object) -> str:
    return t(f"error.{code}", locale, **params)
