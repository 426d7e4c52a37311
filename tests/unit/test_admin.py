"""The admin tools in core: who may use them, credits applied once per command, blocks that leave the privacy
rights alone, everything in the audit log and in the person's /mydata, and gone means gone."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from adapters.chat.admin import run_admin
from core.audit import AuditAction
from core.errors import DomainError, ErrorCode
from core.metrics import NoMetrics
from core.models import GenerationRequest, GenerationStatus, Identity, Platform
from core.policy import Policy
from core.texts import error_text
from core.usecases import admin, billing, cancel, generation, linking, onboarding, privacy
from core.usecases.admin import Actor
from tests.unit.conftest import ALICE, BOB, TARGET, World, make_world

ADMIN = Identity(platform=Platform.TELEGRAM, platform_user_id="9000")


@pytest.fixture
def world() -> World:
    return make_world(Policy(admins=frozenset({ADMIN}), generation_deadline_s=120.0, poll_first_s=1.0))


def by_admin(key: str = "telegram:9000:1", identity: Identity | None = ADMIN) -> Actor:
    return Actor(channel="telegram", identity=identity, key=key)


async def ask(world: World, text: str, actor: Actor | None = None) -> str:
    answer = await run_admin(world.deps, actor or by_admin(), text, "en")
    assert answer is not None
    return answer


# Who may ----------------------------------------------------------------------------------------------------------


async def test_someone_not_listed_as_admin_gets_no_answer_and_nothing_happens(world: World) -> None:
    alice = await world.member(ALICE)

    answer = await run_admin(world.deps, by_admin(identity=BOB), f"grant {alice} 50 free money", "en")

    assert answer is None
    assert await world.paid_credits(alice) == 0 and world.store.audit_entries == []


async def test_the_operators_shell_and_the_console_are_admins(world: World) -> None:
    console = Identity(platform=Platform.CONSOLE, platform_user_id="ops")

    assert "Admin commands:" in await ask(world, "help", Actor(channel="cli", identity=None, key="cli:1"))
    assert "/admin grant" in await ask(world, "", Actor(channel="console", identity=console, key="console:1"))


async def test_a_wrong_command_shows_its_usage(world: World) -> None:
    assert (await ask(world, "grant 1001 lots")).startswith("Usage: /admin grant <who> <credits> <reason>")
    assert (await ask(world, "frobnicate")).startswith("There is no admin command “frobnicate”.")


# Credits ----------------------------------------------------------------------------------------------------------


async def test_a_grant_adds_credits_once_and_the_person_is_told_with_the_reason(world: World) -> None:
    alice = await world.member(ALICE, credits=5)

    first = await ask(world, "grant 1001 50 sorry for the outage")
    again = await ask(world, "grant 1001 50 sorry for the outage")  # the same update, delivered again

    assert first.startswith("Granted 50 credits to") and "Their balance: 55 credits." in first
    assert again.startswith("Already done: this command was applied before (grant at")
    assert await world.paid_credits(alice) == 55
    assert (await billing.balance(world.deps, ALICE)).paid_credits == 55
    [(to, notice)] = world.messenger.notices
    assert to == ALICE and notice.key == "admin_granted"
    assert notice.params == {"count": 50, "balance": 55, "reason": "sorry for the outage"}


async def test_a_revoke_takes_what_is_there_and_says_so_when_that_is_less(world: World) -> None:
    alice = await world.member(ALICE, credits=30)

    answer = await ask(world, "revoke 1001 50 chargeback fraud")

    assert answer.startswith("Took 30 of the 50 credits asked from")
    assert "never takes the balance below zero" in answer
    assert await world.paid_credits(alice) == 0
    assert world.messenger.notices[-1][1].params["count"] == 30


async def test_credits_must_be_a_sensible_whole_number_and_a_reason_is_required(world: World) -> None:
    await world.member(ALICE)

    with pytest.raises(DomainError) as too_many:
        await ask(world, "grant 1001 5000000 typo")
    with pytest.raises(DomainError) as no_reason:
        await ask(world, "grant 1001 5", by_admin("telegram:9000:2"))

    assert error_text(too_many.value) == "Credits must be a whole number from 1 to 1,000,000."
    assert no_reason.value.code is ErrorCode.ADMIN_REASON_REQUIRED
    assert world.store.audit_entries == []


async def test_a_person_is_found_by_account_id_platform_id_or_prefixed_id(world: World) -> None:
    alice = await world.member(ALICE)
    await world.member(Identity(platform=Platform.DISCORD, platform_user_id="1001"))

    assert (await admin.find_person(world.deps, alice, None)).id == alice
    assert (await admin.find_person(world.deps, "telegram:1001", None)).id == alice
    assert (await admin.find_person(world.deps, "1001", Platform.TELEGRAM)).id == alice
    with pytest.raises(DomainError) as ambiguous:
        await admin.find_person(world.deps, "1001", None)
    with pytest.raises(DomainError) as nobody:
        await admin.find_person(world.deps, "4242", Platform.TELEGRAM)
    assert ambiguous.value.code is ErrorCode.ADMIN_AMBIGUOUS
    assert error_text(nobody.value).startswith("No one found for “4242”.")


# Looking a person up ----------------------------------------------------------------------------------------------


async def test_a_look_at_an_account_shows_no_prompt_unless_asked_and_asking_is_logged(world: World) -> None:
    alice = await world.member(ALICE, credits=3)
    await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="my secret garden"), TARGET)

    plain = await ask(world, "user 1001")
    world.clock.advance(1)
    with_prompts = await ask(world, "user 1001 --prompts", by_admin("telegram:9000:2"))

    assert f"Account {alice}" in plain and "3 credits" in plain and "queued: 1×1K, 1 free" in plain
    assert "my secret garden" not in plain and "No payments." in plain
    assert "prompt: my secret garden" in with_prompts and "this access is in the audit log" in with_prompts
    actions = [e.action for e in await world.store.audit_log(alice)]
    assert actions == [AuditAction.USER, AuditAction.PROMPTS]


# Blocks -----------------------------------------------------------------------------------------------------------


async def test_a_blocked_person_is_refused_politely_but_keeps_their_privacy_rights(world: World) -> None:
    await world.member(ALICE, credits=3)
    queued = await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a cat"), TARGET)

    answer = await ask(world, "block 1001 spamming the group")

    assert answer.startswith("Blocked ") and "work in flight finishes" in answer
    for refused in (
        generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a dog"), TARGET),
        billing.balance(world.deps, ALICE),
        onboarding.start(world.deps, ALICE),
        onboarding.update_settings(world.deps, ALICE, send_as_file=True),
    ):
        with pytest.raises(DomainError) as blocked:
            await refused
        assert blocked.value.code is ErrorCode.ACCOUNT_BLOCKED
    assert error_text(blocked.value).startswith("Sorry, your account has been suspended, so I can't do that.")
    export = await privacy.export_data(world.deps, ALICE)
    assert export is not None and export["account"]["blocked_reason"] == "spamming the group"
    await generation.process(world.deps, queued.id)  # work in flight finishes
    finished = await world.store.get_generation(queued.id)
    assert finished is not None and finished.status is GenerationStatus.SUCCEEDED
    assert world.messenger.notices[-1][1].key == "account_blocked"
    await privacy.confirm_deletion(world.deps, ALICE, await privacy.request_deletion(world.deps, ALICE))
    assert await world.store.find_account(ALICE) is None


async def test_an_unblocked_person_can_use_everything_again(world: World) -> None:
    await world.member(ALICE)
    await ask(world, "block 1001 mistake")

    answer = await ask(world, "unblock 1001", by_admin("telegram:9000:2"))

    assert answer.startswith("Unblocked ")
    assert (await billing.balance(world.deps, ALICE)).free_left == 3
    assert world.messenger.notices[-1][1].key == "account_unblocked"


# The audit log in /mydata, and deletion -------------------------------------------------------------------------


async def test_mydata_lists_what_admins_did_about_the_person_without_naming_the_admin(world: World) -> None:
    alice = await world.member(ALICE)
    await ask(world, "grant 1001 7 welcome")

    export = await privacy.export_data(world.deps, ALICE)

    assert export is not None
    [action] = export["admin_actions"]
    assert action["action"] == "grant" and action["credits"] == 7 and action["reason"] == "welcome"
    assert "actor_account_id" not in action and "9000" not in action["key"]
    assert [e["note"] for e in export["ledger"] if e["kind"] == "admin"] == ["welcome"]
    assert action["account_id"] == alice


async def test_an_admin_who_deletes_their_account_is_no_longer_named_in_the_log(world: World) -> None:
    alice = await world.member(ALICE)
    await ask(world, "grant 1001 7 welcome")
    admin_account = await world.store.find_account(ADMIN)
    assert admin_account is not None
    assert world.store.audit_entries[0].actor_account_id == admin_account.id

    await privacy.confirm_deletion(world.deps, ADMIN, await privacy.request_deletion(world.deps, ADMIN))

    [left] = await world.store.audit_log(alice)
    assert left.actor_account_id is None and left.credits == 7


async def test_the_stats_are_the_stores_figures_and_reading_them_is_logged(world: World) -> None:
    await world.member(ALICE)
    await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a cat", count=2), TARGET)

    answer = await ask(world, "stats")

    assert "People active: 1 / 1" in answer and "Generations requested: 1 / 1" in answer
    assert "Now: queued 1, running 0" in answer
    assert [e.action for e in world.store.audit_entries] == [AuditAction.STATS]


async def test_a_blocked_account_cannot_be_merged_away_from_its_block_by_linking(world: World) -> None:
    await world.member(ALICE)
    await world.member(BOB)
    await ask(world, "block 1001 abuse")
    issued = await linking.issue_code(world.deps, BOB, "bob")

    with pytest.raises(DomainError) as refused:
        await linking.confirm(world.deps, ALICE, issued.code, "alice")

    assert refused.value.code is ErrorCode.ACCOUNT_BLOCKED
    blocked = await world.store.find_account(ALICE)
    assert blocked is not None and blocked.blocked and len(world.store.accounts) == 3  # Alice, Bob, the admin


class SummingMetrics(NoMetrics):
    """What a Prometheus scrape would read from the counters: the sum per name and label set."""

    def __init__(self) -> None:
        self.sums: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}

    def count(self, name: str, amount: float = 1.0, **labels: str) -> None:
        key = (name, tuple(sorted(labels.items())))
        self.sums[key] = self.sums.get(key, 0.0) + amount

    def total(self, name: str, **labels: str) -> int:
        wanted = set(labels.items())
        return int(sum(v for (n, have), v in self.sums.items() if n == name and wanted <= set(have)))


async def test_the_stats_say_what_the_metrics_counted_for_the_same_work(world: World) -> None:
    metrics = SummingMetrics()
    deps = dataclasses.replace(world.deps, metrics=metrics)
    await world.member(ALICE, credits=20)
    two_k: dict[str, Any] = {"resolution": "2K", "aspect_ratio": "16:9"}
    world.generator.fail_prompts.add("doomed")
    for request in (GenerationRequest(prompt="a cat", count=4), GenerationRequest(prompt="doomed", **two_k)):
        queued = await generation.request_generation(deps, ALICE, request, TARGET)
        await generation.process(deps, queued.id)
    waiting = GenerationRequest(prompt="a dog", count=2, **two_k)
    await cancel.cancel(deps, ALICE, (await generation.request_generation(deps, ALICE, waiting, TARGET)).id)

    stats = (await admin.service_stats(deps, by_admin())).today

    assert stats.requested == metrics.total("gib_generations_requested_total") == 3
    for outcome in ("delivered", "partly_refunded", "refunded"):
        assert getattr(stats, outcome) == metrics.total("gib_generations_finished_total", outcome=outcome)
    assert (stats.delivered, stats.refunded) == (1, 2)
    assert stats.credits_used == metrics.total("gib_credits_total", kind="captured") == 1
    assert stats.credits_refunded == metrics.total("gib_credits_total", kind="refunded") == 6
    assert stats.free_used == metrics.total("gib_free_images_total", kind="captured") == 3


async def test_a_reason_is_kept_as_one_clean_line_of_at_most_500_characters(world: World) -> None:
    alice = await world.member(ALICE)

    await ask(world, "grant 1001 5 sorry\x00 for\n\nthe " + "x" * 600)

    [entry] = await world.store.audit_log(alice)
    assert entry.reason.startswith("sorry for the xxx") and len(entry.reason) == 500
