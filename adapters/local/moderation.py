"""The operator's banned-words list: the prompt screen when Creem's moderation is not configured."""

from __future__ import annotations

import re

from core.models import ModerationDecision, ModerationResult


class BannedWordsModerator:
    def __init__(self, words: list[str]) -> None:
        self._patterns = [re.compile(rf"\b{re.escape(w.lower())}\b") for w in words if w.strip()]

    async def screen(self, prompt: str, account_id: str) -> ModerationResult:
        text = prompt.lower()
        if any(p.search(text) for p in self._patterns):
            return ModerationResult(
                decision=ModerationDecision.DENY, reason="it contains a word this bot does not allow."
            )
        return ModerationResult(decision=ModerationDecision.ALLOW)
