"""Provider chaos: a KIE that fails about a fifth of all calls, driven through the real client, core and worker.

FakeKie answers 500s, 429s, truncated JSON, answers that never come (the client times out), dropped connections,
and tasks that fail or never finish; the RNG is seeded. The generation deadline is shortened to two real seconds
(the client's timeouts and retry pauses are shortened to match), so the whole run takes a few seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from adapters.kie.client import KieImageGenerator, kie_http_client
from adapters.local.blobs import LocalBlobStore
from adapters.local.clock import SystemClock
from adapters.local.limiter import InProcessLimiter
from adapters.local.line import InProcessCreateLine
from adapters.local.moderation import BannedWordsModerator
from adapters.local.payments import DisabledPayments
from adapters.local.queue import InProcessJobQueue
from adapters.local.signals import InProcessSignals
from adapters.sqlite.store import SqliteStore
from core.deps import Deps
from core.models import DeliveryTarget, GenerationRequest, GenerationStatus, Identity, LedgerKind, Platform
from core.policy import Policy
from core.usecases import generation, onboarding
from core.worker import Worker
from tests.fakes.kie import FAULTS, I2I, T2I, FakeKie, Outcome
from tests.faults.support import OutcomeLog, ledger_problems

DEADLINE_S = 2.0
FAULT_RATE = 0.2
ACCOUNTS = 10
PER_ACCOUNT = 4


def chaos(rng: random.Random) -> FakeKie:
    kie = FakeKie()

    def fault(path: str) -> str | None:
        return rng.choice(FAULTS) if rng.random() < FAULT_RATE else None

    def outcome() -> Outcome:
        roll = rng.random()
        if roll < 0.1:
            return Outcome(polls=None)  # never finishes: only the deadline ends it
        if roll < 0.2:
            return Outcome(polls=2, success=False, fail_code="500", fail_msg="Failed to generate image")
        return Outcome(polls=rng.randint(1, 3))

    kie.fault = fault
    kie.outcome_for = outcome
    return kie


@pytest.fixture
async def kie() -> AsyncIterator[FakeKie]:
    fake = chaos(random.Random(20261125))
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
async def deps(kie: FakeKie, tmp_path: Path) -> AsyncIterator[Deps]:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    http = kie_http_client(kie.base_url, timeout_s=0.25)
    limiter = InProcessLimiter(time.monotonic)
    generator = KieImageGenerator(
        http,
        api_key=kie.api_key,
        model_t2i=T2I,
        model_i2i=I2I,
        callback_url=None,
        limiter=limiter,
        max_image_bytes=1_000_000,
        retry_base_s=0.01,
    )
    yield Deps(
        store=store,
        blobs=LocalBlobStore(tmp_path / "images"),
        generator=generator,
        moderator=BannedWordsModerator([]),
        limiter=limiter,
        queue=InProcessJobQueue(),
        signals=InProcessSignals(),
        messenger=OutcomeLog(),
        payments=DisabledPayments(),
        clock=SystemClock(),
        policy=Policy(
            free_per_day=1,
            max_running=PER_ACCOUNT,
            requests_per_minute=100,
            generation_deadline_s=DEADLINE_S,
            poll_first_s=0.02,
            poll_max_s=0.1,
        ),
        line=InProcessCreateLine(None, 10.0, monotonic=time.monotonic),  # the budget has its own suite
    )
    await http.aclose()
    await store.close()


async def test_every_generation_through_a_flaky_kie_ends_delivered_or_refunded_before_its_deadline(
    deps: Deps, kie: FakeKie, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    messenger = deps.messenger
    assert isinstance(messenger, OutcomeLog)
    worker = Worker(deps)
    running = asyncio.create_task(worker.run())
    ids: list[str] = []
    try:
        for n in range(ACCOUNTS):
            person = Identity(platform=Platform.CONSOLE, platform_user_id=f"person-{n}")
            account = await onboarding.accept_terms(deps, person, age_confirmed=True)
            await deps.store.add_credits(account.id, 10, LedgerKind.GRANT, f"grant:{n}", "", deps.clock.now())
            for k in range(PER_ACCOUNT):
                request = GenerationRequest(prompt=f"chaos {n}.{k}", count=2 if k == 3 else 1)
                target = DeliveryTarget(platform=Platform.CONSOLE, chat_id=person.platform_user_id, private=True)
                ids.append((await generation.request_generation(deps, person, request, target)).id)

        await messenger.wait_until(lambda: len(messenger.outcomes) >= len(ids), timeout_s=60)
        for _ in range(400):  # the worker marks each one delivered just after the messenger returns
            if not await deps.store.unfinished():
                break
            await asyncio.sleep(0.05)
        assert not running.done(), "the worker loop stopped"
    finally:
        running.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await running
        await worker.stop()

    finals = [await deps.store.get_generation(i) for i in ids]
    outcomes = Counter(what for _, what in messenger.outcomes)
    assert sorted(i for i, _ in messenger.outcomes) == sorted(ids)  # each one told exactly once
    assert await deps.store.unfinished() == []
    for final in finals:
        assert final is not None and final.finished and final.delivered_at is not None
        assert final.updated_at - final.created_at < timedelta(seconds=DEADLINE_S + 3), final
    assert ledger_problems(tmp_path / "bot.sqlite3") == []
    assert outcomes["delivered"] and outcomes["failed"], outcomes  # the chaos really bit, and did not bite all
    assert {f for _, f in kie.faults_served} == set(FAULTS)
    assert any(f.status is GenerationStatus.FAILED and f.error_code == "generation_timeout" for f in finals if f)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
