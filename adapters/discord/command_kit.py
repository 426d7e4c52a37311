"""What every slash command shares: where it may be installed and used, and the private defer-then-answer pattern.

A command that touches the Store or a provider defers privately first, so it is answered within Discord's 3 s,
and (unless it is about data the person already holds) checks consent before its answer."""

from collections.abc import Awaitable, Callable
from typing import Any

import discord
from discord import app_commands

from adapters.discord.client import deps_of
from adapters.discord.interactions import locale_of
from adapters.discord.replies import Reply, answering
from adapters.discord.views import gate
from core.deps import Deps

Callback = Callable[..., Any]
SlashCommand = app_commands.Command[Any, ..., None]
Answer = Callable[[Deps, Reply], Awaitable[None]]


def everywhere(func: Callback) -> Callback:
    """Server and user installs; servers, the bot's DMs and group DMs (Discord enforces it server side)."""
    func = app_commands.allowed_installs(guilds=True, users=True)(func)
    return app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)(func)


async def answer_privately(interaction: discord.Interaction, answer: Answer, *, consent: bool = True) -> None:
    """Defer privately at once, check consent when asked to, then let `answer` reply; failures answer privately."""
    async with answering(interaction, locale_of(interaction)) as reply:
        await reply.think(ephemeral=True)
        deps = deps_of(interaction)
        if not consent or await gate(deps, reply):
            await answer(deps, reply)
