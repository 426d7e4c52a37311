"""/privacy, /terms, /mydata and /deleteme: what we promise, and the person's data (only they see it).

/mydata and /deleteme skip the consent prompt: a person may take or delete their data without accepting terms."""

import io

import discord
from discord import app_commands

from adapters.chat.link_render import deletion_reach_text
from adapters.chat.render import privacy_text, terms_text
from adapters.discord.client import deps_of
from adapters.discord.command_kit import SlashCommand, answer_privately, everywhere
from adapters.discord.interactions import identity_of, locale_of
from adapters.discord.languages import described
from adapters.discord.replies import Reply, answering
from adapters.discord.views import delete_view
from core.deps import Deps
from core.texts import t
from core.usecases import exports, linking, privacy


def privacy_command() -> SlashCommand:
    @app_commands.command(name="privacy", description=described("command.privacy"))
    @everywhere
    async def privacy_policy(interaction: discord.Interaction) -> None:
        deps, locale = deps_of(interaction), locale_of(interaction)
        async with answering(interaction, locale) as reply:
            await reply.private(privacy_text(deps.policy, locale))

    return privacy_policy


def terms_command() -> SlashCommand:
    @app_commands.command(name="terms", description=described("command.terms"))
    @everywhere
    async def terms(interaction: discord.Interaction) -> None:
        deps, locale = deps_of(interaction), locale_of(interaction)
        async with answering(interaction, locale) as reply:
            await reply.private(terms_text(deps.policy, locale))

    return terms


def mydata_command() -> SlashCommand:
    @app_commands.command(name="mydata", description=described("command.mydata"))
    @everywhere
    async def mydata(interaction: discord.Interaction) -> None:
        await answer_privately(interaction, send_export, consent=False)

    return mydata


async def send_export(deps: Deps, reply: Reply) -> None:
    """The export as zip parts, one per message so each is within the interaction's upload limit."""
    locale = reply.locale
    parts = await exports.archive(deps, identity_of(reply.interaction), reply.interaction.filesize_limit)
    if parts is None:
        await reply.private(t("export_nothing", locale))
        return
    count = len(parts)
    text = t("export_ready", locale) if count == 1 else t("export_ready_parts", locale, count=count)
    for n, part in enumerate(parts):
        await reply.private(
            text if n == 0 else part.filename, files=[discord.File(io.BytesIO(part.data), part.filename)]
        )


def deleteme_command() -> SlashCommand:
    @app_commands.command(name="deleteme", description=described("command.deleteme"))
    @everywhere
    async def deleteme(interaction: discord.Interaction) -> None:
        await answer_privately(interaction, ask_to_confirm_deletion, consent=False)

    return deleteme


async def ask_to_confirm_deletion(deps: Deps, reply: Reply) -> None:
    identity = identity_of(reply.interaction)
    if await deps.store.find_account(identity) is None:
        await reply.private(t("nothing_to_delete", reply.locale))
        return
    code = await privacy.request_deletion(deps, identity)
    reach = deletion_reach_text(await linking.linked(deps, identity), reply.locale)
    text = "\n\n".join(filter(None, (t("delete_confirm_buttons", reply.locale), reach)))
    await reply.private(text, view=delete_view(code, reply.locale))
