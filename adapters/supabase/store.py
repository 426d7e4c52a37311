"""The Store on Supabase Postgres through PostgREST (supabase-py's async client).

Every atomic operation is one SQL function in `supabase/migrations/` called through one `rpc`, so a generation
costs a fixed handful of round trips: reserve, set_task_id per image, settle, mark_delivered.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from adapters.supabase.accounts import ACCOUNT_COLUMNS, SupabaseAccounts
from adapters.supabase.admin import SupabaseAdmin
from adapters.supabase.announcements import SupabaseAnnouncements
from adapters.supabase.linking import SupabaseLinking
from core.errors import DomainError, ErrorCode
from core.models import (
    Account,
    Balance,
    DeliveryTarget,
    Generation,
    GenerationRequest,
    GenerationStatus,
    Hold,
    LedgerEntry,
    LedgerKind,
    Payment,
)
from core.ports import ReserveRequest, Settled, Settlement

GENERATION_COLUMNS = (
    "id,account_id,request,status,hold_free,hold_paid,unit_price,free_day,delivery,task_ids,creating,image_keys,"
    "error_code,error_detail,delivered_at,created_at,updated_at"
)
LEDGER_COLUMNS = ",".join(LedgerEntry.model_fields)
PAYMENT_COLUMNS = ",".join(Payment.model_fields)


class SupabaseStore(SupabaseLinking, SupabaseAccounts, SupabaseAdmin, SupabaseAnnouncements):
    """core.ports.Store on Supabase; build it with `await SupabaseStore.connect(url, service_role_key)`.

    Accounts are in adapters/supabase/accounts.py, linking in linking.py, the connection and its error mapping
    in connection.py.
    """

    # Ledger and generations ---------------------------------------------------------------------------------

    async def reserve(self, req: ReserveRequest) -> Generation:
        result = await self._rpc(
            "reserve",
            {
                "p_generation_id": req.generation_id,
                "p_account_id": req.account_id,
                "p_request": req.request.model_dump(mode="json"),
                "p_delivery": req.delivery.model_dump(mode="json"),
                "p_unit_price": req.unit_price,
                "p_free_eligible": req.free_eligible,
                "p_free_per_day": req.free_per_day,
                "p_max_running": req.max_running,
                "p_day": req.day.isoformat(),
                "p_now": req.now.isoformat(),
            },
        )
        error = result.get("error")
        if error == "insufficient_credits":
            raise DomainError(ErrorCode.INSUFFICIENT_CREDITS, needed=result["needed"], credits=result["credits"])
        if error == "too_many_running":
            raise DomainError(ErrorCode.TOO_MANY_RUNNING, limit=result["limit"])
        if error == "not_found":
            raise DomainError(ErrorCode.NOT_FOUND, "account not found")
        if error == "account_being_deleted":
            raise DomainError(ErrorCode.ACCOUNT_BEING_DELETED, "account being deleted")
        return _generation(result["generation"])

    async def set_task_id(self, generation_id: str, slot: int, task_id: str, now: datetime) -> None:
        await self._rpc(
            "set_task_id",
            {"p_generation_id": generation_id, "p_slot": slot, "p_task_id": task_id, "p_now": now.isoformat()},
        )

    async def claim_slot(self, generation_id: str, slot: int, now: datetime) -> bool:
        params = {"p_generation_id": generation_id, "p_slot": slot, "p_now": now.isoformat()}
        return bool(await self._rpc("claim_slot", params))

    async def adopt_task(self, generation_id: str, slot: int, task_id: str, now: datetime) -> bool:
        params = {"p_generation_id": generation_id, "p_slot": slot, "p_task_id": task_id, "p_now": now.isoformat()}
        return bool(await self._rpc("adopt_task", params))

    async def claim_delivery(self, generation_id: str, until: datetime, now: datetime) -> bool:
        params = {"p_generation_id": generation_id, "p_until": until.isoformat(), "p_now": now.isoformat()}
        return bool(await self._rpc("claim_delivery", params))

    async def cancel_queued(self, generation_id: str, now: datetime) -> bool:
        return bool(await self._rpc("cancel_queued", {"p_generation_id": generation_id, "p_now": now.isoformat()}))

    async def settle(
        self, generation_id: str, settlement: Settlement, now: datetime, claim_until: datetime | None = None
    ) -> Settled:
        result = await self._rpc(
            "settle",
            {
                "p_generation_id": generation_id,
                "p_image_keys": list(settlement.image_keys),
                "p_error_code": settlement.error_code,
                "p_error_detail": settlement.error_detail,
                "p_now": now.isoformat(),
                "p_claim_until": claim_until.isoformat() if claim_until else None,
            },
        )
        row = result.get("generation")
        return Settled(bool(result.get("settled")), _generation(row) if row else None)

    async def mark_delivered(self, generation_id: str, now: datetime) -> bool:
        rows = await self._exec(
            lambda: (
                self._sb.table("generations")
                .update({"delivered_at": now.isoformat()})
                .eq("id", generation_id)
                .is_("delivered_at", "null")
                .execute()
            )
        )
        return bool(rows)

    async def get_generation(self, generation_id: str) -> Generation | None:
        rows = await self._exec(
            lambda: self._sb.table("generations").select(GENERATION_COLUMNS).eq("id", generation_id).execute()
        )
        return _generation(rows[0]) if rows else None

    async def generation_and_owner(self, generation_id: str) -> tuple[Generation, Account] | None:
        """One GET: the generation with its account embedded (PostgREST follows the foreign key)."""
        columns = f"{GENERATION_COLUMNS},accounts({ACCOUNT_COLUMNS})"
        rows = await self._exec(lambda: self._sb.table("generations").select(columns).eq("id", generation_id).execute())
        if not rows or not rows[0].get("accounts"):
            return None
        return _generation(rows[0]), Account.model_validate(rows[0]["accounts"])

    async def generations(self, account_id: str) -> list[Generation]:
        rows = await self._exec(
            lambda: (
                self._sb.table("generations")
                .select(GENERATION_COLUMNS)
                .eq("account_id", account_id)
                .order("created_at")
                .order("id")
                .execute()
            )
        )
        return [_generation(r) for r in rows]

    async def latest_generations(self, account_id: str, limit: int) -> list[Generation]:
        rows = await self._exec(
            lambda: (
                self._sb.table("generations")
                .select(GENERATION_COLUMNS)
                .eq("account_id", account_id)
                .order("created_at", desc=True)
                .order("id", desc=True)
                .limit(limit)
                .execute()
            )
        )
        return [_generation(r) for r in rows]

    async def unfinished(self) -> list[Generation]:
        rows = await self._exec(
            lambda: (
                self._sb.table("generations")
                .select(GENERATION_COLUMNS)
                .or_("status.in.(queued,running),delivered_at.is.null")
                .order("created_at")
                .order("id")
                .execute()
            )
        )
        return [_generation(r) for r in rows]

    async def balance(self, account_id: str, day: date, free_per_day: int) -> Balance:
        row = await self._rpc(
            "balance", {"p_account_id": account_id, "p_day": day.isoformat(), "p_free_per_day": free_per_day}
        )
        return Balance.model_validate(row)

    async def add_credits(
        self, account_id: str, credits: int, kind: LedgerKind, key: str, note: str, now: datetime
    ) -> bool:
        return bool(
            await self._rpc(
                "add_credits",
                {
                    "p_account_id": account_id,
                    "p_credits": credits,
                    "p_kind": kind.value,
                    "p_key": key,
                    "p_note": note,
                    "p_now": now.isoformat(),
                },
            )
        )

    async def ledger(self, account_id: str) -> list[LedgerEntry]:
        rows = await self._exec(
            lambda: self._sb.table("ledger").select(LEDGER_COLUMNS).eq("account_id", account_id).order("id").execute()
        )
        return [LedgerEntry.model_validate(r) for r in rows]

    # Payments -----------------------------------------------------------------------------------------------

    async def record_payment(self, payment: Payment, kind: LedgerKind, key: str) -> bool:
        return bool(
            await self._rpc(
                "record_payment",
                {
                    "p_id": payment.id,
                    "p_account_id": payment.account_id,
                    "p_provider": payment.provider,
                    "p_provider_ref": payment.provider_ref,
                    "p_product_id": payment.product_id,
                    "p_credits": payment.credits,
                    "p_status": payment.status,
                    "p_created_at": payment.created_at.isoformat(),
                    "p_kind": kind.value,
                    "p_key": key,
                },
            )
        )

    async def payments(self, account_id: str) -> list[Payment]:
        rows = await self._exec(
            lambda: (
                self._sb.table("payments")
                .select(PAYMENT_COLUMNS)
                .eq("account_id", account_id)
                .order("created_at")
                .order("id")
                .execute()
            )
        )
        return [Payment.model_validate(r) for r in rows]

    async def find_payment(self, provider: str, provider_ref: str) -> Payment | None:
        """The first payment recorded under this provider reference (the purchase, not a later clawback)."""
        rows = await self._exec(
            lambda: (
                self._sb.table("payments")
                .select(PAYMENT_COLUMNS)
                .eq("provider", provider)
                .eq("provider_ref", provider_ref)
                .order("created_at")
                .order("id")
                .limit(1)
                .execute()
            )
        )
        return Payment.model_validate(rows[0]) if rows else None

    async def record_event(self, provider: str, event_id: str, now: datetime) -> bool:
        return bool(
            await self._rpc("record_event", {"p_provider": provider, "p_event_id": event_id, "p_now": now.isoformat()})
        )


def _generation(row: dict[str, Any]) -> Generation:
    return Generation(
        id=row["id"],
        account_id=row["account_id"],
        request=GenerationRequest.model_validate(row["request"]),
        status=GenerationStatus(row["status"]),
        hold=Hold(
            free_images=row["hold_free"],
            paid_credits=row["hold_paid"],
            unit_price=row["unit_price"],
            free_day=row["free_day"],
        ),
        delivery=DeliveryTarget.model_validate(row["delivery"]),
        task_ids=tuple(t or "" for t in cast(list[str | None], row["task_ids"] or [])),
        creating=tuple(row["creating"] or []),
        image_keys=tuple(row["image_keys"] or []),
        error_code=row["error_code"],
        error_detail=row["error_detail"],
        delivered_at=row["delivered_at"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )
