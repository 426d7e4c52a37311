"""The Metrics port on prometheus-client: one instrument per catalogue entry, exposed at GET /metrics.

Several processes (`run --workers N`) share figures through prometheus-client's multiprocess mode: each process
writes its values to files in PROMETHEUS_MULTIPROC_DIR and the web process sums them at scrape time. That mode is
chosen when prometheus-client is first imported, so `use_multiprocess_dir` must run before anything imports it.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from typing import Any

from core.metrics import CATALOGUE, MetricSpec

log = logging.getLogger(__name__)

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

_instruments: dict[str, Any] = {}  # one per process: prometheus-client registers each name once
_warned: set[str] = set()


def use_multiprocess_dir(folder: Path) -> None:
    """Before any child starts: an empty folder for every process's figures (stale files from a previous run
    would be summed in)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    os.environ[MULTIPROC_ENV] = str(folder)


def _instrument(name: str) -> Any:
    found = _instruments.get(name)
    if found is None:
        spec = CATALOGUE[name]
        found = _instruments[name] = _build(name, spec)
    return found


def _build(name: str, spec: MetricSpec) -> Any:
    from prometheus_client import Counter, Gauge, Histogram

    if spec.kind == "counter":
        return Counter(name.removesuffix("_total"), spec.help, spec.labels)
    if spec.kind == "histogram":
        return Histogram(name, spec.help, spec.labels, buckets=spec.buckets)
    return Gauge(name, spec.help, spec.labels, multiprocess_mode="mostrecent")


class PrometheusMetrics:
    """Reporting never raises: a name missing from the catalogue or wrong labels are logged once and dropped."""

    def count(self, name: str, amount: float = 1.0, **labels: str) -> None:
        self._apply(name, "counter", labels, lambda m: m.inc(amount))

    def observe(self, name: str, value: float, **labels: str) -> None:
        self._apply(name, "histogram", labels, lambda m: m.observe(value))

    def set(self, name: str, value: float, **labels: str) -> None:
        self._apply(name, "gauge", labels, lambda m: m.set(value))

    def _apply(self, name: str, kind: str, labels: dict[str, str], act: Any) -> None:
        spec = CATALOGUE.get(name)
        if spec is None or spec.kind != kind or set(labels) != set(spec.labels):
            if name not in _warned:
                _warned.add(name)
                log.warning("metric not in the catalogue (core/metrics.py) or wrong labels", extra={"metric": name})
            return
        instrument = _instrument(name)
        act(instrument.labels(**labels) if labels else instrument)

    def declare_all(self) -> None:
        """Create every instrument now, so /metrics lists each figure (at 0) before it first happens."""
        for name in CATALOGUE:
            _instrument(name)


def exposition() -> bytes:
    """The text format for a scrape: this process's figures, or every process's in multiprocess mode."""
    from prometheus_client import REGISTRY, CollectorRegistry, generate_latest
    from prometheus_client.multiprocess import MultiProcessCollector

    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return bytes(generate_latest(registry))
    return bytes(generate_latest(REGISTRY))


def process_ended(pid: int) -> None:
    """A child process is gone: drop its live gauges (its counters stay summed)."""
    if os.environ.get(MULTIPROC_ENV):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid)  # type: ignore[no-untyped-call]
