"""One account across platforms (issue 18), through the core use-cases on the fakes: a code on one platform, a
confirmed link on another, merges explained before they happen, guessing stopped, unlink, export and deletion
reaching every identity."""

from __future__ import annotations

import pytest

from core.abuse import identity_digest
from core.errors import DomainError, ErrorCode
from core.linking import parse_code
from core.models import GenerationRequest, Identity, LedgerKind, PlanFields, PlanStatus, Platform
from core.ports import LinkStatus
from core.usecases import generation, link_preview, linking, onboarding, privacy
from tests.fakes.store import PNG
from tests.unit.conftest import ALICE, BOB, TARGET, World
from tests.unit.test_generation import run_queue

CONSOLE = Identity(platform=Platform.CONSOLE, platform_user_id="local")


async def test_a_link_code_is_short_readable_and_never_stored_as_it_is(world: World) -> None:
    await world.member(ALICE)

    issued = await linking.issue_code(world.deps, ALICE, "@alice")

    assert len(issued.code) == 9 and issued.code[4] == "-" and issued.minutes == 10
    stored = list(world.store.link_codes.values())
    assert len(stored) == 1 and issued.code.replace("-", "") not in stored[0].code_hash


async def test_a_new_identity_links_after_seeing_who_it_joins_and_spends_the_shared_balance(world: World) -> None:
    alice = await world.member(ALICE, credits=10)
    issued = await linking.issue_code(world.deps, ALICE, "@alice")

    shown = await link_preview.preview(world.deps, BOB, issued.code.lower())
    done = await linking.confirm(world.deps, BOB, shown.code, "bob#1")
    await generation.request_generation(
        world.deps,
        BOB,
        GenerationRequest(prompt="a kite", aspect_ratio="16:9", resolution="2K"),
        TARGET.model_copy(update={"private": True}),
    )
    await run_queue(world)

    assert (shown.issuer_platform, shown.issuer_label, shown.merge) == (Platform.TELEGRAM, "@alice", None)
    assert done.status is LinkStatus.LINKED and done.balance.paid_credits == 10
    assert {li.identity for li in done.identities} == {ALICE, BOB}
    assert await world.paid_credits(alice) == 8


async def test_a_merge_is_explained_exactly_before_it_is_confirmed(world: World) -> None:
    alice = await world.member(ALICE, credits=30)
    bob = await world.member(BOB, credits=5)
    await world.store.add_credits(bob, 15, LedgerKind.PURCHASE, "bought", "", world.clock.now())
    await generation.request_generation(world.deps, BOB, GenerationRequest(prompt="a fox", count=2), TARGET)
    await run_queue(world)
    issued = await linking.issue_code(world.deps, ALICE, "@alice")

    shown = await link_preview.preview(world.deps, BOB, issued.code)
    done = await linking.confirm(world.deps, BOB, issued.code, "bob#1")

    facts = shown.merge
    assert facts is not None
    assert (facts.credits_here, facts.credits_there, facts.credits_total) == (20, 30, 50)
    assert (facts.free_used, facts.free_per_day, facts.images_here, facts.payments_here) == (2, 3, 2, 0)
    assert done.status is LinkStatus.MERGED
    assert (done.balance.paid_credits, done.balance.free_left) == (50, 1)
    assert await world.store.get_account(bob) == await world.store.get_account(alice)


async def test_confirming_twice_links_once_and_says_so(world: World) -> None:
    await world.member(ALICE, credits=4)
    await world.member(BOB, credits=6)
    issued = await linking.issue_code(world.deps, ALICE, "@alice")

    first = await linking.confirm(world.deps, BOB, issued.code, "bob")
    second = await linking.confirm(world.deps, BOB, issued.code, "bob")

    assert (first.status, second.status) == (LinkStatus.MERGED, LinkStatus.ALREADY_LINKED)
    assert second.balance.paid_credits == 10


async def test_guessing_codes_stops_after_a_few_tries_even_for_the_right_one(world: World) -> None:
    await world.member(ALICE)
    issued = await linking.issue_code(world.deps, ALICE, "@alice")
    for _ in range(world.deps.policy.link_tries_per_identity):
        with pytest.raises(DomainError) as wrong:
            await link_preview.preview(world.deps, BOB, "ZZZZ-ZZZZ")
        assert wrong.value.code is ErrorCode.LINK_CODE_INVALID

    with pytest.raises(DomainError) as refused:
        await link_preview.preview(world.deps, BOB, issued.code)

    assert refused.value.code is ErrorCode.RATE_LIMITED
    world.clock.advance(world.deps.policy.link_tries_window_s)
    renewed = await linking.issue_code(world.deps, ALICE, "@alice")
    assert (await link_preview.preview(world.deps, BOB, renewed.code)).issuer_label == "@alice"


async def test_many_guessers_together_hit_the_global_cap(world: World) -> None:
    policy = world.deps.policy
    refused = 0
    for n in range(policy.link_tries_global + 1):
        guesser = Identity(platform=Platform.DISCORD, platform_user_id=f"guesser{n}")
        with pytest.raises(DomainError) as error:
            await link_preview.preview(world.deps, guesser, "ZZZZ-ZZZZ")
        refused += error.value.code is ErrorCode.RATE_LIMITED

    assert refused == 1


