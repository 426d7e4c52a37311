"""`/admin <action> …`: the one dispatcher of the admin tools for every chat platform and the command line.

It checks that the caller is an admin (anyone else gets None: the caller answers exactly as to any unknown
command), parses the action's words and runs one core use-case (core.usecases.admin). An action is one entry in
ACTIONS: to add one, write `async def run(deps, actor, args, locale) -> str`, register it with `@admin_action(name)`
and give it a usage line `admin.usage.<name>` in the catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from adapters.chat import admin_render as render
from adapters.chat import announce_render
from core.announcements import AnnouncementKind
from core.deps import Deps
from core.texts import t
from core.usecases import admin, announcements
from core.usecases.admin import Actor

Run = Callable[[Deps, Actor, "AdminArgs", str], Awaitable[str]]
ACTIONS: dict[str, Run] = {}
ANNOUNCEMENT_KINDS = {kind.value: kind for kind in AnnouncementKind}
PROMPTS_FLAGS = ("--prompts", "—prompts", "–prompts")


class Usage(Exception):
    """The words do not fit the action (or name none): `text` says how to use it."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.text = text


@dataclass(frozen=True)
class AdminArgs:
    """The words after the action, with the raw text kept (a reason or a notice keeps its line breaks)."""

    text: str

    def words(self) -> list[str]:
        return self.text.split()

    def word(self, index: int) -> str:
        words = self.words()
        if index >= len(words):
            raise Usage
        return words[index]

    def rest(self, index: int) -> str:
        """The raw text after the first `index` words."""
        spans = [m.end() for m in re.finditer(r"\S+", self.text)]
        return self.text[spans[index - 1] :].strip() if 0 < index <= len(spans) else ("" if index else self.text)


def admin_action(name: str) -> Callable[[Run], Run]:
    def register(run: Run) -> Run:
        ACTIONS[name] = run
        return run

    return register


async def run_admin(deps: Deps, actor: Actor, text: str, locale: str) -> str | None:
    """The answer to `/admin <text>` in a chat; None when the caller is not an admin (answer as to an unknown
    command). Domain errors (no such person, …) propagate to the chat's usual error answer."""
    if actor.identity is not None and not deps.policy.is_admin(actor.identity):
        return None
    try:
        return await dispatch(deps, actor, text, locale)
    except Usage as usage:
        return usage.text


async def dispatch(deps: Deps, actor: Actor, text: str, locale: str) -> str:
    """Run `<action> …` for an admin (the caller checked that); raises Usage when the words do not fit."""
    name, _, rest = text.strip().partition(" ")
    name = name.lower()
    if name in ("", "help"):
        return usage(locale)
    run = ACTIONS.get(name)
    if run is None:
        raise Usage(t("admin.unknown_action", locale, action=name) + "\n" + usage(locale))
    try:
        return await run(deps, actor, AdminArgs(rest), locale)
    except Usage:
        raise Usage(t("admin.usage_of", locale, usage=t(f"admin.usage.{name}", locale))) from None


def usage(locale: str) -> str:
    lines = [t("admin.usage", locale), *(t(f"admin.usage.{name}", locale) for name in ACTIONS)]
    return "\n".join([*lines, t("admin.usage_who", locale)])


def credits_of(word: str) -> int:
    if not word.isdigit():
        raise Usage
    return int(word)


@admin_action("user")
async def user(deps: Deps, actor: Actor, args: AdminArgs, locale: str) -> str:
    words = args.words()
    prompts = any(w.lower() in PROMPTS_FLAGS for w in words)
    who = [w for w in words if w.lower() not in PROMPTS_FLAGS]
    if len(who) != 1:
        raise Usage
    return render.person_report(await admin.look_up(deps, actor, who[0], prompts=prompts), deps.policy, locale)


@admin_action("grant")
async def grant(deps: Deps, actor: Actor, args: AdminArgs, locale: str) -> str:
    return await _credits(deps, actor, args, locale, sign=1)


@admin_action("revoke")
async def revoke(deps: Deps, actor: Actor, args: AdminArgs, locale: str) -> str:
    return await _credits(deps, actor, args, locale, sign=-1)


async def _credits(deps: Deps, actor: Actor, args: AdminArgs, locale: str, *, sign: int) -> str:
    who, credits = args.word(0), credits_of(args.word(1))
    recorded = await admin.change_credits(deps, actor, who, sign * credits, args.rest(2))
    return await render.credits_changed(deps, recorded, locale)


@admin_action("block")
async def block(deps: Deps, actor: Actor, args: AdminArgs, locale: str) -> str:
    recorded = await admin.set_blocked(deps, actor, args.word(0), True, args.rest(1))
    return await render.block_changed(deps, recorded, locale)


@admin_action("unblock")
async def unblock(deps: Deps, actor: Actor, args: AdminArgs, locale: str) -> str:
    recorded = await admin.set_blocked(deps, actor, args.word(0), False, args.rest(1))
    return await render.block_changed(deps, recorded, locale)


@admin_action("announce")
async def announce(deps: Deps, actor: Actor, args: AdminArgs, locale: str) -> str:
    """`announce policy|terms|news <text>` records a notice for everyone; `announce status` shows how far they got."""
    kind = args.word(0).lower()
    if kind == "status" and not args.rest(1):
        return announce_render.progress_text(await announcements.progress(deps), locale)
    if kind not in ANNOUNCEMENT_KINDS or not args.rest(1):
        raise Usage
    recorded = await admin.announce(deps, actor, ANNOUNCEMENT_KINDS[kind], args.rest(1))
    return announce_render.announced_text(*recorded, locale)


@admin_action("stats")
async def stats(deps: Deps, actor: Actor, args: AdminArgs, locale: str) -> str:
    if args.words():
        raise Usage
    return render.stats_text(await admin.service_stats(deps, actor), deps.policy, locale)
