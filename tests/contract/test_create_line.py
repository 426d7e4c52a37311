"""CreateLine contract: the in-process and the Redis line pace creates, order them fairly and report places alike.

Time is a made-up timeline: the line's only sleeper (its dispatcher) moves it forward, so nothing waits for real.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator

import pytest

from adapters.local.line import InProcessCreateLine
from adapters.redis.connect import redis_from_url
from adapters.redis.line import RedisCreateLine
from core.ports import CreateLine, Ticket
from tests import servers
from tests.contract.redis_fixtures import redis_client, restartable_redis, unique

__all__ = ["redis_client", "restartable_redis"]

LIMIT, WINDOW_S = 20, 10.0


class Timeline:
    """Seconds on a made-up timeline; `sleep` moves it (the dispatcher is the only one who sleeps)."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(seconds, 0.0)
        await asyncio.sleep(0)


@pytest.fixture
def timeline() -> Timeline:
    return Timeline()


@pytest.fixture(params=["in_process", "redis"])
async def line(request: pytest.FixtureRequest, timeline: Timeline) -> AsyncIterator[CreateLine]:
    if request.param == "in_process":
        yield InProcessCreateLine(LIMIT, WINDOW_S, monotonic=timeline, sleep=timeline.sleep, expected_latency_s=40)
    else:
        server: servers.RedisServer = request.getfixturevalue("redis_server")
        client = redis_from_url(server.url)
        yield RedisCreateLine(
            client,
            LIMIT,
            WINDOW_S,
            prefix=unique("line") + ":",
            clock_s=timeline,
            sleep=timeline.sleep,
            expected_latency_s=40,
        )
        await client.aclose()


async def served(line: CreateLine, timeline: Timeline, tickets: list[Ticket]) -> list[tuple[float, Ticket]]:
    """Wait for every ticket's turn at once; (time granted, ticket) in grant order."""
    granted: list[tuple[float, Ticket]] = []

    async def one(ticket: Ticket) -> None:
        await line.turn(ticket)
        granted.append((timeline.now, ticket))
        await line.created(ticket)

    await asyncio.wait_for(asyncio.gather(*(one(t) for t in tickets)), 30)
    return granted


def crowd(count: int) -> list[Ticket]:
    return [Ticket(f"gen-{i:03d}", f"acct-{i:03d}", 0) for i in range(count)]


async def test_a_crowd_is_served_first_come_first_served_evenly_spaced_and_never_over_the_limit(
    line: CreateLine, timeline: Timeline
) -> None:
    tickets = crowd(45)
    for ticket in tickets:
        await line.enter(ticket.generation_id, ticket.account_id, 1)

    granted = await served(line, timeline, tickets)

    assert [t for _, t in granted] == tickets
    times = [at for at, _ in granted]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= WINDOW_S / LIMIT - 0.002
    assert max(sum(1 for t in times if start <= t < start + WINDOW_S) for start in times) <= LIMIT
    assert times[-1] - times[0] == pytest.approx(44 * WINDOW_S / LIMIT, rel=0.05)


async def test_one_accounts_four_images_are_interleaved_with_everyone_elses(
    line: CreateLine, timeline: Timeline
) -> None:
    await line.enter("big", "greedy", 4)
    for name in ("b", "c", "d"):
        await line.enter(name, f"acct-{name}", 1)
    tickets = [Ticket("big", "greedy", slot) for slot in range(4)] + [
        Ticket(n, f"acct-{n}", 0) for n in ("b", "c", "d")
    ]

    granted = await served(line, timeline, tickets)

    order = [(t.generation_id, t.slot) for _, t in granted]
    assert order == [("big", 0), ("b", 0), ("c", 0), ("d", 0), ("big", 1), ("big", 2), ("big", 3)]


