"""The admin part of the Supabase Store: each admin change is one SQL function writing the change and its audit
row together, once per key (supabase/migrations/20261202000100_admin_tools.sql); the stats are one call."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from adapters.supabase.connection import SupabaseConnection
from core.audit import AuditEntry, Recorded, Stats
from core.errors import DomainError, ErrorCode

AUDIT_COLUMNS = ",".join(AuditEntry.model_fields)


class SupabaseAdmin(SupabaseConnection):
    async def audit(self, entry: AuditEntry) -> Recorded:
        return await self._recorded("admin_audit", entry)

    async def admin_credits(self, entry: AuditEntry) -> Recorded:
        return await self._recorded("admin_credits", entry)

    async def set_blocked(self, entry: AuditEntry) -> Recorded:
        return await self._recorded("admin_set_blocked", entry)

    async def _recorded(self, function: str, entry: AuditEntry) -> Recorded:
        result: dict[str, Any] = await self._rpc(function, {"p_entry": entry.model_dump(mode="json")})
        if result.get("error") == "not_found":
            raise DomainError(ErrorCode.NOT_FOUND, "account not found")
        return Recorded(entry=AuditEntry.model_validate(result["entry"]), new=bool(result["new"]))

    async def audit_log(self, account_id: str) -> list[AuditEntry]:
        rows = await self._exec(
            lambda: (
                self._sb.table("admin_audit")
                .select(AUDIT_COLUMNS)
                .or_(f"account_id.eq.{account_id},actor_account_id.eq.{account_id}")
                .order("at")
                .order("key")
                .execute()
            )
        )
        return [AuditEntry.model_validate(r) for r in rows]

    async def stats(self, today: datetime, week: datetime) -> Stats:
        row = await self._rpc("admin_stats", {"p_today": today.isoformat(), "p_week": week.isoformat()})
        return Stats.model_validate(row)
