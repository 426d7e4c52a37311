"""Operational figures for the operator's dashboards (counters, histograms, gauges)."""

from __future__ import annotations

from typing import Protocol


class Metrics(Protocol):
    """Operational figures for the operator's dashboards, by name from `core.metrics.CATALOGUE` (which also says
    each one's kind and labels). Reporting never fails the caller: an unknown name or label set is only logged."""

    def count(self, name: str, amount: float = 1.0, **labels: str) -> None:
        """Add to a counter (`…_total`)."""
        ...

    def observe(self, name: str, value: float, **labels: str) -> None:
        """Record one value of a histogram (durations in seconds: `…_seconds`)."""
        ...

    def set(self, name: str, value: float, **labels: str) -> None:
        """Set a gauge to its current value."""
        ...
