"""What a Telegram group sees and what it never sees, and prompts the stores cannot take: the real
python-telegram-bot Application against FakeTelegram, the real core on SQLite (see test_telegram.py)."""

# ruff: noqa: F811
# (the fixtures `fake` and `bot` are imported from test_telegram.py and named again as test parameters)

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from tests.e2e.test_telegram import ADA, GROUP, Harness, bot, button_data, fake, running, settings_for  # noqa: F401
from tests.fakes.telegram_api import FakeTelegram


def group_texts(fake: FakeTelegram) -> list[str]:
    return [c.params.get("text", c.params.get("caption", "")) for c in fake.calls if c.chat_id == GROUP["id"] and c.ok]


# --- item 10: no personal figures in a group ---------------------------------------------------------------------


async def test_a_result_in_a_group_shows_no_balance_but_the_same_result_in_private_does(
    bot: Harness, fake: FakeTelegram
) -> None:
    await bot.onboard(ADA)

    await bot.command(ADA, "/imagine@ImageTestBot a boat", chat=GROUP)
    in_group = await bot.photo(GROUP["id"])
    await bot.command(ADA, "/imagine a boat")
    in_private = await bot.photo(ADA.id)

    assert in_group.params["caption"] == "Done: “a boat”"
    assert "free images left today" in in_private.params["caption"] and "credits" in in_private.params["caption"]
    assert not [text for text in group_texts(fake) if "free" in text or "credits" in text], group_texts(fake)


async def test_the_queued_line_in_a_group_does_not_say_what_it_cost_the_person(
    bot: Harness, fake: FakeTelegram
) -> None:
    await bot.onboard(ADA)

    await bot.command(ADA, "/imagine@ImageTestBot a lighthouse", chat=GROUP)
    await bot.photo(GROUP["id"])

    # The queued line is progress: it goes only from spare budget, and a later state (or the photo) may overtake it.
    queued = [c for c in fake.calls_to("editMessageText", GROUP["id"]) if "Queued" in c.params["text"]]
    texts = [c.params["text"] for c in queued]
    assert all(text.startswith("Queued: 1 image. ") for text in texts), texts
    assert not [text for text in group_texts(fake) if "free" in text or "credit" in text], group_texts(fake)


async def test_running_out_of_credits_in_a_group_says_so_without_the_persons_figures(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    async with running(settings_for(tmp_path, fake, free_images_per_day=1), fake) as bot:
        await bot.onboard(ADA)

        await bot.command(ADA, "/imagine@ImageTestBot two owls --n 2", chat=GROUP)
        refused = await bot.said(GROUP["id"], "Not enough credits", method="editMessageText")

        assert "you have" not in refused.params["text"] and "/balance" in refused.params["text"]
        assert button_data(refused) == ["buy:menu"]
        await bot.command(ADA, "/imagine two owls --n 2")
        private = await bot.said(ADA.id, "Not enough credits", method="editMessageText")
        assert "and 0 credits" in private.params["text"]


# --- item 12: NUL and lone surrogates -----------------------------------------------------------------------------


@pytest.mark.parametrize("prompt", ["a cat\x00 in a hat", "a broken emoji \ud83d here"])
async def test_a_prompt_with_nul_or_a_lone_surrogate_gets_a_clear_refusal_and_costs_nothing(
    bot: Harness, fake: FakeTelegram, prompt: str
) -> None:
    await bot.onboard(ADA)

    await bot.command(ADA, f"/imagine {prompt}")
    refused = await bot.said(ADA.id, "characters I can't use")

    assert "Nothing was charged" in refused.params["text"]
    account = await bot.account(ADA)
    assert account is not None and await bot.runtime.deps.store.generations(account.id) == []
    assert not fake.calls_to("sendPhoto")


# --- item 11: /mydata is something a person can download -----------------------------------------------------------


async def test_mydata_is_a_zip_of_the_json_and_the_images_with_no_server_path(
    bot: Harness, fake: FakeTelegram, tmp_path: Path
) -> None:
    await bot.onboard(ADA)
    await bot.command(ADA, "/imagine a boat")
    photo = await bot.photo(ADA.id)

    await bot.command(ADA, "/mydata")
    sent = await fake.wait_call("sendDocument", ADA.id)

    upload = sent.upload("document")
    assert upload is not None and upload.filename == "mydata.zip"
    archive = zipfile.ZipFile(io.BytesIO(upload.data))
    raw = archive.read("mydata.json").decode()
    [made] = json.loads(raw)["generations"]
    [image] = made["images"]
    sent_photo = photo.upload("photo")
    assert sent_photo is not None and archive.read(image["file"]) == sent_photo.data
    assert str(tmp_path) not in raw and made["image_links"] == []
    assert "mydata.json and your images" in sent.params["caption"]
