"""A made-up timeline for the contract tests of time-based ports (limits, budgets, link expiry)."""

from __future__ import annotations


class FakeTime:
    """Seconds on a made-up timeline; tests move it by hand."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now
