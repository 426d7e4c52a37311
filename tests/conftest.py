"""Shared pytest configuration."""

# --- real-server fixtures (Postgres, PostgREST, Redis): see tests/server_fixtures.py --------------------------
from tests.server_fixtures import (  # noqa: F401
    gateway,
    postgres_server,
    pytest_runtest_makereport,
    pytest_terminal_summary,
    redis_server,
    supabase_stack,
    supabase_store,
)

# --- end of real-server fixtures ------------------------------------------------------------------------------
