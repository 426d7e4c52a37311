"""Creem over HTTP: one httpx client, bounded jittered retries, and the Payments and Moderator ports built on it."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from adapters.creem.models import (
    CheckoutCreateRequest,
    CheckoutEntity,
    CustomerPortalLink,
    CustomerPortalRequest,
    ErrorEnvelope,
    ModerationRequest,
    ModerationResponse,
    SubscriptionCancelRequest,
    SubscriptionEntity,
)
from core.errors import ErrorCode, ProviderError
from core.models import Account, ModerationDecision, ModerationResult, Product

log = logging.getLogger(__name__)

LIVE_BASE_URL = "https://api.creem.io"
TEST_BASE_URL = "https://test-api.creem.io"
TEST_KEY_PREFIX = "creem_test_"

ModelT = TypeVar("ModelT", bound=BaseModel)
Sleep = Callable[[float], Awaitable[None]]


def base_url_for_key(api_key: str) -> str:
    """Test keys only work against the test API and live keys only against the live one."""
    return TEST_BASE_URL if api_key.startswith(TEST_KEY_PREFIX) else LIVE_BASE_URL


class CreemError(Exception):
    """A Creem call failed; `status` is None for network failures. Carries Creem's `trace_id` for support."""

    def __init__(self, status: int | None, detail: str, *, trace_id: str | None = None, retryable: bool) -> None:
        super().__init__(f"creem {status or 'network'}: {detail}" + (f" (trace {trace_id})" if trace_id else ""))
        self.status = status
        self.detail = detail
        self.trace_id = trace_id
        self.retryable = retryable


def _is_transient(status: int) -> bool:
    return status == 429 or status >= 500


class CreemClient:
    """Thin typed client: base URL from the key prefix (overridable), `x-api-key`, retries on 429/5xx/network."""

    def __init__(
        self,
        api_key: str,
        *,
        base_url: str | None = None,
        timeout_s: float = 10.0,
        max_attempts: int = 3,
        backoff_s: float = 0.5,
        max_backoff_s: float = 8.0,
        sleep: Sleep = asyncio.sleep,
        rand: Callable[[], float] = random.random,
    ) -> None:
        if not api_key:
            raise ValueError("a Creem API key is required")
        self._timeout = httpx.Timeout(timeout_s)
        self._http = httpx.AsyncClient(
            base_url=(base_url or base_url_for_key(api_key)).rstrip("/"),
            headers={"x-api-key": api_key, "accept": "application/json"},
            timeout=self._timeout,
        )
        self._max_attempts = max(1, max_attempts)
        self._backoff_s = backoff_s
        self._max_backoff_s = max_backoff_s
        self._sleep = sleep
        self._rand = rand

    @property
    def base_url(self) -> str:
        return str(self._http.base_url).rstrip("/")

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> CreemClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # --- endpoints ----------------------------------------------------------------------------------------------

    async def create_checkout(self, body: CheckoutCreateRequest) -> CheckoutEntity:
        # A duplicate pending checkout costs nothing, so retrying after a lost answer is safe.
        return await self._call("POST", "/v1/checkouts", CheckoutEntity, body=body)

    async def get_checkout(self, checkout_id: str) -> CheckoutEntity:
        return await self._call("GET", "/v1/checkouts", CheckoutEntity, params={"checkout_id": checkout_id})

    async def customer_portal_link(self, customer_id: str) -> CustomerPortalLink:
        body = CustomerPortalRequest(customer_id=customer_id)
        return await self._call("POST", "/v1/customers/billing", CustomerPortalLink, body=body)

    async def cancel_subscription(self, subscription_id: str, body: SubscriptionCancelRequest) -> SubscriptionEntity:
        return await self._call("POST", f"/v1/subscriptions/{subscription_id}/cancel", SubscriptionEntity, body=body)

    async def screen_prompt(self, body: ModerationRequest, *, timeout_s: float | None = None) -> ModerationResponse:
        return await self._call("POST", "/v1/moderation/prompt", ModerationResponse, body=body, timeout_s=timeout_s)

    # --- transport ----------------------------------------------------------------------------------------------

    async def _call(
        self,
        method: str,
        path: str,
        model: type[ModelT],
        *,
        body: BaseModel | None = None,
        params: dict[str, str] | None = None,
        timeout_s: float | None = None,
    ) -> ModelT:
        response = await self._send(method, path, body=body, params=params, timeout_s=timeout_s)
        try:
            return model.model_validate_json(response.content)
        except ValidationError as exc:
            raise CreemError(response.status_code, f"unexpected response from {path}", retryable=False) from exc

    async def _send(
        self,
        method: str,
        path: str,
        *,
        body: BaseModel | None,
        params: dict[str, str] | None,
        timeout_s: float | None,
    ) -> httpx.Response:
        payload = body.model_dump(mode="json", exclude_none=True, by_alias=True) if body is not None else None
        timeout = httpx.Timeout(timeout_s) if timeout_s is not None else self._timeout
        for attempt in range(1, self._max_attempts + 1):
            last = attempt == self._max_attempts
            try:
                response = await self._http.request(method, path, json=payload, params=params, timeout=timeout)
            except httpx.TransportError as exc:
                log.warning("creem %s %s: %s (attempt %d)", method, path, type(exc).__name__, attempt)
                if last:
                    raise CreemError(None, f"{type(exc).__name__} calling {path}", retryable=True) from exc
                await self._sleep(self._delay(attempt, None))
                continue
            if response.is_success:
                return response
            error = self._error(response, path)
            log.warning("creem %s %s -> %s trace=%s (attempt %d)", method, path, error.status, error.trace_id, attempt)
            if not error.retryable or last:
                raise error
            await self._sleep(self._delay(attempt, response.headers.get("retry-after")))
        raise AssertionError("unreachable")  # pragma: no cover

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        """Exponential backoff with jitter (never below half the step); honours a numeric Retry-After, capped."""
        if retry_after is not None:
            try:
                return min(max(float(retry_after), 0.0), self._max_backoff_s)
            except ValueError:
                pass
        step = min(self._backoff_s * 2.0 ** (attempt - 1), self._max_backoff_s)
        return step * (0.5 + 0.5 * self._rand())

    @staticmethod
    def _error(response: httpx.Response, path: str) -> CreemError:
        envelope: ErrorEnvelope | None = None
        try:
            envelope = ErrorEnvelope.model_validate(response.json())
        except (ValueError, ValidationError):
            envelope = None
        messages = "; ".join(envelope.message) if envelope and envelope.message else response.reason_phrase
        return CreemError(
            response.status_code,
            f"{path}: {messages}",
            trace_id=envelope.trace_id if envelope else None,
            retryable=_is_transient(response.status_code),
        )


