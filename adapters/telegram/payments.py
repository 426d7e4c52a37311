"""Telegram Stars: digital goods sold inside Telegram are paid in Stars (currency XTR, no provider token).

Flow: a Stars button → sendInvoice; Telegram asks pre_checkout_query (answered within 10 s: the payload,
product, price and account are checked, and a refusal carries a reason); the credits are granted only on
successful_payment, keyed by telegram_payment_charge_id through the core's apply_payment_event, so a payment
delivered twice is granted once. A plan bought with Stars grants one month of the plan's credits (Stars
invoices sent by a bot do not renew). Refunds are an operator action: `refund_stars`.
"""

from __future__ import annotations

import logging

from telegram import Bot, LabeledPrice, Message, PreCheckoutQuery, Update
from telegram.ext import Application, MessageHandler, PreCheckoutQueryHandler, filters

from adapters.chat.render import product_text
from adapters.telegram.limits import INVOICE_DESCRIPTION_MAX, INVOICE_PAYLOAD_MAX_BYTES, INVOICE_TITLE_MAX, clip
from adapters.telegram.replies import Context, internal_error_text
from adapters.telegram.updates import identity_of, locale_of
from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.models import Identity, PaymentEvent, PaymentEventKind, ProductKind
from core.texts import t
from core.usecases import billing
from core.usecases.accounts import require_consent

log = logging.getLogger(__name__)

PROVIDER = "telegram_stars"
CURRENCY = "XTR"
PAYLOAD_VERSION = "v1"


def invoice_payload(product_id: str, account_id: str) -> str:
    payload = f"{PAYLOAD_VERSION}:{product_id}:{account_id}"
    if len(payload.encode()) > INVOICE_PAYLOAD_MAX_BYTES:
        raise DomainError(ErrorCode.UNKNOWN_PRODUCT, "product id too long for an invoice")
    return payload


def parse_payload(payload: str) -> tuple[str, str] | None:
    """(product id, account id) from our own invoice payload; None for anything else."""
    parts = payload.split(":")
    if len(parts) != 3 or parts[0] != PAYLOAD_VERSION or not parts[1] or not parts[2]:
        return None
    return parts[1], parts[2]


async def send_stars_invoice(
    bot: Bot, deps: Deps, identity: Identity, chat_id: int, product_id: str, locale: str
) -> Message:
    """An XTR invoice for one product, tied to this account by its payload."""
    account = await require_consent(deps, identity)
    product = deps.policy.product(product_id)
    if product is None or product.stars <= 0:
        raise DomainError(ErrorCode.UNKNOWN_PRODUCT)
    return await bot.send_invoice(
        chat_id,
        title=clip(product.label, INVOICE_TITLE_MAX),
        description=clip(product_text(product, locale), INVOICE_DESCRIPTION_MAX),
        payload=invoice_payload(product.id, account.id),
        provider_token="",
        currency=CURRENCY,
        prices=[LabeledPrice(clip(product.label, INVOICE_TITLE_MAX), product.stars)],
    )


async def pre_checkout_refusal(deps: Deps, query: PreCheckoutQuery) -> str | None:
    """Why this checkout must not go ahead (shown to the person by Telegram), or None when it may."""
    locale = locale_of(query.from_user)
    parsed = parse_payload(query.invoice_payload)
    if parsed is None:
        return t("stars_refused", locale)
    product_id, account_id = parsed
    product = deps.policy.product(product_id)
    if product is None or product.stars <= 0 or query.currency != CURRENCY or query.total_amount != product.stars:
        return t("stars_refused", locale)
    account = await deps.store.find_account(identity_of(query.from_user))
    if account is None or account.id != account_id:
        return t("stars_wrong_account", locale)
    if not account.has_consented:
        return t("error.consent_required", locale)
    return None


def payment_event(message: Message) -> PaymentEvent | None:
    """The provider-neutral fact behind a successful_payment service message (None if it is not ours)."""
    paid = message.successful_payment
    if paid is None or paid.currency != CURRENCY:
        return None
    parsed = parse_payload(paid.invoice_payload)
    if parsed is None:
        return None
    product_id, account_id = parsed
    return PaymentEvent(
        event_id=f"{PROVIDER}:{paid.telegram_payment_charge_id}",
        provider=PROVIDER,
        kind=PaymentEventKind.PACK_PAID,
        account_id=account_id,
        product_id=product_id,
        payment_ref=paid.telegram_payment_charge_id,
        platform="telegram",
        raw={"currency": paid.currency, "total_amount": paid.total_amount},
    )


class StarsHandlers:
    def __init__(self, deps: Deps) -> None:
        self.deps = deps

    def register(self, app: Application) -> None:  # type: ignore[type-arg]
        app.add_handler(PreCheckoutQueryHandler(self.pre_checkout))
        app.add_handler(MessageHandler(filters.SUCCESSFUL_PAYMENT, self.successful_payment))

    async def pre_checkout(self, update: Update, context: Context) -> None:
        """Always answered (Telegram cancels the payment after 10 s): ok, or a refusal with its reason."""
        query = update.pre_checkout_query
        if query is None:
            return
        try:
            reason = await pre_checkout_refusal(self.deps, query)
        except Exception:
            reason = internal_error_text(locale_of(query.from_user), "pre-checkout check failed")
        if reason is None:
            await query.answer(ok=True)
        else:
            log.info("stars checkout refused")
            await query.answer(ok=False, error_message=reason)

    async def successful_payment(self, update: Update, context: Context) -> None:
        """Grant once per charge id; the core tells the person (payment_received) in this chat."""
        message = update.effective_message
        event = payment_event(message) if message else None
        if event is None:
            log.error("successful_payment that is not one of our Stars invoices")
            return
        product = self.deps.policy.product(event.product_id or "")
        if product is not None and product.kind is ProductKind.PLAN:
            event = event.model_copy(update={"kind": PaymentEventKind.PLAN_PAID})
        applied = await billing.apply_payment_event(self.deps, event)
        log.info("stars payment", extra={"event_id": event.event_id, "applied": applied})


async def refund_stars(bot: Bot, deps: Deps, user_id: int, charge_id: str) -> bool:
    """Operator action: give the Stars back (refundStarPayment), then take the credits back once."""
    await bot.refund_star_payment(user_id, charge_id)
    event = PaymentEvent(
        event_id=f"{PROVIDER}:refund:{charge_id}",
        provider=PROVIDER,
        kind=PaymentEventKind.REFUNDED,
        account_id=None,
        payment_ref=charge_id,
        platform="telegram",
    )
    return await billing.apply_payment_event(deps, event)
