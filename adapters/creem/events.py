"""Creem webhook events → provider-neutral PaymentEvents. Call only after `verify_webhook` accepted the raw body.

Which event credits what (docs.creem.io/code/webhooks; creem.md §4.7):
- a one-time pack is paid by `checkout.completed` (order type `onetime`, status `paid`), keyed by the order id;
- a plan is paid by `subscription.paid`, first payment and every renewal, keyed by the transaction id; the plan's
  `checkout.completed` is IGNORED for crediting (it only links subscription and customer), so one payment never
  credits twice;
- refunds and disputes carry the ref the payment was keyed by (order id for a pack, transaction id for a plan);
  they take back credits in proportion to the amount reversed, once per refund/dispute id, and a refund only once
  its status is `succeeded` (a `pending` one changes nothing until a delivery says it went through);
- subscription events follow Creem's state machine (`STATUS_EVENTS`): only `canceled` ends a plan.
"""

from __future__ import annotations

import logging
from typing import Any

from pydantic import ValidationError

from adapters.creem.models import (
    CheckoutCompletedEvent,
    CheckoutEntity,
    CustomerEntity,
    DisputeCreatedEvent,
    DisputeEntity,
    Metadata,
    OrderEntity,
    ProductEntity,
    RefundCreatedEvent,
    RefundEntity,
    SubscriptionEntity,
    SubscriptionEvent,
    TransactionEntity,
    parse_envelope,
)
from core.bounded_json import loads_bounded
from core.models import PaymentEvent, PaymentEventKind, PlanStatus

log = logging.getLogger(__name__)

PROVIDER = "creem"
# What each subscription event means for the plan (docs.creem.io/code/webhooks and the official SDKs, which grant
# access on active/trialing/paid and revoke it on paused/expired/canceled). `subscription.expired` is NOT the end:
# "payment retries can happen at this stage", terminal only once the status becomes `canceled`.
STATUS_EVENTS = {
    "subscription.active": PlanStatus.ACTIVE,
    "subscription.trialing": PlanStatus.TRIALING,
    "subscription.scheduled_cancel": PlanStatus.SCHEDULED_CANCEL,
    "subscription.past_due": PlanStatus.PAST_DUE,
    "subscription.unpaid": PlanStatus.UNPAID,
    "subscription.paused": PlanStatus.PAUSED,
    "subscription.expired": PlanStatus.EXPIRED,
}
# Only a refund that has gone through takes credits back; pending/requiresAction wait, failed/canceled never do.
REFUND_DONE = "succeeded"


def _id(value: str | CustomerEntity | ProductEntity | SubscriptionEntity | OrderEntity | None) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    return value.id


def _merged(*sources: Metadata | None) -> Metadata:
    """Metadata from several places (checkout, subscription); the first non-empty value of a key wins."""
    merged: Metadata = {}
    for source in sources:
        for key, value in (source or {}).items():
            if merged.get(key) in (None, "") and value not in (None, ""):
                merged[key] = value
    return merged


def _text(meta: Metadata, key: str) -> str | None:
    value = meta.get(key)
    return None if value in (None, "") else str(value)


def _event(
    event_id: str,
    kind: PaymentEventKind,
    meta: Metadata,
    raw: dict[str, Any],
    *,
    payment_ref: str | None = None,
    subscription_id: str | None = None,
    customer_id: str | None = None,
    **extra: Any,
) -> PaymentEvent:
    return PaymentEvent(
        event_id=event_id,
        provider=PROVIDER,
        kind=kind,
        account_id=_text(meta, "account_id"),
        product_id=_text(meta, "product_id"),
        platform=_text(meta, "platform"),
        payment_ref=payment_ref or "",
        subscription_id=subscription_id,
        customer_id=customer_id,
        raw=raw,
        **extra,
    )


def _checkout_completed(event: CheckoutCompletedEvent, raw: dict[str, Any]) -> PaymentEvent:
    checkout: CheckoutEntity = event.object
    order = checkout.order
    subscription = checkout.subscription
    sub_meta = subscription.metadata if isinstance(subscription, SubscriptionEntity) else None
    meta = _merged(checkout.metadata, sub_meta)
    product = checkout.product
    recurring = (
        (order is not None and order.type == "recurring")
        or subscription is not None
        or (isinstance(product, ProductEntity) and product.billing_type == "recurring")
    )
    paid = order is not None and order.status == "paid"
    kind = PaymentEventKind.PACK_PAID if paid and not recurring else PaymentEventKind.IGNORED
    return _event(
        event.id,
        kind,
        meta,
        raw,
        payment_ref=order.id if order else None,
        subscription_id=_id(subscription),
        customer_id=_id(checkout.customer) or (_id(order.customer) if order else None),
    )


def _subscription(event: SubscriptionEvent, raw: dict[str, Any]) -> PaymentEvent:
    """Creem's subscription state machine: every status but `canceled` keeps the subscription (and its id)."""
    sub = event.object
    meta = _merged(sub.metadata)
    kind, ref, status = _subscription_kind(event.event_type, sub.status)
    if kind is PaymentEventKind.PLAN_PAID:
        ref = sub.last_transaction_id or (sub.last_transaction.id if sub.last_transaction else None)
        if not ref:
            raise ValueError("subscription.paid without a transaction id")
    return _event(
        event.id,
        kind,
        meta,
        raw,
        payment_ref=ref or sub.id,
        subscription_id=sub.id,
        customer_id=_id(sub.customer),
        plan_status=status,
    )


