"""The link confirmation buttons (`gib:link:yes:<code>`, `gib:link:no`): a DynamicItem, so a confirmation sent
before a restart still works, and confirming twice links once (the Store decides)."""

from __future__ import annotations

import re
from typing import Any, Self

import discord
from discord.ui import Button, DynamicItem, Item, View

from adapters.chat.link_render import linked_text
from adapters.discord.client import deps_of
from adapters.discord.custom_ids import button_arg
from adapters.discord.interactions import identity_of, locale_of
from adapters.discord.replies import answering
from core.errors import DomainError, ErrorCode
from core.texts import t
from core.usecases import linking


def label_of(user: discord.User | discord.Member) -> str:
    """How the person is named to themselves on the other platform: their Discord @username."""
    return f"@{user.name}"


class LinkButton(DynamicItem[Item[Any]], template=r"gib:link:(?P<arg>.*)"):
    @classmethod
    def make(cls, arg: str, label: str, style: discord.ButtonStyle) -> Self:
        return cls(Button(label=label, style=style, custom_id=f"gib:link:{arg}"))

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: Item[Any], match: re.Match[str], /) -> Self:
        return cls(item)

    async def callback(self, interaction: discord.Interaction) -> None:
        deps, locale, identity = deps_of(interaction), locale_of(interaction), identity_of(interaction)
        async with answering(interaction, locale) as reply:
            answer, _, code = button_arg(self).partition(":")
            await reply.acknowledge()  # a merge is one Store call, but the Store may be slow
            if answer == "no":
                await reply.update(t("link_cancelled", locale))
            elif answer == "yes" and code:
                done = await linking.confirm(deps, identity, code, label_of(interaction.user))
                await reply.update(linked_text(done, identity.platform, locale))
            else:
                raise DomainError(ErrorCode.LINK_CODE_INVALID)


def confirm_link_view(code: str, locale: str) -> View:
    view = View(timeout=None)
    view.add_item(LinkButton.make(f"yes:{code}", t("link_button_yes", locale), discord.ButtonStyle.primary))
    view.add_item(LinkButton.make("no", t("link_button_no", locale), discord.ButtonStyle.secondary))
    return view
