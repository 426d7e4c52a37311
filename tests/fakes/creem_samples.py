"""Creem's documented webhook samples (docs.creem.io/code/webhooks), field for field, as test data.

Tests start from these and change only what a scenario needs (`with_status`, `with_metadata`), so the bot is proved
against what Creem says it sends, not against our own understanding of it. Notable facts the samples carry:
- `subscription.expired` still says `status: "active"` (the event type, not the status, says what happened);
- the `paused` and `expired` samples have no `metadata`, `unpaid` has an empty one: the account is found by the
  subscription id it holds;
- `refund.created` carries `refund_amount` with tax (1210 of `amount_paid` 1210) and the full nested
  transaction/subscription/checkout/order/customer.
"""

from __future__ import annotations

import copy
from typing import Any

from tests.fakes.creem import Delivery, signed_event

JSON = dict[str, Any]

_PRODUCT_MONTHLY: JSON = {
    "id": "prod_d1AY2Sadk9YAvLI0pj97f",
    "name": "Monthly",
    "description": "Monthly",
    "image_url": None,
    "price": 1000,
    "currency": "EUR",
    "billing_type": "recurring",
    "billing_period": "every-month",
    "status": "active",
    "tax_mode": "exclusive",
    "tax_category": "saas",
    "default_success_url": "",
    "created_at": "2024-10-11T11:50:00.182Z",
    "updated_at": "2024-10-11T11:50:00.182Z",
    "mode": "local",
}
_CUSTOMER: JSON = {
    "id": "cust_1OcIK1GEuVvXZwD19tjq2z",
    "object": "customer",
    "email": "customer@emaildomain",
    "name": "Tester Test",
    "country": "NL",
    "created_at": "2024-10-11T09:16:48.557Z",
    "updated_at": "2024-10-11T09:16:48.557Z",
    "mode": "local",
}
_METADATA: JSON = {"custom_data": "mycustom data", "internal_customer_id": "internal_customer_id"}

SUBSCRIPTION_ID = "sub_6pC2lNB6joCRQIZ1aMrTpi"
TRANSACTION_ID = "tran_5yMaWzAl3jxuGJMCOrYWwk"
ORDER_ID = "ord_4aDwWXjMLpes4Kj4XqNnUA"
CUSTOMER_ID = "cust_1OcIK1GEuVvXZwD19tjq2z"


def _subscription(status: str, **extra: Any) -> JSON:
    return {
        "id": SUBSCRIPTION_ID,
        "object": "subscription",
        "product": copy.deepcopy(_PRODUCT_MONTHLY),
        "customer": copy.deepcopy(_CUSTOMER),
        "collection_method": "charge_automatically",
        "status": status,
        "last_transaction_id": TRANSACTION_ID,
        "last_transaction_date": "2024-10-12T11:58:47.109Z",
        "current_period_start_date": "2024-10-12T11:58:38.000Z",
        "current_period_end_date": "2024-11-12T11:58:38.000Z",
        "canceled_at": None,
        "created_at": "2024-10-12T11:58:45.425Z",
        "updated_at": "2024-10-12T11:58:45.425Z",
        "metadata": copy.deepcopy(_METADATA),
        "mode": "local",
        **extra,
    }


def subscription_paid() -> JSON:
    return {
        "id": "evt_21mO1jWmU2QHe7u2oFV7y1",
        "eventType": "subscription.paid",
        "created_at": 1728734327355,
        "object": _subscription("active", next_transaction_date="2024-11-12T11:58:38.000Z"),
    }


def subscription_canceled() -> JSON:
    obj = _subscription("canceled", canceled_at="2024-10-12T11:58:57.813Z", updated_at="2024-10-12T11:58:57.827Z")
    return {"id": "evt_2iGTc600qGW6FBzloh2Nr7", "eventType": "subscription.canceled", "created_at": 1728734337932,
            "object": obj}  # fmt: skip


def subscription_scheduled_cancel() -> JSON:
    obj = _subscription("scheduled_cancel", updated_at="2024-10-12T11:59:15.827Z")
    obj["product"]["status"] = "active"
    return {"id": "evt_4RfTc700qGW6FBzloh3Ms8", "eventType": "subscription.scheduled_cancel",
            "created_at": 1728734337932, "object": obj}  # fmt: skip