def _subscription_kind(
    event_type: str, object_status: str | None
) -> tuple[PaymentEventKind, str | None, PlanStatus | None]:
    """(kind, payment ref, new status). The event type decides; the object's own status only for `update`, whose
    type says nothing (the `expired` sample still says `active`, so the status field is not trusted over the type)."""
    if event_type == "subscription.paid":
        return PaymentEventKind.PLAN_PAID, None, PlanStatus.ACTIVE
    if event_type == "subscription.canceled" or (event_type == "subscription.update" and object_status == "canceled"):
        return PaymentEventKind.PLAN_ENDED, None, None
    status = STATUS_EVENTS.get(event_type)
    if status is None and event_type == "subscription.update":
        status = _known_status(object_status)
    if status is None:
        return PaymentEventKind.IGNORED, None, None
    return PaymentEventKind.PLAN_STATUS, None, status


def _known_status(value: str | None) -> PlanStatus | None:
    try:
        return PlanStatus(value) if value else None
    except ValueError:
        return None


def _clawback_ref(entity: RefundEntity | DisputeEntity) -> str:
    """The ref the original payment was credited under: the transaction for a plan, the order for a pack."""
    transaction = entity.transaction if isinstance(entity.transaction, TransactionEntity) else None
    transaction_id = transaction.id if transaction else _id_str(entity.transaction)
    order = entity.order if isinstance(entity.order, OrderEntity) else None
    order_id = _id(entity.order) or (transaction.order if transaction else None)
    recurring = (
        entity.subscription is not None
        or (transaction is not None and transaction.subscription is not None)
        or (order is not None and order.type == "recurring")
    )
    ref = (transaction_id or order_id) if recurring else (order_id or transaction_id)
    if not ref:
        raise ValueError(f"{entity.object or 'event'} {entity.id} names neither an order nor a transaction")
    return ref


def _id_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _clawback(
    event: RefundCreatedEvent | DisputeCreatedEvent, kind: PaymentEventKind, raw: dict[str, Any]
) -> PaymentEvent:
    """A refund or dispute, named by its own id, with the amount it reverses out of what was paid."""
    entity = event.object
    checkout = entity.checkout if isinstance(entity.checkout, CheckoutEntity) else None
    subscription = entity.subscription if isinstance(entity.subscription, SubscriptionEntity) else None
    meta = _merged(checkout.metadata if checkout else None, subscription.metadata if subscription else None)
    if isinstance(entity, RefundEntity):
        amount = entity.refund_amount
        if entity.status != REFUND_DONE:
            # Creem documents no later refund event: if none says `succeeded`, the operator sees this one.
            log.warning("creem refund %s is %s: no credits taken back until it succeeds", entity.id, entity.status)
            kind = PaymentEventKind.IGNORED
    else:
        amount = entity.amount
    return _event(
        event.id,
        kind,
        meta,
        raw,
        payment_ref=_clawback_ref(entity),
        subscription_id=_id(entity.subscription),
        customer_id=_id(entity.customer),
        reversal_id=entity.id,
        amount=amount,
        paid_amount=_paid_amount(entity),
    )


def _paid_amount(entity: RefundEntity | DisputeEntity) -> int | None:
    """What the customer paid, tax included (refund amounts include tax: the sample refunds 1210 of 1210 paid)."""
    transaction = entity.transaction if isinstance(entity.transaction, TransactionEntity) else None
    order = entity.order if isinstance(entity.order, OrderEntity) else None
    candidates = (
        transaction.amount_paid if transaction else None,
        order.amount_paid if order else None,
        transaction.amount if transaction else None,
        order.amount if order else None,
    )
    return next((value for value in candidates if value), None)


def parse_event(raw_body: bytes) -> PaymentEvent:
    """Map one verified delivery to a PaymentEvent; ValueError when the body is not a Creem event we can read."""
    try:
        data = loads_bounded(raw_body)
    except ValueError as exc:  # not JSON, not UTF-8, or nested too deep to parse safely
        raise ValueError("webhook body is not JSON") from exc
    if not isinstance(data, dict):
        raise ValueError("webhook body is not a JSON object")
    try:
        event = parse_envelope(data)
    except ValidationError as exc:
        raise ValueError(f"webhook body is not a Creem event: {exc.error_count()} problem(s)") from exc
    if isinstance(event, CheckoutCompletedEvent):
        return _checkout_completed(event, data)
    if isinstance(event, SubscriptionEvent):
        return _subscription(event, data)
    if isinstance(event, RefundCreatedEvent):
        return _clawback(event, PaymentEventKind.REFUNDED, data)
    if isinstance(event, DisputeCreatedEvent):
        return _clawback(event, PaymentEventKind.DISPUTED, data)
    return PaymentEvent(event_id=event.id, provider=PROVIDER, kind=PaymentEventKind.IGNORED, account_id=None, raw=data)
