"""Slash commands: each parses Discord's options, calls one use-case and renders the answer.

Everything personal answers ephemerally; only /imagine's results are visible to the channel. Every command that
touches the Store or a provider defers (privately) first, so it is answered within Discord's 3 seconds.
Every command is installable to a server or to a user, and usable in servers, DMs and group DMs."""

import io
from collections.abc import Callable
from typing import Any

import discord
from discord import app_commands

from adapters.chat.commands import ImagineArgs, build_request
from adapters.chat.render import balance_text, billing_text, privacy_text, product_text, settings_text, terms_text
from adapters.discord.cancel import cancel_command
from adapters.discord.client import deps_of
from adapters.discord.interactions import identity_of, locale_of
from adapters.discord.replies import answering
from adapters.discord.views import delete_view, gate, link_view, queue_generation, settings_view
from core.errors import DomainError, ErrorCode
from core.models import ASPECT_RATIOS, RESOLUTIONS, DeliveryTarget, Generation
from core.texts import t
from core.usecases import billing, exports, generation, privacy
from core.usecases.accounts import require_account
from core.usecases.references import MAX_REFERENCE_BYTES

AR_CHOICES = [app_commands.Choice(name=ratio, value=ratio) for ratio in ASPECT_RATIOS]
RES_CHOICES = [app_commands.Choice(name=res, value=res) for res in RESOLUTIONS]

Callback = Callable[..., Any]


def everywhere(func: Callback) -> Callback:
    """Server and user installs; servers, the bot's DMs and group DMs (Discord enforces it server side)."""
    func = app_commands.allowed_installs(guilds=True, users=True)(func)
    return app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)(func)


