"""The answers a person gets off the happy path: latest generation without an id, someone else's button,
settings that /imagine would refuse, no plan, and exactly what is missing when credits run out."""

from __future__ import annotations

from typing import Any

import pytest

from core.errors import DomainError, ErrorCode
from core.models import GenerationRequest, Product, ProductKind
from core.policy import Policy
from core.texts import error_text
from core.usecases import billing, generation, onboarding
from tests.unit.conftest import ALICE, BOB, TARGET, World, make_world

PACK = Product(id="pack", creem_product_id="prod_pack", label="Pack", price="€5", credits=50)


def ask(prompt: str = "a red fox", **options: object) -> GenerationRequest:
    return GenerationRequest.model_validate({"prompt": prompt, **options})


async def finish_all(world: World) -> None:
    while world.queue.pending():
        job = await world.queue.take()
        await generation.process(world.deps, job.generation_id)
        await world.queue.ack(job)


async def test_regenerate_without_an_id_repeats_the_persons_latest_request_from_the_store(world: World) -> None:
    await world.member(credits=10)
    await world.member(BOB)
    await generation.request_generation(world.deps, ALICE, ask("first"), TARGET)
    world.clock.advance(1)
    await generation.request_generation(world.deps, ALICE, ask("second"), TARGET)
    world.clock.advance(1)
    await generation.request_generation(world.deps, BOB, ask("bob's"), TARGET)
    await finish_all(world)

    again = await generation.regenerate(world.deps, ALICE, None, TARGET)

    assert again.request.prompt == "second"


async def test_vary_without_an_id_uses_the_latest_generation_that_has_an_image(world: World) -> None:
    await world.member(credits=10)
    made = await generation.request_generation(world.deps, ALICE, ask("made"), TARGET)
    await finish_all(world)
    world.clock.advance(1)
    await generation.request_generation(world.deps, ALICE, ask("still queued"), TARGET)

    varied = await generation.vary(world.deps, ALICE, None, TARGET)

    stored = world.store.generations_by_id[made.id]
    assert varied.request.prompt == "made" and varied.request.reference_keys == (stored.image_keys[0],)


async def test_regenerate_with_nothing_made_yet_says_so(world: World) -> None:
    await world.member()

    with pytest.raises(DomainError) as refused:
        await generation.vary(world.deps, ALICE, None, TARGET)

    assert refused.value.code is ErrorCode.NO_GENERATIONS
    assert "/imagine" in error_text(refused.value)


async def test_a_stranger_without_an_account_pressing_a_button_is_told_whose_it_is(world: World) -> None:
    await world.member()
    first = await generation.request_generation(world.deps, ALICE, ask(), TARGET)

    with pytest.raises(DomainError) as refused:
        await generation.vary(world.deps, BOB, first.id, TARGET)

    assert refused.value.code is ErrorCode.NOT_OWNER


@pytest.mark.parametrize(
    ("first", "then", "word"),
    [({"aspect_ratio": "1:1"}, {"resolution": "4K"}, "4K"), ({"resolution": "2K"}, {"aspect_ratio": "auto"}, "auto")],
)
async def test_settings_never_save_a_default_that_imagine_would_refuse(
    world: World, first: dict[str, Any], then: dict[str, Any], word: str
) -> None:
    await world.member()
    if first.get("resolution") == "2K":
        await onboarding.update_settings(world.deps, ALICE, aspect_ratio="16:9")
    saved = await onboarding.update_settings(world.deps, ALICE, **first)

    with pytest.raises(DomainError) as refused:
        await onboarding.update_settings(world.deps, ALICE, **then)

    account = await world.store.find_account(ALICE)
    assert account is not None
    assert (account.default_aspect_ratio, account.default_resolution) == (
        saved.default_aspect_ratio,
        saved.default_resolution,
    )
    assert word in error_text(refused.value) and "nothing was changed" in error_text(refused.value)


async def test_out_of_free_images_says_what_is_missing_and_when_they_come_back() -> None:
    world = make_world(Policy(free_per_day=3))
    await world.member()
    world.clock.current = world.clock.current.replace(hour=21, minute=30)

    with pytest.raises(DomainError) as refused:
        await generation.request_generation(world.deps, ALICE, ask(count=4), TARGET)

    text = error_text(refused.value)
    assert "needs 4 images, and you have 3 free images left today and 0 credits" in text
    assert "Free images reset at 00:00 UTC, in 2 hr 30 min." in text
    assert "/buy" not in text  # no products: nothing to buy on this bot


async def test_a_resolution_free_images_do_not_cover_counts_credits_and_offers_buy_when_payments_exist() -> None:
    world = make_world(Policy(free_per_day=3, products=(PACK,)))
    await world.member(credits=1)

    with pytest.raises(DomainError) as refused:
        await generation.request_generation(
            world.deps, ALICE, ask(count=1, aspect_ratio="16:9", resolution="4K"), TARGET
        )

    text = error_text(refused.value)
    assert "1 image at 4K needs 4 credits and you have 1 credit (free images cover up to 1K)" in text
    assert text.endswith("Buy credits with /buy.")
    assert refused.value.params["offer_buy"] is True


async def test_billing_without_a_plan_says_so_and_points_to_buy_only_when_there_is_something_to_buy() -> None:
    with_products, without = make_world(Policy(products=(PACK,))), make_world()
    await with_products.member()
    await without.member()

    with pytest.raises(DomainError) as offered:
        await billing.portal_link(with_products.deps, ALICE)
    with pytest.raises(DomainError) as plain:
        await billing.portal_link(without.deps, ALICE)

    assert error_text(offered.value) == "You don't have a plan. Buy credits with /buy.", "only packs are for sale"
    assert error_text(plain.value) == "You don't have a plan."
    with_plans = make_world(Policy(products=(PACK, PACK.model_copy(update={"id": "pro", "kind": ProductKind.PLAN}))))
    await with_plans.member()
    with pytest.raises(DomainError) as plans:
        await billing.portal_link(with_plans.deps, ALICE)
    assert error_text(plans.value) == "You don't have a plan. See the plans with /buy."
