"""`/admin announce` through the admin tools' one dispatcher: on Telegram (the real python-telegram-bot against the
fake Bot API) and from the operator's shell (`python -m bot admin`); Discord: test_admin_announce_discord.py.
An announcement is recorded once per command — a redelivered update records nothing again — and each person gets
one copy; nobody but an admin can announce."""

# ruff: noqa: F811
# (the fixture `fake` is imported from test_telegram.py and named again as a test parameter)

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from core.announcer import Announcer
from core.usecases import announcements
from tests.e2e.test_cli import run_bot
from tests.e2e.test_console import run_console
from tests.e2e.test_telegram import ADA, BOB, Harness, fake, running, settings_for  # noqa: F401
from tests.e2e.test_telegram_admin import ROOT, UNKNOWN
from tests.fakes.telegram_api import FakeTelegram

NOTICE = "From 1 January we keep prompts for 30 days."


@contextlib.asynccontextmanager
async def sending(harness: Harness) -> AsyncIterator[None]:
    """The bot process's announcement sender, as `python -m bot run` starts it."""
    task = asyncio.create_task(Announcer(harness.runtime.deps, harness.runtime.router.platforms, idle_s=0.05).run())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def test_an_admin_announces_once_on_telegram_and_everyone_gets_one_copy(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    fake.chats_seen.add(ROOT.id)
    async with running(settings_for(tmp_path, fake, admin_telegram_ids=str(ROOT.id)), fake) as bot:
        await bot.onboard(ADA)
        await bot.onboard(BOB)
        await bot.command(ADA, f"/admin announce policy {NOTICE}")
        refused = await bot.said(ADA.id, UNKNOWN)
        update = bot.updates.text(ROOT, f"/admin announce policy {NOTICE}")

        await bot.send(update)
        recorded = await bot.said(ROOT.id, "Announcement ")
        await bot.send(update)  # Telegram delivers the same update again
        again = await bot.said(ROOT.id, "Already recorded")
        async with sending(bot):
            await fake.wait_for(lambda c: c.method == "sendMessage" and c.params["text"].startswith("📣"), count=3)
            await bot.command(ROOT, "/admin announce status")
            status = await bot.said(ROOT.id, "sent 3")
        [progress] = await announcements.progress(bot.runtime.deps)

    copies = [c.chat_id for c in fake.calls if c.ok and c.method == "sendMessage" and c.params["text"].startswith("📣")]
    assert sorted(copies) == sorted([ADA.id, BOB.id, ROOT.id])  # the admin has an account too (made on first use)
    assert "recorded for 3 accounts" in recorded.params["text"]
    assert again.params["text"].startswith("Already recorded") and refused.params["text"].startswith(UNKNOWN)
    assert "policy" in status.params["text"] and "remaining 0 · done" in status.params["text"]
    assert progress.total == 3


def test_the_operator_announces_from_the_shell_once_per_key(tmp_path: Path) -> None:
    run_console(tmp_path, "/start\n/accept\n")

    first = run_bot("admin", "--key", "notice-1", "announce", "news", "Maintenance", "tonight", env={}, cwd=tmp_path)
    again = run_bot("admin", "--key", "notice-1", "announce", "news", "Maintenance", "tonight", env={}, cwd=tmp_path)
    chat = run_console(tmp_path, "/balance\n")
    status = run_bot("admin", "announce", "status", env={}, cwd=tmp_path)

    assert first.returncode == 0 and "recorded for 1 account" in first.stdout
    assert again.returncode == 0 and again.stdout.startswith("Already recorded")
    assert chat.count("📣 Maintenance tonight") == 1
    assert "sent 1 · blocked 0" in status.stdout
