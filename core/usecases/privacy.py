"""The privacy policy's rights: export everything held on a person, and delete it for good (confirmed)."""

from __future__ import annotations

import json
import logging
import secrets
from datetime import timedelta
from typing import Any

from core.abuse import AbuseMemory, identity_digest
from core.audit import AuditEntry
from core.deps import Deps
from core.errors import DomainError, ErrorCode, ProviderError
from core.models import Account, Identity
from core.ports import Settlement
from core.usecases.accounts import require_known

log = logging.getLogger(__name__)

EXPORT_FORMAT = "gpt-image-bot/export/v1"
EXPORTS_PREFIX = "exports"  # kept exports: exports/<account id>/<expiry>-… (core.usecases.exports)


async def export_data(deps: Deps, identity: Identity) -> dict[str, Any] | None:
    """One JSON document with the account, identities, consent, generations with prompts and image links,
    the ledger and payments; None when nothing is held on this person."""
    account = await deps.store.find_account(identity)
    if account is None:
        return None
    generations = await deps.store.generations(account.id)
    ttl = deps.policy.link_ttl_s
    balance = await deps.store.balance(account.id, deps.clock.now().date(), deps.policy.free_per_day)
    return {
        "format": EXPORT_FORMAT,
        "exported_at": deps.clock.now().isoformat(),
        "account": account.model_dump(mode="json", exclude={"deletion_code", "deletion_expires_at"}),
        "identities": [i.model_dump(mode="json") for i in await deps.store.identities(account.id)],
        "linked_identities": [
            {**li.identity.model_dump(mode="json"), "label": li.label, "linked_at": li.linked_at.isoformat()}
            for li in await deps.store.linked_identities(account.id)
        ],
        "consent": {
            "terms_and_privacy_accepted_at": account.consent_at.isoformat() if account.consent_at else None,
            "age_13_or_older_confirmed": account.age_confirmed,
            "notifications_opt_out": account.notifications_opt_out,
            "accepted_versions": [c.model_dump(mode="json") for c in await deps.store.consents(account.id)],
        },
        "balance": balance.model_dump(mode="json"),
        "generations": [
            {
                **g.model_dump(mode="json", exclude={"delivery"}),
                "image_links": [link for k in g.image_keys if _is_web_link(link := await deps.blobs.link(k, ttl))],
            }
            for g in generations
        ],
        "ledger": [e.model_dump(mode="json") for e in await deps.store.ledger(account.id)],
        "payments": [p.model_dump(mode="json") for p in await deps.store.payments(account.id)],
        "admin_actions": [_admin_action(e, account.id) for e in await deps.store.audit_log(account.id)],
        "announcements": [c.model_dump(mode="json") for c in await deps.store.announcement_copies(account.id)],
        "shared_with": {
            "KIE.ai": "prompts and reference images, to generate images",
            "Creem": "payment details, to process payments (we never store card details)",
        },
    }


def _admin_action(entry: AuditEntry, account_id: str) -> dict[str, Any]:
    """An admin action about the person (which admin stays theirs), or one the person took as an admin."""
    mine = entry.actor_account_id == account_id
    return entry.model_dump(mode="json", exclude=set() if mine else {"actor_account_id"})


def _is_web_link(link: str) -> bool:
    """Only links a person can open go into the export (never a path on the server)."""
    return link.startswith(("https://", "http://"))


async def request_deletion(deps: Deps, identity: Identity) -> str:
    """Issue a short-lived confirmation code; nothing is deleted yet."""
    account = await require_known(deps, identity)
    code = f"{secrets.randbelow(1_000_000):06d}"
    expires = deps.clock.now() + timedelta(seconds=deps.policy.deletion_code_ttl_s)
    await deps.store.set_deletion_code(account.id, code, expires)
    return code


async def cancel_deletion(deps: Deps, identity: Identity) -> None:
    account = await require_known(deps, identity)
    await deps.store.set_deletion_code(account.id, None, None)


async def confirm_deletion(deps: Deps, identity: Identity, code: str) -> None:
    """Fence the account, cancel its plan and its unfinished work, then delete images, exports and every row.

    The fence comes first, so nothing new is reserved, stored or sent to the provider for this account while it
    is being deleted, and the plan cancelled is the one the account held at the fence (a plan paid later is
    cancelled by the payment webhook itself).
    """
    account = await require_known(deps, identity)
    if not _code_matches(deps, account, code):
        raise DomainError(ErrorCode.CONFIRMATION_INVALID)
    fenced = await deps.store.begin_deletion(account.id, code.strip(), deps.clock.now())
    if fenced is None:
        raise DomainError(ErrorCode.CONFIRMATION_INVALID)
    if fenced.subscription_id:
        try:
            await deps.payments.cancel_subscription(fenced.subscription_id)
        except ProviderError:
            await deps.store.abort_deletion(account.id)
            raise DomainError(ErrorCode.PAYMENTS_UNAVAILABLE) from None
    await _cancel_unfinished(deps, account.id)
    identities = await _remember_for_abuse_prevention(deps, account.id)
    generations = await deps.store.generations(account.id)
    keys = [k for g in generations for k in (*g.image_keys, *g.request.reference_keys)]
    await deps.blobs.delete(keys)
    for owner in (account.id, *await deps.store.merged_ids(account.id)):  # files keep the id they were made under
        await deps.blobs.delete_prefix(owner)
        await deps.blobs.delete_prefix(f"{EXPORTS_PREFIX}/{owner}")
    await deps.store.delete_account(account.id)
    for each in (identity, *identities):
        deps.languages.forget(each)  # nothing of the person stays in this process's memory either
    log.info("account deleted", extra={"account_id": account.id})


def _code_matches(deps: Deps, account: Account, code: str) -> bool:
    return (
        account.deletion_code is not None
        and account.deletion_expires_at is not None
        and secrets.compare_digest(account.deletion_code.encode(), code.strip().encode())
        and deps.clock.now() <= account.deletion_expires_at
    )


async def _remember_for_abuse_prevention(deps: Deps, account_id: str) -> list[Identity]:
    """Today's free use and any unpaid debt stay, under a keyed hash of each identity (see core.abuse); returns
    the identities."""
    today = deps.clock.now().date()
    held = await deps.store.balance(account_id, today, deps.policy.free_per_day)
    key = deps.policy.identity_hash_key.get_secret_value()
    identities = list(await deps.store.identities(account_id))
    memories = [
        AbuseMemory(
            digest=identity_digest(key, identity),
            free_day=today,
            free_used=held.free_per_day - held.free_left,
            debt=max(0, -held.paid_credits),
        )
        for identity in identities
    ]
    await deps.store.remember_after_deletion(memories, today)
    return identities


async def _cancel_unfinished(deps: Deps, account_id: str) -> None:
    """Past the fence, queued and running work is settled as failed (refunded, bookkeeping exact) and marked
    delivered, so no worker submits it, stores its results or sends anything about it."""
    now = deps.clock.now()
    for generation in await deps.store.generations(account_id):
        if not generation.finished:
            await deps.store.settle(generation.id, Settlement((), ErrorCode.ACCOUNT_BEING_DELETED.value), now)
        if generation.delivered_at is None:
            await deps.store.mark_delivered(generation.id, now)


async def export_json(deps: Deps, identity: Identity) -> bytes | None:
    """The export as a UTF-8 JSON file's bytes (what chat adapters send as a document)."""
    document = await export_data(deps, identity)
    return None if document is None else json.dumps(document, indent=2, ensure_ascii=False).encode()
