"""Percentiles and small summaries (nearest-rank, so p99 of 500 samples is a real sample)."""

from __future__ import annotations

import math
from collections.abc import Sequence


def percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def summary(values: Sequence[float], scale: float = 1.0) -> dict[str, float]:
    """median, p99, max (and count), multiplied by `scale` (1000 for ms)."""
    return {
        "n": len(values),
        "p50": percentile(values, 50) * scale,
        "p99": percentile(values, 99) * scale,
        "max": (max(values) if values else float("nan")) * scale,
    }
