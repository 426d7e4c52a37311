"""Accounts on SQLite: each change is one statement (only the fields it names), the deletion fence, and what a
deletion leaves for abuse prevention (core.abuse)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import aiosqlite

from adapters.sqlite.connection import SqliteConnection
from adapters.sqlite.rows import account_from, insert_account, insert_entry, new_id
from core.abuse import AbuseMemory
from core.models import (
    FIRST_VERSIONS,
    Account,
    ConsentRecord,
    ConsentVersions,
    Identity,
    LedgerKind,
    PlanFields,
    Platform,
    SettingsChange,
)

CARRIED_NOTE = "carried over from a deleted account"


class SqliteAccounts(SqliteConnection):
    # --- accounts ---------------------------------------------------------------------------------------------

    async def find_account(self, identity: Identity) -> Account | None:
        row = await self._one(
            "select a.* from accounts a join identities i on i.account_id = a.id "
            "where i.platform = ? and i.platform_user_id = ?",
            identity.platform.value,
            identity.platform_user_id,
        )
        return account_from(row) if row else None

    async def get_account(self, account_id: str) -> Account | None:
        """By id, or by the id of an account merged into it (linking)."""
        row = await self._one(
            "select * from accounts "
            "where id = coalesce((select account_id from account_aliases where merged_id = ?), ?)",
            account_id,
            account_id,
        )
        return account_from(row) if row else None

    async def account_by_subscription(self, subscription_id: str) -> Account | None:
        row = await self._one("select * from accounts where subscription_id = ? limit 1", subscription_id)
        return account_from(row) if row else None

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
                account = Account(id=new_id(), display_name=display_name, locale=locale or "en", created_at=now)
                await insert_account(db, account)
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
            await insert_entry(
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

    async def give_consent(
        self, account_id: str, at: datetime, versions: ConsentVersions = FIRST_VERSIONS
    ) -> Account | None:
        """One transaction: the accepted versions change (unless already these) and the history gains a row."""
        async with self._tx() as db:
            row = await self._one(
                "update accounts set consent_at = case when consent_at is null or not age_confirmed then ? "
                "else consent_at end, age_confirmed = 1, accepted_terms_version = ?, accepted_policy_version = ? "
                "where id = ? and not (consent_at is not null and age_confirmed "
                "and accepted_terms_version is ? and accepted_policy_version is ?) returning *",
                at.isoformat(), versions.terms, versions.policy, account_id, versions.terms, versions.policy,
            )  # fmt: skip
            if row is not None:
                await db.execute(
                    "insert into consents (account_id, accepted_at, terms_version, policy_version) values (?, ?, ?, ?)",
                    (account_id, at.isoformat(), versions.terms, versions.policy),
                )
                return account_from(row)
        return await self.get_account(account_id)

    async def consents(self, account_id: str) -> list[ConsentRecord]:
        rows = await self._all(
            "select accepted_at, terms_version, policy_version from consents where account_id = ? order by id",
            account_id,
        )
        return [ConsentRecord.model_validate(dict(r)) for r in rows]

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
