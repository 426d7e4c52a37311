"""Buttons and menus. Every interactive item is a DynamicItem with a `gib:<action>:<arg>` custom id parsed by a
template, so a button sent before a restart still works: nothing about it lives in process memory.

Also here, because buttons and commands share them: the consent gate and queueing a generation."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Self

import discord
from discord.ui import Button, DynamicItem, Item, Select, View

from adapters.chat.render import consent_accepted_text, consent_prompt, declined_text, queued_text, settings_text
from adapters.chat.status import QUEUED_RANK, discord_status
from adapters.discord.cancel import CancelButton, cancel_view
from adapters.discord.client import deps_of, statuses_of
from adapters.discord.custom_ids import button_arg, generation_ref
from adapters.discord.interactions import display_name_of, identity_of, locale_of, platform_locale, target_of
from adapters.discord.link_buttons import LinkButton
from adapters.discord.replies import Reply, answering
from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.locales import NATIVE_NAMES, available
from core.models import ASPECT_RATIOS, RESOLUTIONS, Account, DeliveryTarget, Generation, Identity
from core.texts import t
from core.usecases import generation, languages, onboarding, privacy

LINK_MAX = 512  # Discord's limit for a link button's url

Queue = Callable[[DeliveryTarget], Awaitable[Generation]]


# --- shared steps ------------------------------------------------------------------------------------------------


async def gate(deps: Deps, reply: Reply) -> bool:
    """Create the account on first contact; until consent is given, every command shows the consent prompt."""
    interaction = reply.interaction
    result = await onboarding.start(deps, identity_of(interaction), display_name_of(interaction), reply.locale)
    if result.needs_consent:
        await reply.private(consent_prompt(result.change, reply.locale), view=consent_view(reply.locale))
        return False
    return True


async def queue_generation(deps: Deps, reply: Reply, queue: Queue) -> Generation | None:
    """Defer at once and privately (a consent prompt or an error is for this person only, from the first byte),
    check consent, queue, then show the 'queued' line on that private status message.

    The status message then moves forward only (queued → waiting → generating → done or the error), whichever
    process writes it; the images follow as a public message once done."""
    message_id = await reply.think(ephemeral=True)
    if not await gate(deps, reply):
        return None
    interaction = reply.interaction
    if message_id is None:
        message_id = (await interaction.original_response()).id
    queued = await queue(target_of(interaction, message_id))
    if await statuses_of(interaction).advance(discord_status(interaction.token), QUEUED_RANK):
        view = cancel_view(queued.id, reply.locale)
        spot = await generation.spot(deps, queued.id)
        await interaction.edit_original_response(content=queued_text(queued, reply.locale, spot), view=view)
    return queued


# --- results: regenerate, vary, open the original ---------------------------------------------------------------


Again = Callable[[Deps, Identity, str | None, DeliveryTarget], Awaitable[Generation]]


async def _again(item: DynamicItem[Any], interaction: discord.Interaction, start: Again) -> None:
    """A new generation from the one named in the button (regenerate or vary), queued like /imagine."""
    deps, identity = deps_of(interaction), identity_of(interaction)
    async with answering(interaction, locale_of(interaction)) as reply:
        ref = generation_ref(button_arg(item))
        await generation.own_generation(deps, identity, ref)  # someone else's button: a private answer, no defer
        await queue_generation(deps, reply, lambda target: start(deps, identity, ref, target))


class RegenerateButton(DynamicItem[Item[Any]], template=r"gib:regen:(?P<arg>.*)"):
    @classmethod
    def make(cls, generation_id: str, locale: str) -> Self:
        return cls(Button(label=t("regenerate_button", locale), custom_id=f"gib:regen:{generation_id}"))

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: Item[Any], match: re.Match[str], /) -> Self:
        return cls(item)

    async def callback(self, interaction: discord.Interaction) -> None:
        await _again(self, interaction, generation.regenerate)


class VaryButton(DynamicItem[Item[Any]], template=r"gib:vary:(?P<arg>.*)"):
    @classmethod
    def make(cls, generation_id: str, locale: str) -> Self:
        return cls(Button(label=t("vary_button", locale), custom_id=f"gib:vary:{generation_id}"))

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: Item[Any], match: re.Match[str], /) -> Self:
        return cls(item)

    async def callback(self, interaction: discord.Interaction) -> None:
        await _again(self, interaction, generation.vary)


def result_view(generation_id: str, links: Sequence[str], locale: str) -> View:
    view = View(timeout=None)
    view.add_item(RegenerateButton.make(generation_id, locale))
    view.add_item(VaryButton.make(generation_id, locale))
    label = t("original_button", locale)
    for index, url in enumerate(links, start=1):
        if is_web_link(url):
            view.add_item(Button(label=label if len(links) == 1 else f"{label} {index}", url=url))
    return view


def is_web_link(url: str) -> bool:
    return url.startswith(("https://", "http://")) and len(url) <= LINK_MAX


# --- consent ----------------------------------------------------------------------------------------------------


class ConsentButton(DynamicItem[Item[Any]], template=r"gib:consent:(?P<arg>.*)"):
    @classmethod
    def make(cls, answer: str, label: str, style: discord.ButtonStyle) -> Self:
        return cls(Button(label=label, style=style, custom_id=f"gib:consent:{answer}"))

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: Item[Any], match: re.Match[str], /) -> Self:
        return cls(item)

    async def callback(self, interaction: discord.Interaction) -> None:
        deps, locale = deps_of(interaction), locale_of(interaction)
        async with answering(interaction, locale) as reply:
            if button_arg(self) != "yes":
                renewing = await onboarding.decline_terms(deps, identity_of(interaction))
                await reply.update(declined_text(renewing, locale))
                return
            await reply.acknowledge()
            await onboarding.accept_terms(deps, identity_of(interaction), age_confirmed=True)
            await reply.update(consent_accepted_text(deps.policy, locale))


def consent_view(locale: str) -> View:
    view = View(timeout=None)
    view.add_item(ConsentButton.make("yes", t("consent_button_accept", locale), discord.ButtonStyle.success))
    view.add_item(ConsentButton.make("no", t("consent_button_decline", locale), discord.ButtonStyle.secondary))
    return view


# --- account deletion -------------------------------------------------------------------------------------------


class DeleteButton(DynamicItem[Item[Any]], template=r"gib:del:(?P<arg>.*)"):
    """`gib:del:yes:<code>` confirms with the code's own expiry (checked by the core), `gib:del:no` cancels."""

    @classmethod
    def make(cls, arg: str, label: str, style: discord.ButtonStyle) -> Self:
        return cls(Button(label=label, style=style, custom_id=f"gib:del:{arg}"))

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: Item[Any], match: re.Match[str], /) -> Self:
        return cls(item)

    async def callback(self, interaction: discord.Interaction) -> None:
        deps, locale, identity = deps_of(interaction), locale_of(interaction), identity_of(interaction)
        async with answering(interaction, locale) as reply:
            answer, _, code = button_arg(self).partition(":")
            await reply.acknowledge()  # deleting cancels a subscription at Creem and removes files: it takes time
            if answer == "no":
                await privacy.cancel_deletion(deps, identity)
                await reply.update(t("delete_cancelled", locale))
            elif answer == "yes" and code:
                await privacy.confirm_deletion(deps, identity, code)
                await reply.update(t("deleted", locale))
            else:
                raise DomainError(ErrorCode.CONFIRMATION_INVALID)


