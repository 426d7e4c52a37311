"""/imagine, /regenerate and /vary: each queues a generation on a private status message (views.queue_generation).

Only the images that come back are visible to the channel."""

import discord
from discord import app_commands

from adapters.chat.commands import ImagineArgs, build_request
from adapters.discord.client import deps_of
from adapters.discord.command_kit import SlashCommand, everywhere
from adapters.discord.interactions import identity_of, locale_of
from adapters.discord.languages import described
from adapters.discord.replies import answering
from adapters.discord.views import queue_generation
from core.errors import DomainError, ErrorCode
from core.models import ASPECT_RATIOS, RESOLUTIONS, DeliveryTarget, Generation
from core.usecases import generation
from core.usecases.accounts import require_account
from core.usecases.references import MAX_REFERENCE_BYTES

AR_CHOICES = [
    app_commands.Choice(name=described("discord.choice.auto") if ratio == "auto" else ratio, value=ratio)
    for ratio in ASPECT_RATIOS
]
RES_CHOICES = [app_commands.Choice(name=res, value=res) for res in RESOLUTIONS]


def imagine_command() -> SlashCommand:
    @app_commands.command(name="imagine", description=described("discord.command.imagine"))
    @app_commands.describe(
        prompt=described("discord.option.prompt"),
        aspect_ratio=described("discord.option.aspect_ratio"),
        resolution=described("discord.option.resolution"),
        count=described("discord.option.count"),
        reference=described("discord.option.reference"),
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
        options = imagine_options(count, aspect_ratio, resolution)
        await queue_imagine(interaction, prompt, options, reference)

    return imagine


def imagine_options(count: int, aspect_ratio: str | None, resolution: str | None) -> dict[str, str]:
    """The slash options as the flags the shared /imagine parser reads (absent ones fall back to the settings)."""
    options = {"n": str(count)}
    if aspect_ratio:
        options["ar"] = aspect_ratio
    if resolution:
        options["res"] = resolution
    return options


async def queue_imagine(
    interaction: discord.Interaction, prompt: str, options: dict[str, str], reference: discord.Attachment | None
) -> None:
    deps, identity = deps_of(interaction), identity_of(interaction)

    async def queue(target: DeliveryTarget) -> Generation:
        account = await require_account(deps, identity)
        request = build_request(ImagineArgs(prompt=prompt, options=options), account)
        refs = [await read_attachment(reference)] if reference is not None else []
        return await generation.request_generation(deps, identity, request, target, refs, account=account)

    async with answering(interaction, locale_of(interaction)) as reply:
        await queue_generation(deps, reply, queue)


async def read_attachment(attachment: discord.Attachment) -> bytes:
    """A reference image from the command's attachment option (size checked before downloading it)."""
    if attachment.size > MAX_REFERENCE_BYTES:
        raise DomainError(ErrorCode.INVALID_OPTION, "reference_invalid")
    return await attachment.read()


def regenerate_command() -> SlashCommand:
    @app_commands.command(name="regenerate", description=described("discord.command.regenerate"))
    @everywhere
    async def regenerate(interaction: discord.Interaction) -> None:
        deps, identity = deps_of(interaction), identity_of(interaction)
        async with answering(interaction, locale_of(interaction)) as reply:
            await queue_generation(deps, reply, lambda target: generation.regenerate(deps, identity, None, target))

    return regenerate


def vary_command() -> SlashCommand:
    @app_commands.command(name="vary", description=described("discord.command.vary"))
    @everywhere
    async def vary(interaction: discord.Interaction) -> None:
        deps, identity = deps_of(interaction), identity_of(interaction)
        async with answering(interaction, locale_of(interaction)) as reply:
            await queue_generation(deps, reply, lambda target: generation.vary(deps, identity, None, target))

    return vary
