"""A protocol-faithful fake of Creem's API (aiohttp, 127.0.0.1) and builders of webhooks signed as Creem signs them.

Speaks the JSON of docs.creem.io: `x-api-key` auth (401 missing, 403 wrong key), the error envelope
`{trace_id, status, error, message[], timestamp}` (a 404 says "Bad Request" like Creem's own sample, so clients must
switch on the HTTP status), CheckoutEntity, customer-portal links, subscription cancel and prompt moderation.
Object builders (tests/fakes/creem_objects.py, re-exported here) follow the webhook samples in
docs.creem.io/code/webhooks field for field.

Typical use:
    fake = FakeCreem(products=[FakeProduct("prod_pack", billing_type="onetime")])
    base_url = await fake.start()
    ... CreemClient(fake.api_key, base_url=base_url) ...
    deliveries = fake.complete_checkout(checkout_id)        # [(body_bytes, headers)] signed with fake.webhook_secret
    query = fake.redirect_query(checkout_id)                 # signed success-URL query string
    await fake.stop()
"""

from __future__ import annotations

import asyncio
import json
import math
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import ClientSession, web
from aiohttp.typedefs import Handler

from tests.fakes.creem_objects import (
    ISO,
    JSON,
    SUBSCRIPTION_STATUS_SAMPLES,
    Decision,
    Delivery,
    _checkout_stub,
    checkout_completed_obj,
    customer_obj,
    dispute_obj,
    new_id,
    now_ms,
    order_obj,
    product_obj,
    refund_obj,
    sign_redirect_query,
    signed_event,
    subscription_obj,
    transaction_obj,
)

__all__ = [
    "ISO",
    "JSON",
    "SUBSCRIPTION_STATUS_SAMPLES",
    "Decision",
    "Delivery",
    "FakeCreem",
    "FakeProduct",
    "Purchase",
    "RecordedRequest",
    "checkout_completed_obj",
    "customer_obj",
    "dispute_obj",
    "new_id",
    "now_ms",
    "order_obj",
    "product_obj",
    "refund_obj",
    "sign_redirect_query",
    "signed_event",
    "subscription_obj",
    "transaction_obj",
]


# --- the fake server ----------------------------------------------------------------------------------------------


@dataclass
class FakeProduct:
    id: str
    name: str = "Credits"
    price: int = 1000
    currency: str = "EUR"
    billing_type: Literal["onetime", "recurring"] = "onetime"


@dataclass
class RecordedRequest:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any


@dataclass
class _Fault:
    path: str
    times: int
    status: int = 500
    retry_after: str | None = None
    hang: bool = False


@dataclass
class Purchase:
    """What a completed checkout created at the fake, so later events (renewal, refund, dispute) can refer to it."""

    checkout: JSON
    product: FakeProduct
    customer_id: str
    order_id: str
    subscription_id: str | None
    transaction_ids: list[str] = field(default_factory=list)


