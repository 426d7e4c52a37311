"""The discord.py Client that carries the core's ports, so persistent buttons can reach them after a restart."""

from __future__ import annotations

import discord

from core.deps import Deps
from core.ports import SendBudget


class GibClient(discord.Client):
    """Default intents only (no privileged ones): everything arrives as interactions."""

    def __init__(self, deps: Deps, statuses: SendBudget) -> None:
        super().__init__(intents=discord.Intents.default())
        self.deps = deps
        self.statuses = statuses  # how far each status message has got, shared by every process


def deps_of(interaction: discord.Interaction) -> Deps:
    client = interaction.client
    if not isinstance(client, GibClient):
        raise TypeError("interaction from a client without deps")
    return client.deps


def statuses_of(interaction: discord.Interaction) -> SendBudget:
    client = interaction.client
    if not isinstance(client, GibClient):
        raise TypeError("interaction from a client without deps")
    return client.statuses
