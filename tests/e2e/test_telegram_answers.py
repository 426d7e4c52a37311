"""Every path a Telegram user can take gets an answer: through the real PTB Application against FakeTelegram."""

# ruff: noqa: F811
# (the fixtures `fake` and `bot` are imported from test_telegram.py and named again as test parameters)

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.test_telegram import ADA, BOB, Harness, bot, button_data, fake, png, running, settings_for  # noqa: F401
from tests.fakes.telegram_api import FakeTelegram


def file_ref(n: int) -> dict[str, Any]:
    return {"file_id": f"file-{n}", "file_unique_id": f"unique-{n}"}


UNUSABLE: list[tuple[str, dict[str, Any], str]] = [
    (
        "sticker",
        {
            "sticker": {
                **file_ref(1),
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
            }
        },
        "I can't use stickers.",
    ),
    (
        "gif",
        {
            "animation": {**file_ref(2), "width": 320, "height": 240, "duration": 3, "mime_type": "video/mp4"},
            "document": {**file_ref(2), "mime_type": "video/mp4", "file_name": "cat.gif.mp4"},
        },
        "I can't use GIFs",
    ),
    ("voice", {"voice": {**file_ref(3), "duration": 4, "mime_type": "audio/ogg"}}, "I can't listen"),
    ("video", {"video": {**file_ref(4), "width": 640, "height": 360, "duration": 9}}, "I can't use videos."),
    (
        "pdf",
        {"document": {**file_ref(5), "mime_type": "application/pdf", "file_name": "brief.pdf"}},
        "I can only use images",
    ),
]


@pytest.mark.parametrize(("kind", "content", "answer"), UNUSABLE, ids=[u[0] for u in UNUSABLE])
async def test_media_the_bot_cannot_use_gets_a_short_helpful_answer_in_a_private_chat(
    bot: Harness, kind: str, content: dict[str, Any], answer: str
) -> None:
    await bot.onboard(ADA)

    await bot.send(bot.updates._update(message=bot.updates.message_json(ADA, **content)))

    reply = await bot.said(ADA.id, answer)
    assert "photo" in reply.params["text"] or "type" in reply.params["text"]


async def test_a_photo_without_a_caption_is_answered_with_how_to_edit_it(bot: Harness, fake: FakeTelegram) -> None:
    await bot.onboard(ADA)

    await bot.send(bot.updates.photo(ADA, fake.photo_sizes(png())))

    await bot.said(ADA.id, "reply to it with /imagine <what to change>")
    assert fake.calls_to("sendPhoto") == []


async def test_regenerate_and_vary_without_an_id_use_the_latest_generation(bot: Harness, fake: FakeTelegram) -> None:
    await bot.onboard(ADA)
    await bot.command(ADA, "/imagine a lantern")
    await bot.photo(ADA.id)

    await bot.command(ADA, "/regenerate")
    again = await bot.photo(ADA.id, count=2)
    await bot.command(ADA, "/vary")
    varied = await bot.photo(ADA.id, count=3)

    assert "a lantern" in again.params["caption"] and "a lantern" in varied.params["caption"]
    account = await bot.account(ADA)
    assert account is not None
    made = await bot.runtime.deps.store.generations(account.id)
    assert len(made) == 3 and made[2].request.reference_keys == (made[1].image_keys[0],)


async def test_vary_before_any_image_says_there_is_nothing_yet(bot: Harness) -> None:
    await bot.onboard(ADA)

    await bot.command(ADA, "/vary")

    await bot.said(ADA.id, "You have no images yet", method="editMessageText")


async def test_someone_elses_vary_button_is_refused_with_whose_button_it_is(bot: Harness) -> None:
    await bot.onboard(ADA)
    await bot.command(ADA, "/imagine a kite")
    photo = await bot.photo(ADA.id)
    vary = next(d for d in button_data(photo) if d.startswith("vary:"))

    stranger = await bot.press(BOB, vary, photo.result)

    assert stranger.params["text"] == "Only the person who made this image can use this button."


async def test_a_settings_button_that_imagine_would_refuse_changes_nothing_and_says_why(bot: Harness) -> None:
    await bot.onboard(ADA)
    await bot.command(ADA, "/settings")
    menu = await bot.said(ADA.id, "Your settings")

    await bot.press(ADA, "set:ar:1:1", menu.result)
    refused = await bot.press(ADA, "set:res:4K", menu.result)

    account = await bot.account(ADA)
    assert account is not None and (account.default_aspect_ratio, account.default_resolution) == ("1:1", "1K")
    assert "4K isn't available with the 1:1 aspect ratio" in refused.params["text"]


async def test_billing_without_a_plan_says_so_and_offers_buy(bot: Harness) -> None:
    await bot.onboard(ADA)

    await bot.command(ADA, "/billing")

    await bot.said(ADA.id, "You don't have a plan. See the plans with /buy.")


async def test_out_of_credits_without_payments_counts_free_images_and_offers_no_buy_button(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    async with running(settings_for(tmp_path, fake, free_images_per_day=3, products_json="[]"), fake) as bot:
        await bot.onboard(ADA)

        await bot.command(ADA, "/imagine four owls --n 4")
        refused = await bot.said(ADA.id, "Not enough credits", method="editMessageText")

    text = refused.params["text"]
    assert "this needs 4 images, and you have 3 free images left today and 0 credits" in text
    assert "Free images reset at 00:00 UTC" in text
    assert "/buy" not in text and button_data(refused) == []


async def test_terms_and_privacy_show_the_operators_links_and_the_privacy_contact(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    settings = settings_for(
        tmp_path,
        fake,
        terms_url="https://gpt-image.example/terms",
        privacy_url="https://gpt-image.example/privacy",
        privacy_contact="privacy@gpt-image.run",
    )
    async with running(settings, fake) as bot:
        await bot.command(ADA, "/start")
        welcome = await bot.said(ADA.id, "Welcome to GPT-Image-2")
        await bot.command(ADA, "/terms")
        terms = await bot.said(ADA.id, "Terms of use")
        await bot.command(ADA, "/privacy")
        privacy = await bot.said(ADA.id, "Privacy, in short")

    assert "/terms" in welcome.params["text"]
    assert "The full terms: https://gpt-image.example/terms" in terms.params["text"]
    assert "Privacy questions: privacy@gpt-image.run" in privacy.params["text"]
    assert "The full privacy policy: https://gpt-image.example/privacy" in privacy.params["text"]
    commands = [c["command"] for c in fake.commands]
    assert {"terms", "regenerate", "vary", "paysupport"} <= set(commands)
