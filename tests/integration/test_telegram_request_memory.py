"""A sent photo leaves memory as soon as Telegram has answered, not whenever the garbage collector next runs.

httpx's response and its body stream refer to each other; without care every Bot API exchange is a reference cycle
that keeps its request (and the photo in its multipart body) alive until a cyclic collection. Under a 200-person
burst that was 100+ MB of photos already sent. Checked with the collector switched off, through the real
python-telegram-bot against the fake Bot API."""

from __future__ import annotations

import gc
import io
import os
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from PIL import Image
from telegram import Bot, InputFile

from adapters.telegram.request import bot_request
from tests.fakes.telegram_api import FakeTelegram

TOKEN = "123:MEMORY"


def photo() -> bytes:
    """A 256×256 noise PNG (~200 KB: it does not compress)."""
    out = io.BytesIO()
    Image.frombytes("RGB", (256, 256), os.urandom(256 * 256 * 3)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(TOKEN) as server:
        yield server


@pytest.fixture
def no_cyclic_collection() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def exchanges_alive() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, httpx.Response | httpx.Request))


async def test_the_bytes_of_a_sent_photo_go_with_the_answer(fake: FakeTelegram, no_cyclic_collection: None) -> None:
    async with Bot(TOKEN, base_url=fake.base_url, request=bot_request()) as bot:
        before = exchanges_alive()
        for _ in range(5):
            await bot.send_photo(1001, InputFile(photo(), filename="result.png"), caption="done")

        assert exchanges_alive() == before
        assert len(fake.calls_to("sendPhoto")) == 5
