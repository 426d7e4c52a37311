"""Plain-text renderings of core results from the shared catalogue; platforms only add their formatting."""

from __future__ import annotations

import math

from core.errors import DomainError, ErrorCode
from core.locales import NATIVE_NAMES, available
from core.models import Account, Balance, Generation, Hold, PlanStatus, Product, ProductKind
from core.policy import Policy
from core.ports import QueueSpot
from core.texts import consent_changed_text, duration, error_text, normalise, price, t


def cost_text(hold: Hold, locale: str) -> str:
    free = t("cost_free", locale, count=hold.free_images)
    paid = t("cost_paid", locale, count=hold.paid_credits)
    if hold.free_images and hold.paid_credits:
        return t("cost_mixed", locale, free=free, credits=paid)
    return paid if hold.paid_credits else free


def consent_prompt(change: dict[str, object], locale: str) -> str:
    """The consent prompt of `onboarding.start`: the welcome for a first consent, else what changed and where to
    read it (`StartResult.change`)."""
    return consent_changed_text(change, locale) if change else t("welcome", locale)


def declined_text(had_consented: bool, locale: str) -> str:
    """ "No thanks" to the consent prompt: the 13+ rule for a newcomer; for someone declining a new version, what
    they can still do (`onboarding.decline_terms`)."""
    return t("consent_declined_update" if had_consented else "consent_age_required", locale)


def queued_text(generation: Generation, locale: str, spot: QueueSpot | None = None) -> str:
    """What was queued, with the person's place in line and estimate when known; the cost is shown only where
    nobody but the person reads it."""
    count = generation.request.count
    shared = not generation.delivery.private
    cost = "" if shared else cost_text(generation.hold, locale)
    if spot is None:
        return t("queued_shared" if shared else "queued", locale, count=count, cost=cost)
    place = place_text(spot, locale)
    return t("queued_shared_place" if shared else "queued_place", locale, count=count, cost=cost, place=place)


def place_text(spot: QueueSpot, locale: str) -> str:
    eta = eta_text(spot.eta_s, locale)
    if spot.position <= 1:
        return t("place_next", locale, eta=eta)
    return t("place_in_line", locale, position=spot.position, eta=eta)


def eta_text(seconds: float, locale: str) -> str:
    """Rounded up, as a person reads a wait: to 5 s under a minute, then to the minute ("3 min", "1 hr 40 min")."""
    rounded = max(5, 5 * math.ceil(seconds / 5))
    return duration(rounded if rounded < 60 else 60 * math.ceil(seconds / 60), locale)


def cancelled_text(generation: Generation, locale: str, *, private: bool | None = None) -> str:
    """What a cancel gave back: the whole hold (free images of the day and paid credits), counted only where
    nobody but the person reads it (by default: where the request was made)."""
    hold = generation.hold
    if not (generation.delivery.private if private is None else private):
        return t("cancelled_shared", locale)
    free = t("n_free_images", locale, count=hold.free_images)
    paid = t("n_credits", locale, count=hold.paid_credits)
    if hold.free_images and hold.paid_credits:
        refund = t("refund_mixed", locale, free=free, credits=paid)
    elif hold.paid_credits or hold.free_images:
        refund = paid if hold.paid_credits else free
    else:
        return t("cancelled_free_of_charge", locale)
    return t("cancelled", locale, refund=refund)


def progress_text(generation: Generation, stage: str, done: int, locale: str) -> str:
    if stage == "storing":
        return t("progress_storing", locale, count=generation.request.count)
    return t("progress_generating", locale, done=done, count=generation.request.count)


def done_text(generation: Generation, balance: Balance | None, locale: str, prompt_limit: int = 200) -> str:
    """The result's caption; with no balance (a shared chat) it carries no personal figures."""
    prompt = generation.request.prompt
    if len(prompt) > prompt_limit:
        prompt = prompt[: prompt_limit - 1] + "…"
    if balance is None:
        return t("done_shared", locale, prompt=prompt)
    credits = t("n_credits", locale, count=balance.paid_credits)
    if not balance.free_per_day:
        return t("done_credits", locale, prompt=prompt, credits=credits)
    free_left = t("free_left_today", locale, count=balance.free_left)
    return t("done", locale, prompt=prompt, free_left=free_left, credits=credits)


