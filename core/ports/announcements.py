"""The Store's announcements part: an announcement and its recipients, claimed in batches and sent once each."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from core.announcements import Announcement, AnnouncementCopy, AnnouncementProgress, Recipient, RecipientState
from core.models import Platform


class AnnouncementStore(Protocol):
    async def record_announcement(self, announcement: Announcement) -> int:
        """Record the announcement and one pending recipient per account (its first identity; accounts being
        deleted are left out), in one transaction; the number of recipients. Recording the same id again adds
        nothing and returns the number recorded then."""
        ...

    async def claim_recipients(
        self,
        platforms: Sequence[Platform],
        limit: int,
        token: str,
        now: datetime,
        until: datetime,
        platform_user_id: str | None = None,
    ) -> list[Recipient]:
        """Atomically take up to `limit` recipients on these platforms (and, if given, that platform user id) for
        `token` until `until`: pending ones whose retry time has come, and claimed ones whose lease expired
        (their process died before sending), oldest announcement first. Two callers never get the same one.

        First, recipients left `sending` past their lease (a process died mid-send) become `uncertain`."""
        ...

    async def start_sending(self, announcement_id: str, account_id: str, token: str, until: datetime) -> bool:
        """Claimed by `token` → sending, just before the platform call; False (nothing changed) when another
        claim took it meanwhile. A recipient still sending after `until` is `uncertain`, never sent again."""
        ...

    async def finish_recipient(
        self,
        announcement_id: str,
        account_id: str,
        token: str,
        state: RecipientState,
        now: datetime,
        retry_at: datetime | None = None,
    ) -> bool:
        """Claimed or sending by `token` → `state` (a final state), or back to pending until `retry_at` when
        `state` is PENDING (one more attempt counted). False when `token` no longer holds it."""
        ...

    async def announcement_copies(self, account_id: str) -> list[AnnouncementCopy]:
        """The person's copies of announcements, oldest first (what /mydata shows of them)."""
        ...

    async def announcement_progress(self, since: datetime, limit: int = 5) -> list[AnnouncementProgress]:
        """The latest `limit` announcements, newest first, with their recipients counted by state and how many
        finished at or after `since`."""
        ...
