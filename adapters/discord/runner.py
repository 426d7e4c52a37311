"""Starts the Discord bot: client, command tree, persistent buttons, messenger; syncs commands; connects."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import discord
import discord.gateway
import yarl
from discord import app_commands

from adapters.chat.connection import ConnectionWatch, OnLost
from adapters.chat.render import unknown_command_text
from adapters.discord.admin_commands import admin_group
from adapters.discord.client import GibClient, deps_of
from adapters.discord.commands import build_commands
from adapters.discord.config import DiscordConfig
from adapters.discord.interactions import locale_of
from adapters.discord.languages import CatalogueTranslator, GibTree
from adapters.discord.messenger import DiscordMessenger
from adapters.discord.replies import answering
from adapters.discord.views import DYNAMIC_ITEMS
from core.deps import Deps
from core.models import Platform
from core.ports import Clock, Messenger, SendBudget

log = logging.getLogger(__name__)

Register = Callable[[Platform, Messenger], None]
Tree = app_commands.CommandTree[GibClient]


def build_client(deps: Deps, statuses: SendBudget) -> tuple[GibClient, app_commands.CommandTree[GibClient]]:
    """A client with every command and every persistent (dynamic) button; nothing is contacted yet."""
    client = GibClient(deps, statuses)
    tree = GibTree(client)
    for command in build_commands():
        tree.add_command(command)
    client.add_dynamic_items(*DYNAMIC_ITEMS)
    tree.error(_command_failed)
    return client, tree


async def _command_failed(interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
    """Failures outside a handler (an option that does not convert, a check): a private generic answer."""
    locale = locale_of(interaction)
    async with answering(interaction, locale) as reply:
        if isinstance(error, app_commands.CommandNotFound):
            await reply.private(unknown_command_text("help_discord", deps_of(interaction).policy, locale))
            return
        raise error


@asynccontextmanager
async def discord_running(
    deps: Deps,
    register: Register,
    config: DiscordConfig,
    statuses: SendBudget,
    *,
    connect: bool = True,
    clock: Clock | None = None,
    on_lost: OnLost | None = None,
) -> AsyncIterator[GibClient]:
    """Log in, sync commands (to the dev guild when set), register the messenger, then run the gateway in the
    background. `connect=False` skips the gateway (tests feed interactions; worker-only processes just deliver).

    discord.py reconnects with backoff by itself; a gateway not connected for `config.give_up_after_s`, or one
    that stopped for good (refused intents, a revoked token), calls `on_lost`."""
    client, tree = build_client(deps, statuses)
    gateway: asyncio.Task[None] | None = None
    watching: asyncio.Task[None] | None = None
    try:
        await _log_in(client, deps, register, config, clock)
        await tree.set_translator(CatalogueTranslator())
        await _sync(tree, config)
        if connect:
            watch = ConnectionWatch("Discord gateway", on_lost or _ignore, config.give_up_after_s)
            _report_gateway_events(client, watch)
            gateway = asyncio.create_task(_run_gateway(client, watch), name="discord-gateway")
            gateway.add_done_callback(lambda task: _gateway_ended(task, client, watch))
            watching = asyncio.create_task(watch.watch())
        log.info("discord started", extra={"gateway": connect, "dev_guild": bool(config.dev_guild_id)})
        yield client
    finally:
        if watching is not None:
            watching.cancel()
        await client.close()
        if gateway is not None:
            gateway.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):  # its failure is already reported
                await gateway


@asynccontextmanager
async def discord_delivery(
    deps: Deps, register: Register, config: DiscordConfig, statuses: SendBudget, *, clock: Clock | None = None
) -> AsyncIterator[GibClient]:
    """For processes that do not receive interactions (web, worker): log in over REST only and deliver results."""
    client = GibClient(deps, statuses)
    try:
        await _log_in(client, deps, register, config, clock)
        yield client
    finally:
        await client.close()


async def _log_in(
    client: GibClient, deps: Deps, register: Register, config: DiscordConfig, clock: Clock | None
) -> None:
    """Log in over REST and let this process deliver Discord results."""
    if config.api_base_url:  # a proxy or a test server in front of Discord's REST API
        discord.http.Route.BASE = config.api_base_url.rstrip("/")
    if config.gateway_url:  # a proxy in front of the gateway (discord.py always starts from its default URL)
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(config.gateway_url)
    await client.login(config.token)
    register(
        Platform.DISCORD,
        DiscordMessenger(
            client, deps.blobs, clock or deps.clock, link_ttl_s=deps.policy.link_ttl_s, statuses=client.statuses
        ),
    )


class UserInstallDisabled(RuntimeError):
    """Discord refused the global commands because the app does not allow user installs."""


USER_INSTALL_HELP = (
    "Discord refused the slash commands: they can be used in servers and, installed by a person, in DMs and any "
    "chat, which needs 'User Install' enabled for the app (Discord Developer Portal → your app → Installation → "
    "Installation Contexts). Enable it, or set DISCORD_DEV_GUILD_ID to sync to one server while developing."
)


def refuses_user_install(error: discord.HTTPException) -> bool:
    """A 400 on the global sync naming the commands' `integration_types` (USER_INSTALL not allowed for the app)."""
    text = f"{error.text} {error}".lower()
    return error.status == 400 and ("integration_type" in text or "user_install" in text or "user install" in text)


