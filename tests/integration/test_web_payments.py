"""Issue 7 through the web server: bot/web.py under aiohttp's test client, wired by bot/wiring.build over SQLite,
with the real Creem adapters against FakeCreem (checkouts, moderation) and FakeKie for the final /imagine.
Every webhook is signed by FakeCreem exactly as Creem signs it; each fault in "Bad input and faults" has a test."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer, unused_port
from pydantic import SecretStr

from adapters.console.chat import ConsoleChat
from adapters.creem.signatures import SIGNATURE_HEADER, webhook_signature
from bot.settings import Settings
from bot.web import MAX_WEBHOOK_BYTES, create_app
from bot.wiring import Runtime, build
from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.models import Account, DeliveryTarget, GenerationRequest, Identity, LedgerKind, PlanStatus, Platform
from core.usecases import billing, generation, onboarding, privacy
from tests.fakes.creem import Delivery, FakeCreem, FakeProduct, checkout_completed_obj, signed_event
from tests.fakes.kie import FakeKie, Outcome
from tests.fakes.messenger import RecordingMessenger

CREEM_KEY = "creem_test_web_payments"
CREEM_SECRET = "whsec_web_payments"
KIE_KEY = "kie-web-key"
KIE_HMAC = "kie-web-hmac"
PACK, PLAN = "pack100", "pro"
CHAT = DeliveryTarget(platform=Platform.CONSOLE, chat_id="ada", private=True)
PRODUCTS = [
    {"id": PACK, "creem_product_id": "prod_pack100", "label": "100 credits", "price": "€10", "credits": 100},
    {"id": PLAN, "creem_product_id": "prod_pro", "label": "Pro", "price": "€20", "credits": 500, "kind": "plan"},
]


@dataclass
class Shop:
    runtime: Runtime
    client: TestClient[web.Request, web.Application]
    creem: FakeCreem
    kie: FakeKie
    chat: RecordingMessenger

    @property
    def deps(self) -> Deps:
        return self.runtime.deps

    async def customer(self, user_id: str = "ada") -> tuple[Identity, Account]:
        identity = Identity(platform=Platform.CONSOLE, platform_user_id=user_id)
        account = await onboarding.accept_terms(self.runtime.deps, identity, age_confirmed=True)
        return identity, account

    async def checkout(self, identity: Identity, product_id: str) -> str:
        """Create a checkout through the bot (CreemPayments → FakeCreem); returns Creem's checkout id."""
        _, url = await billing.checkout_link(self.runtime.deps, identity, product_id)
        return url.rsplit("/", 1)[1]

    async def post(self, delivery: Delivery) -> int:
        body, headers = delivery
        response = await self.client.post("/webhooks/creem", data=body, headers=headers)
        await response.read()
        return response.status

    async def credits(self, account_id: str) -> int:
        deps = self.runtime.deps
        return (await deps.store.balance(account_id, deps.clock.now().date(), 0)).paid_credits

    async def account(self, account_id: str) -> Account:
        found = await self.runtime.deps.store.get_account(account_id)
        assert found is not None
        return found


def settings_for(data_dir: Path, creem: FakeCreem, kie: FakeKie, port: int) -> Settings:
    return Settings(
        _env_file=None,
        bot_data_dir=data_dir,
        public_base_url=f"http://127.0.0.1:{port}",
        creem_api_key=SecretStr(CREEM_KEY),
        creem_webhook_secret=SecretStr(CREEM_SECRET),
        creem_base_url=creem.base_url,
        products_json=json.dumps(PRODUCTS),
        kie_api_key=SecretStr(KIE_KEY),
        kie_base_url=kie.base_url,
        kie_webhook_hmac_key=SecretStr(KIE_HMAC),
    )