async def test_a_place_counts_the_creates_ahead_and_through_the_last_image(line: CreateLine) -> None:
    for i in range(10):
        await line.enter(f"g{i}", f"a{i}", 1)
    await line.enter("mine", "me", 2)

    place = await line.place("mine")
    newcomer = await line.preview("someone-new", 1)

    assert place is not None
    assert (place.ahead, place.through) == (10, 12)
    assert (newcomer.ahead, newcomer.through) == (11, 12)  # fair: ahead of "me"'s second image
    assert place.interval_s == pytest.approx(WINDOW_S / LIMIT, rel=0.05)
    assert place.latency_s == pytest.approx(40)


async def test_places_move_up_as_creates_are_made_and_vanish_when_a_generation_leaves(line: CreateLine) -> None:
    for i in range(5):
        await line.enter(f"g{i}", f"a{i}", 1)

    await line.turn(Ticket("g0", "a0", 0))
    await line.created(Ticket("g0", "a0", 0))
    await line.leave("g1")
    place = await line.place("g4")

    assert place is not None and place.ahead == 2
    assert await line.place("g1") is None
    assert await line.place("g0") is None


async def test_slow_down_holds_every_grant_and_the_waiting_create_keeps_its_place(
    line: CreateLine, timeline: Timeline
) -> None:
    tickets = crowd(3)
    for ticket in tickets:
        await line.enter(ticket.generation_id, ticket.account_id, 1)
    start = timeline.now

    await line.slow_down(7.0)
    granted = await served(line, timeline, tickets)

    assert granted[0][0] - start >= 7.0 - 0.002
    assert [t for _, t in granted] == tickets


async def test_a_waiter_that_gives_up_does_not_block_the_ones_behind_it(line: CreateLine, timeline: Timeline) -> None:
    tickets = crowd(3)
    for ticket in tickets:
        await line.enter(ticket.generation_id, ticket.account_id, 1)
    await line.turn(tickets[0])  # the budget is now busy for one interval
    quitter = asyncio.create_task(line.turn(tickets[1]))
    await asyncio.sleep(0)
    quitter.cancel()
    await asyncio.gather(quitter, return_exceptions=True)

    granted = await served(line, timeline, [tickets[2]])

    assert [t for _, t in granted] == [tickets[2]]


async def test_a_ticket_whose_line_state_was_lost_joins_the_line_when_it_waits(line: CreateLine) -> None:
    await asyncio.wait_for(line.turn(Ticket("never-entered", "acct", 0)), 5)

    assert await line.place("never-entered") is not None  # granted, not yet created
    await line.created(Ticket("never-entered", "acct", 0))
    assert await line.place("never-entered") is None


async def test_latency_estimates_follow_what_was_measured(line: CreateLine) -> None:
    await line.enter("g", "a", 1)

    for _ in range(30):
        await line.observe_latency(2.0)
    place = await line.place("g")

    assert place is not None and place.latency_s == pytest.approx(2.0, abs=0.05)


@pytest.mark.servers
async def test_two_processes_share_one_budget_and_one_order(redis_server: servers.RedisServer) -> None:
    """Two lines on one Redis (as two worker processes would hold): together first come, first served and
    never over the limit, with each create granted to the process that waits for it (real time, short window)."""
    client = redis_from_url(redis_server.url)
    prefix = unique("line2") + ":"
    lines = [RedisCreateLine(client, 5, 0.5, prefix=prefix, owner=f"p{i}") for i in range(2)]
    tickets = crowd(16)
    for ticket in tickets:
        await lines[0].enter(ticket.generation_id, ticket.account_id, 1)
    granted: list[tuple[float, Ticket]] = []
    loop = asyncio.get_running_loop()

    async def one(index: int, ticket: Ticket) -> None:
        await lines[index % 2].turn(ticket)
        granted.append((loop.time(), ticket))
        await lines[index % 2].created(ticket)

    try:
        await asyncio.wait_for(asyncio.gather(*(one(i, t) for i, t in enumerate(tickets))), 30)
    finally:
        await client.aclose()

    assert [t for _, t in granted] == tickets
    times = [at for at, _ in granted]
    assert max(sum(1 for t in times if start <= t < start + 0.5 - 0.02) for start in times) <= 5
