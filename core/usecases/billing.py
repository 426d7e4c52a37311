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
    Platform,
    Product,
)
from core.ports import Notice
from core.usecases.accounts import require_account, require_consent

log = logging.getLogger(__name__)


async def balance(deps: Deps, identity: Identity) -> Balance:
    account = await require_account(deps, identity)
    return await account_balance(deps, account)


async def account_balance(deps: Deps, account: Account) -> Balance:
    held = await deps.store.balance(account.id, deps.clock.now().date(), deps.policy.free_per_day)
    return held.model_copy(update={"plan": account.plan})


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


async def portal_link(deps: Deps, identity: Identity) -> str:
    account = await require_account(deps, identity)
    if not account.customer_id:
        raise DomainError(ErrorCode.NOT_FOUND)
    try:
        return await deps.payments.portal_url(account.customer_id)
    except ProviderError:
        raise DomainError(ErrorCode.PAYMENTS_UNAVAILABLE) from None


async def apply_payment_event(deps: Deps, event: PaymentEvent) -> bool:
    """Apply a verified provider event once (keyed by the payment, not the delivery); True if credits moved."""
    account = await _event_account(deps, event)
    if account is None:
        log.warning("payment event for an unknown or deleted account", extra={"event_id": event.event_id})
        await deps.store.record_event(event.provider, event.event_id, deps.clock.now())
        return False
    if event.kind in (PaymentEventKind.PACK_PAID, PaymentEventKind.PLAN_PAID):
        applied = await _grant(deps, account, event)
    elif event.kind in (PaymentEventKind.REFUNDED, PaymentEventKind.DISPUTED):
        applied = await _claw_back(deps, account, event)
    else:
        applied = False
        await _link_subscription(deps, account, event)
    await deps.store.record_event(event.provider, event.event_id, deps.clock.now())
    return applied


async def _event_account(deps: Deps, event: PaymentEvent) -> Account | None:
    """The account from the event's metadata, or (refunds and disputes carry none) from the original payment."""
    if event.account_id:
        return await deps.store.get_account(event.account_id)
    if event.kind in (PaymentEventKind.REFUNDED, PaymentEventKind.DISPUTED):
        payment = await deps.store.find_payment(event.provider, event.payment_ref)
        return await deps.store.get_account(payment.account_id) if payment else None
    return None


async def _grant(deps: Deps, account: Account, event: PaymentEvent) -> bool:
    product = deps.policy.product(event.product_id or "")
    credits = event.credits if event.credits is not None else (product.credits if product else None)
    if credits is None:
        log.error("payment for an unknown product; not granted", extra={"event_id": event.event_id})
        return False
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
    applied = await deps.store.record_payment(payment, kind, f"{event.provider}:{kind.value}:{event.payment_ref}")
    await _link_subscription(deps, account, event)
    if applied:
        await _tell(deps, account, event, "plan_renewed" if plan else "payment_received", credits)
    return applied


async def _claw_back(deps: Deps, account: Account, event: PaymentEvent) -> bool:
    payment = await deps.store.find_payment(event.provider, event.payment_ref)
    credits = payment.credits if payment else (event.credits or 0)
    if credits <= 0:
        log.warning("refund or dispute for an unknown payment", extra={"event_id": event.event_id})
        return False
    key = f"{event.provider}:clawback:{event.payment_ref}"
    applied = await deps.store.add_credits(
        account.id, -credits, LedgerKind.CLAWBACK, key, event.kind.value, deps.clock.now()
    )
    if applied:
        await _tell(deps, account, event, "payment_reversed", credits)
    return applied


async def _link_subscription(deps: Deps, account: Account, event: PaymentEvent) -> None:
    changes: dict[str, object] = {}
    if event.customer_id and event.customer_id != account.customer_id:
        changes["customer_id"] = event.customer_id
    if event.kind is PaymentEventKind.PLAN_PAID:
        changes.update(plan=event.product_id, subscription_id=event.subscription_id or account.subscription_id)
    has_plan = bool(account.plan or account.subscription_id)
    if (
        event.kind is PaymentEventKind.PLAN_ENDED
        and has_plan
        and account.subscription_id in (None, event.subscription_id)
    ):
        changes.update(plan=None, subscription_id=None)
    if changes:
        fresh = await deps.store.get_account(account.id) or account
        await deps.store.save_account(fresh.model_copy(update=changes))
    if event.kind is PaymentEventKind.PLAN_ENDED and "plan" in changes:
        await _tell(deps, account, event, "plan_ended", 0)


async def _tell(deps: Deps, account: Account, event: PaymentEvent, key: str, credits: int) -> None:
    """Tell the person in the chat they bought from, unless they opted out of notifications."""
    if account.notifications_opt_out:
        return
    identities = await deps.store.identities(account.id)
    preferred = [i for i in identities if event.platform and i.platform.value == event.platform]
    candidates = preferred or [i for i in identities if i.platform is not Platform.CONSOLE] or identities
    if not candidates:
        return
    target = candidates[0]
    held = await account_balance(deps, account)
    notice = Notice(key=key, params={"credits": credits, "balance": held.paid_credits})
    try:
        await deps.messenger.notify(target, notice, account.locale)
    except Exception:
        log.warning("payment notice not delivered", exc_info=True, extra={"account_id": account.id})
