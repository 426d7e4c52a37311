"""Cancel on Discord: the ✖ Cancel button under a request's "queued" line, and `/cancel [id]`.

Only the person who made the request can cancel it (the core checks the owner, so someone else's press gets a
private "only the person who made this request…"); once the task is at KIE the answer is a private "too late".
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Any, Self

import discord
from discord import app_commands
from discord.ui import Button, DynamicItem, Item, View

from adapters.chat.render import cancelled_text
from adapters.discord.client import deps_of
from adapters.discord.custom_ids import button_arg, generation_ref
from adapters.discord.interactions import DiscordTarget, identity_of, locale_of
from adapters.discord.languages import described
from adapters.discord.replies import answering
from core.models import Generation
from core.texts import t
from core.usecases import cancel as cancelling

log = logging.getLogger(__name__)


class CancelButton(DynamicItem[Item[Any]], template=r"gib:cancel:(?P<arg>.*)"):
    @classmethod
    def make(cls, generation_id: str, locale: str) -> Self:
        button: Button[View] = Button(
            label=t("cancel_button", locale),
            style=discord.ButtonStyle.secondary,
            custom_id=f"gib:cancel:{generation_id}",
        )
        return cls(button)

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: Item[Any], match: re.Match[str], /) -> Self:
        return cls(item)

    async def callback(self, interaction: discord.Interaction) -> None:
        """The 'queued' line becomes what came back; too late or not yours is answered privately."""
        deps, locale = deps_of(interaction), locale_of(interaction)
        async with answering(interaction, locale) as reply:
            generation_id = generation_ref(button_arg(self))
            await reply.acknowledge()  # the Store first: answer within Discord's 3 s whatever it takes
            cancelled = await cancelling.cancel(deps, identity_of(interaction), generation_id)
            await reply.update(cancelled_text(cancelled, locale))


def cancel_view(generation_id: str, locale: str) -> View:
    view = View(timeout=None)
    view.add_item(CancelButton.make(generation_id, locale))
    return view


def cancel_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="cancel", description=described("command.cancel"))
    @app_commands.describe(request=described("discord.option.request"))
    @app_commands.allowed_installs(guilds=True, users=True)
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    async def cancel(interaction: discord.Interaction, request: str | None = None) -> None:
        deps, locale = deps_of(interaction), locale_of(interaction)
        async with answering(interaction, locale) as reply:
            ref = (request or "").strip() or None
            await reply.think(ephemeral=True)
            cancelled = await cancelling.cancel(deps, identity_of(interaction), ref)
            await reply.private(cancelled_text(cancelled, locale, private=True))  # only the person sees it
            await retire_status(interaction.client, cancelled, cancelled_text(cancelled, locale), deps.clock.now())

    return cancel


async def retire_status(client: discord.Client, cancelled: Generation, text: str, now: datetime) -> None:
    """The request's 'queued' line (with its button) says what happened, while its interaction token lives."""
    target = DiscordTarget.of(cancelled.delivery)
    if not target.token_alive(now) or target.message_id is None:
        return
    assert target.application_id is not None and target.token is not None
    webhook = discord.Webhook.partial(target.application_id, target.token, client=client)
    try:
        await webhook.edit_message(target.message_id, content=text, view=None)
    except discord.HTTPException as error:
        log.info("status line not updated after a cancel", extra={"status": error.status, "code": error.code})
