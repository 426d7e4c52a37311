"""In-process send budget: the embedded default for one process (Redis shares it across many).

Both limits are GCRA token buckets (a "theoretical arrival time" per bucket): the bot's overall rate with no burst
(so no second-long window ever holds more than the rate allows), and each chat's pace with its burst.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from core.ports import Pace, SendGrant

STATUS_MEMORY = 100_000  # status messages remembered (one per generation; the oldest are forgotten first)
SWEEP_EVERY = 1_000  # takes between forgetting chats that have been idle long enough to have a full burst again


class InProcessSendBudget:
    def __init__(self, bot: Pace, monotonic: Callable[[], float]) -> None:
        self._bot_interval = 1.0 / bot.per_s
        self._now = monotonic
        self._bot_tat = 0.0
        self._chats: dict[str, float] = {}
        self._paused: dict[str, float] = {}
        self._statuses: OrderedDict[str, int] = OrderedDict()
        self._takes = 0

    async def take(
        self, chat: str, pace: Pace, spare_s: float = 0.0, status: str | None = None, rank: int = 0
    ) -> SendGrant:
        if status is not None and self._statuses.get(status, rank) > rank:
            return SendGrant(False, overtaken=True)
        now = self._now()
        tau = (pace.burst - 1) / pace.per_s
        chat_tat = self._chats.get(chat, 0.0)
        paused_until = self._paused.get(chat)
        if paused_until is not None:
            if paused_until > now:
                return SendGrant(False, paused_until - now, by_chat=True)
            del self._paused[chat]
            chat_tat = self._chats[chat] = max(chat_tat, paused_until + tau)  # at its pace again, no burst
        if chat_tat - tau > now:
            return SendGrant(False, chat_tat - tau - now, by_chat=True)
        if self._bot_tat + spare_s > now:
            return SendGrant(False, self._bot_tat + spare_s - now)
        self._bot_tat = max(self._bot_tat, now) + self._bot_interval
        self._chats[chat] = max(chat_tat, now) + 1.0 / pace.per_s
        self._sweep(now)
        if status is not None:
            await self.advance(status, rank)
        return SendGrant(True)

    async def pause(self, chat: str | None, seconds: float) -> None:
        until = self._now() + seconds
        if chat is None:
            self._bot_tat = max(self._bot_tat, until)
        else:
            self._paused[chat] = max(self._paused.get(chat, 0.0), until)

    async def advance(self, key: str, rank: int) -> bool:
        if self._statuses.get(key, rank) > rank:
            return False
        self._statuses[key] = rank
        self._statuses.move_to_end(key)
        while len(self._statuses) > STATUS_MEMORY:
            self._statuses.popitem(last=False)
        return True

    def _sweep(self, now: float) -> None:
        self._takes += 1
        if self._takes % SWEEP_EVERY == 0:
            self._chats = {chat: tat for chat, tat in self._chats.items() if tat > now - 60.0}
