"""The admin tools' use-cases: look a person up, grant or take back credits, block or unblock, read the figures.

Every action is written to the audit log under a key derived from the command itself (a retried update or a second
press writes and changes nothing again), with the admin's own account as its actor (None: the operator's shell).
Who may run them is decided by the caller's identity (Policy.is_admin), checked by the one dispatcher that every
chat adapter and the command line go through (adapters.chat.admin).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass
from datetime import timedelta

from core.announcements import Announcement, AnnouncementKind
from core.audit import AuditAction, AuditEntry, Recorded, Stats
from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.models import Account, Balance, Generation, Identity, Payment, Platform
from core.ports import Notice
from core.usecases import announcements, notices, onboarding
from core.usecases.billing import account_balance
from core.validation import UNUSABLE_CHARACTERS

log = logging.getLogger(__name__)

MAX_CREDITS = 1_000_000  # one grant or revoke; a typo must not hand out a fortune
LATEST = 5  # generations shown by /admin user
WEEK_DAYS = 7


@dataclass(frozen=True)
class Actor:
    """Who runs an admin command and from where; `key` is the command's own id (a Telegram chat and message, a
    Discord interaction, a command-line run), so the same command applied twice is applied once."""

    channel: str  # telegram, discord, console, cli
    identity: Identity | None  # None: the operator's shell
    key: str


@dataclass(frozen=True)
class PersonReport:
    """What `/admin user` shows: never a prompt unless asked for (and that access is in the audit log)."""

    account: Account
    identities: list[Identity]
    balance: Balance
    generations: list[Generation]  # newest first
    payments: list[Payment]
    prompts: bool


async def find_person(deps: Deps, who: str, platform: Platform | None) -> Account:
    """A person by account id, `platform:user id`, a Discord mention, or a bare platform user id (on the admin's own
    chat platform; from the console or the shell, on whichever platform has it — refused when several do)."""
    text = UNUSABLE_CHARACTERS.sub("", who).strip()
    if text.startswith("<@") and text.endswith(">"):
        text = "discord:" + text[2:-1].lstrip("!")
    prefix, colon, rest = text.partition(":")
    if colon and prefix.lower() in {p.value for p in Platform}:
        found = await deps.store.find_account(Identity(platform=Platform(prefix.lower()), platform_user_id=rest))
        return _found(found, who)
    by_id = await deps.store.get_account(text) if text else None
    if by_id is not None:
        return by_id
    platforms = [platform] if platform is not None else list(Platform)
    identities = [Identity(platform=p, platform_user_id=text) for p in platforms]
    matches = [a for i in identities if (a := await deps.store.find_account(i))]
    if len(matches) > 1:
        raise DomainError(ErrorCode.ADMIN_AMBIGUOUS, who=who)
    return _found(matches[0] if matches else None, who)


def _found(account: Account | None, who: str) -> Account:
    if account is None:
        raise DomainError(ErrorCode.ADMIN_NO_SUCH_PERSON, who=who)
    return account


async def look_up(deps: Deps, actor: Actor, who: str, *, prompts: bool = False) -> PersonReport:
    account = await find_person(deps, who, _platform(actor))
    action = AuditAction.PROMPTS if prompts else AuditAction.USER
    _logged(await deps.store.audit(await _entry(deps, actor, action, account)))
    return PersonReport(
        account=account,
        identities=await deps.store.identities(account.id),
        balance=await account_balance(deps, account),
        generations=await deps.store.latest_generations(account.id, LATEST),
        payments=(await deps.store.payments(account.id))[-LATEST:],
        prompts=prompts,
    )


async def change_credits(deps: Deps, actor: Actor, who: str, credits: int, reason: str) -> Recorded:
    """Grant (credits > 0) or take back (< 0) paid credits, once; a revoke never takes the balance below zero.
    The person is told (an account change is an essential notice)."""
    if not 0 < abs(credits) <= MAX_CREDITS:
        raise DomainError(ErrorCode.ADMIN_BAD_CREDITS, limit=MAX_CREDITS)
    account = await find_person(deps, who, _platform(actor))
    action = AuditAction.GRANT if credits > 0 else AuditAction.REVOKE
    entry = await _entry(deps, actor, action, account, reason=_reason(reason), requested=credits)
    recorded = _logged(await deps.store.admin_credits(entry))
    if recorded.new and recorded.entry.credits:
        held = await account_balance(deps, account)
        key = "admin_granted" if credits > 0 else "admin_revoked"
        params = {"count": abs(recorded.entry.credits), "balance": held.paid_credits, "reason": entry.reason}
        await notices.tell(deps, account, Notice(key=key, params=params), essential=True)
    return recorded


async def set_blocked(deps: Deps, actor: Actor, who: str, blocked: bool, reason: str = "") -> Recorded:
    """Block (every command but /mydata, /deleteme, /privacy, /terms and /help is refused; work in flight finishes)
    or unblock, once; the person is told."""
    account = await find_person(deps, who, _platform(actor))
    action = AuditAction.BLOCK if blocked else AuditAction.UNBLOCK
    reason = _reason(reason) if blocked else _clean(reason)
    recorded = _logged(await deps.store.set_blocked(await _entry(deps, actor, action, account, reason=reason)))
    if recorded.new:
        key = "account_blocked" if blocked else "account_unblocked"
        notice = Notice(key=key, params={"contact": deps.policy.privacy_contact})
        await notices.tell(deps, account, notice, essential=True)
    return recorded


async def announce(deps: Deps, actor: Actor, kind: AnnouncementKind, text: str) -> tuple[Announcement, int, bool]:
    """A notice to everyone, recorded once per command: its id comes from the command's key, so a retried update
    or a second press records (and sends) nothing again. Written to the audit log. (announcement, people, new)"""
    text = announcements.checked_text(text)
    announcement_id = _hashed(deps, actor.key)[:12]
    entry = await _entry(deps, actor, AuditAction.ANNOUNCE, None, reason=f"{kind.value} {announcement_id}")
    recorded = _logged(await deps.store.audit(entry))
    # who it was is in the audit log (and goes with that admin's account); the announcement keeps only where from
    announcement, people = await announcements.announce(deps, kind, text, f"admin:{actor.channel}", announcement_id)
    return announcement, people, recorded.new


async def service_stats(deps: Deps, actor: Actor) -> Stats:
    now = deps.clock.now()
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    _logged(await deps.store.audit(await _entry(deps, actor, AuditAction.STATS, None)))
    return await deps.store.stats(today, today - timedelta(days=WEEK_DAYS - 1))


async def _entry(
    deps: Deps, actor: Actor, action: AuditAction, account: Account | None, *, reason: str = "", requested: int = 0
) -> AuditEntry:
    return AuditEntry(
        key=_hashed(deps, actor.key),
        action=action,
        account_id=account.id if account else None,
        actor_account_id=await _actor_account(deps, actor),
        channel=actor.channel,
        requested=requested,
        reason=reason,
        at=deps.clock.now(),
    )


async def _actor_account(deps: Deps, actor: Actor) -> str | None:
    """The admin's own account (made on first use, as /start would), so the log says which admin acted and the
    reference goes (anonymised) when that admin deletes their account; None for the operator's shell."""
    if actor.identity is None:
        return None
    found = await deps.store.find_account(actor.identity)
    if found is None:
        found = (await onboarding.start(deps, actor.identity)).account
    return found.id


