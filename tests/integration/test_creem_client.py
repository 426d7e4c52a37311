"""CreemPayments and CreemModerator against FakeCreem over HTTP on 127.0.0.1: links, faults, fail-closed screening."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from aiohttp import web

from adapters.creem.client import CreemClient, CreemModerator, CreemPayments
from adapters.creem.events import parse_event
from adapters.creem.signatures import SIGNATURE_HEADER, verify_redirect, verify_webhook
from core.errors import ErrorCode, ProviderError
from core.models import Account, ModerationDecision, PaymentEventKind, Product, ProductKind
from tests.fakes.creem import FakeCreem, FakeProduct, signed_event

API_KEY = "creem_test_integration"
SECRET = "whsec_integration"
PACK = Product(id="pack100", creem_product_id="prod_pack100", label="100 credits", price="€10", credits=100)
PLAN = Product(id="pro", creem_product_id="prod_pro", label="Pro", price="€20/mo", credits=500, kind=ProductKind.PLAN)
ACCOUNT = Account(id="acc_42", created_at=datetime(2026, 1, 1, tzinfo=UTC))


class Sleeps:
    """Records the backoff the client asked for instead of waiting it."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        await asyncio.sleep(0)


@pytest.fixture
async def creem() -> AsyncIterator[FakeCreem]:
    fake = FakeCreem(
        api_key=API_KEY,
        webhook_secret=SECRET,
        products=[FakeProduct("prod_pack100"), FakeProduct("prod_pro", price=2000, billing_type="recurring")],
    )
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
async def client(creem: FakeCreem, sleeps: Sleeps) -> AsyncIterator[CreemClient]:
    async with CreemClient(API_KEY, base_url=creem.base_url, timeout_s=2.0, max_attempts=3, sleep=sleeps) as c:
        yield c


@pytest.fixture
def payments(client: CreemClient) -> CreemPayments:
    return CreemPayments(client, "https://bot.example.com/")


async def test_checkout_link_carries_our_ids_request_id_and_return_url(
    creem: FakeCreem, payments: CreemPayments
) -> None:
    url = await payments.checkout_url(PACK, ACCOUNT, "telegram-abc123", "telegram")

    assert url.startswith("https://creem.io/test/checkout/prod_pack100/ch_")
    [sent] = creem.requests_to("/v1/checkouts")
    assert sent.headers["x-api-key"] == API_KEY
    assert sent.body == {
        "product_id": "prod_pack100",
        "request_id": "telegram-abc123",
        "success_url": "https://bot.example.com/billing/return",
        "metadata": {"account_id": "acc_42", "platform": "telegram", "product_id": "pack100"},
    }
    [checkout] = creem.checkouts.values()
    assert checkout["request_id"] == "telegram-abc123"
    assert checkout["metadata"]["account_id"] == "acc_42"


async def test_checkout_without_public_url_leaves_the_return_page_to_the_product_default(
    creem: FakeCreem, client: CreemClient
) -> None:
    await CreemPayments(client, "").checkout_url(PACK, ACCOUNT, "r1", "console")

    assert "success_url" not in creem.requests_to("/v1/checkouts")[0].body


async def test_unknown_product_is_payments_unavailable_and_not_retried(
    creem: FakeCreem, payments: CreemPayments
) -> None:
    product = PACK.model_copy(update={"creem_product_id": "prod_missing"})

    with pytest.raises(ProviderError) as caught:
        await payments.checkout_url(product, ACCOUNT, "r1", "telegram")

    assert caught.value.code is ErrorCode.PAYMENTS_UNAVAILABLE
    assert not caught.value.retryable
    assert "Product not found" in caught.value.detail
    assert len(creem.requests_to("/v1/checkouts")) == 1


async def test_product_without_a_creem_id_fails_without_calling_creem(
    creem: FakeCreem, payments: CreemPayments
) -> None:
    with pytest.raises(ProviderError) as caught:
        await payments.checkout_url(PACK.model_copy(update={"creem_product_id": ""}), ACCOUNT, "r1", "telegram")

    assert caught.value.code is ErrorCode.PAYMENTS_UNAVAILABLE
    assert creem.requests == []


async def test_a_server_error_is_retried_with_jittered_backoff_then_succeeds(
    creem: FakeCreem, payments: CreemPayments, sleeps: Sleeps
) -> None:
    creem.fail("/v1/checkouts", 502, times=2)

    url = await payments.checkout_url(PACK, ACCOUNT, "r1", "telegram")

    assert url.startswith("https://creem.io/test/checkout/")
    assert len(creem.requests_to("/v1/checkouts")) == 3
    assert len(sleeps.delays) == 2
    assert 0.25 <= sleeps.delays[0] <= 0.5
    assert 0.5 <= sleeps.delays[1] <= 1.0


