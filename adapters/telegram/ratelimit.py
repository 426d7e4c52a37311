"""Every Bot API call of the bot passes here (PTB's rate-limiter hook): messages wait for their slot in the shared
send budget, by priority; other calls only share the bound on concurrent HTTP requests.

Telegram counts *messages* (Bot API FAQ): getUpdates, answerCallbackQuery, getFile, getMe, setMyCommands and the
like are not sent to a chat and spend nothing here. A 429 pauses that chat for exactly `retry_after` (the whole bot
when the call has no chat, or when several chats are refused at once: Telegram's overall limit); an essential send
then waits and goes again, never turning into an error; a progress edit is dropped (a later state follows).
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import logging
import time
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from adapters.telegram.sendqueue import Priority, SendQueue, Timer
from core.metrics import NoMetrics
from core.ports import Metrics, Pace, SendBudget

log = logging.getLogger(__name__)

JSONDict = dict[str, Any]
MESSAGE_METHODS = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "sendMediaGroup",
        "sendChatAction",
        "sendInvoice",
        "sendAnimation",
        "sendVideo",
        "sendAudio",
        "sendVoice",
        "sendSticker",
        "copyMessage",
        "forwardMessage",
        "editMessageText",
        "editMessageCaption",
        "editMessageMedia",
        "editMessageReplyMarkup",
        "deleteMessage",
    }
)
MAX_CONCURRENT_REQUESTS = 32  # Bot API HTTP requests in flight at once (the rest wait here, not in httpx's pool)
MAX_RETRIES = 20  # 429s in a row before an essential send is given up (a result stays undelivered for re-delivery)
PRIVATE_PACE = Pace(per_s=1.0, burst=3)  # "about one message per second" in a chat, short bursts allowed
GROUP_PACE = Pace(per_s=17 / 60, burst=3)  # never more than 20 in any minute: 3 at once + 17 over the minute
BOT_WIDE_CHATS = 3  # 429s for this many different chats within a second mean the bot's overall limit


@dataclass(frozen=True)
class SendOptions:
    """How one message spends the budget (PTB's `rate_limit_args`)."""

    priority: Priority = Priority.FIRST_REPLY
    # the status message this send changes or replaces (later states overtake it); kept out of repr, since PTB logs
    # rate_limit_args at DEBUG and the key names a chat
    status: str | None = field(default=None, repr=False)
    rank: int | None = None  # how far that status has got: an edit older than what any process sent is skipped
    granted: bool = False  # the slot was already taken (the result waited for it before reading its images)


def pace_of(chat: str) -> Pace:
    """Groups, supergroups and channels have negative ids (and a 20-per-minute limit)."""
    return GROUP_PACE if chat.startswith("-") else PRIVATE_PACE


def spare_for(bot: Pace) -> dict[Priority, float]:
    """Progress goes only when the bot left two slots unused, announcements when it left three: on an idle bot
    announcements use a quarter of the budget, and a reply or result arriving meanwhile never waits behind one
    for more than one slot (in any process)."""
    return {Priority.PROGRESS: 2.0 / bot.per_s, Priority.ANNOUNCEMENT: 3.0 / bot.per_s}


def retry_seconds(error: RetryAfter) -> float:
    value = error.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


class BudgetRateLimiter(BaseRateLimiter[SendOptions]):
    def __init__(
        self,
        queue: SendQueue,
        budget: SendBudget,
        *,
        max_concurrent: int = MAX_CONCURRENT_REQUESTS,
        timer: Timer | None = None,
        metrics: Metrics | None = None,
    ) -> None:
        self.queue = queue
        self._budget = budget
        self._metrics: Metrics = metrics or NoMetrics()
        self._http = asyncio.Semaphore(max_concurrent)
        self._recent_429: deque[tuple[float, str]] = deque()
        self._monotonic: Callable[[], float] = timer.monotonic if timer else time.monotonic

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        await self.queue.aclose()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: SendOptions | None,
    ) -> bool | JSONDict | list[JSONDict]:
        if endpoint not in MESSAGE_METHODS:
            async with self._http:
                return await callback(*args, **kwargs)
        options = rate_limit_args or SendOptions()
        chat = str(data.get("chat_id") or "")
        granted = options.granted
        for _ in range(MAX_RETRIES):
            if not granted and not await self.queue.acquire(chat, options.priority, options.status, options.rank):
                return True  # overtaken by a later state of the same status message (in any process)
            granted = False
            try:
                async with self._http:
                    return await callback(*args, **kwargs)
            except RetryAfter as error:
                await self._paused(chat, retry_seconds(error))
                if options.priority is Priority.PROGRESS:
                    return True  # a later state follows; a stale edit is not worth a second try
        raise RuntimeError(f"{endpoint}: refused by flood control {MAX_RETRIES} times")

    async def _paused(self, chat: str, seconds: float) -> None:
        now = self._monotonic()
        self._recent_429.append((now, chat))
        while self._recent_429 and self._recent_429[0][0] < now - 1.0:
            self._recent_429.popleft()
        bot_wide = not chat or len({c for _, c in self._recent_429}) >= BOT_WIDE_CHATS
        log.info("flood control", extra={"retry_after_s": seconds, "scope": "bot" if bot_wide else "chat"})
        self._metrics.count("gib_chat_rate_limited_total", platform="telegram")
        await self._budget.pause(None if bot_wide else chat, seconds)
