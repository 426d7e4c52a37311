"""The PTB rate-limiter hook on the send budget: what counts as a message, 429s, and forward-only status messages
when several processes write the same status (fake clock; the callback stands in for the HTTP request)."""

from __future__ import annotations

from typing import Any

import pytest
from telegram.error import RetryAfter

from adapters.chat.status import FINAL_RANK, stage_rank, telegram_status
from adapters.local.send_budget import InProcessSendBudget
from adapters.telegram.ratelimit import BudgetRateLimiter, SendOptions, pace_of, spare_for
from adapters.telegram.sendqueue import Priority, SendQueue
from core.ports import Pace
from tests.fakes.metrics import CountingMetrics
from tests.unit.test_send_queue import FakeTimer

BOT = Pace(per_s=30)


class FakeBotApi:
    """Answers calls, refusing the first `flood` with 429; records what reached it."""

    def __init__(self, timer: FakeTimer, flood: int = 0, retry_after: int = 3) -> None:
        self.timer, self.flood, self.retry_after = timer, flood, retry_after
        self.reached: list[tuple[str, dict[str, Any], float]] = []

    async def __call__(self, endpoint: str, data: dict[str, Any]) -> dict[str, Any]:
        if self.flood:
            self.flood -= 1
            raise RetryAfter(self.retry_after)
        self.reached.append((endpoint, data, self.timer.now))
        return {"message_id": 1}


@pytest.fixture(autouse=True)
def timedelta_durations(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # as the runner opts in


@pytest.fixture
def timer() -> FakeTimer:
    return FakeTimer()


@pytest.fixture
def budget(timer: FakeTimer) -> InProcessSendBudget:
    return InProcessSendBudget(BOT, timer.monotonic)


def process(budget: InProcessSendBudget, timer: FakeTimer) -> BudgetRateLimiter:
    """One bot process: its own queue, the bot's shared budget."""
    return BudgetRateLimiter(SendQueue(budget, pace_of, spare_s=spare_for(BOT), timer=timer), budget, timer=timer)


async def call(
    limiter: BudgetRateLimiter, api: FakeBotApi, endpoint: str, data: dict[str, Any], options: SendOptions | None
) -> Any:
    return await limiter.process_request(api, (endpoint, data), {}, endpoint, data, options)


async def test_an_essential_reply_refused_with_429_waits_retry_after_and_is_sent(
    budget: InProcessSendBudget, timer: FakeTimer
) -> None:
    api = FakeBotApi(timer, flood=1, retry_after=3)

    answer = await call(process(budget, timer), api, "sendMessage", {"chat_id": 5, "text": "hi"}, None)

    assert answer == {"message_id": 1}
    assert [(e, at) for e, _, at in api.reached] == [("sendMessage", pytest.approx(3.0, abs=0.01))]


async def test_the_operator_sees_each_429_telegram_answered(budget: InProcessSendBudget, timer: FakeTimer) -> None:
    api = FakeBotApi(timer, flood=2, retry_after=1)
    metrics = CountingMetrics()
    limiter = BudgetRateLimiter(
        SendQueue(budget, pace_of, spare_s=spare_for(BOT), timer=timer), budget, timer=timer, metrics=metrics
    )

    await call(limiter, api, "sendMessage", {"chat_id": 5, "text": "hi"}, None)

    assert metrics.counted == [("gib_chat_rate_limited_total", {"platform": "telegram"})] * 2


async def test_a_progress_edit_refused_with_429_is_dropped_for_the_next_state(
    budget: InProcessSendBudget, timer: FakeTimer
) -> None:
    api = FakeBotApi(timer, flood=1)
    options = SendOptions(Priority.PROGRESS, telegram_status(5, 9), stage_rank("generating"))

    answer = await call(process(budget, timer), api, "editMessageText", {"chat_id": 5, "message_id": 9}, options)

    assert answer is True and api.reached == []


async def test_calls_that_are_not_messages_spend_no_budget(budget: InProcessSendBudget, timer: FakeTimer) -> None:
    api = FakeBotApi(timer)
    limiter = process(budget, timer)

    for endpoint in ("answerCallbackQuery", "getFile", "getMe", "setMyCommands"):
        await call(limiter, api, endpoint, {"chat_id": 5}, None)

    assert (await budget.take("5", pace_of("5"))).granted
    assert [e for e, _, _ in api.reached] == ["answerCallbackQuery", "getFile", "getMe", "setMyCommands"]


async def test_a_late_queued_edit_from_another_process_never_replaces_a_later_state(
    budget: InProcessSendBudget, timer: FakeTimer
) -> None:
    api = FakeBotApi(timer)
    web, worker = process(budget, timer), process(budget, timer)
    key, where = telegram_status(5, 9), {"chat_id": 5, "message_id": 9}

    await call(worker, api, "editMessageText", where, SendOptions(Priority.PROGRESS, key, stage_rank("generating")))
    await call(worker, api, "editMessageText", where, SendOptions(Priority.RESULT, key, FINAL_RANK))
    late = await call(web, api, "editMessageText", where, SendOptions(Priority.PROGRESS, key, stage_rank("queued")))

    assert late is True
    assert len(api.reached) == 2


async def test_429s_from_several_chats_at_once_pause_the_whole_bot(
    budget: InProcessSendBudget, timer: FakeTimer
) -> None:
    limiter = process(budget, timer)
    for chat in (1, 2, 3):
        await call(limiter, FakeBotApi(timer, flood=1, retry_after=2), "sendMessage", {"chat_id": chat}, None)

    refused = await budget.take("99", pace_of("99"))

    assert not refused.granted and not refused.by_chat
