"""Linking's answers in words, shared by every chat adapter: the code, what a link will do (and, for two accounts
with history, exactly what the merge does), the result, the linked identities, and who a deletion reaches."""

from __future__ import annotations

from core.models import Identity, LinkedIdentity, Platform
from core.ports import LinkStatus
from core.texts import duration, t
from core.usecases.link_preview import LinkPreview
from core.usecases.linking import IssuedCode, Linked


def platform_name(platform: Platform, locale: str) -> str:
    return t(f"platform.{platform.value}", locale)


def identity_name(linked: LinkedIdentity) -> str:
    """The name the identity was linked under, else its user id on the platform."""
    return linked.label or linked.identity.platform_user_id


def code_text(issued: IssuedCode, locale: str) -> str:
    return t("link_code", locale, code=issued.code, wait=duration(issued.minutes * 60, locale))


def preview_text(preview: LinkPreview, locale: str) -> str:
    """ "Your Discord account will share credits, plan and history with Telegram user @name", and the merge."""
    text = t(
        "link_confirm",
        locale,
        platform=platform_name(preview.platform, locale),
        issuer_platform=platform_name(preview.issuer_platform, locale),
        issuer=preview.issuer_label or "?",
    )
    facts = preview.merge
    if facts is None:
        return text
    plan_line = t("link_plan_kept", locale, plan=facts.plan) if facts.plan else t("link_no_plan", locale)
    merge = t(
        "link_merge" if facts.free_per_day else "link_merge_no_free",
        locale,
        credits_here=facts.credits_here,
        credits_there=facts.credits_there,
        credits_total=facts.credits_total,
        free_used=facts.free_used,
        free_per_day=facts.free_per_day,
        images=facts.images_here,
        payments=facts.payments_here,
        plan_line=plan_line,
    )
    return f"{text}\n\n{merge}"


def linked_text(done: Linked, platform: Platform, locale: str) -> str:
    if done.status is LinkStatus.ALREADY_LINKED:
        return t("link_done_already", locale)
    return t(
        "link_done" if done.balance.free_per_day else "link_done_no_free",
        locale,
        platform=platform_name(platform, locale),
        issuer_platform=platform_name(done.issuer_platform, locale),
        issuer=done.issuer_label or "?",
        credits=done.balance.paid_credits,
        free_left=done.balance.free_left,
        free_per_day=done.balance.free_per_day,
    )


def accounts_text(identities: list[LinkedIdentity], me: Identity, locale: str) -> str:
    lines = [
        t(
            "accounts_line_you" if li.identity == me else "accounts_line",
            locale,
            platform=platform_name(li.identity.platform, locale),
            label=identity_name(li),
        )
        for li in identities
    ]
    others = [li.identity.platform.value for li in identities if li.identity != me]
    hint = t("accounts_hint", locale, platform=others[0]) if others else t("accounts_hint_one", locale)
    return t("accounts_list", locale, lines="\n".join(lines)) + "\n" + hint


def unlinked_text(platform: Platform, me: Identity, locale: str) -> str:
    key = "unlinked_you" if platform is me.platform else "unlinked"
    return t(key, locale, platform=platform_name(platform, locale))


def deletion_reach_text(identities: list[LinkedIdentity], locale: str) -> str:
    """Which identities a deletion deletes; "" when the account has only the one asking."""
    if len(identities) < 2:
        return ""
    names = ", ".join(f"{platform_name(li.identity.platform, locale)} {identity_name(li)}" for li in identities)
    return t("delete_identities", locale, identities=names)
