"""A crowd at KIE's create limit (issue 11): the real core, SQLite, the in-process create line and Worker drive the
real KieImageGenerator against FakeKie, which enforces 20 creates per window like KIE (429 above it).

Time is scaled down, not faked: the window is 2 s instead of 10 s and KIE's latency 1 s, so 200 people take
about 21 s. Nothing in the test sleeps: it waits for outcomes the messenger records.
"""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
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
from adapters.router import MessengerRouter
from adapters.sqlite.store import SqliteStore
from core.deps import Deps
from core.models import DeliveryTarget, Generation, GenerationRequest, GenerationStatus, Identity, LedgerKind, Platform
from core.policy import Policy
from core.ports import QueueSpot
from core.usecases import generation, onboarding
from core.worker import Worker
from tests.fakes.kie import I2I, T2I, FakeKie
from tests.fakes.messenger import RecordingMessenger

API_KEY = "kie-crowd-key"
LIMIT, WINDOW_S, LATENCY_S = 20, 2.0, 1.0
PEOPLE = 200
POLICY = Policy(
    free_per_day=0,
    max_running=10,
    requests_per_minute=1000,
    generation_deadline_s=600.0,
    poll_first_s=0.02,
    poll_max_s=0.05,
    waiting_update_s=1.0,
)


@dataclass
class Crowd:
    deps: Deps
    messenger: RecordingMessenger
    worker: Worker

    async def person(self, name: str) -> Identity:
        identity = Identity(platform=Platform.CONSOLE, platform_user_id=name)
        account = await onboarding.accept_terms(self.deps, identity, age_confirmed=True)
        await self.deps.store.add_credits(account.id, 10, LedgerKind.ADMIN, f"seed:{name}", "", self.deps.clock.now())
        return identity

    async def imagine(self, identity: Identity, count: int = 1) -> Generation:
        request = GenerationRequest(prompt=f"a lighthouse for {identity.platform_user_id}", count=count)
        target = DeliveryTarget(platform=Platform.CONSOLE, chat_id=identity.platform_user_id)
        return await generation.request_generation(self.deps, identity, request, target)


@pytest.fixture
async def kie() -> AsyncIterator[FakeKie]:
    async with FakeKie(api_key=API_KEY, credits=1e9, latency_s=LATENCY_S, create_limit=(LIMIT, WINDOW_S)) as fake:
        yield fake


@contextlib.asynccontextmanager
async def crowd_bot(tmp_path: Path, kie: FakeKie) -> AsyncIterator[Crowd]:
    """Wired like bot/wiring.py does for KIE on the embedded default, with a RecordingMessenger."""
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    http = kie_http_client(kie.base_url, timeout_s=10.0)
    limiter = InProcessLimiter(time.monotonic)
    messenger = RecordingMessenger()
    router = MessengerRouter()
    router.register(Platform.CONSOLE, messenger)
    deps = Deps(
        store=store,
        blobs=LocalBlobStore(tmp_path / "images"),
        generator=KieImageGenerator(
            http,
            api_key=API_KEY,
            model_t2i=T2I,
            model_i2i=I2I,
            callback_url=None,
            limiter=limiter,
            max_image_bytes=1_000_000,
        ),
        moderator=BannedWordsModerator([]),
        limiter=limiter,
        queue=InProcessJobQueue(),
        signals=InProcessSignals(),
        messenger=router,
        payments=DisabledPayments(),
        clock=SystemClock(),
        policy=POLICY,
        line=InProcessCreateLine(LIMIT, WINDOW_S, monotonic=time.monotonic, expected_latency_s=LATENCY_S),
    )
    worker = Worker(deps)
    running = asyncio.create_task(worker.run())
    try:
        yield Crowd(deps, messenger, worker)
    finally:
        running.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await running
        await worker.stop()
        await http.aclose()
        await store.close()


def most_in_any_window(times_s: list[float], window_s: float) -> int:
    times = sorted(times_s)
    return max((sum(1 for t in times[i:] if t < start + window_s) for i, start in enumerate(times)), default=0)


async def test_two_hundred_people_at_once_all_get_their_image_first_come_first_served_within_the_limit(
    tmp_path: Path, kie: FakeKie
) -> None:
    loop = asyncio.get_running_loop()
    async with crowd_bot(tmp_path, kie) as bot:
        people = [await bot.person(f"person-{i:03d}") for i in range(PEOPLE)]
        first: dict[str, tuple[float, QueueSpot | None]] = {}
        order: list[str] = []
        for person in people:
            queued = await bot.imagine(person)
            first[queued.id] = (loop.time(), await generation.spot(bot.deps, queued.id))
            order.append(queued.id)

        await bot.messenger.wait_outcomes(PEOPLE, timeout_s=120)
        await asyncio.wait_for(bot.worker.wait_idle(), 30)
        finals = [await bot.deps.store.get_generation(g) for g in order]
        refunds = [
            e for g in finals if g for e in await bot.deps.store.ledger(g.account_id) if e.kind is LedgerKind.REFUND
        ]

    assert [f.generation.error_detail for f in bot.messenger.failures][:3] == []
    assert len(bot.messenger.delivered) == PEOPLE
    assert all(g is not None and g.status is GenerationStatus.SUCCEEDED for g in finals)
    assert refunds == []
    created = sorted(kie.tasks.values(), key=lambda task: task.created_ms)
    assert len(created) == PEOPLE
    # the fake stamps tasks in whole wall-clock milliseconds: a window 10 ms short absorbs the rounding
    assert most_in_any_window([t.created_ms / 1000 for t in created], WINDOW_S - 0.01) <= LIMIT
    by_task = {g.task_ids[0]: g.id for g in finals if g}
    rank = {generation_id: i for i, generation_id in enumerate(order)}
    displaced = [abs(rank[by_task[t.task_id]] - i) for i, t in enumerate(created)]
    assert max(displaced) <= 2, displaced  # first come, first served (arrival at KIE may jitter by a slot)
    delivered_at = {d.generation.id: d.at for d in bot.messenger.delivered}
    misses, errors, waits = [], [], []
    for generation_id in order:
        shown = [first[generation_id]] + [
            (p.at, p.spot) for p in bot.messenger.places if p.generation_id == generation_id
        ]
        positions = [spot.position for _, spot in shown if spot is not None]
        assert positions == sorted(positions, reverse=True), positions  # positions shown never increase
        at, last = shown[-1]
        assert last is not None
        waited = delivered_at[generation_id] - at
        errors.append(abs(last.eta_s - waited) / waited)
        waits.append(waited)
        if abs(last.eta_s - waited) > 0.3 * waited:
            misses.append((generation_id, last, round(waited, 3), len(shown)))
    firsts = [first[g][1] for g in order]
    assert all(spot is not None and spot.position <= i + 1 for i, spot in enumerate(firsts))
    assert max(spot.position for spot in firsts if spot) > 20  # a real line formed
    # Scaled down 5x, a second of event-loop lag on a loaded machine is a large share of a short wait. On an idle
    # machine every last estimate is within +-30%; on a loaded one (the whole suite on 2 shared cores) those of
    # waits over 5 s still are, nearly all, and the typical error stays inside the bound.
    long_waits = [w for w in waits if w >= 5.0]
    long_misses = [m for m in misses if m[2] >= 5.0]
    assert len(long_misses) <= len(long_waits) // 10, (len(long_misses), len(long_waits), long_misses[:5])
    assert statistics.median(errors) <= 0.3, (statistics.median(errors), len(misses))
