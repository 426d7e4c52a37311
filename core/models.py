"""Domain models: plain pydantic data that every layer shares, free of any platform or storage detail."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

AspectRatio = Literal["auto", "1:1", "9:16", "16:9", "4:3", "3:4"]
Resolution = Literal["1K", "2K", "4K"]
ASPECT_RATIOS: tuple[AspectRatio, ...] = ("auto", "1:1", "9:16", "16:9", "4:3", "3:4")
RESOLUTIONS: tuple[Resolution, ...] = ("1K", "2K", "4K")


class Platform(StrEnum):
    TELEGRAM = "telegram"
    DISCORD = "discord"
    CONSOLE = "console"


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Identity(Frozen):
    """Who is talking, as the chat platform knows them."""

    platform: Platform
    platform_user_id: str


class LinkedIdentity(Frozen):
    """An identity as linked to an account: who it is, the name shown for it, and since when."""

    identity: Identity
    label: str = ""
    linked_at: datetime


class PlanStatus(StrEnum):
    """Where a subscription stands, as the payment provider's own state machine says (Creem's statuses).

    `canceled` is terminal and not stored: the plan and its subscription id are cleared then. Every other status
    keeps the subscription id, so `/deleteme` can still cancel it at the provider.
    """

    ACTIVE = "active"
    TRIALING = "trialing"
    SCHEDULED_CANCEL = "scheduled_cancel"
    PAST_DUE = "past_due"
    UNPAID = "unpaid"
    PAUSED = "paused"
    EXPIRED = "expired"

    @property
    def grants_access(self) -> bool:
        """What Creem's SDKs grant access for (active, trialing, paid) and keep until the period ends."""
        return self in (PlanStatus.ACTIVE, PlanStatus.TRIALING, PlanStatus.SCHEDULED_CANCEL, PlanStatus.PAST_DUE)


class Account(Frozen):
    """One person, whichever platform they use; settings and consent live here."""

    id: str
    display_name: str = ""
    locale: str = "en"  # the platform's language when the account was made (messages sent outside a reply)
    language: str = ""  # the language chosen in /settings (a core.locales code); "" follows the platform's
    email: str | None = None
    consent_at: datetime | None = None
    age_confirmed: bool = False
    notifications_opt_out: bool = False
    default_aspect_ratio: AspectRatio = "auto"
    default_resolution: Resolution = "1K"
    send_as_file: bool = False
    plan: str | None = None
    plan_status: PlanStatus | None = None
    subscription_id: str | None = None
    customer_id: str | None = None
    deletion_code: str | None = None
    deletion_expires_at: datetime | None = None
    deleting_at: datetime | None = None
    # The versions of the terms and of the privacy policy the person last accepted (every acceptance is kept in
    # the consent history: Store.consents); None before the first consent.
    accepted_terms_version: str | None = None
    accepted_policy_version: str | None = None
    blocked_at: datetime | None = None  # set by an admin: every command but the privacy rights is refused
    blocked_reason: str = ""
    created_at: datetime

    @property
    def has_consented(self) -> bool:
        return self.consent_at is not None and self.age_confirmed

    @property
    def blocked(self) -> bool:
        return self.blocked_at is not None

    @property
    def being_deleted(self) -> bool:
        """Past the deletion fence: nothing new is reserved, stored or sent to a provider for this account."""
        return self.deleting_at is not None


class PlanFields(Frozen):
    """An account's plan as one value: what a plan change compares (before) and sets (after)."""

    plan: str | None = None
    plan_status: PlanStatus | None = None
    subscription_id: str | None = None
    customer_id: str | None = None

    @classmethod
    def of(cls, account: Account) -> PlanFields:
        return cls(
            plan=account.plan,
            plan_status=account.plan_status,
            subscription_id=account.subscription_id,
            customer_id=account.customer_id,
        )


class ConsentVersions(Frozen):
    """The versions of the terms of use and of the privacy policy a consent is given to."""

    terms: str = "1"
    policy: str = "1"


FIRST_VERSIONS = ConsentVersions()


class ConsentRecord(Frozen):
    """One acceptance in a person's consent history: which versions, and when."""

    accepted_at: datetime
    terms_version: str
    policy_version: str


class SettingsChange(Frozen):
    """The settings a person changes at once; None leaves a field as it is (the Store writes only the others)."""

    default_aspect_ratio: AspectRatio | None = None
    default_resolution: Resolution | None = None
    send_as_file: bool | None = None
    notifications_opt_out: bool | None = None
    locale: str | None = None
    language: str | None = None  # "" clears the choice (the platform's language again)

    def fields(self) -> dict[str, object]:
        """Only the fields being changed, by column name."""
        return {name: value for name, value in self.model_dump().items() if value is not None}


class LedgerKind(StrEnum):
    GRANT = "grant"
    PURCHASE = "purchase"
    HOLD = "hold"
    CAPTURE = "capture"
    REFUND = "refund"
    RENEWAL = "renewal"
    CLAWBACK = "clawback"
    ADMIN = "admin"
    MERGE = "merge"  # two accounts became one: closes the absorbed side, opens it on the surviving side


