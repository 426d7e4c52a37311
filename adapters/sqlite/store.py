"""The Store on a SQLite file (the embedded default): one connection, serialised writes, one transaction each."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import aiosqlite

from adapters.sqlite import slots
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
    LedgerEntry,
    LedgerKind,
    Payment,
    PlanFields,
    Platform,
    SettingsChange,
)
from core.ports import ReserveRequest, Settlement
from core.quota import free_left, plan_settlement

SCHEMA = (Path(__file__).parent / "schema.sql").read_text()
ACCOUNT_FIELDS = tuple(Account.model_fields)
UNFINISHED = (GenerationStatus.QUEUED.value, GenerationStatus.RUNNING.value)
CARRIED_NOTE = "carried over from a deleted account"
CHECKPOINT_RETRY_S = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0)

log = logging.getLogger(__name__)


class SqliteStore:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        self._lock = asyncio.Lock()

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
        await _upgrade(db)
        await slots.add_missing_columns(db)
        store = cls(db)
        await store._truncate_wal()  # a crash between a deletion and its checkpoint left old pages in the WAL
        return store

    async def close(self) -> None:
        await self._db.close()

    async def ping(self) -> None:
        await self._db.execute("select 1")

    @asynccontextmanager
    async def _tx(self) -> AsyncIterator[aiosqlite.Connection]:
        """One write transaction at a time: BEGIN IMMEDIATE makes other processes wait too."""
        async with self._lock:
            await self._db.execute("begin immediate")
            try:
                yield self._db
            except BaseException:
                await self._db.execute("rollback")
                raise
            await self._db.execute("commit")

    async def _all(self, sql: str, *args: Any) -> list[aiosqlite.Row]:
        async with self._db.execute(sql, args) as cursor:
            return list(await cursor.fetchall())

    async def _one(self, sql: str, *args: Any) -> aiosqlite.Row | None:
        async with self._db.execute(sql, args) as cursor:
            return await cursor.fetchone()

    # --- accounts ---------------------------------------------------------------------------------------------

    async def find_account(self, identity: Identity) -> Account | None:
        row = await self._one(
            "select a.* from accounts a join identities i on i.account_id = a.id "
            "where i.platform = ? and i.platform_user_id = ?",
            identity.platform.value,
            identity.platform_user_id,
        )
        return _account(row) if row else None

    async def get_account(self, account_id: str) -> Account | None:
        row = await self._one("select * from accounts where id = ?", account_id)
        return _account(row) if row else None

    async def account_by_subscription(self, subscription_id: str) -> Account | None:
        row = await self._one("select * from accounts where subscription_id = ? limit 1", subscription_id)
        return _account(row) if row else None

    async def create_account(
        self, identity: Identity, display_name: str, locale: str, now: datetime, digest: str = ""
    ) -> Account:
        async with self._tx() as db:
            row = await self._one(
                "select account_id from identities where platform = ? and platform_user_id = ?",
                identity.platform.value,
                identity.platform_user_id,
            )
            if row is None:
                account = Account(id=_new_id(), display_name=display_name, locale=locale or "en", created_at=now)
                await _insert_account(db, account)
                await db.execute(
                    "insert into identities (platform, platform_user_id, account_id, created_at) values (?, ?, ?, ?)",
                    (identity.platform.value, identity.platform_user_id, account.id, now.isoformat()),
                )
                if digest:
                    await self._carry_over(db, account.id, digest, now)
                return account
        found = await self.get_account(row["account_id"])
        assert found is not None
        return found

    async def _carry_over(self, db: aiosqlite.Connection, account_id: str, digest: str, now: datetime) -> None:
        """Take over, once, what a deleted account of this identity left: today's free use and any debt."""
        memory = await self._one("delete from abuse_memory where digest = ? returning *", digest)
        if memory is None:
            return
        today = now.date()
        free_used = memory["free_used"] if memory["free_day"] == today.isoformat() else 0
        if free_used or memory["debt"]:
            await _insert_entry(
                db, account_id, LedgerKind.ADMIN, -memory["debt"], -free_used, today, f"carried:{account_id}",
                None, CARRIED_NOTE, now,
            )  # fmt: skip

    async def remember_after_deletion(self, memories: Sequence[AbuseMemory], today: date) -> None:
        async with self._tx() as db:
            await db.execute("delete from abuse_memory where debt = 0 and free_day < ?", (today.isoformat(),))
            for m in memories:
                if m.free_used or m.debt:
                    await db.execute(
                        "insert or replace into abuse_memory (digest, free_day, free_used, debt) values (?, ?, ?, ?)",
                        (m.digest, m.free_day.isoformat(), m.free_used, m.debt),
                    )

    async def update_settings(self, account_id: str, change: SettingsChange) -> Account | None:
        fields = {k: int(v) if isinstance(v, bool) else v for k, v in change.fields().items()}
        if not fields:
            return await self.get_account(account_id)
        sets = ", ".join(f"{name} = ?" for name in fields)
        return await self._update_returning(f"update accounts set {sets} where id = ?", *fields.values(), account_id)

    async def give_consent(self, account_id: str, at: datetime) -> Account | None:
        return await self._update_returning(
            "update accounts set consent_at = case when consent_at is null or not age_confirmed then ? "
            "else consent_at end, age_confirmed = 1 where id = ?",
            at.isoformat(),
            account_id,
        )

    async def change_plan(self, account_id: str, before: PlanFields, after: PlanFields) -> bool:
        fields = tuple(PlanFields.model_fields)
        old, new = before.model_dump(mode="json"), after.model_dump(mode="json")
        return await self._update(
            f"update accounts set {', '.join(f'{f} = ?' for f in fields)} where id = ? and deleting_at is null "
            f"and {' and '.join(f'{f} is ?' for f in fields)}",
            *(new[f] for f in fields),
            account_id,
            *(old[f] for f in fields),
        )

    async def set_deletion_code(self, account_id: str, code: str | None, expires_at: datetime | None) -> None:
        await self._update(
            "update accounts set deletion_code = ?, deletion_expires_at = ? where id = ?",
            code,
            expires_at.isoformat() if expires_at else None,
            account_id,
        )

    async def begin_deletion(self, account_id: str, code: str, now: datetime) -> Account | None:
        return await self._update_returning(
            "update accounts set deleting_at = coalesce(deleting_at, ?) where id = ? and deletion_code = ?",
            now.isoformat(),
            account_id,
            code,
        )

    async def abort_deletion(self, account_id: str) -> None:
        await self._update("update accounts set deleting_at = null where id = ?", account_id)

    async def _update(self, sql: str, *args: Any) -> bool:
        """One UPDATE statement (its own transaction): only the columns it names change."""
        async with self._tx() as db:
            cursor = await db.execute(sql, args)
            return cursor.rowcount == 1

    async def _update_returning(self, sql: str, *args: Any) -> Account | None:
        async with self._tx():
            row = await self._one(f"{sql} returning *", *args)
        return _account(row) if row else None

    async def identities(self, account_id: str) -> list[Identity]:
        rows = await self._all(
            "select platform, platform_user_id from identities where account_id = ? order by created_at", account_id
        )
        return [Identity(platform=Platform(r["platform"]), platform_user_id=r["platform_user_id"]) for r in rows]

    async def delete_account(self, account_id: str) -> None:
        """Delete the rows, then copy the zeroed pages into the file and truncate the WAL: the old page images
        in `-wal` still hold the prompts and ids until a checkpoint, even while the bot keeps running."""
        async with self._tx() as db:
            await db.execute("delete from accounts where id = ?", (account_id,))
        await self._truncate_wal()

    async def _truncate_wal(self) -> None:
        """Checkpoint everything and empty the WAL; a reader still open elsewhere makes it busy, so try again."""
        for delay in CHECKPOINT_RETRY_S:
            try:
                async with self._lock:
                    row = await self._one("pragma wal_checkpoint(truncate)")
                if row is None or row[0] == 0:
                    return
            except sqlite3.OperationalError:  # "table is locked": a read of this connection is still open
                pass
            await asyncio.sleep(delay)
        log.warning("the WAL could not be truncated after a deletion; it will be at the next checkpoint")

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
            await _insert_entry(
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

    async def _money(self, account_id: str, day: date) -> tuple[int, int]:
        row = await self._one(
            "select coalesce(sum(credits), 0) as paid, "
            "coalesce(-sum(case when free_day = ? then free_images else 0 end), 0) as used "
            "from ledger where account_id = ?",
            day.isoformat(),
            account_id,
        )
        assert row is not None
        return int(row["paid"]), int(row["used"])

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

    async def settle(self, generation_id: str, settlement: Settlement, now: datetime) -> bool:
        async with self._tx() as db:
            row = await self._one("select * from generations where id = ?", generation_id)
            if row is None or row["status"] not in UNFINISHED:
                return False
            generation = _generation(row)
            hold = generation.hold
            plan = plan_settlement(hold.free_images, hold.paid_credits, hold.unit_price, len(settlement.image_keys))
            status = GenerationStatus.SUCCEEDED if settlement.image_keys else GenerationStatus.FAILED
            await db.execute(
                "update generations set status = ?, image_keys = ?, error_code = ?, error_detail = ?, updated_at = ? "
                "where id = ? and status in (?, ?)",
                (
                    status.value,
                    json.dumps(list(settlement.image_keys)),
                    settlement.error_code,
                    settlement.error_detail,
                    now.isoformat(),
                    generation_id,
                    *UNFINISHED,
                ),
            )
            account = generation.account_id
            if plan.captured_credits or plan.captured_free:
                note = f"{plan.captured_credits} credits, {plan.captured_free} free"
                await _insert_entry(
                    db, account, LedgerKind.CAPTURE, 0, 0, hold.free_day, f"capture:{generation_id}",
                    generation_id, note, now,
                )  # fmt: skip
            if plan.refunded_credits or plan.refunded_free:
                await _insert_entry(
                    db, account, LedgerKind.REFUND, plan.refunded_credits, plan.refunded_free, hold.free_day,
                    f"refund:{generation_id}", generation_id, settlement.error_code or "", now,
                )  # fmt: skip
            return True

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
            return await _insert_entry(db, account_id, kind, credits, 0, None, key, None, note, now)

    async def ledger(self, account_id: str) -> list[LedgerEntry]:
        rows = await self._all("select * from ledger where account_id = ? order by id", account_id)
        return [_entry(r) for r in rows]

    # --- payments -------------------------------------------------------------------------------------------------

    async def record_payment(self, payment: Payment, kind: LedgerKind, key: str) -> bool:
        async with self._tx() as db:
            await self._require_account(payment.account_id)
            if await self._one("select 1 from payments where id = ?", payment.id) is not None:
                return False
            credited = await _insert_entry(
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


def _new_id() -> str:
    return uuid.uuid4().hex


async def _insert_entry(
    db: aiosqlite.Connection,
    account_id: str,
    kind: LedgerKind,
    credits: int,
    free_images: int,
    free_day: date | None,
    key: str,
    generation_id: str | None,
    note: str,
    now: datetime,
) -> bool:
    cursor = await db.execute(
        "insert or ignore into ledger (account_id, kind, credits, free_images, free_day, idempotency_key, "
        "generation_id, note, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            account_id,
            kind.value,
            credits,
            free_images,
            free_day.isoformat() if free_day else None,
            key,
            generation_id,
            note,
            now.isoformat(),
        ),
    )
    return cursor.rowcount == 1


ADDED_ACCOUNT_COLUMNS = {"plan_status": "text", "deleting_at": "text"}


async def _upgrade(db: aiosqlite.Connection) -> None:
    """Columns added after a database file was first created (`create table if not exists` leaves it as it was)."""
    async with db.execute("pragma table_info(accounts)") as cursor:
        present = {row["name"] for row in await cursor.fetchall()}
    for column, kind in ADDED_ACCOUNT_COLUMNS.items():
        if column not in present:
            await db.execute(f"alter table accounts add column {column} {kind}")


def _account_values(account: Account) -> dict[str, Any]:
    data = account.model_dump(mode="json")
    return {k: (int(v) if isinstance(v, bool) else v) for k, v in data.items()}


async def _insert_account(db: aiosqlite.Connection, account: Account) -> None:
    values = _account_values(account)
    columns = ", ".join(ACCOUNT_FIELDS)
    marks = ", ".join("?" for _ in ACCOUNT_FIELDS)
    await db.execute(f"insert into accounts ({columns}) values ({marks})", tuple(values[f] for f in ACCOUNT_FIELDS))


def _account(row: aiosqlite.Row) -> Account:
    return Account.model_validate({f: row[f] for f in ACCOUNT_FIELDS})


def _generation(row: aiosqlite.Row) -> Generation:
    return Generation(
        id=row["id"],
        account_id=row["account_id"],
        request=GenerationRequest.model_validate_json(row["request"]),
        status=GenerationStatus(row["status"]),
        hold=Hold.model_validate_json(row["hold"]),
        delivery=DeliveryTarget.model_validate_json(row["delivery"]),
        task_ids=tuple(json.loads(row["task_ids"])),
        creating=tuple(json.loads(row["creating"])),
        image_keys=tuple(json.loads(row["image_keys"])),
        error_code=row["error_code"],
        error_detail=row["error_detail"],
        delivered_at=row["delivered_at"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _entry(row: aiosqlite.Row) -> LedgerEntry:
    return LedgerEntry.model_validate(dict(row))


def _payment(row: aiosqlite.Row) -> Payment:
    return Payment.model_validate(dict(row))
