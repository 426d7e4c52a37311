"""Billing: balances, checkout links, and payment events applied exactly once."""

from __future__ import annotations

import asyncio

import pytest

from core.errors import DomainError, ErrorCode
from core.models import PaymentEvent, PaymentEventKind, Product, ProductKind
from core.policy import Policy
from core.usecases import billing, onboarding
from tests.unit.conftest import ALICE, World, make_world

PACK = Product(id="pack100", creem_product_id="prod_1", label="100 credits", price="$5", credits=100)
PLAN = Product(id="pro", creem_product_id="prod_2", label="Pro", price="$10/mo", credits=300, kind=ProductKind.PLAN)


@pytest.fixture
def shop() -> World:
    return make_world(Policy(products=(PACK, PLAN)))


def paid(account: str, ref: str = "ord_1", kind: PaymentEventKind = PaymentEventKind.PACK_PAID, **extra: object):  # type: ignore[no-untyped-def]
    product = "pro" if kind is PaymentEventKind.PLAN_PAID else "pack100"
    fields = {"event_id": f"evt_{ref}", "provider": "creem", "kind": kind, "account_id": account,
              "product_id": product, "payment_ref": ref, "platform": "telegram", **extra}  # fmt: skip
    return PaymentEvent.model_validate(fields)


async def test_a_pack_payment_adds_credits_once_and_tells_the_buyer(shop: World) -> None:
    account = await shop.member()

    results = await asyncio.gather(*(billing.apply_payment_event(shop.deps, paid(account)) for _ in range(20)))

    assert results.count(True) == 1
    assert await shop.paid_credits(account) == 100
    assert [n.key for _, n in shop.messenger.notices] == ["payment_received"]


async def test_a_plan_renewal_adds_its_monthly_credits_and_sets_the_plan(shop: World) -> None:
    account = await shop.member()

    await billing.apply_payment_event(
        shop.deps, paid(account, "tran_1", PaymentEventKind.PLAN_PAID, subscription_id="sub_1")
    )
    await billing.apply_payment_event(
        shop.deps, paid(account, "tran_2", PaymentEventKind.PLAN_PAID, subscription_id="sub_1")
    )

    assert await shop.paid_credits(account) == 600
    assert (await billing.balance(shop.deps, ALICE)).plan == "pro"


async def test_a_refund_takes_the_credits_back_even_below_zero(shop: World) -> None:
    account = await shop.member()
    await billing.apply_payment_event(shop.deps, paid(account))
    await shop.store.add_credits(account, -60, "hold", "spent", "", shop.clock.now())  # type: ignore[arg-type]

    refund = paid(None, "ord_1", PaymentEventKind.REFUNDED, event_id="evt_refund")  # type: ignore[arg-type]
    assert await billing.apply_payment_event(shop.deps, refund)
    assert not await billing.apply_payment_event(shop.deps, refund)

    assert await shop.paid_credits(account) == -60
    assert shop.messenger.notices[-1][1].key == "payment_reversed"


async def test_a_plan_that_ends_stops_being_shown(shop: World) -> None:
    account = await shop.member()
    await billing.apply_payment_event(
        shop.deps, paid(account, "tran_1", PaymentEventKind.PLAN_PAID, subscription_id="sub_1")
    )

    await billing.apply_payment_event(
        shop.deps, paid(account, "sub_1", PaymentEventKind.PLAN_ENDED, subscription_id="sub_1", event_id="evt_end")
    )

    assert (await billing.balance(shop.deps, ALICE)).plan is None


async def test_a_payment_for_a_deleted_account_changes_nothing(shop: World) -> None:
    assert not await billing.apply_payment_event(shop.deps, paid("acc-gone"))
    assert shop.store.entries == []


async def test_people_who_opted_out_are_not_notified(shop: World) -> None:
    account = await shop.member()
    await onboarding.update_settings(shop.deps, ALICE, notifications_opt_out=True)

    await billing.apply_payment_event(shop.deps, paid(account))

    assert await shop.paid_credits(account) == 100 and shop.messenger.notices == []


async def test_a_checkout_link_is_made_for_this_account(shop: World) -> None:
    account = await shop.member()

    product, url = await billing.checkout_link(shop.deps, ALICE, "pack100")

    assert product == PACK and url.startswith("https://pay.test/telegram-")
    assert shop.payments.checkouts[0][0] == account


async def test_an_unknown_product_or_a_payment_outage_is_a_friendly_error(shop: World) -> None:
    await shop.member()
    with pytest.raises(DomainError) as unknown:
        await billing.checkout_link(shop.deps, ALICE, "nope")
    shop.payments.down = True
    with pytest.raises(DomainError) as down:
        await billing.checkout_link(shop.deps, ALICE, "pack100")

    assert unknown.value.code is ErrorCode.UNKNOWN_PRODUCT
    assert down.value.code is ErrorCode.PAYMENTS_UNAVAILABLE
