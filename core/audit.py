"""What the admin tools write and read: the audit log of every admin action, and the service's figures (`/admin stats`).

An audit entry is about one person (`account_id`, deleted with them) or about no one (stats). Its actor is the
admin's own account, or nobody for the operator's shell (`python -m bot admin …`); when an admin deletes their own
account, the entries they wrote stay for the people they concern, with the actor gone (anonymised).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field

from core.models import RESOLUTIONS, Frozen, Resolution


class AuditAction(StrEnum):
    USER = "user"  # an admin looked at the account (balance, plan, generations without prompts, payments)
    PROMPTS = "prompts"  # … and read its prompts too
    GRANT = "grant"
    REVOKE = "revoke"
    BLOCK = "block"
    UNBLOCK = "unblock"
    STATS = "stats"
    ANNOUNCE = "announce"  # a notice to everyone (reason: its kind and the announcement's id)


class AuditEntry(Frozen):
    """One admin action, written once per `key` (derived from the command: a retried update writes nothing new)."""

    key: str
    action: AuditAction
    account_id: str | None = None  # the person it concerns; None: no one (stats)
    actor_account_id: str | None = None  # the admin's account; None: the operator's shell, or an admin since deleted
    channel: str  # where the admin acted: telegram, discord, console, cli
    credits: int = 0  # grant/revoke: the paid credits actually moved (+ granted, - taken)
    requested: int = 0  # grant/revoke: the credits asked for
    reason: str = ""
    at: datetime


class Recorded(Frozen):
    """An admin action as stored: `new` is False when its key was used before (nothing was done again)."""

    entry: AuditEntry
    new: bool


class Window(Frozen):
    """The figures of one time window, defined as the metrics define them (core.metrics.CATALOGUE)."""

    requested: int = 0  # generations accepted (gib_generations_requested_total)
    delivered: int = 0  # finished, every image made (gib_generations_finished_total outcome=delivered)
    partly_refunded: int = 0  # finished, some images made (outcome=partly_refunded)
    refunded: int = 0  # finished, nothing made (outcome=refunded)
    credits_sold: int = 0  # purchases and plan renewals (gib_credits_total kind=granted)
    credits_used: int = 0  # captured by images made (kind=captured)
    credits_refunded: int = 0  # given back for images not made (kind=refunded)
    free_used: int = 0  # free images captured (gib_free_images_total kind=captured)
    provider_tasks: dict[Resolution, int] = Field(default_factory=lambda: dict.fromkeys(RESOLUTIONS, 0))


class Stats(Frozen):
    """`/admin stats`: computed by the Store with aggregate queries (no row is loaded to count it)."""

    active_today: int = 0  # people who asked for an image since the start of the UTC day
    active_week: int = 0  # … in the last 7 UTC days (today included)
    today: Window = Field(default_factory=Window)
    week: Window = Field(default_factory=Window)
    queued: int = 0  # waiting in the queue (gib_queue_depth)
    running: int = 0  # being made (gib_generations_in_flight status=running)
    undelivered: int = 0  # finished, result not yet sent (status=succeeded|failed)
    accounts_in_flight: int = 0  # accounts with work in flight (gib_active_accounts)
