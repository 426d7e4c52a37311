"""The real python-telegram-bot Application, over HTTP, against FakeTelegram — with the real core on SQLite,
the offline generator and the in-process queue. Outcomes are awaited on the fake's recorded calls."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import os
import sys
import zipfile
from asyncio.subprocess import PIPE
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from PIL import Image
from pydantic import SecretStr

from adapters.telegram.payments import invoice_payload, parse_payload, refund_star_charge, refund_stars
from adapters.telegram.runner import SECRET_HEADER, WEBHOOK_PATH, telegram_running
from adapters.telegram.stars_ledger import StarsReconciler
from bot.settings import Settings
from bot.web import create_app
from bot.wiring import Runtime, build
from core.errors import StoreUnavailable
from core.models import Account, GenerationStatus, Identity, LedgerKind, Platform
from tests.fakes.creem import FakeCreem, FakeProduct
from tests.fakes.telegram_api import Call, FakeTelegram
from tests.fakes.telegram_updates import TgUser, Updates, group_chat

TOKEN = "123:TEST"
ADA = TgUser(1001, "Ada")
BOB = TgUser(1002, "Bob")
GROUP = group_chat(-100_555)
PRODUCTS = [
    {
        "id": "pack100",
        "creem_product_id": "prod_pack100",
        "label": "100 credits",
        "price": "€10",
        "credits": 100,
        "stars": 500,
    },
    {"id": "pro", "creem_product_id": "prod_pro", "label": "Pro", "price": "€20/mo", "credits": 500, "kind": "plan"},
]


@dataclass
class Harness:
    fake: FakeTelegram
    runtime: Runtime
    updates: Updates
    app: Any = None
    webhook: str | None = None
    secret: str | None = None

    async def send(self, update: dict[str, Any]) -> None:
        if self.webhook is None:
            await self.fake.push(update)
            return
        self.fake.remember(update)
        async with aiohttp.ClientSession() as http:
            response = await http.post(self.webhook, json=update, headers={SECRET_HEADER: self.secret or ""})
            assert response.status == 200

    async def command(self, user: TgUser, text: str, **kwargs: Any) -> None:
        await self.send(self.updates.text(user, text, **kwargs))

    async def press(self, user: TgUser, data: str, message: dict[str, Any]) -> Call:
        """Press a button and wait for the bot to answer that callback query."""
        update = self.updates.callback(user, data, message)
        await self.send(update)
        query_id = update["callback_query"]["id"]
        return await self.fake.wait_call(
            "answerCallbackQuery", where=lambda c: c.params["callback_query_id"] == query_id
        )

    async def said(self, chat_id: int, text: str, method: str = "sendMessage", count: int = 1) -> Call:
        calls = await self.fake.wait_for(
            lambda c: (
                c.method == method
                and c.chat_id == chat_id
                and text in c.params.get("text", c.params.get("caption", ""))
            ),
            count=count,
        )
        return calls[-1]

    async def account(self, user: TgUser) -> Account | None:
        return await self.runtime.deps.store.find_account(
            Identity(platform=Platform.TELEGRAM, platform_user_id=str(user.id))
        )

    async def onboard(self, user: TgUser) -> None:
        await self.command(user, "/start")
        welcome = await self.said(user.id, "Welcome to GPT-Image-2")
        await self.press(user, "consent:yes", welcome.result)
        await self.said(user.id, "Thanks!", method="editMessageText")

    async def photo(self, chat_id: int, count: int = 1) -> Call:
        return (await self.fake.wait_for(lambda c: c.method == "sendPhoto" and c.chat_id == chat_id, count=count))[-1]


def settings_for(tmp_path: Path, fake: FakeTelegram, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "bot_data_dir": tmp_path,
        "telegram_bot_token": SecretStr(TOKEN),
        "telegram_base_url": fake.base_url,
        "telegram_base_file_url": fake.base_file_url,
        "free_images_per_day": 10,
        "requests_per_minute": 100,
        "max_running_per_account": 4,
        "products_json": json.dumps([{**p, "creem_product_id": ""} for p in PRODUCTS]),
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


@contextlib.asynccontextmanager
async def running(settings: Settings, fake: FakeTelegram) -> AsyncIterator[Harness]:
    async with build(settings) as runtime:
        web_app = create_app(runtime.deps, settings)
        config = settings.telegram_config()
        budget = runtime.send_budget
        async with telegram_running(runtime.deps, runtime.router.register, config, web_app, budget) as app:
            worker = asyncio.create_task(runtime.worker.run())
            harness = Harness(fake, runtime, Updates(), app)
            site_runner: web.AppRunner | None = None
            if config.webhook_url:
                site_runner = web.AppRunner(web_app, access_log=None)
                await site_runner.setup()
                site = web.TCPSite(site_runner, "127.0.0.1", 0)
                await site.start()
                host, port = site_runner.addresses[0][:2]
                harness.webhook = f"http://{host}:{port}{WEBHOOK_PATH}"
                harness.secret = config.webhook_secret
            try:
                yield harness
            finally:
                worker.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await worker
                if site_runner is not None:
                    await site_runner.cleanup()


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(TOKEN) as server:
        yield server


@pytest.fixture
async def bot(tmp_path: Path, fake: FakeTelegram) -> AsyncIterator[Harness]:
    async with running(settings_for(tmp_path, fake), fake) as harness:
        yield harness


def png(width: int = 64, height: int = 48, color: str = "red") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, format="PNG")
    return out.getvalue()


def button_data(call: Call) -> list[str]:
    return [b["callback_data"] for b in call.buttons() if "callback_data" in b]


# --- onboarding --------------------------------------------------------------------------------------------------


async def test_start_asks_consent_with_buttons_and_accepting_unlocks_imagine(bot: Harness, fake: FakeTelegram) -> None:
    assert [c["command"] for c in fake.commands][:2] == ["start", "imagine"]
    assert fake.calls_to("deleteWebhook")  # polling mode

    await bot.command(ADA, "/imagine a cat")
    refused = await bot.said(ADA.id, "send /start")
    await bot.command(ADA, "/start")
    welcome = await bot.said(ADA.id, "Welcome to GPT-Image-2")

    assert button_data(welcome) == ["consent:yes", "consent:no"]
    assert refused.params["text"].startswith("You don't have an account")
    answered = await bot.press(ADA, "consent:yes", welcome.result)
    await bot.said(ADA.id, "Thanks!", method="editMessageText")
    account = await bot.account(ADA)
    assert account is not None and account.has_consented
    assert answered.params.get("show_alert") is None


async def test_declining_consent_leaves_the_account_without_consent(bot: Harness) -> None:
    await bot.command(BOB, "/start")
    welcome = await bot.said(BOB.id, "Welcome to GPT-Image-2")

    await bot.press(BOB, "consent:no", welcome.result)

    await bot.said(BOB.id, "only for people aged 13 or older", method="editMessageText")
    account = await bot.account(BOB)
    assert account is not None and not account.has_consented


# --- generation --------------------------------------------------------------------------------------------------


async def test_imagine_in_a_private_chat_sends_a_photo_with_buttons_and_replaces_the_status(
    bot: Harness, fake: FakeTelegram
) -> None:
    await bot.onboard(ADA)

    await bot.command(ADA, "/imagine a red fox —ar 16:9")
    photo = await bot.photo(ADA.id)

    status = await bot.said(ADA.id, "Working on it")
    await fake.wait_call(
        "deleteMessage", ADA.id, where=lambda c: c.params["message_id"] == str(status.result["message_id"])
    )
    assert "a red fox" in photo.params["caption"] and "credits" in photo.params["caption"]
    generation_id = button_data(photo)[0].split(":")[1]
    assert button_data(photo) == [f"regen:{generation_id}", f"vary:{generation_id}", f"orig:{generation_id}:0"]
    assert fake.calls_to("sendChatAction", ADA.id) == []  # the status message says it already; no message spent
    generation = await bot.runtime.deps.store.get_generation(generation_id)
    assert generation is not None and generation.request.aspect_ratio == "16:9"
    assert generation.delivery.reply_to is not None and generation.delivery.extra["chat_type"] == "private"


async def delivered(bot: Harness, status_call: Call) -> None:
    """Wait until the status message is gone: the messenger drops it once the result was sent."""
    message_id = str(status_call.result["message_id"])
    await bot.fake.wait_call("deleteMessage", ADA.id, where=lambda c: c.params["message_id"] == message_id)


def attempts(fake: FakeTelegram, method: str) -> int:
    return len([c for c in fake.calls if c.method == method and c.chat_id == ADA.id])


async def test_a_photo_telegram_refuses_as_too_large_is_delivered_once_as_a_file(
    bot: Harness, fake: FakeTelegram
) -> None:
    await bot.onboard(ADA)
    fake.refuse("sendPhoto", 400, "Bad Request: PHOTO_INVALID_DIMENSIONS")

    await bot.command(ADA, "/imagine a very wide panorama")
    status = await bot.said(ADA.id, "Working on it")
    document = await fake.wait_call("sendDocument", ADA.id)
    await delivered(bot, status)

    assert (attempts(fake, "sendPhoto"), attempts(fake, "sendDocument")) == (1, 1)
    assert "a very wide panorama" in document.params["caption"] and button_data(document)
    assert document.upload("document") is not None


async def test_an_image_refused_as_a_photo_and_as_a_file_ends_as_a_note_not_a_loop(
    bot: Harness, fake: FakeTelegram
) -> None:
    await bot.onboard(ADA)
    fake.refuse("sendPhoto", 400, "Bad Request: PHOTO_SAVE_FILE_INVALID")
    fake.refuse("sendDocument", 413, "Request Entity Too Large")

    await bot.command(ADA, "/imagine a huge mural")
    status = await bot.said(ADA.id, "Working on it")
    note = await bot.said(ADA.id, "too large to attach here")
    await delivered(bot, status)

    assert (attempts(fake, "sendPhoto"), attempts(fake, "sendDocument")) == (1, 1)
    assert "a huge mural" in note.params["text"]


async def test_an_album_refused_as_too_large_is_sent_as_files_one_by_one(bot: Harness, fake: FakeTelegram) -> None:
    await bot.onboard(ADA)
    fake.refuse("sendMediaGroup", 400, "Bad Request: PHOTO_INVALID_DIMENSIONS")

    await bot.command(ADA, "/imagine two moons --n 2")
    status = await bot.said(ADA.id, "Working on it")
    await fake.wait_for(lambda c: c.method == "sendDocument" and c.chat_id == ADA.id, count=2)
    await delivered(bot, status)

    assert (attempts(fake, "sendMediaGroup"), attempts(fake, "sendDocument")) == (1, 2)
    await bot.said(ADA.id, "More like this")


async def test_a_plain_message_in_a_private_chat_is_a_prompt(bot: Harness) -> None:
    await bot.onboard(ADA)

    await bot.command(ADA, "a lighthouse at dusk")

    photo = await bot.photo(ADA.id)
    assert "a lighthouse at dusk" in photo.params["caption"]


async def test_album_of_four_is_one_media_group_with_buttons_in_a_follow_up(bot: Harness, fake: FakeTelegram) -> None:
    await bot.onboard(ADA)

    await bot.command(ADA, "/imagine four kittens --n 4")
    album = await fake.wait_call("sendMediaGroup", ADA.id)
    actions = await bot.said(ADA.id, "More like this")

    media = album.json("media")
    assert [m["type"] for m in media] == ["photo"] * 4
    assert "four kittens" in media[0]["caption"] and all("caption" not in m for m in media[1:])
    assert all(album.files[m["media"].removeprefix("attach://")].size > 0 for m in media)
    gid = button_data(actions)[0].removeprefix("regen:")
    assert button_data(actions) == [f"regen:{gid}"] + [f"orig:{gid}:{i}" for i in range(4)]


async def test_original_file_button_sends_the_lossless_image_as_a_document(bot: Harness, fake: FakeTelegram) -> None:
    await bot.onboard(ADA)
    await bot.command(ADA, "/imagine a teapot")
    photo = await bot.photo(ADA.id)
    gid = button_data(photo)[0].removeprefix("regen:")

    await bot.press(ADA, f"orig:{gid}:0", photo.result)

    document = await fake.wait_call("sendDocument", ADA.id)
    generation = await bot.runtime.deps.store.get_generation(gid)
    assert generation is not None
    stored = await bot.runtime.deps.blobs.get(generation.image_keys[0])
    upload = document.upload("document")
    assert upload is not None and upload.data == stored and upload.filename.endswith(".png")


async def test_regenerate_makes_a_new_generation_and_other_people_cannot_use_the_button(
    bot: Harness, fake: FakeTelegram
) -> None:
    await bot.onboard(ADA)
    await bot.onboard(BOB)
    await bot.command(ADA, "/imagine a lantern")
    photo = await bot.photo(ADA.id)
    gid = button_data(photo)[0].removeprefix("regen:")

    await bot.press(ADA, f"regen:{gid}", photo.result)
    second = await bot.photo(ADA.id, count=2)
    stolen = await bot.press(BOB, f"regen:{gid}", photo.result)
    forged = await bot.press(ADA, "orig:not-a-generation", photo.result)

    assert "a lantern" in second.params["caption"] and button_data(second)[0] != f"regen:{gid}"
    assert stolen.params["show_alert"] == "true"
    assert stolen.params["text"] == "Only the person who made this image can use this button."
    assert forged.params["show_alert"] == "true" and "no longer works" in forged.params["text"]
    account = await bot.account(ADA)
    assert account is not None
    assert len(await bot.runtime.deps.store.generations(account.id)) == 2


async def test_replying_to_a_photo_with_imagine_uses_it_as_the_reference(bot: Harness, fake: FakeTelegram) -> None:
    await bot.onboard(ADA)
    original = png(320, 200, "blue")
    sizes = fake.photo_sizes(original)
    photo_update = bot.updates.photo(ADA, sizes)
    await bot.send(photo_update)

    await bot.command(ADA, "/imagine make it sunset", reply_to=photo_update["message"])
    result = await bot.photo(ADA.id)

    get_file = await fake.wait_call("getFile")
    assert get_file.params["file_id"] == sizes[-1]["file_id"]  # the largest size
    gid = button_data(result)[0].removeprefix("regen:")
    generation = await bot.runtime.deps.store.get_generation(gid)
    assert generation is not None and len(generation.request.reference_keys) == 1
    assert await bot.runtime.deps.blobs.get(generation.request.reference_keys[0]) == original


async def test_a_photo_captioned_with_imagine_is_edited(bot: Harness, fake: FakeTelegram) -> None:
    await bot.onboard(ADA)

    await bot.send(bot.updates.photo(ADA, fake.photo_sizes(png()), caption="/imagine@ImageTestBot add a hat"))
    result = await bot.photo(ADA.id)

    gid = button_data(result)[0].removeprefix("regen:")
    generation = await bot.runtime.deps.store.get_generation(gid)
    assert generation is not None and generation.request.prompt == "add a hat"
    assert len(generation.request.reference_keys) == 1


async def test_imagine_in_a_group_charges_the_asker_and_personal_answers_go_private(
    bot: Harness, fake: FakeTelegram
) -> None:
    await bot.onboard(ADA)
    await bot.command(BOB, "/start")  # Bob never opened a private chat: he only ever wrote in the group
    fake.block(BOB.id, "Forbidden: bot can't initiate conversation with a user")

    await bot.command(ADA, "/imagine@OtherBot not for us", chat=GROUP)
    await bot.command(ADA, "/imagine@ImageTestBot a group portrait", chat=GROUP)
    photo = await bot.photo(GROUP["id"])
    await bot.command(ADA, "/balance", chat=GROUP)
    balance = await bot.said(ADA.id, "Free images left today: 9 of 10")
    await bot.said(GROUP["id"], "sent you the answer in a private message")
    await bot.command(BOB, "/balance", chat=GROUP)
    await bot.said(GROUP["id"], "start a private chat with me first")

    assert "a group portrait" in photo.params["caption"]
    assert photo.json("reply_parameters")["message_id"] > 0
    assert all("not for us" not in c.params.get("caption", "") for c in fake.calls_to("sendPhoto"))
    assert balance.chat_id == ADA.id
    assert not [c for c in fake.calls if c.chat_id == GROUP["id"] and "Paid credits" in c.params.get("text", "")]


async def test_insufficient_credits_answer_carries_a_buy_button(tmp_path: Path, fake: FakeTelegram) -> None:
    async with running(settings_for(tmp_path, fake, free_images_per_day=1), fake) as bot:
        await bot.onboard(ADA)

        await bot.command(ADA, "/imagine two owls --n 2")
        refused = await bot.said(ADA.id, "Not enough credits", method="editMessageText")

        assert button_data(refused) == ["buy:menu"]


# --- money -----------------------------------------------------------------------------------------------------


async def test_buy_lists_creem_checkout_links_and_stars_buttons(tmp_path: Path, fake: FakeTelegram) -> None:
    creem = FakeCreem(api_key="creem_test_e2e", products=[FakeProduct("prod_pack100"), FakeProduct("prod_pro")])
    await creem.start()
    try:
        settings = settings_for(
            tmp_path,
            fake,
            creem_api_key=SecretStr("creem_test_e2e"),
            creem_base_url=creem.base_url,
            creem_webhook_secret=SecretStr("whsec_e2e"),
            products_json=json.dumps(PRODUCTS),
            public_base_url="https://bot.example",
        )
        async with running(settings, fake) as bot:
            await bot.onboard(ADA)

            await bot.command(ADA, "/buy")
            menu = await bot.said(ADA.id, "Choose a pack or plan")

            urls = [b["url"] for b in menu.buttons() if "url" in b]
            assert len(urls) == 2 and all(u.startswith("https://creem.io/test/checkout/") for u in urls)
            assert button_data(menu) == ["stars:pack100"]
            metadata = [c["metadata"] for c in creem.checkouts.values()]
            account = await bot.account(ADA)
            assert account is not None and all(m["account_id"] == account.id for m in metadata)
    finally:
        await creem.stop()


async def test_buy_without_payments_says_so_clearly(tmp_path: Path, fake: FakeTelegram) -> None:
    products = [{**p, "stars": 0} for p in PRODUCTS]
    async with running(settings_for(tmp_path, fake, products_json=json.dumps(products)), fake) as bot:
        await bot.onboard(ADA)

        await bot.command(ADA, "/buy")

        await bot.said(ADA.id, "Payments are not configured")


async def test_stars_invoice_pre_checkout_and_a_payment_delivered_twice_grants_once(
    bot: Harness, fake: FakeTelegram
) -> None:
    await bot.onboard(ADA)
    await bot.onboard(BOB)
    await bot.command(ADA, "/buy")
    menu = await bot.said(ADA.id, "Choose a pack or plan")

    await bot.press(ADA, "stars:pack100", menu.result)
    invoice = await fake.wait_call("sendInvoice", ADA.id)
    payload = invoice.params["payload"]
    await bot.send(bot.updates.pre_checkout(ADA, payload, 500))
    ok = await fake.wait_call("answerPreCheckoutQuery", where=lambda c: c.params["ok"] == "true")
    await bot.send(bot.updates.pre_checkout(BOB, payload, 500))
    wrong_account = await fake.wait_call(
        "answerPreCheckoutQuery", where=lambda c: "another account" in c.params.get("error_message", "")
    )
    await bot.send(bot.updates.pre_checkout(ADA, payload, 1))
    await fake.wait_for(lambda c: c.method == "answerPreCheckoutQuery" and c.params["ok"] == "false", count=2)
    paid = bot.updates.successful_payment(ADA, payload, 500, "charge-1")
    await bot.send(paid)
    await bot.send(bot.updates.successful_payment(ADA, payload, 500, "charge-1"))
    await bot.said(ADA.id, "Payment received: 100 credits added")
    await bot.command(ADA, "/balance")
    await bot.said(ADA.id, "Paid credits: 100")

    assert invoice.params["currency"] == "XTR" and invoice.params.get("provider_token", "") == ""
    assert invoice.json("prices") == [{"label": "100 credits", "amount": 500}]
    assert ok.params["ok"] == "true" and wrong_account.params["ok"] == "false"
    account = await bot.account(ADA)
    assert account is not None and parse_payload(payload) == ("pack100", account.id)
    purchases = [e for e in await bot.runtime.deps.store.ledger(account.id) if e.kind is LedgerKind.PURCHASE]
    assert [e.credits for e in purchases] == [100]
    assert len([c for c in fake.calls_to("sendMessage", ADA.id) if "Payment received" in c.params["text"]]) == 1


async def stars_paid(bot: Harness, fake: FakeTelegram, user: TgUser, charge_id: str) -> Account:
    """`user` paid the 100-credit pack in Stars: Telegram booked it and sent successful_payment."""
    account = await bot.account(user)
    assert account is not None
    payload = invoice_payload("pack100", account.id)
    fake.record_star_payment(user.json(), payload, 500, charge_id)
    await bot.send(bot.updates.successful_payment(user, payload, 500, charge_id))
    return account


async def credits_of(bot: Harness, account: Account) -> int:
    return sum(e.credits for e in await bot.runtime.deps.store.ledger(account.id))


async def test_an_operator_refund_returns_the_stars_and_takes_the_credits_back_once(
    bot: Harness, fake: FakeTelegram
) -> None:
    await bot.onboard(ADA)
    account = await stars_paid(bot, fake, ADA, "charge-9")
    await bot.said(ADA.id, "Payment received")

    first = await refund_star_charge(bot.app.bot, bot.runtime.deps, "charge-9")
    again = await refund_star_charge(bot.app.bot, bot.runtime.deps, "charge-9")

    assert (first.user_id, first.credits_taken, first.already_refunded) == (ADA.id, 100, False)
    assert (again.credits_taken, again.already_refunded) == (0, True)
    assert fake.refunds == [(ADA.id, "charge-9")]
    assert await credits_of(bot, account) == 0
    await bot.said(ADA.id, "100 credits were taken back")


async def run_cli(tmp_path: Path, fake: FakeTelegram, *args: str) -> tuple[int, str, str]:
    """`python -m bot …` as its own process, against the fake Bot API and this test's data folder."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SUPABASE", "REDIS", "CREEM", "KIE", "TELEGRAM"))}
    env = {**clean, "BOT_DATA_DIR": str(tmp_path), "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": fake.base_url,
           "PRODUCTS_JSON": json.dumps([{**p, "creem_product_id": ""} for p in PRODUCTS])}  # fmt: skip
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, env=env, stdout=PIPE, stderr=PIPE, cwd=tmp_path
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    return process.returncode or 0, out.decode(), err.decode()


