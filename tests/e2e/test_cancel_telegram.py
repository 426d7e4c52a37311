"""Cancel on Telegram, through the real python-telegram-bot against FakeTelegram, with the real core on SQLite.

The worker is not running while people press ✖ Cancel, so what is queued stays in line (decided, not raced);
afterwards the worker runs and must find nothing to make.
"""

# ruff: noqa: F811
# (the fixture `fake` is imported from test_telegram.py and named again as a test parameter)

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters.local.queue import InProcessJobQueue
from adapters.telegram.runner import telegram_running
from bot.wiring import Runtime, build
from core.models import Generation, GenerationStatus, Identity, Platform
from tests.e2e.test_telegram import ADA, BOB, GROUP, Harness, button_data, fake, settings_for  # noqa: F401
from tests.fakes.telegram_api import Call, FakeTelegram
from tests.fakes.telegram_updates import Updates


@pytest.fixture
async def bot(tmp_path: Path, fake: FakeTelegram) -> AsyncIterator[Harness]:
    """The Telegram bot with its worker stopped: queued requests wait in line until `run_worker`."""
    settings = settings_for(tmp_path, fake, free_images_per_day=1)
    async with build(settings) as runtime:
        config = settings.telegram_config()
        async with telegram_running(runtime.deps, runtime.router.register, config, None, runtime.send_budget) as app:
            yield Harness(fake, runtime, Updates(), app)


async def run_worker(runtime: Runtime) -> None:
    """Let the worker take every queued job (the cancelled ones too) and finish them."""
    queue = runtime.deps.queue
    assert isinstance(queue, InProcessJobQueue)
    worker = asyncio.create_task(runtime.worker.run())  # it resumes every unfinished generation first
    try:
        for _ in range(1000):
            await asyncio.sleep(0.01)  # polled, not timed: done once every job was taken and acknowledged
            if queue.pending() == 0 and runtime.worker.in_flight == 0:
                break
        assert queue.pending() == 0
    finally:
        worker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await worker


async def queued(bot: Harness, user_id: int) -> tuple[Call, str]:
    """The status message once it says 'Queued', and the generation id its ✖ Cancel button carries."""
    status = await bot.said(user_id, "Queued", method="editMessageText")
    [data] = button_data(status)
    assert data.startswith("cancel:")
    return status, data.split(":", 1)[1]


async def stored(bot: Harness, generation_id: str) -> Generation:
    found = await bot.runtime.deps.store.get_generation(generation_id)
    assert found is not None
    return found


async def free_left(bot: Harness) -> int:
    deps = bot.runtime.deps
    account = await deps.store.find_account(Identity(platform=Platform.TELEGRAM, platform_user_id=str(ADA.id)))
    assert account is not None
    return (await deps.store.balance(account.id, deps.clock.now().date(), 1)).free_left


async def test_the_cancel_button_refunds_at_once_and_the_request_never_reaches_the_generator(
    bot: Harness, fake: FakeTelegram
) -> None:
    await bot.onboard(ADA)
    await bot.command(ADA, "/imagine a red fox")
    status, generation_id = await queued(bot, ADA.id)
    assert await free_left(bot) == 0

    answer = await bot.press(ADA, f"cancel:{generation_id}", status.result)
    edited = await bot.said(ADA.id, "Cancelled.", method="editMessageText")
    await run_worker(bot.runtime)

    assert answer.params.get("show_alert") is None
    assert edited.params["text"] == "Cancelled. Nothing was made, and what it held was refunded: 1 free image."
    assert button_data(edited) == []  # the button is gone with the edit
    assert await free_left(bot) == 1
    cancelled = await stored(bot, generation_id)
    assert (cancelled.status, cancelled.error_code, cancelled.task_ids) == (GenerationStatus.FAILED, "cancelled", ("",))
    assert fake.calls_to("sendPhoto") == [] and fake.calls_to("sendDocument") == []


