"""Bad input fuzzing (hypothesis): random text and bytes through the chat, the parsers and the webhooks never raise
out of a handler, never answer 5xx, and never change a balance.

Telegram/Discord callback data are fuzzed with their adapters. Examples are kept few so the file runs in seconds.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from typing import Any

from aiohttp.test_utils import TestClient, TestServer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import SecretStr

from adapters.chat.commands import parse_imagine
from adapters.console.chat import ConsoleChat
from adapters.creem.events import parse_event
from adapters.creem.signatures import SIGNATURE_HEADER, webhook_signature
from adapters.kie.callbacks import SIGNATURE_HEADER as KIE_SIGNATURE
from adapters.kie.callbacks import TIMESTAMP_HEADER, parse_callback
from adapters.local.limiter import InProcessLimiter
from adapters.local.line import InProcessCreateLine
from adapters.local.queue import InProcessJobQueue
from bot.settings import Settings
from bot.web import create_app
from core.deps import Deps
from core.errors import DomainError
from core.models import Identity, Platform
from core.policy import Policy
from core.usecases import onboarding
from tests.fakes.store import (
    FakeBlobStore,
    FakeClock,
    FakeGenerator,
    FakeModerator,
    FakePayments,
    FakeSignals,
    FakeStore,
    RecordingMessenger,
)

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WEBHOOK_SECRET = "whsec_fuzz"
KIE_HMAC = "kie-fuzz-key"
COMMANDS = (
    "start", "accept", "decline", "imagine", "regenerate", "vary", "balance", "buy", "billing", "mydata",
    "deleteme", "privacy", "help", "settings", "paysupport", "nope",
)  # fmt: skip
OPTIONS = ("--ar", "--aspect", "--res", "--resolution", "--n", "--count", "--quality", "--", "-", "—ar")
EVENT_TYPES = ("checkout.completed", "subscription.paid", "subscription.canceled", "refund.created", "dispute.created")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
option_soup = st.lists(st.sampled_from(OPTIONS) | st.text(max_size=12), max_size=8).map(" ".join)
command_lines = (
    st.text(max_size=200)
    | st.tuples(st.sampled_from(COMMANDS), option_soup).map(lambda c: f"/{c[0]} {c[1]}")
    | st.tuples(st.sampled_from(COMMANDS), st.text(max_size=60)).map(lambda c: f"/{c[0]}{c[1]}")
    | st.binary(max_size=80).map(lambda b: b.decode("utf-8", "replace"))
)
creem_bodies = st.binary(max_size=300) | st.fixed_dictionaries(
    {"id": st.text(max_size=20), "eventType": st.sampled_from(EVENT_TYPES) | st.text(max_size=20)},
    optional={"object": st.dictionaries(st.text(max_size=12), json_values, max_size=6), "created_at": st.integers()},
).map(lambda d: json.dumps(d).encode())
kie_bodies = (
    st.binary(max_size=300)
    | json_values.map(lambda v: json.dumps(v).encode())
    | st.fixed_dictionaries(
        {},
        optional={
            "taskId": json_values,
            "code": json_values,
            "data": json_values | st.fixed_dictionaries({"task_id": json_values}),
        },
    ).map(lambda d: json.dumps(d).encode())
)
header_values = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=80)


def world() -> tuple[Deps, FakeStore]:
    clock = FakeClock()
    store = FakeStore()
    deps = Deps(
        store=store,
        blobs=FakeBlobStore(),
        generator=FakeGenerator(),
        moderator=FakeModerator(),
        limiter=InProcessLimiter(lambda: clock.now().timestamp()),
        queue=InProcessJobQueue(),
        signals=FakeSignals(clock),
        messenger=RecordingMessenger(),
        payments=FakePayments(),
        clock=clock,
        policy=Policy(free_per_day=0, requests_per_minute=10_000),  # no credits, no free images: nothing can be spent
        line=InProcessCreateLine(None, 10.0, monotonic=lambda: clock.now().timestamp()),
    )
    return deps, store


# -- parsers ---------------------------------------------------------------------------------------------------------


@FUZZ
@given(text=command_lines | option_soup, references=st.booleans())
def test_parse_imagine_raises_nothing_but_domain_errors(text: str, references: bool) -> None:
    with suppress(DomainError):
        parse_imagine(text, allow_references=references)


@FUZZ
@given(body=kie_bodies)
def test_the_kie_callback_parser_answers_a_task_id_or_none_and_never_raises(body: bytes) -> None:
    task_id = parse_callback(body)

    assert task_id is None or isinstance(task_id, str)


@FUZZ
@given(body=creem_bodies)
def test_the_creem_event_parser_raises_nothing_but_value_error(body: bytes) -> None:
    with suppress(ValueError):
        parse_event(body)


# -- the console chat ------------------------------------------------------------------------------------------------


@FUZZ
@given(lines=st.lists(command_lines, min_size=1, max_size=4))
async def test_random_chat_lines_never_escape_the_handler_and_never_move_money(lines: list[str]) -> None:
    deps, store = world()
    person = Identity(platform=Platform.CONSOLE, platform_user_id="fuzz")
    account = await onboarding.accept_terms(deps, person, age_confirmed=True)
    out: list[str] = []
    chat = ConsoleChat(deps, out.append, user_id="fuzz")

    for line in lines:
        await chat.handle(line)  # raising here fails the test

    assert not store.generations_by_id and not store.entries
    assert (await store.balance(account.id, deps.clock.now().date(), 0)).paid_credits == 0
    assert not any("went wrong on our side" in line for line in out), out


# -- the web server --------------------------------------------------------------------------------------------------


@asynccontextmanager
async def web_client(deps: Deps, kie_hmac: str | None) -> AsyncIterator[TestClient[Any, Any]]:
    app_settings = Settings(
        creem_webhook_secret=SecretStr(WEBHOOK_SECRET),
        kie_webhook_hmac_key=SecretStr(kie_hmac) if kie_hmac else None,
    )
    async with TestClient(TestServer(create_app(deps, app_settings))) as client:
        yield client


@FUZZ
@given(body=creem_bodies, signature=st.none() | header_values, sign=st.booleans())
async def test_creem_webhooks_of_random_bytes_never_fail_the_server_or_apply_anything_unsigned(
    body: bytes, signature: str | None, sign: bool
) -> None:
    deps, store = world()
    headers = {SIGNATURE_HEADER: webhook_signature(body, WEBHOOK_SECRET) if sign else signature or ""}

    async with web_client(deps, None) as client:
        response = await client.post("/webhooks/creem", data=body, headers=headers)

    assert response.status < 500
    assert not store.entries and not store.payment_rows  # nobody's account exists: nothing to credit
    if not sign:
        assert response.status == 401 and not store.events


@FUZZ
@given(body=kie_bodies, timestamp=header_values, signature=header_values, signed=st.booleans())
async def test_kie_callbacks_of_random_bytes_never_fail_the_server_and_only_wake_a_named_task(
    body: bytes, timestamp: str, signature: str, signed: bool
) -> None:
    deps, store = world()
    signals = deps.signals
    assert isinstance(signals, FakeSignals)

    async with web_client(deps, KIE_HMAC if signed else None) as client:
        response = await client.post(
            "/webhooks/kie", data=body, headers={TIMESTAMP_HEADER: timestamp, KIE_SIGNATURE: signature}
        )

    assert response.status in (200, 401)
    task_id = parse_callback(body)
    assert signals.notified == ([] if signed or task_id is None else [f"task:{task_id}"])
    assert not store.entries
