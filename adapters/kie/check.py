"""`python -m bot kie-check`: what an operator needs to know before going live (credits, configured models)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from core.errors import ProviderError


class KieOperatorView(Protocol):
    async def credits(self) -> float: ...

    async def model_exists(self, model: str) -> bool | None: ...


async def kie_check(generator: KieOperatorView, models: Sequence[str]) -> list[str]:
    """Human-readable report lines; never raises for a KIE failure, so the command always prints something."""
    lines: list[str] = []
    try:
        credits = await generator.credits()
    except ProviderError as exc:
        lines.append(f"KIE credits: unavailable ({exc.detail or exc.code})")
    else:
        warning = "  <- empty: generation will fail with 402" if credits <= 0 else ""
        lines.append(f"KIE credits: {credits:g}{warning}")
    for model in models:
        exists = await generator.model_exists(model)
        verdict = {
            True: "listed",
            False: "NOT listed (check KIE_MODEL_* settings)",
            None: "unknown (listing unavailable)",
        }
        lines.append(f"model {model}: {verdict[exists]}")
    return lines
