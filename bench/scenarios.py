"""The four scenarios of issue 8. Each returns its figures (a flat-ish dict) and the rows of the printed table."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.harness import Backends, World, world
from bench.stats import summary

Row = tuple[str, str, str, str]  # metric, value, target, verdict


@dataclass
class Context:
    backend: str
    backends: Backends
    scale: float
    out_dir: Path
    latency_s: float | None = None  # overrides each scenario's provider latency (smoke runs)
    telegram_rate: float | None = None  # overrides the adapter's own Telegram rate limit (30/s as shipped)
    failure_rate: float = 0.0
    kie_window_s: float = 10.0  # KIE's create window (provider_limit); smaller compresses that scenario's time

    def count(self, full: int) -> int:
        return max(1, round(full * self.scale))


Scenario = Callable[[Context], Awaitable[dict[str, Any]]]


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def ms(s: dict[str, float]) -> str:
    return f"{s['p50']:.1f} / {s['p99']:.1f} / {s['max']:.1f}"


async def push_spread(w: World, users: list[int], over_s: float) -> dict[int, float]:
    """Send one /imagine per user, spread evenly over `over_s` seconds; returns when each was pushed."""
    sent: dict[int, float] = {}
    start = time.monotonic()
    for i, user in enumerate(users):
        delay = start + over_s * i / len(users) - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        sent[user] = await w.imagine(user)
    return sent


def process_figures(result: dict[str, Any]) -> dict[str, Any]:
    return {
        "bot_cpu_s": round(result["cpu_s"], 2),
        "bot_wall_s": round(result["wall_s"], 2),
        "peak_rss_mb": round(result["peak_rss_kb"] / 1024, 1),
        "rss_at_start_mb": round(result["rss_at_mark_kb"] / 1024, 1),
        "loop_lag_ms": summary(result["loop_lag_s"], 1000),
        "outcomes": result["outcomes"],
        "max_in_flight": result["max_in_flight"],
    }


async def wait_all(w: World, n: int, timeout_s: float) -> bool:
    ok = await w.bot.wait(lambda: w.bot.done_count >= n, timeout_s)
    await asyncio.sleep(0.5)  # the last calls reach the fake's log
    w.tracker.scan()
    return ok


# --- 1. burst ------------------------------------------------------------------------------------------------


async def burst(ctx: Context) -> dict[str, Any]:
    n, latency = ctx.count(500), ctx.latency_s if ctx.latency_s is not None else 20.0
    rate = ctx.telegram_rate if ctx.telegram_rate is not None else 30.0
    users = list(range(10_000_000, 10_000_000 + n))
    async with world(
        backend=ctx.backend,
        backends=ctx.backends,
        out_dir=ctx.out_dir,
        name="burst",
        first_user=users[0],
        user_count=n,
        latency_s=latency,
        failure_rate=ctx.failure_rate,
        telegram_rate=rate,
        worker_concurrency=max(1000, n + 100),
    ) as w:
        await w.bot.mark()
        sent = await push_spread(w, users, 1.0)
        finished = await wait_all(w, n, latency + 120 + n * 8 / max(rate or 1000, 1))
        result = await w.bot.stop()
    t = w.tracker
    acks = [t.first_message[u] - sent[u] for u in users if u in t.first_message]
    completion = [t.result[u] - sent[u] for u in users if u in t.result]
    figures = {
        "users": n,
        "provider_latency_s": latency,
        "telegram_rate_per_s": rate,
        "all_finished": finished,
        "ack_ms": summary(acks, 1000),
        "acks_missing": n - len(acks),
        "completion_s": summary(completion),
        "results_delivered": len(completion),
        "total_s": round(max(t.result.values()) - min(sent.values()), 2) if t.result else None,
        **process_figures(result),
    }
    lag = figures["loop_lag_ms"]
    figures["rows"] = [
        ("ack ms p50/p99/max", ms(figures["ack_ms"]), "p99 < 250", verdict(figures["ack_ms"]["p99"] < 250)),
        (
            "request→result s p50/p99/max",
            ms(figures["completion_s"]),
            f"max ≤ {latency + 5:g}",
            verdict(finished and figures["completion_s"]["max"] <= latency + 5),
        ),
        (
            "all results delivered, total s",
            f"{len(completion)}/{n}, {figures['total_s']}",
            f"{n}/{n}",
            verdict(len(completion) == n),
        ),
        ("bot CPU s / peak RSS MB", f"{figures['bot_cpu_s']} / {figures['peak_rss_mb']}", "", ""),
        ("loop lag ms p50/p99/max", ms(lag), "p99 < 50", verdict(lag["p99"] < 50)),
    ]
    return figures


# --- 2. overhead ---------------------------------------------------------------------------------------------


async def overhead(ctx: Context) -> dict[str, Any]:
    n, latency = ctx.count(1000), ctx.latency_s if ctx.latency_s is not None else 0.0
    rate = ctx.telegram_rate if ctx.telegram_rate is not None else 0.0
    user = 20_000_000
    async with world(
        backend=ctx.backend,
        backends=ctx.backends,
        out_dir=ctx.out_dir,
        name="overhead",
        first_user=user,
        user_count=1,
        latency_s=latency,
        failure_rate=ctx.failure_rate,
        telegram_rate=rate,
        credits=n + 10,
        env={"REQUESTS_PER_MINUTE": "1000000"},  # one person sending 1,000 in a row: the operator lifts the rpm cap
    ) as w:
        await w.bot.mark()
        e2e: list[float] = []
        for i in range(n):
            at = await w.imagine(user, f"overhead {i}")
            if not await w.bot.wait(lambda i=i: w.bot.done_count >= i + 1, 60):
                break
            e2e.append(time.monotonic() - at)
        result = await w.bot.stop()
    chat = str(user)
    received, done = result["received"].get(chat, []), result["sent"].get(chat, [])
    added = [d - r for r, d in zip(received, done, strict=False)]
    counts: dict[str, int] = result["counts"]
    per_gen = {k: round(v / max(len(added), 1), 2) for k, v in sorted(counts.items())}
    by_port: dict[str, float] = {}
    for key, value in per_gen.items():
        by_port[key.split(".")[0]] = round(by_port.get(key.split(".")[0], 0) + value, 2)
    round_trips = round(sum(v for k, v in by_port.items() if k in ("store", "limiter", "queue", "signals")), 2)
    figures = {
        "generations": n,
        "completed": len(added),
        "provider_latency_s": latency,
        "telegram_rate_per_s": rate,
        "bot_added_ms": summary(added, 1000),
        "end_to_end_ms": summary(e2e, 1000),
        "round_trips_per_generation": round_trips,
        "calls_per_generation_by_port": by_port,
        "calls_per_generation": per_gen,
        **process_figures(result),
    }
    figures["rows"] = [
        (
            "bot-added ms p50/p99/max",
            ms(figures["bot_added_ms"]),
            "p50 < 10",
            verdict(figures["bot_added_ms"]["p50"] < 10),
        ),
        ("push→result ms p50/p99/max", ms(figures["end_to_end_ms"]), "", ""),
        ("Store+Limiter+Queue+Signals calls / gen", str(round_trips), "small", ""),
        ("  by port", ", ".join(f"{k} {v}" for k, v in by_port.items()), "", ""),
        ("completed", f"{len(added)}/{n}", f"{n}/{n}", verdict(len(added) == n)),
        ("bot CPU s / peak RSS MB", f"{figures['bot_cpu_s']} / {figures['peak_rss_mb']}", "", ""),
    ]
    return figures


# --- 3. flood ------------------------------------------------------------------------------------------------


async def flood(ctx: Context) -> dict[str, Any]:
    n, latency = ctx.count(2000), ctx.latency_s if ctx.latency_s is not None else 1.0
    rate = ctx.telegram_rate if ctx.telegram_rate is not None else 30.0
    limit = 30.0
    users = list(range(30_000_000, 30_000_000 + n))
    async with world(
        backend=ctx.backend,
        backends=ctx.backends,
        out_dir=ctx.out_dir,
        name="flood",
        first_user=users[0],
        user_count=n,
        latency_s=latency,
        failure_rate=ctx.failure_rate,
        telegram_per_second=limit,
        telegram_rate=rate,
        worker_concurrency=max(1000, n + 100),
    ) as w:
        await w.bot.mark()
        await push_spread(w, users, 1.0)
        finished = await wait_all(w, n, latency + 120 + n * 10 / limit)
        result = await w.bot.stop()
    t = w.tracker
    sends = sorted(t.sends_ok)
    busy_s = (sends[-1] - sends[0]) if len(sends) > 1 else float("nan")
    per_s = (len(sends) - 1) / busy_s if len(sends) > 1 else 0.0
    lost = n - len(t.result) - result["outcomes"].get("failed", 0)
    figures = {
        "chats": n,
        "scale": ctx.scale,
        "flood_limit_per_s": limit,
        "telegram_rate_per_s": rate,
        "all_finished": finished,
        "messages_accepted": len(sends),
        "busy_s": round(busy_s, 2),
        "accepted_per_s": round(per_s, 2),
        "fraction_of_limit": round(per_s / limit, 3),
        "answered_429": t.rejected_429,
        "results_delivered": len(t.result),
        "messages_per_generation": round(len(sends) / n, 2),
        "results_lost": lost,
        **process_figures(result),
    }
    figures["rows"] = [
        ("chats (scale)", f"{n} ({ctx.scale:g})", "2000", ""),
        ("send rate / limit", f"{per_s:.1f}/s = {per_s / limit:.0%}", "≥ 90%", verdict(per_s / limit >= 0.9)),
        ("429 answers", str(t.rejected_429), "", ""),
        ("results delivered / lost", f"{len(t.result)} / {lost}", "lost 0", verdict(lost == 0)),
        ("Bot API sends per generation", str(figures["messages_per_generation"]), "", ""),
        ("busy time s", f"{busy_s:.1f}", "", ""),
    ]
    return figures


# --- 4. idle scale -------------------------------------------------------------------------------------------


async def idle(ctx: Context) -> dict[str, Any]:
    n, latency = ctx.count(5000), ctx.latency_s if ctx.latency_s is not None else 60.0
    rate = ctx.telegram_rate if ctx.telegram_rate is not None else 0.0
    users = list(range(40_000_000, 40_000_000 + n))
    async with world(
        backend=ctx.backend,
        backends=ctx.backends,
        out_dir=ctx.out_dir,
        name="idle",
        first_user=users[0],
        user_count=n,
        latency_s=latency,
        failure_rate=ctx.failure_rate,
        telegram_rate=rate,
        worker_concurrency=n + 1000,
    ) as w:
        await w.bot.mark()
        sent = await push_spread(w, users, 5.0 * ctx.scale)
        finished = await wait_all(w, n, latency + 600)
        result = await w.bot.stop()
    t = w.tracker
    completion = [t.result[u] - sent[u] for u in users if u in t.result]
    figures = {
        "generations": n,
        "provider_latency_s": latency,
        "telegram_rate_per_s": rate,
        "all_finished": finished,
        "completed": len(completion),
        "completion_s": summary(completion),
        **process_figures(result),
    }
    figures["rows"] = [
        (
            "peak RSS MB (at start)",
            f"{figures['peak_rss_mb']} ({figures['rss_at_start_mb']})",
            "< 400",
            verdict(figures["peak_rss_mb"] < 400),
        ),
        ("max generations in flight", str(result["max_in_flight"]), str(n), ""),
        ("completed", f"{len(completion)}/{n}", f"{n}/{n}", verdict(len(completion) == n)),
        ("request→result s p50/p99/max", ms(figures["completion_s"]), "", ""),
        ("bot CPU s / loop lag p99 ms", f"{figures['bot_cpu_s']} / {figures['loop_lag_ms']['p99']:.1f}", "", ""),
    ]
    return figures


SCENARIOS: dict[str, Scenario] = {"burst": burst, "overhead": overhead, "flood": flood, "idle": idle}
