"""One account across Telegram, Discord and the console: a one-time code on one platform, a confirmed `/link
<code>` on another, the identities an account holds, and detaching one again.

The Store joins (or merges) in one transaction, exactly once; this module adds what the person must know before
confirming (core.usecases.link_preview) and what guards the codes against guessing (per identity and overall).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from core.abuse import AbuseMemory, identity_digest
from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.linking import code_hash, new_code, parse_code, shown
from core.models import Balance, Identity, LinkedIdentity, Platform
from core.ports import LinkCode, LinkRequest, LinkStatus, UnlinkStatus
from core.usecases.accounts import allowed, require_account, require_consent
from core.usecases.billing import account_balance

log = logging.getLogger(__name__)

REFUSALS = {
    LinkStatus.INVALID: ErrorCode.LINK_CODE_INVALID,
    LinkStatus.SAME_PLATFORM: ErrorCode.LINK_SAME_PLATFORM,
    LinkStatus.TWO_PLANS: ErrorCode.LINK_TWO_PLANS,
    LinkStatus.IN_FLIGHT: ErrorCode.LINK_IN_FLIGHT,
    LinkStatus.BEING_DELETED: ErrorCode.ACCOUNT_BEING_DELETED,
}


@dataclass(frozen=True)
class IssuedCode:
    code: str  # as shown: ABCD-EFGH
    minutes: int


@dataclass(frozen=True)
class Linked:
    """A confirmed link: the account the identity is on now, its balance and identities."""

    status: LinkStatus  # LINKED, MERGED or ALREADY_LINKED
    issuer_platform: Platform
    issuer_label: str
    balance: Balance
    identities: list[LinkedIdentity]


async def issue_code(deps: Deps, identity: Identity, label: str) -> IssuedCode:
    """A new one-time code for the person's account (an earlier code stops working); `label` names them."""
    account = await require_consent(deps, identity)
    code = new_code()
    now = deps.clock.now()
    stored = LinkCode(
        code_hash=code_hash(_key(deps), code),
        account_id=account.id,
        platform=identity.platform,
        label=label,
        expires_at=now + timedelta(seconds=deps.policy.link_code_ttl_s),
    )
    await deps.store.save_link_code(stored, identity, now)
    return IssuedCode(code=shown(code), minutes=deps.policy.link_code_ttl_s // 60)


async def find_code(deps: Deps, identity: Identity, text: str) -> LinkCode:
    """The live code a person typed, after counting the try against guessing; refused as LINK_CODE_INVALID
    (unknown, expired, used) or ALREADY_LINKED (this identity is on that account)."""
    await _count_try(deps, identity)
    code = parse_code(text)
    found = await deps.store.find_link_code(code_hash(_key(deps), code)) if code else None
    if found is None:
        raise DomainError(ErrorCode.LINK_CODE_INVALID)
    mine = await deps.store.find_account(identity)
    if mine is not None and mine.id == found.account_id:
        raise DomainError(ErrorCode.ALREADY_LINKED)
    if found.used_at is not None or found.expires_at <= deps.clock.now():
        raise DomainError(ErrorCode.LINK_CODE_INVALID)
    return found


async def confirm(deps: Deps, identity: Identity, text: str, label: str) -> Linked:
    """Join the identity to the code's account (merging its own account into it), exactly once: confirming
    again, or from two places at once, joins once and reports ALREADY_LINKED after."""
    await _count_try(deps, identity)
    code = parse_code(text)
    if code is None:
        raise DomainError(ErrorCode.LINK_CODE_INVALID)
    hashed = code_hash(_key(deps), code)
    joining = await deps.store.find_account(identity)
    if joining is not None:
        allowed(deps, joining)  # a blocked account is not merged away from its block
    now = deps.clock.now()
    result = await deps.store.link_identity(LinkRequest(hashed, identity, label, now.date(), now))
    if result.status in REFUSALS:
        platform = result.platform.value if result.platform else ""
        raise DomainError(REFUSALS[result.status], platform=platform)
    log.info("identity linked", extra={"account_id": result.account_id, "status": result.status.value})
    found = await deps.store.find_link_code(hashed)
    account = await require_account(deps, identity)
    return Linked(
        status=result.status,
        issuer_platform=found.platform if found else identity.platform,
        issuer_label=found.label if found else "",
        balance=await account_balance(deps, account),
        identities=await deps.store.linked_identities(account.id),
    )


async def linked(deps: Deps, identity: Identity) -> list[LinkedIdentity]:
    """The identities of the person's account (the one asking among them)."""
    account = await require_account(deps, identity)
    return await deps.store.linked_identities(account.id)


async def unlink(deps: Deps, identity: Identity, platform_text: str) -> Platform:
    """Detach the account's identity on a platform: its history stays with the account, and it starts fresh on
    its next /start, except for today's free use, which stays counted (as after a deletion, core.abuse)."""
    platform = parse_platform(platform_text)
    account = await require_account(deps, identity)
    leaving = [li.identity for li in await deps.store.linked_identities(account.id) if li.identity.platform is platform]
    if not leaving:
        raise DomainError(ErrorCode.UNLINK_NOT_LINKED, platform=platform.value)
    today = deps.clock.now().date()
    held = await deps.store.balance(account.id, today, deps.policy.free_per_day)
    used = held.free_per_day - held.free_left
    memories = [AbuseMemory(digest=identity_digest(_key(deps), i), free_day=today, free_used=used) for i in leaving]
    status = await deps.store.unlink_identity(account.id, platform)
    if status is UnlinkStatus.LAST:
        raise DomainError(ErrorCode.UNLINK_LAST, platform=platform.value)
    if status is UnlinkStatus.BEING_DELETED:
        raise DomainError(ErrorCode.ACCOUNT_BEING_DELETED)
    if status is UnlinkStatus.NOT_LINKED:
        raise DomainError(ErrorCode.UNLINK_NOT_LINKED, platform=platform.value)
    await deps.store.remember_after_deletion(memories, today)
    log.info("identity unlinked", extra={"account_id": account.id, "platform": platform.value})
    return platform


def parse_platform(text: str) -> Platform:
    try:
        return Platform(text.strip().lower())
    except ValueError:
        raise DomainError(ErrorCode.UNLINK_NOT_LINKED, platform=text.strip()[:20]) from None


async def _count_try(deps: Deps, identity: Identity) -> None:
    """A few tries per identity and a global cap per window: a code cannot be found by guessing."""
    policy = deps.policy
    window = policy.link_tries_window_s
    mine = await deps.limiter.hit(f"link:{identity_digest(_key(deps), identity)}", policy.link_tries_per_identity,
                                  window)  # fmt: skip
    everyone = await deps.limiter.hit("link:all", policy.link_tries_global, window) if mine.allowed else mine
    if not everyone.allowed:
        raise DomainError(ErrorCode.RATE_LIMITED, seconds=max(1, round(everyone.retry_after_s)))


def _key(deps: Deps) -> bytes:
    return deps.policy.identity_hash_key.get_secret_value()
