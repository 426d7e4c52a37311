"""A task whose createTask answer never reached the bot (the worker died right after KIE created it) is found again
through KIE's callback — its URL names the generation and slot — and followed: one KIE task, one result.

Real KIE client and web server against FakeKie, as in test_generation_kie.py (whose fixtures this reuses).
"""

# ruff: noqa: F811
# (the fixture `kie` is imported from test_generation_kie.py and named again as a test parameter)

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from aiohttp.test_utils import unused_port

from adapters.kie.callbacks import callback_url_for, sign_kie
from core.models import TaskRef
from tests.fakes.kie import FakeKie, Outcome
from tests.integration.test_generation_kie import (
    API_KEY,
    HMAC_KEY,
    PROMPT,
    Bot,
    ManualClock,
    assert_settled,
    kie,  # noqa: F401  (the fixture)
    running_bot,
)


@pytest.fixture
async def bot(tmp_path: Path, kie: FakeKie) -> AsyncIterator[Bot]:
    async with running_bot(tmp_path, kie, ManualClock(), port=unused_port()) as running:
        yield running


async def orphan_at_kie(bot: Bot, kie: FakeKie, generation_id: str) -> str:
    """What a worker killed right after createTask leaves: the slot marked creating, a task at KIE, no task id."""
    assert await bot.deps.store.claim_slot(generation_id, 0, bot.now)
    callback = callback_url_for(f"{bot.web_url}/webhooks/kie", TaskRef(generation_id=generation_id, slot=0), API_KEY)
    async with httpx.AsyncClient(base_url=kie.base_url) as client:
        created = await client.post(
            "/api/v1/jobs/createTask",
            json={"model": "gpt-image-2-text-to-image", "callBackUrl": callback, "input": {"prompt": PROMPT}},
            headers={"Authorization": f"Bearer {API_KEY}"},
        )
    task_id: str = created.json()["data"]["taskId"]
    return task_id


async def test_the_orphan_of_a_crash_after_create_is_adopted_from_its_callback_and_delivered_once(
    bot: Bot, kie: FakeKie
) -> None:
    ada = await bot.customer()
    kie.outcome = Outcome(polls=None)
    queue_up = bot.deps.queue.put
    bot.deps.queue.put = _hold_back  # type: ignore[method-assign]  # queued only once the orphan exists
    queued = await bot.imagine(ada)
    orphan = await orphan_at_kie(bot, kie, queued.id)

    await queue_up(queued.id)
    await kie.complete(orphan)
    await bot.finished()

    assert len(kie.creates) == 1
    assert (await bot.generation(queued.id)).task_ids == (orphan,)
    assert [c.status for c in kie.callbacks_sent] == [200]
    assert len(bot.messenger.delivered) == 1
    await assert_settled(bot, ada, queued, images=1)


async def _hold_back(generation_id: str) -> None:
    return None


async def test_a_callback_naming_a_slot_with_a_forged_mac_adopts_nothing(bot: Bot, kie: FakeKie) -> None:
    ada = await bot.customer()
    kie.outcome = Outcome(polls=None)
    bot.deps.queue.put = _hold_back  # type: ignore[method-assign]
    queued = await bot.imagine(ada)
    await bot.deps.store.claim_slot(queued.id, 0, bot.now)
    forged = callback_url_for(f"{bot.web_url}/webhooks/kie", TaskRef(generation_id=queued.id, slot=0), "not-our-key")
    timestamp = str(int(time.time()))
    signed = {"X-Webhook-Timestamp": timestamp, "X-Webhook-Signature": sign_kie("stray-task", timestamp, HMAC_KEY)}
    async with httpx.AsyncClient() as client:
        answer = await client.post(forged, json={"taskId": "stray-task"}, headers=signed)

    assert answer.status_code == 200  # a valid trigger, but it names no slot of ours
    assert (await bot.generation(queued.id)).task_ids == ("",)
