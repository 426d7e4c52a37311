"""`.venv/bin/python -m bench [burst overhead flood idle] [--backend embedded|production|both] [--scale S]`

Prints a table and saves everything to bench/out/<timestamp>.json (the bot's stderr goes to bench/out/*.log).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.announce import ANNOUNCE_SCENARIOS
from bench.crowd import CROWD_SCENARIOS
from bench.discord_crowd import DISCORD_SCENARIOS
from bench.harness import Backends
from bench.provider_limit import provider_limit
from bench.scenarios import SCENARIOS, Context

SCENARIOS["provider_limit"] = provider_limit
SCENARIOS.update(CROWD_SCENARIOS)
SCENARIOS.update(ANNOUNCE_SCENARIOS)
SCENARIOS.update(DISCORD_SCENARIOS)

OUT = Path(__file__).resolve().parent / "out"


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem_kb = int(
            next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")).split()[1]
        )
    except (OSError, StopIteration, ValueError):
        mem_kb = 0
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False)
    return {
        "nproc": os.cpu_count(),
        "memory_gib": round(mem_kb / 1024 / 1024, 1),
        "cpu": model or platform.processor(),
        "python": platform.python_version(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit.stdout.strip(),
    }


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("scenarios", nargs="*", default=[], help=f"any of {', '.join(SCENARIOS)} (default: all)")
    parser.add_argument("--backend", choices=["embedded", "production", "both"], default="both")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply users/generations (e.g. 0.3)")
    parser.add_argument("--flood-scale", type=float, default=None, help="scale of the flood scenario alone")
    parser.add_argument("--latency", type=float, default=None, help="override every provider latency (s)")
    parser.add_argument(
        "--telegram-rate",
        type=float,
        default=None,
        help="override the adapter's own Telegram limit (msg/s; 0 lifts it). Default per scenario.",
    )
    parser.add_argument("--failure-rate", type=float, default=0.0, help="fraction of KIE tasks that fail")
    parser.add_argument(
        "--kie-window", type=float, default=10.0, help="KIE's create window in provider_limit (s; 10 as shipped)"
    )
    args = parser.parse_args(argv)
    unknown = [s for s in args.scenarios if s not in SCENARIOS]
    if unknown:
        parser.error(f"unknown scenario(s) {unknown}; choose from {list(SCENARIOS)}")
    return args


def print_table(runs: list[dict[str, Any]]) -> None:
    header = ("scenario", "backend", "metric", "value", "target", "")
    rows = [header]
    for run in runs:
        if "error" in run:
            rows.append((run["scenario"], run["backend"], "error", run["error"][:80], "", "FAILED"))
            continue
        for i, (metric, value, target, verdict) in enumerate(run["figures"]["rows"]):
            rows.append(
                (run["scenario"] if i == 0 else "", run["backend"] if i == 0 else "", metric, value, target, verdict)
            )
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(header))]
    for i, row in enumerate(rows):
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))


async def run(args: argparse.Namespace) -> int:
    names = args.scenarios or list(SCENARIOS)
    backends_wanted = ["embedded", "production"] if args.backend == "both" else [args.backend]
    backends = Backends()
    runs: list[dict[str, Any]] = []
    skipped: str | None = None
    if "production" in backends_wanted:
        skipped = await asyncio.to_thread(backends.start)
        if skipped:
            print(f"production backend skipped: {skipped}", file=sys.stderr)
            backends_wanted.remove("production")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out_dir = OUT / stamp
    try:
        for backend in backends_wanted:
            for name in names:
                scale = args.flood_scale if name == "flood" and args.flood_scale is not None else args.scale
                ctx = Context(backend, backends, scale, out_dir, args.latency, args.telegram_rate, args.failure_rate)
                ctx.kie_window_s = args.kie_window
                print(f"… {name} on {backend} (scale {scale:g})", file=sys.stderr, flush=True)
                started = time.monotonic()
                try:
                    figures = await SCENARIOS[name](ctx)
                    runs.append({"scenario": name, "backend": backend, "scale": scale, "figures": figures})
                except Exception as error:  # one broken scenario still leaves the others' figures
                    runs.append({"scenario": name, "backend": backend, "scale": scale, "error": repr(error)})
                runs[-1]["run_s"] = round(time.monotonic() - started, 1)
    finally:
        await asyncio.to_thread(backends.stop)
    report = {
        "machine": machine(),
        "command": " ".join([Path(sys.executable).name, "-m", "bench", *sys.argv[1:]]),
        "production_skipped": skipped,
        "runs": runs,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{stamp}.json"
    path.write_text(json.dumps(report, indent=2, default=str))
    print_table(runs)
    print(f"\nsaved {path}")
    return 1 if any("error" in r for r in runs) else 0


async def run_until_signalled(args: argparse.Namespace) -> int:
    """SIGTERM/SIGINT cancel the run, so the servers and the bot process it started are still stopped."""
    task = asyncio.current_task()
    assert task is not None
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, task.cancel)
    try:
        return await run(args)
    except asyncio.CancelledError:
        print("cancelled", file=sys.stderr)
        return 130


def main() -> int:
    return asyncio.run(run_until_signalled(parse(sys.argv[1:])))


if __name__ == "__main__":
    sys.exit(main())