async def test_a_server_error_that_persists_is_payments_unavailable_after_bounded_attempts(
    creem: FakeCreem, payments: CreemPayments
) -> None:
    creem.fail("/v1/checkouts", 500, times=100)

    with pytest.raises(ProviderError) as caught:
        await payments.checkout_url(PACK, ACCOUNT, "r1", "telegram")

    assert caught.value.code is ErrorCode.PAYMENTS_UNAVAILABLE
    assert caught.value.retryable
    assert len(creem.requests_to("/v1/checkouts")) == 3


async def test_rate_limiting_honours_retry_after(creem: FakeCreem, payments: CreemPayments, sleeps: Sleeps) -> None:
    creem.fail("/v1/checkouts", 429, retry_after="3")

    await payments.checkout_url(PACK, ACCOUNT, "r1", "telegram")

    assert sleeps.delays == [3.0]


async def test_a_wrong_api_key_is_refused_once_and_not_retried(creem: FakeCreem, sleeps: Sleeps) -> None:
    async with CreemClient("creem_test_wrong", base_url=creem.base_url, sleep=sleeps) as wrong:
        with pytest.raises(ProviderError) as caught:
            await CreemPayments(wrong, "https://bot.example.com").checkout_url(PACK, ACCOUNT, "r1", "telegram")

    assert caught.value.code is ErrorCode.PAYMENTS_UNAVAILABLE
    assert "403" in caught.value.detail
    assert len(creem.requests) == 1
    assert sleeps.delays == []


async def test_a_request_that_times_out_is_retried(creem: FakeCreem, sleeps: Sleeps) -> None:
    creem.hang("/v1/checkouts")

    async with CreemClient(API_KEY, base_url=creem.base_url, timeout_s=0.2, sleep=sleeps) as quick:
        url = await CreemPayments(quick, "https://bot.example.com").checkout_url(PACK, ACCOUNT, "r1", "telegram")

    assert url.startswith("https://creem.io/test/checkout/")
    assert len(creem.requests_to("/v1/checkouts")) == 2


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        ("a lighthouse at sunset", ModerationDecision.ALLOW),
        ("a BORDERLINE scene", ModerationDecision.FLAG),
        ("something forbidden", ModerationDecision.DENY),
    ],
)
async def test_moderation_returns_creems_decision(
    creem: FakeCreem, client: CreemClient, prompt: str, expected: ModerationDecision
) -> None:
    creem.moderate("borderline", "flag")
    creem.moderate("forbidden", "deny")

    result = await CreemModerator(client).screen(prompt, "acc_42")

    assert result.decision is expected
    [sent] = creem.requests_to("/v1/moderation/prompt")
    assert sent.body == {"prompt": prompt, "external_id": "account:acc_42"}


async def test_a_decision_creem_adds_later_is_a_refusal_not_a_pass(creem: FakeCreem, client: CreemClient) -> None:
    creem.moderate("", "review")

    result = await CreemModerator(client).screen("a cat", "acc_42")

    assert result.decision is ModerationDecision.FLAG


async def test_moderation_down_fails_closed(creem: FakeCreem, client: CreemClient) -> None:
    creem.fail("/v1/moderation/prompt", 503, times=100)

    with pytest.raises(ProviderError) as caught:
        await CreemModerator(client).screen("a cat", "acc_42")

    assert caught.value.code is ErrorCode.MODERATION_UNAVAILABLE
    assert len(creem.requests_to("/v1/moderation/prompt")) == 3


async def test_moderation_rejecting_our_request_fails_closed(creem: FakeCreem, client: CreemClient) -> None:
    with pytest.raises(ProviderError) as caught:
        await CreemModerator(client).screen("", "acc_42")

    assert caught.value.code is ErrorCode.MODERATION_UNAVAILABLE
    assert len(creem.requests_to("/v1/moderation/prompt")) == 1


async def test_moderation_that_never_answers_fails_closed_at_its_own_timeout(creem: FakeCreem, sleeps: Sleeps) -> None:
    creem.hang("/v1/moderation/prompt", times=100)

    async with CreemClient(API_KEY, base_url=creem.base_url, max_attempts=2, sleep=sleeps) as c:
        with pytest.raises(ProviderError) as caught:
            await CreemModerator(c, timeout_s=0.1).screen("a cat", "acc_42")

    assert caught.value.code is ErrorCode.MODERATION_UNAVAILABLE
    assert caught.value.retryable