async def test_the_refund_stars_command_refunds_once_and_says_what_it_did(tmp_path: Path, fake: FakeTelegram) -> None:
    async with running(settings_for(tmp_path, fake), fake) as bot:
        await bot.onboard(ADA)
        account = await stars_paid(bot, fake, ADA, "charge-cli")
        await bot.said(ADA.id, "Payment received")

    first = await run_cli(tmp_path, fake, "refund-stars", "charge-cli")
    again = await run_cli(tmp_path, fake, "refund-stars", "charge-cli")
    unknown = await run_cli(tmp_path, fake, "refund-stars", "charge-never-seen")

    assert first[0] == 0 and "refunded to user 1001; 100 credits taken back" in first[1]
    assert again[0] == 0 and "already refunded" in again[1] and "0 credits" in again[1]
    assert unknown[0] == 2 and "--user-id" in unknown[2] and "Traceback" not in unknown[2]
    assert fake.refunds == [(ADA.id, "charge-cli")]
    async with build(settings_for(tmp_path, fake)) as runtime:
        assert sum(e.credits for e in await runtime.deps.store.ledger(account.id)) == 0


async def test_refund_stars_for_a_charge_telegram_never_booked_takes_the_credits_back_once(
    bot: Harness, fake: FakeTelegram
) -> None:
    await bot.onboard(ADA)
    account = await bot.account(ADA)
    assert account is not None
    payload = invoice_payload("pack100", account.id)
    await bot.send(bot.updates.successful_payment(ADA, payload, 500, "charge-old"))
    await bot.said(ADA.id, "Payment received")

    first = await refund_stars(bot.app.bot, bot.runtime.deps, ADA.id, "charge-old")
    again = await refund_stars(bot.app.bot, bot.runtime.deps, ADA.id, "charge-old")

    assert (first, again) == (True, False)
    assert fake.refunds == [(ADA.id, "charge-old"), (ADA.id, "charge-old")]
    assert await credits_of(bot, account) == 0
    await bot.said(ADA.id, "100 credits were taken back")


