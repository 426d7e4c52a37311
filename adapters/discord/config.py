"""What the Discord adapter needs from settings (built in bot/settings.py; secrets as plain str here)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DiscordConfig:
    token: str
    dev_guild_id: int | None = None
    admin_guild_id: int | None = None  # /admin is registered in this server only (none: not offered on Discord)
    admin_ids: frozenset[int] = frozenset()
    api_base_url: str | None = None
    gateway_url: str | None = None
    #: A gateway that stays disconnected this long gives up (the process exits for its supervisor).
    give_up_after_s: float = 600.0
