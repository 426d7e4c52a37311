"""Announcements: the operator records a notice for everyone; the running bot sends each person one copy.

Recording is one Store transaction (the announcement and a recipient per person). Sending is done by every
running process in small claimed batches (`core.announcer`), one recipient at a time through the platform's
lowest send priority. A recipient is marked `sending` just before the platform call, so a crash can leave at most
the few in flight `uncertain` — never sent twice. A policy or terms notice is essential and goes to everyone;
any other honours the notification opt-out.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.announcements import (
    MAX_TEXT_CHARS,
    Announcement,
    AnnouncementKind,
    AnnouncementProgress,
    Reach,
    Recipient,
    RecipientState,
)
from core.consent import Document, changed_documents
from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.languages import reply_locale
from core.models import Account, Platform
from core.texts import t, where_to_read
from core.usecases.accounts import consent_change

log = logging.getLogger(__name__)

SIGNAL = "announcements"  # notified when an announcement is recorded: idle senders start at once
MAX_ATTEMPTS = 5  # sends that reached nothing (the platform not running, flood control beyond its retries)
RETRY_S = (30.0, 120.0, 600.0, 1800.0)
PROGRESS_WINDOW_S = 300.0  # the pace an ETA is estimated from

_DOCUMENT = {AnnouncementKind.POLICY: Document.PRIVACY, AnnouncementKind.TERMS: Document.TERMS}


async def announce(
    deps: Deps, kind: AnnouncementKind, text: str, created_by: str = "", announcement_id: str | None = None
) -> tuple[Announcement, int]:
    """Record an announcement for every person (one copy each); the running bot sends it. Returns it and the
    number of people it is for. Recording the same `announcement_id` again (a retried command) adds nothing."""
    announcement = Announcement(
        id=announcement_id or uuid.uuid4().hex[:12],
        kind=kind,
        text=checked_text(text),
        created_at=deps.clock.now(),
        created_by=created_by,
    )
    recipients = await deps.store.record_announcement(announcement)
    log.info("announcement recorded", extra={"announcement_id": announcement.id, "recipients": recipients})
    await deps.signals.notify(SIGNAL)
    return announcement, recipients


def checked_text(text: str) -> str:
    """The operator's text, trimmed; refused when empty or too long for one message on every platform."""
    text = text.strip()
    if not text:
        raise DomainError(ErrorCode.INVALID_OPTION, "The announcement is empty.")
    if len(text) > MAX_TEXT_CHARS:
        too_long = f"The announcement is too long ({len(text)} characters; at most {MAX_TEXT_CHARS})."
        raise DomainError(ErrorCode.INVALID_OPTION, too_long)
    return text


async def progress(deps: Deps, limit: int = 5) -> list[AnnouncementProgress]:
    """The latest announcements with their recipients by state, newest first (ETA: `eta_s(PROGRESS_WINDOW_S)`)."""
    since = deps.clock.now() - timedelta(seconds=PROGRESS_WINDOW_S)
    return await deps.store.announcement_progress(since, limit)


def announcement_text(announcement: Announcement, account: Account, deps: Deps) -> str:
    """The notice as this person reads it: the operator's text framed in their language, where to read a changed
    document, and (only when it is so for them) that they will be asked to accept it before their next image."""
    locale = reply_locale(account)
    document = _DOCUMENT.get(announcement.kind)
    if document is None:
        return t("announcement.news", locale, text=announcement.text)
    read = where_to_read(consent_change(deps.policy, frozenset({document})), locale)
    text = t(f"announcement.{announcement.kind.value}", locale, text=announcement.text, read=read)
    if document in changed_documents(account, deps.policy.versions):
        text += "\n" + t("announcement_accept_next", locale)
    return text


async def claim(deps: Deps, platforms: Sequence[Platform], limit: int, user: str | None = None) -> Claim:
    """Take a batch of recipients for this process (see `core.announcer`); the claim lasts `announce_lease_s`
    (a process that died holding it leaves it to the others after that)."""
    token = uuid.uuid4().hex
    now = deps.clock.now()
    until = now + timedelta(seconds=deps.policy.announce_lease_s)
    recipients = await deps.store.claim_recipients(platforms, limit, token, now, until, user)
    return Claim(token, recipients)


@dataclass(frozen=True)
class Claim:
    """A batch of recipients held by one token."""

    token: str
    recipients: list[Recipient]


async def deliver(deps: Deps, recipient: Recipient, token: str) -> RecipientState | None:
    """Send one person their copy (or skip it), and record how it went; None when another process holds it."""
    account = await deps.store.get_account(recipient.account_id)
    if account is None or account.being_deleted:
        return await _finish(deps, recipient, token, RecipientState.SKIPPED)
    if not recipient.announcement.kind.essential and account.notifications_opt_out:
        return await _finish(deps, recipient, token, RecipientState.SKIPPED)
    started = False

    async def ready() -> bool:
        nonlocal started
        until = deps.clock.now() + timedelta(seconds=deps.policy.announce_lease_s)
        started = await deps.store.start_sending(recipient.announcement.id, recipient.account_id, token, until)
        return started

    text = announcement_text(recipient.announcement, account, deps)
    try:
        reach = await deps.messenger.announce(recipient.identity, text, ready)
    except Exception:
        log.exception("announcement send failed", extra=_ids(recipient))
        reach = Reach.UNCERTAIN if started else Reach.RETRY
    return await _record(deps, recipient, token, reach)


async def _record(deps: Deps, recipient: Recipient, token: str, reach: Reach) -> RecipientState | None:
    if reach is Reach.NOT_STARTED:
        return None
    if reach is not Reach.RETRY:
        return await _finish(deps, recipient, token, RecipientState(reach.value))
    if recipient.attempts + 1 >= MAX_ATTEMPTS:
        return await _finish(deps, recipient, token, RecipientState.FAILED)
    retry_at = deps.clock.now() + timedelta(seconds=RETRY_S[min(recipient.attempts, len(RETRY_S) - 1)])
    return await _finish(deps, recipient, token, RecipientState.PENDING, retry_at)


async def _finish(
    deps: Deps, recipient: Recipient, token: str, state: RecipientState, retry_at: datetime | None = None
) -> RecipientState | None:
    """Record the outcome (counted in `gib_announcement_recipients_total`); None when another process holds it."""
    announcement_id, account_id = recipient.announcement.id, recipient.account_id
    now = deps.clock.now()
    if not await deps.store.finish_recipient(announcement_id, account_id, token, state, now, retry_at):
        return None
    platform = recipient.identity.platform.value
    deps.metrics.count("gib_announcement_recipients_total", platform=platform, outcome=state.value)
    if state in (RecipientState.BLOCKED, RecipientState.UNCERTAIN, RecipientState.FAILED):
        log.info("announcement not delivered", extra={**_ids(recipient), "state": state.value})
    return state


def _ids(recipient: Recipient) -> dict[str, str]:
    return {"announcement_id": recipient.announcement.id, "account_id": recipient.account_id}
