"""`python -m bot announce`: record a notice for everyone (the running bot sends it, once each), or show how far
the latest ones got. Printing only: the sending is done by the bot processes (`core.announcer`)."""

from __future__ import annotations

from adapters.chat import announce_render
from bot.settings import Settings
from bot.startup import EXIT_CONFIG, StartupError
from bot.wiring import build
from core.announcements import AnnouncementKind
from core.errors import DomainError
from core.texts import DEFAULT_LOCALE
from core.usecases import announcements


async def record(settings: Settings, kind: AnnouncementKind, text: str) -> int:
    """Record the announcement for every person and say what happens next."""
    async with build(settings) as runtime:
        try:
            announcement, people = await announcements.announce(runtime.deps, kind, text, created_by="cli")
        except DomainError as error:
            raise StartupError("announce", error.detail, prefix="Not recorded", exit_code=EXIT_CONFIG) from None
    print(f"Announcement {announcement.id} ({kind.value}) recorded for {_people(people)}; {_who(kind, settings)}")
    print(
        "The running bot sends it at its lowest send priority, once to each person; "
        "follow it with `python -m bot announce --status`."
    )
    return 0


def _people(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"


def _who(kind: AnnouncementKind, settings: Settings) -> str:
    if kind is AnnouncementKind.NEWS:
        return "people who turned notifications off in /settings are skipped."
    setting, version = (
        ("POLICY_VERSION", settings.policy_version)
        if kind is AnnouncementKind.POLICY
        else ("TERMS_VERSION", settings.terms_version)
    )
    return (
        f"essential: it goes to everyone. People are asked to accept again only for a version they have not "
        f"accepted ({setting} is {version} in this configuration)."
    )


async def status(settings: Settings) -> int:
    """The latest announcements: copies by state, what remains, and when it should be done (as /admin shows it)."""
    async with build(settings) as runtime:
        latest = await announcements.progress(runtime.deps)
    print(announce_render.progress_text(latest, DEFAULT_LOCALE))
    return 0
