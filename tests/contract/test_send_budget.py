"""SendBudget contract: the bot's rate, each chat's pace, 429 pauses and forward-only statuses behave the same in
process and on Redis (time is injected, never slept)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.local.send_budget import InProcessSendBudget
from adapters.redis.connect import redis_from_url
from adapters.redis.send_budget import RedisSendBudget
from core.ports import Pace, SendBudget
from tests import servers
from tests.contract.redis_fixtures import unique
from tests.contract.timeline import FakeTime

BOT = Pace(per_s=10)
PRIVATE = Pace(per_s=1, burst=3)


@pytest.fixture(params=["in_process", "redis"])
async def budget(request: pytest.FixtureRequest, time_now: FakeTime) -> AsyncIterator[SendBudget]:
    if request.param == "in_process":
        yield InProcessSendBudget(BOT, time_now)
    else:
        server: servers.RedisServer = request.getfixturevalue("redis_server")
        client = redis_from_url(server.url)
        yield RedisSendBudget(client, BOT, prefix=unique("send") + ":", clock_s=time_now)
        await client.aclose()


async def test_the_bot_sends_at_its_rate_without_a_burst(budget: SendBudget, time_now: FakeTime) -> None:
    first = await budget.take("1", PRIVATE)
    second = await budget.take("2", PRIVATE)
    time_now.now += 0.1
    third = await budget.take("2", PRIVATE)

    assert first.granted
    assert not second.granted and not second.by_chat
    assert second.wait_s == pytest.approx(0.1, abs=0.002)
    assert third.granted


async def test_a_private_chat_gets_a_short_burst_then_one_message_a_second(
    budget: SendBudget, time_now: FakeTime
) -> None:
    granted = []
    for _ in range(3):
        granted.append((await budget.take("7", PRIVATE)).granted)
        time_now.now += 0.1
    fourth = await budget.take("7", PRIVATE)

    assert granted == [True, True, True]
    assert not fourth.granted and fourth.by_chat
    assert fourth.wait_s == pytest.approx(0.7, abs=0.002)


async def test_other_chats_are_not_slowed_by_one_busy_chat(budget: SendBudget, time_now: FakeTime) -> None:
    for _ in range(3):
        await budget.take("7", PRIVATE)
        time_now.now += 0.1

    other = await budget.take("8", PRIVATE)

    assert other.granted


async def test_a_429_pauses_the_chat_for_retry_after_then_it_goes_on_at_its_pace_not_in_a_burst(
    budget: SendBudget, time_now: FakeTime
) -> None:
    await budget.pause("7", 5)
    during = await budget.take("7", PRIVATE)
    time_now.now += 5
    after = await budget.take("7", PRIVATE)
    time_now.now += 0.1
    next_one = await budget.take("7", PRIVATE)
    other = await budget.take("8", PRIVATE)

    assert not during.granted and during.by_chat and during.wait_s == pytest.approx(5, abs=0.002)
    assert after.granted
    assert not next_one.granted and next_one.wait_s == pytest.approx(0.9, abs=0.002)
    assert other.granted


async def test_a_429_for_the_whole_bot_pauses_every_chat(budget: SendBudget, time_now: FakeTime) -> None:
    await budget.pause(None, 3)

    during = await budget.take("9", PRIVATE)
    time_now.now += 3
    after = await budget.take("9", PRIVATE)

    assert not during.granted and not during.by_chat and during.wait_s == pytest.approx(3, abs=0.002)
    assert after.granted


async def test_spare_budget_is_only_what_the_bot_left_unused(budget: SendBudget, time_now: FakeTime) -> None:
    await budget.take("1", PRIVATE)
    time_now.now += 0.1  # the next essential slot is free now, but nothing was left unused yet
    busy = await budget.take("2", PRIVATE, spare_s=0.2)
    time_now.now += 0.2
    idle = await budget.take("2", PRIVATE, spare_s=0.2)

    assert not busy.granted and busy.wait_s == pytest.approx(0.2, abs=0.002)
    assert idle.granted


async def test_a_refused_take_takes_nothing(budget: SendBudget, time_now: FakeTime) -> None:
    await budget.take("1", PRIVATE)
    await budget.take("2", PRIVATE)  # refused by the bot's rate
    time_now.now += 0.1

    again = await budget.take("2", PRIVATE)

    assert again.granted


async def test_a_status_message_only_moves_forward(budget: SendBudget) -> None:
    generating = await budget.advance("chat:5:msg:9", 30)
    queued_late = await budget.advance("chat:5:msg:9", 10)
    same_again = await budget.advance("chat:5:msg:9", 30)
    done = await budget.advance("chat:5:msg:9", 100)
    other_message = await budget.advance("chat:5:msg:10", 10)

    assert generating and not queued_late and same_again and done and other_message


async def test_a_send_that_moves_a_status_backwards_is_overtaken_and_takes_nothing(
    budget: SendBudget, time_now: FakeTime
) -> None:
    generating = await budget.take("5", PRIVATE, status="tg:5:9", rank=3000)
    time_now.now += 1
    late_queued = await budget.take("6", PRIVATE, status="tg:5:9", rank=1000)
    other = await budget.take("6", PRIVATE)
    time_now.now += 1
    done = await budget.take("5", PRIVATE, status="tg:5:9", rank=10_000)

    assert generating.granted and done.granted
    assert late_queued.overtaken and not late_queued.granted
    assert other.granted  # the overtaken send took nothing
    assert not await budget.advance("tg:5:9", 3000)  # the done state was recorded by the take
