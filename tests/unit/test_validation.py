"""Request validation: what is refused before anything is charged, the same way on every backend."""

from __future__ import annotations

import pytest

from core.errors import DomainError, ErrorCode
from core.models import GenerationRequest
from core.policy import Policy
from core.texts import error_text
from core.usecases import generation, onboarding
from core.validation import validate_request
from tests.unit.conftest import ALICE, TARGET, World


@pytest.mark.parametrize(
    "prompt",
    ["a cat\x00 in a hat", "\x00", "a broken emoji \ud83d here", "a low half \ude00 alone", "trailing \udfff"],
)
def test_a_prompt_with_nul_or_a_lone_surrogate_is_refused_with_a_clear_message(prompt: str) -> None:
    with pytest.raises(DomainError) as refused:
        validate_request(GenerationRequest(prompt=prompt), Policy())

    assert refused.value.code is ErrorCode.PROMPT_INVALID_CHARACTERS
    assert "characters I can't use" in error_text(refused.value)
    assert "Nothing was charged" in error_text(refused.value)


@pytest.mark.parametrize("prompt", ["a cat 😀 in a hat", "multi\nline\ttabs", "ünïcödé 漢字 🏳️‍🌈"])
def test_ordinary_unicode_emoji_and_whitespace_are_accepted(prompt: str) -> None:
    validate_request(GenerationRequest(prompt=prompt), Policy())


async def test_a_refused_prompt_charges_nothing_and_stores_no_generation(world: World) -> None:
    account = await world.member(credits=5)

    with pytest.raises(DomainError) as refused:
        await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a\x00b"), TARGET)

    assert refused.value.code is ErrorCode.PROMPT_INVALID_CHARACTERS
    assert await world.store.generations(account) == []
    assert await world.paid_credits(account) == 5


async def test_a_display_name_with_nul_or_a_lone_surrogate_is_kept_without_them(world: World) -> None:
    started = await onboarding.start(world.deps, ALICE, "Ze\x00no\ud83dbia")

    assert started.account.display_name == "Zenobia"