@pytest.fixture
async def shop(tmp_path: Path) -> AsyncIterator[Shop]:
    creem = FakeCreem(
        api_key=CREEM_KEY,
        webhook_secret=CREEM_SECRET,
        products=[FakeProduct("prod_pack100"), FakeProduct("prod_pro", price=2000, billing_type="recurring")],
    )
    kie = FakeKie(api_key=KIE_KEY, webhook_hmac_key=KIE_HMAC)
    kie.outcome = Outcome(polls=1)
    await creem.start()
    await kie.start()
    port = unused_port()
    settings = settings_for(tmp_path, creem, kie, port)
    try:
        async with build(settings) as runtime:
            chat = RecordingMessenger()
            runtime.router.register(Platform.CONSOLE, chat)
            assert runtime.components["payments"] == "creem" and runtime.components["generator"] == "kie"
            server = TestServer(create_app(runtime.deps, settings), host="127.0.0.1", port=port)
            async with TestClient(server) as client:
                yield Shop(runtime, client, creem, kie, chat)
                await kie.flush_callbacks()
    finally:
        await kie.stop()
        await creem.stop()


async def paid_pack(shop: Shop, identity: Identity) -> str:
    """Buy the pack through the bot and deliver Creem's webhook; returns the checkout id."""
    checkout_id = await shop.checkout(identity, PACK)
    [completed] = shop.creem.complete_checkout(checkout_id)
    assert await shop.post(completed) == 200
    return checkout_id


# -- payments applied once ------------------------------------------------------------------------------------------


async def test_a_paid_pack_credits_the_account_once_and_tells_the_person_in_their_chat(shop: Shop) -> None:
    ada, account = await shop.customer()

    checkout_id = await shop.checkout(ada, PACK)
    [completed] = shop.creem.complete_checkout(checkout_id)
    status = await shop.post(completed)

    assert status == 200
    assert await shop.credits(account.id) == 100
    [sent] = shop.creem.requests_to("/v1/checkouts")
    assert sent.body["metadata"] == {"account_id": account.id, "platform": "console", "product_id": PACK}
    assert sent.body["success_url"] == f"{shop.runtime.settings.public_base_url}/billing/return"
    [notice] = shop.chat.notices
    assert notice.identity == ada
    assert notice.notice.key == "payment_received"
    assert "100 credits added" in notice.text
    [payment] = await shop.deps.store.payments(account.id)
    assert payment.provider_ref == shop.creem.purchases[checkout_id].order_id


async def test_the_same_event_replayed_twenty_times_at_once_grants_once(shop: Shop) -> None:
    ada, account = await shop.customer()
    checkout_id = await shop.checkout(ada, PACK)
    [completed] = shop.creem.complete_checkout(checkout_id)

    statuses = await asyncio.gather(*(shop.post(completed) for _ in range(20)))

    assert set(statuses) == {200}
    assert await shop.credits(account.id) == 100
    purchases = [e for e in await shop.deps.store.ledger(account.id) if e.kind is LedgerKind.PURCHASE]
    assert len(purchases) == 1
    assert len(await shop.deps.store.payments(account.id)) == 1
    assert len(shop.chat.notices) == 1


async def test_a_plan_payment_replayed_twenty_times_at_once_credits_once(shop: Shop) -> None:
    ada, account = await shop.customer()
    checkout_id = await shop.checkout(ada, PLAN)
    _, _, paid = shop.creem.complete_checkout(checkout_id)

    statuses = await asyncio.gather(*(shop.post(paid) for _ in range(20)))

    assert set(statuses) == {200}
    assert await shop.credits(account.id) == 500
    assert [n.notice.key for n in shop.chat.notices] == ["plan_renewed"]


async def test_plan_events_out_of_order_credit_the_plan_exactly_once(shop: Shop) -> None:
    ada, account = await shop.customer()
    checkout_id = await shop.checkout(ada, PLAN)
    completed, active, paid = shop.creem.complete_checkout(checkout_id)

    statuses = [await shop.post(d) for d in (paid, completed, active, paid, completed)]

    assert statuses == [200] * 5
    assert await shop.credits(account.id) == 500
    renewals = [e for e in await shop.deps.store.ledger(account.id) if e.kind is LedgerKind.RENEWAL]
    assert len(renewals) == 1
    assert not [e for e in await shop.deps.store.ledger(account.id) if e.kind is LedgerKind.PURCHASE]
    fresh = await shop.account(account.id)
    assert fresh.plan == PLAN
    assert fresh.subscription_id == shop.creem.purchases[checkout_id].subscription_id
    assert [n.notice.key for n in shop.chat.notices] == ["plan_renewed"]


