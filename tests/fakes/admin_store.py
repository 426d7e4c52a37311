"""The admin part of FakeStore (core.ports.AdminStore) in plain Python over its dicts: every method body runs
without awaiting, so each is atomic, and the figures are counted the way the SQL stores aggregate them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from core.audit import AuditAction, AuditEntry, Recorded, Stats, Window
from core.errors import DomainError, ErrorCode
from core.models import Account, Generation, GenerationStatus, LedgerEntry, LedgerKind
from core.quota import plan_settlement

SOLD = (LedgerKind.PURCHASE, LedgerKind.RENEWAL)


class FakeAdmin:
    accounts: dict[str, Account]
    generations_by_id: dict[str, Generation]
    entries: list[LedgerEntry]
    audit_entries: list[AuditEntry]

    _entry: Callable[..., bool]  # FakeStore._entry: append a ledger entry once per key

    def _known(self, entry: AuditEntry) -> Recorded | None:
        """The entry already written under this key (nothing is done again), after checking whom it concerns."""
        if entry.account_id is not None and entry.account_id not in self.accounts:
            raise DomainError(ErrorCode.NOT_FOUND, "account not found")
        found = next((e for e in self.audit_entries if e.key == entry.key), None)
        return Recorded(entry=found, new=False) if found is not None else None

    def _write(self, entry: AuditEntry) -> Recorded:
        self.audit_entries.append(entry)
        return Recorded(entry=entry, new=True)

    async def audit(self, entry: AuditEntry) -> Recorded:
        return self._known(entry) or self._write(entry)

    async def admin_credits(self, entry: AuditEntry) -> Recorded:
        known = self._known(entry)
        if known is not None:
            return known
        assert entry.account_id is not None
        credits = entry.requested
        if credits < 0:
            balance = sum(e.credits for e in self.entries if e.account_id == entry.account_id)
            credits = -min(-credits, max(balance, 0))
        if credits:
            self._entry(entry.account_id, LedgerKind.ADMIN, credits, f"admin:{entry.key}", entry.at, note=entry.reason)
        return self._write(entry.model_copy(update={"credits": credits}))

    async def set_blocked(self, entry: AuditEntry) -> Recorded:
        known = self._known(entry)
        if known is not None:
            return known
        assert entry.account_id is not None
        account = self.accounts[entry.account_id]
        if entry.action is AuditAction.BLOCK:
            change = {"blocked_at": account.blocked_at or entry.at, "blocked_reason": entry.reason}
        else:
            change = {"blocked_at": None, "blocked_reason": ""}
        self.accounts[entry.account_id] = account.model_copy(update=change)
        return self._write(entry)

    async def audit_log(self, account_id: str) -> list[AuditEntry]:
        mine = [e for e in self.audit_entries if account_id in (e.account_id, e.actor_account_id)]
        return sorted(mine, key=lambda e: (e.at, e.key))

    async def latest_generations(self, account_id: str, limit: int) -> list[Generation]:
        mine = [g for g in self.generations_by_id.values() if g.account_id == account_id]
        return sorted(mine, key=lambda g: (g.created_at, g.id), reverse=True)[:limit]

    async def stats(self, today: datetime, week: datetime) -> Stats:
        generations = list(self.generations_by_id.values())
        unfinished = [g for g in generations if not g.finished or g.delivered_at is None]
        return Stats(
            active_today=len({g.account_id for g in generations if g.created_at >= today}),
            active_week=len({g.account_id for g in generations if g.created_at >= week}),
            today=_window(generations, self.entries, today),
            week=_window(generations, self.entries, week),
            queued=sum(g.status is GenerationStatus.QUEUED for g in unfinished),
            running=sum(g.status is GenerationStatus.RUNNING for g in unfinished),
            undelivered=sum(g.finished for g in unfinished),
            accounts_in_flight=len({g.account_id for g in unfinished}),
        )

    def _move_audit(self, survivor: str, absorbed: str) -> None:
        """Part of a merge: entries about or by the absorbed account are the survivor's now."""
        moved = {"account_id": survivor}, {"actor_account_id": survivor}
        self.audit_entries = [
            e.model_copy(update={**(moved[0] if e.account_id == absorbed else {}),
                                 **(moved[1] if e.actor_account_id == absorbed else {})})
            for e in self.audit_entries
        ]  # fmt: skip

    def _delete_audit(self, account_id: str) -> None:
        """Part of delete_account: entries about the person go, entries they wrote as an admin lose their actor."""
        self.audit_entries = [
            e.model_copy(update={"actor_account_id": None}) if e.actor_account_id == account_id else e
            for e in self.audit_entries
            if e.account_id != account_id
        ]


def _window(generations: Iterable[Generation], entries: Iterable[LedgerEntry], since: datetime) -> Window:
    made = [g for g in generations if g.created_at >= since]
    settled = [g for g in generations if g.finished and g.updated_at >= since]
    plans = [
        (g, plan_settlement(g.hold.free_images, g.hold.paid_credits, g.hold.unit_price, len(g.image_keys)))
        for g in settled
    ]
    tasks = dict.fromkeys(("1K", "2K", "4K"), 0)
    for g in made:
        tasks[g.request.resolution] += sum(1 for task in g.task_ids if task)
    return Window(
        requested=len(made),
        delivered=sum(bool(g.image_keys) and len(g.image_keys) >= g.request.count for g in settled),
        partly_refunded=sum(bool(g.image_keys) and len(g.image_keys) < g.request.count for g in settled),
        refunded=sum(not g.image_keys for g in settled),
        credits_sold=sum(e.credits for e in entries if e.kind in SOLD and e.created_at >= since),
        credits_used=sum(p.captured_credits for _, p in plans),
        credits_refunded=sum(p.refunded_credits for _, p in plans),
        free_used=sum(p.captured_free for _, p in plans),
        provider_tasks=tasks,
    )
