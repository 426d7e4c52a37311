"""Pure decisions about money: how a hold is split between free images and paid credits, and how it settles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from core.models import RESOLUTIONS, Resolution


def free_eligible(resolution: Resolution, free_max: Resolution) -> bool:
    """Free images cover resolutions up to the operator's cap (1K by default)."""
    return RESOLUTIONS.index(resolution) <= RESOLUTIONS.index(free_max)


@dataclass(frozen=True)
class HoldPlan:
    free_images: int
    paid_credits: int


def plan_hold(count: int, unit_price: int, free_left: int, paid_balance: int, eligible: bool) -> HoldPlan | None:
    """Spend free images first, then paid credits; None when the account cannot cover all `count` images.

    A balance made negative by a refund or chargeback blocks every generation until a top-up.
    """
    if paid_balance < 0:
        return None
    free = min(count, max(free_left, 0)) if eligible else 0
    paid = (count - free) * unit_price
    if paid > 0 and paid > paid_balance:
        return None
    return HoldPlan(free_images=free, paid_credits=paid)


@dataclass(frozen=True)
class SettlePlan:
    """What a finished hold becomes: credits kept (captured) and credits/free images given back (refunded)."""

    captured_credits: int
    captured_free: int
    refunded_credits: int
    refunded_free: int


def plan_settlement(free_images: int, paid_credits: int, unit_price: int, delivered: int) -> SettlePlan:
    """Images delivered consume free images first; everything not delivered is refunded."""
    kept_free = min(delivered, free_images)
    kept_paid = min((delivered - kept_free) * unit_price, paid_credits)
    return SettlePlan(
        captured_credits=kept_paid,
        captured_free=kept_free,
        refunded_credits=paid_credits - kept_paid,
        refunded_free=free_images - kept_free,
    )


def free_left(free_per_day: int, used_today: int) -> int:
    return max(free_per_day - used_today, 0)


def until_free_reset(now: datetime) -> timedelta:
    """Free images are counted per UTC day: they come back at the next UTC midnight."""
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight - now