async def test_a_plan_renewal_is_a_new_payment_and_credits_again(shop: Shop) -> None:
    ada, account = await shop.customer()
    checkout_id = await shop.checkout(ada, PLAN)
    for delivery in shop.creem.complete_checkout(checkout_id):
        assert await shop.post(delivery) == 200

    assert await shop.post(shop.creem.renew(checkout_id)) == 200

    assert await shop.credits(account.id) == 1000
    assert [n.notice.key for n in shop.chat.notices] == ["plan_renewed", "plan_renewed"]


# -- bad input and faults -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("signature", [None, "", "deadbeef", webhook_signature(b"other body", CREEM_SECRET)])
async def test_a_bad_or_missing_signature_is_refused_with_401_and_applies_nothing(
    shop: Shop, signature: str | None
) -> None:
    ada, account = await shop.customer()
    checkout_id = await shop.checkout(ada, PACK)
    [(body, headers)] = shop.creem.complete_checkout(checkout_id)
    headers = {k: v for k, v in headers.items() if k != SIGNATURE_HEADER}
    if signature is not None:
        headers[SIGNATURE_HEADER] = signature

    status = await shop.post((body, headers))

    assert status == 401
    assert await shop.credits(account.id) == 0
    assert await shop.deps.store.payments(account.id) == []
    assert shop.chat.notices == []


async def test_a_webhook_signed_with_another_secret_is_refused(shop: Shop) -> None:
    ada, account = await shop.customer()
    checkout_id = await shop.checkout(ada, PACK)
    [(body, _)] = shop.creem.complete_checkout(checkout_id)

    status = await shop.post((body, {SIGNATURE_HEADER: webhook_signature(body, "whsec_someone_else")}))

    assert status == 401
    assert await shop.credits(account.id) == 0


async def test_a_payment_for_an_unknown_product_is_not_acknowledged_so_creem_delivers_it_again(
    shop: Shop, caplog: pytest.LogCaptureFixture
) -> None:
    _, account = await shop.customer()
    metadata = {"account_id": account.id, "platform": "console", "product_id": "mystery"}
    delivery = signed_event(
        "checkout.completed", checkout_completed_obj(product_id="prod_mystery", metadata=metadata), CREEM_SECRET
    )

    with caplog.at_level(logging.ERROR, logger="core.usecases.billing"):
        status = await shop.post(delivery)

    assert status == 503
    assert await shop.credits(account.id) == 0
    assert await shop.deps.store.payments(account.id) == []
    assert any("unknown product" in r.getMessage() for r in caplog.records)
    assert shop.chat.notices == []


async def test_a_payment_for_a_deleted_account_applies_nothing_and_answers_200(shop: Shop) -> None:
    ada, account = await shop.customer()
    checkout_id = await shop.checkout(ada, PACK)
    await shop.deps.store.delete_account(account.id)
    [completed] = shop.creem.complete_checkout(checkout_id)

    status = await shop.post(completed)

    assert status == 200
    assert await shop.deps.store.get_account(account.id) is None
    assert await shop.deps.store.ledger(account.id) == []
    assert await shop.deps.store.payments(account.id) == []
    assert shop.chat.notices == []


async def test_a_5_mb_body_is_rejected_with_413_and_the_server_keeps_serving(shop: Shop) -> None:
    ada, account = await shop.customer()
    huge = b'{"pad": "' + b"x" * (5 * 1024 * 1024) + b'"}'
    assert len(huge) > MAX_WEBHOOK_BYTES

    refused = await shop.client.post(
        "/webhooks/creem", data=io.BytesIO(huge), headers={SIGNATURE_HEADER: webhook_signature(huge, CREEM_SECRET)}
    )

    assert refused.status == 413
    assert (await shop.client.get("/healthz")).status == 200
    await paid_pack(shop, ada)
    assert await shop.credits(account.id) == 100


