"""The Telegram send queue on a fake clock: who goes first under saturation, coalescing, pacing after a 429, and
that essential sends always go out."""

from __future__ import annotations

import asyncio

import pytest

from adapters.local.send_budget import InProcessSendBudget
from adapters.telegram.sendqueue import Priority, SendQueue
from core.errors import StoreUnavailable
from core.ports import Pace, SendGrant

BOT = Pace(per_s=10)
CHAT = Pace(per_s=1, burst=3)
SPARE = {Priority.PROGRESS: 0.2, Priority.ANNOUNCEMENT: 0.5}


class FakeTimer:
    """Virtual time: sleeping moves the clock at once (only the queue's pump sleeps)."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(seconds, 0.0)
        await asyncio.sleep(0)


class Sends:
    """What went out (label, at) in order, and what was skipped."""

    def __init__(self, queue: SendQueue, timer: FakeTimer) -> None:
        self.queue, self.timer = queue, timer
        self.sent: list[tuple[str, float]] = []
        self.skipped: list[str] = []

    async def send(self, label: str, chat: str, priority: Priority, coalesce: str | None = None) -> None:
        if await self.queue.acquire(chat, priority, coalesce):
            self.sent.append((label, round(self.timer.now, 3)))
        else:
            self.skipped.append(label)

    @property
    def order(self) -> list[str]:
        return [label for label, _ in self.sent]


@pytest.fixture
def timer() -> FakeTimer:
    return FakeTimer()


@pytest.fixture
def budget(timer: FakeTimer) -> InProcessSendBudget:
    return InProcessSendBudget(BOT, timer.monotonic)


@pytest.fixture
async def sends(budget: InProcessSendBudget, timer: FakeTimer) -> Sends:
    return Sends(SendQueue(budget, lambda chat: CHAT, spare_s=SPARE, timer=timer), timer)


async def test_under_saturation_first_replies_go_before_results_and_progress_waits_for_spare_budget(
    sends: Sends,
) -> None:
    jobs = [sends.send(f"progress-{i}", f"p{i}", Priority.PROGRESS, f"p{i}:1") for i in range(3)]
    jobs += [sends.send(f"result-{i}", f"r{i}", Priority.RESULT) for i in range(3)]
    jobs += [sends.send(f"ack-{i}", f"a{i}", Priority.FIRST_REPLY) for i in range(3)]

    await asyncio.gather(*jobs)

    assert sends.order[:3] == ["ack-0", "ack-1", "ack-2"]
    assert sends.order[3:6] == ["result-0", "result-1", "result-2"]
    assert sorted(sends.order[6:]) == ["progress-0", "progress-1", "progress-2"]
    essential_done = sends.sent[5][1]
    assert all(at >= essential_done + 0.2 for label, at in sends.sent[6:])  # only from budget left unused


async def test_only_the_latest_state_of_a_status_message_is_sent(sends: Sends) -> None:
    busy = [sends.send(f"ack-{i}", f"a{i}", Priority.FIRST_REPLY) for i in range(5)]
    edits = [sends.send(f"edit-{n}", "c1", Priority.PROGRESS, "c1:9") for n in range(3)]

    await asyncio.gather(*busy, *edits)

    assert "edit-2" in sends.order
    assert sends.skipped == ["edit-0", "edit-1"]


async def test_a_result_overtakes_the_progress_edit_still_waiting_for_its_status_message(sends: Sends) -> None:
    busy = [sends.send(f"ack-{i}", f"a{i}", Priority.FIRST_REPLY) for i in range(5)]
    queued_edit = sends.send("queued-edit", "c1", Priority.PROGRESS, "c1:9")
    result = sends.send("photo", "c1", Priority.RESULT, "c1:9")

    await asyncio.gather(*busy, queued_edit, result)

    assert sends.skipped == ["queued-edit"]
    assert sends.order[-1] == "photo"


async def test_after_a_429_the_chat_waits_exactly_retry_after_then_goes_at_its_pace_and_others_go_on(
    sends: Sends, budget: InProcessSendBudget
) -> None:
    await budget.pause("c1", 5)
    jobs = [sends.send(f"reply-{i}", "c1", Priority.FIRST_REPLY) for i in range(4)]
    other = sends.send("other-chat", "c2", Priority.RESULT)

    await asyncio.gather(*jobs, other)

    times = dict(sends.sent)
    assert times["other-chat"] == 0.0
    assert [times[f"reply-{i}"] for i in range(4)] == [5.0, 6.0, 7.0, 8.0]


async def test_one_chat_gets_a_short_burst_then_one_message_a_second(sends: Sends) -> None:
    await asyncio.gather(*(sends.send(f"reply-{i}", "c1", Priority.FIRST_REPLY) for i in range(5)))

    assert [at for _, at in sends.sent] == [0.0, 0.1, 0.2, 1.0, 2.0]


async def test_essential_sends_wait_out_an_unreachable_budget_and_are_never_dropped(timer: FakeTimer) -> None:
    class FlakyBudget(InProcessSendBudget):
        failures = 3

        async def take(
            self, chat: str, pace: Pace, spare_s: float = 0.0, status: str | None = None, rank: int = 0
        ) -> SendGrant:
            if self.failures:
                self.failures -= 1
                raise StoreUnavailable("redis down")
            return await super().take(chat, pace, spare_s, status, rank)

    sends = Sends(SendQueue(FlakyBudget(BOT, timer.monotonic), lambda chat: CHAT, spare_s=SPARE, timer=timer), timer)

    await asyncio.gather(*(sends.send(f"result-{i}", f"c{i}", Priority.RESULT) for i in range(20)))

    assert sorted(sends.order) == sorted(f"result-{i}" for i in range(20))
    assert sends.skipped == []


async def test_a_sender_that_gives_up_does_not_block_the_others(sends: Sends) -> None:
    busy = [asyncio.create_task(sends.send(f"ack-{i}", f"a{i}", Priority.FIRST_REPLY)) for i in range(3)]
    quitter = asyncio.create_task(sends.send("gave-up", "c9", Priority.RESULT))
    await asyncio.sleep(0)
    quitter.cancel()

    await asyncio.gather(*busy, sends.send("after", "c10", Priority.RESULT))

    assert "gave-up" not in sends.order
    assert sends.order[-1] == "after"
