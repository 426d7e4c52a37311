"""Ports: the small interfaces core needs from the outside world. Adapters implement them; core imports no adapter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Protocol

from core.abuse import AbuseMemory
from core.errors import DomainError, ErrorCode
from core.models import (
    Account,
    Balance,
    DeliveryTarget,
    Generation,
    GenerationRequest,
    GenerationStatus,
    Hold,
    Identity,
    ImageSpec,
    LedgerEntry,
    LedgerKind,
    ModerationResult,
    Payment,
    PlanFields,
    Product,
    RateDecision,
    SettingsChange,
    TaskRef,
    TaskStatus,
)
from core.quota import free_left, plan_hold


class Clock(Protocol):
    def now(self) -> datetime:
        """The current UTC time (timezone-aware)."""
        ...


@dataclass(frozen=True)
class ReserveRequest:
    """Everything the Store needs to take a hold atomically; `decide` is the pure decision (core.quota.plan_hold)."""

    generation_id: str
    account_id: str
    request: GenerationRequest
    delivery: DeliveryTarget
    unit_price: int
    free_eligible: bool
    free_per_day: int
    max_running: int
    day: date
    now: datetime

    def decide(self, running: int, paid_balance: int, free_used_today: int) -> Generation:
        """The queued generation with its hold, from the account's state read inside the Store's transaction;
        raises TOO_MANY_RUNNING or INSUFFICIENT_CREDITS (then the Store writes nothing)."""
        if running >= self.max_running:
            raise DomainError(ErrorCode.TOO_MANY_RUNNING, limit=self.max_running)
        count = self.request.count
        left = free_left(self.free_per_day, free_used_today)
        plan = plan_hold(count, self.unit_price, left, paid_balance, self.free_eligible)
        if plan is None:
            raise DomainError(ErrorCode.INSUFFICIENT_CREDITS, needed=count * self.unit_price, credits=paid_balance)
        return Generation(
            id=self.generation_id,
            account_id=self.account_id,
            request=self.request,
            status=GenerationStatus.QUEUED,
            hold=Hold(
                free_images=plan.free_images,
                paid_credits=plan.paid_credits,
                unit_price=self.unit_price,
                free_day=self.day,
            ),
            delivery=self.delivery,
            task_ids=("",) * count,
            created_at=self.now,
            updated_at=self.now,
        )


@dataclass(frozen=True)
class Settlement:
    """How a generation ended: the images kept and, for a failure, the error code shown to the user."""

    image_keys: tuple[str, ...]
    error_code: str | None = None
    error_detail: str | None = None


class AccountStore(Protocol):
    async def find_account(self, identity: Identity) -> Account | None: ...

    async def get_account(self, account_id: str) -> Account | None: ...

    async def account_by_subscription(self, subscription_id: str) -> Account | None:
        """The account holding this provider subscription (Creem's later subscription events may carry no
        metadata: the paused/expired/unpaid samples have none)."""
        ...

    async def create_account(
        self, identity: Identity, display_name: str, locale: str, now: datetime, digest: str = ""
    ) -> Account:
        """Get-or-create: two racing calls for one identity return the same account, unchanged if it existed.

        An empty locale becomes "en". A new account takes over, in the same transaction and once, what a deleted
        account left under `digest` (remember_after_deletion): the free use of `now`'s UTC day and any debt, as
        one ledger entry `carried:<account id>`.
        """
        ...

    async def remember_after_deletion(self, memories: Sequence[AbuseMemory], today: date) -> None:
        """Keep these (replacing what was kept under the same digest); entries with no debt from before `today`
        have expired and go. Nothing is kept for an entry with no free use and no debt."""
        ...

    async def update_settings(self, account_id: str, change: SettingsChange) -> Account | None:
        """Write only the fields `change` sets, in one statement; the account as it is after, None if unknown."""
        ...

    async def give_consent(self, account_id: str, at: datetime) -> Account | None:
        """Record consent (terms, privacy, age 13+); an account that already consented keeps its first time.

        The account as it is after, None if unknown.
        """
        ...

    async def change_plan(self, account_id: str, before: PlanFields, after: PlanFields) -> bool:
        """Compare-and-set of the plan fields only (plan, status, subscription and customer ids): write `after`
        if the stored plan fields still equal `before`, in one statement.

        False (nothing written) when they changed meanwhile (decide again from a fresh read), or for an unknown
        account or one being deleted (the caller then cancels the subscription at the provider instead).
        """
        ...

    async def set_deletion_code(self, account_id: str, code: str | None, expires_at: datetime | None) -> None:
        """Issue (or, with None, void) the account's deletion confirmation code."""
        ...

    async def begin_deletion(self, account_id: str, code: str, now: datetime) -> Account | None:
        """The deletion fence, one atomic step: mark the account as being deleted if `code` is still its code.

        From then on reserve refuses it (ACCOUNT_BEING_DELETED) and change_plan writes nothing. Returns the account
        as fenced (its plan is the one to cancel), or None when the code changed, or the account is unknown.
        Calling it again with the same code returns the fenced account again.
        """
        ...

    async def abort_deletion(self, account_id: str) -> None:
        """Lift the fence (the deletion could not go ahead, e.g. the plan could not be cancelled)."""
        ...

    async def identities(self, account_id: str) -> list[Identity]:
        """The identities linked to the account ([] for an unknown account)."""
        ...

    async def delete_account(self, account_id: str) -> None:
        """Delete the account and every row that refers to it (identities, generations, ledger, payments).

        Processed webhook event ids stay (they identify no one); an unknown account is a no-op.
        """
        ...


