"""In-memory fakes of the core ports, for unit tests of the use-cases (state you can assert on, no I/O)."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

from core.abuse import AbuseMemory
from core.announcements import Reach
from core.audit import AuditEntry
from core.errors import DomainError, ErrorCode, ProviderBusy, ProviderError
from core.models import (
    FIRST_VERSIONS,
    Account,
    Balance,
    ConsentRecord,
    ConsentVersions,
    Generation,
    GenerationStatus,
    Identity,
    ImageSpec,
    LedgerEntry,
    LedgerKind,
    ModerationDecision,
    ModerationResult,
    Payment,
    PlanFields,
    Product,
    SettingsChange,
    TaskRef,
    TaskState,
    TaskStatus,
)
from core.ports import (
    LostTasks,
    Notice,
    QueueSpot,
    Ready,
    ReserveRequest,
    ResultImages,
    Settled,
    Settlement,
    StoredImage,
)
from core.quota import free_left, plan_settlement
from tests.fakes.admin_store import FakeAdmin
from tests.fakes.announcements import FakeAnnouncements
from tests.fakes.store_linking import FakeLinking

UNFINISHED = (GenerationStatus.QUEUED, GenerationStatus.RUNNING)
_Row = TypeVar("_Row", Generation, Payment)


class FakeClock:
    def __init__(self, start: datetime = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)) -> None:
        self.current = start

    def now(self) -> datetime:
        return self.current

    def advance(self, seconds: float) -> None:
        self.current += timedelta(seconds=seconds)


class FakeStore(FakeLinking, FakeAdmin, FakeAnnouncements):
    """The Store's semantics in dicts; every method body runs without awaiting, so each is atomic."""

    def __init__(self) -> None:
        FakeLinking.__init__(self)
        FakeAnnouncements.__init__(self)
        self.accounts: dict[str, Account] = {}
        self.identity_map: dict[Identity, str] = {}
        self.generations_by_id: dict[str, Generation] = {}
        self.delivery_claims: dict[str, datetime] = {}
        self.entries: list[LedgerEntry] = []
        self.payment_rows: list[Payment] = []
        self.events: set[tuple[str, str]] = set()
        self.abuse_memory: dict[str, AbuseMemory] = {}
        self.consent_rows: dict[str, list[ConsentRecord]] = {}
        self.audit_entries: list[AuditEntry] = []
        self._ids = itertools.count(1)

    async def ping(self) -> None:
        return None

    async def find_account(self, identity: Identity) -> Account | None:
        account_id = self.identity_map.get(identity)
        return self.accounts.get(account_id) if account_id else None

    async def get_account(self, account_id: str) -> Account | None:
        return self.accounts.get(self.aliases.get(account_id, account_id))

    async def account_by_subscription(self, subscription_id: str) -> Account | None:
        return next((a for a in self.accounts.values() if a.subscription_id == subscription_id), None)

    async def create_account(
        self, identity: Identity, display_name: str, locale: str, now: datetime, digest: str = ""
    ) -> Account:
        if identity in self.identity_map:
            return self.accounts[self.identity_map[identity]]
        account = Account(id=f"acc{next(self._ids)}", display_name=display_name, locale=locale or "en", created_at=now)
        self.accounts[account.id] = account
        self.identity_map[identity] = account.id
        memory = self.abuse_memory.pop(digest, None)
        if memory is not None:
            free_used = memory.free_used if memory.free_day == now.date() else 0
            if free_used or memory.debt:
                self._entry(account.id, LedgerKind.ADMIN, -memory.debt, f"carried:{account.id}", now,
                            free=-free_used, day=now.date(), note="carried over from a deleted account")  # fmt: skip
        return account

    async def remember_after_deletion(self, memories: Sequence[AbuseMemory], today: date) -> None:
        self.abuse_memory = {d: m for d, m in self.abuse_memory.items() if m.debt or m.free_day >= today}
        self.abuse_memory.update({m.digest: m for m in memories if m.free_used or m.debt})

    def _change(self, account_id: str, **fields: object) -> Account | None:
        """Change only these fields of the stored account (atomic: no await in between)."""
        account = self.accounts.get(account_id)
        if account is None:
            return None
        changed = account.model_copy(update=fields)
        self.accounts[account_id] = changed
        return changed

    async def update_settings(self, account_id: str, change: SettingsChange) -> Account | None:
        return self._change(account_id, **change.fields())

    async def give_consent(
        self, account_id: str, at: datetime, versions: ConsentVersions = FIRST_VERSIONS
    ) -> Account | None:
        account = self.accounts.get(account_id)
        if account is None:
            return None
        accepted = (account.accepted_terms_version, account.accepted_policy_version)
        if account.has_consented and accepted == (versions.terms, versions.policy):
            return account
        record = ConsentRecord(accepted_at=at, terms_version=versions.terms, policy_version=versions.policy)
        self.consent_rows.setdefault(account_id, []).append(record)
        return self._change(
            account_id,
            consent_at=account.consent_at if account.has_consented else at,
            age_confirmed=True,
            accepted_terms_version=versions.terms,
            accepted_policy_version=versions.policy,
        )

    async def consents(self, account_id: str) -> list[ConsentRecord]:
        return list(self.consent_rows.get(account_id, []))

    async def change_plan(self, account_id: str, before: PlanFields, after: PlanFields) -> bool:
        account = self.accounts.get(account_id)
        if account is None or account.being_deleted or PlanFields.of(account) != before:
            return False
        self._change(account_id, **after.model_dump())
        return True

    async def set_deletion_code(self, account_id: str, code: str | None, expires_at: datetime | None) -> None:
        self._change(account_id, deletion_code=code, deletion_expires_at=expires_at)

    async def begin_deletion(self, account_id: str, code: str, now: datetime) -> Account | None:
        account = self.accounts.get(account_id)
        if account is None or account.deletion_code != code:
            return None
        return self._change(account_id, deleting_at=account.deleting_at or now)

    async def abort_deletion(self, account_id: str) -> None:
        self._change(account_id, deleting_at=None)

    async def identities(self, account_id: str) -> list[Identity]:
        return [i for i, a in self.identity_map.items() if a == account_id]

    async def delete_account(self, account_id: str) -> None:
        self.accounts.pop(account_id, None)
        self.consent_rows.pop(account_id, None)
        self.forget_recipients(account_id)
        self.identity_map = {i: a for i, a in self.identity_map.items() if a != account_id}
        self.generations_by_id = {k: g for k, g in self.generations_by_id.items() if g.account_id != account_id}
        self.entries = [e for e in self.entries if e.account_id != account_id]
        self.payment_rows = [p for p in self.payment_rows if p.account_id != account_id]
        self._forget_links(account_id)
        self._delete_audit(account_id)

    def _money(self, account_id: str, day: date) -> tuple[int, int]:
        mine = [e for e in self.entries if e.account_id == account_id]
        return sum(e.credits for e in mine), -sum(e.free_images for e in mine if e.free_day == day)

    def _entry(
        self,
        account_id: str,
        kind: LedgerKind,
        credits: int,
        key: str,
        now: datetime,
        free: int = 0,
        day: date | None = None,
        generation_id: str | None = None,
        note: str = "",
    ) -> bool:
        if any(e.idempotency_key == key for e in self.entries):
            return False
        self.entries.append(
            LedgerEntry(
                id=next(self._ids),
                account_id=account_id,
                kind=kind,
                credits=credits,
                free_images=free,
                free_day=day,
                idempotency_key=key,
                generation_id=generation_id,
                note=note,
                created_at=now,
            )
        )
        return True

    def _require_account(self, account_id: str) -> None:
        if account_id not in self.accounts:
            raise DomainError(ErrorCode.NOT_FOUND, "account not found")

    async def reserve(self, req: ReserveRequest) -> Generation:
        self._require_account(req.account_id)
        if self.accounts[req.account_id].being_deleted:
            raise DomainError(ErrorCode.ACCOUNT_BEING_DELETED, "account being deleted")
        if req.generation_id in self.generations_by_id:
            return self.generations_by_id[req.generation_id]
        mine = [g for g in self.generations_by_id.values() if g.account_id == req.account_id]
        paid, used = self._money(req.account_id, req.day)
        generation = req.decide(sum(g.status in UNFINISHED for g in mine), paid, used)
        hold = generation.hold
        self.generations_by_id[generation.id] = generation
        self._entry(
            req.account_id, LedgerKind.HOLD, -hold.paid_credits, f"hold:{generation.id}", req.now,
            free=-hold.free_images, day=req.day, generation_id=generation.id,
        )  # fmt: skip
        return generation

    async def set_task_id(self, generation_id: str, slot: int, task_id: str, now: datetime) -> None:
        generation = self.generations_by_id.get(generation_id)
        if generation is None or generation.status not in UNFINISHED:
            return
        task_ids = list(generation.task_ids)
        task_ids[slot] = task_id
        status = GenerationStatus.RUNNING if generation.status is GenerationStatus.QUEUED else generation.status
        self.generations_by_id[generation_id] = generation.model_copy(
            update={"task_ids": tuple(task_ids), "status": status, "updated_at": now}
        )

    async def claim_slot(self, generation_id: str, slot: int, now: datetime) -> bool:
        generation = self.generations_by_id.get(generation_id)
        if generation is None or generation.status not in UNFINISHED:
            return False
        account = self.accounts.get(generation.account_id)
        if account is None or account.being_deleted:
            return False
        if slot in generation.creating or generation.task_id(slot):
            return False
        self.generations_by_id[generation_id] = generation.model_copy(
            update={
                "creating": tuple(sorted((*generation.creating, slot))),
                "status": GenerationStatus.RUNNING,
                "updated_at": now,
            }
        )
        return True

    async def adopt_task(self, generation_id: str, slot: int, task_id: str, now: datetime) -> bool:
        generation = self.generations_by_id.get(generation_id)
        if generation is None or generation.status not in UNFINISHED:
            return False
        if slot not in generation.creating or slot >= len(generation.task_ids) or generation.task_id(slot):
            return False
        task_ids = list(generation.task_ids)
        task_ids[slot] = task_id
        self.generations_by_id[generation_id] = generation.model_copy(
            update={"task_ids": tuple(task_ids), "updated_at": now}
        )
        return True

    async def claim_delivery(self, generation_id: str, until: datetime, now: datetime) -> bool:
        generation = self.generations_by_id.get(generation_id)
        if generation is None or not generation.finished or generation.delivered_at is not None:
            return False
        held = self.delivery_claims.get(generation_id)
        if held is not None and held > now:
            return False
        self.delivery_claims[generation_id] = until
        return True

    async def cancel_queued(self, generation_id: str, now: datetime) -> bool:
        generation = self.generations_by_id.get(generation_id)
        if generation is None or generation.status is not GenerationStatus.QUEUED:
            return False
        await self.settle(generation_id, Settlement((), ErrorCode.CANCELLED.value), now)
        return await self.mark_delivered(generation_id, now)

    async def settle(
        self, generation_id: str, settlement: Settlement, now: datetime, claim_until: datetime | None = None
    ) -> Settled:
        generation = self.generations_by_id.get(generation_id)
        if generation is None or generation.status not in UNFINISHED:
            return Settled(False, generation)
        hold = generation.hold
        plan = plan_settlement(hold.free_images, hold.paid_credits, hold.unit_price, len(settlement.image_keys))
        self.generations_by_id[generation_id] = generation.model_copy(
            update={
                "status": GenerationStatus.SUCCEEDED if settlement.image_keys else GenerationStatus.FAILED,
                "image_keys": settlement.image_keys,
                "error_code": settlement.error_code,
                "error_detail": settlement.error_detail,
                "updated_at": now,
            }
        )
        if plan.captured_credits or plan.captured_free:
            self._entry(generation.account_id, LedgerKind.CAPTURE, 0, f"capture:{generation_id}", now,
                        day=hold.free_day, generation_id=generation_id)  # fmt: skip
        if plan.refunded_credits or plan.refunded_free:
            self._entry(generation.account_id, LedgerKind.REFUND, plan.refunded_credits, f"refund:{generation_id}",
                        now, free=plan.refunded_free, day=hold.free_day, generation_id=generation_id)  # fmt: skip
        if claim_until is not None:
            self.delivery_claims[generation_id] = claim_until
        return Settled(True, self.generations_by_id[generation_id])

    async def mark_delivered(self, generation_id: str, now: datetime) -> bool:
        generation = self.generations_by_id.get(generation_id)
        if generation is None or generation.delivered_at is not None:
            return False
        self.generations_by_id[generation_id] = generation.model_copy(update={"delivered_at": now})
        return True

    async def get_generation(self, generation_id: str) -> Generation | None:
        return self.generations_by_id.get(generation_id)

    async def generation_and_owner(self, generation_id: str) -> tuple[Generation, Account] | None:
        generation = self.generations_by_id.get(generation_id)
        account = self.accounts.get(generation.account_id) if generation is not None else None
        return None if generation is None or account is None else (generation, account)

    async def generations(self, account_id: str) -> list[Generation]:
        return _oldest_first(g for g in self.generations_by_id.values() if g.account_id == account_id)

    async def unfinished(self) -> list[Generation]:
        return _oldest_first(
            g for g in self.generations_by_id.values() if g.status in UNFINISHED or g.delivered_at is None
        )

    async def balance(self, account_id: str, day: date, free_per_day: int) -> Balance:
        paid, used = self._money(account_id, day)
        account = self.accounts.get(account_id)
        return Balance(
            free_left=free_left(free_per_day, used),
            free_per_day=free_per_day,
            paid_credits=paid,
            plan=account.plan if account else None,
        )

    async def add_credits(
        self, account_id: str, credits: int, kind: LedgerKind, key: str, note: str, now: datetime
    ) -> bool:
        self._require_account(account_id)
        return self._entry(account_id, kind, credits, key, now, note=note)

    async def ledger(self, account_id: str) -> list[LedgerEntry]:
        return [e for e in self.entries if e.account_id == account_id]

    async def record_payment(self, payment: Payment, kind: LedgerKind, key: str) -> bool:
        self._require_account(payment.account_id)
        if any(p.id == payment.id for p in self.payment_rows):
            return False
        if not self._entry(
            payment.account_id, kind, payment.credits, key, payment.created_at, note=payment.provider_ref
        ):
            return False
        self.payment_rows.append(payment)
        return True

    async def payments(self, account_id: str) -> list[Payment]:
        return _oldest_first(p for p in self.payment_rows if p.account_id == account_id)

    async def find_payment(self, provider: str, provider_ref: str) -> Payment | None:
        found = _oldest_first(p for p in self.payment_rows if (p.provider, p.provider_ref) == (provider, provider_ref))
        return found[0] if found else None

    async def record_event(self, provider: str, event_id: str, now: datetime) -> bool:
        if (provider, event_id) in self.events:
            return False
        self.events.add((provider, event_id))
        return True


