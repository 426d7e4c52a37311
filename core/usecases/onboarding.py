"""Start, consent (terms + privacy + age 13+), and personal settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.abuse import identity_digest
from core.consent import changed_documents
from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.models import (
    ASPECT_RATIOS,
    RESOLUTIONS,
    Account,
    AspectRatio,
    Identity,
    Resolution,
    SettingsChange,
)
from core.usecases.accounts import allowed, consent_change, require_account
from core.validation import UNUSABLE_CHARACTERS, check_combination


@dataclass(frozen=True)
class StartResult:
    """`needs_consent`: never consented, or the terms/policy in force changed since (then `change` says what
    changed, for `core.texts.consent_changed_text`; empty for a first consent)."""

    account: Account
    needs_consent: bool
    change: dict[str, object] = field(default_factory=dict)


async def start(deps: Deps, identity: Identity, display_name: str = "", locale: str = "en") -> StartResult:
    """Create the account on first contact (get-or-create); consent is asked until given, and again for each new
    version of the terms or privacy policy."""
    account = await deps.store.find_account(identity)
    if account is None:
        digest = identity_digest(deps.policy.identity_hash_key.get_secret_value(), identity)
        name = UNUSABLE_CHARACTERS.sub("", display_name)  # a name with NUL would be refused by Postgres alone
        account = await deps.store.create_account(identity, name, locale, deps.clock.now(), digest)
    allowed(deps, account)
    changed = changed_documents(account, deps.policy.versions)
    change = consent_change(deps.policy, changed) if changed else {}
    return StartResult(account=account, needs_consent=not account.has_consented or bool(changed), change=change)


async def accept_terms(deps: Deps, identity: Identity, age_confirmed: bool) -> Account:
    """Record consent to the terms and privacy policy in force (kept in the consent history with their versions);
    refused for anyone not confirming they are 13 or older."""
    if not age_confirmed:
        raise DomainError(ErrorCode.CONSENT_REQUIRED, "age not confirmed")
    started = await start(deps, identity)
    if not started.needs_consent:
        return started.account
    updated = await deps.store.give_consent(started.account.id, deps.clock.now(), deps.policy.versions)
    if updated is None:
        raise DomainError(ErrorCode.NOT_REGISTERED)  # deleted a moment ago
    return updated


async def decline_terms(deps: Deps, identity: Identity) -> bool:
    """Nothing is recorded; True when the person had accepted an earlier version (their account stays, with
    /mydata and /deleteme), False for someone who never accepted."""
    account = await deps.store.find_account(identity)
    return account is not None and account.has_consented


async def update_settings(
    deps: Deps,
    identity: Identity,
    *,
    aspect_ratio: str | None = None,
    resolution: str | None = None,
    send_as_file: bool | None = None,
    notifications_opt_out: bool | None = None,
) -> Account:
    """Change only the settings given (one atomic write of those fields; nothing else on the account moves)."""
    change = SettingsChange(
        default_aspect_ratio=parse_aspect_ratio(aspect_ratio) if aspect_ratio is not None else None,
        default_resolution=parse_resolution(resolution) if resolution is not None else None,
        send_as_file=send_as_file,
        notifications_opt_out=notifications_opt_out,
    )
    account = await require_account(deps, identity)
    if not change.fields():
        return account
    check_combination(
        change.default_aspect_ratio or account.default_aspect_ratio,
        change.default_resolution or account.default_resolution,
        as_default=True,
    )
    updated = await deps.store.update_settings(account.id, change)
    if updated is None:
        raise DomainError(ErrorCode.NOT_REGISTERED)
    return updated


def parse_aspect_ratio(value: str) -> AspectRatio:
    for ratio in ASPECT_RATIOS:
        if value.strip().lower() == ratio:
            return ratio
    raise DomainError(ErrorCode.INVALID_OPTION, "option_unknown_ratio", value=value, allowed=", ".join(ASPECT_RATIOS))


def parse_resolution(value: str) -> Resolution:
    for res in RESOLUTIONS:
        if value.strip().upper() == res:
            return res
    raise DomainError(
        ErrorCode.INVALID_OPTION, "option_unknown_resolution", value=value, allowed=", ".join(RESOLUTIONS)
    )
