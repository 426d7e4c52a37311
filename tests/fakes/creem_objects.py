"""Creem's objects and webhook deliveries, built field for field like the samples in docs.creem.io/code/webhooks
(the fake server in tests/fakes/creem.py sends these; tests build single events with them)."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Sequence
from typing import Any, Literal
from urllib.parse import urlencode

from adapters.creem.signatures import SIGNATURE_HEADER, redirect_signature, webhook_signature

JSON = dict[str, Any]
Delivery = tuple[bytes, dict[str, str]]
Decision = Literal["allow", "flag", "deny"]

ISO = "2024-10-12T11:58:33.097Z"


def new_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:22]}"


def now_ms() -> int:
    return int(time.time() * 1000)


# --- signing ------------------------------------------------------------------------------------------------------


def signed_event(
    event_type: str,
    obj: JSON,
    secret: str,
    *,
    event_id: str | None = None,
    created_at: int | None = None,
) -> Delivery:
    """A webhook delivery as Creem sends it: the envelope's exact bytes and the `creem-signature` header."""
    envelope = {
        "id": event_id or new_id("evt"),
        "eventType": event_type,
        "created_at": created_at if created_at is not None else now_ms(),
        "object": obj,
    }
    body = json.dumps(envelope, separators=(",", ":")).encode()
    return body, {"content-type": "application/json", SIGNATURE_HEADER: webhook_signature(body, secret)}


def sign_redirect_query(params: Sequence[tuple[str, str | None]], api_key: str) -> str:
    """The query string Creem appends to `success_url`: params in order (None dropped), then `signature`."""
    pairs = [(k, v) for k, v in params if v is not None]
    return urlencode([*pairs, ("signature", redirect_signature(pairs, api_key))])


# --- object builders (shapes from the docs samples) ---------------------------------------------------------------


def product_obj(
    product_id: str,
    *,
    name: str = "Credits",
    price: int = 1000,
    currency: str = "EUR",
    billing_type: str = "onetime",
    mode: str = "test",
) -> JSON:
    return {
        "id": product_id,
        "object": "product",
        "name": name,
        "description": name,
        "image_url": None,
        "price": price,
        "currency": currency,
        "billing_type": billing_type,
        "billing_period": "every-month" if billing_type == "recurring" else "once",
        "status": "active",
        "tax_mode": "exclusive",
        "tax_category": "saas",
        "default_success_url": "",
        "created_at": ISO,
        "updated_at": ISO,
        "mode": mode,
    }


def customer_obj(customer_id: str, *, email: str = "buyer@example.com", mode: str = "test") -> JSON:
    return {
        "id": customer_id,
        "object": "customer",
        "email": email,
        "name": "Test Buyer",
        "country": "NL",
        "created_at": ISO,
        "updated_at": ISO,
        "mode": mode,
    }


def order_obj(
    order_id: str,
    *,
    customer_id: str,
    product_id: str,
    amount: int = 1000,
    currency: str = "EUR",
    recurring: bool = False,
    transaction_id: str | None = None,
    status: str = "paid",
    mode: str = "test",
) -> JSON:
    order: JSON = {
        "id": order_id,
        "customer": customer_id,
        "product": product_id,
        "amount": amount,
        "currency": currency,
        "status": status,
        "type": "recurring" if recurring else "onetime",
        "created_at": ISO,
        "updated_at": ISO,
        "mode": mode,
    }
    if transaction_id:
        order["transaction"] = transaction_id
    return order


def transaction_obj(
    transaction_id: str,
    *,
    order_id: str | None,
    customer_id: str,
    subscription_id: str | None = None,
    amount: int = 1000,
    currency: str = "EUR",
    status: str = "paid",
    mode: str = "test",
) -> JSON:
    tax = amount * 21 // 100
    return {
        "id": transaction_id,
        "object": "transaction",
        "amount": amount,
        "amount_paid": amount + tax,
        "currency": currency,
        "type": "invoice" if subscription_id else "payment",
        "tax_country": "NL",
        "tax_amount": tax,
        "status": status,
        "refunded_amount": amount + tax if status in ("refunded", "chargeback") else 0,
        "order": order_id,
        "subscription": subscription_id,
        "customer": customer_id,
        "description": "Subscription payment" if subscription_id else "One-time payment",
        "period_start": 1728734318000,
        "period_end": 1731412718000,
        "created_at": 1728734327109,
        "mode": mode,
    }


def subscription_obj(
    subscription_id: str,
    *,
    product: str | JSON,
    customer: str | JSON,
    metadata: JSON | None,
    status: str = "active",
    last_transaction_id: str | None = None,
    canceled: bool = False,
    mode: str = "test",
) -> JSON:
    """A SubscriptionEntity: expanded `product`/`customer` dicts in `subscription.*` events, ids inside checkouts."""
    sub: JSON = {
        "id": subscription_id,
        "object": "subscription",
        "product": product,
        "customer": customer,
        "collection_method": "charge_automatically",
        "status": status,
        "current_period_start_date": "2024-10-12T11:58:38.000Z",
        "current_period_end_date": "2024-11-12T11:58:38.000Z",
        "canceled_at": "2024-10-12T11:58:57.813Z" if canceled else None,
        "created_at": "2024-10-12T11:58:45.425Z",
        "updated_at": "2024-10-12T11:58:45.425Z",
        "mode": mode,
    }
    if last_transaction_id:
        sub.update(
            last_transaction_id=last_transaction_id,
            last_transaction_date="2024-10-12T11:58:47.109Z",
            next_transaction_date="2024-11-12T11:58:38.000Z",
        )
    if metadata is not None:
        sub["metadata"] = metadata
    return sub


