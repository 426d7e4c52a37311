"""The admin tools on Discord: the real discord.py command tree fed INTERACTION_CREATE payloads for `/admin`'s
subcommands, against the fake Discord REST API, the real core on SQLite (see test_discord.py)."""

# ruff: noqa: F811
# (the fixture `fake` is imported from test_discord.py and named again as a test parameter)

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.settings import Settings
from bot.wiring import Runtime, build
from core.models import Identity, Platform
from core.usecases import onboarding
from tests.e2e.test_discord import Bot, fake, started  # noqa: F401
from tests.fakes.discord_api import EPHEMERAL, FakeDiscord
from tests.fakes.discord_payloads import GUILD_ID, USER_ID, slash

ADMIN_ID = 1300000000000000042
ALICE = Identity(platform=Platform.DISCORD, platform_user_id=str(USER_ID))
UNKNOWN = "I don't know that command. Here is what I can do:"


Options = dict[str, str | int | bool]


def admin(action: str, options: Options | None = None, *, user_id: int = ADMIN_ID) -> dict[str, Any]:
    """`/admin <action> …` as Discord sends it: a guild command with one subcommand (type 1) and its options."""
    payload = slash("admin", user_id=user_id)
    types = {str: 3, int: 4, bool: 5}
    inner = [{"name": k, "type": types[type(v)], "value": v} for k, v in (options or {}).items()]
    payload["data"]["options"] = [{"name": action, "type": 1, "options": inner}]
    payload["data"]["guild_id"] = str(GUILD_ID)
    return payload


@pytest.fixture
async def runtime(tmp_path: Path) -> AsyncIterator[Runtime]:
    settings = Settings(
        bot_data_dir=tmp_path,
        discord_bot_token="fake",
        admin_discord_ids=str(ADMIN_ID),
        admin_discord_guild_id=GUILD_ID,
        _env_file=None,
    )  # type: ignore[call-arg]
    async with build(settings) as running:
        worker = asyncio.create_task(running.worker.run())
        yield running
        worker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await worker


@pytest.fixture
async def bot(fake: FakeDiscord, runtime: Runtime) -> AsyncIterator[Bot]:
    async with started(fake, runtime) as running:
        await onboarding.accept_terms(runtime.deps, ALICE, age_confirmed=True)
        yield running


async def ask(bot: Bot, payload: dict[str, Any]) -> str:
    first, answer = await bot.answer(payload, bot.send(payload))
    assert first.json["type"] == 5 and first.flags & EPHEMERAL and answer.flags & EPHEMERAL
    return answer.content


async def paid(bot: Bot) -> int:
    deps = bot.runtime.deps
    account = await deps.store.find_account(ALICE)
    assert account is not None
    return (await deps.store.balance(account.id, deps.clock.now().date(), 0)).paid_credits


async def test_admin_is_registered_only_in_the_admin_server_for_its_administrators(bot: Bot) -> None:
    [group] = [c for c in bot.fake.commands[f"guild:{GUILD_ID}"] if c["name"] == "admin"]

    assert "admin" not in [c["name"] for c in bot.fake.commands["global"]]
    assert str(group["default_member_permissions"]) == "0"
    assert group["contexts"] == [0] and group["integration_types"] == [0]
    assert group["description_localizations"]["de"] == "Admin-Werkzeuge"
    grant = next(o for o in group["options"] if o["name"] == "grant")
    assert grant["description_localizations"]["es-ES"] == "Añadir créditos de pago a una persona"
    assert {o["name"] for o in group["options"]} == {"user", "grant", "revoke", "block", "unblock", "stats", "announce"}


async def test_someone_not_listed_as_admin_gets_the_unknown_command_answer_and_nothing_happens(bot: Bot) -> None:
    answer = await ask(bot, admin("grant", {"who": str(USER_ID), "credits": 50, "reason": "me"}, user_id=USER_ID))

    assert answer.startswith(UNKNOWN) and await paid(bot) == 0


async def test_an_admin_grants_and_revokes_and_the_person_is_told_by_dm(bot: Bot) -> None:
    granted = await ask(bot, admin("grant", {"who": str(USER_ID), "credits": 40, "reason": "contest prize"}))
    revoked = await ask(bot, admin("revoke", {"who": f"discord:{USER_ID}", "credits": 15, "reason": "duplicate"}))

    assert granted.startswith("Granted 40 credits to") and revoked.startswith("Took 15 credits from")
    assert await paid(bot) == 25
    dm = f"/channels/{USER_ID + 7}/messages"  # the fake opens the DM channel user id + 7
    dms = await bot.fake.wait_for(lambda c: c.method == "POST" and c.path == dm, count=2)
    assert "An admin added 40 credits to your account (contest prize)" in dms[0].content
    assert "An admin took 15 credits from your account (duplicate). Your credits now: 25." in dms[1].content


async def test_a_blocked_person_is_refused_except_for_their_data_and_an_admin_reads_the_stats(bot: Bot) -> None:
    blocked = await ask(bot, admin("block", {"who": str(USER_ID), "reason": "abuse"}))
    balance = slash("balance")
    _, refused = await bot.answer(balance, bot.send(balance))
    export = slash("mydata")
    _, data = await bot.answer(export, bot.send(export))
    stats = await ask(bot, admin("stats"))
    report = await ask(bot, admin("user", {"who": str(USER_ID), "prompts": True}))

    assert blocked.startswith("Blocked ")
    assert refused.content.startswith("Sorry, your account has been suspended")
    assert data.flags & EPHEMERAL and "mydata" in str(data.json)
    assert "People active: 0 / 0" in stats and "Now: queued 0" in stats
    assert "blocked since" in report and "(abuse)" in report and "this access is in the audit log" in report
