"""Balance, products, checkout and portal links, and applying verified payment events exactly once."""

from __future__ import annotations

import logging
import uuid

from core.deps import Deps
from core.errors import DomainError, ErrorCode, ProviderError
from core.models import (
    Account,
    Balance,
    Identity,
    LedgerKind,
    Payment,
    PaymentEvent,
    PaymentEventKind,
    PlanFields,
    Product,
    ProductKind,
)
from core.ports import Notice
from core.usecases import notices
from core.usecases.accounts import require_account, require_consent
from core.usecases.subscriptions import plan_change

log = logging.getLogger(__name__)

PLAN_CHANGE_ATTEMPTS = 8


class PaymentNotApplied(Exception):
    """A verified payment that could not be credited now (e.g. its product is not configured): answer the
    provider with an error so it delivers again, and the operator can fix the configuration meanwhile."""


async def balance(deps: Deps, identity: Identity) -> Balance:
    account = await require_account(deps, identity)
    return await account_balance(deps, account)


async def account_balance(deps: Deps, account: Account) -> Balance:
    held = await deps.store.balance(account.id, deps.clock.now().date(), deps.policy.free_per_day)
    return held.model_copy(update={"plan": account.plan, "plan_status": account.plan_status if account.plan else None})


def products(deps: Deps) -> tuple[Product, ...]:
    return deps.policy.products


async def checkout_link(deps: Deps, identity: Identity, product_id: str) -> tuple[Product, str]:
    """A checkout for this account (id and platform in the metadata); credits come only from the webhook."""
    account = await require_consent(deps, identity)
    product = deps.policy.product(product_id)
    if product is None:
        raise DomainError(ErrorCode.UNKNOWN_PRODUCT)
    request_id = f"{identity.platform.value}-{uuid.uuid4().hex}"
    try:
        url = await deps.payments.checkout_url(product, account, request_id, identity.platform.value)
    except ProviderError as error:
        log.warning("checkout failed", extra={"account_id": account.id, "code": error.code})
        raise DomainError(ErrorCode.PAYMENTS_UNAVAILABLE) from None
    return product, url


async def billing_page(deps: Deps, identity: Identity) -> tuple[Balance, str]:
    """What /billing shows: the plan and where it stands (paused, past due, …), and the portal link to act on it."""
    account = await require_account(deps, identity)
    url = await portal_link(deps, identity)
    return await account_balance(deps, account), url


async def portal_link(deps: Deps, identity: Identity) -> str:
    account = await require_account(deps, identity)
    if not account.customer_id:
        plans = any(product.kind is ProductKind.PLAN for product in deps.policy.products)
        raise DomainError(ErrorCode.NO_PLAN, offer_buy=bool(deps.policy.products), plans=plans)
    try:
        return await deps.payments.portal_url(account.customer_id)
    except ProviderError:
        raise DomainError(ErrorCode.PAYMENTS_UNAVAILABLE) from None


async def apply_payment_event(deps: Deps, event: PaymentEvent) -> bool:
    """Apply a verified provider event once (keyed by the payment, not the delivery); True if credits moved.

    Raises when the payment could not be applied (Store down, a product this bot does not know), so the provider's
    delivery is answered with an error and retried; a retry credits nothing twice.
    """
    account = await _event_account(deps, event)
    if account is None:
        log.warning("payment event for an unknown or deleted account", extra={"event_id": event.event_id})
        await _cancel_orphan_plan(deps, event)
        await deps.store.record_event(event.provider, event.event_id, deps.clock.now())
        return False
    if event.kind in (PaymentEventKind.PACK_PAID, PaymentEventKind.PLAN_PAID):
        applied = await _grant(deps, account, event)
    elif event.kind in (PaymentEventKind.REFUNDED, PaymentEventKind.DISPUTED):
        applied = await _claw_back(deps, account, event)
    else:
        applied = False
        await _apply_plan(deps, account, event)
    await deps.store.record_event(event.provider, event.event_id, deps.clock.now())
    return applied


async def _event_account(deps: Deps, event: PaymentEvent) -> Account | None:
    """The account from the event's metadata; else from the original payment (refunds and disputes) or from the
    subscription it holds (Creem's later subscription events may come without metadata)."""
    if event.account_id:
        return await deps.store.get_account(event.account_id)
    if event.kind in (PaymentEventKind.REFUNDED, PaymentEventKind.DISPUTED):
        payment = await deps.store.find_payment(event.provider, event.payment_ref)
        return await deps.store.get_account(payment.account_id) if payment else None
    if event.subscription_id:
        return await deps.store.account_by_subscription(event.subscription_id)
    return None