def checkout_completed_obj(
    *,
    product_id: str,
    metadata: JSON | None,
    request_id: str | None = "req_1",
    checkout_id: str | None = None,
    order_id: str | None = None,
    customer_id: str | None = None,
    subscription_id: str | None = None,
    recurring: bool = False,
    amount: int = 1000,
    order_status: str = "paid",
    mode: str = "test",
) -> JSON:
    """The `object` of checkout.completed; a recurring product also carries the new subscription (ids, not objects)."""
    customer_id = customer_id or new_id("cust")
    obj: JSON = {
        "id": checkout_id or new_id("ch"),
        "object": "checkout",
        "request_id": request_id,
        "order": order_obj(
            order_id or new_id("ord"),
            customer_id=customer_id,
            product_id=product_id,
            amount=amount,
            recurring=recurring,
            status=order_status,
            mode=mode,
        ),
        "product": product_obj(product_id, price=amount, billing_type="recurring" if recurring else "onetime"),
        "customer": customer_obj(customer_id, mode=mode),
        "custom_fields": [],
        "status": "completed",
        "metadata": metadata,
        "mode": mode,
    }
    if request_id is None:
        del obj["request_id"]
    if recurring:
        obj["subscription"] = subscription_obj(
            subscription_id or new_id("sub"), product=product_id, customer=customer_id, metadata=metadata, mode=mode
        )
    return obj


def refund_obj(
    *,
    transaction: JSON,
    order: JSON | None,
    customer: JSON,
    checkout: JSON | None,
    subscription: JSON | None = None,
    status: str = "succeeded",
    amount: int | None = None,
    refund_id: str | None = None,
    reason: str = "requested_by_customer",
    mode: str = "test",
) -> JSON:
    """refund.created's object as in Creem's sample: `refund_amount` includes tax (a full refund is the transaction's
    `amount_paid`); the nested transaction says `refunded`/`partialRefund` only once the refund went through."""
    paid = transaction.get("amount_paid", 0)
    refunded = paid if amount is None else amount
    done = status == "succeeded"
    state = ("refunded" if refunded >= paid else "partialRefund") if done else transaction.get("status", "paid")
    return {
        "id": refund_id or new_id("ref"),
        "object": "refund",
        "status": status,
        "refund_amount": refunded,
        "refund_currency": transaction.get("currency", "EUR"),
        "reason": reason,
        "transaction": {**transaction, "status": state, "refunded_amount": refunded if done else 0},
        "subscription": subscription,
        "checkout": checkout,
        "order": order,
        "customer": customer,
        "created_at": now_ms(),
        "mode": mode,
    }


def dispute_obj(
    *,
    transaction: JSON,
    order: JSON | None,
    customer: JSON,
    checkout: JSON | None,
    subscription: JSON | None = None,
    mode: str = "test",
) -> JSON:
    """As in Creem's sample: the embedded checkout has no `request_id`/`metadata`; the transaction says `chargeback`."""
    return {
        "id": new_id("disp"),
        "object": "dispute",
        "amount": transaction.get("amount_paid", 0),
        "currency": transaction.get("currency", "EUR"),
        "transaction": {**transaction, "status": "chargeback", "refunded_amount": transaction.get("amount_paid", 0)},
        "subscription": subscription,
        "checkout": checkout,
        "order": order,
        "customer": customer,
        "created_at": now_ms(),
        "mode": mode,
    }


def _checkout_stub(checkout: JSON, *, with_metadata: bool) -> JSON:
    """The trimmed checkout Creem embeds: in refund.created `{id, object, request_id, custom_fields, status,
    metadata, mode}`; in dispute.created `{id, object, product, units, custom_fields, status, mode}` (the samples)."""
    stub: JSON = {"id": checkout["id"], "object": "checkout"}
    if with_metadata:
        stub["request_id"] = checkout.get("request_id")
    else:
        product = checkout["product"]
        stub.update(product=product if isinstance(product, str) else product["id"], units=1)
    stub.update(custom_fields=[], status="completed")
    if with_metadata:
        stub["metadata"] = checkout.get("metadata")
    stub["mode"] = checkout.get("mode", "test")
    return stub


# Each status event's `status` field and metadata as in Creem's documented samples (docs.creem.io/code/webhooks).
SUBSCRIPTION_STATUS_SAMPLES: dict[str, tuple[str, Literal["ours", "none", "empty"]]] = {
    "subscription.active": ("active", "ours"),
    "subscription.trialing": ("trialing", "ours"),
    "subscription.scheduled_cancel": ("scheduled_cancel", "ours"),
    "subscription.past_due": ("past_due", "ours"),
    "subscription.unpaid": ("unpaid", "empty"),
    "subscription.paused": ("paused", "none"),
    "subscription.expired": ("active", "none"),
    "subscription.update": ("active", "ours"),
}
