"""The metric catalogue: every figure the bot reports, its kind, labels and meaning (README "Operating it").

Core and adapters report through the `Metrics` port (`deps.metrics.count("gib_…_total", reason=…)`); the
Prometheus adapter builds one instrument per entry. To add a figure: add an entry here (name, kind, labels, help),
report it where it happens, and add it to the README's metrics table (a test compares the two).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Concatenate, Literal, ParamSpec, TypeVar

from core.errors import DomainError
from core.models import Generation, GenerationStatus
from core.ports import Metrics, Settlement
from core.quota import plan_settlement

if TYPE_CHECKING:
    from datetime import datetime

    from core.deps import Deps

Kind = Literal["counter", "histogram", "gauge"]

SECONDS_QUEUE = (0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800)
SECONDS_PROVIDER = (1, 2, 5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600)
ANNOUNCEMENTS_WATCHED = 20  # the latest announcements whose remaining copies the gauge sums
SECONDS_SHORT = (0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30)


@dataclass(frozen=True)
class MetricSpec:
    kind: Kind
    help: str
    labels: tuple[str, ...] = ()
    buckets: tuple[float, ...] = ()


CATALOGUE: dict[str, MetricSpec] = {
    "gib_generations_requested_total": MetricSpec("counter", "Generations accepted and queued (credits held)."),
    "gib_generations_refused_total": MetricSpec(
        "counter", "Generation requests refused before anything was charged, by reason (a domain error code).",
        ("reason",),
    ),
    "gib_generations_finished_total": MetricSpec(
        "counter",
        "Generations settled, by outcome (delivered, partly_refunded, refunded) and reason (error code, or none).",
        ("outcome", "reason"),
    ),
    "gib_credits_total": MetricSpec(
        "counter", "Paid credits moved, by kind: granted (payments), captured (images made), refunded.", ("kind",)
    ),
    "gib_free_images_total": MetricSpec("counter", "Free daily images used, by kind: captured, refunded.", ("kind",)),
    "gib_queue_depth": MetricSpec("gauge", "Generations waiting in the queue (from the Store, at scrape time)."),
    "gib_generations_in_flight": MetricSpec(
        "gauge", "Unfinished or undelivered generations by status (from the Store, at scrape time).", ("status",)
    ),
    "gib_active_accounts": MetricSpec(
        "gauge", "Accounts with a generation in flight (from the Store, at scrape time)."
    ),
    "gib_queue_wait_seconds": MetricSpec(
        "histogram", "Time from request to a worker starting the generation.", buckets=SECONDS_QUEUE
    ),
    "gib_provider_task_seconds": MetricSpec(
        "histogram", "Time for one provider task (one image) from submit to its end, by outcome.", ("outcome",),
        SECONDS_PROVIDER,
    ),
    "gib_kie_creates_total": MetricSpec("counter", "KIE createTask calls admitted by the create budget."),
    "gib_kie_create_budget_waits_total": MetricSpec(
        "counter", "Times a KIE create had to wait because the shared create budget was spent."
    ),
    "gib_kie_create_wait_seconds": MetricSpec(
        "histogram", "Time a KIE create waited for the create budget.", buckets=SECONDS_QUEUE
    ),
    "gib_chat_sends_total": MetricSpec(
        "counter", "Outbound chat messages by platform and priority (result, progress, notice, first_reply).",
        ("platform", "priority"),
    ),
    "gib_chat_rate_limited_total": MetricSpec(
        "counter", "Answers 429 (flood control) from a chat platform, by platform.", ("platform",)
    ),
    "gib_webhooks_total": MetricSpec(
        "counter",
        "Webhooks received, by provider (creem, kie, telegram) and outcome (applied, duplicate, not_applied, "
        "bad_signature, malformed, too_large, unavailable).",
        ("provider", "outcome"),
    ),
    "gib_announcement_recipients_total": MetricSpec(
        "counter", "Announcement copies finished, by platform and outcome (sent, blocked, failed, skipped: opted out "
        "or gone, uncertain: a process stopped mid-send, pending: to be tried again).", ("platform", "outcome"),
    ),
    "gib_announcement_remaining": MetricSpec(
        "gauge", "Announcement copies not yet sent (pending, claimed or being sent; from the Store, at scrape time)."
    ),
    "gib_worker_restarts_total": MetricSpec("counter", "Worker child processes that died and were restarted."),
    "gib_lost_task_ids_total": MetricSpec(
        "counter", "Provider tasks whose id a worker killed right after creating them never saved, by outcome: "
        "adopted (KIE's callback named the slot) or refunded (never reported, or no callback URL).", ("outcome",),
    ),
}  # fmt: skip


class NoMetrics:
    """Reports nothing: the default for tests and tools that do not serve /metrics."""

    def count(self, name: str, amount: float = 1.0, **labels: str) -> None:
        return None

    def observe(self, name: str, value: float, **labels: str) -> None:
        return None

    def set(self, name: str, value: float, **labels: str) -> None:
        return None


P = ParamSpec("P")
T = TypeVar("T")


def refusals_counted(
    use_case: Callable[Concatenate[Deps, P], Awaitable[T]],
) -> Callable[Concatenate[Deps, P], Awaitable[T]]:
    """Count a use-case's refusals (domain errors) by code, and its successes as requested generations."""

    @functools.wraps(use_case)
    async def counted(deps: Deps, /, *args: P.args, **kwargs: P.kwargs) -> T:
        try:
            result = await use_case(deps, *args, **kwargs)
        except DomainError as refused:
            deps.metrics.count("gib_generations_refused_total", reason=refused.code.value)
            raise
        deps.metrics.count("gib_generations_requested_total")
        return result

    return counted


