"""Creem webhook events become provider-neutral payment facts: what credits, what is ignored, what claws back."""

from __future__ import annotations

import json
from typing import Any

import pytest

from adapters.creem.events import parse_event
from core.models import PaymentEvent, PaymentEventKind, PlanStatus
from tests.fakes.creem import (
    checkout_completed_obj,
    customer_obj,
    dispute_obj,
    order_obj,
    product_obj,
    refund_obj,
    signed_event,
    subscription_obj,
    transaction_obj,
)
from tests.fakes.creem_samples import refund_created, sign

META = {"account_id": "acc_42", "platform": "telegram", "product_id": "pack100"}
PLAN_META = {"account_id": "acc_42", "platform": "discord", "product_id": "pro"}


def parse(event_type: str, obj: dict[str, Any], event_id: str = "evt_1") -> PaymentEvent:
    body, _ = signed_event(event_type, obj, "whsec", event_id=event_id)
    return parse_event(body)


def paid_subscription(**overrides: Any) -> dict[str, Any]:
    sub = subscription_obj(
        "sub_1",
        product=product_obj("prod_pro", billing_type="recurring"),
        customer=customer_obj("cust_1"),
        metadata=PLAN_META,
        last_transaction_id="tran_1",
    )
    sub.update(overrides)
    return sub


def test_a_paid_one_time_checkout_is_a_pack_paid_keyed_by_order() -> None:
    obj = checkout_completed_obj(product_id="prod_pack", metadata=META, order_id="ord_1", customer_id="cust_1")

    event = parse("checkout.completed", obj, event_id="evt_pack")

    assert event.kind is PaymentEventKind.PACK_PAID
    assert event.event_id == "evt_pack"
    assert event.provider == "creem"
    assert event.payment_ref == "ord_1"
    assert (event.account_id, event.product_id, event.platform) == ("acc_42", "pack100", "telegram")
    assert event.customer_id == "cust_1"
    assert event.subscription_id is None
    assert event.credits is None
    assert event.raw["object"]["id"] == obj["id"]


def test_an_unpaid_one_time_order_credits_nothing() -> None:
    obj = checkout_completed_obj(product_id="prod_pack", metadata=META, order_status="pending")

    assert parse("checkout.completed", obj).kind is PaymentEventKind.IGNORED


def test_a_plan_checkout_credits_nothing_but_links_subscription_and_customer() -> None:
    obj = checkout_completed_obj(
        product_id="prod_pro", metadata=PLAN_META, recurring=True, subscription_id="sub_1", customer_id="cust_1"
    )

    event = parse("checkout.completed", obj)

    assert event.kind is PaymentEventKind.IGNORED
    assert (event.subscription_id, event.customer_id, event.account_id) == ("sub_1", "cust_1", "acc_42")
    assert event.product_id == "pro"


def test_a_checkout_whose_order_says_recurring_is_never_a_pack() -> None:
    obj = checkout_completed_obj(product_id="prod_pro", metadata=META)
    obj["order"]["type"] = "recurring"

    assert parse("checkout.completed", obj).kind is PaymentEventKind.IGNORED


def test_checkout_ids_may_be_plain_strings_and_metadata_values_numbers() -> None:
    obj = checkout_completed_obj(product_id="prod_pack", metadata={"account_id": 42, "product_id": "pack100"})
    obj["product"] = "prod_pack"
    obj["customer"] = "cust_9"

    event = parse("checkout.completed", obj)

    assert event.kind is PaymentEventKind.PACK_PAID
    assert (event.account_id, event.customer_id, event.platform) == ("42", "cust_9", None)


def test_a_checkout_without_our_metadata_has_no_account() -> None:
    obj = checkout_completed_obj(product_id="prod_pack", metadata=None)

    event = parse("checkout.completed", obj)

    assert event.kind is PaymentEventKind.PACK_PAID
    assert event.account_id is None


def test_subscription_paid_is_a_plan_paid_keyed_by_the_transaction() -> None:
    event = parse("subscription.paid", paid_subscription())

    assert event.kind is PaymentEventKind.PLAN_PAID
    assert event.payment_ref == "tran_1"
    assert (event.account_id, event.product_id, event.platform) == ("acc_42", "pro", "discord")
    assert (event.subscription_id, event.customer_id) == ("sub_1", "cust_1")


