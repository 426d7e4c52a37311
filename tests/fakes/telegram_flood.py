"""FakeTelegram with Telegram's overall flood limit switched on (for the flood-limit benchmark and its tests).

An additive mode over the fake Bot API server: at most `per_second` sending calls (FakeTelegram's FLOOD_METHODS)
are accepted in any sliding one-second window; the rest answer 429 `Too Many Requests: retry after N` with
`parameters.retry_after`, as Telegram does. Scripted `flood()` answers still come first. The plain FakeTelegram
keeps its default (no limit).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from typing import Any

from tests.fakes.telegram_api import FLOOD_METHODS, ApiError, Call, FakeTelegram


class FloodLimitedTelegram(FakeTelegram):
    def __init__(
        self,
        *args: Any,
        per_second: float = 30.0,
        retry_after: int = 1,
        monotonic: Callable[[], float] = time.monotonic,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.per_second = per_second
        self.retry_after = retry_after
        self.flooded = 0  # calls answered 429 by the limit
        self._monotonic = monotonic
        self._accepted: deque[float] = deque()

    def _check_flood(self, call: Call) -> None:
        super()._check_flood(call)
        if call.method not in FLOOD_METHODS or self.per_second <= 0:
            return
        now = self._monotonic()
        while self._accepted and now - self._accepted[0] >= 1.0:
            self._accepted.popleft()
        if len(self._accepted) >= self.per_second:
            self.flooded += 1
            raise ApiError(429, f"Too Many Requests: retry after {self.retry_after}", {"retry_after": self.retry_after})
        self._accepted.append(now)
