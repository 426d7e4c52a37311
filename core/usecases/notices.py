"""Telling a person something outside a command's reply (a payment arrived, an admin changed their account)."""

from __future__ import annotations

import logging

from core.deps import Deps
from core.languages import reply_locale
from core.models import Account, Platform
from core.ports import Notice

log = logging.getLogger(__name__)


async def tell(deps: Deps, account: Account, notice: Notice, *, platform: str | None = None, essential: bool) -> bool:
    """Send the notice to one of the person's chats (on `platform` when they have it there, else anywhere but the
    console); a non-essential notice honours the notification opt-out. Best effort: False when not delivered."""
    if account.notifications_opt_out and not essential:
        return False
    identities = await deps.store.identities(account.id)
    preferred = [i for i in identities if platform and i.platform.value == platform]
    candidates = preferred or [i for i in identities if i.platform is not Platform.CONSOLE] or identities
    if not candidates:
        return False
    try:
        return await deps.messenger.notify(candidates[0], notice, reply_locale(account))
    except Exception:
        log.warning("notice not delivered", exc_info=True, extra={"account_id": account.id, "notice": notice.key})
        return False
