"""Linking's words: what the confirmation and the result say, also where the operator gives no free images."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.chat.link_render import linked_text, preview_text
from core.models import Balance, Identity, LinkedIdentity, Platform
from core.ports import LinkStatus
from core.usecases.link_preview import LinkPreview, MergeFacts
from core.usecases.linking import Linked

ME = Identity(platform=Platform.DISCORD, platform_user_id="7")


def preview(free_per_day: int) -> LinkPreview:
    facts = MergeFacts(
        credits_here=20, credits_there=30, free_used_here=1, free_used_there=2, free_per_day=free_per_day,
        images_here=4, payments_here=1, plan="Pro",
    )  # fmt: skip
    return LinkPreview("ABCD-EFGH", Platform.DISCORD, Platform.TELEGRAM, "@ada", facts)


def linked(free_per_day: int) -> Linked:
    balance = Balance(free_left=free_per_day, free_per_day=free_per_day, paid_credits=50)
    identities = [LinkedIdentity(identity=ME, linked_at=datetime(2026, 12, 1, tzinfo=UTC))]
    return Linked(LinkStatus.MERGED, Platform.TELEGRAM, "@ada", balance, identities)


def test_the_merge_is_spelled_out_with_todays_free_use_counted_once() -> None:
    text = preview_text(preview(3), "en")

    assert text.startswith("Your Discord account will share credits, plan and history with Telegram user @ada.")
    assert "paid credits add up: 20 here + 30 there = 50" in text
    assert "free images today count once: 2 of 3 used" in text
    assert "images: 4, payments: 1" in text and "plan: Pro stays with the joined account" in text


def test_where_the_operator_gives_no_free_images_linking_never_mentions_them() -> None:
    shown, done = preview_text(preview(0), "en"), linked_text(linked(0), ME.platform, "en")

    assert "free" not in shown.lower() and "free" not in done.lower()
    assert "= 50" in shown and done.endswith("Paid credits: 50.")
