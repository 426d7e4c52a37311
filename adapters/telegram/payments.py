"""Telegram Stars: digital goods sold inside Telegram are paid in Stars (currency XTR, no provider token).

Flow: a Stars button → sendInvoice; Telegram asks pre_checkout_query (answered within 10 s: the payload,
product, price and account are checked, and a refusal carries a reason); the credits are granted only on
successful_payment, keyed by telegram_payment_charge_id through the core's apply_payment_event, so a payment
delivered twice is granted once. A plan bought with Stars grants one month of the plan's credits (Stars
invoices sent by a bot do not renew). Refunds: the operator's `python -m bot refund-stars <charge id>`
(`refund_star_charge`), or Telegram's `refunded_payment` service message; either takes the credits back once per charge
id. A payment whose grant failed is found again by the reconciliation (adapters/telegram/stars_ledger.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from telegram import Bot, LabeledPrice, Message, PreCheckoutQuery, Update
from telegram.error import BadRequest
from telegram.ext import Application, MessageHandler, PreCheckoutQueryHandler, filters

from adapters.chat.render import product_text
from adapters.telegram.limits import INVOICE_DESCRIPTION_MAX, INVOICE_PAYLOAD_MAX_BYTES, INVOICE_TITLE_MAX, clip
from adapters.telegram.replies import Context, internal_error_text
from adapters.telegram.updates import identity_of, locale_of
from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.models import Identity, Payment, PaymentEvent, PaymentEventKind, Platform, ProductKind
from core.texts import t
from core.usecases import billing
from core.usecases.accounts import require_consent

log = logging.getLogger(__name__)

PROVIDER = "telegram_stars"
CURRENCY = "XTR"
PAYLOAD_VERSION = "v1"
ALREADY_REFUNDED = "CHARGE_ALREADY_REFUNDED"  # Bot API's answer to refundStarPayment for a refunded charge


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
    return paid_event(paid.telegram_payment_charge_id, paid.invoice_payload, paid.total_amount)


def paid_event(charge_id: str, payload: str, stars: int) -> PaymentEvent | None:
    """A Stars payment for one of our invoices, keyed by its charge id (from the service message, or found in
    getStarTransactions by the reconciliation: the same key, so it is granted once either way)."""
    parsed = parse_payload(payload)
    if parsed is None:
        return None
    product_id, account_id = parsed
    return PaymentEvent(
        event_id=f"{PROVIDER}:{charge_id}",
        provider=PROVIDER,
        kind=PaymentEventKind.PACK_PAID,
        account_id=account_id,
        product_id=product_id,
        payment_ref=charge_id,
        platform="telegram",
        raw={"currency": CURRENCY, "total_amount": stars},
    )


def refund_event(charge_id: str) -> PaymentEvent:
    """Stars given back for a charge, however it happened (operator command, refunded_payment, or seen by the
    reconciliation): the credits are taken back once per charge id."""
    return PaymentEvent(
        event_id=f"{PROVIDER}:refund:{charge_id}",
        provider=PROVIDER,
        kind=PaymentEventKind.REFUNDED,
        account_id=None,
        payment_ref=charge_id,
        reversal_id=charge_id,
        platform="telegram",
    )


async def apply_stars_payment(deps: Deps, event: PaymentEvent) -> bool:
    """Grant a Stars payment (a plan bought with Stars grants one month of its credits)."""
    product = deps.policy.product(event.product_id or "")
    if product is not None and product.kind is ProductKind.PLAN:
        event = event.model_copy(update={"kind": PaymentEventKind.PLAN_PAID})
    return await billing.apply_payment_event(deps, event)


class StarsHandlers:
    def __init__(self, deps: Deps) -> None:
        self.deps = deps

    def register(self, app: Application) -> None:  # type: ignore[type-arg]
        app.add_handler(PreCheckoutQueryHandler(self.pre_checkout))
        app.add_handler(MessageHandler(filters.SUCCESSFUL_PAYMENT, self.successful_payment))
        app.add_handler(MessageHandler(filters.StatusUpdate.REFUNDED_PAYMENT, self.refunded_payment))

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
        """Grant once per charge id; the core tells the person (payment_received) in this chat. If the grant fails
        (Store down), the reconciliation finds the charge in getStarTransactions and grants it later."""
        message = update.effective_message
        event = payment_event(message) if message else None
        if event is None:
            log.error("successful_payment that is not one of our Stars invoices")
            return
        applied = await apply_stars_payment(self.deps, event)
        log.info("stars payment", extra={"event_id": event.event_id, "applied": applied})

    async def refunded_payment(self, update: Update, context: Context) -> None:
        """Telegram says Stars went back to the person (Bot API RefundedPayment): take the credits back once."""
        message = update.effective_message
        refunded = message.refunded_payment if message else None
        if refunded is None or refunded.currency != CURRENCY:
            return
        applied = await billing.apply_payment_event(self.deps, refund_event(refunded.telegram_payment_charge_id))
        log.info("stars refund", extra={"applied": applied})


async def refund_stars(bot: Bot, deps: Deps, user_id: int | None, charge_id: str) -> bool:
    """Operator action: give the Stars back, then take the credits back once; True if credits were taken back now.

    `user_id` may be None for a charge this bot recorded (the payer is found from it)."""
    return (await refund_star_charge(bot, deps, charge_id, user_id)).credits_taken > 0


async def refund_star_charge(bot: Bot, deps: Deps, charge_id: str, user_id: int | None = None) -> StarsRefund:
    """Give the Stars of one charge back (refundStarPayment), then take the credits back once; what it did.

    The payer is found from the recorded payment (or given, for a charge this bot never recorded). A charge that
    Telegram says is already refunded still has its credits taken back (once): the Stars are back with the person.
    """
    payment = await deps.store.find_payment(PROVIDER, charge_id)
    payer = user_id if user_id is not None else await _payer(deps, payment)
    if payer is None:
        raise LookupError(f"no Stars payment recorded with charge id {charge_id}")
    try:
        await bot.refund_star_payment(payer, charge_id)
        already = False
    except BadRequest as error:
        if ALREADY_REFUNDED not in str(error).upper():
            raise
        already = True
    taken = await billing.apply_payment_event(deps, refund_event(charge_id))
    return StarsRefund(charge_id, payer, payment.credits if payment and taken else 0, already)


@dataclass(frozen=True)
class StarsRefund:
    """What an operator refund did: credits taken back now (0 if they already were), and whether Telegram had
    already refunded the Stars."""

    charge_id: str
    user_id: int
    credits_taken: int
    already_refunded: bool


async def _payer(deps: Deps, payment: Payment | None) -> int | None:
    if payment is None:
        return None
    identities = await deps.store.identities(payment.account_id)
    telegram = [i.platform_user_id for i in identities if i.platform is Platform.TELEGRAM]
    return int(telegram[0]) if telegram and telegram[0].lstrip("-").isdigit() else None