def delete_view(code: str, locale: str) -> View:
    view = View(timeout=None)
    view.add_item(DeleteButton.make(f"yes:{code}", t("delete_button_yes", locale), discord.ButtonStyle.danger))
    view.add_item(DeleteButton.make("no", t("delete_button_no", locale), discord.ButtonStyle.secondary))
    return view


# --- settings ---------------------------------------------------------------------------------------------------


class SettingsItem(DynamicItem[Item[Any]], template=r"gib:set:(?P<arg>.*)"):
    """`gib:set:lang`, `gib:set:ar` and `gib:set:res` are menus; `gib:set:notify:on|off` is the notifications
    toggle."""

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: Item[Any], match: re.Match[str], /) -> Self:
        return cls(item)

    async def callback(self, interaction: discord.Interaction) -> None:
        deps, locale, identity = deps_of(interaction), locale_of(interaction), identity_of(interaction)
        async with answering(interaction, locale) as reply:
            arg = button_arg(self)
            values = self.item.values if isinstance(self.item, Select) else []
            await reply.acknowledge()
            if arg == "lang" and values:
                account = await languages.choose_language(deps, identity, values[0])
                locale = account.language or platform_locale(interaction)  # the answer, in the new language
            elif arg == "ar" and values:
                account = await onboarding.update_settings(deps, identity, aspect_ratio=values[0])
            elif arg == "res" and values:
                account = await onboarding.update_settings(deps, identity, resolution=values[0])
            elif arg in ("notify:on", "notify:off"):
                opt_out = arg == "notify:off"
                account = await onboarding.update_settings(deps, identity, notifications_opt_out=opt_out)
            else:
                raise DomainError(ErrorCode.INVALID_OPTION, t("button_stale", locale))
            text = t("settings_saved", locale) + "\n" + settings_text(account, locale)
            await reply.update(text, view=settings_view(account, locale))