class LedgerEntry(Frozen):
    """One append-only change of balance; `credits` moves paid credits, `free_images` the day's free use."""

    id: int
    account_id: str
    kind: LedgerKind
    credits: int
    free_images: int = 0
    free_day: date | None = None
    idempotency_key: str
    generation_id: str | None = None
    note: str = ""
    created_at: datetime


class Balance(Frozen):
    free_left: int
    free_per_day: int
    paid_credits: int
    plan: str | None = None
    plan_status: PlanStatus | None = None


class GenerationStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class DeliveryTarget(Frozen):
    """Where a result goes: data any process can use, interpreted by the platform's adapter."""

    platform: Platform
    chat_id: str
    reply_to: str | None = None
    status_message_id: str | None = None
    extra: dict[str, str] = Field(default_factory=dict)
    # Only the person sees this chat (a private chat, the bot's DM, the console). Results elsewhere show no
    # balance or other personal figures; unknown (older targets) counts as shared.
    private: bool = False


class ImageSpec(Frozen):
    """What to draw: GPT-Image-2's own options (one image per provider task)."""

    prompt: str
    aspect_ratio: AspectRatio = "auto"
    resolution: Resolution = "1K"
    reference_urls: tuple[str, ...] = ()


class GenerationRequest(Frozen):
    prompt: str
    aspect_ratio: AspectRatio = "auto"
    resolution: Resolution = "1K"
    count: int = 1
    reference_keys: tuple[str, ...] = ()


class Hold(Frozen):
    """What a reservation took: free images of `free_day` and paid credits."""

    free_images: int
    paid_credits: int
    unit_price: int
    free_day: date


class Generation(Frozen):
    id: str
    account_id: str
    request: GenerationRequest
    status: GenerationStatus
    hold: Hold
    delivery: DeliveryTarget
    task_ids: tuple[str, ...] = ()
    creating: tuple[int, ...] = ()  # slots whose provider task was being created (the intent, saved first)
    image_keys: tuple[str, ...] = ()
    error_code: str | None = None
    error_detail: str | None = None
    delivered_at: datetime | None = None
    created_at: datetime
    updated_at: datetime

    @property
    def finished(self) -> bool:
        return self.status in (GenerationStatus.SUCCEEDED, GenerationStatus.FAILED)

    def task_id(self, slot: int) -> str | None:
        """The provider task saved for `slot`, if any."""
        return (self.task_ids[slot] or None) if slot < len(self.task_ids) else None


class TaskRef(Frozen):
    """Which image of which generation a provider task is for; the provider reports it back with the task."""

    generation_id: str
    slot: int


class TaskState(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class TaskStatus(Frozen):
    """A provider task as last seen; `error_code` is a domain error code when failed."""

    task_id: str
    state: TaskState
    result_urls: tuple[str, ...] = ()
    error_code: str | None = None
    error_detail: str | None = None


class ModerationDecision(StrEnum):
    ALLOW = "allow"
    FLAG = "flag"
    DENY = "deny"


class ModerationResult(Frozen):
    decision: ModerationDecision
    reason: str | None = None


class RateDecision(Frozen):
    allowed: bool
    retry_after_s: float = 0.0


class ProductKind(StrEnum):
    PACK = "pack"
    PLAN = "plan"


class Product(Frozen):
    """Something the operator sells: a one-time credit pack or a monthly plan."""

    id: str
    creem_product_id: str = ""
    label: str
    price: str
    credits: int
    kind: ProductKind = ProductKind.PACK
    stars: int = 0


class Payment(Frozen):
    """A payment as recorded from a provider event (never card details)."""

    id: str
    account_id: str
    provider: str
    provider_ref: str
    product_id: str | None
    credits: int
    status: str
    created_at: datetime


class PaymentEventKind(StrEnum):
    PACK_PAID = "pack_paid"
    PLAN_PAID = "plan_paid"
    PLAN_STATUS = "plan_status"
    PLAN_ENDED = "plan_ended"
    REFUNDED = "refunded"
    DISPUTED = "disputed"
    IGNORED = "ignored"


class PaymentEvent(Frozen):
    """A provider-neutral payment fact, parsed by the provider adapter after verification.

    `plan_status` is the subscription's new status (PLAN_PAID, PLAN_STATUS). A reversal (REFUNDED, DISPUTED) names
    itself by `reversal_id` (taken back once per id) and, when known, the `amount` reversed out of `paid_amount`
    (both in the provider's minor units, tax included): the credits taken back are in that proportion.
    """

    event_id: str
    provider: str
    kind: PaymentEventKind
    account_id: str | None
    product_id: str | None = None
    payment_ref: str = ""
    credits: int | None = None
    subscription_id: str | None = None
    customer_id: str | None = None
    platform: str | None = None
    plan_status: PlanStatus | None = None
    reversal_id: str | None = None
    amount: int | None = None
    paid_amount: int | None = None
    raw: dict[str, Any] = Field(default_factory=dict)
