"""What the Telegram adapter needs from settings (built in bot/settings.py; secrets as plain str here)."""

from __future__ import annotations

from dataclasses import dataclass

MESSAGES_PER_SECOND = 29.0  # just under Telegram's "about 30 messages per second", so jitter never crosses it


@dataclass(frozen=True)
class TelegramConfig:
    token: str
    webhook_url: str | None = None
    webhook_secret: str | None = None
    base_url: str | None = None
    base_file_url: str | None = None
    #: Polling that fails this long without one success gives up (the process exits for its supervisor).
    give_up_after_s: float = 600.0
    messages_per_second: float = MESSAGES_PER_SECOND
    admin_ids: tuple[int, ...] = ()  # each admin's private chat gets the /admin command in its menu

    @property
    def self_hosted(self) -> bool:
        """A self-hosted Bot API server lifts the upload limit from 50 MB to 2 GB."""
        return bool(self.base_url) and "api.telegram.org" not in (self.base_url or "")
