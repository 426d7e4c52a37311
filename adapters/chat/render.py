"""Plain-text renderings of core results from the shared catalogue; platforms only add their formatting."""

from __future__ import annotations

import math

from core.errors import DomainError, ErrorCode
from core.models import Account, Balance, Generation, Hold, PlanStatus, Product, ProductKind
from core.policy import Policy
from core.ports import QueueSpot
from core.texts import consent_changed_text, error_code_text, error_text, t


def cost_text(hold: Hold, locale: str) -> str:
    if hold.free_images and hold.paid_credits:
        return t("cost_mixed", locale, free=hold.free_images, credits=hold.paid_credits)
    if hold.paid_credits:
        return t("cost_paid", locale, credits=hold.paid_credits)
    return t("cost_free", locale, free=hold.free_images)


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
    """Rounded up, as a person reads a wait: to 5 s under a minute, then to the minute."""
    rounded = max(5, 5 * math.ceil(seconds / 5))
    if rounded < 60:
        return t("eta_seconds", locale, seconds=rounded)
    minutes = math.ceil(seconds / 60)
    if minutes < 90:
        return t("eta_minutes", locale, minutes=minutes)
    return t("eta_hours", locale, hours=minutes // 60, minutes=minutes % 60)


def cancelled_text(generation: Generation, locale: str, *, private: bool | None = None) -> str:
    """What a cancel gave back: the whole hold (free images of the day and paid credits), counted only where
    nobody but the person reads it (by default: where the request was made)."""
    hold = generation.hold
    if not (generation.delivery.private if private is None else private):
        return t("cancelled_shared", locale)
    if hold.free_images and hold.paid_credits:
        refund = t("refund_mixed", locale, free=hold.free_images, credits=hold.paid_credits)
    elif hold.paid_credits:
        refund = t("refund_paid", locale, credits=hold.paid_credits)
    elif hold.free_images:
        refund = t("refund_free", locale, free=hold.free_images)
    else:
        return t("cancelled_free_of_charge", locale)
    return t("cancelled", locale, refund=refund)


def progress_text(generation: Generation, stage: str, done: int, locale: str) -> str:
    if stage == "storing":
        return t("progress_storing", locale)
    return t("progress_generating", locale, done=done, count=generation.request.count)


def done_text(generation: Generation, balance: Balance | None, locale: str, prompt_limit: int = 200) -> str:
    """The result's caption; with no balance (a shared chat) it carries no personal figures."""
    prompt = generation.request.prompt
    if len(prompt) > prompt_limit:
        prompt = prompt[: prompt_limit - 1] + "…"
    if balance is None:
        return t("done_shared", locale, prompt=prompt)
    return t("done", locale, prompt=prompt, free_left=balance.free_left, credits=balance.paid_credits)


def error_text_for(error: DomainError, locale: str, *, private: bool) -> str:
    """A domain error's text; in a shared chat without the asker's balance or other personal figures."""
    if not private and error.code is ErrorCode.INSUFFICIENT_CREDITS:
        shared = t("error.insufficient_credits_shared", locale)
        return f"{shared} {t('hint_buy', locale)}" if error.params.get("offer_buy") else shared
    return error_text(error, locale)


def failed_text(generation: Generation, locale: str) -> str:
    code = generation.error_code or "generation_failed"
    reason = error_code_text(code, locale, reason=generation.error_detail or t("reason_policy", locale))
    return t("failed", locale, reason=reason)


def balance_text(balance: Balance, policy: Policy, locale: str) -> str:
    lines = t(
        "balance",
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
    return t(
        "product_line", locale, label=product.label, price=product.price, credits=product.credits, per_month=per_month
    )


def settings_text(account: Account, locale: str) -> str:
    return t(
        "settings",
        locale,
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
