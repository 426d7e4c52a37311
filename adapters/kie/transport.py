"""One KIE account's HTTP plumbing: auth headers, the in-flight cap, the discovery budget and bounded retries.

429 and unsent requests are retried (a create's 429 raises ProviderBusy for the create line instead); 5xx and lost
answers only when the call is idempotent, since a lost create may have created, and charged, a task."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from adapters.kie.errors import MAX_RETRY_AFTER_S, OPERATOR_CAUSES, api_error, read_envelope, retry_after_s
from core.errors import ErrorCode, ProviderBusy, ProviderError
from core.ports import Limiter

USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 gpt-image-bot"
)
DISCOVERY_LIMIT_KEY = "kie:discovery"  # /api/v1/models and friends: one shared budget of 1 request/s per account


def kie_http_client(base_url: str, *, timeout_s: float = 30.0) -> httpx.AsyncClient:
    """The one httpx client for KIE (the generator adds auth per call, so result downloads never carry the key)."""
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=httpx.Timeout(timeout_s, connect=10.0),
        # Every connection of the pool is kept alive: under a crowd all 50 are busy, and each one closed and opened
        # again costs an address lookup in a thread and a new handshake (CPU per image).
        limits=httpx.Limits(max_connections=50, max_keepalive_connections=50),
    )


@dataclass(frozen=True)
class KieRequest:
    method: str
    path: str
    idempotent: bool
    json: dict[str, Any] | None
    params: dict[str, str] | None

    @property
    def creating(self) -> bool:
        return self.path.endswith("/createTask")


@dataclass(frozen=True)
class RetryIn:
    """An attempt's outcome: wait this long, then try again."""

    delay_s: float


class KieTransport:
    """Sends KIE API calls and result downloads with the retry, pacing and concurrency rules they share."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        api_key: str,
        limiter: Limiter,
        max_retries: int,
        retry_base_s: float,
        sleep: Callable[[float], Awaitable[None]],
        max_rate_waits: int,
        max_in_flight: int,
    ) -> None:
        self.http = client
        self._api_key = api_key
        self._limiter = limiter
        self.max_retries = max_retries
        self._retry_base_s = retry_base_s
        self.sleep = sleep
        self._max_rate_waits = max_rate_waits
        # Thousands of polls waiting inside httpcore's pool cost O(waiters) per request (quadratic overall);
        # waiting here instead is O(1). Matches the pool's max_connections.
        self.in_flight = asyncio.Semaphore(max_in_flight)

    def backoff(self, attempt: int, retry_after: str | None = None) -> float:
        """KIE's Retry-After when it sent one (capped), else jittered exponential backoff."""
        if retry_after:
            try:
                return min(max(float(retry_after), 0.0), MAX_RETRY_AFTER_S)
            except ValueError:
                pass
        return float(self._retry_base_s * (2**attempt) * random.uniform(0.5, 1.0))

    async def call(
        self,
        method: str,
        path: str,
        *,
        idempotent: bool,
        json: dict[str, Any] | None = None,
        params: dict[str, str] | None = None,
    ) -> Any:
        """One KIE API call with bounded retries; returns `data` of a `code == 200` envelope or raises ProviderError."""
        request = KieRequest(method, path, idempotent, json, params)
        for attempt in range(self.max_retries + 1):
            outcome = await self._attempt(request, attempt, last=attempt == self.max_retries)
            if not isinstance(outcome, RetryIn):
                return outcome
            await self.sleep(outcome.delay_s)
        raise _rate_limited(path)

    async def _attempt(self, request: KieRequest, attempt: int, *, last: bool) -> Any:
        """Send once: the answer's data, a RetryIn, or a raised ProviderError."""
        if request.path.startswith("/api/v1/models"):
            await self._acquire(DISCOVERY_LIMIT_KEY, 1, 1.0)
        try:
            resp = await self._send(request)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            # Nothing reached KIE: safe to retry even a create.
            if last:
                raise ProviderError(
                    ErrorCode.PROVIDER_UNAVAILABLE, f"KIE unreachable: {type(exc).__name__}", retryable=True
                ) from exc
            return RetryIn(self.backoff(attempt))
        except httpx.TransportError as exc:
            if not request.idempotent or last:
                raise _answer_lost(request, exc) from exc
            return RetryIn(self.backoff(attempt))
        return self._answer(request, resp, attempt, last=last)

    async def _send(self, request: KieRequest) -> httpx.Response:
        async with self.in_flight:
            return await self.http.request(
                request.method, request.path, json=request.json, params=request.params, headers=self._headers()
            )

    def _answer(self, request: KieRequest, resp: httpx.Response, attempt: int, *, last: bool) -> Any:
        """The envelope's data on success; otherwise a retry or the error this code means."""
        code, msg, data = read_envelope(resp)
        if code == 200:
            return data
        if code == 429:
            if request.creating:
                raise ProviderBusy(f"KIE rate limit (429) on {request.path}", retry_after_s=retry_after_s(resp))
            if last:
                raise _rate_limited(request.path)
            return RetryIn(self.backoff(attempt, resp.headers.get("Retry-After")))
        if (code >= 500 or code == 408) and code not in OPERATOR_CAUSES:
            if not request.idempotent or last:
                raise _server_error(request, code)
            return RetryIn(self.backoff(attempt))
        raise api_error(code, msg, request.path)

    def _headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self._api_key}",
            "Content-Type": "application/json",
            "Accept": "application/json",
            "User-Agent": USER_AGENT,
        }

    async def _acquire(self, key: str, limit: int, window_s: float) -> None:
        """Share a KIE account limit across processes through the Limiter; wait (bounded) while it is full."""
        for _ in range(self._max_rate_waits):
            decision = await self._limiter.hit(key, limit, window_s)
            if decision.allowed:
                return
            await self.sleep(max(decision.retry_after_s, 0.05))
        raise ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, f"KIE rate limit {key} stayed full", retryable=True)


def _rate_limited(path: str) -> ProviderError:
    return ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, f"KIE rate limit (429) on {path}", retryable=True)


def _answer_lost(request: KieRequest, exc: httpx.TransportError) -> ProviderError:
    detail = f"KIE answer lost ({type(exc).__name__}); task outcome unknown" if request.creating else "KIE answer lost"
    return ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, detail, retryable=True)


def _server_error(request: KieRequest, code: int) -> ProviderError:
    detail = f"KIE error {code} on {request.path}"
    if request.creating:
        detail += "; task outcome unknown, not resubmitted"
    return ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, detail, retryable=True)
