"""Announcements on Supabase: each step one SQL function (`supabase/migrations/…_announcements.sql`) or one
filtered PATCH, so claims are atomic across every process (skip locked)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from adapters.supabase.connection import SupabaseConnection
from core.announcements import Announcement, AnnouncementCopy, AnnouncementProgress, Recipient, RecipientState
from core.models import Identity, Platform


class SupabaseAnnouncements(SupabaseConnection):
    async def record_announcement(self, announcement: Announcement) -> int:
        params = {"p_id": announcement.id, "p_kind": announcement.kind.value, "p_text": announcement.text}
        extra = {"p_created_at": announcement.created_at.isoformat(), "p_created_by": announcement.created_by}
        return int(await self._rpc("record_announcement", {**params, **extra}))

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
        rows = await self._rpc(
            "claim_recipients",
            {
                "p_platforms": [p.value for p in platforms],
                "p_user": platform_user_id,
                "p_limit": limit,
                "p_token": token,
                "p_now": now.isoformat(),
                "p_until": until.isoformat(),
            },
        )
        return [_recipient(row) for row in rows or []]

    async def start_sending(self, announcement_id: str, account_id: str, token: str, until: datetime) -> bool:
        rows = await self._exec(
            lambda: (
                self._sb.table("announcement_recipients")
                .update({"state": RecipientState.SENDING.value, "lease_until": until.isoformat()})
                .eq("announcement_id", announcement_id)
                .eq("account_id", account_id)
                .eq("claimed_by", token)
                .eq("state", RecipientState.CLAIMED.value)
                .execute()
            )
        )
        return bool(rows)

    async def finish_recipient(
        self,
        announcement_id: str,
        account_id: str,
        token: str,
        state: RecipientState,
        now: datetime,
        retry_at: datetime | None = None,
    ) -> bool:
        params = {"p_announcement_id": announcement_id, "p_account_id": account_id, "p_token": token}
        when = {"p_now": now.isoformat(), "p_not_before": retry_at.isoformat() if retry_at else None}
        return bool(await self._rpc("finish_recipient", {**params, "p_state": state.value, **when}))

    async def announcement_copies(self, account_id: str) -> list[AnnouncementCopy]:
        rows = await self._exec(
            lambda: (
                self._sb.table("announcement_recipients")
                .select("announcement_id,state,finished_at,announcements(kind,created_at)")
                .eq("account_id", account_id)
                .execute()
            )
        )
        copies = [AnnouncementCopy.model_validate({**_without(r, "announcements"), **r["announcements"]}) for r in rows]
        return sorted(copies, key=lambda c: (c.created_at, c.announcement_id))

    async def announcement_progress(self, since: datetime, limit: int = 5) -> list[AnnouncementProgress]:
        rows = await self._rpc("announcement_progress", {"p_since": since.isoformat(), "p_limit": limit})
        return [AnnouncementProgress.model_validate(row) for row in rows or []]


def _without(row: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != key}


def _recipient(row: dict[str, Any]) -> Recipient:
    return Recipient(
        announcement=Announcement.model_validate(row["announcement"]),
        account_id=row["account_id"],
        identity=Identity(platform=Platform(row["platform"]), platform_user_id=row["platform_user_id"]),
        attempts=row["attempts"],
    )