class LedgerStore(Protocol):
    async def reserve(self, req: ReserveRequest) -> Generation:
        """Atomically check limits and balance, insert the queued generation and its `hold:<id>` entry.

        Raises DomainError(INSUFFICIENT_CREDITS | TOO_MANY_RUNNING, ACCOUNT_BEING_DELETED past the deletion
        fence, or NOT_FOUND for an unknown account) and writes nothing then. Called again with the same
        generation id, it returns that generation as it is now (queued, running or finished) and charges nothing.
        """
        ...

    async def set_task_id(self, generation_id: str, slot: int, task_id: str, now: datetime) -> None:
        """Remember a provider task (before any wait) and move the generation to running.

        Does nothing for a finished or unknown generation.
        """
        ...

    async def claim_slot(self, generation_id: str, slot: int, now: datetime) -> bool:
        """Record the intent to create `slot`'s provider task, before the create call (never paid twice).

        True only for the one call that marked it: the generation was queued or running, its account not past the
        deletion fence, and the slot had neither a task nor a mark. Moves a queued generation to running, so it can
        no longer be cancelled.
        """
        ...

    async def adopt_task(self, generation_id: str, slot: int, task_id: str, now: datetime) -> bool:
        """Save a task the provider reported for a slot (its callback names the generation and slot).

        Only when the slot was marked creating and has no task yet, and the generation is unfinished: the task of a
        create whose answer was lost (a crash right after createTask) is followed instead of created again.
        """
        ...

    async def cancel_queued(self, generation_id: str, now: datetime) -> bool:
        """Compare-and-set a generation still queued (no provider task started) to failed with error `cancelled`.

        Refunds its whole hold and marks it delivered (the person is answered at once). False, and nothing
        written, when it had already started, finished, or is unknown.
        """
        ...

    async def settle(self, generation_id: str, settlement: Settlement, now: datetime) -> bool:
        """Compare-and-set an unfinished generation to succeeded/failed, writing capture/refund entries.

        Returns False (and writes nothing) if it was already finished.
        """
        ...

    async def claim_delivery(self, generation_id: str, until: datetime, now: datetime) -> bool:
        """Take the right to send a finished generation's result until `until` (a lease).

        True when it is finished, not yet delivered and no unexpired claim is held: two workers holding the same
        job (a reclaimed one) never send one result at the same time, and a claim left by a dead worker expires.
        """
        ...

    async def mark_delivered(self, generation_id: str, now: datetime) -> bool:
        """Stamp `delivered_at` once; False if it was already delivered or is unknown."""
        ...

    async def get_generation(self, generation_id: str) -> Generation | None: ...

    async def generations(self, account_id: str) -> list[Generation]:
        """The account's generations, oldest first (by created_at, then id)."""
        ...

    async def unfinished(self) -> list[Generation]:
        """Generations queued or running, or finished but not yet delivered (for resuming after a restart).

        Oldest first (by created_at, then id).
        """
        ...

    async def balance(self, account_id: str, day: date, free_per_day: int) -> Balance:
        """Free images left on `day`, paid credits (sum of the ledger, may be negative) and the account's plan.

        An unknown account has the day's free images, no credits and no plan.
        """
        ...

    async def add_credits(
        self, account_id: str, credits: int, kind: LedgerKind, key: str, note: str, now: datetime
    ) -> bool:
        """Append a ledger entry once per idempotency key; False if the key was already used.

        Raises DomainError(NOT_FOUND) for an unknown account.
        """
        ...

    async def ledger(self, account_id: str) -> list[LedgerEntry]: ...


