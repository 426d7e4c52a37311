"""Announcements: one notice from the operator to every person, each sent once, as plain data.

A recipient is one person (account) and the identity the notice goes to. It moves
`pending → claimed → sending → sent | blocked | failed | skipped`; `sending` is written just before the platform
call, so after a crash a recipient left `sending` is `uncertain` and never sent again (no second copy); a
`claimed` one was never sent and goes back to `pending`.
"""

from __future__ import annotations

import math
from datetime import datetime
from enum import StrEnum

from pydantic import Field

from core.models import Frozen, Identity

MAX_TEXT_CHARS = 1700  # the operator's text: with its framing it fits one message everywhere (Discord: 2000)


class AnnouncementKind(StrEnum):
    POLICY = "policy"  # the privacy policy changed (§8: "We will notify you of significant changes")
    TERMS = "terms"  # the terms of use changed
    NEWS = "news"  # anything else: non-essential, honours the notification opt-out (§5)

    @property
    def essential(self) -> bool:
        return self is not AnnouncementKind.NEWS


class Announcement(Frozen):
    id: str
    kind: AnnouncementKind
    text: str
    created_at: datetime
    created_by: str = ""  # who recorded it: "cli", or the admin's identity


class RecipientState(StrEnum):
    PENDING = "pending"
    CLAIMED = "claimed"  # taken by a process in a batch (a lease): nothing sent yet
    SENDING = "sending"  # the platform call is being made
    SENT = "sent"
    BLOCKED = "blocked"  # the person blocked the bot (or the chat is gone): recorded, never retried
    FAILED = "failed"  # refused for good, or still not sent after every attempt
    SKIPPED = "skipped"  # opted out of non-essential messages, or no longer reachable here (account deleted)
    UNCERTAIN = "uncertain"  # a process stopped mid-send: it may have arrived, so it is never sent again

    @property
    def final(self) -> bool:
        return self not in (RecipientState.PENDING, RecipientState.CLAIMED, RecipientState.SENDING)


class Recipient(Frozen):
    """One person's copy of an announcement, as a process claimed it."""

    announcement: Announcement
    account_id: str
    identity: Identity
    attempts: int = 0


class AnnouncementCopy(Frozen):
    """A person's copy of an announcement as kept about them (in their /mydata export)."""

    announcement_id: str
    kind: AnnouncementKind
    created_at: datetime
    state: RecipientState
    finished_at: datetime | None = None


class Reach(StrEnum):
    """What a platform said when asked to deliver one announcement (`Messenger.announce`)."""

    SENT = "sent"
    BLOCKED = "blocked"  # Telegram 403 (blocked, deactivated, kicked); Discord 50007 (cannot send messages)
    FAILED = "failed"  # refused for good (a bad request)
    RETRY = "retry"  # nothing was sent (e.g. the platform is not running here): try again later
    UNCERTAIN = "uncertain"  # the call may have reached the platform (a timeout): not sent again
    NOT_STARTED = "not_started"  # the recipient was no longer ours when its turn came (another process has it)


class AnnouncementProgress(Frozen):
    """Where an announcement stands: recipients by state, and how many finished since the window began."""

    announcement: Announcement
    counts: dict[RecipientState, int] = Field(default_factory=dict)
    recent: int = 0  # recipients finished within the window the progress was read for

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def count(self, *states: RecipientState) -> int:
        return sum(self.counts.get(state, 0) for state in states)

    @property
    def remaining(self) -> int:
        return self.count(RecipientState.PENDING, RecipientState.CLAIMED, RecipientState.SENDING)

    def eta_s(self, window_s: float) -> float | None:
        """Seconds until every remaining recipient is done at the pace of the window; None when nothing moved."""
        if self.remaining == 0:
            return 0.0
        if self.recent <= 0 or window_s <= 0:
            return None
        return math.ceil(self.remaining * window_s / self.recent)
