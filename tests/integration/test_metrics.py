"""GET /metrics shows what the operator alerts on: generations by outcome and reason, credits moved, backlog,
provider latency, chat sends and webhook outcomes, summed over every process of `run --workers N`."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from prometheus_client.parser import text_string_to_metric_families

from adapters.prometheus.metrics import PrometheusMetrics
from adapters.router import MessengerRouter
from bot.settings import Settings
from bot.web import create_app
from core.errors import DomainError
from core.metrics import CATALOGUE
from core.models import GenerationRequest
from core.policy import Policy
from core.usecases import generation
from tests.unit.conftest import ALICE, TARGET, World, make_world

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def parse(text: str) -> Samples:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


async def scrape(world: World) -> Samples:
    app = create_app(world.deps, Settings(_env_file=None))  # type: ignore[call-arg]
    async with TestClient(TestServer(app)) as client:
        response = await client.get("/metrics")
        assert response.status == 200 and response.content_type == "text/plain"
        return parse(await response.text())


async def run_queue(world: World) -> None:
    while world.queue.pending():
        job = await world.queue.take()
        await generation.process(world.deps, job.generation_id)
        await world.queue.ack(job)


@pytest.fixture
def world() -> World:
    made = make_world(Policy(free_per_day=0, poll_first_s=1.0, poll_max_s=5.0, generation_deadline_s=120.0))
    metrics = PrometheusMetrics()
    metrics.declare_all()
    router = MessengerRouter(metrics)
    router.register(TARGET.platform, made.messenger)
    made.deps = dataclasses.replace(made.deps, metrics=metrics, messenger=router)
    return made


async def test_metrics_count_a_delivered_generation_a_refund_and_a_refusal(world: World) -> None:
    await world.member(credits=10)
    world.generator.fail_prompts.add("doomed")
    before = await scrape(world)

    await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a fox", count=2), TARGET)
    await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="doomed"), TARGET)
    backlog = await scrape(world)
    with pytest.raises(DomainError):
        await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="forbidden"), TARGET)
    await run_queue(world)
    after = await scrape(world)

    def delta(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("gib_generations_requested_total") == 2
    assert delta("gib_generations_finished_total", outcome="delivered", reason="none") == 1
    assert delta("gib_generations_finished_total", outcome="refunded", reason="generation_failed") == 1
    assert delta("gib_generations_refused_total", reason="prompt_rejected") == 1
    assert delta("gib_credits_total", kind="captured") == 2
    assert delta("gib_credits_total", kind="refunded") == 1
    assert delta("gib_provider_task_seconds_count", outcome="succeeded") == 2
    assert delta("gib_provider_task_seconds_count", outcome="failed") == 1
    assert delta("gib_queue_wait_seconds_count") == 2
    assert value(backlog, "gib_queue_depth") == 2 and value(backlog, "gib_active_accounts") == 1
    assert value(after, "gib_queue_depth") == 0
    assert delta("gib_chat_sends_total", platform=TARGET.platform.value, priority="result") == 2


async def test_a_bad_webhook_signature_is_counted_by_provider(world: World) -> None:
    settings = Settings(_env_file=None, creem_webhook_secret="whsec")  # type: ignore[call-arg]
    app = create_app(world.deps, settings)
    async with TestClient(TestServer(app)) as client:
        before = parse(await (await client.get("/metrics")).text())
        refused = await client.post("/webhooks/creem", data=b"{}", headers={"creem-signature": "nope"})
        after = parse(await (await client.get("/metrics")).text())

    assert refused.status == 401
    bad = {"provider": "creem", "outcome": "bad_signature"}
    assert value(after, "gib_webhooks_total", **bad) - value(before, "gib_webhooks_total", **bad) == 1


def test_every_metric_of_the_catalogue_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")

    missing = [name for name in CATALOGUE if f"`{name}`" not in readme]

    assert not missing, f"README.md's metrics table has no row for {', '.join(missing)}"


CHILD = """
import sys
from adapters.prometheus.metrics import PrometheusMetrics
from adapters.router import MessengerRouter
PrometheusMetrics().count("gib_generations_finished_total", outcome="delivered", reason="none")
PrometheusMetrics().count("gib_worker_restarts_total", 2)
"""

PARENT = """
from adapters.prometheus.metrics import exposition
print(exposition().decode())
"""


def test_figures_from_several_processes_are_summed_in_multiprocess_mode(tmp_path: Path) -> None:
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    for _ in range(2):
        subprocess.run([sys.executable, "-c", CHILD], env=env, check=True, timeout=60)

    scraped = subprocess.run(
        [sys.executable, "-c", PARENT], env=env, check=True, timeout=60, capture_output=True, text=True
    ).stdout

    samples = parse(scraped)
    assert value(samples, "gib_generations_finished_total", outcome="delivered", reason="none") == 2
    assert value(samples, "gib_worker_restarts_total") == 4
