"""The Supabase Store's connection: one httpx client through supabase-py, and how PostgREST failures map to
domain errors (a lost database is StoreUnavailable and safe to retry; a missing account is NOT_FOUND)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, Self

import httpx
from postgrest.exceptions import APIError
from supabase import AsyncClient, AsyncClientOptions, acreate_client

from adapters.http_hooks import EVENT_HOOKS
from core.errors import DomainError, ErrorCode, StoreUnavailable

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


class SupabaseConnection:
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
    ) -> Self:
        """One httpx client (timeouts, pooled connections) shared by every call; no retries of writes.

        `transport` lets tests route `/rest/v1` to a bare PostgREST.
        """
        http = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 5.0)),
            limits=httpx.Limits(max_connections=50, max_keepalive_connections=20),
            transport=transport,
            follow_redirects=True,
            event_hooks=EVENT_HOOKS,  # no reference cycle per call (see adapters.http_hooks)
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