class PaymentStore(Protocol):
    async def record_payment(self, payment: Payment, kind: LedgerKind, key: str) -> bool:
        """Insert the payment and its ledger entry (note: the provider ref) together, or nothing.

        Nothing is written, and False returned, when the payment id or the idempotency key was already used,
        also by a racing call. Raises DomainError(NOT_FOUND) for an unknown account. A provider ref may carry
        several payments.
        """
        ...

    async def payments(self, account_id: str) -> list[Payment]:
        """The account's payments, oldest first (by created_at, then id)."""
        ...

    async def find_payment(self, provider: str, provider_ref: str) -> Payment | None:
        """The earliest payment recorded under this provider reference (the one a refund or dispute reverses)."""
        ...

    async def record_event(self, provider: str, event_id: str, now: datetime) -> bool:
        """Remember a processed webhook event; False if it was seen before."""
        ...


class Store(AccountStore, LedgerStore, PaymentStore, Protocol):
    """Accounts, ledger, generations and payments: the one source of truth shared by every process."""

    async def ping(self) -> None: ...


class BlobStore(Protocol):
    async def put(self, key: str, data: bytes, content_type: str) -> None: ...

    async def get(self, key: str) -> bytes: ...

    async def link(self, key: str, expires_s: int) -> str:
        """A URL (signed, short-lived) or path by which the blob can be fetched."""
        ...

    async def delete(self, keys: Sequence[str]) -> None: ...

    async def delete_prefix(self, prefix: str) -> None:
        """Delete every blob under `prefix/` (all of one account's images when it is deleted)."""
        ...

    async def keys(self, prefix: str) -> list[str]:
        """Every key under `prefix/`, at any depth (the exports to expire); [] when there is none."""
        ...


class LostTasks(StrEnum):
    """How a task whose id was lost (a crash right after the create call) is found again."""

    RESUBMIT = "resubmit"  # submitting the same TaskRef again is harmless (idempotent, or free)
    REPORTED = "reported"  # the provider reports every task to us later with its TaskRef (a callback)
    LOST = "lost"  # it cannot be found: the slot fails and is refunded rather than paid twice


class ReferenceLinks(Protocol):
    """A URL by which the image service itself can fetch a stored reference image (an edit's input).

    Without one, references are handed over as the BlobStore's links (signed Storage URLs, or local paths for
    the offline generator).
    """

    async def url(self, key: str) -> str: ...


class ImageGenerator(Protocol):
    """An async image service: submit → task id → status → result bytes. One image per task."""

    @property
    def lost_tasks(self) -> LostTasks: ...

    async def submit(self, spec: ImageSpec, ref: TaskRef) -> str:
        """Create one task for the image `ref` names (the provider may echo `ref` back, e.g. in its callback)."""
        ...

    async def status(self, task_id: str) -> TaskStatus: ...

    async def download(self, task_id: str, url: str) -> bytes:
        """The result image's bytes (PNG/JPEG/WebP), checked and size-capped."""
        ...


