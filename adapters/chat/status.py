"""How far a status message has got, for every platform: it only moves forward (queued → waiting → generating →
done or failed), whichever process writes it. The ranks are recorded in the shared SendBudget (Redis in
production), so a late "queued" edit from one process never replaces a worker's later state."""

from __future__ import annotations

import hashlib

STAGE_RANKS = {"queued": 1, "waiting": 2, "generating": 3}
QUEUED_RANK = STAGE_RANKS["queued"] * 1000
FINAL_RANK = 10_000  # done (the result is out) or failed (the status shows the reason)


def stage_rank(stage: str, done: int = 0) -> int:
    """By stage, then by images done; an unknown stage sits between waiting and generating."""
    return STAGE_RANKS.get(stage, 2) * 1000 + (done if stage == "generating" else 0)


def telegram_status(chat_id: int | str, message_id: int | str) -> str:
    """A hash, so no chat id is kept in Redis (or written to a log) for the status."""
    return "tg:" + hashlib.sha256(f"{chat_id}:{message_id}".encode()).hexdigest()[:32]


def discord_status(interaction_token: str) -> str:
    """One status message per interaction; a hash keeps the token itself out of Redis."""
    return "dc:" + hashlib.sha256(interaction_token.encode()).hexdigest()[:32]
