"""Issue 12's crowd scenarios: N people send /imagine within one second, Telegram's limits enforced by the fake
(30 messages/s overall, ~1/s per chat with short bursts, 429 with retry_after), realistic 1.7 MB results.

Each figure is also given as a ratio to the physical floor: every generation needs two essential messages (the
acknowledgement and the photo), so N people need at least N ÷ 30 s for the acknowledgements and 2N ÷ 30 s for
everything essential.
"""

from __future__ import annotations

import io
import os
import time
from collections import Counter
from typing import Any

from PIL import Image

from bench.harness import world
from bench.scenarios import Context, process_figures, push_spread, verdict, wait_all
from bench.stats import summary
from tests.fakes.telegram_api import Call
from tests.fakes.telegram_flood import FloodLimitedTelegram

TELEGRAM_PER_S = 30.0
ESSENTIAL = 2  # acknowledgement + photo
RESULT_SIDE = 750  # a 750×750 noise PNG is ~1.7 MB, like a real GPT-Image-2 result
SETUP_METHODS = frozenset({"getUpdates", "getMe", "setMyCommands", "deleteWebhook"})


def result_image() -> bytes:
    out = io.BytesIO()
    Image.frombytes("RGB", (RESULT_SIDE, RESULT_SIDE), os.urandom(RESULT_SIDE * RESULT_SIDE * 3)).save(out, "PNG")
    return out.getvalue()


class LightFloodTelegram(FloodLimitedTelegram):
    """Forgets uploaded bytes once answered, so the driver does not hold every photo (the bot's memory is measured)."""

    def add_file(self, data: bytes) -> dict[str, Any]:
        answer = super().add_file(b"")
        return {**answer, "file_size": len(data)}

    async def _record(self, call: Call) -> None:
        for upload in call.files.values():
            upload.data = b""
        await super()._record(call)


def calls_by_method(calls: list[Call], n: int) -> dict[str, float]:
    counted = Counter(c.method for c in calls if c.ok and c.method not in SETUP_METHODS)
    return {method: round(count / n, 2) for method, count in sorted(counted.items())}


def by_method(counts: dict[str, int], n: int) -> dict[str, float]:
    """Each port method's calls per generation (which ones to fold away)."""
    return {key: round(value / n, 2) for key, value in sorted(counts.items())}


def acks_with_cancel(calls: list[Call]) -> int:
    """Chats whose first message (the acknowledgement) carried the ✖ Cancel button."""
    first: dict[int, Call] = {}
    for call in calls:
        if call.ok and call.method == "sendMessage" and call.chat_id is not None:
            first.setdefault(call.chat_id, call)
    return sum(1 for c in first.values() if any(b.get("callback_data", "").startswith("cancel:") for b in c.buttons()))


def round_trips(counts: dict[str, int], n: int) -> dict[str, float]:
    ports: Counter[str] = Counter()
    for key, value in counts.items():
        ports[key.split(".")[0]] += value
    return {port: round(value / n, 2) for port, value in sorted(ports.items())}


