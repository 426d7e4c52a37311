"""Who is asking and where the answer goes: identity, locale and delivery target from a Discord interaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import discord

from core.languages import LanguageBook
from core.locales import normalise
from core.models import DeliveryTarget, Identity, Platform

TOKEN_TTL = timedelta(minutes=15)
DEFAULT_UPLOAD_LIMIT = 10 * 1024 * 1024


def identity_of(interaction: discord.Interaction) -> Identity:
    return Identity(platform=Platform.DISCORD, platform_user_id=str(interaction.user.id))


def platform_locale(interaction: discord.Interaction) -> str:
    """The Discord client's language ('en-US', 'pt-BR', 'es-419', 'zh-CN') as a catalogue code."""
    return normalise(interaction.locale.value if interaction.locale else None)


def locale_of(interaction: discord.Interaction) -> str:
    """The person's language: the one chosen in /settings (read before each slash command, else as this process
    last read it), else their Discord client's, else English."""
    chosen = interaction.extras.get("language")
    if chosen is None:
        book: LanguageBook | None = getattr(getattr(interaction.client, "deps", None), "languages", None)
        chosen = book.known(identity_of(interaction)) if book is not None else None
    return str(chosen) if chosen else platform_locale(interaction)


def display_name_of(interaction: discord.Interaction) -> str:
    return interaction.user.display_name


def target_of(interaction: discord.Interaction, message_id: int | None = None) -> DeliveryTarget:
    """Everything another process needs to answer later: the interaction webhook (valid 15 minutes),
    the channel and the user (for the fallbacks once the token has expired)."""
    expires = interaction.created_at + TOKEN_TTL
    extra = {
        "application_id": str(interaction.application_id),
        "interaction_token": interaction.token,
        "token_expires_at": expires.isoformat(),
        "user_id": str(interaction.user.id),
        "guild_id": str(interaction.guild_id or ""),
        "attachment_size_limit": str(interaction.filesize_limit),
    }
    if message_id is not None:
        extra["message_id"] = str(message_id)
    return DeliveryTarget(
        platform=Platform.DISCORD,
        chat_id=str(interaction.channel_id or ""),
        extra=extra,
        private=is_bot_dm(interaction),
    )


def is_bot_dm(interaction: discord.Interaction) -> bool:
    """Only the bot's own DM is seen by the person alone (a server, a group DM or a DM with a friend is not)."""
    context = interaction.context
    return context.dm_channel and not context.guild and not context.private_channel


@dataclass(frozen=True)
class DiscordTarget:
    """A DeliveryTarget read back with Discord types; tolerant of missing fields (older or partial targets)."""

    application_id: int | None
    token: str | None
    expires_at: datetime | None
    channel_id: int | None
    user_id: int | None
    guild_id: int | None
    message_id: int | None
    upload_limit: int

    @classmethod
    def of(cls, target: DeliveryTarget) -> DiscordTarget:
        extra = target.extra
        expires = extra.get("token_expires_at")
        return cls(
            application_id=_int(extra.get("application_id")),
            token=extra.get("interaction_token") or None,
            expires_at=datetime.fromisoformat(expires) if expires else None,
            channel_id=_int(target.chat_id),
            user_id=_int(extra.get("user_id")),
            guild_id=_int(extra.get("guild_id")),
            message_id=_int(extra.get("message_id")),
            upload_limit=_int(extra.get("attachment_size_limit")) or DEFAULT_UPLOAD_LIMIT,
        )

    def token_alive(self, now: datetime, margin: timedelta = timedelta(seconds=30)) -> bool:
        """The interaction webhook still answers (with a margin so a slow upload does not cross the line)."""
        return (
            self.application_id is not None
            and self.token is not None
            and self.expires_at is not None
            and now < self.expires_at - margin
        )


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None
