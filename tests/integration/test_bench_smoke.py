"""The benchmark harness still runs: each scenario at a tiny scale, embedded backend, short provider latency.

The real figures come from `python -m bench` (bench/RESULTS.md); this only keeps the harness from rotting.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.announce import ANNOUNCE_SCENARIOS
from bench.crowd import CROWD_SCENARIOS
from bench.discord_crowd import DISCORD_SCENARIOS
from bench.harness import Backends
from bench.provider_limit import provider_limit
from bench.scenarios import SCENARIOS, Context

SMOKED = {**SCENARIOS, **CROWD_SCENARIOS, **ANNOUNCE_SCENARIOS, **DISCORD_SCENARIOS}


@pytest.mark.parametrize("name", list(SMOKED))
async def test_each_bench_scenario_runs_at_a_tiny_scale_and_delivers_every_result(name: str, tmp_path: Path) -> None:
    ctx = Context("embedded", Backends(), scale=0.004, out_dir=tmp_path, latency_s=0.2, telegram_rate=0)

    figures = await SMOKED[name](ctx)

    assert figures["rows"]
    assert figures["outcomes"].get("ok", 0) >= 1
    assert figures["outcomes"].get("failed", 0) == 0
    if "results_lost" in figures:
        assert figures["results_lost"] == 0
    if "lost" in figures:
        assert figures["lost"] == 0


async def test_the_provider_limit_scenario_runs_at_a_tiny_scale_and_delivers_every_result(tmp_path: Path) -> None:
    ctx = Context("embedded", Backends(), scale=0.01, out_dir=tmp_path, latency_s=0.2, kie_window_s=0.5)

    figures = await provider_limit(ctx)

    assert [(v["people"], v["delivered"], v["failed"]) for v in figures["variants"]] == [(2, 2, 0), (10, 10, 0)]
    assert all(v["most_creates_in_a_window"] <= 20 for v in figures["variants"])
