"""Linking on Supabase: link codes, and joining / merging / detaching identities, each one SQL function (one
transaction) in supabase/migrations/20261202000400_link_accounts.sql."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from adapters.supabase.connection import SupabaseConnection
from core.models import Identity, LinkedIdentity, Platform
from core.ports import LinkCode, LinkRequest, LinkResult, LinkStatus, UnlinkStatus


class SupabaseLinking(SupabaseConnection):
    async def save_link_code(self, code: LinkCode, identity: Identity, now: datetime) -> None:
        await self._rpc(
            "save_link_code",
            {
                "p_code_hash": code.code_hash,
                "p_account_id": code.account_id,
                "p_platform": identity.platform.value,
                "p_platform_user_id": identity.platform_user_id,
                "p_label": code.label,
                "p_expires_at": code.expires_at.isoformat(),
                "p_now": now.isoformat(),
            },
        )

    async def find_link_code(self, code_hash: str) -> LinkCode | None:
        rows = await self._exec(lambda: self._sb.table("link_codes").select("*").eq("code_hash", code_hash).execute())
        if not rows:
            return None
        row = rows[0]
        return LinkCode(
            code_hash=row["code_hash"],
            account_id=row["account_id"],
            platform=Platform(row["platform"]),
            label=row["label"],
            expires_at=datetime.fromisoformat(row["expires_at"]),
            used_at=datetime.fromisoformat(row["used_at"]) if row["used_at"] else None,
        )

    async def link_identity(self, req: LinkRequest) -> LinkResult:
        result: dict[str, Any] = await self._rpc(
            "link_identity",
            {
                "p_code_hash": req.code_hash,
                "p_platform": req.identity.platform.value,
                "p_platform_user_id": req.identity.platform_user_id,
                "p_label": req.label,
                "p_day": req.day.isoformat(),
                "p_now": req.now.isoformat(),
            },
        )
        platform = result.get("platform")
        return LinkResult(
            LinkStatus(result["status"]), result.get("account_id"), Platform(platform) if platform else None
        )

    async def unlink_identity(self, account_id: str, platform: Platform) -> UnlinkStatus:
        status = await self._rpc("unlink_identity", {"p_account_id": account_id, "p_platform": platform.value})
        return UnlinkStatus(status)

    async def merged_ids(self, account_id: str) -> list[str]:
        rows = await self._exec(
            lambda: (
                self._sb.table("account_aliases")
                .select("merged_id")
                .eq("account_id", account_id)
                .order("merged_id")
                .execute()
            )
        )
        return [str(r["merged_id"]) for r in rows]

    async def linked_identities(self, account_id: str) -> list[LinkedIdentity]:
        rows = await self._exec(
            lambda: (
                self._sb.table("identities")
                .select("platform,platform_user_id,label,created_at")
                .eq("account_id", account_id)
                .order("created_at")
                .order("platform")
                .execute()
            )
        )
        return [
            LinkedIdentity(
                identity=Identity(platform=Platform(r["platform"]), platform_user_id=r["platform_user_id"]),
                label=r["label"],
                linked_at=datetime.fromisoformat(r["created_at"]),
            )
            for r in rows
        ]