async def test_a_refunded_payment_message_takes_the_credits_back_once(bot: Harness, fake: FakeTelegram) -> None:
    await bot.onboard(ADA)
    account = await stars_paid(bot, fake, ADA, "charge-r")
    await bot.said(ADA.id, "Payment received")
    payload = invoice_payload("pack100", account.id)

    await bot.send(bot.updates.refunded_payment(ADA, payload, 500, "charge-r"))
    await bot.send(bot.updates.refunded_payment(ADA, payload, 500, "charge-r"))
    await bot.said(ADA.id, "100 credits were taken back")
    await bot.command(ADA, "/balance")
    await bot.said(ADA.id, "Paid credits: 0")

    clawbacks = [e for e in await bot.runtime.deps.store.ledger(account.id) if e.kind is LedgerKind.CLAWBACK]
    assert [e.credits for e in clawbacks] == [-100]
    assert len([c for c in fake.calls_to("sendMessage", ADA.id) if "taken back" in c.params["text"]]) == 1


async def test_a_stars_payment_whose_grant_failed_is_granted_once_by_the_reconciliation(
    bot: Harness, fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    await bot.onboard(ADA)
    store = bot.runtime.deps.store
    record_payment = store.record_payment
    failures: list[str] = []
    failed = asyncio.Event()

    async def down_once(*args: Any, **kwargs: Any) -> bool:
        if not failures:
            failures.append("down")
            failed.set()
            raise StoreUnavailable("store down while granting")
        return await record_payment(*args, **kwargs)

    monkeypatch.setattr(store, "record_payment", down_once)
    account = await stars_paid(bot, fake, ADA, "charge-lost")
    await asyncio.wait_for(failed.wait(), 10)
    lost = await credits_of(bot, account)
    reconciler = StarsReconciler(bot.app.bot, bot.runtime.deps)

    await reconciler.run_once()
    await reconciler.run_once()
    await StarsReconciler(bot.app.bot, bot.runtime.deps).run_once()  # another process, from the start

    assert (failures, lost) == (["down"], 0)
    assert await credits_of(bot, account) == 100
    await bot.said(ADA.id, "Payment received: 100 credits added")
    assert len([c for c in fake.calls_to("sendMessage", ADA.id) if "Payment received" in c.params["text"]]) == 1
    assert reconciler.offset == 1


async def test_the_reconciliation_takes_back_a_refund_made_elsewhere(bot: Harness, fake: FakeTelegram) -> None:
    await bot.onboard(ADA)
    account = await stars_paid(bot, fake, ADA, "charge-x")
    await bot.said(ADA.id, "Payment received")
    await bot.app.bot.refund_star_payment(ADA.id, "charge-x")  # e.g. by another tool, and its message was lost

    await StarsReconciler(bot.app.bot, bot.runtime.deps).run_once()
    await StarsReconciler(bot.app.bot, bot.runtime.deps).run_once()

    assert await credits_of(bot, account) == 0


async def test_paysupport_answers_with_the_contact(bot: Harness) -> None:
    await bot.command(ADA, "/paysupport")

    await bot.said(ADA.id, "Questions about a payment?")


# --- privacy ---------------------------------------------------------------------------------------------------


async def test_mydata_sends_the_export_as_a_zip_document(bot: Harness, fake: FakeTelegram) -> None:
    await bot.onboard(ADA)

    await bot.command(ADA, "/mydata")
    document = await fake.wait_call("sendDocument", ADA.id)

    upload = document.upload("document")
    assert upload is not None and upload.filename == "mydata.zip"
    export = json.loads(zipfile.ZipFile(io.BytesIO(upload.data)).read("mydata.json"))
    assert export["format"] == "gpt-image-bot/export/v1"
    assert export["identities"] == [{"platform": "telegram", "platform_user_id": str(ADA.id)}]


async def test_deleteme_cancel_keeps_the_account_and_confirm_deletes_it(bot: Harness, fake: FakeTelegram) -> None:
    await bot.onboard(ADA)

    await bot.command(ADA, "/deleteme")
    first = await bot.said(ADA.id, "Are you sure?")
    await bot.press(ADA, button_data(first)[1], first.result)
    await bot.said(ADA.id, "Deletion cancelled", method="editMessageText")
    kept = await bot.account(ADA)
    stale = await bot.press(ADA, button_data(first)[0], first.result)  # the cancelled code no longer works
    await bot.command(ADA, "/deleteme")
    second = await bot.said(ADA.id, "Are you sure?", count=2)
    await bot.press(ADA, button_data(second)[0], second.result)
    await bot.said(ADA.id, "your data have been deleted", method="editMessageText")

    assert button_data(first)[1] == "del:no" and button_data(first)[0].startswith("del:yes:")
    assert kept is not None
    assert stale.params["show_alert"] == "true" and "wrong or has expired" in stale.params["text"]
    assert await bot.account(ADA) is None


# --- faults ----------------------------------------------------------------------------------------------------


async def test_a_user_who_blocks_the_bot_mid_generation_crashes_nothing_and_the_ledger_stays_settled(
    bot: Harness, fake: FakeTelegram
) -> None:
    await bot.onboard(ADA)
    fake.block_after("sendMessage", ADA.id)  # right after the status message

    await bot.command(ADA, "/imagine a quiet room")
    account = await bot.account(ADA)
    assert account is not None
    store = bot.runtime.deps.store
    await fake.wait_for(lambda c: c.method == "sendPhoto" and c.error is not None, errors=True)
    await bot.runtime.worker.wait_idle()
    fake.unblock(ADA.id)
    await bot.command(ADA, "/balance")
    await bot.said(ADA.id, "Free images left today: 9 of 10")

    generation = (await store.generations(account.id))[0]
    assert generation.status is GenerationStatus.SUCCEEDED and generation.delivered_at is not None
    kinds = sorted(e.kind.value for e in await store.ledger(account.id))
    assert kinds == ["capture", "hold"]
    assert [c for c in fake.calls if c.method == "sendPhoto" and c.error and c.error["error_code"] == 403]


async def test_a_429_storm_is_waited_out_and_every_message_arrives(bot: Harness, fake: FakeTelegram) -> None:
    await bot.onboard(ADA)
    fake.flood(3, retry_after=1)

    await bot.command(ADA, "/imagine through the storm")
    photo = await fake.wait_for(lambda c: c.method == "sendPhoto" and c.chat_id == ADA.id, within=20)

    flooded = [c for c in fake.calls if c.error and c.error["error_code"] == 429]
    assert len(flooded) == 3 and flooded[0].error is not None
    assert flooded[0].error["parameters"] == {"retry_after": 1}
    assert "through the storm" in photo[0].params["caption"]
    await bot.said(ADA.id, "Working on it")


# --- webhook mode ----------------------------------------------------------------------------------------------


async def test_webhook_mode_checks_the_secret_and_runs_the_same_conversation(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    settings = settings_for(
        tmp_path,
        fake,
        telegram_webhook_url="https://bot.example/webhooks/telegram",
        telegram_webhook_secret=SecretStr("s3cret-token"),
    )
    async with running(settings, fake) as bot:
        assert bot.webhook is not None
        async with aiohttp.ClientSession() as http:
            missing = await http.post(bot.webhook, json=bot.updates.text(ADA, "/start"))
            wrong = await http.post(bot.webhook, json=bot.updates.text(ADA, "/start"), headers={SECRET_HEADER: "nope"})
            garbage = await http.post(bot.webhook, data=b"{not json", headers={SECRET_HEADER: "s3cret-token"})

        await bot.onboard(ADA)
        await bot.command(ADA, "/imagine a webhook heron")
        photo = await bot.photo(ADA.id)

        assert (missing.status, wrong.status, garbage.status) == (401, 401, 400)
        assert fake.webhook == {"url": "https://bot.example/webhooks/telegram", "secret_token": "s3cret-token"}
        assert not fake.calls_to("getUpdates")
        assert "a webhook heron" in photo.params["caption"]
        assert len(fake.calls_to("sendMessage", ADA.id)) >= 2  # welcome + status, not one per unauthorised POST
