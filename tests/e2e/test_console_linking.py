"""Linking from the console chat (the same commands as Telegram and Discord, typed): a Telegram user's code joins
the console, the merge is spelled out before `/link <code> yes`, and /accounts and /unlink answer in words."""

from __future__ import annotations

from adapters.console.chat import ConsoleChat
from core.models import Identity, Platform
from core.usecases import linking
from tests.unit.conftest import ALICE, make_world

CONSOLE = Identity(platform=Platform.CONSOLE, platform_user_id="local")


async def test_the_console_joins_a_telegram_account_after_seeing_the_merge_and_can_unlink_it_again() -> None:
    world = make_world()
    await world.member(ALICE, credits=12)
    said: list[str] = []
    chat = ConsoleChat(world.deps, said.append)
    await chat.handle("/start")
    await chat.handle("/accept")
    await world.member(CONSOLE, credits=5)
    code = (await linking.issue_code(world.deps, ALICE, "@alice")).code
    said.clear()

    await chat.handle(f"/link {code}")
    await chat.handle(f"/link {code} yes")
    await chat.handle(f"/link {code} yes")
    await chat.handle("/accounts")
    await chat.handle("/unlink telegram")
    await chat.handle("/unlink console")

    preview, linked, again, listed, unlinked, last = said
    assert preview.startswith("Your console account will share credits, plan and history with Telegram user @alice.")
    assert "paid credits add up: 5 here + 12 there = 17" in preview
    assert f"To confirm, send: /link {code} yes" in preview
    assert linked.startswith("Linked!") and "Paid credits: 17." in linked
    assert again == "This account is already linked to that one. See /accounts."
    assert "• Telegram: @alice" in listed and "• console: local (you, here)" in listed
    assert unlinked.startswith("Telegram is no longer linked to this account.")
    assert "only identity" in last
