"""What each platform's refusal of an announcement means: blocked people are recorded and left alone, a refusal
that sent nothing is tried again, and an error after which the message may have arrived is never repeated."""

from __future__ import annotations

from types import SimpleNamespace

import discord
import pytest
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError, TimedOut

from adapters.discord.messenger import _announce_failure as discord_failure
from adapters.telegram.messenger import _announce_failure as telegram_failure
from core.announcements import Reach


@pytest.mark.parametrize(
    ("error", "reach"),
    [
        (Forbidden("Forbidden: bot was blocked by the user"), Reach.BLOCKED),
        (Forbidden("Forbidden: user is deactivated"), Reach.BLOCKED),
        (BadRequest("Bad Request: chat not found"), Reach.BLOCKED),
        (TimedOut(), Reach.UNCERTAIN),
        (NetworkError("Connection reset by peer"), Reach.UNCERTAIN),
        (BadRequest("Bad Request: message text is empty"), Reach.FAILED),
    ],
)
def test_telegram_answers_are_recorded_for_what_they_mean(error: TelegramError, reach: Reach) -> None:
    assert telegram_failure(error) is reach


def discord_error(status: int, code: int) -> discord.HTTPException:
    response = SimpleNamespace(status=status, reason="", headers={})
    return discord.HTTPException(response, {"code": code, "message": "refused"})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("status", "code", "reach"),
    [
        (403, 50007, Reach.BLOCKED),  # Cannot send messages to this user
        (404, 10013, Reach.BLOCKED),  # Unknown User
        (429, 0, Reach.RETRY),
        (502, 0, Reach.UNCERTAIN),
        (400, 50035, Reach.FAILED),
    ],
)
def test_discord_answers_are_recorded_for_what_they_mean(status: int, code: int, reach: Reach) -> None:
    assert discord_failure(discord_error(status, code)) is reach