class Signals(Protocol):
    """Wake-ups by key (a provider callback arrived for a task) shared by every process.

    Only followed keys are remembered: a notify for a key that nobody waits for, or announced with `expect`
    (and lingered a little after), is dropped, so strangers' forged callbacks cost nothing lasting.
    """

    async def expect(self, key: str, for_s: float) -> None:
        """Announce a follower: a notify for `key` in the next `for_s` seconds is kept for its next wait."""
        ...

    async def wait(self, key: str, timeout_s: float) -> bool:
        """Wait for a notify (or one kept since the last wait); also marks `key` as followed meanwhile."""
        ...

    async def notify(self, key: str) -> None: ...


class Moderator(Protocol):
    async def screen(self, prompt: str, account_id: str) -> ModerationResult:
        """Raises ProviderError(MODERATION_UNAVAILABLE) when it cannot decide: callers fail closed."""
        ...


@dataclass(frozen=True)
class Ticket:
    """One provider create waiting in the line: slot `slot` of a generation."""

    generation_id: str
    account_id: str
    slot: int


@dataclass(frozen=True)
class Place:
    """Where a generation stands in the create line, and how fast the line moves (measured, not configured)."""

    ahead: int  # creates before this generation's first one (0: it is next)
    through: int  # creates up to and including this generation's last one
    interval_s: float  # seconds per create, measured
    latency_s: float  # seconds from create to a stored result, measured


@dataclass(frozen=True)
class QueueSpot:
    """What a waiting person is told: their position (1 = next) and the estimated seconds to their result."""

    position: int
    eta_s: float


class CreateLine(Protocol):
    """The provider's create budget and the fair line of creates waiting for it, shared by every process.

    Creates are granted one at a time, evenly spaced to the limit and never more than the limit in any sliding
    window; the order is first come, first served across accounts (round-robin by account: one account's many
    creates are interleaved with everyone else's). Waiting has no retry counter: the caller bounds it.
    """

    async def enter(self, generation_id: str, account_id: str, slots: int) -> None:
        """Put a generation's creates in line (fair order); a no-op for a generation already in line."""
        ...

    async def preview(self, account_id: str, slots: int) -> Place:
        """The place a new request of this account would get now (admission control, before charging)."""
        ...

    async def place(self, generation_id: str) -> Place | None:
        """Where the generation stands now; None when none of its creates is waiting."""
        ...

    async def turn(self, ticket: Ticket) -> None:
        """Wait until this create is first among those waiting and the budget has room, then count it.

        A ticket not in line (its line state was lost) joins it first. Waits without bound: cancel to stop.
        """
        ...

    async def created(self, ticket: Ticket) -> None:
        """The provider accepted this create: it leaves the line."""
        ...

    async def slow_down(self, seconds: float) -> None:
        """The provider said "too many requests": grant nothing for `seconds` (the ticket keeps its place)."""
        ...

    async def leave(self, generation_id: str) -> None:
        """The generation no longer needs creates (finished, failed, cancelled): drop its tickets."""
        ...

    async def observe_latency(self, seconds: float) -> None:
        """One create-to-result time, for the estimates."""
        ...


class Limiter(Protocol):
    async def hit(self, key: str, limit: int, window_s: float) -> RateDecision:
        """Count one event against `limit` per sliding `window_s`; refuse without counting when full."""
        ...


@dataclass(frozen=True)
class Pace:
    """A token bucket: `per_s` sends per second on average, up to `burst` back to back."""

    per_s: float
    burst: int = 1


@dataclass(frozen=True)
class SendGrant:
    """The answer of SendBudget.take: granted, or how long to wait and whose limit refused (the chat's or the bot's)."""

    granted: bool
    wait_s: float = 0.0
    by_chat: bool = False
    overtaken: bool = False  # the status message already got further: skip this send for good


