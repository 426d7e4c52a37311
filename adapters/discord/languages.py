"""Discord in the person's language: the chosen language read before each slash command, and command, option and
choice descriptions from the catalogues (discord.py's Translator; `name_localizations` and
`description_localizations` in the synced payload).

Command and option names stay as they are (product terms, the same in every language). Discord has no Arabic
client locale, so Arabic readers choose it in /settings; their replies are Arabic, the command list English.
"""

from __future__ import annotations

import asyncio
import logging

import discord
from discord import app_commands

from adapters.discord.client import GibClient
from adapters.discord.interactions import identity_of, platform_locale
from core.errors import StoreUnavailable
from core.locales import DEFAULT_LOCALE, catalogue, normalise
from core.texts import t

log = logging.getLogger(__name__)

LANGUAGE_READ_S = 0.5  # the first response is due within 3 s: a slow Store leaves the Discord client's language
TRANSLATED = frozenset(
    {
        app_commands.TranslationContextLocation.command_description,
        app_commands.TranslationContextLocation.group_description,
        app_commands.TranslationContextLocation.parameter_description,
        app_commands.TranslationContextLocation.choice_name,
    }
)


def described(key: str) -> app_commands.locale_str:
    """A description (or choice name) in English, which the catalogues translate under the same `key`."""
    return app_commands.locale_str(t(key, DEFAULT_LOCALE), key=key)


class CatalogueTranslator(app_commands.Translator):
    """Each Discord locale a catalogue serves gets that catalogue's text; None leaves Discord's English."""

    async def translate(
        self, string: app_commands.locale_str, locale: discord.Locale, context: app_commands.TranslationContextTypes
    ) -> str | None:
        key = string.extras.get("key")
        code = normalise(locale.value)
        if context.location not in TRANSLATED or not key or code == DEFAULT_LOCALE or key not in catalogue(code):
            return None
        return t(key, code)


class GibTree(app_commands.CommandTree[GibClient]):
    """Before every slash command: the person's chosen language, kept on the interaction for `locale_of`."""

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        client = interaction.client
        if isinstance(client, GibClient):
            deps = client.deps
            try:
                read = deps.languages.language(deps.store, identity_of(interaction), platform_locale(interaction))
                interaction.extras["language"] = await asyncio.wait_for(read, LANGUAGE_READ_S)
            except (TimeoutError, StoreUnavailable):
                log.info("chosen language unread: store slow or unavailable")
        return True
