"""Looking up the person behind an identity: the first step of every use-case."""

from __future__ import annotations

from core.consent import Document, changed_documents, documents_label
from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.models import Account, Identity
from core.policy import Policy


async def require_known(deps: Deps, identity: Identity) -> Account:
    """The person's account, blocked or not: the privacy rights (export, deletion) never depend on behaviour."""
    account = await deps.store.find_account(identity)
    if account is None:
        raise DomainError(ErrorCode.NOT_REGISTERED)
    return account


async def require_account(deps: Deps, identity: Identity) -> Account:
    """The person's account, refused (ACCOUNT_BLOCKED) while an admin has blocked it."""
    return allowed(deps, await require_known(deps, identity))


def allowed(deps: Deps, account: Account) -> Account:
    """The account, unless an admin blocked it: then a polite refusal that says what still works and whom to ask."""
    if account.blocked:
        raise DomainError(ErrorCode.ACCOUNT_BLOCKED, contact=deps.policy.privacy_contact)
    return account


async def require_consent(deps: Deps, identity: Identity) -> Account:
    """No generation, purchase or setting before the person accepted the terms and confirmed 13+, nor before they
    accepted the versions in force (raised by the operator since)."""
    return check_consent(deps, await require_account(deps, identity))


def check_consent(deps: Deps, account: Account) -> Account:
    """`require_consent` on an account the caller has just read (no second read)."""
    if not account.has_consented:
        raise DomainError(ErrorCode.CONSENT_REQUIRED)
    if account.being_deleted:
        raise DomainError(ErrorCode.ACCOUNT_BEING_DELETED)
    changed = changed_documents(account, deps.policy.versions)
    if changed:
        raise DomainError(ErrorCode.CONSENT_OUTDATED, "", **consent_change(deps.policy, changed))
    return account


def consent_change(policy: Policy, changed: frozenset[Document]) -> dict[str, object]:
    """What the "please accept again" text needs: which documents changed and where to read about it (the
    operator's page of changes, else the documents' own pages where configured, else the in-chat summaries)."""
    pages = {Document.TERMS: policy.terms_url, Document.PRIVACY: policy.privacy_url}
    urls = [url for d, url in pages.items() if d in changed] if all(pages[d] for d in changed) else []
    return {"documents": documents_label(changed), "changes_url": policy.changes_url, "document_urls": urls}