async def test_two_plans_are_refused_before_the_button_with_how_to_cancel_one(world: World) -> None:
    alice = await world.member(ALICE)
    bob = await world.member(BOB)
    for account, sub in ((alice, "sub_a"), (bob, "sub_b")):
        await world.store.change_plan(account, *_plan(sub))
    issued = await linking.issue_code(world.deps, ALICE, "@alice")

    with pytest.raises(DomainError) as refused:
        await link_preview.preview(world.deps, BOB, issued.code)

    assert refused.value.code is ErrorCode.LINK_TWO_PLANS
    with pytest.raises(DomainError) as again:
        await linking.confirm(world.deps, BOB, issued.code, "bob")
    assert again.value.code is ErrorCode.LINK_TWO_PLANS


async def test_an_unlinked_identity_starts_fresh_but_todays_free_use_stays_counted(world: World) -> None:
    alice = await world.member(ALICE, credits=8)
    issued = await linking.issue_code(world.deps, ALICE, "@alice")
    await linking.confirm(world.deps, BOB, issued.code, "bob")
    await generation.request_generation(world.deps, BOB, GenerationRequest(prompt="a boat", count=2), TARGET)
    await run_queue(world)

    assert await linking.unlink(world.deps, ALICE, "Discord") is Platform.DISCORD
    with pytest.raises(DomainError) as last:
        await linking.unlink(world.deps, ALICE, "telegram")
    fresh = await onboarding.start(world.deps, BOB)

    assert last.value.code is ErrorCode.UNLINK_LAST
    assert fresh.account.id != alice and fresh.needs_consent
    held = await world.store.balance(fresh.account.id, world.clock.now().date(), 3)
    assert (held.paid_credits, held.free_left) == (0, 1)
    assert await world.paid_credits(alice) == 8


async def test_unlinking_a_platform_the_account_does_not_hold_is_explained(world: World) -> None:
    await world.member(ALICE)

    for text in ("discord", "myspace"):
        with pytest.raises(DomainError) as refused:
            await linking.unlink(world.deps, ALICE, text)
        assert refused.value.code is ErrorCode.UNLINK_NOT_LINKED


async def test_export_and_deletion_from_any_identity_cover_every_identity(world: World) -> None:
    await world.member(ALICE, credits=3)
    issued = await linking.issue_code(world.deps, ALICE, "@alice")
    await linking.confirm(world.deps, CONSOLE, issued.code, "")

    document = await privacy.export_data(world.deps, CONSOLE)
    code = await privacy.request_deletion(world.deps, CONSOLE)
    await privacy.confirm_deletion(world.deps, CONSOLE, code)

    assert document is not None
    assert {(i["platform"], i["platform_user_id"]) for i in document["identities"]} == {
        ("telegram", "1001"),
        ("console", "local"),
    }
    assert {i["label"] for i in document["linked_identities"]} == {"@alice", ""}
    assert await world.store.find_account(ALICE) is None and await world.store.find_account(CONSOLE) is None
    assert len(world.store.abuse_memory) == 0  # no free use today and no debt: nothing to keep
    assert world.store.link_codes == {}


async def test_the_code_of_an_account_that_has_not_accepted_the_terms_is_not_issued(world: World) -> None:
    await onboarding.start(world.deps, ALICE)

    with pytest.raises(DomainError) as refused:
        await linking.issue_code(world.deps, ALICE, "@alice")

    assert refused.value.code is ErrorCode.CONSENT_REQUIRED
    assert parse_code("abcd efgh") == "ABCDEFGH" and parse_code("ABCD-EFG0") is None


def _plan(sub: str) -> tuple[PlanFields, PlanFields]:
    return PlanFields(), PlanFields(plan="pro", plan_status=PlanStatus.ACTIVE, subscription_id=sub, customer_id="c")


async def test_a_deletion_after_linking_leaves_todays_free_use_under_every_identity(world: World) -> None:
    await world.member(ALICE)
    issued = await linking.issue_code(world.deps, ALICE, "@alice")
    await linking.confirm(world.deps, BOB, issued.code, "bob")
    await generation.request_generation(world.deps, BOB, GenerationRequest(prompt="a boat"), TARGET)
    await run_queue(world)

    code = await privacy.request_deletion(world.deps, ALICE)
    await privacy.confirm_deletion(world.deps, ALICE, code)
    again = await onboarding.start(world.deps, BOB)

    key = world.deps.policy.identity_hash_key.get_secret_value()
    assert set(world.store.abuse_memory) == {identity_digest(key, ALICE)}
    held = await world.store.balance(again.account.id, world.clock.now().date(), 3)
    assert held.free_left == 2  # Bob's identity took over the free image the shared account used today


async def test_a_deletion_after_a_merge_removes_the_files_kept_under_the_merged_accounts_id(world: World) -> None:
    await world.member(ALICE)
    bob = await world.member(BOB, credits=2)
    await generation.request_generation(world.deps, BOB, GenerationRequest(prompt="a hill"), TARGET)
    await run_queue(world)
    await world.blobs.put(f"{bob}/refs/kept.png", PNG, "image/png")
    await world.blobs.put(f"exports/{bob}/9999-x-mydata.zip", b"zip", "application/zip")
    issued = await linking.issue_code(world.deps, ALICE, "@alice")
    await linking.confirm(world.deps, BOB, issued.code, "bob")

    code = await privacy.request_deletion(world.deps, BOB)
    await privacy.confirm_deletion(world.deps, BOB, code)

    assert world.blobs.blobs == {}
