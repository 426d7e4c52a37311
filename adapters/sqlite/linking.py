"""Linking on SQLite: link codes, joining an identity, merging two accounts in one write transaction (a crash
half-way leaves nothing of it), and detaching an identity."""

from __future__ import annotations

from datetime import date, datetime

import aiosqlite

from adapters.sqlite.connection import SqliteConnection
from adapters.sqlite.rows import insert_entry
from core.models import Identity, LedgerKind, LinkedIdentity, Platform
from core.ports import LinkCode, LinkRequest, LinkResult, LinkStatus, UnlinkStatus

UNFINISHED = ("queued", "running")
PLAN_COLUMNS = ("plan", "plan_status", "subscription_id", "customer_id")
CONSENT_COLUMNS = ("consent_at", "age_confirmed", "accepted_terms_version", "accepted_policy_version")
PLATFORMS = "select platform from identities where account_id = ?"


async def add_missing_columns(db: aiosqlite.Connection) -> None:
    """A file made before linking has identities without their names."""
    async with db.execute("pragma table_info(identities)") as cursor:
        present = {row["name"] for row in await cursor.fetchall()}
    if "label" not in present:
        await db.execute("alter table identities add column label text not null default ''")


class SqliteLinking(SqliteConnection):
    async def save_link_code(self, code: LinkCode, identity: Identity, now: datetime) -> None:
        async with self._tx() as db:
            await db.execute(
                "delete from link_codes where expires_at <= ? or account_id = ?", (now.isoformat(), code.account_id)
            )
            await db.execute(
                "insert into link_codes (code_hash, account_id, platform, label, expires_at) "
                "select ?, ?, ?, ?, ? where exists (select 1 from accounts where id = ?)",
                (code.code_hash, code.account_id, code.platform.value, code.label, code.expires_at.isoformat(),
                 code.account_id),
            )  # fmt: skip
            await _set_label(db, identity, code.label)

    async def find_link_code(self, code_hash: str) -> LinkCode | None:
        row = await self._one("select * from link_codes where code_hash = ?", code_hash)
        if row is None:
            return None
        return LinkCode(
            code_hash=row["code_hash"],
            account_id=row["account_id"],
            platform=Platform(row["platform"]),
            label=row["label"],
            expires_at=datetime.fromisoformat(row["expires_at"]),
            used_at=datetime.fromisoformat(row["used_at"]) if row["used_at"] else None,
        )

    async def link_identity(self, req: LinkRequest) -> LinkResult:
        async with self._tx() as db:
            code = await self._one("select * from link_codes where code_hash = ?", req.code_hash)
            if code is None:
                return LinkResult(LinkStatus.INVALID)
            survivor = str(code["account_id"])
            own = await self._one(
                "select account_id from identities where platform = ? and platform_user_id = ?",
                req.identity.platform.value,
                req.identity.platform_user_id,
            )
            joining = str(own["account_id"]) if own else None
            if joining == survivor:
                return LinkResult(LinkStatus.ALREADY_LINKED, survivor)
            if code["used_at"] is not None or datetime.fromisoformat(code["expires_at"]) <= req.now:
                return LinkResult(LinkStatus.INVALID)
            refusal = await self._refusal(survivor, joining, req.identity)
            if refusal is not None:
                return refusal
            if joining is None:
                await db.execute(
                    "insert into identities (platform, platform_user_id, account_id, created_at) values (?, ?, ?, ?)",
                    (req.identity.platform.value, req.identity.platform_user_id, survivor, req.now.isoformat()),
                )
            else:
                await self._merge(db, survivor, joining, req.day, req.now)
            await _set_label(db, req.identity, req.label)
            await db.execute(
                "update link_codes set used_at = ? where code_hash = ?", (req.now.isoformat(), req.code_hash)
            )
            return LinkResult(LinkStatus.LINKED if joining is None else LinkStatus.MERGED, survivor)

    async def _refusal(self, survivor: str, joining: str | None, identity: Identity) -> LinkResult | None:
        """Why these two cannot be joined (read inside the write transaction), or None."""
        ids = (survivor, joining or survivor)
        accounts = {r["id"]: r for r in await self._all("select * from accounts where id in (?, ?)", *ids)}
        if any(a["deleting_at"] is not None for a in accounts.values()) or len(accounts) < len(set(ids)):
            return LinkResult(LinkStatus.BEING_DELETED)
        held = {r["platform"] for r in await self._all(PLATFORMS, survivor)}
        joining_platforms = [identity.platform.value]
        if joining is not None:
            joining_platforms = [r["platform"] for r in await self._all(PLATFORMS, joining)]
        clash = next((p for p in joining_platforms if p in held), None)
        if clash is not None:
            return LinkResult(LinkStatus.SAME_PLATFORM, survivor, Platform(clash))
        if joining is None:
            return None
        busy = await self._one(
            "select 1 from generations where account_id = ? and status in (?, ?) limit 1", joining, *UNFINISHED
        )
        if busy is not None:
            return LinkResult(LinkStatus.IN_FLIGHT, survivor)
        if accounts[survivor]["subscription_id"] and accounts[joining]["subscription_id"]:
            return LinkResult(LinkStatus.TWO_PLANS, survivor)
        return None

    async def _merge(self, db: aiosqlite.Connection, survivor: str, absorbed: str, day: date, now: datetime) -> None:
        """The absorbed account's balance closes and opens on the survivor, then every row keyed by it moves."""
        used_survivor = (await self._money(survivor, day))[1]
        paid, used = await self._money(absorbed, day)
        extra_free = max(used_survivor, used) - used_survivor
        await insert_entry(db, absorbed, LedgerKind.MERGE, -paid, used, day, f"merge-out:{absorbed}", None,
                           f"merged into {survivor}", now)  # fmt: skip
        await insert_entry(db, survivor, LedgerKind.MERGE, paid, -extra_free, day, f"merge-in:{absorbed}", None,
                           f"merged from {absorbed}", now)  # fmt: skip
        await self._take_over_fields(db, survivor, absorbed)
        await db.execute("delete from link_codes where account_id = ?", (absorbed,))
        await _move_rows(db, survivor, absorbed)
        await db.execute("insert or replace into account_aliases (merged_id, account_id) values (?, ?)",
                         (absorbed, survivor))  # fmt: skip
        await db.execute("delete from accounts where id = ?", (absorbed,))

    async def _take_over_fields(self, db: aiosqlite.Connection, survivor: str, absorbed: str) -> None:
        """The survivor keeps its settings; it takes the plan (if it has none), email and consent it lacks."""
        rows = {r["id"]: r for r in await self._all("select * from accounts where id in (?, ?)", survivor, absorbed)}
        mine, theirs = rows[survivor], rows[absorbed]
        fields: dict[str, object] = {}
        if not mine["subscription_id"] and theirs["subscription_id"]:
            fields.update({c: theirs[c] for c in PLAN_COLUMNS})
        elif not mine["customer_id"] and theirs["customer_id"]:
            fields["customer_id"] = theirs["customer_id"]
        if not mine["email"] and theirs["email"]:
            fields["email"] = theirs["email"]
        if not (mine["consent_at"] and mine["age_confirmed"]) and theirs["consent_at"] and theirs["age_confirmed"]:
            fields.update({c: theirs[c] for c in CONSENT_COLUMNS})
        if fields:
            sets = ", ".join(f"{name} = ?" for name in fields)
            await db.execute(f"update accounts set {sets} where id = ?", (*fields.values(), survivor))

    async def unlink_identity(self, account_id: str, platform: Platform) -> UnlinkStatus:
        async with self._tx() as db:
            account = await self._one("select deleting_at from accounts where id = ?", account_id)
            if account is None:
                return UnlinkStatus.NOT_LINKED
            if account["deleting_at"] is not None:
                return UnlinkStatus.BEING_DELETED
            held = [r["platform"] for r in await self._all(PLATFORMS, account_id)]
            if platform.value not in held:
                return UnlinkStatus.NOT_LINKED
            if all(p == platform.value for p in held):
                return UnlinkStatus.LAST
            await db.execute(
                "delete from identities where account_id = ? and platform = ?", (account_id, platform.value)
            )
            return UnlinkStatus.UNLINKED

    async def merged_ids(self, account_id: str) -> list[str]:
        rows = await self._all(
            "select merged_id from account_aliases where account_id = ? order by merged_id", account_id
        )
        return [str(r["merged_id"]) for r in rows]

    async def linked_identities(self, account_id: str) -> list[LinkedIdentity]:
        rows = await self._all(
            "select * from identities where account_id = ? order by created_at, platform", account_id
        )
        return [
            LinkedIdentity(
                identity=Identity(platform=Platform(r["platform"]), platform_user_id=r["platform_user_id"]),
                label=r["label"],
                linked_at=datetime.fromisoformat(r["created_at"]),
            )
            for r in rows
        ]


async def _set_label(db: aiosqlite.Connection, identity: Identity, label: str) -> None:
    if label:
        await db.execute(
            "update identities set label = ? where platform = ? and platform_user_id = ?",
            (label, identity.platform.value, identity.platform_user_id),
        )


async def _move_rows(db: aiosqlite.Connection, survivor: str, absorbed: str) -> None:
    """Every table with a foreign key to accounts (also those added later) moves its rows to the survivor; a row
    that would duplicate one the survivor already has (a unique key) goes instead."""
    async with db.execute("select name from sqlite_master where type = 'table'") as cursor:
        tables = [row["name"] for row in await cursor.fetchall()]
    for table in tables:
        async with db.execute(f'pragma foreign_key_list("{table}")') as cursor:
            keys = [row["from"] for row in await cursor.fetchall() if row["table"] == "accounts"]
        for column in keys:
            await db.execute(
                f'update or ignore "{table}" set "{column}" = ? where "{column}" = ?', (survivor, absorbed)
            )
            await db.execute(f'delete from "{table}" where "{column}" = ?', (absorbed,))
