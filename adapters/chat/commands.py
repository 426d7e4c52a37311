"""Parsing `/imagine` text into a request: shared by every text-based chat (console, Telegram)."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.errors import DomainError, ErrorCode
from core.models import Account, GenerationRequest
from core.usecases.onboarding import parse_aspect_ratio, parse_resolution

# Phones turn "--" into a dash: accept the long forms people actually send.
DASHES = ("--", "—", "–", "−−")
FLAGS = {"ar": "ar", "aspect": "ar", "aspect_ratio": "ar", "res": "res", "resolution": "res", "n": "n", "count": "n"}


@dataclass
class ImagineArgs:
    prompt: str
    options: dict[str, str] = field(default_factory=dict)
    references: list[str] = field(default_factory=list)


def split_command(text: str) -> tuple[str, str]:
    """'/imagine@MyBot a cat' → ('imagine', 'a cat'); plain text → ('', text)."""
    stripped = text.strip()
    if not stripped.startswith("/"):
        return "", stripped
    head, _, rest = stripped.partition(" ")
    name = head[1:].split("@", 1)[0].lower()
    return name, rest.strip()


def _flag_name(token: str) -> str | None:
    for dash in DASHES:
        if token.startswith(dash) and len(token) > len(dash):
            return token[len(dash) :]
    return None


def parse_imagine(text: str, allow_references: bool = False) -> ImagineArgs:
    """Split prompt words from `--ar X --res Y --n Z` (also `--ar=X`); unknown flags are refused, not guessed."""
    words: list[str] = []
    args = ImagineArgs(prompt="")
    tokens = text.split()
    i = 0
    while i < len(tokens):
        name = _flag_name(tokens[i])
        if name is None:
            words.append(tokens[i])
            i += 1
            continue
        key, has_value, value = name.partition("=")
        if not has_value:
            if i + 1 >= len(tokens):
                raise DomainError(ErrorCode.INVALID_OPTION, "option_needs_value", option=key)
            value = tokens[i + 1]
            i += 1
        i += 1
        key = key.lower()
        if key == "ref" and allow_references:
            args.references.append(value)
        elif key in FLAGS:
            args.options[FLAGS[key]] = value
        else:
            raise DomainError(ErrorCode.INVALID_OPTION, "option_unknown", option=key)
    args.prompt = " ".join(words)
    return args


def build_request(args: ImagineArgs, account: Account, reference_keys: tuple[str, ...] = ()) -> GenerationRequest:
    """Apply the person's defaults to what they did not say."""
    count_text = args.options.get("n", "1")
    try:
        count = int(count_text)
    except ValueError:
        raise DomainError(ErrorCode.INVALID_OPTION, "option_count_not_number", value=count_text) from None
    return GenerationRequest(
        prompt=args.prompt,
        aspect_ratio=parse_aspect_ratio(args.options["ar"]) if "ar" in args.options else account.default_aspect_ratio,
        resolution=parse_resolution(args.options["res"]) if "res" in args.options else account.default_resolution,
        count=count,
        reference_keys=reference_keys,
    )
