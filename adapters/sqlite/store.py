"""The Store on a SQLite file (the embedded default): one connection, serialised writes, one transaction each."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import aiosqlite

from adapters.sqlite import linking, slots
from adapters.sqlite.accounts import SqliteAccounts
from adapters.sqlite.admin import SqliteAdmin
from adapters.sqlite.announcements import SqliteAnnouncements
from adapters.sqlite.linking import SqliteLinking
from adapters.sqlite.rows import generation_from as _generation
from adapters.sqlite.rows import insert_entry, upgrade_accounts
from core.errors import DomainError, ErrorCode
from core.models import (
    Account,
    Balance,
    Generation,
    GenerationStatus,
    LedgerEntry,
    LedgerKind,
    Payment,
)
from core.ports import ReserveRequest, Settled, Settlement
from core.quota import free_left, plan_settlement

SCHEMA = (Path(__file__).parent / "schema.sql").read_text()
UNFINISHED = (GenerationStatus.QUEUED.value, GenerationStatus.RUNNING.value)


class SqliteStore(SqliteLinking, SqliteAccounts, SqliteAdmin, SqliteAnnouncements):
    """core.ports.Store on one SQLite file; accounts are in adapters/sqlite/accounts.py, linking in linking.py,
    the admin tools in admin.py, announcements in announcements.py, slots in slots.py."""

    @classmethod
    async def open(cls, path: Path | str) -> SqliteStore:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(str(path), isolation_level=None)
        db.row_factory = aiosqlite.Row
        await db.execute("pragma secure_delete = on")  # deleted rows are overwritten, not left in free space
        await db.execute("pragma journal_mode = wal")
        await db.execute("pragma foreign_keys = on")
        await db.execute("pragma busy_timeout = 5000")
        await db.executescript(SCHEMA)
        await upgrade_accounts(db)
        await slots.add_missing_columns(db)
        await linking.add_missing_columns(db)
        store = cls(db)
        await store._truncate_wal()  # a crash between a deletion and its checkpoint left old pages in the WAL
        return store

    # --- money and generations ----------------------------------------------------------------------------------

    async def reserve(self, req: ReserveRequest) -> Generation:
        async with self._tx() as db:
            await self._require_account(req.account_id, fenced=True)
            existing = await self._one("select * from generations where id = ?", req.generation_id)
            if existing is not None:
                return _generation(existing)
            running = await self._one(
                "select count(*) as n from generations where account_id = ? and status in (?, ?)",
                req.account_id,
                *UNFINISHED,
            )
            paid, used = await self._money(req.account_id, req.day)
            generation = req.decide(running["n"] if running else 0, paid, used)
            hold = generation.hold
            await db.execute(
                "insert into generations (id, account_id, request, status, hold, delivery, task_ids, image_keys, "
                "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, '[]', ?, ?)",
                (
                    generation.id,
                    generation.account_id,
                    generation.request.model_dump_json(),
                    generation.status.value,
                    hold.model_dump_json(),
                    generation.delivery.model_dump_json(),
                    json.dumps(list(generation.task_ids)),
                    req.now.isoformat(),
                    req.now.isoformat(),
                ),
            )
            await insert_entry(
                db, req.account_id, LedgerKind.HOLD, -hold.paid_credits, -hold.free_images, req.day,
                f"hold:{generation.id}", generation.id, "", req.now,
            )  # fmt: skip
            return generation

    async def _require_account(self, account_id: str, fenced: bool = False) -> None:
        """Money moves only for an existing account (it may have been deleted a moment ago); with `fenced`, only
        for one not being deleted either."""
        row = await self._one("select deleting_at from accounts where id = ?", account_id)
        if row is None:
            raise DomainError(ErrorCode.NOT_FOUND, "account not found")
        if fenced and row["deleting_at"] is not None:
            raise DomainError(ErrorCode.ACCOUNT_BEING_DELETED, "account being deleted")

    async def set_task_id(self, generation_id: str, slot: int, task_id: str, now: datetime) -> None:
        async with self._tx() as db:
            row = await self._one(
                "select task_ids from generations where id = ? and status in (?, ?)", generation_id, *UNFINISHED
            )
            if row is None:
                return
            task_ids = json.loads(row["task_ids"])
            task_ids[slot] = task_id
            await db.execute(
                "update generations set task_ids = ?, status = case when status = ? then ? else status end, "
                "updated_at = ? where id = ?",
                (
                    json.dumps(task_ids),
                    GenerationStatus.QUEUED.value,
                    GenerationStatus.RUNNING.value,
                    now.isoformat(),
                    generation_id,
                ),
            )

    async def claim_slot(self, generation_id: str, slot: int, now: datetime) -> bool:
        async with self._tx() as db:
            return await slots.claim_slot(db, generation_id, slot, now)

    async def adopt_task(self, generation_id: str, slot: int, task_id: str, now: datetime) -> bool:
        async with self._tx() as db:
            return await slots.adopt_task(db, generation_id, slot, task_id, now)

    async def claim_delivery(self, generation_id: str, until: datetime, now: datetime) -> bool:
        async with self._tx() as db:
            return await slots.claim_delivery(db, generation_id, until, now)

    async def cancel_queued(self, generation_id: str, now: datetime) -> bool:
        async with self._tx() as db:
            return await slots.cancel_queued(db, generation_id, now)

    async def settle(
        self, generation_id: str, settlement: Settlement, now: datetime, claim_until: datetime | None = None
    ) -> Settled:
        async with self._tx() as db:
            row = await self._one("select * from generations where id = ?", generation_id)
            if row is None or row["status"] not in UNFINISHED:
                return Settled(False, _generation(row) if row else None)
            generation = _generation(row)
            hold = generation.hold
            plan = plan_settlement(hold.free_images, hold.paid_credits, hold.unit_price, len(settlement.image_keys))
            status = GenerationStatus.SUCCEEDED if settlement.image_keys else GenerationStatus.FAILED
            await db.execute(
                "update generations set status = ?, image_keys = ?, error_code = ?, error_detail = ?, updated_at = ?, "
                "delivering_until = coalesce(?, delivering_until) where id = ? and status in (?, ?)",
                (
                    status.value,
                    json.dumps(list(settlement.image_keys)),
                    settlement.error_code,
                    settlement.error_detail,
                    now.isoformat(),
                    claim_until.isoformat() if claim_until else None,
                    generation_id,
                    *UNFINISHED,
                ),
            )
            account = generation.account_id
            if plan.captured_credits or plan.captured_free:
                note = f"{plan.captured_credits} credits, {plan.captured_free} free"
                await insert_entry(
                    db, account, LedgerKind.CAPTURE, 0, 0, hold.free_day, f"capture:{generation_id}",
                    generation_id, note, now,
                )  # fmt: skip
            if plan.refunded_credits or plan.refunded_free:
                await insert_entry(
                    db, account, LedgerKind.REFUND, plan.refunded_credits, plan.refunded_free, hold.free_day,
                    f"refund:{generation_id}", generation_id, settlement.error_code or "", now,
                )  # fmt: skip
            after = await self._one("select * from generations where id = ?", generation_id)
            return Settled(True, _generation(after) if after else None)

    async def mark_delivered(self, generation_id: str, now: datetime) -> bool:
        async with self._tx() as db:
            cursor = await db.execute(
                "update generations set delivered_at = ? where id = ? and delivered_at is null",
                (now.isoformat(), generation_id),
            )
            return cursor.rowcount == 1

    async def get_generation(self, generation_id: str) -> Generation | None:
        row = await self._one("select * from generations where id = ?", generation_id)
        return _generation(row) if row else None

    async def generation_and_owner(self, generation_id: str) -> tuple[Generation, Account] | None:
        generation = await self.get_generation(generation_id)  # one connection, no network: two reads cost little
        account = await self.get_account(generation.account_id) if generation else None
        return None if generation is None or account is None else (generation, account)

    async def generations(self, account_id: str) -> list[Generation]:
        rows = await self._all("select * from generations where account_id = ? order by created_at, id", account_id)
        return [_generation(r) for r in rows]

    async def unfinished(self) -> list[Generation]:
        rows = await self._all(
            "select * from generations where status in (?, ?) or delivered_at is null order by created_at, id",
            *UNFINISHED,
        )
        return [_generation(r) for r in rows]

    async def balance(self, account_id: str, day: date, free_per_day: int) -> Balance:
        paid, used = await self._money(account_id, day)
        account = await self._one("select plan from accounts where id = ?", account_id)
        return Balance(
            free_left=free_left(free_per_day, used),
            free_per_day=free_per_day,
            paid_credits=paid,
            plan=account["plan"] if account else None,
        )

    async def add_credits(
        self, account_id: str, credits: int, kind: LedgerKind, key: str, note: str, now: datetime
    ) -> bool:
        async with self._tx() as db:
            await self._require_account(account_id)
            return await insert_entry(db, account_id, kind, credits, 0, None, key, None, note, now)

    async def ledger(self, account_id: str) -> list[LedgerEntry]:
        rows = await self._all("select * from ledger where account_id = ? order by id", account_id)
        return [_entry(r) for r in rows]

    # --- payments -------------------------------------------------------------------------------------------------

    async def record_payment(self, payment: Payment, kind: LedgerKind, key: str) -> bool:
        async with self._tx() as db:
            await self._require_account(payment.account_id)
            if await self._one("select 1 from payments where id = ?", payment.id) is not None:
                return False
            credited = await insert_entry(
                db, payment.account_id, kind, payment.credits, 0, None, key, None, payment.provider_ref,
                payment.created_at,
            )  # fmt: skip
            if not credited:
                return False
            await db.execute(
                "insert into payments (id, account_id, provider, provider_ref, product_id, credits, status, "
                "created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    payment.id,
                    payment.account_id,
                    payment.provider,
                    payment.provider_ref,
                    payment.product_id,
                    payment.credits,
                    payment.status,
                    payment.created_at.isoformat(),
                ),
            )
            return True

    async def payments(self, account_id: str) -> list[Payment]:
        rows = await self._all("select * from payments where account_id = ? order by created_at, id", account_id)
        return [_payment(r) for r in rows]

    async def find_payment(self, provider: str, provider_ref: str) -> Payment | None:
        """The first payment recorded under this provider reference."""
        row = await self._one(
            "select * from payments where provider = ? and provider_ref = ? order by created_at, id limit 1",
            provider,
            provider_ref,
        )
        return _payment(row) if row else None

    async def record_event(self, provider: str, event_id: str, now: datetime) -> bool:
        async with self._tx() as db:
            cursor = await db.execute(
                "insert or ignore into webhook_events (provider, event_id, processed_at) values (?, ?, ?)",
                (provider, event_id, now.isoformat()),
            )
            return cursor.rowcount == 1


def _entry(row: aiosqlite.Row) -> LedgerEntry:
    return LedgerEntry.model_validate(dict(row))


def _payment(row: aiosqlite.Row) -> Payment:
    return Payment.model_validate(dict(row))
