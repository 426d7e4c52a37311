"""Accounts on Supabase: each change is one statement (a single-column PATCH or one SQL function), the deletion
fence, and what a deletion leaves for abuse prevention (core.abuse)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from adapters.supabase.connection import SupabaseConnection
from core.abuse import AbuseMemory
from core.models import FIRST_VERSIONS, Account, ConsentRecord, ConsentVersions, Identity, PlanFields, SettingsChange

ACCOUNT_COLUMNS = ",".join(Account.model_fields)


class SupabaseAccounts(SupabaseConnection):
    # Accounts -----------------------------------------------------------------------------------------------

    async def find_account(self, identity: Identity) -> Account | None:
        rows = await self._exec(
            lambda: (
                self._sb.table("identities")
                .select(f"accounts({ACCOUNT_COLUMNS})")
                .eq("platform", identity.platform.value)
                .eq("platform_user_id", identity.platform_user_id)
                .execute()
            )
        )
        return Account.model_validate(rows[0]["accounts"]) if rows else None

    async def get_account(self, account_id: str) -> Account | None:
        """By id, or (one more read, only on a miss) by the id of an account merged into it (linking)."""
        rows = await self._exec(
            lambda: self._sb.table("accounts").select(ACCOUNT_COLUMNS).eq("id", account_id).execute()
        )
        if rows:
            return Account.model_validate(rows[0])
        aliases = await self._exec(
            lambda: self._sb.table("account_aliases").select("account_id").eq("merged_id", account_id).execute()
        )
        return await self.get_account(aliases[0]["account_id"]) if aliases else None

    async def account_by_subscription(self, subscription_id: str) -> Account | None:
        rows = await self._exec(
            lambda: (
                self._sb.table("accounts")
                .select(ACCOUNT_COLUMNS)
                .eq("subscription_id", subscription_id)
                .limit(1)
                .execute()
            )
        )
        return Account.model_validate(rows[0]) if rows else None

    async def create_account(
        self, identity: Identity, display_name: str, locale: str, now: datetime, digest: str = ""
    ) -> Account:
        row = await self._rpc(
            "create_account",
            {
                "p_account_id": uuid.uuid4().hex,
                "p_platform": identity.platform.value,
                "p_platform_user_id": identity.platform_user_id,
                "p_display_name": display_name,
                "p_locale": locale,
                "p_now": now.isoformat(),
                "p_digest": digest or None,
            },
        )
        return Account.model_validate(row)

    async def remember_after_deletion(self, memories: Sequence[AbuseMemory], today: date) -> None:
        rows = [m.model_dump(mode="json") for m in memories]
        await self._rpc("remember_after_deletion", {"p_memories": rows, "p_today": today.isoformat()})

    async def update_settings(self, account_id: str, change: SettingsChange) -> Account | None:
        fields = change.fields()
        if not fields:
            return await self.get_account(account_id)
        return await self._patch_account(account_id, fields)

    async def give_consent(
        self, account_id: str, at: datetime, versions: ConsentVersions = FIRST_VERSIONS
    ) -> Account | None:
        params = {"p_account_id": account_id, "p_at": at.isoformat()}
        row = await self._rpc(
            "give_consent", {**params, "p_terms_version": versions.terms, "p_policy_version": versions.policy}
        )
        return Account.model_validate({k: row[k] for k in Account.model_fields}) if row else None

    async def consents(self, account_id: str) -> list[ConsentRecord]:
        rows = await self._exec(
            lambda: (
                self._sb.table("consents")
                .select("consent_at,terms_version,policy_version")
                .eq("account_id", account_id)
                .not_.is_("consent_at", "null")
                .order("id")
                .execute()
            )
        )
        versions = ("terms_version", "policy_version")
        return [ConsentRecord(accepted_at=r["consent_at"], **{k: r[k] for k in versions}) for r in rows]

    async def change_plan(self, account_id: str, before: PlanFields, after: PlanFields) -> bool:
        params = {"p_account_id": account_id, "p_before": before.model_dump(mode="json")}
        return bool(await self._rpc("change_plan", {**params, "p_after": after.model_dump(mode="json")}))

    async def set_deletion_code(self, account_id: str, code: str | None, expires_at: datetime | None) -> None:
        expires = expires_at.isoformat() if expires_at else None
        await self._patch_account(account_id, {"deletion_code": code, "deletion_expires_at": expires})

    async def begin_deletion(self, account_id: str, code: str, now: datetime) -> Account | None:
        row = await self._rpc("begin_deletion", {"p_account_id": account_id, "p_code": code, "p_now": now.isoformat()})
        return Account.model_validate(row) if row else None

    async def abort_deletion(self, account_id: str) -> None:
        await self._patch_account(account_id, {"deleting_at": None})

    async def _patch_account(self, account_id: str, fields: dict[str, Any]) -> Account | None:
        """One UPDATE of only these columns (a PostgREST PATCH); the account after, None if unknown."""
        rows = await self._exec(lambda: self._sb.table("accounts").update(fields).eq("id", account_id).execute())
        return Account.model_validate({k: rows[0][k] for k in Account.model_fields}) if rows else None

    async def identities(self, account_id: str) -> list[Identity]:
        rows = await self._exec(
            lambda: (
                self._sb.table("identities")
                .select("platform,platform_user_id")
                .eq("account_id", account_id)
                .order("created_at")
                .order("platform")
                .execute()
            )
        )
        return [Identity.model_validate(r) for r in rows]

    async def delete_account(self, account_id: str) -> None:
        await self._rpc("delete_account", {"p_account_id": account_id})