def _unavailable(code: ErrorCode, exc: CreemError) -> ProviderError:
    return ProviderError(code, str(exc), retryable=exc.retryable)


class CreemPayments:
    """PaymentProvider over Creem: hosted checkout links, the customer portal, and cancelling a plan."""

    def __init__(self, client: CreemClient, public_base_url: str) -> None:
        self._client = client
        self._success_url = f"{public_base_url.rstrip('/')}/billing/return" if public_base_url else None

    async def checkout_url(self, product: Product, account: Account, request_id: str, platform: str) -> str:
        """A checkout for this account; metadata carries our ids into every later webhook (and the subscription)."""
        if not product.creem_product_id:
            raise ProviderError(ErrorCode.PAYMENTS_UNAVAILABLE, f"product {product.id} has no Creem product id")
        body = CheckoutCreateRequest(
            product_id=product.creem_product_id,
            request_id=request_id,
            success_url=self._success_url,
            metadata={"account_id": account.id, "platform": platform, "product_id": product.id},
        )
        try:
            checkout = await self._client.create_checkout(body)
        except CreemError as exc:
            raise _unavailable(ErrorCode.PAYMENTS_UNAVAILABLE, exc) from exc
        if not checkout.checkout_url:
            raise ProviderError(ErrorCode.PAYMENTS_UNAVAILABLE, f"checkout {checkout.id} came back without a url")
        return checkout.checkout_url

    async def portal_url(self, customer_id: str) -> str:
        try:
            link = await self._client.customer_portal_link(customer_id)
        except CreemError as exc:
            raise _unavailable(ErrorCode.PAYMENTS_UNAVAILABLE, exc) from exc
        return link.customer_portal_link

    async def cancel_subscription(self, subscription_id: str) -> None:
        """Cancel now (used before deleting an account). A subscription Creem does not know is already gone."""
        try:
            await self._client.cancel_subscription(subscription_id, SubscriptionCancelRequest(mode="immediate"))
        except CreemError as exc:
            if exc.status == 404:
                log.warning("creem: subscription %s not found when cancelling; treating as ended", subscription_id)
                return
            raise _unavailable(ErrorCode.PAYMENTS_UNAVAILABLE, exc) from exc


_DECISIONS = {d.value: d for d in ModerationDecision}


class CreemModerator:
    """Moderator over Creem's prompt screening. Any failure raises MODERATION_UNAVAILABLE so callers fail closed."""

    def __init__(self, client: CreemClient, *, timeout_s: float = 5.0) -> None:
        self._client = client
        self._timeout_s = timeout_s

    async def screen(self, prompt: str, account_id: str) -> ModerationResult:
        body = ModerationRequest(prompt=prompt, external_id=f"account:{account_id}")
        try:
            result = await self._client.screen_prompt(body, timeout_s=self._timeout_s)
        except CreemError as exc:
            raise _unavailable(ErrorCode.MODERATION_UNAVAILABLE, exc) from exc
        # A decision we do not know yet is a refusal, never a pass.
        decision = _DECISIONS.get(result.decision.lower(), ModerationDecision.FLAG)
        if decision is not ModerationDecision.ALLOW:
            log.info("creem moderation %s for account %s (result %s)", decision.value, account_id, result.id)
        return ModerationResult(decision=decision)