async def test_the_acknowledgement_itself_carries_the_cancel_button_so_it_never_waits_for_spare_budget(
    bot: Harness, fake: FakeTelegram
) -> None:
    """Under a crowd the "queued" edit may never find spare budget: the button is on the first message already."""
    await bot.onboard(ADA)
    await bot.command(ADA, "/imagine a red fox")
    ack = await bot.said(ADA.id, "Working on it")
    [data] = button_data(ack)
    generation_id = data.split(":", 1)[1]

    answer = await bot.press(ADA, data, ack.result)
    edited = await bot.said(ADA.id, "Cancelled.", method="editMessageText")
    await run_worker(bot.runtime)

    assert data.startswith("cancel:") and answer.params.get("show_alert") is None
    assert edited.params["message_id"] == str(ack.result["message_id"]) and button_data(edited) == []
    assert (await stored(bot, generation_id)).error_code == "cancelled"
    assert await free_left(bot) == 1
    assert fake.calls_to("sendPhoto") == []


async def test_a_refused_request_loses_the_cancel_button_of_its_acknowledgement(
    bot: Harness, fake: FakeTelegram
) -> None:
    await bot.onboard(ADA)
    await bot.command(ADA, "/imagine a red fox")
    await bot.said(ADA.id, "Working on it")
    await bot.command(ADA, "/imagine a second fox")  # the one free image a day is held by the first

    second_ack = await bot.said(ADA.id, "Working on it", count=2)
    refused = await fake.wait_call(
        "editMessageText", ADA.id, where=lambda c: c.params["message_id"] == str(second_ack.result["message_id"])
    )

    assert any(d.startswith("cancel:") for d in button_data(second_ack))
    assert "Working on it" not in refused.params["text"]
    assert not any(d.startswith("cancel:") for d in button_data(refused))


async def test_only_the_person_who_asked_can_cancel_in_a_group(bot: Harness, fake: FakeTelegram) -> None:
    await bot.onboard(ADA)
    await bot.onboard(BOB)
    await bot.command(ADA, "/imagine a red fox", chat=GROUP)
    status, generation_id = await queued(bot, GROUP["id"])

    refused = await bot.press(BOB, f"cancel:{generation_id}", status.result)

    assert refused.params["show_alert"] == "true"
    assert refused.params["text"] == "Only the person who made this request can cancel it."
    assert (await stored(bot, generation_id)).status is GenerationStatus.QUEUED


async def test_slash_cancel_takes_the_latest_waiting_request_and_updates_its_status_message(
    bot: Harness, fake: FakeTelegram
) -> None:
    await bot.onboard(ADA)
    await bot.command(ADA, "/imagine a red fox")
    status, generation_id = await queued(bot, ADA.id)

    await bot.command(ADA, "/cancel")
    reply = await bot.said(ADA.id, "Cancelled.")
    retired = await fake.wait_call(
        "editMessageText",
        ADA.id,
        where=lambda c: c.params["message_id"] == str(status.result["message_id"]) and "Cancelled" in c.params["text"],
    )
    await bot.command(ADA, "/cancel")
    nothing = await bot.said(ADA.id, "nothing waiting in line")

    assert reply.params["text"] == retired.params["text"]
    assert button_data(retired) == []
    assert (await stored(bot, generation_id)).error_code == "cancelled"
    assert nothing.params["text"] == "You have nothing waiting in line to cancel."
    assert "cancel" in [c["command"] for c in fake.commands]


async def test_once_the_task_is_at_kie_the_button_says_it_is_too_late_and_goes(
    bot: Harness, fake: FakeTelegram
) -> None:
    await bot.onboard(ADA)
    await bot.command(ADA, "/imagine a red fox")
    status, generation_id = await queued(bot, ADA.id)
    deps = bot.runtime.deps
    assert await deps.store.claim_slot(generation_id, 0, deps.clock.now())  # the worker began creating the task

    refused = await bot.press(ADA, f"cancel:{generation_id}", status.result)
    dropped = await fake.wait_call("editMessageReplyMarkup", ADA.id)

    assert refused.params["show_alert"] == "true"
    assert refused.params["text"].startswith("It's too late to cancel")
    assert dropped.params["message_id"] == str(status.result["message_id"])
    assert await free_left(bot) == 0
    assert (await stored(bot, generation_id)).status is GenerationStatus.RUNNING
