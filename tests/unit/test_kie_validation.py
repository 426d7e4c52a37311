"""GPT-Image-2's documented constraints (kie.md §2A), checked before any request is sent."""

from __future__ import annotations

import pytest

from adapters.kie.validation import MAX_INPUT_URLS, MAX_PROMPT_CHARS, validate_spec
from core.errors import DomainError, ErrorCode
from core.models import AspectRatio, ImageSpec, Resolution


def refusal(spec: ImageSpec) -> DomainError:
    with pytest.raises(DomainError) as caught:
        validate_spec(spec)
    return caught.value


@pytest.mark.parametrize(
    ("aspect", "resolution"),
    [("auto", "1K"), ("1:1", "1K"), ("1:1", "2K"), ("16:9", "4K"), ("9:16", "2K"), ("4:3", "4K"), ("3:4", "1K")],
)
def test_documented_combinations_are_accepted(aspect: AspectRatio, resolution: Resolution) -> None:
    validate_spec(ImageSpec(prompt="a red fox", aspect_ratio=aspect, resolution=resolution))


def test_a_square_image_cannot_be_made_at_4k() -> None:
    error = refusal(ImageSpec(prompt="a red fox", aspect_ratio="1:1", resolution="4K"))

    assert error.code is ErrorCode.INVALID_OPTION
    assert error.params["option"] == "resolution"


@pytest.mark.parametrize("resolution", ["2K", "4K"])
def test_auto_aspect_ratio_is_only_available_at_1k(resolution: Resolution) -> None:
    error = refusal(ImageSpec(prompt="a red fox", aspect_ratio="auto", resolution=resolution))

    assert error.code is ErrorCode.INVALID_OPTION
    assert error.params["allowed"] == "1K"


@pytest.mark.parametrize("prompt", ["", "   \n"])
def test_an_empty_prompt_is_refused(prompt: str) -> None:
    assert refusal(ImageSpec(prompt=prompt)).code is ErrorCode.PROMPT_EMPTY


def test_a_prompt_of_exactly_twenty_thousand_characters_is_accepted_and_one_more_is_refused() -> None:
    validate_spec(ImageSpec(prompt="x" * MAX_PROMPT_CHARS))

    error = refusal(ImageSpec(prompt="x" * (MAX_PROMPT_CHARS + 1)))

    assert error.code is ErrorCode.PROMPT_TOO_LONG
    assert error.params == {"length": MAX_PROMPT_CHARS + 1, "limit": MAX_PROMPT_CHARS}


def test_sixteen_references_are_accepted_and_seventeen_are_refused() -> None:
    urls = tuple(f"https://blobs.example/{i}.png" for i in range(MAX_INPUT_URLS + 1))
    validate_spec(ImageSpec(prompt="collage", reference_urls=urls[:MAX_INPUT_URLS]))

    error = refusal(ImageSpec(prompt="collage", reference_urls=urls))

    assert error.code is ErrorCode.TOO_MANY_REFERENCES
    assert error.params["limit"] == MAX_INPUT_URLS


def test_an_aspect_ratio_outside_the_enum_is_refused() -> None:
    spec = ImageSpec(prompt="a red fox").model_copy(update={"aspect_ratio": "21:9"})

    error = refusal(spec)

    assert error.code is ErrorCode.INVALID_OPTION
    assert error.params["option"] == "aspect_ratio"
