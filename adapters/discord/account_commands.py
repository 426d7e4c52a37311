"""/start, /help, /balance, /buy, /billing and /settings: private answers about the person's own account.

Each defers privately first and shows the consent prompt until consent is given (command_kit.answer_privately)."""

import discord
from discord import app_commands

from adapters.chat.render import balance_text, billing_text, help_text, product_text, settings_text
from adapters.discord.client import deps_of
from adapters.discord.command_kit import SlashCommand, answer_privately, everywhere
from adapters.discord.interactions import identity_of, locale_of
from adapters.discord.languages import described
from adapters.discord.replies import Reply, answering
from adapters.discord.views import link_view, settings_view
from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.texts import t
from core.usecases import billing
from core.usecases.accounts import require_account


def start_command() -> SlashCommand:
    @app_commands.command(name="start", description=described("discord.command.start"))
    @everywhere
    async def start(interaction: discord.Interaction) -> None:
        await answer_privately(interaction, welcome_back)

    return start


async def welcome_back(deps: Deps, reply: Reply) -> None:
    await reply.private(t("welcome_back", reply.locale))


def help_command() -> SlashCommand:
    @app_commands.command(name="help", description=described("command.help"))
    @everywhere
    async def help_command(interaction: discord.Interaction) -> None:
        locale = locale_of(interaction)
        async with answering(interaction, locale) as reply:
            await reply.private(help_text("help_discord", deps_of(interaction).policy, locale))

    return help_command


def balance_command() -> SlashCommand:
    @app_commands.command(name="balance", description=described("command.balance"))
    @everywhere
    async def balance(interaction: discord.Interaction) -> None:
        await answer_privately(interaction, show_balance)

    return balance


async def show_balance(deps: Deps, reply: Reply) -> None:
    held = await billing.balance(deps, identity_of(reply.interaction))
    await reply.private(balance_text(held, deps.policy, reply.locale))


def buy_command() -> SlashCommand:
    @app_commands.command(name="buy", description=described("command.buy"))
    @everywhere
    async def buy(interaction: discord.Interaction) -> None:
        await answer_privately(interaction, show_products)

    return buy


async def show_products(deps: Deps, reply: Reply) -> None:
    """Every product with its own checkout link button (payments switched off is a friendly error)."""
    locale, identity = reply.locale, identity_of(reply.interaction)
    products = billing.products(deps)
    if not products:
        raise DomainError(ErrorCode.PAYMENTS_DISABLED)
    lines, links = [t("products_header", locale)], []
    for product in products:
        _, url = await billing.checkout_link(deps, identity, product.id)
        lines.append(product_text(product, locale))
        links.append((t("pay_with_card", locale, price=f"{product.label} — {product.price}")[:80], url))
    await reply.private("\n".join(lines), view=link_view(links))


def billing_command() -> SlashCommand:
    @app_commands.command(name="billing", description=described("command.billing"))
    @everywhere
    async def billing_portal(interaction: discord.Interaction) -> None:
        await answer_privately(interaction, show_billing)

    return billing_portal


async def show_billing(deps: Deps, reply: Reply) -> None:
    held, url = await billing.billing_page(deps, identity_of(reply.interaction))
    view = link_view([(t("billing_button", reply.locale), url)])
    await reply.private(billing_text(held, deps.policy, url, reply.locale), view=view)


def settings_command() -> SlashCommand:
    @app_commands.command(name="settings", description=described("command.settings"))
    @everywhere
    async def settings(interaction: discord.Interaction) -> None:
        await answer_privately(interaction, show_settings)

    return settings


async def show_settings(deps: Deps, reply: Reply) -> None:
    account = await require_account(deps, identity_of(reply.interaction))
    await reply.private(settings_text(account, reply.locale), view=settings_view(account, reply.locale))
