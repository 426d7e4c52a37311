"""Core wired to in-memory fakes: every use-case runs with no I/O and a controllable clock."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from adapters.local.limiter import InProcessLimiter
from adapters.local.line import InProcessCreateLine
from adapters.local.queue import InProcessJobQueue
from core.deps import Deps
from core.models import DeliveryTarget, Identity, LedgerKind, Platform
from core.policy import Policy
from core.usecases import onboarding
from tests.fakes.store import (
    FakeBlobStore,
    FakeClock,
    FakeGenerator,
    FakeModerator,
    FakePayments,
    FakeSignals,
    FakeStore,
    RecordingMessenger,
)

ALICE = Identity(platform=Platform.TELEGRAM, platform_user_id="1001")
BOB = Identity(platform=Platform.DISCORD, platform_user_id="2002")
TARGET = DeliveryTarget(platform=Platform.TELEGRAM, chat_id="1001", private=True)


@dataclass
class World:
    deps: Deps
    store: FakeStore
    blobs: FakeBlobStore
    generator: FakeGenerator
    moderator: FakeModerator
    messenger: RecordingMessenger
    payments: FakePayments
    clock: FakeClock
    queue: InProcessJobQueue

    async def member(self, identity: Identity = ALICE, credits: int = 0) -> str:
        """A person who has accepted the terms, with `credits` paid credits."""
        account = await onboarding.accept_terms(self.deps, identity, age_confirmed=True)
        if credits:
            await self.store.add_credits(
                account.id, credits, LedgerKind.GRANT, f"grant:{account.id}", "", self.clock.now()
            )
        return account.id

    async def paid_credits(self, account_id: str) -> int:
        return (
            await self.store.balance(account_id, self.clock.now().date(), self.deps.policy.free_per_day)
        ).paid_credits


def make_world(policy: Policy | None = None) -> World:
    clock = FakeClock()
    store, blobs, generator = FakeStore(), FakeBlobStore(), FakeGenerator()
    moderator, messenger, payments = FakeModerator(denied={"forbidden"}), RecordingMessenger(), FakePayments()
    queue = InProcessJobQueue()
    deps = Deps(
        store=store,
        blobs=blobs,
        generator=generator,
        moderator=moderator,
        limiter=InProcessLimiter(lambda: clock.now().timestamp()),
        queue=queue,
        signals=FakeSignals(clock),
        messenger=messenger,
        payments=payments,
        clock=clock,
        policy=policy or Policy(poll_first_s=1.0, poll_max_s=5.0, generation_deadline_s=120.0),
        line=InProcessCreateLine(None, 10.0, monotonic=lambda: clock.now().timestamp()),
    )
    return World(deps, store, blobs, generator, moderator, messenger, payments, clock, queue)


@pytest.fixture
def world() -> World:
    return make_world()
