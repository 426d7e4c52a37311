"""/link, /accounts and /unlink on Discord: private answers about which platforms share the person's account.

`/link` (no code) needs consent like every account command; `/link code:` does not, since the identity joins an
account whose owner already consented (it may be this identity's first contact with the bot)."""

from __future__ import annotations

from functools import partial

import discord
from discord import app_commands

from adapters.chat.link_render import accounts_text, code_text, preview_text, unlinked_text
from adapters.discord.command_kit import SlashCommand, answer_privately, everywhere
from adapters.discord.interactions import identity_of
from adapters.discord.languages import described
from adapters.discord.link_buttons import confirm_link_view, label_of
from adapters.discord.replies import Reply
from core.deps import Deps
from core.models import Platform
from core.usecases import link_preview, linking

PLATFORMS = [app_commands.Choice(name=described(f"platform.{p.value}"), value=p.value) for p in Platform]


def link_command() -> SlashCommand:
    @app_commands.command(name="link", description=described("command.link"))
    @app_commands.describe(code=described("discord.option.code"))
    @everywhere
    async def link(interaction: discord.Interaction, code: str | None = None) -> None:
        if code:
            await answer_privately(interaction, partial(show_preview, code=code), consent=False)
        else:
            await answer_privately(interaction, show_code)

    return link


async def show_code(deps: Deps, reply: Reply) -> None:
    issued = await linking.issue_code(deps, identity_of(reply.interaction), label_of(reply.interaction.user))
    await reply.private(code_text(issued, reply.locale))


async def show_preview(deps: Deps, reply: Reply, *, code: str) -> None:
    shown = await link_preview.preview(deps, identity_of(reply.interaction), code)
    await reply.private(preview_text(shown, reply.locale), view=confirm_link_view(shown.code, reply.locale))


def accounts_command() -> SlashCommand:
    @app_commands.command(name="accounts", description=described("command.accounts"))
    @everywhere
    async def accounts(interaction: discord.Interaction) -> None:
        await answer_privately(interaction, show_accounts, consent=False)

    return accounts


async def show_accounts(deps: Deps, reply: Reply) -> None:
    identity = identity_of(reply.interaction)
    await reply.private(accounts_text(await linking.linked(deps, identity), identity, reply.locale))


def unlink_command() -> SlashCommand:
    @app_commands.command(name="unlink", description=described("command.unlink"))
    @app_commands.describe(platform=described("discord.option.platform"))
    @app_commands.choices(platform=PLATFORMS)
    @everywhere
    async def unlink(interaction: discord.Interaction, platform: app_commands.Choice[str]) -> None:
        await answer_privately(interaction, partial(detach, platform=platform.value), consent=False)

    return unlink


async def detach(deps: Deps, reply: Reply, *, platform: str) -> None:
    identity = identity_of(reply.interaction)
    gone = await linking.unlink(deps, identity, platform)
    await reply.private(unlinked_text(gone, identity, reply.locale))
