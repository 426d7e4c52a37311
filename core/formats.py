"""Numbers, prices, durations, times and dates as a locale writes them (CLDR data via Babel, never hand-written).

The catalogue's templates take these already formatted: `t("eta", locale, eta=duration(170, locale))`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import cache

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_currency, format_decimal
from babel.units import format_unit

from core.locales import BABEL_LOCALES, DEFAULT_LOCALE, normalise

# A price as an operator writes it in PRODUCTS_JSON: "9.99 USD", "USD 9.99", "$9.99", "9,99 €".
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₺": "TRY", "R$": "BRL", "Rp": "IDR"}
_AMOUNT = r"\d+(?:[.,]\d{1,2})?"
_CODE = r"[A-Z]{3}|R\$|Rp|[$€£¥₽₺]"
_PRICE = re.compile(rf"^\s*(?:(?P<c1>{_CODE})\s*(?P<a1>{_AMOUNT})|(?P<a2>{_AMOUNT})\s*(?P<c2>{_CODE}))\s*$")


@cache
def babel_locale(locale: str) -> Locale:
    return Locale.parse(BABEL_LOCALES.get(normalise(locale), DEFAULT_LOCALE))


def plural_category(count: float, locale: str) -> str:
    """CLDR's plural category of `count` in the locale's language: `one`, `few`, `many`, …, or `other`."""
    return str(babel_locale(locale).plural_form(abs(count)))


def number(value: float | Decimal, locale: str) -> str:
    """1234567 → "1,234,567" (en), "1.234.567" (de), "1 234 567" (fr)."""
    return str(format_decimal(value, locale=babel_locale(locale)))


def price(text: str, locale: str) -> str:
    """An operator's price ("9.99 USD", "$9.99") in the locale's currency format ("9,99 $" in German);
    a price the operator wrote some other way is shown as written."""
    found = _PRICE.match(text)
    if not found:
        return text
    code = found["c1"] or found["c2"]
    try:
        amount = Decimal((found["a1"] or found["a2"]).replace(",", "."))
    except InvalidOperation:
        return text
    where = babel_locale(locale)
    if amount != amount.to_integral_value():
        return str(format_currency(amount, _SYMBOLS.get(code, code), locale=where))
    whole = str(where.currency_formats["standard"].pattern).replace("0.00", "0")  # "€10" stays without cents
    return str(format_currency(amount, _SYMBOLS.get(code, code), format=whole, locale=where, currency_digits=False))


def duration(seconds: float, locale: str) -> str:
    """A wait as a person reads it: "45 sec", "3 min", "2 hr 30 min" (and "2 Std., 30 Min.", "2小时30分钟")."""
    whole = max(0, round(seconds))
    if whole < 60:
        return _unit(whole, "duration-second", locale)
    minutes = (whole + 59) // 60
    if minutes < 90:
        return _unit(minutes, "duration-minute", locale)
    hours, rest = divmod(minutes, 60)
    if not rest:
        return _unit(hours, "duration-hour", locale)
    return _pair(_unit(hours, "duration-hour", locale), _unit(rest, "duration-minute", locale), locale)


def time_of_day(value: time, locale: str) -> str:
    """A 24-hour clock time as the locale writes one (UTC times are read that way): "00:00", "0:00" (es),
    "00.00" (id)."""
    return str(format_skeleton("Hm", value, locale=babel_locale(locale)))


def day(value: date | datetime, locale: str) -> str:
    """A date: "Dec 1, 2026" (en), "01.12.2026" (de), "2026年12月1日" (zh)."""
    return str(format_date(value, format="medium", locale=babel_locale(locale)))


def _unit(value: int, unit: str, locale: str) -> str:
    return str(format_unit(value, unit, length="short", locale=babel_locale(locale)))


def _pair(first: str, second: str, locale: str) -> str:
    """Two measures as one ("2 hr 30 min"), with the locale's unit-list pattern; Babel's list data lacks the
    two-item pattern for some locales, so it is read here rather than through `format_list`."""
    patterns = babel_locale(locale).list_patterns
    for style in ("unit-narrow", "unit-short", "unit"):
        try:
            styled = patterns[style]
            pattern = styled["2"] if "2" in styled else styled["end"]
        except KeyError:
            continue
        return str(pattern).format(first, second)
    return f"{first} {second}"