def test_subscription_paid_falls_back_to_the_embedded_last_transaction() -> None:
    sub = paid_subscription()
    del sub["last_transaction_id"]
    sub["last_transaction"] = transaction_obj("tran_7", order_id=None, customer_id="cust_1", subscription_id="sub_1")

    assert parse("subscription.paid", sub).payment_ref == "tran_7"


def test_subscription_paid_without_any_transaction_is_rejected() -> None:
    sub = paid_subscription()
    del sub["last_transaction_id"]

    with pytest.raises(ValueError, match="transaction"):
        parse("subscription.paid", sub)


def test_only_a_cancelled_subscription_ends_the_plan() -> None:
    event = parse("subscription.canceled", paid_subscription(status="canceled"))

    assert event.kind is PaymentEventKind.PLAN_ENDED
    assert (event.subscription_id, event.account_id, event.payment_ref) == ("sub_1", "acc_42", "sub_1")


@pytest.mark.parametrize(
    ("event_type", "status"),
    [
        ("subscription.active", PlanStatus.ACTIVE),
        ("subscription.trialing", PlanStatus.TRIALING),
        ("subscription.scheduled_cancel", PlanStatus.SCHEDULED_CANCEL),
        ("subscription.past_due", PlanStatus.PAST_DUE),
        ("subscription.unpaid", PlanStatus.UNPAID),
        ("subscription.paused", PlanStatus.PAUSED),
        ("subscription.expired", PlanStatus.EXPIRED),
    ],
)
def test_other_subscription_events_set_the_plans_status_but_credit_nothing(event_type: str, status: PlanStatus) -> None:
    event = parse(event_type, paid_subscription())

    assert event.kind is PaymentEventKind.PLAN_STATUS
    assert event.plan_status is status
    assert (event.subscription_id, event.customer_id, event.account_id) == ("sub_1", "cust_1", "acc_42")


def test_an_update_carries_the_status_the_subscription_says() -> None:
    assert parse("subscription.update", paid_subscription(status="paused")).plan_status is PlanStatus.PAUSED
    assert parse("subscription.update", paid_subscription(status="canceled")).kind is PaymentEventKind.PLAN_ENDED
    assert parse("subscription.update", paid_subscription(status="weird")).kind is PaymentEventKind.IGNORED


def pack_parts() -> dict[str, Any]:
    checkout = {"id": "ch_1", "object": "checkout", "status": "completed", "request_id": "r1", "metadata": META}
    return {
        "transaction": transaction_obj("tran_p", order_id="ord_p", customer_id="cust_1"),
        "order": order_obj("ord_p", customer_id="cust_1", product_id="prod_pack", transaction_id="tran_p"),
        "customer": customer_obj("cust_1"),
        "checkout": checkout,
    }


def plan_parts(*, with_metadata: bool = True) -> dict[str, Any]:
    sub = subscription_obj(
        "sub_1", product="prod_pro", customer="cust_1", metadata=PLAN_META if with_metadata else None
    )
    checkout: dict[str, Any] = {"id": "ch_2", "object": "checkout", "status": "completed"}
    if with_metadata:
        checkout["metadata"] = PLAN_META
    return {
        "transaction": transaction_obj("tran_s", order_id="ord_s", customer_id="cust_1", subscription_id="sub_1"),
        "order": order_obj("ord_s", customer_id="cust_1", product_id="prod_pro", recurring=True),
        "customer": customer_obj("cust_1"),
        "checkout": checkout,
        "subscription": sub,
    }


def test_a_pack_refund_claws_back_by_the_order_it_was_credited_under() -> None:
    event = parse("refund.created", refund_obj(**pack_parts()))

    assert event.kind is PaymentEventKind.REFUNDED
    assert event.payment_ref == "ord_p"
    assert (event.account_id, event.customer_id, event.platform) == ("acc_42", "cust_1", "telegram")


def test_a_plan_refund_claws_back_by_the_transaction_it_was_credited_under() -> None:
    event = parse("refund.created", refund_obj(**plan_parts()))

    assert event.kind is PaymentEventKind.REFUNDED
    assert event.payment_ref == "tran_s"
    assert (event.account_id, event.subscription_id) == ("acc_42", "sub_1")