def _logged(recorded: Recorded) -> Recorded:
    """One line per admin action for the operator's logs (ids only: never a reason, a prompt or who the admin is)."""
    entry = recorded.entry
    extra = {"action": entry.action.value, "account_id": entry.account_id, "channel": entry.channel}
    log.info("admin action" if recorded.new else "admin action repeated: nothing done again", extra=extra)
    return recorded


def _hashed(deps: Deps, key: str) -> str:
    """The command's id under the server's keyed hash (as core.abuse keeps identities): a Telegram chat id in it is
    the admin's user id, which must go with their account and cannot be recovered from the log without the key."""
    secret = deps.policy.identity_hash_key.get_secret_value()
    return hmac.new(secret, f"admin-command:{key}".encode(), hashlib.sha256).hexdigest()[:32]


def _platform(actor: Actor) -> Platform | None:
    """Telegram and Discord admins name people by their ids on that platform; the operator's terminal by any."""
    if actor.identity is None or actor.identity.platform is Platform.CONSOLE:
        return None
    return actor.identity.platform


def _reason(reason: str) -> str:
    text = _clean(reason)
    if not text:
        raise DomainError(ErrorCode.ADMIN_REASON_REQUIRED)
    return text


def _clean(reason: str) -> str:
    """One line of at most 500 characters, without what a database refuses (a NUL, a broken surrogate)."""
    return " ".join(UNUSABLE_CHARACTERS.sub("", reason).split())[:500]
