"""GPT-Image-2's documented constraints, checked before submit so a bad request never costs a round trip."""

from __future__ import annotations

from core.errors import DomainError, ErrorCode
from core.models import ASPECT_RATIOS, RESOLUTIONS, ImageSpec

MAX_PROMPT_CHARS = 20_000
MAX_INPUT_URLS = 16


def validate_spec(spec: ImageSpec) -> None:
    """Raise DomainError for anything KIE would refuse (kie.md §2A); return None when the spec is acceptable."""
    if not spec.prompt.strip():
        raise DomainError(ErrorCode.PROMPT_EMPTY, "prompt is empty")
    if len(spec.prompt) > MAX_PROMPT_CHARS:
        raise DomainError(
            ErrorCode.PROMPT_TOO_LONG,
            f"prompt has {len(spec.prompt)} characters, the limit is {MAX_PROMPT_CHARS}",
            length=len(spec.prompt),
            limit=MAX_PROMPT_CHARS,
        )
    if spec.aspect_ratio not in ASPECT_RATIOS:
        raise DomainError(
            ErrorCode.INVALID_OPTION,
            f"aspect ratio {spec.aspect_ratio!r} is not one of {', '.join(ASPECT_RATIOS)}",
            option="aspect_ratio",
            value=spec.aspect_ratio,
            allowed=", ".join(ASPECT_RATIOS),
        )
    if spec.resolution not in RESOLUTIONS:
        raise DomainError(
            ErrorCode.INVALID_OPTION,
            f"resolution {spec.resolution!r} is not one of {', '.join(RESOLUTIONS)}",
            option="resolution",
            value=spec.resolution,
            allowed=", ".join(RESOLUTIONS),
        )
    if spec.aspect_ratio == "1:1" and spec.resolution == "4K":
        raise DomainError(
            ErrorCode.INVALID_OPTION,
            "a 1:1 image cannot be made at 4K",
            option="resolution",
            value=spec.resolution,
            allowed="1K, 2K",
        )
    if spec.aspect_ratio == "auto" and spec.resolution != "1K":
        raise DomainError(
            ErrorCode.INVALID_OPTION,
            "aspect ratio 'auto' is only available at 1K",
            option="resolution",
            value=spec.resolution,
            allowed="1K",
        )
    if len(spec.reference_urls) > MAX_INPUT_URLS:
        raise DomainError(
            ErrorCode.TOO_MANY_REFERENCES,
            f"{len(spec.reference_urls)} reference images, the limit is {MAX_INPUT_URLS}",
            count=len(spec.reference_urls),
            limit=MAX_INPUT_URLS,
        )
