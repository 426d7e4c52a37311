"""Refunds take back credits in proportion to the money returned, only once the refund went through, and once per
refund id; proved with Creem's documented refund.created sample and the pending/failed/partial variants."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.creem.events import parse_event
from core.models import PaymentEvent, PaymentEventKind, Product, ProductKind
from core.policy import Policy
from core.usecases import billing
from core.usecases.billing import reversed_credits
from tests.fakes.creem_samples import TRANSACTION_ID, partial_refund, refund_created, sign
from tests.unit.conftest import World, make_world

PACK = Product(id="pack100", creem_product_id="prod_1", label="100 credits", price="$5", credits=100)
PLAN = Product(id="pro", creem_product_id="prod_2", label="Pro", price="$10/mo", credits=300, kind=ProductKind.PLAN)


@pytest.fixture
def shop() -> World:
    return make_world(Policy(products=(PACK, PLAN)))


async def bought_plan(shop: World) -> str:
    """Alice's plan payment, credited under the transaction the documented refund sample returns."""
    account = await shop.member()
    event = PaymentEvent(event_id="evt_paid", provider="creem", kind=PaymentEventKind.PLAN_PAID, account_id=account,
                         product_id="pro", payment_ref=TRANSACTION_ID, subscription_id="sub_1")  # fmt: skip
    assert await billing.apply_payment_event(shop.deps, event)
    return account


async def deliver(shop: World, sample: dict[str, Any], event_id: str | None = None) -> bool:
    body, _ = sign(sample, "whsec", event_id=event_id)
    return await billing.apply_payment_event(shop.deps, parse_event(body))


async def test_the_documented_full_refund_takes_back_the_whole_payment_once(shop: World) -> None:
    account = await bought_plan(shop)

    assert await deliver(shop, refund_created())
    assert not await deliver(shop, refund_created())
    assert not await deliver(shop, refund_created(), event_id="evt_resent_from_dashboard")

    assert await shop.paid_credits(account) == 0
    assert [n.key for _, n in shop.messenger.notices][-1] == "payment_reversed"


async def test_a_one_cent_refund_takes_back_a_one_cent_share_not_the_whole_pack(shop: World) -> None:
    account = await bought_plan(shop)

    await deliver(shop, partial_refund(refund_created(), 1, refund_id="ref_cent"))

    assert await shop.paid_credits(account) == 300


async def test_half_the_money_back_takes_half_the_credits_and_the_rest_follows_with_the_second_refund(
    shop: World,
) -> None:
    account = await bought_plan(shop)

    await deliver(shop, partial_refund(refund_created(), 605, refund_id="ref_half_1"))
    half = await shop.paid_credits(account)
    await deliver(shop, partial_refund(refund_created(), 605, refund_id="ref_half_2"))

    assert half == 150
    assert await shop.paid_credits(account) == 0


async def test_a_pending_refund_changes_nothing_until_it_succeeds(shop: World) -> None:
    account = await bought_plan(shop)

    assert not await deliver(shop, partial_refund(refund_created(), 1210, status="pending"), event_id="evt_pending")
    pending = await shop.paid_credits(account)
    assert await deliver(shop, partial_refund(refund_created(), 1210), event_id="evt_succeeded")

    assert pending == 300
    assert await shop.paid_credits(account) == 0
    assert [n.key for _, n in shop.messenger.notices].count("payment_reversed") == 1


@pytest.mark.parametrize("status", ["failed", "canceled", "requiresAction"])
async def test_a_refund_that_failed_or_waits_changes_nothing(shop: World, status: str) -> None:
    account = await bought_plan(shop)

    await deliver(shop, partial_refund(refund_created(), 1210, status=status))

    assert await shop.paid_credits(account) == 300
    assert [n.key for _, n in shop.messenger.notices] == ["plan_renewed"]


async def test_a_refund_then_a_dispute_of_the_same_payment_never_take_back_more_than_was_bought(
    shop: World,
) -> None:
    account = await bought_plan(shop)
    await deliver(shop, refund_created())

    dispute = PaymentEvent(event_id="evt_disp", provider="creem", kind=PaymentEventKind.DISPUTED, account_id=None,
                           payment_ref=TRANSACTION_ID, reversal_id="disp_1", amount=1210, paid_amount=1210)  # fmt: skip
    assert not await billing.apply_payment_event(shop.deps, dispute)

    assert await shop.paid_credits(account) == 0


@pytest.mark.parametrize(
    ("credits", "amount", "paid", "back"),
    [(100, 1, 1210, 0), (100, 605, 1210, 50), (100, 1210, 1210, 100), (100, None, 1210, 100), (100, 5, None, 100),
     (100, 2000, 1210, 100), (3, 1, 2, 2)],
)  # fmt: skip
def test_credits_taken_back_are_the_refunded_share_rounded(
    credits: int, amount: int | None, paid: int | None, back: int
) -> None:
    assert reversed_credits(credits, amount, paid) == back


async def test_a_refund_that_arrives_before_its_payment_is_not_acknowledged_and_applies_once_it_is_paid(
    shop: World,
) -> None:
    account = await shop.member()
    refund = partial_refund(refund_created(), 1210)
    refund["object"]["checkout"]["metadata"] = {"account_id": account, "platform": "telegram", "product_id": "pro"}

    with pytest.raises(billing.PaymentNotApplied):
        await deliver(shop, refund)
    event = PaymentEvent(event_id="evt_paid", provider="creem", kind=PaymentEventKind.PLAN_PAID, account_id=account,
                         product_id="pro", payment_ref=TRANSACTION_ID, subscription_id="sub_1")  # fmt: skip
    await billing.apply_payment_event(shop.deps, event)
    assert await deliver(shop, refund)  # Creem's retry

    assert await shop.paid_credits(account) == 0
