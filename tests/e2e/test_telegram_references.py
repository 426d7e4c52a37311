"""Reference images sent to the Telegram bot (#13 items 5 and 11): size caps before and during the download, and
nothing kept for a refused request. The real python-telegram-bot Application against FakeTelegram, the real core
on SQLite and the local folder (see test_telegram.py for the harness)."""

# ruff: noqa: F811
# (the fixtures `fake` and `bot` are imported from test_telegram.py and named again as test parameters)

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.test_telegram import ADA, TOKEN, Harness, bot, png, running, settings_for  # noqa: F401
from tests.fakes.telegram_api import FakeTelegram

MB = 1024 * 1024


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(TOKEN) as server:
        server.get_file_max_bytes = None  # a self-hosted Bot API server: files up to 2 GB
        yield server


def stored_files(data_dir: Path) -> list[Path]:
    images = data_dir / "images"
    return [p for p in images.rglob("*") if p.is_file()] if images.exists() else []


def huge_png(size: int) -> bytes:
    return png() + b"\0" * (size - len(png()))


def as_document(fake: FakeTelegram, data: bytes, *, announce: bool = True) -> dict[str, Any]:
    document: dict[str, Any] = {**fake.add_file(data), "file_name": "big.png", "mime_type": "image/png"}
    if not announce:
        document.pop("file_size")
    return document


async def test_a_document_announced_over_the_limit_is_refused_before_anything_is_downloaded(
    bot: Harness, fake: FakeTelegram, tmp_path: Path
) -> None:
    await bot.onboard(ADA)

    await bot.send(bot.updates.document(ADA, as_document(fake, huge_png(50 * MB)), caption="/imagine make it blue"))
    refused = await bot.said(ADA.id, "too large for me to download (over 20 MB)")

    assert refused.ok
    assert fake.calls_to("getFile") == [] and fake.downloaded_bytes == 0
    assert stored_files(tmp_path) == []


async def test_a_file_of_unannounced_size_is_cut_off_at_the_limit_while_streaming(
    bot: Harness, fake: FakeTelegram, tmp_path: Path
) -> None:
    await bot.onboard(ADA)
    fake.announce_file_sizes = False

    document = as_document(fake, huge_png(50 * MB), announce=False)
    await bot.send(bot.updates.document(ADA, document, caption="/imagine make it blue"))
    await bot.said(ADA.id, "too large for me to download (over 20 MB)")

    assert fake.calls_to("getFile")
    assert fake.downloaded_bytes < 30 * MB, f"{fake.downloaded_bytes / MB:.1f} MB were sent before the cut"
    assert stored_files(tmp_path) == []
    assert not fake.calls_to("sendPhoto")


async def test_a_reference_within_the_limit_is_still_downloaded_and_used(
    bot: Harness, fake: FakeTelegram, tmp_path: Path
) -> None:
    await bot.onboard(ADA)
    fake.announce_file_sizes = False

    await bot.send(bot.updates.photo(ADA, fake.photo_sizes(png(320, 200, "blue")), caption="/imagine add a hat"))
    await bot.photo(ADA.id)

    refs = [p for p in stored_files(tmp_path) if "/refs/" in p.as_posix()]
    assert len(refs) == 1 and refs[0].read_bytes() == png(320, 200, "blue")


# --- a refused /imagine with a reference keeps nothing ----------------------------------------------------------


async def test_an_imagine_with_a_reference_and_no_credits_keeps_no_copy_of_the_photo(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    async with running(settings_for(tmp_path, fake, free_images_per_day=0), fake) as bot:
        await bot.onboard(ADA)

        await bot.send(bot.updates.photo(ADA, fake.photo_sizes(png()), caption="/imagine add a hat"))
        await bot.said(ADA.id, "Not enough credits", method="editMessageText")

        assert stored_files(tmp_path) == []


async def test_an_imagine_with_a_reference_and_a_refused_prompt_keeps_no_copy_of_the_photo(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    async with running(settings_for(tmp_path, fake, banned_words=["forbidden"]), fake) as bot:
        await bot.onboard(ADA)

        await bot.send(bot.updates.photo(ADA, fake.photo_sizes(png()), caption="/imagine a forbidden hat"))
        await bot.said(ADA.id, "This prompt can't be used", method="editMessageText")

        assert stored_files(tmp_path) == []


async def test_an_imagine_with_a_reference_but_no_prompt_downloads_and_keeps_nothing(
    bot: Harness, fake: FakeTelegram, tmp_path: Path
) -> None:
    await bot.onboard(ADA)

    await bot.send(bot.updates.photo(ADA, fake.photo_sizes(png()), caption="/imagine"))
    await bot.said(ADA.id, "Please describe the image")

    assert fake.calls_to("getFile") == []
    assert stored_files(tmp_path) == []
