"""The terminal chat: the same commands as Telegram and Discord, one line at a time, on the real core."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

from adapters.chat.admin import run_admin
from adapters.chat.commands import build_request, parse_imagine, split_command
from adapters.chat.link_render import (
    accounts_text,
    code_text,
    deletion_reach_text,
    linked_text,
    preview_text,
    unlinked_text,
)
from adapters.chat.render import (
    balance_text,
    billing_text,
    cancelled_text,
    consent_accepted_text,
    consent_prompt,
    declined_text,
    help_text,
    privacy_text,
    product_text,
    queued_text,
    settings_text,
    settings_usage_text,
    terms_text,
    unknown_command_text,
)
from core.deps import Deps
from core.errors import DomainError, ErrorCode, StoreUnavailable
from core.locales import NATIVE_NAMES, normalise
from core.models import DeliveryTarget, Generation, Identity, Platform
from core.texts import error_text, t
from core.usecases import billing, exports, generation, languages, link_preview, linking, onboarding, privacy
from core.usecases import cancel as cancelling
from core.usecases.accounts import require_account, require_known
from core.usecases.admin import Actor
from core.usecases.references import MAX_REFERENCE_BYTES

log = logging.getLogger(__name__)

Handler = Callable[[str], Awaitable[None]]
ON_WORDS = {"on": True, "yes": True, "true": True, "1": True, "off": False, "no": False, "false": False, "0": False}
CONSOLE_EXPORT_MAX_BYTES = 2**31  # a file on this machine: one zip, whatever its size


class ConsoleChat:
    """Parses a line, calls one use-case, prints the answer; one bad line never stops the chat."""

    def __init__(self, deps: Deps, out: Callable[[str], None], user_id: str = "local", locale: str = "en") -> None:
        self.deps = deps
        self.out = out
        self.identity = Identity(platform=Platform.CONSOLE, platform_user_id=user_id)
        self.platform_locale = normalise(locale)  # from LANG (bot.wiring)
        self.chosen = ""  # the language chosen with /settings lang, read before each line
        self.last_generation: str | None = None
        self.handlers: dict[str, Handler] = {
            "start": self.start,
            "accept": self.accept,
            "decline": self.decline,
            "imagine": self.imagine,
            "regenerate": self.regenerate,
            "vary": self.vary,
            "cancel": self.cancel,
            "balance": self.balance,
            "buy": self.buy,
            "billing": self.billing,
            "mydata": self.mydata,
            "deleteme": self.deleteme,
            "privacy": self.privacy,
            "terms": self.terms,
            "help": self.help,
            "settings": self.settings,
            "paysupport": self.paysupport,
            "link": self.link,
            "accounts": self.accounts,
            "unlink": self.unlink,
            "admin": self.admin,
        }

    @property
    def locale(self) -> str:
        return self.chosen or self.platform_locale

    def target(self) -> DeliveryTarget:
        return DeliveryTarget(platform=Platform.CONSOLE, chat_id=self.identity.platform_user_id, private=True)

    async def handle(self, line: str) -> Generation | None:
        """Handle one input line; returns the generation it queued, if any."""
        name, rest = split_command(line)
        if not line.strip():
            return None
        before = self.last_generation
        try:
            self.chosen = await self.deps.languages.language(self.deps.store, self.identity, self.platform_locale)
            if not name:
                await self.imagine(rest)
            elif name in self.handlers:
                await self.handlers[name](rest)
            else:
                self.out(self.unknown_text())
        except DomainError as error:
            if error.code is ErrorCode.CONSENT_REQUIRED:
                self.out(t("consent_needed_console", self.locale))
            elif error.code is ErrorCode.CONSENT_OUTDATED:
                self.out(error_text(error, self.locale) + "\n" + t("consent_prompt_console", self.locale))
            else:
                self.out(error_text(error, self.locale))
        except StoreUnavailable:
            self.out(t("error.temporarily_unavailable", self.locale))
        except Exception:
            error_id = uuid.uuid4().hex[:8]
            log.exception("console command failed", extra={"error_id": error_id})
            self.out(t("error.internal", self.locale, error_id=error_id))
        if self.last_generation != before and self.last_generation is not None:
            return await self.deps.store.get_generation(self.last_generation)
        return None

    async def start(self, _: str) -> None:
        result = await onboarding.start(self.deps, self.identity, self.identity.platform_user_id, self.locale)
        if result.needs_consent:
            self.out(consent_prompt(result.change, self.locale) + "\n" + t("consent_prompt_console", self.locale))
        else:
            self.out(t("welcome_back", self.locale))

    async def accept(self, _: str) -> None:
        await onboarding.accept_terms(self.deps, self.identity, age_confirmed=True)
        self.out(consent_accepted_text(self.deps.policy, self.locale))

    async def decline(self, _: str) -> None:
        self.out(declined_text(await onboarding.decline_terms(self.deps, self.identity), self.locale))

    async def imagine(self, text: str) -> None:
        account = await require_account(self.deps, self.identity)
        args = parse_imagine(text, allow_references=True)
        request = build_request(args, account)
        refs = [await self._read_reference(path) for path in args.references]
        queued = await generation.request_generation(
            self.deps, self.identity, request, self.target(), refs, account=account
        )
        await self._queued(queued)

    async def _read_reference(self, path: str) -> bytes:
        try:
            return await asyncio.to_thread(_read_file, path)
        except OSError:
            raise DomainError(ErrorCode.INVALID_OPTION, "reference_no_file", path=str(path)) from None

    async def regenerate(self, rest: str) -> None:
        """`/regenerate [id]`: without an id, the person's latest generation (from the Store, any session)."""
        queued = await generation.regenerate(self.deps, self.identity, rest.strip() or None, self.target())
        await self._queued(queued)

    async def vary(self, rest: str) -> None:
        queued = await generation.vary(self.deps, self.identity, rest.strip() or None, self.target())
        await self._queued(queued)

    async def cancel(self, rest: str) -> None:
        """`/cancel [id]`: the named request, or the latest one still waiting in line."""
        cancelled = await cancelling.cancel(self.deps, self.identity, rest.strip() or None)
        self.out(f"[{cancelled.id[:8]}] {cancelled_text(cancelled, self.locale)}")

    async def _queued(self, queued: Generation) -> None:
        self.last_generation = queued.id
        spot = await generation.spot(self.deps, queued.id)
        self.out(f"[{queued.id[:8]}] {queued_text(queued, self.locale, spot)}")

    async def balance(self, _: str) -> None:
        held = await billing.balance(self.deps, self.identity)
        self.out(balance_text(held, self.deps.policy, self.locale))

    async def buy(self, rest: str) -> None:
        products = billing.products(self.deps)
        if rest.strip():
            product, url = await billing.checkout_link(self.deps, self.identity, rest.strip())
            self.out(t("checkout_link", self.locale, label=product.label, url=url))
            return
        if not products:
            raise DomainError(ErrorCode.PAYMENTS_DISABLED)
        lines = [t("products_header", self.locale)]
        lines += [f"  /buy {p.id} — {product_text(p, self.locale)}" for p in products]
        self.out("\n".join(lines))

    async def billing(self, _: str) -> None:
        held, url = await billing.billing_page(self.deps, self.identity)
        self.out(billing_text(held, self.deps.policy, url, self.locale))

    async def mydata(self, _: str) -> None:
        parts = await exports.archive(self.deps, self.identity, CONSOLE_EXPORT_MAX_BYTES)
        if parts is None:
            self.out(t("export_nothing", self.locale))
            return
        account = await require_known(self.deps, self.identity)
        links = [await exports.keep(self.deps, account.id, part) for part in parts]
        minutes = self.deps.policy.link_ttl_s // 60
        self.out("\n  ".join([t("export_kept", self.locale, count=minutes), *links]))

    async def deleteme(self, rest: str) -> None:
        if await self.deps.store.find_account(self.identity) is None:
            self.out(t("nothing_to_delete", self.locale))
            return
        answer = rest.strip().lower()
        if answer in ("cancel", "no"):
            await privacy.cancel_deletion(self.deps, self.identity)
            self.out(t("delete_cancelled", self.locale))
        elif answer:
            await privacy.confirm_deletion(self.deps, self.identity, answer)
            self.last_generation = None
            self.out(t("deleted", self.locale))
        else:
            code = await privacy.request_deletion(self.deps, self.identity)
            minutes = self.deps.policy.deletion_code_ttl_s // 60
            self.out(t("delete_confirm", self.locale, code=code, count=minutes))
            reach = deletion_reach_text(await linking.linked(self.deps, self.identity), self.locale)
            if reach:
                self.out(reach)

    async def link(self, rest: str) -> None:
        """`/link`: a code; `/link <code>`: what it will do; `/link <code> yes` (or no): confirm."""
        code, _, answer = rest.strip().rpartition(" ") if rest.strip().endswith((" yes", " no")) else (rest, "", "")
        if not code.strip():
            self.out(code_text(await linking.issue_code(self.deps, self.identity, ""), self.locale))
        elif answer == "no":
            self.out(t("link_cancelled", self.locale))
        elif answer == "yes":
            done = await linking.confirm(self.deps, self.identity, code, "")
            self.out(linked_text(done, self.identity.platform, self.locale))
        else:
            shown = await link_preview.preview(self.deps, self.identity, code)
            self.out(preview_text(shown, self.locale) + "\n" + t("link_confirm_console", self.locale, code=shown.code))

    async def accounts(self, _: str) -> None:
        self.out(accounts_text(await linking.linked(self.deps, self.identity), self.identity, self.locale))

    async def unlink(self, rest: str) -> None:
        if not rest.strip():
            await self.accounts(rest)
            return
        gone = await linking.unlink(self.deps, self.identity, rest)
        self.out(unlinked_text(gone, self.identity, self.locale))

    async def privacy(self, _: str) -> None:
        self.out(privacy_text(self.deps.policy, self.locale))

    async def terms(self, _: str) -> None:
        self.out(terms_text(self.deps.policy, self.locale))

    async def help(self, _: str) -> None:
        self.out(help_text("help_console", self.deps.policy, self.locale))

    async def admin(self, rest: str) -> None:
        """The console is the operator's terminal: its user runs the admin tools (Policy.is_admin)."""
        actor = Actor(channel="console", identity=self.identity, key=f"console:{uuid.uuid4().hex}")
        answer = await run_admin(self.deps, actor, rest, self.locale)
        self.out(answer if answer is not None else self.unknown_text())

    def unknown_text(self) -> str:
        return unknown_command_text("help_console", self.deps.policy, self.locale)

    async def paysupport(self, _: str) -> None:
        self.out(t("paysupport", self.locale, contact=self.deps.policy.paysupport_contact))

    async def settings(self, rest: str) -> None:
        parts = rest.split()
        if len(parts) == 2:
            key, value = parts[0].lower(), parts[1]
            if key in ("lang", "language"):
                await self.choose_language(value)
                return
            if key in ("ar", "aspect"):
                account = await onboarding.update_settings(self.deps, self.identity, aspect_ratio=value)
            elif key in ("res", "resolution"):
                account = await onboarding.update_settings(self.deps, self.identity, resolution=value)
            elif key == "file" and value.lower() in ON_WORDS:
                account = await onboarding.update_settings(
                    self.deps, self.identity, send_as_file=ON_WORDS[value.lower()]
                )
            elif key == "notify" and value.lower() in ON_WORDS:
                opt_out = not ON_WORDS[value.lower()]
                account = await onboarding.update_settings(self.deps, self.identity, notifications_opt_out=opt_out)
            else:
                raise DomainError(ErrorCode.INVALID_OPTION, settings_usage_text(self.locale))
            self.out(t("settings_saved", self.locale) + "\n" + settings_text(account, self.locale))
            return
        if parts:
            raise DomainError(ErrorCode.INVALID_OPTION, settings_usage_text(self.locale))
        account = await require_account(self.deps, self.identity)
        self.out(settings_text(account, self.locale) + "\n" + settings_usage_text(self.locale))

    async def choose_language(self, value: str) -> None:
        """`/settings lang es` (or `auto`): answered in the new language."""
        account = await languages.choose_language(self.deps, self.identity, value)
        self.chosen = account.language
        name = NATIVE_NAMES[self.locale]
        saved = t("language_saved" if account.language else "language_auto_saved", self.locale, language=name)
        self.out(saved + "\n" + settings_text(account, self.locale))


def _read_file(path: str) -> bytes:
    """At most one byte past the reference limit (a huge file is refused without reading it whole)."""
    with Path(path).expanduser().open("rb") as file:
        return file.read(MAX_REFERENCE_BYTES + 1)
