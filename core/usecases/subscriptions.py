"""A plan's state, following the payment provider's own subscription state machine (Creem's statuses).

Only `canceled` ends a plan (PLAN_ENDED): plan, status and subscription id are cleared then. Every other status
(paused, past_due, unpaid, expired, scheduled_cancel…) keeps the subscription id, so `/deleteme` still cancels it at
the provider, and the person is told what the status means and what to do (`plan_status.<status>` notices).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.models import Account, PaymentEvent, PaymentEventKind, PlanStatus

# A status that is news to the person when their plan moves into it (first activation is told by the payment).
TOLD_WHEN_REACHED = frozenset(PlanStatus) - {PlanStatus.ACTIVE}


@dataclass(frozen=True)
class PlanChange:
    """The account fields to write, and the notice (if any) to send afterwards."""

    fields: dict[str, object] = field(default_factory=dict)
    notice: str | None = None


def plan_change(account: Account, event: PaymentEvent) -> PlanChange:
    """Pure decision: what a verified payment event does to the account's plan fields."""
    fields: dict[str, object] = {}
    if event.customer_id and event.customer_id != account.customer_id:
        fields["customer_id"] = event.customer_id
    ours = account.subscription_id is None or account.subscription_id == event.subscription_id
    notice: str | None = None
    if event.kind is PaymentEventKind.PLAN_PAID:
        fields.update(
            plan=event.product_id or account.plan,
            plan_status=PlanStatus.ACTIVE,
            subscription_id=event.subscription_id or account.subscription_id,
        )
    elif event.kind is PaymentEventKind.PLAN_STATUS and event.plan_status is not None:
        fields_, notice = _status_change(account, event, event.plan_status, ours)
        fields.update(fields_)
    elif event.kind is PaymentEventKind.PLAN_ENDED and ours and (account.plan or account.subscription_id):
        fields.update(plan=None, plan_status=None, subscription_id=None)
        notice = "plan_ended"
    changed = {k: v for k, v in fields.items() if getattr(account, k) != v}
    return PlanChange(changed, notice if changed else None)


def _status_change(
    account: Account, event: PaymentEvent, status: PlanStatus, ours: bool
) -> tuple[dict[str, object], str | None]:
    """A status for the account's own subscription; a new subscription is only linked by a status granting access
    (a late `paused` for a subscription already canceled must not bring it back)."""
    if account.subscription_id is None and not (status.grants_access and event.subscription_id):
        return {}, None
    if not ours:
        return {}, None
    fields: dict[str, object] = {"plan_status": status, "subscription_id": event.subscription_id}
    if event.product_id:
        fields["plan"] = event.product_id
    was = account.plan_status
    told = status in TOLD_WHEN_REACHED or (status is PlanStatus.ACTIVE and was not in (None, PlanStatus.ACTIVE))
    return fields, f"plan_status.{status.value}" if told and was != status else None
