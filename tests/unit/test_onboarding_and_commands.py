"""Consent, settings, and the shared /imagine parser."""

from __future__ import annotations

import pytest

from adapters.chat.commands import build_request, parse_imagine, split_command
from core.errors import DomainError, ErrorCode
from core.usecases import onboarding
from tests.unit.conftest import ALICE, World


async def test_starting_creates_one_account_that_still_needs_consent(world: World) -> None:
    first = await onboarding.start(world.deps, ALICE, "Alice", "en")
    again = await onboarding.start(world.deps, ALICE, "Alice", "en")

    assert first.account.id == again.account.id and first.needs_consent


async def test_consent_requires_confirming_the_age_of_13(world: World) -> None:
    with pytest.raises(DomainError):
        await onboarding.accept_terms(world.deps, ALICE, age_confirmed=False)

    account = await onboarding.accept_terms(world.deps, ALICE, age_confirmed=True)

    assert account.has_consented and account.consent_at == world.clock.now()


async def test_settings_become_the_defaults_of_the_next_request(world: World) -> None:
    await world.member()

    account = await onboarding.update_settings(world.deps, ALICE, aspect_ratio="16:9", resolution="2k")
    request = build_request(parse_imagine("a fox"), account)

    assert (request.aspect_ratio, request.resolution) == ("16:9", "2K")


def test_options_are_split_from_the_prompt_in_every_dash_style() -> None:
    args = parse_imagine("a fox —ar 9:16 --res=2K --n 3 in snow")

    assert args.prompt == "a fox in snow"
    assert args.options == {"ar": "9:16", "res": "2K", "n": "3"}


@pytest.mark.parametrize("text", ["a fox --size 3", "a fox --ar", "a fox --ref x.png"])
def test_unknown_or_incomplete_options_are_refused(text: str) -> None:
    with pytest.raises(DomainError) as refused:
        parse_imagine(text)

    assert refused.value.code is ErrorCode.INVALID_OPTION


def test_a_command_addressed_to_the_bot_in_a_group_is_recognised() -> None:
    assert split_command("/imagine@GptImageBot a cat") == ("imagine", "a cat")
    assert split_command("a cat") == ("", "a cat")
