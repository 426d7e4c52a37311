"""Discord off the happy path: someone else's button, /regenerate and /vary without an id, /terms, /billing."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.e2e.test_discord import ALICE, Bot, message_with, started
from tests.fakes.discord_api import EPHEMERAL, FakeDiscord
from tests.fakes.discord_payloads import USER_ID, component, slash

pytest_plugins = ["tests.e2e.test_discord"]


@pytest.fixture
async def bot(fake: FakeDiscord, runtime: object) -> AsyncIterator[Bot]:
    async with started(fake, runtime) as running:  # type: ignore[arg-type]
        yield running


async def test_someone_elses_vary_button_gets_a_private_answer_saying_whose_it_is(bot: Bot) -> None:
    await bot.consent()
    payload = slash("imagine", {"prompt": "a kite"})
    await bot.followup(payload, bot.send(payload))

    press = component(f"gib:vary:{await latest_id(bot)}", message_with(bot.fake, "gib:vary:"), user_id=USER_ID + 7)
    since = bot.send(press)
    answer = await bot.callback(press, since)

    assert answer.json["type"] == 4 and answer.json["data"]["flags"] & EPHEMERAL
    assert answer.json["data"]["content"] == "Only the person who made this image can use this button."


async def test_regenerate_and_vary_commands_use_the_latest_generation(bot: Bot) -> None:
    await bot.consent()
    payload = slash("imagine", {"prompt": "a lantern"})
    await bot.followup(payload, bot.send(payload))

    again = slash("regenerate", {})
    regenerated = await bot.followup(again, bot.send(again))
    varied_payload = slash("vary", {})
    varied = await bot.followup(varied_payload, bot.send(varied_payload))

    assert "Done: “a lantern”" in regenerated.content and "Done: “a lantern”" in varied.content
    account = await bot.runtime.deps.store.find_account(ALICE)
    assert account is not None
    made = await bot.runtime.deps.store.generations(account.id)
    assert len(made) == 3 and made[2].request.reference_keys == (made[1].image_keys[0],)


async def test_terms_and_billing_without_a_plan_answer_privately(bot: Bot) -> None:
    await bot.consent()
    terms = slash("terms", {})
    terms_answer = await bot.callback(terms, bot.send(terms))
    billing = slash("billing", {})
    billing_answer = await bot.followup(billing, bot.send(billing))

    assert "Terms of use, in short" in terms_answer.json["data"]["content"]
    assert billing_answer.flags & EPHEMERAL and billing_answer.content.startswith("You don't have a plan.")


async def latest_id(bot: Bot) -> str:
    account = await bot.runtime.deps.store.find_account(ALICE)
    assert account is not None
    return (await bot.runtime.deps.store.generations(account.id))[-1].id