def record_queue_wait(metrics: Metrics, generation: Generation, now: datetime) -> None:
    """A worker starts a queued generation: how long it waited since the request."""
    if generation.status is GenerationStatus.QUEUED:
        metrics.observe("gib_queue_wait_seconds", max((now - generation.created_at).total_seconds(), 0.0))


def record_settlement(metrics: Metrics, generation: Generation, settlement: Settlement) -> None:
    """A generation was settled (once, by compare-and-set): its outcome and the credits that moved."""
    delivered = len(settlement.image_keys)
    reason = settlement.error_code or "none"
    if delivered and delivered >= generation.request.count:
        outcome = "delivered"
    else:
        outcome = "partly_refunded" if delivered else "refunded"
    metrics.count("gib_generations_finished_total", outcome=outcome, reason=reason)
    hold = generation.hold
    plan = plan_settlement(hold.free_images, hold.paid_credits, hold.unit_price, delivered)
    for kind, credits, free in (
        ("captured", plan.captured_credits, plan.captured_free),
        ("refunded", plan.refunded_credits, plan.refunded_free),
    ):
        if credits:
            metrics.count("gib_credits_total", credits, kind=kind)
        if free:
            metrics.count("gib_free_images_total", free, kind=kind)


async def report_backlog(deps: Deps) -> None:
    """Scrape-time gauges from the Store, so every process's work counts: queue depth, work in flight by status,
    and the accounts it belongs to. Best effort: a Store outage leaves the last values."""
    try:
        unfinished = await deps.store.unfinished()
    except Exception:
        return
    by_status = {status: 0 for status in GenerationStatus}
    for generation in unfinished:
        by_status[generation.status] += 1
    deps.metrics.set("gib_queue_depth", by_status[GenerationStatus.QUEUED])
    for status, count in by_status.items():
        deps.metrics.set("gib_generations_in_flight", count, status=status.value)
    deps.metrics.set("gib_active_accounts", len({g.account_id for g in unfinished}))
    try:
        announced = await deps.store.announcement_progress(deps.clock.now(), limit=ANNOUNCEMENTS_WATCHED)
    except Exception:
        return
    deps.metrics.set("gib_announcement_remaining", sum(p.remaining for p in announced))
