"""Announcements on SQLite: recording one for everyone, claiming recipients in batches and recording how each
went, each a single transaction (BEGIN IMMEDIATE: other processes on the file wait their turn)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import aiosqlite

from adapters.sqlite.connection import SqliteConnection
from core.announcements import Announcement, AnnouncementCopy, AnnouncementProgress, Recipient, RecipientState
from core.models import Identity, Platform

_CLAIMABLE = (
    "((r.state = 'pending' and (r.not_before is null or r.not_before <= ?)) "
    "or (r.state = 'claimed' and r.lease_until < ?))"
)


class SqliteAnnouncements(SqliteConnection):
    async def record_announcement(self, announcement: Announcement) -> int:
        async with self._tx() as db:
            cursor = await db.execute(
                "insert or ignore into announcements (id, kind, text, created_at, created_by) values (?, ?, ?, ?, ?)",
                (
                    announcement.id,
                    announcement.kind.value,
                    announcement.text,
                    announcement.created_at.isoformat(),
                    announcement.created_by,
                ),
            )
            if cursor.rowcount == 1:
                await db.execute(
                    "insert into announcement_recipients (announcement_id, account_id, platform, platform_user_id) "
                    "select ?, i.account_id, i.platform, i.platform_user_id from identities i "
                    "join accounts a on a.id = i.account_id where a.deleting_at is null and i.rowid = ("
                    "select f.rowid from identities f where f.account_id = i.account_id "
                    "order by f.created_at, f.rowid limit 1)",
                    (announcement.id,),
                )
            row = await self._one(
                "select count(*) as n from announcement_recipients where announcement_id = ?", announcement.id
            )
        return int(row["n"]) if row else 0

    async def claim_recipients(
        self,
        platforms: Sequence[Platform],
        limit: int,
        token: str,
        now: datetime,
        until: datetime,
        platform_user_id: str | None = None,
    ) -> list[Recipient]:
        if not platforms:
            return []
        at = now.isoformat()
        marks = ", ".join("?" for _ in platforms)
        async with self._tx() as db:
            await db.execute(
                "update announcement_recipients set state = 'uncertain', finished_at = ? "
                "where state = 'sending' and lease_until < ?",
                (at, at),
            )
            rows = await self._all(
                "select r.account_id, r.platform, r.platform_user_id, r.attempts, a.* "
                "from announcement_recipients r join announcements a on a.id = r.announcement_id "
                f"where r.platform in ({marks}) and (? is null or r.platform_user_id = ?) and {_CLAIMABLE} "
                "order by a.created_at, a.id, r.account_id limit ?",
                *(p.value for p in platforms), platform_user_id, platform_user_id, at, at, limit,
            )  # fmt: skip
            await db.executemany(
                "update announcement_recipients set state = 'claimed', claimed_by = ?, lease_until = ? "
                "where announcement_id = ? and account_id = ?",
                [(token, until.isoformat(), r["id"], r["account_id"]) for r in rows],
            )
        return [_recipient(r) for r in rows]

    async def start_sending(self, announcement_id: str, account_id: str, token: str, until: datetime) -> bool:
        return await self._update(
            "update announcement_recipients set state = 'sending', lease_until = ? "
            "where announcement_id = ? and account_id = ? and claimed_by = ? and state = 'claimed'",
            until.isoformat(), announcement_id, account_id, token,
        )  # fmt: skip

    async def finish_recipient(
        self,
        announcement_id: str,
        account_id: str,
        token: str,
        state: RecipientState,
        now: datetime,
        retry_at: datetime | None = None,
    ) -> bool:
        held = "where announcement_id = ? and account_id = ? and claimed_by = ? and state in ('claimed', 'sending')"
        if state is RecipientState.PENDING:
            return await self._update(
                "update announcement_recipients set state = 'pending', claimed_by = null, lease_until = null, "
                f"not_before = ?, attempts = attempts + 1 {held}",
                retry_at.isoformat() if retry_at else None, announcement_id, account_id, token,
            )  # fmt: skip
        return await self._update(
            f"update announcement_recipients set state = ?, finished_at = ? {held}",
            state.value, now.isoformat(), announcement_id, account_id, token,
        )  # fmt: skip

    async def announcement_copies(self, account_id: str) -> list[AnnouncementCopy]:
        rows = await self._all(
            "select r.announcement_id, a.kind, a.created_at, r.state, r.finished_at from announcement_recipients r "
            "join announcements a on a.id = r.announcement_id where r.account_id = ? order by a.created_at, a.id",
            account_id,
        )
        return [AnnouncementCopy.model_validate(dict(r)) for r in rows]

    async def announcement_progress(self, since: datetime, limit: int = 5) -> list[AnnouncementProgress]:
        latest = await self._all("select * from announcements order by created_at desc, id limit ?", limit)
        return [await self._progress(row, since) for row in latest]

    async def _progress(self, row: aiosqlite.Row, since: datetime) -> AnnouncementProgress:
        counts = await self._all(
            "select state, count(*) as n from announcement_recipients where announcement_id = ? group by state",
            row["id"],
        )
        recent = await self._one(
            "select count(*) as n from announcement_recipients where announcement_id = ? and finished_at >= ?",
            row["id"],
            since.isoformat(),
        )
        return AnnouncementProgress(
            announcement=_announcement(row),
            counts={RecipientState(c["state"]): c["n"] for c in counts},
            recent=recent["n"] if recent else 0,
        )


def _announcement(row: aiosqlite.Row) -> Announcement:
    return Announcement.model_validate({k: row[k] for k in ("id", "kind", "text", "created_at", "created_by")})


def _recipient(row: aiosqlite.Row) -> Recipient:
    return Recipient(
        announcement=_announcement(row),
        account_id=row["account_id"],
        identity=Identity(platform=Platform(row["platform"]), platform_user_id=row["platform_user_id"]),
        attempts=row["attempts"],
    )