def error_text_for(error: DomainError, locale: str, *, private: bool) -> str:
    """A domain error's text; in a shared chat without the asker's balance or other personal figures."""
    if not private and error.code is ErrorCode.INSUFFICIENT_CREDITS:
        shared = t("error.insufficient_credits_shared", locale)
        return f"{shared} {t('hint_buy', locale)}" if error.params.get("offer_buy") else shared
    return error_text(error, locale)


def failed_text(generation: Generation, locale: str) -> str:
    """Why nothing came, and that nothing was charged (a refused prompt's reason says only why)."""
    code = generation.error_code or "generation_failed"
    key = "failed_reason.prompt_rejected" if code == "prompt_rejected" else f"error.{code}"
    reason = t(key, locale, reason=generation.error_detail or t("reason_policy", locale))
    return t("failed", locale, reason=reason, count=generation.request.count)


def balance_text(balance: Balance, policy: Policy, locale: str) -> str:
    lines = t(
        "balance" if balance.free_per_day else "balance_no_free",
        locale,
        free_left=balance.free_left,
        free_per_day=balance.free_per_day,
        credits=balance.paid_credits,
        plan=plan_text(balance, policy, locale),
    )
    prices = t("prices", locale, p1=policy.prices["1K"], p2=policy.prices["2K"], p4=policy.prices["4K"])
    return f"{lines}\n{prices}"


def plan_text(balance: Balance, policy: Policy, locale: str) -> str:
    """The plan by its label, with what its status means and what to do (paused, past due, expired, …)."""
    if not balance.plan:
        return t("plan_none", locale)
    product = policy.product(balance.plan)
    label = product.label if product else balance.plan
    status = balance.plan_status or PlanStatus.ACTIVE
    return t(f"plan_state.{status.value}", locale, plan=label)


def billing_text(balance: Balance, policy: Policy, url: str, locale: str) -> str:
    """/billing: the plan's state (with what to do about it) above the portal link, when there is a plan."""
    link = t("portal_link", locale, url=url)
    if not balance.plan:
        return link
    return t("billing_plan", locale, plan=plan_text(balance, policy, locale)) + "\n" + link


def product_text(product: Product, locale: str) -> str:
    per_month = t("per_month", locale) if product.kind is ProductKind.PLAN else ""
    shown = price(product.price, locale)
    return t("product_line", locale, label=product.label, price=shown, count=product.credits, per_month=per_month)


def settings_text(account: Account, locale: str) -> str:
    """The person's settings; the language is the chosen one, or "automatic" with the one now in use."""
    current = NATIVE_NAMES[normalise(locale)]
    language = NATIVE_NAMES[account.language] if account.language else t("language_auto", locale, language=current)
    return t(
        "settings",
        locale,
        language=language,
        aspect_ratio=account.default_aspect_ratio,
        resolution=account.default_resolution,
        send_as_file=t("on" if account.send_as_file else "off", locale),
        notifications=t("off" if account.notifications_opt_out else "on", locale),
    )


def privacy_text(policy: Policy, locale: str) -> str:
    """The privacy summary with the privacy contact, and the full policy's link when the operator set one."""
    text = t("privacy", locale, contact=policy.privacy_contact)
    return f"{text}\n{t('privacy_link', locale, url=policy.privacy_url)}" if policy.privacy_url else text


def terms_text(policy: Policy, locale: str) -> str:
    """The terms in short, with the full terms' link when the operator set one."""
    text = t("terms", locale, contact=policy.privacy_contact)
    return f"{text}\n{t('terms_link', locale, url=policy.terms_url)}" if policy.terms_url else text


def settings_usage_text(locale: str) -> str:
    """How to change settings in the console, with the languages this build speaks."""
    return t("settings_usage", locale, languages="|".join(available()))


def consent_accepted_text(policy: Policy, locale: str) -> str:
    """What a person can do now that they accepted: free images of the day only where the operator gives any."""
    if policy.free_per_day:
        return t("consent_accepted", locale, count=policy.free_per_day)
    return t("consent_accepted_paid", locale)


def help_text(key: str, policy: Policy, locale: str) -> str:
    """A platform's /help (`help`, `help_console`, `help_discord`); buying is listed only where there is
    something to buy."""
    buy = t(key.replace("help", "help_buy", 1), locale) if policy.products else ""
    return t(key, locale, buy=buy)


def unknown_command_text(key: str, policy: Policy, locale: str) -> str:
    """An unknown command is answered with what the bot can do."""
    return t("unknown_command", locale) + "\n" + help_text(key, policy, locale)
