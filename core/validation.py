"""Pure checks of a generation request against GPT-Image-2's options and the operator's policy."""

from __future__ import annotations

import re

from core.errors import DomainError, ErrorCode
from core.models import AspectRatio, GenerationRequest, Resolution
from core.policy import Policy

# NUL (Postgres text refuses it, SQLite keeps it) and lone UTF-16 surrogates (half of a broken emoji: not
# encodable as UTF-8, so no store, log or provider could take them): refused alike on every backend.
UNUSABLE_CHARACTERS = re.compile("[\x00\ud800-\udfff]")


def validate_request(request: GenerationRequest, policy: Policy) -> None:
    """Refuse a bad request before anything is charged or sent anywhere."""
    prompt = request.prompt.strip()
    if not prompt:
        raise DomainError(ErrorCode.PROMPT_EMPTY)
    if UNUSABLE_CHARACTERS.search(prompt):
        raise DomainError(ErrorCode.PROMPT_INVALID_CHARACTERS)
    if len(prompt) > policy.max_prompt_chars:
        raise DomainError(ErrorCode.PROMPT_TOO_LONG, length=len(prompt), limit=policy.max_prompt_chars)
    if not 1 <= request.count <= policy.max_count:
        raise DomainError(ErrorCode.INVALID_OPTION, "option_count_range", max=policy.max_count)
    check_combination(request.aspect_ratio, request.resolution)
    if len(request.reference_keys) > policy.max_references:
        raise DomainError(ErrorCode.TOO_MANY_REFERENCES, limit=policy.max_references)


def check_combination(aspect_ratio: AspectRatio, resolution: Resolution, *, as_default: bool = False) -> None:
    """GPT-Image-2 has no 4K square and makes `auto` at 1K only; a default setting is held to the same rule, so
    /settings never saves something /imagine would refuse."""
    prefix = "settings_" if as_default else "option_"
    if aspect_ratio == "1:1" and resolution == "4K":
        raise DomainError(ErrorCode.INVALID_OPTION, prefix + "4k_square")
    if aspect_ratio == "auto" and resolution != "1K":
        raise DomainError(ErrorCode.INVALID_OPTION, prefix + "auto_1k")


IMAGE_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


def sniff_image_type(data: bytes) -> str | None:
    """The content type of PNG, JPEG or WebP bytes, or None for anything else."""
    for magic, content_type in IMAGE_SIGNATURES:
        if data.startswith(magic):
            return content_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp"}