async def crowd(ctx: Context, full: int) -> dict[str, Any]:
    n, latency = ctx.count(full), ctx.latency_s if ctx.latency_s is not None else 2.0
    users = list(range(50_000_000 + full * 10_000, 50_000_000 + full * 10_000 + n))
    image = result_image()
    ack_floor, all_floor = n / TELEGRAM_PER_S, ESSENTIAL * n / TELEGRAM_PER_S
    async with world(
        backend=ctx.backend,
        backends=ctx.backends,
        out_dir=ctx.out_dir,
        name=f"crowd{full}",
        first_user=users[0],
        user_count=n,
        latency_s=latency,
        failure_rate=ctx.failure_rate,
        telegram_per_second=TELEGRAM_PER_S,
        telegram_rate=ctx.telegram_rate if ctx.telegram_rate is not None else 29.0,
        worker_concurrency=max(1000, n + 100),
        result_image=image,
        telegram_class=LightFloodTelegram,
    ) as w:
        await w.bot.mark()
        sent = await push_spread(w, users, 1.0)
        finished = await wait_all(w, n, latency + 120 + all_floor * 3)
        result = await w.bot.stop()
        calls = list(w.telegram.calls)
        tasks = list(w.kie.tasks.values())
    t = w.tracker
    acks = [t.first_message[u] - sent[u] for u in users if u in t.first_message]
    first_push = min(sent.values())
    last_result = max(t.result.values()) - first_push if t.result else float("nan")
    results_at = [at - first_push for at in t.result.values()]
    wall_at_push = time.time() - (time.monotonic() - first_push)  # FakeKie stamps tasks on the wall clock
    created_at = [task.created_ms / 1000 - wall_at_push for task in tasks]
    done_at = [task.completed_ms / 1000 - wall_at_push for task in tasks if task.completed_ms]
    lost = n - len(t.result) - result["outcomes"].get("failed", 0)
    figures: dict[str, Any] = {
        "people": n,
        "provider_latency_s": latency,
        "image_bytes": len(image),
        "all_finished": finished,
        "ack_s": summary(acks),
        "ack_p99_over_floor": round(summary(acks)["p99"] / ack_floor, 2),
        "last_result_s": round(last_result, 2),
        "results_at_s": summary(results_at),  # since the first push: when the photos went out
        "kie_created_at_s": summary(created_at),
        "kie_done_at_s": summary(done_at),
        "last_result_target_s": round(latency + 1.1 * all_floor, 2),
        "last_result_over_floor": round((last_result - latency) / all_floor, 2),
        "results_delivered": len(t.result),
        "lost": lost,
        "answered_429": t.rejected_429,
        "bot_api_calls_per_generation": calls_by_method(calls, n),
        "acks_with_cancel": acks_with_cancel(calls),
        "round_trips_per_generation": round_trips(result["counts"], n),
        "round_trips_by_method": by_method(result["counts"], n),
        "cpu_ms_per_image": round(result["cpu_s"] * 1000 / max(len(t.result), 1), 1),
        # the kernel's part (socket copies: on loopback the receiving side's TCP work is charged to the sender too)
        "cpu_system_ms_per_image": round(result.get("cpu_system_s", 0.0) * 1000 / max(len(t.result), 1), 1),
        **process_figures(result),
    }
    figures["rows"] = rows(figures, ack_floor, all_floor, latency)
    return figures


def seconds(s: dict[str, float]) -> str:
    return f"{s['p50']:.2f} / {s['p99']:.2f} / {s['max']:.2f}"


def rows(f: dict[str, Any], ack_floor: float, all_floor: float, latency: float) -> list[tuple[str, str, str, str]]:
    n = f["people"]
    by_method = ", ".join(f"{k} {v}" for k, v in f["bot_api_calls_per_generation"].items())
    trips = ", ".join(f"{k} {v}" for k, v in f["round_trips_per_generation"].items())
    return [
        (
            "ack s p50/p99/max (p99 ÷ floor)",
            f"{seconds(f['ack_s'])} ({f['ack_p99_over_floor']})",
            f"p99 ≤ 1.1 × {ack_floor:.1f}",
            verdict(f["ack_s"]["p99"] <= 1.1 * ack_floor),
        ),
        (
            "last result s ((last − latency) ÷ floor)",
            f"{f['last_result_s']} ({f['last_result_over_floor']})",
            f"≤ {latency:g} + 1.1 × {all_floor:.1f}",
            verdict(f["last_result_s"] <= latency + 1.1 * all_floor),
        ),
        (
            "delivered / lost / 429s",
            f"{f['results_delivered']}/{n} / {f['lost']} / {f['answered_429']}",
            "lost 0",
            verdict(f["lost"] == 0),
        ),
        ("Bot API calls / generation", by_method, "2 essential", ""),
        ("acknowledgements with ✖ Cancel", f"{f['acks_with_cancel']}/{n}", "all", verdict(f["acks_with_cancel"] == n)),
        (
            "peak RSS MB (at start)",
            f"{f['peak_rss_mb']} ({f['rss_at_start_mb']})",
            "< 150 at 500",
            verdict(f["peak_rss_mb"] < 150),
        ),
        (
            "bot CPU ms / image (of which kernel)",
            f"{f['cpu_ms_per_image']} ({f['cpu_system_ms_per_image']})",
            "≤ 15",
            verdict(f["cpu_ms_per_image"] <= 15),
        ),
        ("port calls / generation", trips, "Store+Redis ≤ 10", ""),
    ]


async def crowd200(ctx: Context) -> dict[str, Any]:
    return await crowd(ctx, 200)


async def crowd500(ctx: Context) -> dict[str, Any]:
    return await crowd(ctx, 500)


CROWD_SCENARIOS = {"crowd200": crowd200, "crowd500": crowd500}
