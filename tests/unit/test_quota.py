"""The pure money decisions."""

from __future__ import annotations

from core.quota import free_eligible, plan_hold, plan_settlement


def test_free_images_are_spent_before_paid_credits() -> None:
    plan = plan_hold(count=4, unit_price=2, free_left=3, paid_balance=10, eligible=True)

    assert plan is not None and (plan.free_images, plan.paid_credits) == (3, 2)


def test_a_hold_is_all_or_nothing() -> None:
    assert plan_hold(count=4, unit_price=2, free_left=0, paid_balance=7, eligible=True) is None


def test_a_negative_balance_blocks_even_free_images_until_a_top_up() -> None:
    assert plan_hold(count=1, unit_price=1, free_left=1, paid_balance=-5, eligible=True) is None
    assert plan_hold(count=1, unit_price=1, free_left=1, paid_balance=0, eligible=True) is not None


def test_settling_keeps_free_images_first_and_refunds_the_rest() -> None:
    plan = plan_settlement(free_images=1, paid_credits=6, unit_price=2, delivered=2)

    assert (plan.captured_free, plan.captured_credits, plan.refunded_free, plan.refunded_credits) == (1, 2, 0, 4)


def test_free_images_cover_resolutions_up_to_the_cap() -> None:
    assert free_eligible("1K", "1K") and not free_eligible("2K", "1K") and free_eligible("2K", "4K")
