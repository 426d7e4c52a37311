"""Slash commands: each parses Discord's options, calls one use-case and renders the answer.

Everything personal answers ephemerally; only /imagine's results are visible to the channel. Every command that
touches the Store or a provider defers (privately) first, so it is answered within Discord's 3 seconds.
Every command is installable to a server or to a user, and usable in servers, DMs and group DMs.
The commands live by concern: generate_commands, account_commands, privacy_commands and cancel."""

from adapters.discord.account_commands import (
    balance_command,
    billing_command,
    buy_command,
    help_command,
    settings_command,
    start_command,
)
from adapters.discord.cancel import cancel_command
from adapters.discord.command_kit import SlashCommand
from adapters.discord.generate_commands import imagine_command, regenerate_command, vary_command
from adapters.discord.link_commands import accounts_command, link_command, unlink_command
from adapters.discord.privacy_commands import deleteme_command, mydata_command, privacy_command, terms_command


def build_commands() -> list[SlashCommand]:
    """Fresh command objects for one tree (a restarted client gets its own)."""
    return [
        imagine_command(),
        regenerate_command(),
        vary_command(),
        start_command(),
        balance_command(),
        buy_command(),
        billing_command(),
        settings_command(),
        privacy_command(),
        terms_command(),
        help_command(),
        mydata_command(),
        deleteme_command(),
        cancel_command(),
        link_command(),
        accounts_command(),
        unlink_command(),
    ]