async def test_a_5_mb_chunked_body_without_a_length_is_rejected_with_413_too(shop: Shop) -> None:
    ada, account = await shop.customer()

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(80):
            yield b"x" * 65536

    refused = await shop.client.post("/webhooks/creem", data=chunks(), headers={SIGNATURE_HEADER: "0" * 64})

    assert refused.status == 413
    await paid_pack(shop, ada)
    assert await shop.credits(account.id) == 100


async def test_invalid_json_with_a_valid_signature_is_400_and_the_server_keeps_serving(shop: Shop) -> None:
    ada, account = await shop.customer()
    body = b'{"id": "evt_1", "eventType": "checkout.completed", "object": '

    status = await shop.post((body, {SIGNATURE_HEADER: webhook_signature(body, CREEM_SECRET)}))

    assert status == 400
    await paid_pack(shop, ada)
    assert await shop.credits(account.id) == 100


# -- taking credits back, ending plans ------------------------------------------------------------------------------


async def test_a_refund_claws_back_the_pack_even_into_a_negative_balance_and_is_told(shop: Shop) -> None:
    ada, account = await shop.customer()
    checkout_id = await paid_pack(shop, ada)
    spend = GenerationRequest(prompt="four posters", aspect_ratio="16:9", resolution="4K", count=4)
    await generation.request_generation(shop.deps, ada, spend, CHAT)
    assert await shop.credits(account.id) == 84

    status = await shop.post(shop.creem.refund(checkout_id))

    assert status == 200
    assert await shop.credits(account.id) == -16
    assert [n.notice.key for n in shop.chat.notices] == ["payment_received", "payment_reversed"]
    assert "100 credits were taken back" in shop.chat.notices[-1].text
    with pytest.raises(DomainError) as refused:
        await generation.request_generation(
            shop.deps, ada, GenerationRequest(prompt="one more", aspect_ratio="16:9", resolution="2K"), CHAT
        )
    assert refused.value.code is ErrorCode.INSUFFICIENT_CREDITS


async def test_one_refund_delivered_twenty_times_at_once_takes_back_once(shop: Shop) -> None:
    ada, account = await shop.customer()
    checkout_id = await paid_pack(shop, ada)
    refund = shop.creem.refund(checkout_id, amount=605)

    statuses = await asyncio.gather(*(shop.post(refund) for _ in range(20)))

    assert statuses == [200] * 20
    assert await shop.credits(account.id) == 50
    assert [n.notice.key for n in shop.chat.notices].count("payment_reversed") == 1


async def test_a_dispute_after_a_refund_does_not_claw_back_twice(shop: Shop) -> None:
    ada, account = await shop.customer()
    checkout_id = await paid_pack(shop, ada)

    statuses = [await shop.post(shop.creem.refund(checkout_id)), await shop.post(shop.creem.dispute(checkout_id))]

    assert statuses == [200, 200]
    assert await shop.credits(account.id) == 0
    clawbacks = [e for e in await shop.deps.store.ledger(account.id) if e.kind is LedgerKind.CLAWBACK]
    assert [e.credits for e in clawbacks] == [-100]


async def test_a_dispute_claws_back_a_plan_payment(shop: Shop) -> None:
    ada, account = await shop.customer()
    checkout_id = await shop.checkout(ada, PLAN)
    for delivery in shop.creem.complete_checkout(checkout_id):
        assert await shop.post(delivery) == 200

    status = await shop.post(shop.creem.dispute(checkout_id))

    assert status == 200
    assert await shop.credits(account.id) == 0
    assert shop.chat.notices[-1].notice.key == "payment_reversed"


