"""Looking up the person behind an identity: the first step of every use-case."""

from __future__ import annotations

from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.models import Account, Identity


async def require_account(deps: Deps, identity: Identity) -> Account:
    account = await deps.store.find_account(identity)
    if account is None:
        raise DomainError(ErrorCode.NOT_REGISTERED)
    return account


async def require_consent(deps: Deps, identity: Identity) -> Account:
    """No generation, purchase or setting before the person accepted the terms and confirmed 13+."""
    account = await require_account(deps, identity)
    if not account.has_consented:
        raise DomainError(ErrorCode.CONSENT_REQUIRED)
    if account.being_deleted:
        raise DomainError(ErrorCode.ACCOUNT_BEING_DELETED)
    return account
