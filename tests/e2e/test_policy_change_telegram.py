"""A new privacy policy on Telegram, through the real python-telegram-bot against the fake Bot API: after the
operator raises POLICY_VERSION and restarts, a person's next /imagine asks them to accept the new version (with a
link to what changed and the consent buttons) and makes nothing until they do; /mydata lists both acceptances."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from core.models import GenerationStatus
from tests.e2e.test_telegram import ADA, button_data, fake, running, settings_for
from tests.fakes.telegram_api import FakeTelegram

CHANGES = "https://example.com/privacy/changes"
__all__ = ["fake"]  # the fake Bot API fixture


async def test_a_raised_policy_version_makes_the_next_imagine_ask_for_consent_again(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    async with running(settings_for(tmp_path, fake), fake) as bot:
        await bot.onboard(ADA)
    new_policy = settings_for(tmp_path, fake, policy_version="2", policy_changes_url=CHANGES)

    async with running(new_policy, fake) as bot:
        await bot.command(ADA, "/imagine a lighthouse")
        asked = await bot.said(ADA.id, "We have updated our privacy policy")
        account = await bot.account(ADA)
        assert account is not None
        assert await bot.runtime.deps.store.generations(account.id) == []  # nothing held before accepting
        assert f"What changed: {CHANGES}" in asked.params["text"]
        assert button_data(asked) == ["consent:yes", "consent:no"]

        await bot.press(ADA, "consent:yes", asked.result)
        await bot.said(ADA.id, "Thanks!", method="editMessageText", count=2)  # the first was the first consent
        await bot.command(ADA, "/imagine a lighthouse")
        await bot.photo(ADA.id)

        generations = await bot.runtime.deps.store.generations(account.id)
        assert [g.status for g in generations] == [GenerationStatus.SUCCEEDED]
        await bot.command(ADA, "/mydata")
        export = await fake.wait_call("sendDocument", ADA.id, within=20)
    upload = export.upload("document")
    assert upload is not None
    with zipfile.ZipFile(io.BytesIO(upload.data)) as archive:
        data = json.loads(archive.read("mydata.json"))
    accepted = data["consent"]["accepted_versions"]
    assert [(a["terms_version"], a["policy_version"]) for a in accepted] == [("1", "1"), ("1", "2")]
    assert accepted[0]["accepted_at"] < accepted[1]["accepted_at"]