def subscription_past_due() -> JSON:
    obj = _subscription("past_due", updated_at="2024-11-12T12:05:30.827Z")
    return {"id": "evt_7HkTd800rHX7GCampi4Nt9", "eventType": "subscription.past_due", "created_at": 1728734337932,
            "object": obj}  # fmt: skip


def subscription_unpaid() -> JSON:
    """As documented: a trimmed product/customer, no dates on the subscription, and an empty `metadata`."""
    return {
        "id": "evt_h9hBneNdvWvA8hQzIBzDx",
        "eventType": "subscription.unpaid",
        "created_at": 1772265400331,
        "object": {
            "id": "sub_3xx35QzxsnpFiJ3vRB9YKt",
            "object": "subscription",
            "status": "unpaid",
            "product": {
                "id": "prod_L8mMzoYLOOZpMpTBwGw0k",
                "name": "Pro Plan",
                "price": 2999,
                "currency": "USD",
                "billing_type": "recurring",
                "billing_period": "every-month",
                "status": "active",
                "tax_mode": "exclusive",
                "tax_category": "saas",
                "mode": "test",
            },
            "customer": {
                "id": "cust_ubD9UtnJpafXNKQ5UaV0H",
                "object": "customer",
                "email": "customer@example.com",
                "name": "Test Customer",
                "country": "US",
                "mode": "test",
            },
            "collection_method": "charge_automatically",
            "last_transaction_id": "tran_6uBkPewvO7KHjfvGmpin82",
            "current_period_start_date": "2026-02-28T07:56:07.282Z",
            "current_period_end_date": "2026-03-30T07:56:07.282Z",
            "canceled_at": None,
            "metadata": {},
            "mode": "test",
        },
    }


def subscription_expired() -> JSON:
    """As documented: the status still says `active`, and there is no `metadata`."""
    return {
        "id": "evt_V5CxhipUu10BYonO2Vshb",
        "eventType": "subscription.expired",
        "created_at": 1734463872058,
        "object": {
            "id": "sub_7FgHvrOMC28tG5DEemoCli",
            "object": "subscription",
            "product": {
                **copy.deepcopy(_PRODUCT_MONTHLY),
                "id": "prod_3ELsC3Lt97orn81SOdgQI3",
                "name": "Subs",
                "description": "Subs",
                "price": 1200,
                "billing_period": "every-year",
                "created_at": "2024-12-11T17:33:32.186Z",
                "updated_at": "2024-12-11T17:33:32.186Z",
            },
            "customer": {**copy.deepcopy(_CUSTOMER), "id": "cust_3y4k2CELGsw7n9Eeeiw2hm", "name": "Alec Erasmus"},
            "collection_method": "charge_automatically",
            "status": "active",
            "last_transaction_id": "tran_6ZeTvMqMkGdAIIjw5aAcnh",
            "last_transaction_date": "2024-12-16T12:40:12.658Z",
            "next_transaction_date": "2025-12-16T12:39:47.000Z",
            "current_period_start_date": "2024-12-16T12:39:47.000Z",
            "current_period_end_date": "2024-12-16T12:39:47.000Z",
            "canceled_at": None,
            "created_at": "2024-12-16T12:40:05.058Z",
            "updated_at": "2024-12-16T12:40:05.058Z",
            "mode": "local",
        },
    }


def subscription_paused() -> JSON:
    """As documented: with `items`, and no `metadata`."""
    return {
        "id": "evt_5veN2cn5N9Grz8u7w3yJuL",
        "eventType": "subscription.paused",
        "created_at": 1754041946898,
        "object": {
            "id": "sub_3ZT1iYMeDBpiUpRTqq4veE",
            "object": "subscription",
            "product": {
                **copy.deepcopy(_PRODUCT_MONTHLY),
                "id": "prod_sYwbyE1tPbsqbLu6S0bsR",
                "object": "product",
                "name": "Prod",
                "description": "My Product Description",
                "price": 2000,
                "mode": "test",
            },
            "customer": {**copy.deepcopy(_CUSTOMER), "id": "cust_4fpU8kYkQmI1XKBwU2qeME", "mode": "test"},
            "items": [
                {
                    "object": "subscription_item",
                    "id": "sitem_1ZIqcUuxKKDTj5WZPNsN6C",
                    "product_id": "prod_sYwbyE1tPbsqbLu6S0bsR",
                    "price_id": "pprice_1uM3Pi1vJJ3xkhwQuZiM42",
                    "units": 1,
                    "mode": "test",
                }
            ],
            "collection_method": "charge_automatically",
            "status": "paused",
            "current_period_start_date": "2025-08-01T09:51:47.000Z",
            "current_period_end_date": "2025-09-01T09:51:47.000Z",
            "canceled_at": None,
            "created_at": "2025-08-01T09:51:50.488Z",
            "updated_at": "2025-08-01T09:52:26.822Z",
            "mode": "test",
        },
    }


