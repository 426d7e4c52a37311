"""The Store's announcements part in memory (FakeStore inherits it): recipients claimed, sent and counted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from core.announcements import Announcement, AnnouncementCopy, AnnouncementProgress, Recipient, RecipientState
from core.models import Account, Identity, Platform


@dataclass
class _Recipient:
    """One recipient row of the fake's announcements."""

    account_id: str
    identity: Identity
    state: RecipientState = RecipientState.PENDING
    token: str | None = None
    lease_until: datetime | None = None
    not_before: datetime | None = None
    attempts: int = 0
    finished_at: datetime | None = None


class FakeAnnouncements:
    """The Store's announcements part in dicts (each method runs without awaiting, so it is atomic)."""

    accounts: dict[str, Account]
    identity_map: dict[Identity, str]

    def __init__(self) -> None:
        self._announcements: dict[str, Announcement] = {}
        self._recipients: dict[str, dict[str, _Recipient]] = {}  # announcement id → account id → its copy

    def _announcement_tables(self) -> tuple[dict[str, Announcement], dict[str, dict[str, _Recipient]]]:
        return self._announcements, self._recipients

    async def record_announcement(self, announcement: Announcement) -> int:
        announcements, recipients = self._announcement_tables()
        if announcement.id not in announcements:
            announcements[announcement.id] = announcement
            firsts: dict[str, Identity] = {}
            for identity, account_id in self.identity_map.items():  # in order of creation
                if not self.accounts[account_id].being_deleted:
                    firsts.setdefault(account_id, identity)
            recipients[announcement.id] = {a: _Recipient(a, i) for a, i in firsts.items()}
        return len(recipients[announcement.id])

    async def claim_recipients(
        self,
        platforms: Sequence[Platform],
        limit: int,
        token: str,
        now: datetime,
        until: datetime,
        platform_user_id: str | None = None,
    ) -> list[Recipient]:
        announcements, recipients = self._announcement_tables()
        claimed: list[Recipient] = []
        for announcement in sorted(announcements.values(), key=lambda a: a.created_at):
            for row in recipients[announcement.id].values():
                if row.state is RecipientState.SENDING and row.lease_until and row.lease_until < now:
                    row.state, row.finished_at = RecipientState.UNCERTAIN, now
                if len(claimed) >= limit or not _claimable(row, now):
                    continue
                if row.identity.platform not in platforms or platform_user_id not in (
                    None,
                    row.identity.platform_user_id,
                ):
                    continue
                row.state, row.token, row.lease_until = RecipientState.CLAIMED, token, until
                claimed.append(Recipient(announcement=announcement, account_id=row.account_id, identity=row.identity,
                                         attempts=row.attempts))  # fmt: skip
        return claimed

    async def start_sending(self, announcement_id: str, account_id: str, token: str, until: datetime) -> bool:
        row = self._announcement_tables()[1].get(announcement_id, {}).get(account_id)
        if row is None or row.token != token or row.state is not RecipientState.CLAIMED:
            return False
        row.state, row.lease_until = RecipientState.SENDING, until
        return True

    async def finish_recipient(
        self,
        announcement_id: str,
        account_id: str,
        token: str,
        state: RecipientState,
        now: datetime,
        retry_at: datetime | None = None,
    ) -> bool:
        row = self._announcement_tables()[1].get(announcement_id, {}).get(account_id)
        if row is None or row.token != token or row.state not in (RecipientState.CLAIMED, RecipientState.SENDING):
            return False
        if state is RecipientState.PENDING:
            row.state, row.token, row.not_before, row.attempts = state, None, retry_at, row.attempts + 1
        else:
            row.state, row.finished_at = state, now
        return True

    async def announcement_progress(self, since: datetime, limit: int = 5) -> list[AnnouncementProgress]:
        announcements, recipients = self._announcement_tables()
        latest = sorted(announcements.values(), key=lambda a: a.created_at, reverse=True)[:limit]
        return [
            AnnouncementProgress(
                announcement=a,
                counts=dict(Counter(r.state for r in recipients[a.id].values())),
                recent=sum(1 for r in recipients[a.id].values() if r.finished_at and r.finished_at >= since),
            )
            for a in latest
        ]

    async def announcement_copies(self, account_id: str) -> list[AnnouncementCopy]:
        announcements, recipients = self._announcement_tables()
        return [
            AnnouncementCopy(
                announcement_id=a.id, kind=a.kind, created_at=a.created_at, state=row.state, finished_at=row.finished_at
            )
            for a in sorted(announcements.values(), key=lambda a: a.created_at)
            if (row := recipients[a.id].get(account_id)) is not None
        ]

    def move_recipients(self, survivor: str, absorbed: str) -> None:
        """A merge (linking): the absorbed account's copies become the survivor's; where both have a copy of one
        announcement, the survivor's stays (as the Store's unique key decides)."""
        for rows in self._announcement_tables()[1].values():
            row = rows.pop(absorbed, None)
            if row is not None and survivor not in rows:
                row.account_id = survivor
                rows[survivor] = row

    def forget_recipients(self, account_id: str) -> None:
        """A deleted account's copies go with it."""
        for rows in self._announcement_tables()[1].values():
            rows.pop(account_id, None)


def _claimable(row: _Recipient, now: datetime) -> bool:
    if row.state is RecipientState.PENDING:
        return row.not_before is None or row.not_before <= now
    return row.state is RecipientState.CLAIMED and row.lease_until is not None and row.lease_until < now
