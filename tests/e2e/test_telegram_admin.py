"""The admin tools on Telegram: the real python-telegram-bot Application against FakeTelegram, the real core on
SQLite (see test_telegram.py). An admin grants, revokes, blocks and reads the stats; nobody else sees anything."""

# ruff: noqa: F811
# (the fixture `fake` is imported from test_telegram.py and named again as a test parameter)

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.e2e.test_telegram import ADA, BOB, GROUP, Harness, fake, running, settings_for  # noqa: F401
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.telegram_updates import TgUser

ROOT = TgUser(4242, "Root")
UNKNOWN = "I don't know that command. Here is what I can do:"


@pytest.fixture
async def bot(tmp_path: Path, fake: FakeTelegram) -> AsyncIterator[Harness]:
    fake.chats_seen.add(ROOT.id)  # the admin has written to the bot before: their chat can get its own menu
    async with running(settings_for(tmp_path, fake, admin_telegram_ids=f"{ROOT.id},777"), fake) as harness:
        yield harness


def texts_to(fake: FakeTelegram, chat_id: int) -> list[str]:
    return [c.params.get("text", "") for c in fake.calls if c.method == "sendMessage" and c.chat_id == chat_id]


async def test_only_the_admins_private_chat_lists_the_admin_command(bot: Harness, fake: FakeTelegram) -> None:
    admin_menu = [c["command"] for c in fake.commands_for_chat(ROOT.id)]

    assert "admin" in admin_menu and admin_menu[:2] == ["start", "imagine"]
    assert "admin" not in [c["command"] for c in fake.commands]
    assert "admin" not in [c["command"] for c in fake.commands_for_chat(ADA.id)]
    assert json.dumps({"chat_id": 777, "type": "chat"}, sort_keys=True) not in fake.commands_by_scope  # never met


async def test_an_admin_unknown_to_telegram_at_start_gets_the_menu_with_their_first_message(
    bot: Harness, fake: FakeTelegram
) -> None:
    late = TgUser(777, "Late")

    await bot.command(late, "/help")
    await bot.said(late.id, "Commands:")

    assert "admin" in [c["command"] for c in fake.commands_for_chat(late.id)]


async def test_a_non_admin_gets_exactly_the_unknown_command_answer(bot: Harness, fake: FakeTelegram) -> None:
    await bot.onboard(ADA)

    await bot.command(ADA, "/admin grant 1001 100 please")
    refused = await bot.said(ADA.id, UNKNOWN)
    await bot.command(ADA, "/frobnicate")
    unknown = await bot.said(ADA.id, UNKNOWN, count=2)

    assert refused.params["text"] == unknown.params["text"]
    account = await bot.account(ADA)
    assert account is not None
    assert (await bot.runtime.deps.store.balance(account.id, bot.runtime.deps.clock.now().date(), 0)).paid_credits == 0
    assert await bot.runtime.deps.store.audit_log(account.id) == []


async def test_an_admin_grants_once_even_when_telegram_delivers_the_update_again(
    bot: Harness, fake: FakeTelegram
) -> None:
    await bot.onboard(ADA)
    update = bot.updates.text(ROOT, f"/admin grant {ADA.id} 50 sorry for the outage")

    await bot.send(update)
    granted = await bot.said(ROOT.id, "Granted 50 credits")
    await bot.send(update)  # the same update again (a retry after a lost answer)
    again = await bot.said(ROOT.id, "Already done")
    told = await bot.said(ADA.id, "An admin added 50 credits to your account (sorry for the outage)")
    await bot.command(ADA, "/balance")
    balance = await bot.said(ADA.id, "Paid credits: 50")

    assert "Their balance: 50 credits." in granted.params["text"]
    assert again.params["text"].startswith("Already done: this command was applied before (grant")
    assert told.ok and balance.ok


async def test_an_admin_revokes_never_below_zero_and_the_person_sees_it(bot: Harness, fake: FakeTelegram) -> None:
    await bot.onboard(ADA)
    await bot.command(ROOT, f"/admin grant {ADA.id} 20 goodwill")
    await bot.said(ROOT.id, "Granted 20 credits")

    await bot.command(ROOT, f"/admin revoke telegram:{ADA.id} 30 chargeback")
    revoked = await bot.said(ROOT.id, "Took 20 of the 30 credits")
    await bot.said(ADA.id, "An admin took 20 credits from your account (chargeback). Your credits now: 0.")
    await bot.command(ADA, "/balance")

    assert "never takes the balance below zero" in revoked.params["text"]
    await bot.said(ADA.id, "Paid credits: 0")


async def test_an_admin_blocks_a_person_who_keeps_only_their_privacy_rights(bot: Harness, fake: FakeTelegram) -> None:
    await bot.onboard(ADA)
    await bot.command(ROOT, f"/admin block {ADA.id} spamming groups")
    await bot.said(ROOT.id, "Blocked Ada")
    await bot.said(ADA.id, "Your account has been suspended by an admin")

    for command in ("/imagine a cat", "/balance", "/settings", "/start"):
        await bot.command(ADA, command)
    await bot.said(ADA.id, "Sorry, your account has been suspended", count=4)
    await bot.command(ADA, "/privacy")
    await bot.said(ADA.id, "Privacy, in short")
    await bot.command(ADA, "/mydata")
    export = await bot.fake.wait_for(lambda c: c.method == "sendDocument" and c.chat_id == ADA.id)

    assert export[-1].ok
    await bot.command(ROOT, f"/admin unblock {ADA.id}")
    await bot.said(ROOT.id, "Unblocked Ada")
    await bot.command(ADA, "/balance")
    await bot.said(ADA.id, "Free images left today")


async def test_an_admin_reads_the_stats_and_a_person_report(bot: Harness, fake: FakeTelegram) -> None:
    await bot.onboard(ADA)
    await bot.command(ADA, "/imagine a lighthouse")
    await bot.photo(ADA.id)

    await bot.command(ROOT, "/admin stats")
    stats = await bot.said(ROOT.id, "Stats (UTC)")
    await bot.command(ROOT, f"/admin user {ADA.id}")
    report = await bot.said(ROOT.id, "Identities: telegram:1001")

    assert "People active: 1 / 1" in stats.params["text"] and "delivered 1 / 1" in stats.params["text"]
    assert "succeeded: 1×1K, 1 free" in report.params["text"] and "a lighthouse" not in report.params["text"]


async def test_admin_commands_in_a_group_are_answered_as_unknown_even_for_an_admin(
    bot: Harness, fake: FakeTelegram
) -> None:
    await bot.command(ROOT, "/admin@ImageTestBot stats", chat=GROUP)

    answer = await bot.said(GROUP["id"], UNKNOWN)

    assert answer.ok and "Stats" not in "".join(texts_to(fake, GROUP["id"]))
