"""In-process sliding-window limiter: the embedded default for one process (Redis shares limits across many)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from core.models import RateDecision


class InProcessLimiter:
    def __init__(self, monotonic: Callable[[], float]) -> None:
        self._now = monotonic
        self._hits: dict[str, deque[float]] = {}

    async def hit(self, key: str, limit: int, window_s: float) -> RateDecision:
        now = self._now()
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - window_s:
            hits.popleft()
        if len(hits) >= limit:
            oldest = hits[0] if hits else now
            return RateDecision(allowed=False, retry_after_s=max(oldest + window_s - now, 0.0))
        hits.append(now)
        return RateDecision(allowed=True)
