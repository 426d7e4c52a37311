"""Metrics that remember what was counted, for tests that check what an operator would see."""

from __future__ import annotations

from core.metrics import NoMetrics


class CountingMetrics(NoMetrics):
    def __init__(self) -> None:
        self.counted: list[tuple[str, dict[str, str]]] = []

    def count(self, name: str, amount: float = 1.0, **labels: str) -> None:
        self.counted.append((name, labels))
