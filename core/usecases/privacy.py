"""The privacy policy's rights: export everything held on a person, and delete it for good (confirmed)."""

from __future__ import annotations

import json
import logging
import secrets
from datetime import timedelta
from typing import Any

from core.deps import Deps
from core.errors import DomainError, ErrorCode, ProviderError
from core.models import Identity
from core.usecases.accounts import require_account

log = logging.getLogger(__name__)

EXPORT_FORMAT = "gpt-image-bot/export/v1"


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
        "consent": {
            "terms_and_privacy_accepted_at": account.consent_at.isoformat() if account.consent_at else None,
            "age_13_or_older_confirmed": account.age_confirmed,
            "notifications_opt_out": account.notifications_opt_out,
        },
        "balance": balance.model_dump(mode="json"),
        "generations": [
            {
                **g.model_dump(mode="json", exclude={"delivery"}),
                "image_links": [await deps.blobs.link(k, ttl) for k in g.image_keys],
            }
            for g in generations
        ],
        "ledger": [e.model_dump(mode="json") for e in await deps.store.ledger(account.id)],
        "payments": [p.model_dump(mode="json") for p in await deps.store.payments(account.id)],
        "shared_with": {
            "KIE.ai": "prompts and reference images, to generate images",
            "Creem": "payment details, to process payments (we never store card details)",
        },
    }


async def request_deletion(deps: Deps, identity: Identity) -> str:
    """Issue a short-lived confirmation code; nothing is deleted yet."""
    account = await require_account(deps, identity)
    code = f"{secrets.randbelow(1_000_000):06d}"
    expires = deps.clock.now() + timedelta(seconds=deps.policy.deletion_code_ttl_s)
    await deps.store.save_account(account.model_copy(update={"deletion_code": code, "deletion_expires_at": expires}))
    return code


async def cancel_deletion(deps: Deps, identity: Identity) -> None:
    account = await require_account(deps, identity)
    await deps.store.save_account(account.model_copy(update={"deletion_code": None, "deletion_expires_at": None}))


async def confirm_deletion(deps: Deps, identity: Identity, code: str) -> None:
    """Cancel an active plan at the payment provider, then delete stored images and every row of the account."""
    account = await require_account(deps, identity)
    valid = (
        account.deletion_code is not None
        and account.deletion_expires_at is not None
        and secrets.compare_digest(account.deletion_code.encode(), code.strip().encode())
        and deps.clock.now() <= account.deletion_expires_at
    )
    if not valid:
        raise DomainError(ErrorCode.CONFIRMATION_INVALID)
    generations = await deps.store.generations(account.id)
    if any(not g.finished for g in generations):
        raise DomainError(ErrorCode.GENERATION_IN_PROGRESS)
    if account.subscription_id:
        try:
            await deps.payments.cancel_subscription(account.subscription_id)
        except ProviderError:
            raise DomainError(ErrorCode.PAYMENTS_UNAVAILABLE) from None
    keys = [k for g in generations for k in (*g.image_keys, *g.request.reference_keys)]
    await deps.blobs.delete(keys)
    await deps.blobs.delete_prefix(account.id)
    await deps.store.delete_account(account.id)
    log.info("account deleted", extra={"account_id": account.id})


async def export_json(deps: Deps, identity: Identity) -> bytes | None:
    """The export as a UTF-8 JSON file's bytes (what chat adapters send as a document)."""
    document = await export_data(deps, identity)
    return None if document is None else json.dumps(document, indent=2, ensure_ascii=False).encode()
