"""Scenario "provider_limit" (issue 11): a crowd at KIE's create limit, as shipped (20 creates per 10 s).

FakeKie enforces the limit like KIE (429 above it) and the bot runs with KIE_CREATE_LIMIT=20. Bursts of 200 and
1,000 people (× --scale) within one second, at 2 s and 60 s provider latency. The floor is the time the limit
itself takes: N creates at 20 per window, then one latency. `--kie-window` compresses time (the window, and so the
whole run, shrinks; the latency does not).
"""

from __future__ import annotations

from typing import Any

from bench.harness import world
from bench.scenarios import Context, Row, push_spread, verdict, wait_all

LIMIT = 20
VARIANTS = ((200, 2.0), (200, 60.0), (1000, 2.0), (1000, 60.0))


def most_in_any_window(times_s: list[float], window_s: float) -> int:
    times = sorted(times_s)
    return max((sum(1 for t in times[i:] if t < start + window_s) for i, start in enumerate(times)), default=0)


async def one(ctx: Context, people: int, latency: float) -> dict[str, Any]:
    n, window = ctx.count(people), ctx.kie_window_s
    users = list(range(50_000_000, 50_000_000 + n))
    env = {
        "KIE_CREATE_LIMIT": str(LIMIT),
        "KIE_CREATE_WINDOW_S": str(window),
        "KIE_EXPECTED_LATENCY_S": str(latency),
        "GENERATION_DEADLINE_S": str(max(600.0, 2 * (n * window / LIMIT + latency))),
    }
    async with world(
        backend=ctx.backend,
        backends=ctx.backends,
        out_dir=ctx.out_dir,
        name=f"provider_limit-{n}-{latency:g}s",
        first_user=users[0],
        user_count=n,
        latency_s=latency,
        kie_create_limit=(LIMIT, window),
        telegram_rate=ctx.telegram_rate if ctx.telegram_rate is not None else 30.0,
        worker_concurrency=max(1000, n + 100),
        env=env,
    ) as w:
        await w.bot.mark()
        sent = await push_spread(w, users, 1.0)
        floor = n * window / LIMIT + latency
        finished = await wait_all(w, n, 3 * floor + 120)
        result = await w.bot.stop()
    t = w.tracker
    last = max(t.result.values()) - min(sent.values()) if t.result else float("nan")
    created = [task.created_ms / 1000 for task in w.kie.tasks.values()]
    return {
        "people": n,
        "latency_s": latency,
        "window_s": window,
        "all_finished": finished,
        "delivered": len(t.result),
        "failed": result["outcomes"].get("failed", 0),
        "last_image_s": round(last, 1),
        "floor_s": round(floor, 1),
        "ratio": round(last / floor, 3),
        "kie_429": w.kie.rate_limited,
        "most_creates_in_a_window": most_in_any_window(created, window - 0.01),
        "peak_rss_mb": round(result["peak_rss_kb"] / 1024, 1),
        "bot_cpu_s": round(result["cpu_s"], 2),
    }


async def provider_limit(ctx: Context) -> dict[str, Any]:
    variants = VARIANTS if ctx.latency_s is None else tuple(dict.fromkeys((n, ctx.latency_s) for n, _ in VARIANTS))
    runs = [await one(ctx, people, latency) for people, latency in variants]
    rows: list[Row] = []
    for r in runs:
        label = f"{r['people']} people, {r['latency_s']:g} s latency"
        rows += [
            (label, f"{r['delivered']} delivered, {r['failed']} failed", f"{r['people']}, 0", verdict(
                r["delivered"] == r["people"] and r["failed"] == 0
            )),
            ("  last image s / floor s", f"{r['last_image_s']} / {r['floor_s']} = {r['ratio']}×", "≤ 1.1×",
             verdict(r["ratio"] <= 1.1)),
            ("  creates in any window / KIE 429s", f"{r['most_creates_in_a_window']} / {r['kie_429']}", f"≤ {LIMIT}",
             verdict(r["most_creates_in_a_window"] <= LIMIT)),
            ("  peak RSS MB / bot CPU s", f"{r['peak_rss_mb']} / {r['bot_cpu_s']}", "", ""),
        ]  # fmt: skip
    return {"variants": runs, "rows": rows}