async def test_a_canceled_subscription_stops_the_plan_and_is_told(shop: Shop) -> None:
    ada, account = await shop.customer()
    checkout_id = await shop.checkout(ada, PLAN)
    for delivery in shop.creem.complete_checkout(checkout_id):
        assert await shop.post(delivery) == 200
    assert (await shop.account(account.id)).plan == PLAN

    status = await shop.post(shop.creem.end_subscription(checkout_id))

    assert status == 200
    fresh = await shop.account(account.id)
    assert fresh.plan is None
    assert fresh.subscription_id is None
    assert await shop.credits(account.id) == 500  # credits already paid for stay
    assert shop.chat.notices[-1].notice.key == "plan_ended"


async def test_after_subscription_expired_the_plan_waits_and_deleteme_still_cancels_it_at_creem(shop: Shop) -> None:
    ada, account = await shop.customer()
    checkout_id = await shop.checkout(ada, PLAN)
    for delivery in shop.creem.complete_checkout(checkout_id):
        assert await shop.post(delivery) == 200
    subscription = (await shop.account(account.id)).subscription_id

    status = await shop.post(shop.creem.subscription_changed(checkout_id, "subscription.expired"))
    expired = await shop.account(account.id)
    await privacy.confirm_deletion(shop.deps, ada, await privacy.request_deletion(shop.deps, ada))

    assert status == 200
    assert (expired.plan, expired.subscription_id, expired.plan_status) == (PLAN, subscription, PlanStatus.EXPIRED)
    assert shop.chat.notices[-1].notice.key == "plan_status.expired"
    assert [r.path for r in shop.creem.requests if "/cancel" in r.path] == [f"/v1/subscriptions/{subscription}/cancel"]
    assert shop.creem.subscriptions[subscription or ""]["status"] == "canceled"


@pytest.mark.parametrize(
    ("event_type", "status"),
    [("subscription.paused", PlanStatus.PAUSED), ("subscription.unpaid", PlanStatus.UNPAID),
     ("subscription.past_due", PlanStatus.PAST_DUE), ("subscription.scheduled_cancel", PlanStatus.SCHEDULED_CANCEL)],
)  # fmt: skip
async def test_a_subscription_status_is_kept_and_shown_in_balance(
    shop: Shop, event_type: str, status: PlanStatus
) -> None:
    ada, _ = await shop.customer()
    checkout_id = await shop.checkout(ada, PLAN)
    for delivery in shop.creem.complete_checkout(checkout_id):
        assert await shop.post(delivery) == 200

    assert await shop.post(shop.creem.subscription_changed(checkout_id, event_type)) == 200

    held = await billing.balance(shop.deps, ada)
    assert (held.plan, held.plan_status) == (PLAN, status)
    assert shop.chat.notices[-1].notice.key == f"plan_status.{status.value}"


async def test_a_partial_refund_takes_back_its_share_and_a_pending_one_waits_for_success(shop: Shop) -> None:
    ada, account = await shop.customer()
    checkout_id = await paid_pack(shop, ada)

    assert await shop.post(shop.creem.refund(checkout_id, amount=1)) == 200
    one_cent = await shop.credits(account.id)
    assert await shop.post(shop.creem.refund(checkout_id, status="pending", amount=605, refund_id="ref_half")) == 200
    pending = await shop.credits(account.id)
    assert await shop.post(shop.creem.refund(checkout_id, amount=605, refund_id="ref_half")) == 200

    assert (one_cent, pending) == (100, 100)
    assert await shop.credits(account.id) == 50


async def test_a_person_who_opted_out_gets_credits_but_no_message(shop: Shop) -> None:
    ada, account = await shop.customer()
    await onboarding.update_settings(shop.deps, ada, notifications_opt_out=True)

    await paid_pack(shop, ada)

    assert await shop.credits(account.id) == 100
    assert shop.chat.notices == []


# -- the return page and the KIE callback ---------------------------------------------------------------------------


async def test_the_billing_return_page_thanks_a_verified_redirect_and_grants_nothing(shop: Shop) -> None:
    ada, account = await shop.customer()
    checkout_id = await shop.checkout(ada, PACK)
    shop.creem.complete_checkout(checkout_id)  # paid at Creem; the webhook is not delivered

    response = await shop.client.get(f"/billing/return?{shop.creem.redirect_query(checkout_id)}")

    assert response.status == 200
    assert "Thank you!" in await response.text()
    assert await shop.credits(account.id) == 0
    assert await shop.deps.store.payments(account.id) == []


