"""`python -m bot kie-check`: what an operator needs to know before going live (credits, configured models).

The report says whether the deploy may go ahead: KIE unreachable, a rejected key, an empty balance or a model
KIE does not list is a `problem` naming the setting to look at (the command then exits non-zero).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from core.errors import ProviderError


class KieOperatorView(Protocol):
    async def credits(self) -> float: ...

    async def model_exists(self, model: str) -> bool | None: ...


@dataclass
class KieReport:
    lines: list[str] = field(default_factory=list)
    problem: str | None = None
    setting: str | None = None

    def fail(self, setting: str, problem: str) -> None:
        """Keep the first problem: it is the one to fix first (a rejected key explains the rest)."""
        if self.problem is None:
            self.setting, self.problem = setting, problem


VERDICTS = {True: "listed", False: "NOT listed", None: "unknown (listing unavailable)"}


async def kie_check(generator: KieOperatorView, models: Mapping[str, str]) -> KieReport:
    """`models` maps each setting (KIE_MODEL_T2I, …) to its model name. Never raises for a KIE failure."""
    report = KieReport()
    try:
        credits = await generator.credits()
    except ProviderError as exc:
        detail = exc.detail or str(exc.code)
        report.lines.append(f"KIE credits: unavailable ({detail})")
        rejected = "401" in detail or "KIE_API_KEY" in detail
        report.fail("KIE_API_KEY" if rejected else "KIE_BASE_URL", detail)
    else:
        warning = "  <- empty: generation will fail with 402" if credits <= 0 else ""
        report.lines.append(f"KIE credits: {credits:g}{warning}")
        if credits <= 0:
            report.fail("KIE_API_KEY", "the KIE credit balance is empty (top up before going live)")
    for setting, model in models.items():
        exists = await generator.model_exists(model)
        report.lines.append(f"model {model}: {VERDICTS[exists]}" + ("" if exists is not False else f" ({setting})"))
        if exists is False:
            report.fail(setting, f"KIE does not list the model {model!r}")
    return report
