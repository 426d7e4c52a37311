"""`/admin …` on Discord: one command group, registered only in the admin server (ADMIN_DISCORD_GUILD_ID), usable
only in servers and shown only to members with the Administrator permission there (default member permissions 0).
The caller's id is still checked on every use (adapters.chat.admin): anyone not listed in ADMIN_DISCORD_IDS gets
exactly the unknown-command answer. Every answer is private; the interaction id is the command's key (Discord never
delivers one interaction twice, and a retried delivery carries the same id).

Each subcommand turns its typed options into the words of `/admin <action> …` and goes through the same dispatcher
as Telegram, the console and the command line; to add one, add a factory to SUBCOMMANDS.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import discord
from discord import app_commands

from adapters.chat.admin import run_admin
from adapters.chat.render import unknown_command_text
from adapters.discord.client import deps_of
from adapters.discord.interactions import identity_of, locale_of
from adapters.discord.languages import described
from adapters.discord.replies import answering
from core.announcements import MAX_TEXT_CHARS
from core.usecases.admin import MAX_CREDITS, Actor

MESSAGE_MAX = 2000  # Discord's limit for a message's content
Credits = app_commands.Range[int, 1, MAX_CREDITS]


async def answer_admin(interaction: discord.Interaction, text: str) -> None:
    """Defer privately, run `/admin <text>` for the caller, answer privately (non-admins: as an unknown command)."""
    locale = locale_of(interaction)
    async with answering(interaction, locale) as reply:
        await reply.think(ephemeral=True)
        actor = Actor(channel="discord", identity=identity_of(interaction), key=f"discord:{interaction.id}")
        answer = await run_admin(deps_of(interaction), actor, text, locale)
        if answer is None:
            answer = unknown_command_text("help_discord", deps_of(interaction).policy, locale)
        await reply.private(answer if len(answer) <= MESSAGE_MAX else answer[: MESSAGE_MAX - 1] + "…")


def user_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="user", description=described("discord.admin.user"))
    @app_commands.describe(who=described("discord.admin.who"), prompts=described("discord.admin.prompts"))
    async def user(interaction: discord.Interaction, who: str, prompts: bool = False) -> None:
        await answer_admin(interaction, f"user {who}" + (" --prompts" if prompts else ""))

    return user


def grant_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="grant", description=described("discord.admin.grant"))
    async def grant(interaction: discord.Interaction, who: str, credits: Credits, reason: str) -> None:
        await answer_admin(interaction, f"grant {who} {credits} {reason}")

    return grant


def revoke_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="revoke", description=described("discord.admin.revoke"))
    async def revoke(interaction: discord.Interaction, who: str, credits: Credits, reason: str) -> None:
        await answer_admin(interaction, f"revoke {who} {credits} {reason}")

    return revoke


def block_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="block", description=described("discord.admin.block"))
    async def block(interaction: discord.Interaction, who: str, reason: str) -> None:
        await answer_admin(interaction, f"block {who} {reason}")

    return block


def unblock_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="unblock", description=described("discord.admin.unblock"))
    async def unblock(interaction: discord.Interaction, who: str, reason: str = "") -> None:
        await answer_admin(interaction, f"unblock {who} {reason}")

    return unblock


def stats_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="stats", description=described("discord.admin.stats"))
    async def stats(interaction: discord.Interaction) -> None:
        await answer_admin(interaction, "stats")

    return stats


def announce_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="announce", description=described("discord.admin.announce"))
    @app_commands.describe(kind=described("discord.admin.announce_kind"), text=described("discord.admin.announce_text"))
    async def announce(
        interaction: discord.Interaction,
        kind: Literal["policy", "terms", "news", "status"],
        text: app_commands.Range[str, 0, MAX_TEXT_CHARS] = "",
    ) -> None:
        await answer_admin(interaction, f"announce {kind} {text}")

    return announce


SUBCOMMANDS: list[Callable[[], app_commands.Command[Any, ..., None]]] = [
    user_command,
    grant_command,
    revoke_command,
    block_command,
    unblock_command,
    stats_command,
    announce_command,
]


def admin_group() -> app_commands.Group:
    """A fresh /admin group (a restarted client gets its own), for the admin server only."""
    group = app_commands.Group(
        name="admin",
        description=described("discord.admin"),
        guild_only=True,
        allowed_contexts=app_commands.AppCommandContext(guild=True, dm_channel=False, private_channel=False),
        allowed_installs=app_commands.AppInstallationType(guild=True, user=False),
        default_permissions=discord.Permissions(0),  # only the server's administrators see it
    )
    for factory in SUBCOMMANDS:
        group.add_command(factory())
    return group
