"""The Store on Supabase Postgres through PostgREST (supabase-py's async client).

Every atomic operation is one SQL function in `supabase/migrations/` called through one `rpc`, so a generation
costs a fixed handful of round trips: reserve, set_task_id per image, settle, mark_delivered.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import date, datetime
from typing import Any, cast

import httpx
from postgrest.exceptions import APIError
from supabase import AsyncClient, AsyncClientOptions, acreate_client

from core.abuse import AbuseMemory
from core.errors import DomainError, ErrorCode, StoreUnavailable
from core.models import (
    Account,
    Balance,
    DeliveryTarget,
    Generation,
    GenerationRequest,
    GenerationStatus,
    Hold,
    Identity,
    LedgerEntry,
    LedgerKind,
    Payment,
    PlanFields,
    SettingsChange,
)
from core.ports import ReserveRequest, Settlement

ACCOUNT_COLUMNS = ",".join(Account.model_fields)
GENERATION_COLUMNS = (
    "id,account_id,request,status,hold_free,hold_paid,unit_price,free_day,delivery,task_ids,creating,image_keys,"
    "error_code,error_detail,delivered_at,created_at,updated_at"
)
LEDGER_COLUMNS = ",".join(LedgerEntry.model_fields)
PAYMENT_COLUMNS = ",".join(Payment.model_fields)

RECONNECT_DELAYS_S = (0.05, 0.2, 0.5)

# PostgREST codes meaning "the database cannot be reached", and Postgres classes for lost connections.
_UNAVAILABLE_CODES = {"PGRST000", "PGRST001", "PGRST002", "PGRST003", "57P01", "57P02", "57P03", "53300"}


class _NotRun(StoreUnavailable):
    """The database could not be reached, so the request did not run: safe to try again."""


def _unavailable(exc: APIError) -> bool:
    """A lost database, or a non-JSON 5xx (postgrest-py then puts the 3-digit HTTP status in `code`).

    SQLSTATEs have five characters, so a constraint violation such as 23503 is never mistaken for an HTTP 5xx.
    """
    code = exc.code or ""
    http_5xx = len(code) == 3 and code.isdigit() and int(code) >= 500
    return code in _UNAVAILABLE_CODES or code.startswith("08") or http_5xx


class SupabaseStore:
    """core.ports.Store on Supabase; build it with `await SupabaseStore.connect(url, service_role_key)`."""

    def __init__(self, client: AsyncClient, http: httpx.AsyncClient | None = None) -> None:
        self._sb = client
        self._http = http

    @classmethod
    async def connect(
        cls,
        url: str,
        service_role_key: str,
        *,
        timeout_s: float = 10.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> SupabaseStore:
        """One httpx client (timeouts, pooled connections) shared by every call; no retries of writes.

        `transport` lets tests route `/rest/v1` to a bare PostgREST.
        """
        http = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 5.0)),
            limits=httpx.Limits(max_connections=50, max_keepalive_connections=20),
            transport=transport,
            follow_redirects=True,
        )
        options = AsyncClientOptions(httpx_client=http, postgrest_client_retry=False)
        client = await acreate_client(url, service_role_key, options=options)
        return cls(client, http)

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()

    # Plumbing -----------------------------------------------------------------------------------------------

    async def _exec(self, call: Callable[[], Awaitable[Any]]) -> Any:
        """Run one request; connection failures become StoreUnavailable, anything else stays a bug.

        PostgREST's "could not use a database connection" answers (PGRST000-003, e.g. the first request after a
        Postgres restart finds a dead pooled connection) and refused connects are tried again a few times: the
        request never ran, and every operation here is idempotent (keys, compare-and-set) anyway.
        """
        for delay in RECONNECT_DELAYS_S:
            try:
                return await self._exec_once(call)
            except _NotRun:
                await asyncio.sleep(delay)
        return await self._exec_once(call)

    async def _exec_once(self, call: Callable[[], Awaitable[Any]]) -> Any:
        try:
            response = await call()
        except httpx.ConnectError as exc:
            raise _NotRun(f"supabase: {type(exc).__name__}") from exc
        except httpx.TransportError as exc:
            raise StoreUnavailable(f"supabase: {type(exc).__name__}") from exc
        except APIError as exc:
            if (exc.code or "").startswith("PGRST00"):
                raise _NotRun(f"supabase: {exc.code} {exc.message}") from exc
            if _unavailable(exc):
                raise StoreUnavailable(f"supabase: {exc.code} {exc.message}") from exc
            if exc.code == "23503":
                raise DomainError(ErrorCode.NOT_FOUND, "account not found") from exc
            raise
        return None if response is None else response.data

    async def _rpc(self, fn: str, params: dict[str, Any]) -> Any:
        return await self._exec(lambda: self._sb.rpc(fn, params).execute())

    async def ping(self) -> None:
        await self._exec(lambda: self._sb.table("accounts").select("id").limit(1).execute())

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
        rows = await self._exec(
            lambda: self._sb.table("accounts").select(ACCOUNT_COLUMNS).eq("id", account_id).execute()
        )
        return Account.model_validate(rows[0]) if rows else None

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

    async def give_consent(self, account_id: str, at: datetime) -> Account | None:
        row = await self._rpc("give_consent", {"p_account_id": account_id, "p_at": at.isoformat()})
        return Account.model_validate(row) if row else None

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

    async def settle(self, generation_id: str, settlement: Settlement, now: datetime) -> bool:
        return bool(
            await self._rpc(
                "settle",
                {
                    "p_generation_id": generation_id,
                    "p_image_keys": list(settlement.image_keys),
                    "p_error_code": settlement.error_code,
                    "p_error_detail": settlement.error_detail,
                    "p_now": now.isoformat(),
                },
            )
        )

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
