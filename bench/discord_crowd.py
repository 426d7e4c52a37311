"""Issue 12's Discord crowd: N people use /imagine within one second in one server; the bot is its own process
running the real discord.py client against FakeDiscord (REST), interactions fed as the gateway dispatches them.

Discord answers interactions through per-interaction webhook routes, not a bot-wide message budget, so the figures
are the first response (the deferral, due within 3 s), when the result arrives, the bot's peak memory while every
result is uploaded (1.7 MB images, read from the BlobStore only when their upload starts), whether each request's
status showed the ✖ Cancel button, and the REST calls per generation by route.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import Counter
from typing import Any

from bench.crowd import by_method, result_image, round_trips
from bench.harness import World, world
from bench.scenarios import Context, process_figures, verdict, wait_all
from bench.stats import summary
from tests.fakes.discord_api import APP_ID, Call, FakeDiscord, UploadedFile
from tests.fakes.discord_payloads import slash

SETUP = ("/users/@me", "/oauth2/", "/applications/")
IDS = re.compile(r"/(\d{6,}|itok-[\w-]+)")
CANCEL = "gib:cancel:"


class LightDiscord(FakeDiscord):
    """Forgets uploaded bytes once answered (the driver must not hold every image: the bot's memory is measured)
    and stamps when each call arrived."""

    def __init__(self) -> None:
        super().__init__()
        self.arrived: list[float] = []

    def cdn_url(self, name: str, data: bytes) -> str:
        return super().cdn_url(name, b"")

    async def _record(self, call: Call) -> None:
        call.files = [UploadedFile(f.field, f.filename, b"") for f in call.files]
        self.arrived.append(time.monotonic())
        await super()._record(call)


def route(call: Call) -> str:
    """`PATCH /webhooks/:id/:id/messages/@original` and so on: the call's route without its ids and tokens."""
    return f"{call.method} {IDS.sub('/:id', call.path)}"


def calls_by_route(calls: list[Call], n: int) -> dict[str, float]:
    counted = Counter(route(c) for c in calls if not c.path.startswith(SETUP))
    return {name: round(count / n, 2) for name, count in sorted(counted.items())}


def token_of(call: Call) -> str | None:
    parts = call.path.strip("/").split("/")
    if parts[0] == "interactions" and len(parts) >= 3:
        return parts[2]
    if parts[0] == "webhooks" and len(parts) >= 3 and parts[1] == str(APP_ID):
        return parts[2]
    return None


def first_per_token(fake: LightDiscord, matches: Any) -> dict[str, float]:
    """Per interaction token: when its first call that `matches` arrived."""
    found: dict[str, float] = {}
    for call, at in zip(fake.calls, fake.arrived, strict=True):
        token = token_of(call)
        if token is not None and token not in found and matches(call):
            found[token] = at
    return found


def is_result(call: Call) -> bool:
    return call.method == "POST" and call.path.startswith("/webhooks/") and bool(call.files)


def shows_cancel(call: Call) -> bool:
    return any(c.get("custom_id", "").startswith(CANCEL) for c in call.components)


async def push_interactions(w: World, payloads: list[dict[str, Any]], over_s: float) -> dict[str, float]:
    """Each /imagine as INTERACTION_CREATE, spread evenly over `over_s` seconds; when each was handed over."""
    assert w.discord is not None
    sent: dict[str, float] = {}
    start = time.monotonic()
    for i, payload in enumerate(payloads):
        delay = start + over_s * i / len(payloads) - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        w.discord.learn(payload)
        sent[payload["token"]] = time.monotonic()
        await w.bot.send("interaction " + json.dumps(payload))
    return sent


async def discord_crowd(ctx: Context, full: int) -> dict[str, Any]:
    n, latency = ctx.count(full), ctx.latency_s if ctx.latency_s is not None else 2.0
    first = 60_000_000 + full * 10_000
    users = list(range(first, first + n))
    payloads = [slash("imagine", {"prompt": "a lighthouse at dusk"}, user_id=u) for u in users]
    fake = LightDiscord()
    async with world(
        backend=ctx.backend,
        backends=ctx.backends,
        out_dir=ctx.out_dir,
        name=f"discord{full}",
        first_user=first,
        user_count=n,
        latency_s=latency,
        failure_rate=ctx.failure_rate,
        worker_concurrency=max(1000, n + 100),
        result_image=result_image(),
        discord=fake,
    ) as w:
        await w.bot.mark()
        since = len(fake.calls)
        sent = await push_interactions(w, payloads, 1.0)
        finished = await wait_all(w, n, latency + 180)
        result = await w.bot.stop()
    return figures(fake, since, sent, result, n, latency, finished)


def figures(
    fake: LightDiscord, since: int, sent: dict[str, float], result: dict[str, Any], n: int, latency: float, done: bool
) -> dict[str, Any]:
    deferred = first_per_token(fake, lambda c: c.path.startswith("/interactions/"))
    results = first_per_token(fake, is_result)
    cancel = first_per_token(fake, shows_cancel)
    acks = [deferred[t] - at for t, at in sent.items() if t in deferred]
    first_push = min(sent.values())
    out: dict[str, Any] = {
        "people": n,
        "provider_latency_s": latency,
        "all_finished": done,
        "first_response_s": summary(acks),
        "answered_within_3s": sum(1 for a in acks if a <= 3.0),
        "results_delivered": len(results),
        "lost": n - len(results) - result["outcomes"].get("failed", 0),
        "last_result_s": round(max(results.values()) - first_push, 2) if results else float("nan"),
        "result_after_request_s": summary([results[t] - at for t, at in sent.items() if t in results]),
        "showed_cancel": len(cancel),
        "rest_calls_per_generation": calls_by_route(fake.calls[since:], n),
        "round_trips_per_generation": round_trips(result["counts"], n),
        "round_trips_by_method": by_method(result["counts"], n),
        "cpu_ms_per_image": round(result["cpu_s"] * 1000 / max(len(results), 1), 1),
        "cpu_system_ms_per_image": round(result.get("cpu_system_s", 0.0) * 1000 / max(len(results), 1), 1),
        **process_figures(result),
    }
    out["rows"] = rows(out)
    return out


def rows(f: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    n, first, after = f["people"], f["first_response_s"], f["result_after_request_s"]
    return [
        (
            "first response s p50/p99/max",
            f"{first['p50']:.2f} / {first['p99']:.2f} / {first['max']:.2f}",
            "all ≤ 3 s",
            verdict(f["answered_within_3s"] == n),
        ),
        ("result after request s p50/p99/max", f"{after['p50']:.2f} / {after['p99']:.2f} / {after['max']:.2f}", "", ""),
        ("delivered / lost", f"{f['results_delivered']}/{n} / {f['lost']}", "lost 0", verdict(f["lost"] == 0)),
        ("status showed ✖ Cancel", f"{f['showed_cancel']}/{n}", "all", verdict(f["showed_cancel"] == n)),
        ("REST calls / generation", ", ".join(f"{k} {v}" for k, v in f["rest_calls_per_generation"].items()), "", ""),
        (
            "peak RSS MB (at start)",
            f"{f['peak_rss_mb']} ({f['rss_at_start_mb']})",
            "< 200 at 500",
            verdict(f["peak_rss_mb"] < 200),
        ),
        ("bot CPU ms / image (of which kernel)", f"{f['cpu_ms_per_image']} ({f['cpu_system_ms_per_image']})", "", ""),
        ("port calls / generation", ", ".join(f"{k} {v}" for k, v in f["round_trips_per_generation"].items()), "", ""),
    ]


async def discord500(ctx: Context) -> dict[str, Any]:
    return await discord_crowd(ctx, 500)


DISCORD_SCENARIOS = {"discord500": discord500}
