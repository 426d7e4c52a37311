"""The Store's admin part: the audit log, admin credit changes and blocks (each written with its audit entry, once
per key, in one transaction), and the service's figures by aggregate queries."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from core.audit import AuditEntry, Recorded, Stats
from core.models import Generation


class AdminStore(Protocol):
    async def audit(self, entry: AuditEntry) -> Recorded:
        """Write an entry that changes nothing else (a look at an account, its prompts, the stats), once per key.

        Raises DomainError(NOT_FOUND) when it concerns an unknown account.
        """
        ...

    async def admin_credits(self, entry: AuditEntry) -> Recorded:
        """Grant (`requested` > 0) or take back (`requested` < 0) paid credits, with the entry, once per key.

        The ledger entry (kind admin, key `admin:<key>`, note: the reason) and the audit entry are written together.
        A revoke never takes the balance below zero: it takes what is there, up to `requested` (the entry's
        `credits` says what moved; 0 writes no ledger entry). Called again with the key, it moves nothing and returns
        the first entry. Raises DomainError(NOT_FOUND) for an unknown account.
        """
        ...

    async def set_blocked(self, entry: AuditEntry) -> Recorded:
        """Block (action block: `blocked_at` = the entry's time unless already blocked, the reason replaced) or
        unblock (action unblock) the account, with the entry, once per key. Raises DomainError(NOT_FOUND) for an
        unknown account."""
        ...

    async def audit_log(self, account_id: str) -> list[AuditEntry]:
        """The entries about this account or written by it as an admin, oldest first (by time, then key)."""
        ...

    async def latest_generations(self, account_id: str, limit: int) -> list[Generation]:
        """The account's `limit` most recent generations, newest first (by created_at, then id)."""
        ...

    async def stats(self, today: datetime, week: datetime) -> Stats:
        """The figures since `today` (the start of the UTC day) and since `week` (7 UTC days ago), and the work in
        flight now, each by one aggregate query."""
        ...
