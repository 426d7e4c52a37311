"""New versions of the terms and privacy policy: each person accepts them again before their next image, with a
true message saying what changed and where to read it, and every acceptance stays in their history."""

from __future__ import annotations

from dataclasses import replace

import pytest

from adapters.chat.render import consent_prompt, declined_text
from core.consent import Document, changed_documents, is_after
from core.errors import DomainError, ErrorCode
from core.models import ConsentVersions, GenerationRequest
from core.texts import error_text
from core.usecases import generation, onboarding, privacy
from tests.unit.conftest import ALICE, BOB, TARGET, World


def raise_versions(world: World, terms: str = "1", policy: str = "1", **urls: str) -> None:
    """The operator raises TERMS_VERSION / POLICY_VERSION (and maybe sets the links) and restarts."""
    changed = world.deps.policy.model_copy(update={"versions": ConsentVersions(terms=terms, policy=policy), **urls})
    world.deps = replace(world.deps, policy=changed)


@pytest.mark.parametrize(
    ("newer", "older"), [("2", "1"), ("10", "9"), ("2026-11-02", "2026-04-24"), ("1.10", "1.9"), ("2b", "2a")]
)
def test_versions_compare_number_by_number(newer: str, older: str) -> None:
    assert is_after(newer, older) and not is_after(older, newer) and not is_after(newer, newer)


async def test_a_raised_policy_version_asks_for_consent_before_the_next_image(world: World) -> None:
    await world.member(ALICE)
    raise_versions(world, policy="2")

    with pytest.raises(DomainError) as refused:
        await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a fox"), TARGET)

    assert refused.value.code is ErrorCode.CONSENT_OUTDATED
    text = error_text(refused.value)
    assert "updated our privacy policy" in text and "/privacy" in text
    assert world.store.generations_by_id == {}  # nothing held


async def test_accepting_the_new_version_lets_the_person_create_again_and_is_kept_in_the_history(
    world: World,
) -> None:
    account_id = await world.member(ALICE)
    first_consent = world.clock.now()
    raise_versions(world, terms="2", policy="2")
    world.clock.advance(3600)

    await onboarding.accept_terms(world.deps, ALICE, age_confirmed=True)
    queued = await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a fox"), TARGET)

    assert queued.account_id == account_id
    history = await world.store.consents(account_id)
    assert [(c.terms_version, c.policy_version, c.accepted_at) for c in history] == [
        ("1", "1", first_consent),
        ("2", "2", world.clock.now()),
    ]
    export = await privacy.export_data(world.deps, ALICE)
    assert export is not None
    assert [v["policy_version"] for v in export["consent"]["accepted_versions"]] == ["1", "2"]


async def test_an_older_process_never_asks_someone_who_accepted_a_newer_version(world: World) -> None:
    raise_versions(world, policy="3")
    await world.member(ALICE)
    raise_versions(world, policy="2")  # a process still on the previous setting during a rolling deploy

    started = await onboarding.start(world.deps, ALICE)

    assert not started.needs_consent
    await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a fox"), TARGET)


async def test_start_shows_what_changed_and_the_page_of_changes_when_one_is_configured(world: World) -> None:
    await world.member(BOB)
    raise_versions(world, terms="2", changes_url="https://example.com/changes", terms_url="https://example.com/t")

    started = await onboarding.start(world.deps, BOB)

    text = consent_prompt(started.change, "en")
    assert started.needs_consent
    assert "updated our terms of use." in text and "What changed: https://example.com/changes" in text
    assert "example.com/t" not in text and "/terms" not in text


async def test_without_a_page_of_changes_the_documents_own_pages_are_linked_only_when_all_exist(
    world: World,
) -> None:
    await world.member(ALICE)
    raise_versions(world, terms="2", policy="2", privacy_url="https://example.com/p")
    only_privacy = consent_prompt((await onboarding.start(world.deps, ALICE)).change, "en")
    raise_versions(world, terms="2", policy="2", privacy_url="https://example.com/p", terms_url="https://ex.com/t")
    both = consent_prompt((await onboarding.start(world.deps, ALICE)).change, "en")

    assert "terms of use and privacy policy" in only_privacy and "/terms and /privacy" in only_privacy
    assert "https://" not in only_privacy
    assert "Full text: https://ex.com/t · https://example.com/p" in both


async def test_a_newcomer_sees_the_welcome_not_a_change(world: World) -> None:
    raise_versions(world, policy="5")

    started = await onboarding.start(world.deps, ALICE, "Alice")

    assert started.needs_consent and started.change == {}
    assert consent_prompt(started.change, "en").startswith("Welcome")


async def test_declining_a_new_version_keeps_the_account_and_says_what_is_still_possible(world: World) -> None:
    await world.member(ALICE)
    raise_versions(world, policy="2")

    renewing = await onboarding.decline_terms(world.deps, ALICE)

    text = declined_text(renewing, "en")
    assert renewing and "/mydata" in text and "/deleteme" in text and "13" not in text
    assert declined_text(await onboarding.decline_terms(world.deps, BOB), "en").startswith("Sorry")


def test_a_first_consent_changes_no_document() -> None:
    from core.models import Account
    from tests.fakes.store import FakeClock

    newcomer = Account(id="a", created_at=FakeClock().now())

    assert changed_documents(newcomer, ConsentVersions(terms="9", policy="9")) == frozenset()
    consented = newcomer.model_copy(update={"consent_at": FakeClock().now(), "age_confirmed": True})
    assert changed_documents(consented, ConsentVersions(terms="9")) == {Document.TERMS}
