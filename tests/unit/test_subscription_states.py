"""A plan follows Creem's own subscription states, proved with Creem's documented webhook samples: only `canceled`
ends it; paused/expired/unpaid/past_due keep the subscription (so /deleteme still cancels it at Creem) and tell the
person what the status means and what to do."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.chat.render import balance_text, billing_text
from adapters.creem.events import parse_event
from core.models import PlanStatus, Product, ProductKind
from core.policy import Policy
from core.usecases import billing, privacy
from tests.fakes.creem_samples import (
    SUBSCRIPTION_SAMPLES,
    sign,
    subscription_paid,
    with_metadata,
    with_subscription,
)
from tests.unit.conftest import ALICE, World, make_world

PLAN = Product(id="pro", creem_product_id="prod_2", label="Pro", price="$10/mo", credits=300, kind=ProductKind.PLAN)
SUB = "sub_6pC2lNB6joCRQIZ1aMrTpi"


@pytest.fixture
def shop() -> World:
    return make_world(Policy(products=(PLAN,)))


async def deliver(shop: World, sample: dict[str, Any]) -> bool:
    body, _ = sign(sample, "whsec")
    return await billing.apply_payment_event(shop.deps, parse_event(body))


async def subscribed(shop: World) -> str:
    """Alice paid her plan: the documented subscription.paid, with the metadata our checkout puts on it."""
    account = await shop.member()
    meta = {"account_id": account, "platform": "telegram", "product_id": "pro"}
    assert await deliver(shop, with_metadata(subscription_paid(), meta))
    return account


def sample(event_type: str) -> dict[str, Any]:
    """The documented sample of `event_type`, about Alice's subscription (the samples name other ones)."""
    return with_subscription(SUBSCRIPTION_SAMPLES[event_type](), SUB)


async def test_subscription_expired_keeps_the_subscription_and_deletion_still_cancels_it_at_creem(shop: World) -> None:
    account = await subscribed(shop)

    await deliver(shop, sample("subscription.expired"))
    held = shop.store.accounts[account]
    await privacy.confirm_deletion(shop.deps, ALICE, await privacy.request_deletion(shop.deps, ALICE))

    assert (held.plan, held.subscription_id, held.plan_status) == ("pro", SUB, PlanStatus.EXPIRED)
    assert shop.payments.cancelled == [SUB]


@pytest.mark.parametrize(
    ("event_type", "status", "words"),
    [
        ("subscription.expired", PlanStatus.EXPIRED, "renew it in /billing"),
        ("subscription.paused", PlanStatus.PAUSED, "resume it in /billing"),
        ("subscription.past_due", PlanStatus.PAST_DUE, "update your payment method in /billing"),
        ("subscription.unpaid", PlanStatus.UNPAID, "suspended"),
        ("subscription.scheduled_cancel", PlanStatus.SCHEDULED_CANCEL, "ends at the end of this period"),
    ],
)
async def test_each_documented_status_is_kept_shown_and_told_once(
    shop: World, event_type: str, status: PlanStatus, words: str
) -> None:
    account = await subscribed(shop)

    await deliver(shop, sample(event_type))
    await deliver(shop, sample(event_type))  # Creem delivers again: told once

    held = shop.store.accounts[account]
    assert (held.plan, held.subscription_id, held.plan_status) == ("pro", SUB, status)
    notices = [n.key for _, n in shop.messenger.notices]
    assert notices == ["plan_renewed", f"plan_status.{status.value}"]
    shown = balance_text(await billing.balance(shop.deps, ALICE), shop.deps.policy, "en")
    assert words in shown.split("Plan: Pro (")[1]


async def test_a_payment_after_expiry_makes_the_plan_active_again_with_its_credits(shop: World) -> None:
    account = await subscribed(shop)
    await deliver(shop, sample("subscription.expired"))

    renewal = subscription_paid()
    renewal["object"]["last_transaction_id"] = "tran_retry_ok"
    await deliver(shop, renewal)

    assert shop.store.accounts[account].plan_status is PlanStatus.ACTIVE
    assert await shop.paid_credits(account) == 600
    assert "Plan: Pro\n" in balance_text(await billing.balance(shop.deps, ALICE), shop.deps.policy, "en")


async def test_only_canceled_ends_the_plan_and_then_deletion_cancels_nothing(shop: World) -> None:
    account = await subscribed(shop)
    await deliver(shop, sample("subscription.paused"))

    await deliver(shop, sample("subscription.canceled"))
    held = shop.store.accounts[account]
    await privacy.confirm_deletion(shop.deps, ALICE, await privacy.request_deletion(shop.deps, ALICE))

    assert (held.plan, held.subscription_id, held.plan_status) == (None, None, None)
    assert shop.messenger.notices[-1][1].key == "plan_ended"
    assert shop.payments.cancelled == []


async def test_a_late_status_for_a_canceled_subscription_does_not_bring_the_plan_back(shop: World) -> None:
    account = await subscribed(shop)
    await deliver(shop, sample("subscription.canceled"))

    await deliver(shop, sample("subscription.paused"))

    assert shop.store.accounts[account].plan is None


async def test_a_status_for_another_subscription_leaves_the_plan_alone(shop: World) -> None:
    account = await subscribed(shop)

    await deliver(shop, with_subscription(SUBSCRIPTION_SAMPLES["subscription.paused"](), "sub_someone_else"))

    assert shop.store.accounts[account].plan_status is PlanStatus.ACTIVE


async def test_resuming_a_paused_plan_says_it_is_active_again(shop: World) -> None:
    account = await subscribed(shop)
    await deliver(shop, sample("subscription.paused"))

    active = sample("subscription.paid")
    active.update(eventType="subscription.active", id="evt_active")
    await deliver(shop, active)

    assert shop.store.accounts[account].plan_status is PlanStatus.ACTIVE
    assert shop.messenger.notices[-1][1].key == "plan_status.active"
    assert shop.messenger.notices[-1][1].params["plan"] == "Pro"


async def test_billing_shows_where_the_plan_stands_and_the_portal_to_act_on_it(shop: World) -> None:
    await subscribed(shop)
    await deliver(shop, sample("subscription.past_due"))

    held, url = await billing.billing_page(shop.deps, ALICE)
    shown = billing_text(held, shop.deps.policy, url, "en")

    assert shown.splitlines() == [
        "Your plan: Pro (a payment failed and is being retried; update your payment method in /billing)",
        "Manage your plan here: https://portal.test/cust_1OcIK1GEuVvXZwD19tjq2z",
    ]