async def test_moderation_with_a_wrong_key_fails_closed(creem: FakeCreem, sleeps: Sleeps) -> None:
    async with CreemClient("creem_test_wrong", base_url=creem.base_url, sleep=sleeps) as wrong:
        with pytest.raises(ProviderError) as caught:
            await CreemModerator(wrong).screen("a cat", "acc_42")

    assert caught.value.code is ErrorCode.MODERATION_UNAVAILABLE


async def test_portal_link_for_a_known_customer(creem: FakeCreem, payments: CreemPayments) -> None:
    creem.customers.add("cust_1")

    link = await payments.portal_url("cust_1")

    assert link.startswith("https://creem.io/my-orders/login/")
    assert creem.requests_to("/v1/customers/billing")[0].body == {"customer_id": "cust_1"}


async def test_portal_link_for_an_unknown_customer_is_payments_unavailable(payments: CreemPayments) -> None:
    with pytest.raises(ProviderError) as caught:
        await payments.portal_url("cust_nobody")

    assert caught.value.code is ErrorCode.PAYMENTS_UNAVAILABLE


async def test_cancel_ends_the_subscription_immediately(creem: FakeCreem, payments: CreemPayments) -> None:
    await payments.checkout_url(PLAN, ACCOUNT, "r1", "telegram")
    [checkout_id] = creem.checkouts
    creem.complete_checkout(checkout_id)
    sub_id = creem.purchases[checkout_id].subscription_id
    assert sub_id is not None

    await payments.cancel_subscription(sub_id)

    assert creem.subscriptions[sub_id]["status"] == "canceled"
    assert creem.requests_to(f"/v1/subscriptions/{sub_id}/cancel")[0].body == {"mode": "immediate"}


async def test_cancelling_a_subscription_creem_does_not_know_counts_as_ended(payments: CreemPayments) -> None:
    await payments.cancel_subscription("sub_gone")


async def test_cancel_failing_at_creem_is_payments_unavailable(creem: FakeCreem, payments: CreemPayments) -> None:
    creem.fail("/v1/subscriptions/", 500, times=100)

    with pytest.raises(ProviderError) as caught:
        await payments.cancel_subscription("sub_1")

    assert caught.value.code is ErrorCode.PAYMENTS_UNAVAILABLE


async def test_a_paid_pack_checkout_comes_back_as_a_signed_pack_paid_event(
    creem: FakeCreem, payments: CreemPayments
) -> None:
    await payments.checkout_url(PACK, ACCOUNT, "telegram-r1", "telegram")
    [checkout_id] = creem.checkouts

    [(body, headers)] = creem.complete_checkout(checkout_id)
    event = parse_event(body)

    assert verify_webhook(body, headers[SIGNATURE_HEADER], SECRET)
    assert event.kind is PaymentEventKind.PACK_PAID
    assert (event.account_id, event.product_id, event.platform) == ("acc_42", "pack100", "telegram")
    assert event.payment_ref == creem.purchases[checkout_id].order_id
    assert verify_redirect(creem.redirect_query(checkout_id), API_KEY)


async def test_a_paid_plan_checkout_credits_once_on_subscription_paid(
    creem: FakeCreem, payments: CreemPayments
) -> None:
    await payments.checkout_url(PLAN, ACCOUNT, "discord-r2", "discord")
    [checkout_id] = creem.checkouts

    events = [parse_event(body) for body, _ in creem.complete_checkout(checkout_id)]

    kinds = [e.kind for e in events]
    assert kinds == [PaymentEventKind.IGNORED, PaymentEventKind.PLAN_STATUS, PaymentEventKind.PLAN_PAID]
    paid = events[-1]
    assert (paid.account_id, paid.product_id) == ("acc_42", "pro")
    assert paid.payment_ref == creem.purchases[checkout_id].transaction_ids[-1]
    assert events[0].subscription_id == paid.subscription_id == creem.purchases[checkout_id].subscription_id


async def test_the_fake_delivers_webhooks_over_http_with_the_signature_header(creem: FakeCreem) -> None:
    received: list[tuple[bytes, str | None]] = []

    async def endpoint(request: web.Request) -> web.Response:
        received.append((await request.read(), request.headers.get(SIGNATURE_HEADER)))
        return web.Response(status=200)

    app = web.Application()
    app.router.add_post("/webhooks/creem", endpoint)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    host, port = runner.addresses[0][:2]
    delivery = signed_event("subscription.canceled", {"id": "sub_1", "object": "subscription"}, SECRET)
    try:
        status = await creem.deliver(f"http://{host}:{port}/webhooks/creem", delivery)
    finally:
        await runner.cleanup()

    assert status == 200
    [(body, signature)] = received
    assert body == delivery[0]
    assert verify_webhook(body, signature, SECRET)
