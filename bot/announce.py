"""`python -m bot announce`: record a notice for everyone (the running bot sends it, once each), or show how far
the latest ones got. Printing only: the sending is done by the bot processes (`core.announcer`)."""

from __future__ import annotations

from datetime import datetime

from bot.settings import Settings
from bot.startup import EXIT_CONFIG, StartupError
from bot.wiring import build
from core.announcements import AnnouncementKind, AnnouncementProgress, RecipientState
from core.errors import DomainError
from core.usecases import announcements

STATES = (
    RecipientState.SENT,
    RecipientState.BLOCKED,
    RecipientState.FAILED,
    RecipientState.SKIPPED,
    RecipientState.UNCERTAIN,
)


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
    """The latest announcements: copies by state, what remains, and when it should be done."""
    async with build(settings) as runtime:
        latest = await announcements.progress(runtime.deps)
        now = runtime.deps.clock.now()
    if not latest:
        print("No announcements yet.")
        return 0
    for progress in latest:
        print(describe(progress, now))
    return 0


def describe(progress: AnnouncementProgress, now: datetime) -> str:
    """Two lines: which announcement, then its copies by state, what remains and the ETA."""
    a = progress.announcement
    head = f"{a.id} {a.kind.value} · {a.created_at:%Y-%m-%d %H:%M} UTC · {_people(progress.total)} · “{_short(a.text)}”"
    counts = " · ".join(f"{state.value} {progress.count(state)}" for state in STATES)
    return f"{head}\n  {counts} · remaining {progress.remaining} · {_eta(progress)}"


def _eta(progress: AnnouncementProgress) -> str:
    if progress.remaining == 0:
        return "done"
    window = announcements.PROGRESS_WINDOW_S
    eta = progress.eta_s(window)
    if eta is None:
        return f"ETA unknown: nothing finished in the last {window / 60:g} min (is the bot running?)"
    rate = progress.recent / window
    return f"ETA {_duration(eta)} (at {rate:.1f}/s over the last {window / 60:g} min)"


def _duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    if seconds < 60:
        return f"{round(seconds)} s"
    if minutes < 90:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min"


def _short(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