def refund_created() -> JSON:
    """The documented refund of a subscription payment: `succeeded`, 1210 (tax included) of 1210 paid."""
    return {
        "id": "evt_61eTsJHUgInFw2BQKhTiPV",
        "eventType": "refund.created",
        "created_at": 1728734351631,
        "object": {
            "id": "ref_3DB9NQFvk18TJwSqd0N6bd",
            "object": "refund",
            "status": "succeeded",
            "refund_amount": 1210,
            "refund_currency": "EUR",
            "reason": "requested_by_customer",
            "transaction": {
                "id": TRANSACTION_ID,
                "object": "transaction",
                "amount": 1000,
                "amount_paid": 1210,
                "currency": "EUR",
                "type": "invoice",
                "tax_country": "NL",
                "tax_amount": 210,
                "status": "refunded",
                "refunded_amount": 1210,
                "order": ORDER_ID,
                "subscription": SUBSCRIPTION_ID,
                "description": "Subscription payment",
                "period_start": 1728734318000,
                "period_end": 1731412718000,
                "created_at": 1728734327109,
                "mode": "local",
            },
            "subscription": {
                **_subscription("canceled", canceled_at="2024-10-12T11:58:57.813Z"),
                "product": _PRODUCT_MONTHLY["id"],
                "customer": CUSTOMER_ID,
            },
            "checkout": {
                "id": "ch_4l0N34kxo16AhRKUHFUuXr",
                "object": "checkout",
                "request_id": "my-request-id",
                "custom_fields": [],
                "status": "completed",
                "metadata": copy.deepcopy(_METADATA),
                "mode": "local",
            },
            "order": {
                "id": ORDER_ID,
                "customer": CUSTOMER_ID,
                "product": _PRODUCT_MONTHLY["id"],
                "amount": 1000,
                "currency": "EUR",
                "status": "paid",
                "type": "recurring",
                "created_at": "2024-10-12T11:58:33.097Z",
                "updated_at": "2024-10-12T11:58:33.097Z",
                "mode": "local",
            },
            "customer": copy.deepcopy(_CUSTOMER),
            "created_at": 1728734351525,
            "mode": "local",
        },
    }


SUBSCRIPTION_SAMPLES = {
    "subscription.paid": subscription_paid,
    "subscription.canceled": subscription_canceled,
    "subscription.scheduled_cancel": subscription_scheduled_cancel,
    "subscription.past_due": subscription_past_due,
    "subscription.unpaid": subscription_unpaid,
    "subscription.expired": subscription_expired,
    "subscription.paused": subscription_paused,
}


def with_subscription(sample: JSON, subscription_id: str) -> JSON:
    """The sample about another subscription (the one a test's account holds)."""
    sample["object"]["id"] = subscription_id
    return sample


def with_metadata(sample: JSON, metadata: JSON) -> JSON:
    """The sample as our own checkout's metadata makes it (Creem copies it onto the subscription)."""
    sample["object"]["metadata"] = metadata
    return sample


def partial_refund(sample: JSON, amount: int, *, status: str = "succeeded", refund_id: str | None = None) -> JSON:
    """The refund sample for `amount` of the payment (Creem then marks the transaction `partialRefund`)."""
    refund = sample["object"]
    refund.update(status=status, refund_amount=amount)
    if refund_id:
        refund["id"] = refund_id
    transaction = refund["transaction"]
    done = status == "succeeded"
    full = amount >= transaction["amount_paid"]
    transaction["refunded_amount"] = amount if done else 0
    transaction["status"] = ("refunded" if full else "partialRefund") if done else "paid"
    return sample


def sign(sample: JSON, secret: str, *, event_id: str | None = None) -> Delivery:
    """The sample as a signed delivery (its own event id unless a test needs a new delivery of a new event)."""
    return signed_event(
        sample["eventType"],
        sample["object"],
        secret,
        event_id=event_id or sample["id"],
        created_at=sample["created_at"],
    )
