"""Issue 16: acknowledgements and results while an announcement is being sent.

The fake Bot API enforces Telegram's limits (30 messages in any second, ~1/s per chat, 429 with retry_after); the
bot keeps to 29/s. After a warm-up (20 people, not measured), 100 people send /imagine spread over 10 s with nothing
else going on (the usual latency); then the operator announces a policy change to everyone (2,320 people), and
once it is flowing (its pace on an idle bot is measured for 5 s) another 100 people do the same. Figures:
acknowledgement latency (update available → "⏳ Working on it…" sent) and request → photo, p50 and p99, before and
during the announcement, their ratios, and the announcement's send rate idle and meanwhile.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from bench.harness import World, world
from bench.scenarios import Context, process_figures, push_spread, verdict, wait_all
from bench.stats import summary
from tests.fakes.telegram_api import Call

ASKERS = 100
WARM_UP = 20
IDLE_MEASURE_S = 5.0
RECIPIENTS_EXTRA = 2000
SPREAD_S = 10.0
LATENCY_S = 2.0
ACK = "⏳"
ANNOUNCED = "📣"


def latencies(w: World, sent: dict[int, float]) -> tuple[list[float], list[float]]:
    """(acknowledgement, photo) latency of each asker, from the fake's call log."""
    acks: dict[int, float] = {}
    photos: dict[int, float] = {}
    for call in w.telegram.calls:
        chat = call.chat_id
        if not call.ok or chat not in sent:
            continue
        if call.method == "sendMessage" and call.params.get("text", "").startswith(ACK):
            acks.setdefault(chat, call.at)
        elif call.method == "sendPhoto":
            photos.setdefault(chat, call.at)
    return [acks[u] - sent[u] for u in sent if u in acks], [photos[u] - sent[u] for u in sent if u in photos]


def is_announcement(call: Call) -> bool:
    return call.method == "sendMessage" and call.params.get("text", "").startswith(ANNOUNCED)


def announcement_sends(w: World, since: float, until: float) -> int:
    return sum(1 for c in w.telegram.calls if c.ok and since <= c.at <= until and is_announcement(c))


async def during_announcement(ctx: Context) -> dict[str, Any]:
    n, warm_up, extra = ctx.count(ASKERS), ctx.count(WARM_UP), ctx.count(RECIPIENTS_EXTRA)
    first = 70_000_000
    before, during = list(range(first, first + n)), list(range(first + n, first + 2 * n))
    warm = list(range(first + 2 * n, first + 2 * n + warm_up))
    async with world(
        backend=ctx.backend,
        backends=ctx.backends,
        out_dir=ctx.out_dir,
        name="announce",
        first_user=first,
        user_count=2 * n + warm_up + extra,
        latency_s=ctx.latency_s if ctx.latency_s is not None else LATENCY_S,
        telegram_per_second=30.0,
        telegram_rate=ctx.telegram_rate if ctx.telegram_rate is not None else 29.0,
    ) as w:
        await push_spread(w, warm, 2.0)
        await wait_all(w, warm_up, 120)
        await w.bot.mark()
        sent_before = await push_spread(w, before, SPREAD_S)
        await wait_all(w, n, 120)
        people = await w.bot.announce()
        flowing_from = min(10, people)
        await w.telegram.wait_for(
            lambda c: c.method == "sendMessage" and ANNOUNCED in c.params["text"], 60, flowing_from
        )
        idle_from = time.monotonic()
        await asyncio.sleep(IDLE_MEASURE_S)
        idle = announcement_sends(w, idle_from, time.monotonic())
        started = time.monotonic()
        sent_during = await push_spread(w, during, SPREAD_S)
        await wait_all(w, 2 * n, 120)
        ended = time.monotonic()
        flowing = announcement_sends(w, started, ended)
        result = await w.bot.stop()
        ack_before, photo_before = latencies(w, sent_before)
        ack_during, photo_during = latencies(w, sent_during)
    figures: dict[str, Any] = {
        "askers": n,
        "announced_to": people,
        "ack_before_s": summary(ack_before),
        "ack_during_s": summary(ack_during),
        "photo_before_s": summary(photo_before),
        "photo_during_s": summary(photo_during),
        "announcement_sends_while_measuring": flowing,
        "announcement_rate_per_s": round(flowing / (ended - started), 2),
        "announcement_idle_rate_per_s": round(idle / IDLE_MEASURE_S, 2),
        "answered_429": w.tracker.rejected_429,
        **process_figures(result),
    }
    figures["ack_p99_ratio"] = round(figures["ack_during_s"]["p99"] / max(figures["ack_before_s"]["p99"], 1e-9), 2)
    figures["photo_p99_ratio"] = round(
        figures["photo_during_s"]["p99"] / max(figures["photo_before_s"]["p99"], 1e-9), 2
    )
    figures["rows"] = rows(figures)
    return figures


def rows(f: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    def s(x: dict[str, float]) -> str:
        return f"{x['p50']:.3f} / {x['p99']:.3f}"

    return [
        ("ack s p50/p99 before → during", f"{s(f['ack_before_s'])} → {s(f['ack_during_s'])}", "", ""),
        ("ack p99 during ÷ before", str(f["ack_p99_ratio"]), "≤ 1.1", verdict(f["ack_p99_ratio"] <= 1.1)),
        ("photo s p50/p99 before → during", f"{s(f['photo_before_s'])} → {s(f['photo_during_s'])}", "", ""),
        ("photo p99 during ÷ before", str(f["photo_p99_ratio"]), "≤ 1.1", verdict(f["photo_p99_ratio"] <= 1.1)),
        (
            "announcement rate idle / meanwhile",
            f"{f['announcement_idle_rate_per_s']}/s / {f['announcement_rate_per_s']}/s (to {f['announced_to']})",
            "",
            "",
        ),
        ("429 answers", str(f["answered_429"]), "0", verdict(f["answered_429"] == 0)),
    ]


ANNOUNCE_SCENARIOS = {"announce": during_announcement}