def _oldest_first(rows: Iterable[_Row]) -> list[_Row]:
    """Oldest first, ties by id: the order every Store lists generations and payments in."""
    return sorted(rows, key=lambda row: (row.created_at, row.id))


class FakeBlobStore:
    def __init__(self) -> None:
        self.blobs: dict[str, tuple[bytes, str]] = {}
        self.fail_puts = False

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        if self.fail_puts:
            raise ProviderError(ErrorCode.STORAGE_FAILED, "storage down", retryable=True)
        self.blobs[key] = (data, content_type)

    async def get(self, key: str) -> bytes:
        return self.blobs[key][0]

    async def link(self, key: str, expires_s: int) -> str:
        return f"https://blobs.test/{key}?expires={expires_s}"

    async def delete(self, keys: Sequence[str]) -> None:
        for key in keys:
            self.blobs.pop(key, None)

    async def delete_prefix(self, prefix: str) -> None:
        self.blobs = {k: v for k, v in self.blobs.items() if not k.startswith(f"{prefix}/")}

    async def keys(self, prefix: str) -> list[str]:
        return sorted(k for k in self.blobs if k.startswith(f"{prefix.strip('/')}/"))


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@dataclass
class FakeGenerator:
    """Tasks finish after `polls_needed` status reads; `fail_prompts` fail, `broken` makes submit raise."""

    polls_needed: int = 0
    fail_prompts: set[str] = field(default_factory=set)
    broken: ProviderError | None = None
    never_finishes: bool = False
    lost_tasks: LostTasks = LostTasks.REPORTED
    busy: int = 0  # the next `busy` submits are answered "too many requests" (ProviderBusy)
    submitted: list[ImageSpec] = field(default_factory=list)
    refs: list[TaskRef] = field(default_factory=list)
    polls: dict[str, int] = field(default_factory=dict)

    async def submit(self, spec: ImageSpec, ref: TaskRef) -> str:
        if self.broken is not None:
            raise self.broken
        if self.busy:
            self.busy -= 1
            raise ProviderBusy("429", retry_after_s=0.0)
        self.submitted.append(spec)
        self.refs.append(ref)
        task_id = f"task{len(self.submitted)}"
        self.polls[task_id] = 0
        return task_id

    async def status(self, task_id: str) -> TaskStatus:
        self.polls[task_id] = self.polls.get(task_id, 0) + 1
        spec = self.submitted[int(task_id[4:]) - 1]
        if self.never_finishes or self.polls[task_id] <= self.polls_needed:
            return TaskStatus(task_id=task_id, state=TaskState.RUNNING)
        if spec.prompt in self.fail_prompts:
            return TaskStatus(
                task_id=task_id, state=TaskState.FAILED, error_code="generation_failed", error_detail="boom"
            )
        return TaskStatus(task_id=task_id, state=TaskState.SUCCEEDED, result_urls=(f"https://results.test/{task_id}",))

    async def download(self, task_id: str, url: str) -> bytes:
        return PNG + task_id.encode()