class FakeCreem:
    """Creem's API on 127.0.0.1 with recorded requests, scripted moderation and injectable faults."""

    def __init__(
        self,
        *,
        api_key: str = "creem_test_fakekey",
        webhook_secret: str = "whsec_fake_secret",
        products: Iterable[FakeProduct] = (),
    ) -> None:
        self.api_key = api_key
        self.webhook_secret = webhook_secret
        self.products: dict[str, FakeProduct] = {p.id: p for p in products}
        self.requests: list[RecordedRequest] = []
        self.checkouts: dict[str, JSON] = {}
        self.purchases: dict[str, Purchase] = {}
        self.subscriptions: dict[str, JSON] = {}
        self.customers: set[str] = set()
        self.moderation_rules: list[tuple[str, str]] = []
        self._faults: list[_Fault] = []
        self._release = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    # --- lifecycle ------------------------------------------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application(middlewares=[self._middleware])
        app.router.add_post("/v1/checkouts", self._create_checkout)
        app.router.add_get("/v1/checkouts", self._get_checkout)
        app.router.add_post("/v1/customers/billing", self._portal)
        app.router.add_post("/v1/subscriptions/{id}/cancel", self._cancel)
        app.router.add_post("/v1/moderation/prompt", self._moderate)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"
        return self.base_url

    async def stop(self) -> None:
        self._release.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # --- scripting ------------------------------------------------------------------------------------------------

    def add_product(self, product: FakeProduct) -> None:
        self.products[product.id] = product

    def moderate(self, substring: str, decision: Decision | str) -> None:
        """Prompts containing `substring` (case-insensitive) get `decision`; the first matching rule wins."""
        self.moderation_rules.append((substring.lower(), decision))

    def fail(self, path: str, status: int = 500, *, times: int = 1, retry_after: str | None = None) -> None:
        """The next `times` requests whose path starts with `path` answer `status` with Creem's error envelope."""
        self._faults.append(_Fault(path, times, status, retry_after))

    def hang(self, path: str, *, times: int = 1) -> None:
        """The next `times` requests to `path` never answer (until stop): the client's timeout must fire."""
        self._faults.append(_Fault(path, times, hang=True))

    def requests_to(self, path: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path == path]

    # --- HTTP -----------------------------------------------------------------------------------------------------

    @staticmethod
    def _error(status: int, error: str, messages: Sequence[str] | None) -> web.Response:
        body: JSON = {"trace_id": str(uuid.uuid4()), "status": status, "error": error, "timestamp": now_ms()}
        if messages is not None:
            body["message"] = list(messages)
        return web.json_response(body, status=status)

    def _take_fault(self, path: str) -> _Fault | None:
        for fault in self._faults:
            if path.startswith(fault.path) and fault.times > 0:
                fault.times -= 1
                return fault
        return None

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        raw = await request.read()
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        self.requests.append(
            RecordedRequest(request.method, request.path, dict(request.query), dict(request.headers), body)
        )
        fault = self._take_fault(request.path)
        if fault is not None and fault.hang:
            await self._release.wait()
            return self._error(503, "Service Unavailable", ["released at shutdown"])
        if fault is not None:
            response = self._error(fault.status, "Internal Server Error" if fault.status >= 500 else "Error", ["fault"])
            if fault.retry_after is not None:
                response.headers["Retry-After"] = fault.retry_after
            return response
        key = request.headers.get("x-api-key")
        if not key:
            return self._error(401, "Unauthorized", ["Missing API key"])
        if key != self.api_key:
            return self._error(403, "Forbidden", None)
        if raw and not isinstance(body, dict | list):
            return self._error(400, "Bad Request", ["Invalid JSON body"])
        return await handler(request)

    async def _json(self, request: web.Request) -> JSON:
        data = await request.json() if await request.read() else {}
        return data if isinstance(data, dict) else {}

    async def _create_checkout(self, request: web.Request) -> web.Response:
        data = await self._json(request)
        problems = []
        product_id = data.get("product_id")
        if not isinstance(product_id, str):
            problems.append("product_id must be a string")
        success_url = data.get("success_url")
        if success_url is not None and not (
            isinstance(success_url, str) and success_url.startswith(("http://", "https://"))
        ):
            problems.append("success_url must be a valid URL")
        metadata = data.get("metadata")
        if metadata is not None and not isinstance(metadata, dict):
            problems.append("metadata must be an object")
        customer = data.get("customer")
        if isinstance(customer, dict) and customer.get("id") and customer.get("email"):
            problems.append("You may only specify one of these parameters: customer.id, customer.email")
        if problems:
            return self._error(400, "Bad Request", problems)
        assert isinstance(product_id, str)
        if product_id not in self.products:
            return self._error(404, "Bad Request", ["Product not found"])
        checkout_id = new_id("ch")
        checkout: JSON = {
            "id": checkout_id,
            "object": "checkout",
            "product": product_id,
            "units": data.get("units", 1),
            "status": "pending",
            "checkout_url": f"https://creem.io/test/checkout/{product_id}/{checkout_id}",
            "mode": "test",
        }
        for key in ("success_url", "request_id", "metadata"):
            if data.get(key) is not None:
                checkout[key] = data[key]
        self.checkouts[checkout_id] = checkout
        return web.json_response(checkout)

    async def _get_checkout(self, request: web.Request) -> web.Response:
        checkout = self.checkouts.get(request.query.get("checkout_id", ""))
        if checkout is None:
            return self._error(404, "Bad Request", ["Checkout not found"])
        return web.json_response(checkout)

    async def _portal(self, request: web.Request) -> web.Response:
        customer_id = (await self._json(request)).get("customer_id")
        if not isinstance(customer_id, str):
            return self._error(400, "Bad Request", ["customer_id must be a string"])
        if customer_id not in self.customers:
            return self._error(404, "Bad Request", ["Customer not found"])
        return web.json_response({"customer_portal_link": f"https://creem.io/my-orders/login/{uuid.uuid4().hex}"})

    async def _cancel(self, request: web.Request) -> web.Response:
        data = await self._json(request)
        mode = data.get("mode", "immediate")
        if mode not in ("immediate", "scheduled"):
            return self._error(400, "Bad Request", ["mode must be one of the following values: immediate, scheduled"])
        sub = self.subscriptions.get(request.match_info["id"])
        if sub is None:
            return self._error(404, "Bad Request", ["Subscription not found"])
        if mode == "immediate":
            sub.update(status="canceled", canceled_at="2024-10-12T11:58:57.813Z")
        else:
            sub["status"] = "scheduled_cancel"
        return web.json_response(sub)

    async def _moderate(self, request: web.Request) -> web.Response:
        data = await self._json(request)
        prompt = data.get("prompt")
        if not isinstance(prompt, str) or not prompt:
            return self._error(400, "Bad Request", ["prompt must be a string", "prompt should not be empty"])
        lowered = prompt.lower()
        decision = next((d for s, d in self.moderation_rules if s in lowered), "allow")
        body: JSON = {
            "id": new_id("mod"),
            "object": "moderation_result",
            "prompt": prompt,
            "decision": decision,
            "usage": {"units": max(1, math.ceil(len(prompt) / 1000))},
        }
        if data.get("external_id") is not None:
            body["external_id"] = data["external_id"]
        return web.json_response(body)

    # --- what Creem would send after a payment --------------------------------------------------------------------

    def complete_checkout(self, checkout_id: str, *, email: str = "buyer@example.com") -> list[Delivery]:
        """Pay a checkout created through the API. One-time: [checkout.completed]. Recurring: [checkout.completed,
        subscription.active, subscription.paid], in the order Creem sends them."""
        checkout = self.checkouts[checkout_id]
        product = self.products[checkout["product"]]
        recurring = product.billing_type == "recurring"
        customer_id = new_id("cust")
        self.customers.add(customer_id)
        metadata = checkout.get("metadata")
        obj = checkout_completed_obj(
            product_id=product.id,
            metadata=metadata,
            request_id=checkout.get("request_id"),
            checkout_id=checkout_id,
            customer_id=customer_id,
            recurring=recurring,
            amount=product.price,
        )
        checkout.update(status="completed", order=obj["order"], customer=customer_id)
        purchase = Purchase(obj, product, customer_id, obj["order"]["id"], None)
        self.purchases[checkout_id] = purchase
        deliveries = [signed_event("checkout.completed", obj, self.webhook_secret)]
        if not recurring:
            purchase.transaction_ids.append(new_id("tran"))
            return deliveries
        sub_id = obj["subscription"]["id"]
        purchase.subscription_id = sub_id
        self.subscriptions[sub_id] = subscription_obj(
            sub_id, product=product.id, customer=customer_id, metadata=metadata
        )
        deliveries.append(self._subscription_event("subscription.active", purchase, email=email))
        deliveries.append(self.renew(checkout_id, email=email))
        return deliveries

    def renew(self, checkout_id: str, *, email: str = "buyer@example.com") -> Delivery:
        """A subscription.paid for a new transaction of this purchase's subscription (first payment or renewal)."""
        purchase = self.purchases[checkout_id]
        purchase.transaction_ids.append(new_id("tran"))
        return self._subscription_event("subscription.paid", purchase, email=email)

    def end_subscription(self, checkout_id: str, event_type: str = "subscription.canceled") -> Delivery:
        """The terminal `subscription.canceled` (status `canceled`, `canceled_at` set)."""
        purchase = self.purchases[checkout_id]
        if purchase.subscription_id:
            self.subscriptions[purchase.subscription_id].update(status="canceled")
        return self._subscription_event(event_type, purchase, status="canceled", canceled=True)

    def subscription_changed(self, checkout_id: str, event_type: str) -> Delivery:
        """A status event as Creem documents it (`SUBSCRIPTION_STATUS_SAMPLES`): `expired` still says `active`, and
        the `expired`/`paused` samples carry no metadata (`unpaid` an empty one)."""
        status, metadata = SUBSCRIPTION_STATUS_SAMPLES[event_type]
        purchase = self.purchases[checkout_id]
        assert purchase.subscription_id is not None, "not a subscription purchase"
        if event_type != "subscription.expired":
            self.subscriptions[purchase.subscription_id]["status"] = status
        return self._subscription_event(event_type, purchase, status=status, metadata=metadata)

    def refund(
        self, checkout_id: str, *, status: str = "succeeded", amount: int | None = None, refund_id: str | None = None
    ) -> Delivery:
        """refund.created for the purchase's latest transaction, with Creem's nested checkout/order/customer; `amount`
        (cents, tax included) makes it partial, `refund_id` names a refund delivered again with a new status."""
        purchase = self.purchases[checkout_id]
        parts = self._clawback_parts(purchase, with_metadata=True)
        obj = refund_obj(status=status, amount=amount, refund_id=refund_id, **parts)
        return signed_event("refund.created", obj, self.webhook_secret)

    def dispute(self, checkout_id: str) -> Delivery:
        """dispute.created like Creem's sample: the embedded checkout has no metadata; order/transaction identify it."""
        purchase = self.purchases[checkout_id]
        obj = dispute_obj(**self._clawback_parts(purchase, with_metadata=False))
        return signed_event("dispute.created", obj, self.webhook_secret)

    def redirect_query(self, checkout_id: str) -> str:
        """The signed query string Creem appends to `success_url` after this checkout was paid."""
        purchase = self.purchases[checkout_id]
        params: list[tuple[str, str | None]] = [
            ("checkout_id", checkout_id),
            ("order_id", purchase.order_id),
            ("customer_id", purchase.customer_id),
            ("subscription_id", purchase.subscription_id),
            ("product_id", purchase.product.id),
            ("request_id", purchase.checkout.get("request_id")),
        ]
        return sign_redirect_query(params, self.api_key)

    async def deliver(self, url: str, delivery: Delivery) -> int:
        """POST a delivery to a webhook endpoint the way Creem does; returns the HTTP status."""
        body, headers = delivery
        async with ClientSession() as session, session.post(url, data=body, headers=headers) as response:
            return response.status

    def _subscription_event(
        self,
        event_type: str,
        purchase: Purchase,
        *,
        email: str = "buyer@example.com",
        status: str = "active",
        canceled: bool = False,
        metadata: Literal["ours", "none", "empty"] = "ours",
    ) -> Delivery:
        assert purchase.subscription_id is not None, "not a subscription purchase"
        p = purchase.product
        ours = purchase.checkout.get("metadata")
        obj = subscription_obj(
            purchase.subscription_id,
            product=product_obj(p.id, name=p.name, price=p.price, currency=p.currency, billing_type="recurring"),
            customer=customer_obj(purchase.customer_id, email=email),
            metadata={"ours": ours, "none": None, "empty": {}}[metadata],
            status=status,
            last_transaction_id=purchase.transaction_ids[-1] if purchase.transaction_ids else None,
            canceled=canceled,
        )
        return signed_event(event_type, obj, self.webhook_secret)

    def _clawback_parts(self, purchase: Purchase, *, with_metadata: bool) -> JSON:
        p = purchase.product
        transaction = transaction_obj(
            purchase.transaction_ids[-1],
            order_id=purchase.order_id,
            customer_id=purchase.customer_id,
            subscription_id=purchase.subscription_id,
            amount=p.price,
            currency=p.currency,
        )
        order = order_obj(
            purchase.order_id,
            customer_id=purchase.customer_id,
            product_id=p.id,
            amount=p.price,
            currency=p.currency,
            recurring=purchase.subscription_id is not None,
            transaction_id=transaction["id"],
        )
        subscription = None
        if purchase.subscription_id:
            subscription = subscription_obj(
                purchase.subscription_id,
                product=p.id,
                customer=purchase.customer_id,
                metadata=purchase.checkout.get("metadata") if with_metadata else None,
                last_transaction_id=transaction["id"],
            )
        return {
            "transaction": transaction,
            "order": order,
            "customer": customer_obj(purchase.customer_id),
            "checkout": _checkout_stub(purchase.checkout, with_metadata=with_metadata),
            "subscription": subscription,
        }
