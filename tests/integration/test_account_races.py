"""Races on one account through the real use-cases and a real Store (SQLite file, Postgres through PostgREST).

Each scenario overlaps the operations that used to lose updates or outrun a deletion, and is repeated
REPETITIONS times: settings × plan webhooks × deletion codes lose nothing, a deletion always cancels the
plan at the provider, and nothing is reserved or left stored once the deletion fence is up.
"""

from __future__ import annotations

import asyncio
import dataclasses
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters.local.blobs import LocalBlobStore
from adapters.sqlite.store import SqliteStore
from core.errors import DomainError, ErrorCode
from core.models import GenerationRequest, Identity, LedgerKind, PaymentEvent, PaymentEventKind, Platform
from core.ports import Store
from core.usecases import billing, generation, onboarding, privacy
from tests.unit.conftest import TARGET, World, make_world

REPETITIONS = 200


@pytest.fixture
async def sqlite_file_store(tmp_path: Path) -> AsyncIterator[SqliteStore]:
    sqlite = await SqliteStore.open(tmp_path / "bot.sqlite3")
    yield sqlite
    await sqlite.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.servers)])
def real_store(request: pytest.FixtureRequest) -> Store:
    """Picks the async fixture by name (an async fixture cannot call getfixturevalue on another one)."""
    name = {"sqlite": "sqlite_file_store", "postgres": "supabase_store"}[request.param]
    chosen: Store = request.getfixturevalue(name)
    return chosen


@pytest.fixture
def world(real_store: Store, tmp_path: Path) -> World:
    """The core with the real Store and a real image folder; the outside services are the unit-test fakes."""
    base = make_world()
    blobs = LocalBlobStore(tmp_path / "images")
    deps = dataclasses.replace(base.deps, store=real_store, blobs=blobs)
    return dataclasses.replace(base, deps=deps)


def person() -> Identity:
    return Identity(platform=Platform.TELEGRAM, platform_user_id=uuid.uuid4().hex[:12])


def plan_event(kind: PaymentEventKind, account_id: str, subscription_id: str) -> PaymentEvent:
    return PaymentEvent(
        event_id=f"evt_{uuid.uuid4().hex}",
        provider="creem",
        kind=kind,
        account_id=account_id,
        product_id="pro",
        payment_ref=f"ord_{uuid.uuid4().hex}",
        credits=10,
        subscription_id=subscription_id,
        customer_id="cus_1",
    )


async def member(world: World, identity: Identity, credits: int = 0) -> str:
    account = await onboarding.accept_terms(world.deps, identity, age_confirmed=True)
    if credits:
        await world.deps.store.add_credits(
            account.id, credits, LedgerKind.GRANT, f"grant:{account.id}", "", world.clock.now()
        )
    return account.id


async def test_settings_plan_webhooks_and_deletion_codes_overlapping_lose_no_update(world: World) -> None:
    lost: list[str] = []
    for _ in range(REPETITIONS):
        identity = person()
        account_id = await member(world, identity)
        await onboarding.update_settings(world.deps, identity, aspect_ratio="4:3")  # 2K is valid in either order
        paid = plan_event(PaymentEventKind.PLAN_PAID, account_id, "sub_new")
        stale_end = plan_event(PaymentEventKind.PLAN_ENDED, account_id, "sub_old")

        results = await asyncio.gather(
            onboarding.update_settings(world.deps, identity, aspect_ratio="16:9"),
            billing.apply_payment_event(world.deps, paid),
            privacy.request_deletion(world.deps, identity),
            onboarding.update_settings(world.deps, identity, resolution="2K", notifications_opt_out=True),
            billing.apply_payment_event(world.deps, stale_end),
        )

        stored = await world.deps.store.get_account(account_id)
        assert stored is not None
        seen = (
            stored.plan,
            stored.subscription_id,
            stored.customer_id,
            stored.default_aspect_ratio,
            stored.default_resolution,
            stored.notifications_opt_out,
            stored.deletion_code,
        )
        if seen != ("pro", "sub_new", "cus_1", "16:9", "2K", True, results[2]):
            lost.append(f"{account_id}: {seen}")

    assert lost == []