class FakeModerator:
    def __init__(self, denied: set[str] | None = None, down: bool = False) -> None:
        self.denied = denied or set()
        self.down = down
        self.screened: list[str] = []

    async def screen(self, prompt: str, account_id: str) -> ModerationResult:
        if self.down:
            raise ProviderError(ErrorCode.MODERATION_UNAVAILABLE, "down")
        self.screened.append(prompt)
        if any(word in prompt for word in self.denied):
            return ModerationResult(decision=ModerationDecision.DENY, reason="not allowed.")
        return ModerationResult(decision=ModerationDecision.ALLOW)


class FakeSignals:
    """Waiting advances the fake clock instead of sleeping, so deadlines are reached deterministically."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.notified: list[str] = []

    async def expect(self, key: str, for_s: float) -> None:
        return None

    async def wait(self, key: str, timeout_s: float) -> bool:
        self.clock.advance(timeout_s)
        await asyncio.sleep(0)
        return False

    async def notify(self, key: str) -> None:
        self.notified.append(key)


@dataclass
class RecordingMessenger:
    progress_updates: list[tuple[str, str, int]] = field(default_factory=list)
    places: list[tuple[str, QueueSpot]] = field(default_factory=list)
    delivered: list[tuple[Generation, list[StoredImage], Balance]] = field(default_factory=list)
    failures: list[Generation] = field(default_factory=list)
    notices: list[tuple[Identity, Notice]] = field(default_factory=list)
    tidied: list[str] = field(default_factory=list)
    as_files: list[bool] = field(default_factory=list)  # per delivered result: the person wants files, not photos
    broken: bool = False
    announced: list[tuple[Identity, str]] = field(default_factory=list)
    reach: dict[str, Reach] = field(default_factory=dict)  # platform user id → what the platform answers

    async def progress(self, generation: Generation, stage: str, done: int, locale: str) -> None:
        self.progress_updates.append((generation.id, stage, done))

    async def queued(self, generation: Generation, spot: QueueSpot, locale: str) -> None:
        self.places.append((generation.id, spot))

    async def deliver(self, generation: Generation, images: ResultImages, balance: Balance | None, locale: str) -> None:
        if self.broken:
            raise ConnectionError("chat unreachable")
        self.delivered.append((generation, await images.read(), balance))
        self.as_files.append(images.as_files)

    async def tidy(self, generation: Generation, locale: str) -> None:
        self.tidied.append(generation.id)

    async def failed(self, generation: Generation, locale: str) -> None:
        self.failures.append(generation)

    async def notify(self, identity: Identity, notice: Notice, locale: str) -> bool:
        self.notices.append((identity, notice))
        return True

    async def announce(self, identity: Identity, text: str, ready: Ready) -> Reach:
        """Records what a person was sent; `reach` scripts the platform's answer (blocked, refused, …)."""
        reach = self.reach.get(identity.platform_user_id, Reach.SENT)
        if reach is Reach.RETRY:
            return reach
        if not await ready():
            return Reach.NOT_STARTED
        if reach is Reach.SENT:
            self.announced.append((identity, text))
        return reach


class FakePayments:
    def __init__(self) -> None:
        self.checkouts: list[tuple[str, str, str]] = []
        self.cancelled: list[str] = []
        self.down = False

    async def checkout_url(self, product: Product, account: Account, request_id: str, platform: str) -> str:
        if self.down:
            raise ProviderError(ErrorCode.PAYMENTS_UNAVAILABLE, "down")
        self.checkouts.append((account.id, request_id, platform))
        return f"https://pay.test/{request_id}"

    async def portal_url(self, customer_id: str) -> str:
        return f"https://portal.test/{customer_id}"

    async def cancel_subscription(self, subscription_id: str) -> None:
        if self.down:
            raise ProviderError(ErrorCode.PAYMENTS_UNAVAILABLE, "down")
        self.cancelled.append(subscription_id)
