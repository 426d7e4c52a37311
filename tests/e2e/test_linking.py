"""One account across Telegram and Discord (issue 18), end to end: the real python-telegram-bot Application against
FakeTelegram and the real discord.py tree against FakeDiscord, sharing one runtime (the real core on SQLite). A
Telegram user and a Discord user link, spend from one balance, export once and delete once."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path

import discord
import pytest

from core.models import Identity, LedgerKind, Platform
from tests.e2e.test_discord import Bot, message_with, started
from tests.e2e.test_telegram import ADA, GROUP, Harness, running, settings_for
from tests.fakes.discord_api import EPHEMERAL, FakeDiscord
from tests.fakes.discord_payloads import USER_ID, component, slash
from tests.fakes.telegram_api import FakeTelegram

ALICE_DISCORD = Identity(platform=Platform.DISCORD, platform_user_id=str(USER_ID))
ADA_TELEGRAM = Identity(platform=Platform.TELEGRAM, platform_user_id=str(ADA.id))
CODE = re.compile(r"Your link code: ([A-Z0-9]{4}-[A-Z0-9]{4})")


@pytest.fixture
async def both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[tuple[Harness, Bot]]:
    async with FakeTelegram("123:TEST") as telegram:
        discord_api = FakeDiscord()
        await discord_api.start()
        monkeypatch.setattr(discord.http.Route, "BASE", discord_api.api_base)
        try:
            settings = settings_for(tmp_path, telegram, discord_bot_token="fake", free_images_per_day=3)
            async with running(settings, telegram) as tg, started(discord_api, tg.runtime) as dc:
                yield tg, dc
        finally:
            await discord_api.stop()


async def link_from_discord(tg: Harness, dc: Bot) -> str:
    """Ada asks for a code on Telegram and types it into Discord's /link; returns the confirmation's text."""
    await tg.command(ADA, "/link")
    code = CODE.search((await tg.said(ADA.id, "Your link code:")).params["text"])
    assert code is not None
    ask = slash("link", {"code": code.group(1).lower()})
    deferred, preview = await dc.answer(ask, dc.send(ask))
    assert deferred.json["type"] == 5 and deferred.flags & EPHEMERAL and preview.flags & EPHEMERAL
    press = component(f"gib:link:yes:{code.group(1)}", message_with(dc.fake, "gib:link:"))
    acknowledged, linked = await dc.answer(press, dc.send(press))
    assert acknowledged.json["type"] == 6
    return preview.content + "\n" + linked.content


async def test_a_telegram_and_a_discord_user_link_spend_one_balance_export_once_and_delete_once(
    both: tuple[Harness, Bot],
) -> None:
    tg, dc = both
    deps = tg.runtime.deps
    await tg.onboard(ADA)
    ada = await tg.account(ADA)
    assert ada is not None
    await deps.store.add_credits(ada.id, 10, LedgerKind.ADMIN, "grant", "test", deps.clock.now())

    said = await link_from_discord(tg, dc)
    imagine = slash("imagine", {"prompt": "a kite", "aspect_ratio": "16:9", "resolution": "2K"}, dm=True)
    result = await dc.followup(imagine, dc.send(imagine))
    await tg.command(ADA, "/balance")
    balance = await tg.said(ADA.id, "Paid credits:")

    assert "Your Discord account will share credits, plan and history with Telegram user Ada." in said
    assert "Linked!" in said and "Paid credits: 10." in said
    assert "3 free images left today, 8 credits" in result.content
    assert "Paid credits: 8" in balance.params["text"]

    export = slash("mydata", dm=True)
    _, exported = await dc.answer(export, dc.send(export))
    [archive] = exported.files
    document = json.loads(zipfile.ZipFile(io.BytesIO(archive.data)).read("mydata.json"))
    await tg.command(ADA, "/deleteme")
    confirm = await tg.said(ADA.id, "This deletes your account")
    yes = next(b["callback_data"] for b in confirm.buttons() if b["callback_data"].startswith("del:yes"))
    await tg.press(ADA, yes, confirm.result)
    await tg.said(ADA.id, "have been deleted", method="editMessageText")

    assert {(i["platform"], i["platform_user_id"]) for i in document["identities"]} == {
        ("telegram", str(ADA.id)),
        ("discord", str(USER_ID)),
    }
    assert [g["request"]["prompt"] for g in document["generations"]] == ["a kite"]
    assert "Telegram Ada, Discord @alice" in confirm.params["text"]
    assert await deps.store.find_account(ADA_TELEGRAM) is None and await deps.store.find_account(ALICE_DISCORD) is None


async def test_two_accounts_with_history_see_the_exact_merge_before_confirming(both: tuple[Harness, Bot]) -> None:
    tg, dc = both
    deps = tg.runtime.deps
    await tg.onboard(ADA)
    await dc.consent()
    for identity, credits in ((ADA_TELEGRAM, 30), (ALICE_DISCORD, 20)):
        account = await deps.store.find_account(identity)
        assert account is not None
        await deps.store.add_credits(account.id, credits, LedgerKind.ADMIN, f"g{credits}", "", deps.clock.now())

    said = await link_from_discord(tg, dc)
    accounts = slash("accounts", dm=True)
    listed = await dc.followup(accounts, dc.send(accounts))

    assert "paid credits add up: 20 here + 30 there = 50" in said
    assert "free images today count once: 0 of 3 used" in said
    assert "Paid credits: 50." in said
    assert "• Telegram: Ada" in listed.content and "• Discord: @alice (you, here)" in listed.content


async def test_unlink_on_telegram_detaches_discord_and_the_last_identity_stays(both: tuple[Harness, Bot]) -> None:
    tg, dc = both
    await tg.onboard(ADA)
    await link_from_discord(tg, dc)

    await tg.command(ADA, "/unlink discord")
    unlinked = await tg.said(ADA.id, "no longer linked")
    await tg.command(ADA, "/unlink telegram")
    refused = await tg.said(ADA.id, "only identity")

    assert "Discord is no longer linked to this account" in unlinked.params["text"]
    assert "/deleteme" in refused.params["text"]
    assert await tg.runtime.deps.store.find_account(ALICE_DISCORD) is None


async def test_a_link_code_asked_for_in_a_group_goes_to_the_private_chat_only(both: tuple[Harness, Bot]) -> None:
    tg, _ = both
    await tg.onboard(ADA)

    await tg.command(ADA, "/link@ImageTestBot", chat=GROUP)
    code = await tg.said(ADA.id, "Your link code:")
    note = await tg.said(GROUP["id"], "private message")

    assert CODE.search(code.params["text"]) is not None
    group_texts = [c.params.get("text", "") for c in tg.fake.calls if c.chat_id == GROUP["id"]]
    assert note.params["text"] in group_texts and not any("link code" in text for text in group_texts)


async def test_a_discord_code_confirmed_twice_on_telegram_links_once(both: tuple[Harness, Bot]) -> None:
    tg, dc = both
    await dc.consent()
    await tg.onboard(ADA)
    ask = slash("link", dm=True)
    _, issued = await dc.answer(ask, dc.send(ask))
    code = CODE.search(issued.content)
    assert code is not None

    await tg.command(ADA, f"/link {code.group(1)}")
    preview = await tg.said(ADA.id, "will share credits")
    yes = next(b["callback_data"] for b in preview.buttons() if b["callback_data"].startswith("link:yes"))
    await tg.press(ADA, yes, preview.result)
    linked = await tg.said(ADA.id, "Linked!", method="editMessageText")
    await tg.press(ADA, yes, preview.result)
    again = await tg.said(ADA.id, "already linked", method="editMessageText")

    assert (
        "Your Telegram account will share credits, plan and history with Discord user @alice." in preview.params["text"]
    )
    assert "Both accounts have history" not in preview.params["text"]  # a fresh /start account holds nothing
    assert linked.params["text"].startswith("Linked! This Telegram account now shares")
    assert again.params["text"] == "This account is already linked to that one. See /accounts."
    ada, alice = await tg.account(ADA), await tg.runtime.deps.store.find_account(ALICE_DISCORD)
    assert ada is not None and alice is not None and ada.id == alice.id


async def test_cancelling_the_confirmation_links_nothing(both: tuple[Harness, Bot]) -> None:
    tg, dc = both
    await tg.onboard(ADA)
    await tg.command(ADA, "/link")
    code = CODE.search((await tg.said(ADA.id, "Your link code:")).params["text"])
    assert code is not None
    ask = slash("link", {"code": code.group(1)})
    await dc.answer(ask, dc.send(ask))

    press = component("gib:link:no", message_with(dc.fake, "gib:link:"))
    _, answer = await dc.answer(press, dc.send(press))

    assert answer.content == "Nothing was linked."
    assert await tg.runtime.deps.store.find_account(ALICE_DISCORD) is None