async def test_a_deletion_racing_plan_webhooks_always_cancels_the_plan_at_the_provider(world: World) -> None:
    uncancelled: list[str] = []
    for n in range(REPETITIONS):
        identity = person()
        account_id = await member(world, identity)
        renewal = plan_event(PaymentEventKind.PLAN_PAID, account_id, f"sub_{n}")
        await billing.apply_payment_event(world.deps, renewal.model_copy(update={"event_id": f"first_{n}"}))
        code = await privacy.request_deletion(world.deps, identity)

        await asyncio.gather(
            privacy.confirm_deletion(world.deps, identity, code),
            billing.apply_payment_event(world.deps, renewal),
            onboarding.update_settings(world.deps, identity, send_as_file=True),
            return_exceptions=True,
        )

        assert await world.deps.store.get_account(account_id) is None
        if f"sub_{n}" not in world.payments.cancelled:
            uncancelled.append(f"sub_{n}")

    assert uncancelled == []


async def test_a_plan_bought_while_the_account_is_being_deleted_is_cancelled_too(world: World) -> None:
    uncancelled: list[str] = []
    for n in range(REPETITIONS):
        identity = person()
        account_id = await member(world, identity)
        code = await privacy.request_deletion(world.deps, identity)

        await asyncio.gather(
            privacy.confirm_deletion(world.deps, identity, code),
            billing.apply_payment_event(world.deps, plan_event(PaymentEventKind.PLAN_PAID, account_id, f"new_{n}")),
        )

        if f"new_{n}" not in world.payments.cancelled:
            uncancelled.append(f"new_{n}")

    assert uncancelled == []


async def test_an_imagine_racing_a_confirmed_deletion_reserves_sends_and_keeps_nothing_after_the_fence(
    world: World, tmp_path: Path
) -> None:
    store = world.deps.store
    fenced = False
    reserved_after_fence = claimed_after_fence = 0
    begin_deletion, reserve, claim_slot = store.begin_deletion, store.reserve, store.claim_slot

    async def watched_begin_deletion(*args: object) -> object:
        nonlocal fenced
        result = await begin_deletion(*args)  # type: ignore[arg-type]
        fenced = fenced or result is not None
        return result

    async def watched_reserve(*args: object) -> object:
        nonlocal reserved_after_fence
        after_fence = fenced
        result = await reserve(*args)  # type: ignore[arg-type]
        reserved_after_fence += after_fence
        return result

    async def watched_claim_slot(*args: object) -> bool:
        nonlocal claimed_after_fence
        after_fence = fenced
        claimed = await claim_slot(*args)  # type: ignore[arg-type]
        claimed_after_fence += after_fence and claimed
        return claimed

    object.__setattr__(store, "begin_deletion", watched_begin_deletion)
    object.__setattr__(store, "reserve", watched_reserve)
    object.__setattr__(store, "claim_slot", watched_claim_slot)
    refusals: set[ErrorCode] = set()

    async def imagine(identity: Identity) -> None:
        try:
            queued = await generation.request_generation(
                world.deps, identity, GenerationRequest(prompt=f"a secret lighthouse {identity.platform_user_id}"),
                TARGET,
            )  # fmt: skip
        except DomainError as refused:
            refusals.add(refused.code)
            return
        await generation.process(world.deps, queued.id)

    async def confirm_after(yields: int, identity: Identity, code: str) -> None:
        """Start the deletion a few event-loop turns later each time, so every interleaving comes up."""
        for _ in range(yields):
            await asyncio.sleep(0)
        await privacy.confirm_deletion(world.deps, identity, code)

    try:
        for n in range(REPETITIONS):
            fenced = False
            identity = person()
            account_id = await member(world, identity, credits=5)
            code = await privacy.request_deletion(world.deps, identity)

            await asyncio.gather(imagine(identity), confirm_after(n % 13, identity, code), imagine(identity))

            assert await store.get_account(account_id) is None
            assert await store.generations(account_id) == []
            assert not (tmp_path / "images" / account_id).exists()
    finally:
        object.__setattr__(store, "begin_deletion", begin_deletion)
        object.__setattr__(store, "reserve", reserve)
        object.__setattr__(store, "claim_slot", claim_slot)

    assert reserved_after_fence == 0  # nothing reserved once the fence was up
    assert claimed_after_fence == 0  # nothing sent to the provider once the fence was up
    assert refusals <= {ErrorCode.ACCOUNT_BEING_DELETED, ErrorCode.NOT_REGISTERED, ErrorCode.NOT_FOUND}
