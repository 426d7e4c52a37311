"""Round trips per generation: a crowd is served at the Store's pace, so every read that repeats what the caller
already holds is a cost (issue 12: at most ten Store round trips from /imagine to the delivered result)."""

from __future__ import annotations

import functools
import inspect
from collections import Counter
from dataclasses import replace
from typing import Any

import pytest

from core.errors import DomainError, ErrorCode
from core.models import GenerationRequest
from core.usecases import generation, onboarding
from core.usecases.accounts import require_consent
from tests.unit.conftest import ALICE, TARGET, World


class CountingStore:
    """The fake Store, counting each awaited call (one call = one round trip for a networked Store)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.calls: Counter[str] = Counter()

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.inner, name)
        if not inspect.iscoroutinefunction(value):
            return value

        @functools.wraps(value)
        async def counted(*args: Any, **kwargs: Any) -> Any:
            self.calls[name] += 1
            return await value(*args, **kwargs)

        return counted


def ask() -> GenerationRequest:
    return GenerationRequest(prompt="a fox in the snow")


async def generate_once(world: World, store: CountingStore) -> str:
    """The way a chat handler asks (it reads the account first, for the person's defaults) and a worker runs it."""
    deps = replace(world.deps, store=store)
    account = await require_consent(deps, ALICE)
    queued = await generation.request_generation(deps, ALICE, ask(), TARGET, account=account)
    job = await world.queue.take()
    await generation.process(deps, job.generation_id)
    return queued.id


async def test_a_single_image_generation_costs_at_most_nine_store_round_trips_in_the_core(world: World) -> None:
    await world.member()
    store = CountingStore(world.store)

    await generate_once(world, store)

    assert len(world.messenger.delivered) == 1
    assert store.calls == {
        "find_account": 1,  # the handler's consent check; the use-case reuses that account
        "reserve": 1,
        "generation_and_owner": 2,  # the worker's start, and once more before the result is stored
        "claim_slot": 1,
        "set_task_id": 1,
        "settle": 1,  # returns the generation and takes the delivery claim
        "balance": 1,  # shown with the result in a private chat
        "mark_delivered": 1,
    }  # the KIE callback's adopt_task (a no-op when the id was saved) makes ten


async def test_the_send_as_file_setting_reaches_the_chat_with_the_result(world: World) -> None:
    await world.member()
    await onboarding.update_settings(world.deps, ALICE, send_as_file=True)

    await generate_once(world, CountingStore(world.store))

    assert world.messenger.as_files == [True]


async def test_an_account_passed_in_is_still_held_to_consent(world: World) -> None:
    started = await onboarding.start(world.deps, ALICE, "Alice", "en")
    store = CountingStore(world.store)
    deps = replace(world.deps, store=store)

    with pytest.raises(DomainError) as refused:
        await generation.request_generation(deps, ALICE, ask(), TARGET, account=started.account)

    assert refused.value.code is ErrorCode.CONSENT_REQUIRED
    assert store.calls["reserve"] == 0 and world.generator.submitted == []
