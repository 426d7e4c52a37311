"""The Store's money part: holds, provider task slots, settlement, delivery claims, balances and the ledger."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from core.errors import DomainError, ErrorCode
from core.models import (
    Account,
    Balance,
    DeliveryTarget,
    Generation,
    GenerationRequest,
    GenerationStatus,
    Hold,
    LedgerEntry,
    LedgerKind,
)
from core.quota import free_left, plan_hold


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


@dataclass(frozen=True)
class Settled:
    """What `settle` did: `won` when this call settled the generation (False: it was already finished, or is
    unknown), and the generation as it is afterwards (None: unknown, e.g. deleted with its account)."""

    won: bool
    generation: Generation | None


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

    async def settle(
        self, generation_id: str, settlement: Settlement, now: datetime, claim_until: datetime | None = None
    ) -> Settled:
        """Compare-and-set an unfinished generation to succeeded/failed, writing capture/refund entries, and
        return it as it is afterwards (the caller delivers it without reading it again).

        Not `won` (and nothing written) if it was already finished. With `claim_until`, a winning call also takes
        the delivery claim until then in the same step (as `claim_delivery` would): the worker that settles is the
        one that sends the result, without a second round trip.
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

    async def generation_and_owner(self, generation_id: str) -> tuple[Generation, Account] | None:
        """The generation and its account, read together in one round trip (a worker needs both: the owner's
        locale and settings, and the deletion fence); None when either is unknown."""
        ...

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
