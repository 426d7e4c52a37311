"""Inline keyboards and their callback data (always ≤ 64 bytes); parsing never trusts what comes back."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from adapters.telegram.limits import CALLBACK_DATA_MAX_BYTES
from core.locales import LOCALES, NATIVE_NAMES, available
from core.models import ASPECT_RATIOS, RESOLUTIONS, Account, Product
from core.texts import t

GENERATION_ID = re.compile(r"^[0-9a-f]{6,32}$")
PRODUCT_ID = re.compile(r"^[A-Za-z0-9_.\-]{1,48}$")
DELETION_CODE = re.compile(r"^[0-9]{6}$")
LINK_CODE = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$")
SETTING_VALUES: dict[str, tuple[str, ...]] = {
    "lang": (*LOCALES, "auto"),
    "ar": ASPECT_RATIOS,
    "res": RESOLUTIONS,
    "file": ("on", "off"),
    "notify": ("on", "off"),
}


@dataclass(frozen=True)
class Callback:
    """A parsed, validated button press: `action` plus its arguments."""

    action: str
    args: tuple[str, ...] = ()


def data(*parts: str) -> str:
    value = ":".join(parts)
    if len(value.encode()) > CALLBACK_DATA_MAX_BYTES:
        raise ValueError("callback data over 64 bytes")
    return value


def parse_callback(raw: str | None) -> Callback | None:
    """The button's meaning, or None for anything malformed or forged (answered with a friendly alert)."""
    if not raw or len(raw.encode()) > CALLBACK_DATA_MAX_BYTES:
        return None
    action, _, rest = raw.partition(":")
    if action == "consent" and rest in ("yes", "no"):
        return Callback(action, (rest,))
    if action in ("regen", "vary", "cancel") and GENERATION_ID.match(rest):
        return Callback(action, (rest,))
    if action == "orig":
        gid, _, index = rest.partition(":")
        if GENERATION_ID.match(gid) and index.isdigit() and len(index) <= 2:
            return Callback(action, (gid, index))
    if action == "langs" and not rest:
        return Callback(action)
    if action in ("buy", "stars") and PRODUCT_ID.match(rest):
        return Callback(action, (rest,))
    if action == "set":
        key, _, value = rest.partition(":")
        if value in SETTING_VALUES.get(key, ()):
            return Callback(action, (key, value))
    if action == "link" and (rest == "no" or (rest.startswith("yes:") and LINK_CODE.match(rest[4:]))):
        return Callback(action, tuple(rest.split(":", 1)))
    if action == "del":
        answer, _, code = rest.partition(":")
        if answer == "no" and not code:
            return Callback(action, ("no",))
        if answer == "yes" and DELETION_CODE.match(code):
            return Callback(action, ("yes", code))
    return None


def consent_keyboard(locale: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(t("consent_button_accept", locale), callback_data=data("consent", "yes"))],
            [InlineKeyboardButton(t("consent_button_decline", locale), callback_data=data("consent", "no"))],
        ]
    )


def _mark(label: str, chosen: bool) -> str:
    return f"✓ {label}" if chosen else label


def settings_keyboard(account: Account, locale: str) -> InlineKeyboardMarkup:
    """One tap per choice; the current value carries a check mark."""
    ratios = [
        InlineKeyboardButton(_mark(r, r == account.default_aspect_ratio), callback_data=data("set", "ar", r))
        for r in ASPECT_RATIOS
    ]
    resolutions = [
        InlineKeyboardButton(_mark(r, r == account.default_resolution), callback_data=data("set", "res", r))
        for r in RESOLUTIONS
    ]
    file_on = account.send_as_file
    notify_on = not account.notifications_opt_out
    toggles = [
        InlineKeyboardButton(
            f"{t('settings_button_file', locale)}: {t('on' if file_on else 'off', locale)}",
            callback_data=data("set", "file", "off" if file_on else "on"),
        ),
        InlineKeyboardButton(
            f"{t('settings_button_notify', locale)}: {t('on' if notify_on else 'off', locale)}",
            callback_data=data("set", "notify", "off" if notify_on else "on"),
        ),
    ]
    language = NATIVE_NAMES[account.language] if account.language else t("language_button_auto", locale)
    choose = InlineKeyboardButton(f"{t('settings_button_language', locale)}: {language}", callback_data=data("langs"))
    return InlineKeyboardMarkup([[choose], ratios[:3], ratios[3:], resolutions, toggles])


def language_keyboard(account: Account, locale: str) -> InlineKeyboardMarkup:
    """Every language this build speaks, by its own name, and "automatic" (the Telegram app's language)."""
    buttons = [
        InlineKeyboardButton(
            _mark(NATIVE_NAMES[code], code == account.language), callback_data=data("set", "lang", code)
        )
        for code in available()
    ]
    automatic = _mark(t("language_button_auto", locale), not account.language)
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    return InlineKeyboardMarkup([*rows, [InlineKeyboardButton(automatic, callback_data=data("set", "lang", "auto"))]])


def result_keyboard(generation_id: str, image_count: int, locale: str) -> InlineKeyboardMarkup:
    """🔁 Regenerate, 🖼 Original file (one per image) and, for a single image, 🎨 Vary."""
    first = [InlineKeyboardButton(t("regenerate_button", locale), callback_data=data("regen", generation_id))]
    if image_count == 1:
        first.append(InlineKeyboardButton(t("vary_button", locale), callback_data=data("vary", generation_id)))
        originals = [InlineKeyboardButton(t("original_button", locale), callback_data=data("orig", generation_id, "0"))]
    else:
        originals = [
            InlineKeyboardButton(f"🖼 {i + 1}", callback_data=data("orig", generation_id, str(i)))
            for i in range(image_count)
        ]
    rows = [first]
    rows += [originals[i : i + 5] for i in range(0, len(originals), 5)]
    return InlineKeyboardMarkup(rows)


def cancel_keyboard(generation_id: str, locale: str) -> InlineKeyboardMarkup:
    """✖ Cancel under a request waiting in line (the worker's first progress edit removes it)."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(t("cancel_button", locale), callback_data=data("cancel", generation_id))]]
    )


def buy_keyboard(
    products: Sequence[Product], checkout_urls: dict[str, str], locale: str
) -> InlineKeyboardMarkup | None:
    """One row per product: a Creem checkout URL button (when a link was made) and a Stars button (stars > 0)."""
    rows: list[list[InlineKeyboardButton]] = []
    for product in products:
        row: list[InlineKeyboardButton] = []
        url = checkout_urls.get(product.id)
        if url:
            row.append(
                InlineKeyboardButton(f"{product.label} · {t('pay_with_card', locale, price=product.price)}", url=url)
            )
        if product.stars > 0 and PRODUCT_ID.match(product.id):
            row.append(
                InlineKeyboardButton(
                    f"{product.label} · {t('stars_button', locale, count=product.stars)}",
                    callback_data=data("stars", product.id),
                )
            )
        if row:
            rows.append(row)
    return InlineKeyboardMarkup(rows) if rows else None


def buy_button(locale: str) -> InlineKeyboardMarkup:
    """The next step after 'not enough credits'."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(t("buy_button", locale), callback_data=data("buy", "menu"))]])


def deletion_keyboard(code: str, locale: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(t("delete_button_yes", locale), callback_data=data("del", "yes", code))],
            [InlineKeyboardButton(t("delete_button_no", locale), callback_data=data("del", "no"))],
        ]
    )