async def _sync(tree: app_commands.CommandTree[GibClient], config: DiscordConfig) -> None:
    """Every command globally (or to the dev server while developing); /admin only to the admin server."""
    dev_guild_id, admin_guild_id = config.dev_guild_id, config.admin_guild_id
    if admin_guild_id:
        tree.add_command(admin_group(), guild=discord.Object(id=admin_guild_id))
    elif config.admin_ids:
        log.warning("/admin is not offered on Discord: set ADMIN_DISCORD_GUILD_ID (the server to register it in)")
    if dev_guild_id:
        guild = discord.Object(id=dev_guild_id)
        tree.copy_global_to(guild=guild)
        synced = await tree.sync(guild=guild)
    else:
        try:
            synced = await tree.sync()
        except discord.HTTPException as error:
            if refuses_user_install(error):
                raise UserInstallDisabled(USER_INSTALL_HELP) from None
            raise
    log.info("discord commands synced", extra={"count": len(synced), "scope": "guild" if dev_guild_id else "global"})
    if admin_guild_id and admin_guild_id != dev_guild_id:
        await tree.sync(guild=discord.Object(id=admin_guild_id))


def _ignore(reason: str, refused: bool) -> None:
    log.error("discord gateway lost", extra={"reason": reason})


def _report_gateway_events(client: GibClient, watch: ConnectionWatch) -> None:
    """Connected until it says otherwise: not yet connected counts as failing, from the start."""
    watch.failed("not connected yet")

    async def on_ready() -> None:
        watch.succeeded()

    async def on_resumed() -> None:
        watch.succeeded()

    async def on_disconnect() -> None:
        watch.failed("disconnected")

    for handler in (on_ready, on_resumed, on_disconnect):
        client.event(handler)


GATEWAY_RETRY_FIRST_S = 1.0
GATEWAY_RETRY_MAX_S = 60.0


async def _run_gateway(client: GibClient, watch: ConnectionWatch) -> None:
    """discord.py reconnects a gateway that once worked, but gives up (with an AttributeError) when the very first
    connection fails; keep trying with our own backoff until the watch gives up. A refused token or intents is
    final at once."""
    delay = GATEWAY_RETRY_FIRST_S
    while not client.is_closed() and not watch.is_lost:
        try:
            await client.connect(reconnect=True)
            return
        except (discord.LoginFailure, discord.PrivilegedIntentsRequired):
            raise
        except discord.ConnectionClosed as closed:
            if closed.code == 4004:  # authentication failed: the token was revoked
                raise discord.LoginFailure("gateway refused the token") from None
            watch.failed(f"closed ({closed.code})")
        except Exception as error:
            watch.failed(type(error).__name__)
        await asyncio.sleep(delay)
        delay = min(delay * 2, GATEWAY_RETRY_MAX_S)


def _gateway_ended(task: asyncio.Task[None], client: GibClient, watch: ConnectionWatch) -> None:
    """The gateway task only ends on its own when discord.py stopped reconnecting: that is for good."""
    if task.cancelled():
        return
    error = task.exception()
    if client.is_closed():
        return
    if error is not None:
        log.error("discord gateway stopped", extra={"error": type(error).__name__})
    refused = isinstance(error, discord.LoginFailure | discord.PrivilegedIntentsRequired)
    watch.lost(f"stopped for good ({type(error).__name__ if error else 'closed'})", refused=refused)
