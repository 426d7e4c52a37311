"""Privacy rights: a full export, and a confirmed deletion that leaves nothing identifying behind."""

from __future__ import annotations

import json

import pytest

from core.errors import DomainError, ErrorCode
from core.models import GenerationRequest
from core.usecases import generation, privacy
from tests.unit.conftest import ALICE, BOB, TARGET, World
from tests.unit.test_generation import run_queue


async def test_the_export_holds_everything_about_the_person_and_nothing_about_others(world: World) -> None:
    account = await world.member(credits=7)
    await world.member(BOB)
    await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a lighthouse at dusk"), TARGET)
    await run_queue(world)

    document = await privacy.export_data(world.deps, ALICE)

    assert document is not None
    assert document["account"]["id"] == account
    assert document["identities"] == [{"platform": "telegram", "platform_user_id": "1001"}]
    assert document["consent"]["age_13_or_older_confirmed"] is True
    assert document["generations"][0]["request"]["prompt"] == "a lighthouse at dusk"
    assert document["generations"][0]["image_links"][0].startswith("https://blobs.test/")
    assert {e["kind"] for e in document["ledger"]} == {"grant", "hold", "capture"}
    assert "deletion_code" not in document["account"]
    assert "2002" not in json.dumps(document)


async def test_someone_we_hold_nothing_on_gets_an_empty_answer(world: World) -> None:
    assert await privacy.export_data(world.deps, ALICE) is None


async def test_deletion_needs_the_code_and_then_removes_rows_and_images(world: World) -> None:
    account = await world.member(credits=3)
    await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a fox"), TARGET)
    await run_queue(world)
    assert world.blobs.blobs

    code = await privacy.request_deletion(world.deps, ALICE)
    with pytest.raises(DomainError) as wrong:
        await privacy.confirm_deletion(world.deps, ALICE, "000000" if code != "000000" else "111111")
    await privacy.confirm_deletion(world.deps, ALICE, code)

    assert wrong.value.code is ErrorCode.CONFIRMATION_INVALID
    assert account not in world.store.accounts
    assert world.store.entries == [] and world.store.generations_by_id == {} and world.blobs.blobs == {}
    assert await privacy.export_data(world.deps, ALICE) is None


async def test_an_expired_code_deletes_nothing(world: World) -> None:
    account = await world.member()
    code = await privacy.request_deletion(world.deps, ALICE)
    world.clock.advance(world.deps.policy.deletion_code_ttl_s + 1)

    with pytest.raises(DomainError):
        await privacy.confirm_deletion(world.deps, ALICE, code)

    assert account in world.store.accounts


async def test_cancelling_keeps_the_account_and_voids_the_code(world: World) -> None:
    account = await world.member()
    code = await privacy.request_deletion(world.deps, ALICE)

    await privacy.cancel_deletion(world.deps, ALICE)

    with pytest.raises(DomainError):
        await privacy.confirm_deletion(world.deps, ALICE, code)
    assert account in world.store.accounts


async def test_deletion_cancels_an_active_plan_first(world: World) -> None:
    account = await world.member()
    stored = world.store.accounts[account]
    await world.store.save_account(stored.model_copy(update={"subscription_id": "sub_1", "plan": "pro"}))

    await privacy.confirm_deletion(world.deps, ALICE, await privacy.request_deletion(world.deps, ALICE))

    assert world.payments.cancelled == ["sub_1"]
    assert account not in world.store.accounts


async def test_when_the_plan_cannot_be_cancelled_nothing_is_deleted(world: World) -> None:
    account = await world.member()
    stored = world.store.accounts[account]
    await world.store.save_account(stored.model_copy(update={"subscription_id": "sub_1"}))
    world.payments.down = True

    with pytest.raises(DomainError) as refused:
        await privacy.confirm_deletion(world.deps, ALICE, await privacy.request_deletion(world.deps, ALICE))

    assert refused.value.code is ErrorCode.PAYMENTS_UNAVAILABLE
    assert account in world.store.accounts


async def test_deletion_waits_for_running_images(world: World) -> None:
    account = await world.member()
    await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a fox"), TARGET)

    with pytest.raises(DomainError) as refused:
        await privacy.confirm_deletion(world.deps, ALICE, await privacy.request_deletion(world.deps, ALICE))

    assert refused.value.code is ErrorCode.GENERATION_IN_PROGRESS
    assert account in world.store.accounts


async def test_a_confirmation_with_unusual_characters_is_just_wrong(world: World) -> None:
    await world.member()
    await privacy.request_deletion(world.deps, ALICE)

    with pytest.raises(DomainError) as refused:
        await privacy.confirm_deletion(world.deps, ALICE, "１２３４５６ \x80")

    assert refused.value.code is ErrorCode.CONFIRMATION_INVALID
