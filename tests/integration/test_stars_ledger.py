"""Telegram's Stars ledger read through the real python-telegram-bot against FakeTelegram's getStarTransactions."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot

from adapters.telegram.stars_ledger import ledger_length
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.telegram_updates import TgUser

TOKEN = "123:TEST"


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(TOKEN) as server:
        yield server


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=fake.base_url) as client:
        yield client


@pytest.mark.parametrize("size", [0, 1, 99, 100, 101, 250, 1234])
async def test_the_ledger_length_is_found_in_a_few_calls_whatever_its_size(
    fake: FakeTelegram, bot: Bot, size: int
) -> None:
    payer = TgUser(1001).json()
    for n in range(size):
        fake.record_star_payment(payer, "v1:pack100:acc", 500, f"charge-{n}")

    found = await ledger_length(bot)

    assert found == size
    assert len(fake.calls_to("getStarTransactions")) <= 2 * max(size, 100).bit_length() + 2


async def test_pages_come_in_order_and_at_most_a_hundred_at_a_time(fake: FakeTelegram, bot: Bot) -> None:
    payer = TgUser(1001).json()
    for n in range(150):
        fake.record_star_payment(payer, "v1:pack100:acc", 500, f"charge-{n}")

    first = await bot.get_star_transactions(offset=0, limit=100)
    rest = await bot.get_star_transactions(offset=100)

    assert [t.id for t in first.transactions] == [f"charge-{n}" for n in range(100)]
    assert [t.id for t in rest.transactions] == [f"charge-{n}" for n in range(100, 150)]
    assert first.transactions[0].source is not None and first.transactions[0].amount == 500
