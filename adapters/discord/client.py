"""The discord.py Client that carries the core's ports, so persistent buttons can reach them after a restart."""

from __future__ import annotations

import discord

from core.deps import Deps


class GibClient(discord.Client):
    """Default intents only (no privileged ones): everything arrives as interactions."""

    def __init__(self, deps: Deps) -> None:
        super().__init__(intents=discord.Intents.default())
        self.deps = deps


def deps_of(interaction: discord.Interaction) -> Deps:
    client = interaction.client
    if not isinstance(client, GibClient):
        raise TypeError("interaction from a client without deps")
    return client.deps
