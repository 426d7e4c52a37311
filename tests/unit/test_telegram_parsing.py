"""Pure parts of the Telegram adapter: callback data, photo limits, Stars payloads."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from PIL import Image

from adapters.telegram.keyboards import Callback, parse_callback, result_keyboard, settings_keyboard
from adapters.telegram.limits import PHOTO_MAX_BYTES, clip, fits_photo
from adapters.telegram.payments import invoice_payload, parse_payload
from core.errors import DomainError
from core.models import Account

GID = "0123456789abcdef0123456789abcdef"


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("L", (width, height)).save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("consent:yes", Callback("consent", ("yes",))),
        (f"regen:{GID}", Callback("regen", (GID,))),
        (f"orig:{GID}:3", Callback("orig", (GID, "3"))),
        ("set:ar:16:9", Callback("set", ("ar", "16:9"))),
        ("set:file:on", Callback("set", ("file", "on"))),
        ("del:yes:123456", Callback("del", ("yes", "123456"))),
        ("del:no", Callback("del", ("no",))),
        ("stars:pack100", Callback("stars", ("pack100",))),
    ],
)
def test_button_data_we_make_is_understood(raw: str, expected: Callback) -> None:
    assert parse_callback(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "consent:maybe",
        "regen:XYZ",
        f"orig:{GID}:-1",
        f"orig:{GID}",
        "set:ar:2:1",
        "set:evil:on",
        "del:yes:12",
        "del:yes:abcdef",
        "stars:",
        "x" * 65,
        "unknown:thing",
    ],
)
def test_forged_or_malformed_button_data_is_refused(raw: str | None) -> None:
    assert parse_callback(raw) is None


def test_every_button_we_make_fits_in_64_bytes() -> None:
    account = Account(id="a", created_at=datetime(2026, 1, 1, tzinfo=UTC))
    keyboards = [result_keyboard(GID, 4, "en"), result_keyboard(GID, 1, "en"), settings_keyboard(account, "en")]

    data = [b.callback_data for k in keyboards for row in k.inline_keyboard for b in row]

    assert all(isinstance(d, str) and 1 <= len(d.encode()) <= 64 and parse_callback(d) for d in data)


def test_photos_within_telegram_limits_go_as_photos_and_the_rest_as_files() -> None:
    assert fits_photo(png(1024, 768))
    assert not fits_photo(png(6000, 4100))  # width + height over 10000
    assert not fits_photo(png(2100, 100))  # ratio over 20
    assert not fits_photo(b"\x89PNG" + b"0" * PHOTO_MAX_BYTES)
    assert not fits_photo(b"not an image")


def test_clip_marks_the_cut() -> None:
    assert clip("abcdef", 4) == "abc…" and clip("abc", 4) == "abc"


def test_stars_payload_round_trips_and_refuses_foreign_payloads() -> None:
    payload = invoice_payload("pack100", "acc_42")

    assert parse_payload(payload) == ("pack100", "acc_42")
    assert parse_payload("v2:pack100:acc_42") is None and parse_payload("pack100") is None
    with pytest.raises(DomainError):
        invoice_payload("p" * 100, "a" * 40)