@pytest.mark.parametrize("status", ["pending", "requiresAction", "failed", "canceled"])
def test_a_refund_that_has_not_gone_through_claws_back_nothing(status: str) -> None:
    event = parse("refund.created", refund_obj(status=status, **pack_parts()))

    assert event.kind is PaymentEventKind.IGNORED


def test_a_refund_names_itself_and_the_share_of_the_payment_it_returns() -> None:
    obj = refund_obj(amount=1, refund_id="ref_cent", **pack_parts())

    event = parse("refund.created", obj)

    assert (event.reversal_id, event.amount, event.paid_amount) == ("ref_cent", 1, obj["transaction"]["amount_paid"])


def test_the_documented_refund_sample_returns_the_whole_payment() -> None:
    body, _ = sign(refund_created(), "whsec")

    event = parse_event(body)

    assert event.kind is PaymentEventKind.REFUNDED
    assert (event.reversal_id, event.payment_ref) == ("ref_3DB9NQFvk18TJwSqd0N6bd", "tran_5yMaWzAl3jxuGJMCOrYWwk")
    assert (event.amount, event.paid_amount) == (1210, 1210)


def test_a_refund_naming_the_order_only_by_id_still_finds_the_pack() -> None:
    obj = refund_obj(**pack_parts())
    obj.update(order="ord_p", transaction="tran_p")

    assert parse("refund.created", obj).payment_ref == "ord_p"


def test_a_plan_dispute_is_disputed_by_transaction_even_without_metadata() -> None:
    event = parse("dispute.created", dispute_obj(**plan_parts(with_metadata=False)))

    assert event.kind is PaymentEventKind.DISPUTED
    assert event.payment_ref == "tran_s"
    assert event.account_id is None
    assert event.customer_id == "cust_1"


def test_a_pack_dispute_is_disputed_by_order() -> None:
    event = parse("dispute.created", dispute_obj(**pack_parts()))

    assert event.kind is PaymentEventKind.DISPUTED
    assert event.payment_ref == "ord_p"


def test_a_dispute_naming_neither_order_nor_transaction_is_rejected() -> None:
    obj = {"id": "disp_1", "object": "dispute", "transaction": None, "order": None, "customer": "cust_1"}

    with pytest.raises(ValueError, match="neither"):
        parse("dispute.created", obj)


@pytest.mark.parametrize("event_type", ["credits.granted", "customer_credits.exhausted", "something.new"])
def test_events_we_do_not_act_on_are_ignored(event_type: str) -> None:
    event = parse(event_type, {"id": "x_1", "whatever": [1, 2]})

    assert event.kind is PaymentEventKind.IGNORED
    assert event.event_id == "evt_1"


def test_unknown_fields_and_modes_outside_the_enum_are_tolerated() -> None:
    obj = checkout_completed_obj(product_id="prod_pack", metadata=META, mode="local")
    obj["brand_new_field"] = {"nested": True}
    obj["order"]["fx_rate"] = 1.1

    assert parse("checkout.completed", obj).kind is PaymentEventKind.PACK_PAID


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b"\xff\xfe",
        b"[]",
        b'"evt"',
        b'{"eventType":"checkout.completed","object":{}}',
        b'{"id":"evt_1","object":{}}',
        b'{"id":"evt_1","eventType":"checkout.completed","object":"ch_1"}',
        b'{"id":"evt_1","eventType":"checkout.completed","object":{"object":"checkout"}}',
        b'{"id":"evt_1","eventType":"subscription.paid","object":{"id":"sub_1","metadata":"oops"}}',
    ],
)
def test_malformed_bodies_are_value_errors(body: bytes) -> None:
    with pytest.raises(ValueError):
        parse_event(body)


def test_a_large_valid_body_parses() -> None:
    obj = checkout_completed_obj(product_id="prod_pack", metadata=META)
    obj["custom_fields"] = [{"key": f"k{i}", "type": "text", "text": {"value": "x" * 100}} for i in range(500)]

    assert parse_event(json.dumps({"id": "e", "eventType": "checkout.completed", "object": obj}).encode()).kind is (
        PaymentEventKind.PACK_PAID
    )