async def test_a_tampered_billing_return_is_400_and_grants_nothing(shop: Shop) -> None:
    ada, account = await shop.customer()
    checkout_id = await shop.checkout(ada, PACK)
    shop.creem.complete_checkout(checkout_id)
    query = shop.creem.redirect_query(checkout_id).replace("product_id=prod_pack100", "product_id=prod_pro")

    response = await shop.client.get(f"/billing/return?{query}")

    assert response.status == 400
    assert "could not verify" in await response.text()
    assert await shop.credits(account.id) == 0


async def test_a_kie_callback_with_a_bad_hmac_signature_is_401(shop: Shop) -> None:
    body = {"code": 200, "msg": "Success", "data": {"task_id": "task_1", "callbackType": "task_completed"}}

    unsigned = await shop.client.post("/webhooks/kie", json=body)
    forged = await shop.client.post(
        "/webhooks/kie",
        json=body,
        headers={"X-Webhook-Timestamp": "1767225600", "X-Webhook-Signature": "Zm9yZ2VkLXNpZ25hdHVyZQ=="},
    )

    assert unsigned.status == 401
    assert forged.status == 401


# -- the whole purchase from the chat -------------------------------------------------------------------------------


async def test_buy_checkout_webhook_balance_then_imagine_from_the_console(shop: Shop) -> None:
    said: list[str] = []
    chat = ConsoleChat(shop.deps, said.append, user_id="grace")
    worker = asyncio.create_task(shop.runtime.worker.run())

    await chat.handle("/start")
    await chat.handle("/accept")
    await chat.handle("/buy")
    await chat.handle(f"/buy {PACK}")
    link = re.search(r"https://creem\.io/test/checkout/prod_pack100/(ch_\w+)", said[-1])
    assert link is not None, said[-1]
    [completed] = shop.creem.complete_checkout(link.group(1))
    assert await shop.post(completed) == 200
    await chat.handle("/balance")
    queued = await chat.handle("/imagine a red fox in the snow --ar 16:9 --res 2K")
    assert queued is not None
    await shop.chat.wait_outcomes(1)
    await asyncio.wait_for(shop.runtime.worker.wait_idle(), 10)
    await chat.handle("/balance")
    worker.cancel()

    assert "/buy pack100 — 100 credits — €10 (100 credits)" in said[2]
    assert "/buy pro — Pro — €20 (500 credits per month)" in said[2]
    assert "Paid credits: 100" in said[4]
    assert said[5].startswith(f"[{queued.id[:8]}] Queued: 1 image, 2 credits.")
    assert "Paid credits: 98" in said[-1]
    assert [n.text for n in shop.chat.notices] == ["Payment received: 100 credits added. Your credits now: 100."]
    [delivered] = shop.chat.delivered
    assert delivered.generation.id == queued.id and len(delivered.images) == 1
    assert delivered.balance.paid_credits == 98
    [create] = shop.kie.creates
    assert create.body["input"] == {"prompt": "a red fox in the snow", "aspect_ratio": "16:9", "resolution": "2K"}
    assert [r.body["prompt"] for r in shop.creem.requests_to("/v1/moderation/prompt")] == ["a red fox in the snow"]


async def test_a_replayed_subscription_end_tells_the_person_once(shop: Shop) -> None:
    ada, account = await shop.customer()
    checkout_id = await shop.checkout(ada, PLAN)
    for delivery in shop.creem.complete_checkout(checkout_id):
        assert await shop.post(delivery) == 200
    canceled = shop.creem.end_subscription(checkout_id)

    statuses = [await shop.post(canceled) for _ in range(3)]

    assert statuses == [200] * 3
    assert (await shop.account(account.id)).plan is None
    assert [n.notice.key for n in shop.chat.notices] == ["plan_renewed", "plan_ended"]