class SendBudget(Protocol):
    """A chat platform's send budget, shared by every process of the bot: the bot's overall rate and each chat's
    pace, 429 pauses, and how far each status message has got (so it only moves forward)."""

    async def take(
        self, chat: str, pace: Pace, spare_s: float = 0.0, status: str | None = None, rank: int = 0
    ) -> SendGrant:
        """Take one send for `chat` when both the bot's budget and the chat's pace allow it now; nothing is taken
        when refused. `spare_s` > 0 takes only budget the bot has left unused for that long (progress).

        With `status`, the send moves that status message to `rank` (recorded when granted, as `advance` does);
        when a higher rank was recorded it is refused as `overtaken`, in the same round trip."""
        ...

    async def pause(self, chat: str | None, seconds: float) -> None:
        """A 429's retry_after: nothing more for the chat (None: for the whole bot) for `seconds`; afterwards the
        chat goes on at its pace without a burst."""
        ...

    async def advance(self, key: str, rank: int) -> bool:
        """Record that status `key` reaches `rank`; False (nothing recorded) when a higher rank was recorded."""
        ...


@dataclass(frozen=True)
class Job:
    """A claimed queue entry; `ack` it once the generation is settled and delivered."""

    ref: str
    generation_id: str


class JobQueue(Protocol):
    async def put(self, generation_id: str) -> None:
        """Queue a generation; a no-op while a job for the same generation is still pending (not yet acked)."""
        ...

    async def take(self) -> Job:
        """Wait for the next job (including jobs a dead worker left unacknowledged)."""
        ...

    async def ack(self, job: Job) -> None: ...


@dataclass(frozen=True)
class Notice:
    """A message for a person outside a command's reply (payment arrived, credits taken back)."""

    key: str
    params: dict[str, Any]


@dataclass(frozen=True)
class StoredImage:
    key: str
    data: bytes


@dataclass(frozen=True)
class ResultImages:
    """A result's images by key. A messenger reads them from the BlobStore only when it is about to send them,
    so results waiting for their turn hold no image bytes (memory stays flat under a crowd)."""

    keys: tuple[str, ...]
    blobs: BlobStore

    def __len__(self) -> int:
        return len(self.keys)

    async def read(self) -> list[StoredImage]:
        return [StoredImage(key=key, data=await self.blobs.get(key)) for key in self.keys]


class Messenger(Protocol):
    """Outbound chat: progress, results and notices, sent to a stored target by any process."""

    async def progress(self, generation: Generation, stage: str, done: int, locale: str) -> None: ...

    async def queued(self, generation: Generation, spot: QueueSpot, locale: str) -> None:
        """A waiting generation's place in line changed: show it (low priority; only the latest one matters)."""
        ...

    async def deliver(self, generation: Generation, images: ResultImages, balance: Balance | None, locale: str) -> None:
        """`balance` is None when the target is shared with others (a group): then no personal figures."""
        ...

    async def tidy(self, generation: Generation, locale: str) -> None:
        """After a result was sent and marked delivered: remove the status message and such (best effort).

        Kept out of `deliver` so the window in which a crash resends a result is one Store write long.
        """
        ...

    async def failed(self, generation: Generation, locale: str) -> None: ...

    async def notify(self, identity: Identity, notice: Notice, locale: str) -> bool:
        """Best effort; False when the person cannot be reached."""
        ...


class PaymentProvider(Protocol):
    async def checkout_url(self, product: Product, account: Account, request_id: str, platform: str) -> str: ...

    async def portal_url(self, customer_id: str) -> str: ...

    async def cancel_subscription(self, subscription_id: str) -> None: ...


class Metrics(Protocol):
    """Operational figures for the operator's dashboards, by name from `core.metrics.CATALOGUE` (which also says
    each one's kind and labels). Reporting never fails the caller: an unknown name or label set is only logged."""

    def count(self, name: str, amount: float = 1.0, **labels: str) -> None:
        """Add to a counter (`…_total`)."""
        ...

    def observe(self, name: str, value: float, **labels: str) -> None:
        """Record one value of a histogram (durations in seconds: `…_seconds`)."""
        ...

    def set(self, name: str, value: float, **labels: str) -> None:
        """Set a gauge to its current value."""
        ...
