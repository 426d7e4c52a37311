"""The admin tools' answers as plain text from the catalogue (platforms only add their formatting)."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.chat.render import cost_text, plan_text
from core.audit import AuditAction, Recorded, Stats, Window
from core.deps import Deps
from core.models import Account, Generation, Payment
from core.policy import Policy
from core.texts import t
from core.usecases.admin import PersonReport
from core.usecases.billing import account_balance

PROMPT_CHARS = 300


def person(account: Account, locale: str) -> str:
    return t("admin.person", locale, name=account.display_name or "—", account=account.id)


def person_report(report: PersonReport, policy: Policy, locale: str) -> str:
    account, balance = report.account, report.balance
    lines = [
        t(
            "admin.user",
            locale,
            account=account.id,
            name=account.display_name or "—",
            language=account.locale,
            created=_when(account.created_at),
            identities=", ".join(f"{i.platform.value}:{i.platform_user_id}" for i in report.identities) or "—",
            consent=_when(account.consent_at) if account.consent_at else t("admin.user_consent_none", locale),
            status=_status(account, locale),
            free_left=balance.free_left,
            free_per_day=balance.free_per_day,
            credits=t("n_credits", locale, count=balance.paid_credits),
            plan=plan_text(balance, policy, locale),
        ),
        t("admin.user_generations", locale) if report.generations else t("admin.user_no_generations", locale),
    ]
    for generation in report.generations:
        lines.extend(_generation_lines(generation, report.prompts, locale))
    lines.append(t("admin.user_payments", locale) if report.payments else t("admin.user_no_payments", locale))
    lines.extend(_payment_line(p, locale) for p in reversed(report.payments))
    if report.prompts:
        lines.append(t("admin.user_prompts_logged", locale))
    return "\n".join(lines)


def _status(account: Account, locale: str) -> str:
    if account.blocked_at is not None:
        return t("admin.user_blocked", locale, at=_when(account.blocked_at), reason=account.blocked_reason)
    if account.being_deleted:
        return t("admin.user_being_deleted", locale)
    return t("admin.user_active", locale)


def _generation_lines(generation: Generation, prompts: bool, locale: str) -> list[str]:
    code = generation.error_code
    line = t(
        "admin.user_generation",
        locale,
        at=_when(generation.created_at),
        id=generation.id,
        status=generation.status.value,
        count=generation.request.count,
        resolution=generation.request.resolution,
        cost=cost_text(generation.hold, locale),
        error=t("admin.user_generation_error", locale, code=code) if code else "",
    )
    if not prompts:
        return [line]
    prompt = generation.request.prompt
    prompt = prompt if len(prompt) <= PROMPT_CHARS else prompt[: PROMPT_CHARS - 1] + "…"
    return [line, t("admin.user_prompt", locale, prompt=prompt)]


def _payment_line(payment: Payment, locale: str) -> str:
    return t(
        "admin.user_payment",
        locale,
        at=_when(payment.created_at),
        provider=payment.provider,
        ref=payment.provider_ref,
        credits=t("n_credits", locale, count=payment.credits),
        status=payment.status,
    )


def _when(moment: datetime) -> str:
    """A moment as an admin reads it: 2026-11-25 12:00 (UTC)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


async def credits_changed(deps: Deps, recorded: Recorded, locale: str) -> str:
    entry = recorded.entry
    if not recorded.new:
        return _already(recorded, locale)
    account = await _account(deps, entry.account_id)
    held = await account_balance(deps, account)
    who = person(account, locale)
    credits = t("n_credits", locale, count=abs(entry.credits))
    balance = t("n_credits", locale, count=held.paid_credits)
    if entry.action is AuditAction.GRANT:
        return t("admin.granted", locale, who=who, credits=credits, balance=balance)
    if entry.credits == entry.requested:
        return t("admin.revoked", locale, who=who, credits=credits, balance=balance)
    taken, requested = abs(entry.credits), abs(entry.requested)
    return t("admin.revoked_partly", locale, who=who, credits=taken, count=requested, balance=balance)


async def block_changed(deps: Deps, recorded: Recorded, locale: str) -> str:
    if not recorded.new:
        return _already(recorded, locale)
    account = await _account(deps, recorded.entry.account_id)
    key = "admin.blocked" if recorded.entry.action is AuditAction.BLOCK else "admin.unblocked"
    return t(key, locale, who=person(account, locale))


async def _account(deps: Deps, account_id: str | None) -> Account:
    account = await deps.store.get_account(account_id or "")
    return account if account is not None else Account(id=account_id or "—", created_at=deps.clock.now())


def _already(recorded: Recorded, locale: str) -> str:
    entry = recorded.entry
    return t("admin.already", locale, action=entry.action.value, at=_when(entry.at))


# The catalogue's placeholder (before _today / _week) for each figure of a window.
WINDOW_FIGURES = {
    "requested": "requested",
    "delivered": "delivered",
    "partly": "partly_refunded",
    "refunded": "refunded",
    "sold": "credits_sold",
    "used": "credits_used",
    "back": "credits_refunded",
    "free": "free_used",
}


def stats_text(stats: Stats, policy: Policy, locale: str) -> str:
    params: dict[str, object] = {}
    for suffix, window in (("today", stats.today), ("week", stats.week)):
        params.update({f"{name}_{suffix}": getattr(window, field) for name, field in WINDOW_FIGURES.items()})
        params[f"tasks_{suffix}"] = _tasks(window)
        params[f"cost_{suffix}"] = _cost(window, policy, locale)
    return t(
        "admin.stats",
        locale,
        active_today=stats.active_today,
        active_week=stats.active_week,
        queued=stats.queued,
        running=stats.running,
        undelivered=stats.undelivered,
        accounts=stats.accounts_in_flight,
        **params,
    )


def _tasks(window: Window) -> str:
    counts = [f"{n} × {resolution}" for resolution, n in window.provider_tasks.items() if n]
    return f"{sum(window.provider_tasks.values())}" + (f" ({', '.join(counts)})" if counts else "")


def _cost(window: Window, policy: Policy, locale: str) -> str:
    """KIE commits a task's credits when it is created, so every task created counts, made or not."""
    credits = sum(n * policy.provider_credits.get(resolution, 0.0) for resolution, n in window.provider_tasks.items())
    usd = credits * policy.provider_credit_usd
    return t("admin.stats_cost", locale, credits=f"{credits:g}", usd=f"{usd:.2f}")
