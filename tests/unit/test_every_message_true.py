"""Each English text is true where it is shown: no /buy where nothing is for sale, no free images where the
operator gives none, no "refunded" twice, the right plural for every count, and the payment page in the
browser's language."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from adapters.chat.render import (
    balance_text,
    cancelled_text,
    consent_accepted_text,
    done_text,
    failed_text,
    help_text,
    progress_text,
    queued_text,
)
from bot import web
from core.locales import LOCALES
from core.models import (
    Balance,
    DeliveryTarget,
    Generation,
    GenerationRequest,
    GenerationStatus,
    Hold,
    Platform,
    Product,
)
from core.policy import Policy

PACK = Product(id="pack", label="Pack", price="€5", credits=50)
WHEN = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def made(count: int = 1, free: int = 1, paid: int = 0, **fields: object) -> Generation:
    target = DeliveryTarget(platform=Platform.TELEGRAM, chat_id="1", private=True)
    hold = Hold(free_images=free, paid_credits=paid, unit_price=1, free_day=date(2026, 12, 1))
    request = GenerationRequest(prompt="a fox", count=count)
    values = {"status": GenerationStatus.FAILED, "created_at": WHEN, "updated_at": WHEN, **fields}
    return Generation.model_validate(
        {"id": "g1", "account_id": "a1", "request": request, "hold": hold, "delivery": target, **values}
    )


@pytest.mark.parametrize("key", ["help", "help_console", "help_discord"])
def test_help_lists_buying_only_where_something_is_for_sale(key: str) -> None:
    selling, not_selling = help_text(key, Policy(products=(PACK,)), "en"), help_text(key, Policy(), "en")

    assert "/buy" in selling and "/billing" in selling
    assert "/buy" not in not_selling and "/billing" not in not_selling and "/paysupport" not in not_selling
    assert "\n\n" not in not_selling, "no empty line where the buying line was"


def test_without_free_images_nothing_mentions_them() -> None:
    policy = Policy(free_per_day=0)
    balance = Balance(free_left=0, free_per_day=0, paid_credits=5)

    texts = [
        consent_accepted_text(policy, "en"),
        balance_text(balance, policy, "en"),
        done_text(made(status=GenerationStatus.SUCCEEDED), balance, "en"),
    ]

    assert not [text for text in texts if "free" in text.lower()], texts
    assert texts[2] == "Done: “a fox” — 5 credits left."


def test_with_free_images_the_counts_are_in_words_with_the_right_plural() -> None:
    policy = Policy(free_per_day=1)

    assert consent_accepted_text(policy, "en").endswith("You get 1 free image every day.")
    one = done_text(made(), Balance(free_left=1, free_per_day=1, paid_credits=1), "en")
    assert one == "Done: “a fox” — 1 free image left today, 1 credit."


def test_a_refused_prompt_says_why_and_that_nothing_was_charged_once() -> None:
    refused = failed_text(made(error_code="prompt_rejected"), "en")
    unavailable = failed_text(made(count=2, error_code="provider_unavailable"), "en")

    assert refused == (
        "Sorry, your image could not be made: This prompt can't be used: it goes against the content policy. "
        "Nothing was charged: what it held was refunded."
    )
    assert refused.count("charged") == 1
    assert unavailable.startswith("Sorry, your images could not be made: The image service is unavailable")


def test_a_cancel_says_what_came_back_in_words() -> None:
    assert cancelled_text(made(free=1, paid=2), "en") == (
        "Cancelled. Nothing was made, and what it held was refunded: 1 free image and 2 credits."
    )
    assert cancelled_text(made(free=0, paid=1), "en").endswith("refunded: 1 credit.")


def test_queued_and_progress_agree_with_the_number_of_images() -> None:
    assert queued_text(made(count=1), "en").startswith("Queued: 1 image, 1 free. I'll send the result here.")
    assert queued_text(made(count=3, free=3), "en").startswith("Queued: 3 images, 3 free. I'll send the results")
    assert progress_text(made(count=1), "storing", 1, "en") == "Almost there: saving your image…"


@pytest.mark.parametrize(
    ("header", "locale"),
    [
        ("es-ES,es;q=0.9,en;q=0.8", "es"),
        ("ja,pt-BR;q=0.8,en;q=0.5", "pt_br"),
        ("en;q=0.2, ar;q=0.9", "ar"),
        ("xx, *;q=0.5", "en"),
        ("", "en"),
        ("fr;q=abc, de", "de"),
    ],
)
def test_the_payment_page_speaks_the_browsers_first_language_the_bot_speaks(
    monkeypatch: pytest.MonkeyPatch, header: str, locale: str
) -> None:
    monkeypatch.setattr(web, "available", lambda: LOCALES)

    assert web.browser_locale(header) == locale
