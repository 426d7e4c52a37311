"""Image edits and Vary in every configuration: {embedded, Supabase} × {offline preview, KIE}.

Each path a person can edit by — a Telegram reply to a photo, a photo captioned with /imagine, the Telegram and
Discord Vary buttons, a Discord `reference` attachment, the console's `--ref` and `/vary` — runs through
`bot.wiring.build` with the real chat library. With KIE, FakeKie downloads every `input_urls` entry like KIE
does (a task whose input it cannot fetch fails), so "KIE got the image-to-image model with reachable inputs" is
checked the way KIE would check it.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord
import pytest
from PIL import Image
from pydantic import SecretStr

from adapters.console.chat import ConsoleChat
from adapters.console.messenger import ConsoleMessenger
from adapters.console.runner import wait_delivered
from bot.settings import Settings
from bot.wiring import build
from core.models import GenerationStatus, Platform
from tests import servers
from tests.e2e.test_discord import ALICE, message_with, started
from tests.e2e.test_telegram import ADA, TOKEN, button_data, running, settings_for
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.discord_payloads import component, slash
from tests.fakes.kie import I2I, FakeKie
from tests.fakes.supabase_storage import FakeSupabaseStorage, serve
from tests.fakes.telegram_api import FakeTelegram

KIE_KEY = "kie-edits-key"
COMBOS = [
    pytest.param(("embedded", "offline"), id="embedded-offline"),
    pytest.param(("embedded", "kie"), id="embedded-kie"),
    pytest.param(("supabase", "offline"), id="supabase-offline", marks=pytest.mark.servers),
    pytest.param(("supabase", "kie"), id="supabase-kie", marks=pytest.mark.servers),
]


@dataclass
class Combo:
    """One configuration: the settings that choose it, and FakeKie when KIE generates."""

    storage: str
    values: dict[str, Any] = field(default_factory=dict)
    kie: FakeKie | None = None

    def settings(self, **more: Any) -> Settings:
        return Settings(_env_file=None, **{**self.values, **more})

    def assert_kie_edited(self, edits: int) -> None:
        """KIE received `edits` image-to-image tasks whose every input it could download (and no bot token)."""
        if self.kie is None:
            return
        creates = [c.body for c in self.kie.creates if c.body.get("input", {}).get("input_urls")]
        assert len(creates) == edits
        assert all(body["model"] == I2I for body in creates)
        urls = [url for body in creates for url in body["input"]["input_urls"]]
        assert self.kie.input_fetches and all(status == 200 for _, status in self.kie.input_fetches)
        assert not any(TOKEN in url or "/file/bot" in url for url in urls), "never a Telegram file URL"
        where = "/tempfile/" if self.storage == "embedded" else "/storage/v1/object/sign/"
        assert all(where in url for url in urls), urls
        assert all(task.state == "success" for task in self.kie.tasks.values())


@pytest.fixture(params=COMBOS)
async def combo(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Combo]:
    storage, generator = request.param
    values: dict[str, Any] = {
        "bot_data_dir": tmp_path,
        "free_images_per_day": 10,
        "requests_per_minute": 100,
        "max_running_per_account": 4,
    }
    async with contextlib.AsyncExitStack() as stack:
        kie = None
        if generator == "kie":
            kie = FakeKie(api_key=KIE_KEY, latency_s=0.0)
            kie.check_inputs = True
            await kie.start()
            stack.push_async_callback(kie.stop)
            values.update(kie_api_key=SecretStr(KIE_KEY), kie_base_url=kie.base_url, kie_upload_base_url=kie.base_url)
        if storage == "supabase":
            supabase: servers.SupabaseStack = request.getfixturevalue("supabase_stack")
            await servers.truncate_all(supabase.postgres.dsn)
            runner, storage_url = await serve(FakeSupabaseStorage(supabase.service_key()))
            stack.push_async_callback(runner.cleanup)
            gateway = servers.SupabaseGateway(supabase.postgrest.url, storage_url)
            await gateway.start()
            stack.push_async_callback(gateway.stop)
            values.update(supabase_url=gateway.url, supabase_service_role_key=SecretStr(supabase.service_key()))
        yield Combo(storage, values, kie)


def png(color: str = "red", size: tuple[int, int] = (64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, format="PNG")
    return out.getvalue()


async def test_console_ref_and_vary_edit_in_every_configuration(combo: Combo, tmp_path: Path) -> None:
    reference = tmp_path / "ref.png"
    reference.write_bytes(png("blue"))
    out: list[str] = []
    async with build(combo.settings()) as runtime:
        deps, chosen = runtime.deps, runtime.components["references"]
        runtime.router.register(Platform.CONSOLE, ConsoleMessenger(out.append, deps.blobs, deps.policy.link_ttl_s))
        worker = asyncio.create_task(runtime.worker.run())
        chat = ConsoleChat(deps, out.append, user_id="editor")
        try:
            await chat.handle("/start")
            await chat.handle("/accept")
            edited = await chat.handle(f"/imagine make it a poster --ref {reference}")
            assert edited is not None, out
            await asyncio.wait_for(wait_delivered(deps, edited.id), 30)
            varied = await chat.handle("/vary")
            assert varied is not None, out
            await asyncio.wait_for(wait_delivered(deps, varied.id), 30)
            first = await deps.store.get_generation(edited.id)
            second = await deps.store.get_generation(varied.id)
        finally:
            worker.cancel()
            await asyncio.gather(worker, return_exceptions=True)

    transcript = "\n".join(out)
    expected = {"offline": "blob-links", "embedded": "kie-upload", "supabase": "signed-links"}
    assert chosen == expected["offline" if combo.kie is None else combo.storage]
    assert transcript.count("Done: “make it a poster”") == 2, transcript
    assert "unavailable" not in transcript
    assert first is not None and second is not None
    assert first.status is GenerationStatus.SUCCEEDED and second.status is GenerationStatus.SUCCEEDED
    assert second.request.reference_keys == (first.image_keys[0],)
    combo.assert_kie_edited(2)


async def test_telegram_reply_caption_and_vary_edit_in_every_configuration(combo: Combo, tmp_path: Path) -> None:
    async with FakeTelegram(TOKEN) as fake:
        settings = settings_for(tmp_path, fake, **combo.values)
        async with running(settings, fake) as bot:
            await bot.onboard(ADA)
            photo_update = bot.updates.photo(ADA, fake.photo_sizes(png("green")))
            await bot.send(photo_update)
            await bot.command(ADA, "/imagine make it sunset", reply_to=photo_update["message"])
            replied = await bot.photo(ADA.id)
            await bot.send(bot.updates.photo(ADA, fake.photo_sizes(png("yellow")), caption="/imagine add a hat"))
            captioned = await bot.photo(ADA.id, count=2)
            vary = next(d for d in button_data(replied) if d.startswith("vary:"))
            await bot.press(ADA, vary, replied.result)
            varied = await bot.photo(ADA.id, count=3)
            account = await bot.account(ADA)
            assert account is not None
            made = await bot.runtime.deps.store.generations(account.id)

    assert "make it sunset" in replied.params["caption"] and "add a hat" in captioned.params["caption"]
    assert "make it sunset" in varied.params["caption"]
    assert [g.status for g in made] == [GenerationStatus.SUCCEEDED] * 3
    assert all(len(g.request.reference_keys) == 1 for g in made)
    combo.assert_kie_edited(3)


async def test_discord_attachment_and_vary_edit_in_every_configuration(
    combo: Combo, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeDiscord()
    await fake.start()
    monkeypatch.setattr(discord.http.Route, "BASE", fake.api_base)
    try:
        async with build(combo.settings(discord_bot_token=SecretStr("fake"))) as runtime:
            worker = asyncio.create_task(runtime.worker.run())
            try:
                async with started(fake, runtime) as bot:
                    await bot.consent()
                    reference = png("purple")
                    url = fake.cdn_url("attachments/1/ref.png", reference)
                    payload = slash("imagine", {"prompt": "make it blue"}, attachment=("reference", url, reference))
                    edited = await bot.followup(payload, bot.send(payload))
                    press = component(edited.custom_ids[1], message_with(fake, "gib:vary:"))
                    varied = await bot.followup(press, bot.send(press))
                    account = await runtime.deps.store.find_account(ALICE)
                    assert account is not None
                    made = await runtime.deps.store.generations(account.id)
            finally:
                worker.cancel()
                await asyncio.gather(worker, return_exceptions=True)
    finally:
        await fake.stop()

    assert "Done: “make it blue”" in edited.content and len(edited.files) == 1
    assert "Done: “make it blue”" in varied.content and len(varied.files) == 1
    assert [g.status for g in made] == [GenerationStatus.SUCCEEDED] * 2
    assert made[1].request.reference_keys == (made[0].image_keys[0],)
    combo.assert_kie_edited(2)