def build_commands() -> list[app_commands.Command[Any, ..., None]]:
    """Fresh command objects for one tree (a restarted client gets its own)."""

    @app_commands.command(name="imagine", description="Create images from a description")
    @app_commands.describe(
        prompt="What to draw",
        aspect_ratio="Shape of the image (default: your setting)",
        resolution="1K, 2K or 4K (default: your setting)",
        count="How many images (1-4)",
        reference="An image to edit or take inspiration from",
    )
    @app_commands.choices(aspect_ratio=AR_CHOICES, resolution=RES_CHOICES)
    @everywhere
    async def imagine(
        interaction: discord.Interaction,
        prompt: str,
        aspect_ratio: str | None = None,
        resolution: str | None = None,
        count: app_commands.Range[int, 1, 4] = 1,
        reference: discord.Attachment | None = None,
    ) -> None:
        deps, identity = deps_of(interaction), identity_of(interaction)
        options = {"n": str(count)}
        if aspect_ratio:
            options["ar"] = aspect_ratio
        if resolution:
            options["res"] = resolution

        async def queue(target: DeliveryTarget) -> Generation:
            account = await require_account(deps, identity)
            request = build_request(ImagineArgs(prompt=prompt, options=options), account)
            refs = [await read_attachment(reference)] if reference is not None else []
            return await generation.request_generation(deps, identity, request, target, refs)

        async with answering(interaction, locale_of(interaction)) as reply:
            await queue_generation(deps, reply, queue)

    @app_commands.command(name="start", description="Start: accept the terms to begin")
    @everywhere
    async def start(interaction: discord.Interaction) -> None:
        locale = locale_of(interaction)
        async with answering(interaction, locale) as reply:
            await reply.think(ephemeral=True)
            if await gate(deps_of(interaction), reply):
                await reply.private(t("welcome_back", locale))

    @app_commands.command(name="balance", description="Free images left today and your credits")
    @everywhere
    async def balance(interaction: discord.Interaction) -> None:
        deps, locale = deps_of(interaction), locale_of(interaction)
        async with answering(interaction, locale) as reply:
            await reply.think(ephemeral=True)
            if await gate(deps, reply):
                held = await billing.balance(deps, identity_of(interaction))
                await reply.private(balance_text(held, deps.policy, locale))

    @app_commands.command(name="buy", description="Buy credits or a plan")
    @everywhere
    async def buy(interaction: discord.Interaction) -> None:
        deps, locale, identity = deps_of(interaction), locale_of(interaction), identity_of(interaction)
        async with answering(interaction, locale) as reply:
            await reply.think(ephemeral=True)
            if not await gate(deps, reply):
                return
            products = billing.products(deps)
            if not products:
                raise DomainError(ErrorCode.PAYMENTS_DISABLED)
            lines, links = [t("products_header", locale)], []
            for product in products:
                _, url = await billing.checkout_link(deps, identity, product.id)
                lines.append(product_text(product, locale))
                links.append((t("pay_with_card", locale, price=f"{product.label} — {product.price}")[:80], url))
            await reply.private("\n".join(lines), view=link_view(links))

    @app_commands.command(name="billing", description="Manage your plan")
    @everywhere
    async def billing_portal(interaction: discord.Interaction) -> None:
        deps, locale = deps_of(interaction), locale_of(interaction)
        async with answering(interaction, locale) as reply:
            await reply.think(ephemeral=True)
            if await gate(deps, reply):
                held, url = await billing.billing_page(deps, identity_of(interaction))
                view = link_view([(t("billing_button", locale), url)])
                await reply.private(billing_text(held, deps.policy, url, locale), view=view)

    @app_commands.command(name="settings", description="Default aspect ratio, resolution and notifications")
    @everywhere
    async def settings(interaction: discord.Interaction) -> None:
        deps, locale = deps_of(interaction), locale_of(interaction)
        async with answering(interaction, locale) as reply:
            await reply.think(ephemeral=True)
            if await gate(deps, reply):
                account = await require_account(deps, identity_of(interaction))
                await reply.private(settings_text(account, locale), view=settings_view(account, locale))

    @app_commands.command(name="privacy", description="Our privacy policy")
    @everywhere
    async def privacy_policy(interaction: discord.Interaction) -> None:
        deps, locale = deps_of(interaction), locale_of(interaction)
        async with answering(interaction, locale) as reply:
            await reply.private(privacy_text(deps.policy, locale))

    @app_commands.command(name="terms", description="Our terms of use")
    @everywhere
    async def terms(interaction: discord.Interaction) -> None:
        deps, locale = deps_of(interaction), locale_of(interaction)
        async with answering(interaction, locale) as reply:
            await reply.private(terms_text(deps.policy, locale))

    @app_commands.command(name="regenerate", description="Make your latest request again")
    @everywhere
    async def regenerate(interaction: discord.Interaction) -> None:
        deps, identity = deps_of(interaction), identity_of(interaction)
        async with answering(interaction, locale_of(interaction)) as reply:
            await queue_generation(deps, reply, lambda target: generation.regenerate(deps, identity, None, target))

    @app_commands.command(name="vary", description="A variation of your latest image")
    @everywhere
    async def vary(interaction: discord.Interaction) -> None:
        deps, identity = deps_of(interaction), identity_of(interaction)
        async with answering(interaction, locale_of(interaction)) as reply:
            await queue_generation(deps, reply, lambda target: generation.vary(deps, identity, None, target))

    @app_commands.command(name="help", description="What I can do")
    @everywhere
    async def help_command(interaction: discord.Interaction) -> None:
        locale = locale_of(interaction)
        async with answering(interaction, locale) as reply:
            await reply.private(t("help_discord", locale))

    @app_commands.command(name="mydata", description="Export everything we hold about you (only you see it)")
    @everywhere
    async def mydata(interaction: discord.Interaction) -> None:
        deps, locale, identity = deps_of(interaction), locale_of(interaction), identity_of(interaction)
        async with answering(interaction, locale) as reply:
            await reply.think(ephemeral=True)
            parts = await exports.archive(deps, identity, interaction.filesize_limit)
            if parts is None:
                await reply.private(t("export_nothing", locale))
                return
            count = len(parts)
            text = t("export_ready", locale) if count == 1 else t("export_ready_parts", locale, count=count)
            for n, part in enumerate(parts):  # one zip per message: each is within the upload limit
                await reply.private(
                    text if n == 0 else part.filename, files=[discord.File(io.BytesIO(part.data), part.filename)]
                )

    @app_commands.command(name="deleteme", description="Delete your account and data (asks to confirm)")
    @everywhere
    async def deleteme(interaction: discord.Interaction) -> None:
        deps, locale, identity = deps_of(interaction), locale_of(interaction), identity_of(interaction)
        async with answering(interaction, locale) as reply:
            await reply.think(ephemeral=True)
            if await deps.store.find_account(identity) is None:
                await reply.private(t("nothing_to_delete", locale))
                return
            code = await privacy.request_deletion(deps, identity)
            await reply.private(t("delete_confirm_buttons", locale), view=delete_view(code, locale))

    return [
        imagine,
        regenerate,
        vary,
        start,
        balance,
        buy,
        billing_portal,
        settings,
        privacy_policy,
        terms,
        help_command,
        mydata,
        deleteme,
        cancel_command(),
    ]


async def read_attachment(attachment: discord.Attachment) -> bytes:
    """A reference image from the command's attachment option (size checked before downloading it)."""
    if attachment.size > MAX_REFERENCE_BYTES:
        raise DomainError(ErrorCode.INVALID_OPTION, t("reference_invalid"))
    return await attachment.read()