async def _grant(deps: Deps, account: Account, event: PaymentEvent) -> bool:
    if event.product_id is None and event.kind is PaymentEventKind.PLAN_PAID and account.plan:
        event = event.model_copy(update={"product_id": account.plan})  # a renewal of the plan it holds
    product = deps.policy.product(event.product_id or "")
    credits = event.credits if event.credits is not None else (product.credits if product else None)
    if credits is None:
        log.error("payment for an unknown product; not granted", extra={"event_id": event.event_id})
        raise PaymentNotApplied(f"product {event.product_id!r} is not configured")
    plan = event.kind is PaymentEventKind.PLAN_PAID
    payment = Payment(
        id=uuid.uuid4().hex,
        account_id=account.id,
        provider=event.provider,
        provider_ref=event.payment_ref,
        product_id=event.product_id,
        credits=credits,
        status="paid",
        created_at=deps.clock.now(),
    )
    kind = LedgerKind.RENEWAL if plan else LedgerKind.PURCHASE
    try:
        applied = await deps.store.record_payment(payment, kind, f"{event.provider}:{kind.value}:{event.payment_ref}")
    except DomainError as error:
        if error.code is not ErrorCode.NOT_FOUND:
            raise
        log.warning("payment for an account deleted a moment ago", extra={"event_id": event.event_id})
        await _cancel_orphan_plan(deps, event)
        return False
    alive = await _apply_plan(deps, account, event)
    if applied:
        deps.metrics.count("gib_credits_total", credits, kind="granted")
    if applied and alive:
        await _tell(deps, account, event, "plan_renewed" if plan else "payment_received", credits)
    return applied


async def _claw_back(deps: Deps, account: Account, event: PaymentEvent) -> bool:
    """Take back the share of the payment's credits this refund/dispute reverses, once per reversal id."""
    payment = await deps.store.find_payment(event.provider, event.payment_ref)
    if payment is None:
        # Deliveries come in any order: the payment's own event may still be on its way (or being retried).
        log.warning("refund or dispute before its payment; not applied yet", extra={"event_id": event.event_id})
        raise PaymentNotApplied(f"no payment recorded under {event.payment_ref!r} yet")
    if payment.credits <= 0:
        return False
    key = f"{event.provider}:clawback:{event.reversal_id or event.payment_ref}"
    taken = await _taken_back(deps, account.id, event.provider, event.payment_ref)
    credits = min(reversed_credits(payment.credits, event.amount, event.paid_amount), payment.credits - taken)
    if credits <= 0:
        log.info("reversal takes back nothing more", extra={"event_id": event.event_id})
        return False
    note = f"{event.kind.value} {event.payment_ref}"
    applied = await deps.store.add_credits(account.id, -credits, LedgerKind.CLAWBACK, key, note, deps.clock.now())
    if applied:
        await _tell(deps, account, event, "payment_reversed", credits)
    return applied


def reversed_credits(credits: int, amount: int | None, paid_amount: int | None) -> int:
    """Credits matching the reversed share of a payment (rounded to the nearest credit); all of them when the
    amounts are unknown or the whole payment is reversed."""
    if amount is None or not paid_amount or amount >= paid_amount:
        return credits
    return max(0, (credits * amount * 2 + paid_amount) // (paid_amount * 2))


async def _taken_back(deps: Deps, account_id: str, provider: str, payment_ref: str) -> int:
    """Credits already taken back for this payment by earlier refunds or disputes (never more than were bought)."""
    prefix = f"{provider}:clawback:"
    return sum(
        -entry.credits
        for entry in await deps.store.ledger(account_id)
        if entry.kind is LedgerKind.CLAWBACK
        and entry.idempotency_key.startswith(prefix)
        and entry.note.split(" ")[-1] == payment_ref
    )


async def _apply_plan(deps: Deps, account: Account, event: PaymentEvent) -> bool:
    """Move the plan along the provider's subscription states (see core.usecases.subscriptions); False when the
    account is being (or was just) deleted, so nobody is told about a payment or plan then.

    Only the plan fields change, by compare-and-set against the state the decision was made from; when another
    change won the race, decide again from a fresh read. An account being deleted gets no plan: a subscription
    granting one is cancelled at the provider instead, so a deleted person is never billed again.
    """
    for _ in range(PLAN_CHANGE_ATTEMPTS):
        fresh = await deps.store.get_account(account.id)
        if fresh is None or fresh.being_deleted:
            await _cancel_orphan_plan(deps, event)
            return False
        change = plan_change(fresh, event)
        if not change.fields:
            return True
        before = PlanFields.of(fresh)
        if await deps.store.change_plan(account.id, before, before.model_copy(update=change.fields)):
            if change.notice:
                plan = _plan_label(deps, event.product_id or fresh.plan)
                await _tell(deps, account, event, change.notice, 0, plan=plan)
            return True
    raise PaymentNotApplied("the plan kept changing under this event; the provider will deliver it again")


async def _cancel_orphan_plan(deps: Deps, event: PaymentEvent) -> None:
    """A subscription granting a plan to an account that is deleted or being deleted: stop it at the provider.

    A failure propagates, so the provider delivers the event again and the cancel is tried again.
    """
    grants = event.kind is PaymentEventKind.PLAN_PAID or (
        event.kind is PaymentEventKind.PLAN_STATUS and event.plan_status is not None and event.plan_status.grants_access
    )
    if not grants or not event.subscription_id:
        return
    log.warning("plan for a deleted account; cancelling its subscription", extra={"event_id": event.event_id})
    await deps.payments.cancel_subscription(event.subscription_id)


def _plan_label(deps: Deps, plan: str | None) -> str:
    product = deps.policy.product(plan or "")
    return product.label if product else (plan or "")


async def _tell(deps: Deps, account: Account, event: PaymentEvent, key: str, credits: int, **params: object) -> None:
    """Tell the person in the chat they bought from, unless they opted out of notifications."""
    held = await account_balance(deps, account)
    notice = Notice(key=key, params={"count": credits, "balance": held.paid_credits, **params})
    await notices.tell(deps, account, notice, platform=event.platform, essential=False)
