"""Creem's wire format as pydantic models: tolerant of new fields, strict only where we depend on a value.

Shapes follow Creem's API reference and the webhook samples in docs.creem.io/code/webhooks (ported from the official
`@creem_io/webhook-types`). `mode` is a plain string because samples show values outside the OpenAPI enum.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

Metadata = dict[str, Any]
ObjectT = TypeVar("ObjectT")


class CreemModel(BaseModel):
    """Every Creem object: unknown fields are kept, never rejected (Creem adds fields without notice)."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)


class CreemRequest(BaseModel):
    """Bodies we send: unknown fields are a bug on our side."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


# --- errors -------------------------------------------------------------------------------------------------------


class ErrorEnvelope(CreemModel):
    """`{trace_id, status, error, message[], timestamp}`; `message` may be absent or (in the wild) a plain string."""

    trace_id: str | None = None
    status: int | None = None
    error: str | None = None
    message: list[str] = Field(default_factory=list)
    timestamp: int | None = None

    @field_validator("message", mode="before")
    @classmethod
    def _listify(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        if isinstance(value, list):
            return [str(item) for item in value]
        return [str(value)]


# --- entities (API responses and webhook objects) -----------------------------------------------------------------


class ProductEntity(CreemModel):
    id: str
    object: str | None = None
    name: str | None = None
    description: str | None = None
    price: int | None = None
    currency: str | None = None
    billing_type: str | None = None  # "recurring" | "onetime"
    billing_period: str | None = None
    status: str | None = None
    mode: str | None = None


class CustomerEntity(CreemModel):
    id: str
    object: str | None = None
    email: str | None = None
    name: str | None = None
    country: str | None = None
    mode: str | None = None


class TransactionEntity(CreemModel):
    id: str
    object: str | None = None
    amount: int | None = None
    amount_paid: int | None = None
    currency: str | None = None
    type: str | None = None  # "payment" | "invoice"
    status: str | None = None
    refunded_amount: int | None = None
    order: str | None = None
    subscription: str | None = None
    customer: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    created_at: int | None = None
    mode: str | None = None


class OrderEntity(CreemModel):
    id: str
    object: str | None = None
    customer: str | CustomerEntity | None = None
    product: str | ProductEntity | None = None
    transaction: str | None = None
    amount: int | None = None
    amount_paid: int | None = None
    currency: str | None = None
    status: str | None = None  # "pending" | "paid"
    type: str | None = None  # "recurring" | "onetime"
    mode: str | None = None


class SubscriptionEntity(CreemModel):
    id: str
    object: str | None = None
    product: str | ProductEntity | None = None
    customer: str | CustomerEntity | None = None
    status: str | None = None
    collection_method: str | None = None
    last_transaction_id: str | None = None
    last_transaction: TransactionEntity | None = None
    last_transaction_date: str | None = None
    next_transaction_date: str | None = None
    current_period_start_date: str | None = None
    current_period_end_date: str | None = None
    canceled_at: str | None = None
    metadata: Metadata | None = None
    mode: str | None = None


class CheckoutEntity(CreemModel):
    id: str
    object: str | None = None
    status: str | None = None  # pending | processing | completed | expired
    product: str | ProductEntity | None = None
    units: int | None = None
    request_id: str | None = None
    order: OrderEntity | None = None
    subscription: str | SubscriptionEntity | None = None
    customer: str | CustomerEntity | None = None
    checkout_url: str | None = None
    success_url: str | None = None
    metadata: Metadata | None = None
    mode: str | None = None


class PaymentReversal(CreemModel):
    """What refunds and disputes share: the payment they reverse, by id or as the expanded object."""

    id: str
    object: str | None = None
    transaction: str | TransactionEntity | None = None
    subscription: str | SubscriptionEntity | None = None
    checkout: str | CheckoutEntity | None = None
    order: str | OrderEntity | None = None
    customer: str | CustomerEntity | None = None
    created_at: int | None = None
    mode: str | None = None


class RefundEntity(PaymentReversal):
    status: str | None = None  # pending | requiresAction | succeeded | failed | canceled
    refund_amount: int | None = None
    refund_currency: str | None = None
    reason: str | None = None


class DisputeEntity(PaymentReversal):
    amount: int | None = None
    currency: str | None = None


# --- requests and small responses ---------------------------------------------------------------------------------


class CheckoutCustomer(CreemRequest):
    """Pre-fill the buyer: Creem accepts only one of `id` or `email`."""

    id: str | None = None
    email: str | None = None


class CheckoutCreateRequest(CreemRequest):
    product_id: str
    request_id: str | None = None
    units: int | None = None
    discount_code: str | None = None
    customer: CheckoutCustomer | None = None
    success_url: str | None = None
    metadata: dict[str, str | int | float | None] | None = None


class CustomerPortalRequest(CreemRequest):
    customer_id: str


class CustomerPortalLink(CreemModel):
    customer_portal_link: str


class SubscriptionCancelRequest(CreemRequest):
    mode: Literal["immediate", "scheduled"] | None = None
    on_execute: Literal["cancel", "pause"] | None = Field(default=None, alias="onExecute")


class ModerationRequest(CreemRequest):
    prompt: str
    external_id: str | None = None


class ModerationUsage(CreemModel):
    units: float | None = None


class ModerationResponse(CreemModel):
    """`decision` stays a string: a value we do not know is treated as a refusal by the moderator, not an error."""

    id: str | None = None
    object: str | None = None
    prompt: str | None = None
    external_id: str | None = None
    decision: str
    usage: ModerationUsage | None = None


# --- webhook envelopes --------------------------------------------------------------------------------------------

CHECKOUT_COMPLETED = "checkout.completed"
SUBSCRIPTION_EVENTS = frozenset(
    {
        "subscription.active",
        "subscription.paid",
        "subscription.canceled",
        "subscription.scheduled_cancel",
        "subscription.past_due",
        "subscription.expired",
        "subscription.trialing",
        "subscription.paused",
        "subscription.update",
        "subscription.unpaid",
    }
)
REFUND_CREATED = "refund.created"
DISPUTE_CREATED = "dispute.created"


class WebhookEvent(CreemModel, Generic[ObjectT]):
    """`{id: "evt_…", eventType, created_at: <epoch ms>, object: {…}}`, typed by what `object` holds."""

    id: str
    event_type: str = Field(alias="eventType")
    created_at: int | str | None = None
    object: ObjectT


class UnknownEvent(WebhookEvent[dict[str, Any]]):
    """An event type we do not act on: `object` stays a plain dict."""


class CheckoutCompletedEvent(WebhookEvent[CheckoutEntity]):
    pass


class SubscriptionEvent(WebhookEvent[SubscriptionEntity]):
    pass


class RefundCreatedEvent(WebhookEvent[RefundEntity]):
    pass


class DisputeCreatedEvent(WebhookEvent[DisputeEntity]):
    pass


AnyWebhookEvent = CheckoutCompletedEvent | SubscriptionEvent | RefundCreatedEvent | DisputeCreatedEvent | UnknownEvent


def parse_envelope(data: Any) -> AnyWebhookEvent:
    """Validate the envelope, then its `object` by `eventType`; unknown event types keep `object` as a dict.

    Raises pydantic.ValidationError on a malformed shape.
    """
    envelope = UnknownEvent.model_validate(data)
    kind = envelope.event_type
    if kind == CHECKOUT_COMPLETED:
        return CheckoutCompletedEvent.model_validate(data)
    if kind in SUBSCRIPTION_EVENTS:
        return SubscriptionEvent.model_validate(data)
    if kind == REFUND_CREATED:
        return RefundCreatedEvent.model_validate(data)
    if kind == DISPUTE_CREATED:
        return DisputeCreatedEvent.model_validate(data)
    return envelope
