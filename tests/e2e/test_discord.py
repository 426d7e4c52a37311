"""The Discord bot end to end: the real discord.py command tree and views, fed Discord's INTERACTION_CREATE
payloads, talking to a fake Discord REST API; the real core on SQLite with the offline generator and worker.

Assertions are on what Discord would receive: interaction callbacks (type 4 message, 5 deferred, 7 update),
ephemeral flag 64, followups with files and components, channel messages and DMs.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import io
import json
import zipfile
from collections.abc import AsyncIterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import discord
import pytest
from PIL import Image

from adapters.discord.client import GibClient
from adapters.discord.messenger import DiscordMessenger
from adapters.discord.runner import UserInstallDisabled, discord_running
from bot.settings import Settings
from bot.wiring import Runtime, build
from core.models import Identity, LedgerKind, PlanFields, Platform
from core.ports import BlobStore, ResultImages
from core.usecases import onboarding
from tests.fakes.discord_api import APP_ID, EPHEMERAL, Call, FakeDiscord
from tests.fakes.discord_payloads import CHANNEL_ID, USER_ID, component, slash

ALICE = Identity(platform=Platform.DISCORD, platform_user_id=str(USER_ID))


def png(size: int = 8) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (size, size), (200, 40, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


class ShiftedClock:
    """The system clock moved forward: the messenger sees every interaction token as 16 minutes old."""

    def __init__(self, shift: timedelta) -> None:
        self.shift = shift

    def now(self) -> datetime:
        return discord.utils.utcnow() + self.shift


class WebLinks:
    """The local store, but handing out https links (as Supabase Storage's signed URLs are)."""

    def __init__(self, inner: BlobStore) -> None:
        self.inner = inner

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        await self.inner.put(key, data, content_type)

    async def get(self, key: str) -> bytes:
        return await self.inner.get(key)

    async def link(self, key: str, expires_s: int) -> str:
        return f"https://files.example.test/{key}?token=signed"

    async def delete(self, keys: Sequence[str]) -> None:
        await self.inner.delete(keys)

    async def delete_prefix(self, prefix: str) -> None:
        await self.inner.delete_prefix(prefix)

    async def keys(self, prefix: str) -> list[str]:
        return await self.inner.keys(prefix)


@dataclasses.dataclass
class Bot:
    fake: FakeDiscord
    runtime: Runtime
    client: GibClient

    def send(self, payload: dict[str, Any]) -> int:
        """Deliver one INTERACTION_CREATE as the gateway would; returns the call index to wait from."""
        since = len(self.fake.calls)
        self.fake.learn(payload)
        self.client._connection.parse_interaction_create(payload)  # type: ignore[arg-type]
        return since

    async def callback(self, payload: dict[str, Any], since: int) -> Call:
        path = f"/interactions/{payload['id']}/{payload['token']}/callback"
        return (await self.fake.wait_for(lambda c: c.path == path, since=since))[0]

    async def followup(self, payload: dict[str, Any], since: int, **kw: Any) -> Call:
        path = f"/webhooks/{APP_ID}/{payload['token']}"
        return (await self.fake.wait_for(lambda c: c.method == "POST" and c.path == path, since=since, **kw))[-1]

    async def answer(self, payload: dict[str, Any], since: int) -> tuple[Call, Call]:
        """The first response, and what the person finally reads: the response itself (types 4 and 7), else the
        followup or the edit of the original response that came after the defer (types 5 and 6)."""
        first = await self.callback(payload, since)
        if first.json["type"] in (4, 7):
            return first, first
        hook = f"/webhooks/{APP_ID}/{payload['token']}"
        later = await self.fake.wait_for(
            lambda c: (
                (c.method == "POST" and c.path == hook)
                or (c.method == "PATCH" and c.path == f"{hook}/messages/@original")
            ),
            since=since,
        )
        return first, later[0]

    async def consent(self) -> None:
        await onboarding.accept_terms(self.runtime.deps, ALICE, age_confirmed=True)

    async def grant(self, credits: int) -> None:
        deps = self.runtime.deps
        account = await deps.store.find_account(ALICE)
        assert account is not None
        await deps.store.add_credits(account.id, credits, LedgerKind.ADMIN, "test-grant", "test", deps.clock.now())


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord()
    await server.start()
    monkeypatch.setattr(discord.http.Route, "BASE", server.api_base)
    yield server
    await server.stop()


@pytest.fixture
async def runtime(tmp_path: Path) -> AsyncIterator[Runtime]:
    settings = Settings(bot_data_dir=tmp_path, discord_bot_token="fake", _env_file=None)
    async with build(settings) as running:
        worker = asyncio.create_task(running.worker.run())
        yield running
        worker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await worker


@contextlib.asynccontextmanager
async def started(fake: FakeDiscord, runtime: Runtime, **kw: Any) -> AsyncIterator[Bot]:
    deps = kw.pop("deps", runtime.deps)
    config = runtime.settings.discord_config()
    statuses = runtime.send_budget
    async with discord_running(deps, runtime.router.register, config, statuses, connect=False, **kw) as client:
        yield Bot(fake, runtime, client)


@pytest.fixture
async def bot(fake: FakeDiscord, runtime: Runtime) -> AsyncIterator[Bot]:
    async with started(fake, runtime) as running:
        yield running


def message_with(fake: FakeDiscord, custom_id_prefix: str) -> dict[str, Any]:
    for message in reversed(list(fake.messages.values())):
        ids = [c.get("custom_id", "") for row in message["components"] for c in row["components"]]
        if any(i.startswith(custom_id_prefix) for i in ids):
            return dict(message)
    raise AssertionError(f"no message with a {custom_id_prefix} component")


async def test_commands_are_synced_for_server_and_user_installs_in_servers_and_dms(bot: Bot) -> None:
    commands = {c["name"]: c for c in bot.fake.commands["global"]}

    assert set(commands) >= {"imagine", "balance", "buy", "billing", "settings", "privacy", "help", "mydata"}
    assert "deleteme" in commands
    imagine = commands["imagine"]
    assert imagine["contexts"] == [0, 1, 2] and imagine["integration_types"] == [0, 1]
    options = {o["name"]: o for o in imagine["options"]}
    assert options["reference"]["type"] == 11
    assert (options["count"]["min_value"], options["count"]["max_value"]) == (1, 4)
    assert [c["value"] for c in options["resolution"]["choices"]] == ["1K", "2K", "4K"]


async def test_a_first_command_shows_the_consent_prompt_privately_and_accepting_unlocks_the_bot(bot: Bot) -> None:
    first = slash("balance")
    deferred, prompt = await bot.answer(first, bot.send(first))

    assert deferred.json["type"] == 5 and deferred.flags & EPHEMERAL, "private from the first byte"
    assert prompt.flags & EPHEMERAL and prompt.custom_ids == ["gib:consent:yes", "gib:consent:no"]

    press = component("gib:consent:yes", message_with(bot.fake, "gib:consent:"))
    acknowledged, accepted = await bot.answer(press, bot.send(press))

    assert acknowledged.json["type"] == 6 and accepted.method == "PATCH"
    assert "You can now create images" in accepted.content and accepted.json["components"] == []

    again = slash("balance")
    _, answer = await bot.answer(again, bot.send(again))
    assert answer.flags & EPHEMERAL and "Free images left today: 3 of 3" in answer.content


async def test_imagine_before_consent_shows_a_consent_prompt_that_is_private_from_the_first_byte(bot: Bot) -> None:
    payload = slash("imagine", {"prompt": "a red fox"})
    since = bot.send(payload)

    deferred = await bot.callback(payload, since)
    prompt = await bot.followup(payload, since)

    assert deferred.json["type"] == 5 and deferred.flags & EPHEMERAL
    assert not bot.fake.find("DELETE", since=since), "nothing shown to the channel is deleted and replaced"
    assert prompt.flags & EPHEMERAL and prompt.custom_ids == ["gib:consent:yes", "gib:consent:no"]


async def test_imagine_defers_at_once_then_delivers_the_image_with_regenerate_and_vary_buttons(bot: Bot) -> None:
    await bot.consent()
    payload = slash("imagine", {"prompt": "a red fox", "aspect_ratio": "16:9"})
    since = bot.send(payload)

    deferred = await bot.callback(payload, since)
    result = await bot.followup(payload, since)

    assert deferred.json["type"] == 5 and deferred.flags & EPHEMERAL  # the status line is the person's own
    assert bot.fake.calls[since].path.startswith("/interactions/"), "the defer is the first request"
    status = bot.fake.find("PATCH", f"/webhooks/{APP_ID}/{payload['token']}/messages/", since=since)
    assert any(c.content.startswith(("Queued: 1 image, 1 free", "Generating")) for c in status)
    assert status[-1].content == "✅ Done: 1 image, posted below.", "the status ends in its final state"
    message_id = bot.fake.original[payload["token"]]
    assert bot.fake.messages[message_id]["content"] == "✅ Done: 1 image, posted below."
    [stored] = await bot.runtime.deps.store.generations((await bot.runtime.deps.store.find_account(ALICE)).id)  # type: ignore[union-attr]
    assert stored.request.aspect_ratio == "16:9" and stored.delivery.chat_id == str(CHANNEL_ID)
    assert "Done: “a red fox”" in result.content and not result.flags & EPHEMERAL
    assert len(result.files) == 1 and result.files[0].data.startswith(b"\x89PNG")
    assert result.custom_ids == [f"gib:regen:{stored.id}", f"gib:vary:{stored.id}"]
    assert not [c for c in result.components if c.get("style") == 5], "local file paths are no web links"


async def test_count_four_delivers_four_attachments_in_one_message(bot: Bot) -> None:
    await bot.consent()
    await bot.grant(10)
    payload = slash("imagine", {"prompt": "four cats", "count": 4})

    result = await bot.followup(payload, bot.send(payload))

    assert len(result.files) == 4
    assert len({f.data for f in result.files}) == 4


async def test_a_reference_attachment_is_downloaded_and_used_for_the_generation(bot: Bot) -> None:
    await bot.consent()
    reference = png(16)
    url = bot.fake.cdn_url("attachments/1/ref.png", reference)
    payload = slash("imagine", {"prompt": "make it blue"}, attachment=("reference", url, reference))

    result = await bot.followup(payload, bot.send(payload))

    account = await bot.runtime.deps.store.find_account(ALICE)
    assert account is not None
    [stored] = await bot.runtime.deps.store.generations(account.id)
    [key] = stored.request.reference_keys
    assert await bot.runtime.deps.blobs.get(key) == reference
    assert len(result.files) == 1


async def test_imagine_works_in_a_dm(bot: Bot) -> None:
    await bot.consent()
    payload = slash("imagine", {"prompt": "a quiet lake"}, dm=True)

    result = await bot.followup(payload, bot.send(payload))

    assert len(result.files) == 1
    account = await bot.runtime.deps.store.find_account(ALICE)
    assert account is not None
    [stored] = await bot.runtime.deps.store.generations(account.id)
    assert stored.delivery.extra["guild_id"] == "" and stored.delivery.chat_id == str(USER_ID + 5)


async def test_regenerate_still_works_after_a_restart(fake: FakeDiscord, runtime: Runtime) -> None:
    async with started(fake, runtime) as first:
        await first.consent()
        payload = slash("imagine", {"prompt": "a lighthouse"})
        await first.followup(payload, first.send(payload))
    result_message = message_with(fake, "gib:regen:")
    [button] = [c for row in result_message["components"] for c in row["components"] if "regen" in c["custom_id"]]

    async with started(fake, runtime) as second:
        press = component(button["custom_id"], result_message)
        since = second.send(press)
        deferred = await second.callback(press, since)
        again = await second.followup(press, since)

    assert deferred.json["type"] == 5
    assert "Done: “a lighthouse”" in again.content and len(again.files) == 1
    assert again.custom_ids[0] != button["custom_id"], "a new generation, with its own buttons"


async def test_forged_or_unknown_buttons_get_a_friendly_private_answer(bot: Bot) -> None:
    await bot.consent()
    message = {
        "id": "1300000000000009999",
        "channel_id": str(CHANNEL_ID),
        "author": {"id": "1", "username": "bot", "discriminator": "0", "avatar": None},
        "content": "old",
        "timestamp": "2024-01-01T00:00:00+00:00",
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": False,
        "type": 0,
        "flags": 0,
        "components": [
            {
                "type": 1,
                "components": [
                    {"type": 2, "style": 2, "label": "x", "custom_id": "gib:regen:../../etc"},
                    {"type": 2, "style": 2, "label": "y", "custom_id": "gib:teleport:1"},
                ],
            }
        ],
    }

    forged = component("gib:regen:../../etc", message)
    stale = component("gib:teleport:1", message)
    forged_answer = await bot.callback(forged, bot.send(forged))
    stale_answer = await bot.callback(stale, bot.send(stale))

    assert forged_answer.flags & EPHEMERAL and "couldn't find that" in forged_answer.content
    assert stale_answer.json["type"] == 4 and stale_answer.flags & EPHEMERAL
    assert "no longer works" in stale_answer.content


async def test_mydata_answers_privately_with_a_zip_file(bot: Bot) -> None:
    await bot.consent()
    payload = slash("mydata")
    since = bot.send(payload)

    deferred = await bot.callback(payload, since)
    answer = await bot.followup(payload, since)

    assert deferred.json["type"] == 5 and deferred.flags & EPHEMERAL
    assert answer.flags & EPHEMERAL
    [export] = answer.files
    assert export.filename == "mydata.zip"
    document = json.loads(zipfile.ZipFile(io.BytesIO(export.data)).read("mydata.json"))
    assert document["format"] == "gpt-image-bot/export/v1"
    assert document["identities"] == [{"platform": "discord", "platform_user_id": str(USER_ID)}]


async def test_deleteme_asks_with_buttons_and_confirming_deletes_everything(bot: Bot) -> None:
    await bot.consent()
    ask = slash("deleteme")
    _, question = await bot.answer(ask, bot.send(ask))
    account = await bot.runtime.deps.store.find_account(ALICE)
    assert account is not None and account.deletion_code is not None

    assert question.flags & EPHEMERAL
    assert question.custom_ids == [f"gib:del:yes:{account.deletion_code}", "gib:del:no"]
    assert all(len(i) <= 100 for i in question.custom_ids)

    press = component(question.custom_ids[0], message_with(bot.fake, "gib:del:"))
    acknowledged, done = await bot.answer(press, bot.send(press))

    assert acknowledged.json["type"] == 6 and "have been deleted" in done.content
    assert await bot.runtime.deps.store.find_account(ALICE) is None


async def test_deleteme_cancel_keeps_the_account_and_voids_the_code(bot: Bot) -> None:
    await bot.consent()
    ask = slash("deleteme")
    _, question = await bot.answer(ask, bot.send(ask))

    prompt = message_with(bot.fake, "gib:del:")
    press = component("gib:del:no", prompt)
    _, cancelled = await bot.answer(press, bot.send(press))
    late = component(question.custom_ids[0], prompt)  # pressed on a copy of the prompt from before the cancel
    _, refused = await bot.answer(late, bot.send(late))

    assert "Deletion cancelled" in cancelled.content
    account = await bot.runtime.deps.store.find_account(ALICE)
    assert account is not None and account.deletion_code is None
    assert refused.flags & EPHEMERAL and "wrong or has expired" in refused.content


async def test_out_of_credits_is_a_private_message_and_nothing_is_queued(bot: Bot) -> None:
    await bot.consent()
    payload = slash("imagine", {"prompt": "a big castle", "aspect_ratio": "1:1", "resolution": "2K"})
    since = bot.send(payload)

    deferred, answer = await bot.answer(payload, since)

    assert deferred.flags & EPHEMERAL and answer.flags & EPHEMERAL and "Not enough credits" in answer.content
    assert not bot.fake.find("DELETE", since=since), "the error was private from the first byte"
    account = await bot.runtime.deps.store.find_account(ALICE)
    assert account is not None and await bot.runtime.deps.store.generations(account.id) == []


async def test_a_result_after_the_token_expired_goes_to_the_channel_mentioning_the_user(
    fake: FakeDiscord, runtime: Runtime
) -> None:
    async with started(fake, runtime, clock=ShiftedClock(timedelta(minutes=16))) as bot:
        await bot.consent()
        payload = slash("imagine", {"prompt": "an old map"})
        since = bot.send(payload)

        [posted] = await fake.wait_for(lambda c: c.path == f"/channels/{CHANNEL_ID}/messages", since=since)

    assert posted.content.startswith(f"<@{USER_ID}> Done: “an old map”")
    assert len(posted.files) == 1 and posted.custom_ids[0].startswith("gib:regen:")
    assert not fake.find("POST", f"/webhooks/{APP_ID}/{payload['token']}", since=since)


async def test_when_discord_rejects_the_token_and_the_channel_the_result_comes_by_dm(bot: Bot) -> None:
    await bot.consent()
    payload = slash("imagine", {"prompt": "a snowy owl"})
    await bot.followup(payload, bot.send(payload))
    account = await bot.runtime.deps.store.find_account(ALICE)
    assert account is not None
    [stored] = await bot.runtime.deps.store.generations(account.id)
    bot.fake.expired_tokens.add(payload["token"])
    bot.fake.refused_channels.add(CHANNEL_ID)
    since = len(bot.fake.calls)

    images = ResultImages(stored.image_keys, bot.runtime.deps.blobs)
    await bot.runtime.deps.messenger.deliver(stored, images, None, "en")  # sent again, as from another process

    rejected = bot.fake.find("POST", f"/webhooks/{APP_ID}/{payload['token']}", since=since)
    dm_open = bot.fake.find("POST", "/users/@me/channels", since=since)
    dm = bot.fake.find("POST", f"/channels/{USER_ID + 7}/messages", since=since)
    assert len(rejected) == 1 and dm_open[0].json == {"recipient_id": USER_ID}
    assert len(dm) == 1 and len(dm[0].files) == 1 and "a snowy owl" in dm[0].content


async def test_images_over_the_upload_limit_are_sent_as_links_with_an_original_button(
    fake: FakeDiscord, runtime: Runtime
) -> None:
    deps = dataclasses.replace(runtime.deps, blobs=WebLinks(runtime.deps.blobs))
    async with started(fake, runtime, deps=deps) as bot:
        await bot.consent()
        payload = slash("imagine", {"prompt": "a tiny limit"}, limit=1000)
        result = await bot.followup(payload, bot.send(payload))

    assert result.files == []
    assert "Image 1 is too large to attach here; open it: https://files.example.test/" in result.content
    [link] = [c for c in result.components if c.get("style") == 5]
    assert link["url"].startswith("https://files.example.test/") and "custom_id" not in link


async def test_after_the_token_expired_an_image_over_the_bots_own_limit_goes_to_the_channel_as_a_link(
    fake: FakeDiscord, runtime: Runtime
) -> None:
    deps = dataclasses.replace(runtime.deps, blobs=WebLinks(runtime.deps.blobs))
    fake.bot_upload_limit = 100  # the bot's own limit there is far below the interaction's (as without boosts)
    async with started(fake, runtime, deps=deps, clock=ShiftedClock(timedelta(minutes=16))) as bot:
        await bot.consent()
        payload = slash("imagine", {"prompt": "a detailed atlas"})
        since = bot.send(payload)

        posted = await fake.wait_for(lambda c: c.path == f"/channels/{CHANNEL_ID}/messages", since=since, count=2)

    refused, linked = posted
    assert len(refused.files) == 1 and len(linked.files) == 0
    assert "Image 1 is too large to attach here; open it: https://files.example.test/" in linked.content
    assert linked.content.startswith(f"<@{USER_ID}> Done: “a detailed atlas”")
    assert len(fake.find("POST", f"/channels/{CHANNEL_ID}/messages", since=since)) == 2
    assert not fake.find("POST", "/users/@me/channels", since=since)


async def test_an_image_over_the_guilds_known_limit_is_never_uploaded_to_the_channel(
    fake: FakeDiscord, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    deps = dataclasses.replace(runtime.deps, blobs=WebLinks(runtime.deps.blobs))
    async with started(fake, runtime, deps=deps, clock=ShiftedClock(timedelta(minutes=16))) as bot:
        monkeypatch.setattr(bot.client, "get_guild", lambda _: type("Guild", (), {"filesize_limit": 100})())
        await bot.consent()
        payload = slash("imagine", {"prompt": "a detailed atlas"})
        since = bot.send(payload)

        [posted] = await fake.wait_for(lambda c: c.path == f"/channels/{CHANNEL_ID}/messages", since=since)

    assert posted.files == [] and "open it: https://files.example.test/" in posted.content


async def test_an_interaction_followup_refused_as_too_large_is_sent_once_more_with_links(
    fake: FakeDiscord, runtime: Runtime
) -> None:
    deps = dataclasses.replace(runtime.deps, blobs=WebLinks(runtime.deps.blobs))
    fake.webhook_upload_limit = 100  # Discord refuses what the interaction's declared limit allowed
    async with started(fake, runtime, deps=deps) as bot:
        await bot.consent()
        payload = slash("imagine", {"prompt": "a wide harbour"})
        since = bot.send(payload)
        path = f"/webhooks/{APP_ID}/{payload['token']}"

        posted = await fake.wait_for(lambda c: c.method == "POST" and c.path == path, since=since, count=2)

    refused, linked = posted
    assert len(refused.files) == 1 and linked.files == []
    assert "Image 1 is too large to attach here; open it: https://files.example.test/" in linked.content
    assert len(fake.find("POST", path, since=since)) == 2
    assert not fake.find("POST", f"/channels/{CHANNEL_ID}/messages", since=since)


async def test_notices_go_to_the_person_by_dm(bot: Bot) -> None:
    from core.ports import Notice

    messenger = DiscordMessenger(
        bot.client, bot.runtime.deps.blobs, bot.runtime.deps.clock, statuses=bot.runtime.send_budget
    )

    sent = await messenger.notify(ALICE, Notice("payment_received", {"count": 50, "balance": 50}), "en")

    assert sent
    [dm] = bot.fake.find("POST", f"/channels/{USER_ID + 7}/messages")
    assert dm.content == "Payment received: 50 credits added. Your credits now: 50."


async def test_settings_menu_changes_the_default_aspect_ratio_in_place(bot: Bot) -> None:
    await bot.consent()
    ask = slash("settings")
    _, shown = await bot.answer(ask, bot.send(ask))

    assert shown.flags & EPHEMERAL and shown.custom_ids == [
        "gib:set:lang",
        "gib:set:ar",
        "gib:set:res",
        "gib:set:notify:off",
    ]

    choose = component("gib:set:ar", message_with(bot.fake, "gib:set:"), values=["9:16"])
    acknowledged, updated = await bot.answer(choose, bot.send(choose))

    assert acknowledged.json["type"] == 6 and "Aspect ratio: 9:16" in updated.content
    account = await bot.runtime.deps.store.find_account(ALICE)
    assert account is not None and account.default_aspect_ratio == "9:16"


async def test_buy_without_payments_configured_says_so_privately(bot: Bot) -> None:
    await bot.consent()
    payload = slash("buy")
    since = bot.send(payload)

    deferred = await bot.callback(payload, since)
    answer = await bot.followup(payload, since)

    assert deferred.json["type"] == 5 and deferred.flags & EPHEMERAL
    assert answer.flags & EPHEMERAL and answer.content == "Payments are not configured on this bot."


async def test_progress_edits_the_original_response_before_the_result_arrives(bot: Bot) -> None:
    await bot.consent()
    payload = slash("imagine", {"prompt": "a slow river"})
    since = bot.send(payload)

    await bot.followup(payload, since)

    edits = bot.fake.find("PATCH", f"/webhooks/{APP_ID}/{payload['token']}/messages/", since=since)
    assert any(e.content.startswith("Generating… 0/1 done") for e in edits)


async def test_a_command_this_version_does_not_know_gets_the_help_privately(bot: Bot) -> None:
    payload = slash("paint")

    answer = await bot.callback(payload, bot.send(payload))

    assert answer.json["type"] == 4 and answer.flags & EPHEMERAL
    assert answer.content.startswith("I don't know that command.")


async def test_a_process_that_only_delivers_logs_in_over_rest_and_can_reach_people(
    fake: FakeDiscord, runtime: Runtime
) -> None:
    from adapters.discord.config import DiscordConfig
    from adapters.discord.runner import discord_delivery
    from core.ports import Notice

    async with discord_delivery(
        runtime.deps, runtime.router.register, DiscordConfig(token="fake"), runtime.send_budget
    ):
        sent = await runtime.router.notify(ALICE, Notice("plan_ended", {}), "en")

    assert sent
    assert fake.find("POST", f"/channels/{USER_ID + 7}/messages")
    assert not fake.find("PUT", f"/applications/{APP_ID}/commands")  # it receives nothing, so it syncs nothing


async def test_a_global_sync_refused_for_user_installs_says_to_enable_user_install(
    fake: FakeDiscord, runtime: Runtime
) -> None:
    fake.user_install_enabled = False

    with pytest.raises(UserInstallDisabled) as refused:
        async with started(fake, runtime):
            pass

    assert "User Install" in str(refused.value) and "Developer Portal" in str(refused.value)
    assert "DISCORD_DEV_GUILD_ID" in str(refused.value)


# --- first response before slow work ------------------------------------------------------------------------------


class SlowCancel:
    """Payments whose subscription cancel hangs (Creem slow: a 10 s timeout and retries) until the test lets go."""

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.release = asyncio.Event()

    async def checkout_url(self, *args: Any) -> str:
        raise AssertionError("not used")

    async def portal_url(self, customer_id: str) -> str:
        raise AssertionError("not used")

    async def cancel_subscription(self, subscription_id: str) -> None:
        self.started.set()
        await self.release.wait()


class SlowStore:
    """The Store with account lookups hanging until the test lets go (a slow database)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.release = asyncio.Event()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    async def find_account(self, identity: Identity) -> Any:
        await self.release.wait()
        return await self.inner.find_account(identity)


async def test_the_delete_button_is_answered_at_once_while_the_creem_cancel_is_still_running(
    fake: FakeDiscord, runtime: Runtime
) -> None:
    payments = SlowCancel()
    deps = dataclasses.replace(runtime.deps, payments=payments)
    async with started(fake, runtime, deps=deps) as bot:
        await bot.consent()
        account = await deps.store.find_account(ALICE)
        assert account is not None
        plan = PlanFields.of(account)
        await deps.store.change_plan(
            account.id, plan, plan.model_copy(update={"plan": "pro", "subscription_id": "sub_1"})
        )
        ask = slash("deleteme")
        await bot.answer(ask, bot.send(ask))
        press = component(
            f"gib:del:yes:{(await deps.store.find_account(ALICE)).deletion_code}", message_with(fake, "gib:del:")
        )  # type: ignore[union-attr]
        since = bot.send(press)

        first = await fake.wait_for(lambda c: c.path.startswith("/interactions/"), since=since, wait_s=3.0)
        await asyncio.wait_for(payments.started.wait(), 3.0)
        still_cancelling = not payments.release.is_set()
        payments.release.set()
        _, done = await bot.answer(press, since)

    assert first[0].json["type"] == 6 and still_cancelling
    assert "have been deleted" in done.content
    assert await deps.store.find_account(ALICE) is None


@pytest.mark.parametrize("command", ["start", "balance", "settings", "deleteme"])
async def test_commands_answer_within_three_seconds_while_the_store_is_slow(
    fake: FakeDiscord, runtime: Runtime, command: str
) -> None:
    store = SlowStore(runtime.deps.store)
    deps = dataclasses.replace(runtime.deps, store=store)
    async with started(fake, runtime, deps=deps) as bot:
        payload = slash(command)
        since = bot.send(payload)

        first = await fake.wait_for(lambda c: c.path.startswith("/interactions/"), since=since, wait_s=3.0)
        store.release.set()
        _, answer = await bot.answer(payload, since)

    assert first[0].json["type"] == 5 and first[0].flags & EPHEMERAL
    assert answer.flags & EPHEMERAL and answer.content
