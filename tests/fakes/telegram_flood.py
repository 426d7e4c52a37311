"""FakeTelegram with Telegram's flood limits switched on (for the flood benchmarks and their tests).

An additive mode over the fake Bot API server, after the Bot API FAQ: at most `per_second` messages (FakeTelegram's
FLOOD_METHODS; getUpdates, answerCallbackQuery, getFile and the like are not messages) in any sliding second for
the whole bot; in one private chat about one a second with short bursts (a token bucket of `chat_burst`); in a
group at most `group_per_minute` in any sliding minute. A refused call answers 429 `Too Many Requests: retry after
N` with `parameters.retry_after` (the time until the limit that refused it frees up, at least 1 s), as Telegram
does. Scripted `flood()` answers still come first. The plain FakeTelegram keeps its default (no limit).
"""

from __future__ import annotations

import math
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
        chat_per_second: float = 1.0,
        chat_burst: int = 5,
        group_per_minute: int = 20,
        monotonic: Callable[[], float] = time.monotonic,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.per_second = per_second
        self.retry_after = retry_after
        self.chat_per_second = chat_per_second
        self.chat_burst = chat_burst
        self.group_per_minute = group_per_minute
        self.flooded = 0  # calls answered 429 by the limits
        self.flooded_chats: dict[int, int] = {}  # of which refused by a chat's own limit, per chat
        self._monotonic = monotonic
        self._accepted: deque[float] = deque()
        self._chat_tat: dict[int, float] = {}
        self._group_sent: dict[int, deque[float]] = {}

    def _check_flood(self, call: Call) -> None:
        super()._check_flood(call)
        if call.method not in FLOOD_METHODS:
            return
        now = self._monotonic()
        chat = call.chat_id if "chat_id" in call.params else None
        if chat is not None:
            self._check_chat(chat, now)
        if self.per_second <= 0:
            return
        while self._accepted and now - self._accepted[0] >= 1.0:
            self._accepted.popleft()
        if len(self._accepted) >= self.per_second:
            self._refuse(self.retry_after)
        self._accepted.append(now)
        if chat is not None:
            self._count_chat(chat, now)

    def _check_chat(self, chat: int, now: float) -> None:
        if chat < 0:
            sent = self._group_sent.setdefault(chat, deque())
            while sent and now - sent[0] >= 60.0:
                sent.popleft()
            if self.group_per_minute > 0 and len(sent) >= self.group_per_minute:
                self._refuse(sent[0] + 60.0 - now, chat)
            return
        if self.chat_per_second <= 0:
            return
        tau = (self.chat_burst - 1) / self.chat_per_second
        tat = self._chat_tat.get(chat, 0.0)
        if tat - tau > now:
            self._refuse(tat - tau - now, chat)

    def _count_chat(self, chat: int, now: float) -> None:
        if chat < 0:
            self._group_sent.setdefault(chat, deque()).append(now)
        elif self.chat_per_second > 0:
            self._chat_tat[chat] = max(self._chat_tat.get(chat, 0.0), now) + 1.0 / self.chat_per_second

    def _refuse(self, wait_s: float, chat: int | None = None) -> None:
        self.flooded += 1
        if chat is not None:
            self.flooded_chats[chat] = self.flooded_chats.get(chat, 0) + 1
        retry_after = max(1, math.ceil(wait_s))
        raise ApiError(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})
