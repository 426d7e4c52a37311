"""Waiting in line for the provider: admission before charging, the place and estimate people are shown."""

from __future__ import annotations

import dataclasses

import pytest

from adapters.chat.render import eta_text, queued_text
from adapters.local.line import InProcessCreateLine
from core.errors import DomainError, ErrorCode
from core.models import GenerationRequest, Identity, Platform
from core.policy import Policy
from core.ports import Place, QueueSpot
from core.texts import error_text
from core.usecases import generation, waiting
from tests.unit.conftest import ALICE, TARGET, World, make_world


def busy_world(deadline_s: float) -> World:
    """20 creates per 10 s (one every ~0.5 s), 40 s of provider latency, and the given deadline."""
    world = make_world(Policy(generation_deadline_s=deadline_s, requests_per_minute=1000, free_per_day=1))
    line = InProcessCreateLine(20, 10.0, monotonic=lambda: world.clock.now().timestamp(), expected_latency_s=40)
    world.deps = dataclasses.replace(world.deps, line=line)
    return world


async def crowd(world: World, people: int) -> None:
    for n in range(people):
        person = Identity(platform=Platform.TELEGRAM, platform_user_id=f"crowd-{n}")
        await world.member(person)
        await generation.request_generation(world.deps, person, GenerationRequest(prompt="a fox"), TARGET)


async def test_a_request_that_would_wait_past_the_deadline_is_refused_before_anything_is_charged() -> None:
    world = busy_world(deadline_s=120)
    for n in range(300):  # 150 s of creates ahead
        await world.deps.line.enter(f"earlier-{n}", f"someone-{n}", 1)
    account = await world.member(credits=5)

    with pytest.raises(DomainError) as refused:
        await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="me too", count=2), TARGET)

    assert refused.value.code is ErrorCode.BUSY
    assert error_text(refused.value) == "I'm very busy right now. Please try again in 2 minutes. Nothing was charged."
    assert await world.paid_credits(account) == 5
    assert await world.store.generations(account) == []


async def test_a_request_that_fits_before_the_deadline_is_queued_with_its_place_and_estimate() -> None:
    world = busy_world(deadline_s=600)
    await crowd(world, 36)
    await world.member()

    queued = await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="mine"), TARGET)
    spot = await generation.spot(world.deps, queued.id)

    assert spot is not None and spot.position == 37
    assert spot.eta_s == pytest.approx(36.5 * 10 / 20 * 1.02 + 40, rel=0.01)
    assert queued_text(queued, "en", spot) == (
        "Queued: 1 image, 1 free. You're #37 in line — about 1 min. I'll send the result here."
    )
    assert queued_text(queued, "en", QueueSpot(position=1, eta_s=20)).endswith(
        "You're next — about 20 sec. I'll send the result here."
    )


async def test_a_slow_provider_with_nobody_in_line_is_not_called_busy() -> None:
    world = busy_world(deadline_s=30)  # the latency estimate alone (40 s) is past the deadline
    await world.member()

    queued = await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="mine"), TARGET)

    assert queued.id


def test_estimates_read_like_a_person_would_say_them() -> None:
    assert [eta_text(s, "en") for s in (0.4, 12, 59.9, 61, 185, 5400, 7300)] == [
        "5 sec",
        "15 sec",
        "1 min",
        "2 min",
        "4 min",
        "1 hr 30 min",
        "2 hr 2 min",
    ]


def test_the_estimate_counts_the_creates_through_the_last_image_then_the_latency() -> None:
    place = Place(ahead=9, through=12, interval_s=0.5, latency_s=30)

    assert waiting.estimate_s(place) == pytest.approx(11.5 * 0.5 + 30)
    assert waiting.spot_of(place).position == 10


async def test_a_slow_down_from_the_provider_waits_and_tries_again_instead_of_failing(world: World) -> None:
    await world.member()
    world.generator.busy = 2

    queued = await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="mine"), TARGET)
    await generation.process(world.deps, queued.id)

    assert len(world.messenger.delivered) == 1 and world.messenger.failures == []
    assert world.generator.busy == 0 and len(world.generator.submitted) == 1


def test_a_waiting_person_hears_news_not_noise() -> None:
    last = waiting.Shown(position=400, eta_s=240, at=0)

    assert not waiting.worth_showing(last, waiting.Shown(390, 236, at=20))  # same minute, barely moved
    assert not waiting.worth_showing(last, waiting.Shown(380, 215, at=20))  # 10% less: not yet news
    assert waiting.worth_showing(last, waiting.Shown(300, 190, at=20))  # a fifth less
    assert waiting.worth_showing(last, waiting.Shown(350, 215, at=60))  # a minute of silence is enough
    assert waiting.worth_showing(waiting.Shown(6, 45, at=0), waiting.Shown(5, 42, at=20))  # near the front
    assert not waiting.worth_showing(waiting.Shown(2, 12, at=0), waiting.Shown(2, 11, at=20))  # same text