def settings_view(account: Account, locale: str) -> View:
    view = View(timeout=None)
    automatic = discord.SelectOption(
        label=t("language_button_auto", locale), value="auto", default=not account.language
    )
    spoken = [discord.SelectOption(label=NATIVE_NAMES[c], value=c, default=c == account.language) for c in available()]
    placeholder = t("settings_language_placeholder", locale)
    view.add_item(SettingsItem(Select(custom_id="gib:set:lang", placeholder=placeholder, options=[*spoken, automatic])))
    ratios = [discord.SelectOption(label=r, value=r, default=r == account.default_aspect_ratio) for r in ASPECT_RATIOS]
    sizes = [discord.SelectOption(label=r, value=r, default=r == account.default_resolution) for r in RESOLUTIONS]
    placeholder_ar, placeholder_res = t("settings_ar_placeholder", locale), t("settings_res_placeholder", locale)
    view.add_item(SettingsItem(Select(custom_id="gib:set:ar", placeholder=placeholder_ar, options=ratios)))
    view.add_item(SettingsItem(Select(custom_id="gib:set:res", placeholder=placeholder_res, options=sizes)))
    toggle: Button[View]
    if account.notifications_opt_out:
        toggle = Button(label=t("notify_button_off", locale), custom_id="gib:set:notify:on")
    else:
        toggle = Button(label=t("notify_button_on", locale), custom_id="gib:set:notify:off")
    view.add_item(SettingsItem(toggle))
    return view


# --- anything else ----------------------------------------------------------------------------------------------


class StaleItem(DynamicItem[Item[Any]], template=r"(?!gib:(?:regen|vary|consent|del|set|cancel|link):).*"):
    """Any custom id this bot does not (or no longer) understand gets a friendly private answer."""

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: Item[Any], match: re.Match[str], /) -> Self:
        return cls(item)

    async def callback(self, interaction: discord.Interaction) -> None:
        locale = locale_of(interaction)
        async with answering(interaction, locale) as reply:
            await reply.private(t("button_stale", locale))


def link_view(links: Sequence[tuple[str, str]]) -> View:
    """Plain link buttons (style 5): checkouts and the billing portal."""
    view = View(timeout=None)
    for label, url in links:
        if is_web_link(url):
            view.add_item(Button(label=label, url=url))
    return view


DYNAMIC_ITEMS: tuple[type[DynamicItem[Any]], ...] = (
    RegenerateButton,
    VaryButton,
    ConsentButton,
    DeleteButton,
    SettingsItem,
    CancelButton,
    LinkButton,
    StaleItem,
)
