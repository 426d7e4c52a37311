"""Announcements for the operator as plain text from the catalogue: what was recorded, and how far each got
(`/admin announce` in every chat, and `python -m bot announce --status`)."""

from __future__ import annotations

from adapters.chat.render import eta_text
from core.announcements import Announcement, AnnouncementProgress, RecipientState
from core.texts import duration, t
from core.usecases.announcements import PROGRESS_WINDOW_S

EXCERPT_CHARS = 60


def announced_text(announcement: Announcement, people: int, new: bool, locale: str) -> str:
    key = "admin.announced" if new else "admin.announced_already"
    accounts = t("n_accounts", locale, count=people)
    return t(key, locale, id=announcement.id, kind=announcement.kind.value, people=accounts)


def progress_text(latest: list[AnnouncementProgress], locale: str) -> str:
    """The latest announcements, newest first: copies by state, what remains and when it should be done."""
    if not latest:
        return t("admin.announcements_none", locale)
    return "\n".join(_one(progress, locale) for progress in latest)


def _one(progress: AnnouncementProgress, locale: str) -> str:
    a = progress.announcement
    counts = {state.value: progress.count(state) for state in RecipientState}
    return t(
        "admin.announcement",
        locale,
        id=a.id,
        kind=a.kind.value,
        at=a.created_at.strftime("%Y-%m-%d %H:%M"),
        people=t("n_accounts", locale, count=progress.total),
        text=_excerpt(a.text),
        remaining=progress.remaining,
        eta=_eta(progress, locale),
        **counts,
    )


def _eta(progress: AnnouncementProgress, locale: str) -> str:
    if progress.remaining == 0:
        return t("admin.announcement_done", locale)
    eta = progress.eta_s(PROGRESS_WINDOW_S)
    if eta is None:
        return t("admin.announcement_stalled", locale, wait=duration(PROGRESS_WINDOW_S, locale))
    rate = f"{progress.recent / PROGRESS_WINDOW_S:.1f}"
    return t("admin.announcement_eta", locale, eta=eta_text(eta, locale), rate=rate)


def _excerpt(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= EXCERPT_CHARS else line[: EXCERPT_CHARS - 1] + "…"
