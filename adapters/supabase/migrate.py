"""Apply `supabase/migrations/*.sql` to a Postgres URL, once each (for self-hosted Postgres and CI)."""

from __future__ import annotations

import logging
from pathlib import Path

import asyncpg

from core.errors import StoreUnavailable

log = logging.getLogger(__name__)

DEFAULT_MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "supabase" / "migrations"

# Any fixed number: serializes concurrent migrators (several bot processes started at once).
_LOCK_KEY = 727_431_001

_CREATE_TABLE = """
create table if not exists public.schema_migrations (
  version text primary key,
  applied_at timestamptz not null default now()
);
alter table public.schema_migrations enable row level security;
"""


def _read_migrations(migrations_dir: Path) -> list[tuple[str, str]]:
    """(file name, SQL) of every migration, in name order (the timestamps of the Supabase CLI layout)."""
    if not migrations_dir.is_dir():
        raise FileNotFoundError(f"no migrations directory at {migrations_dir}")
    paths = sorted(p for p in migrations_dir.glob("*.sql") if p.is_file())
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths]


async def apply_migrations(database_url: str, migrations_dir: Path = DEFAULT_MIGRATIONS_DIR) -> list[str]:
    """Run every migration file not yet recorded in `schema_migrations`, in name order; return the ones applied.

    Each file runs in its own transaction together with its bookkeeping row, so a failed file leaves nothing.
    """
    files = _read_migrations(migrations_dir)
    try:
        conn = await asyncpg.connect(database_url)
    except (OSError, asyncpg.PostgresError) as exc:
        raise StoreUnavailable(f"cannot connect to the database: {type(exc).__name__}") from exc
    applied: list[str] = []
    try:
        await conn.execute("select pg_advisory_lock($1)", _LOCK_KEY)
        await conn.execute(_CREATE_TABLE)
        done = {r["version"] for r in await conn.fetch("select version from public.schema_migrations")}
        for name, sql in files:
            if name in done:
                continue
            async with conn.transaction():
                await conn.execute(sql)
                await conn.execute("insert into public.schema_migrations (version) values ($1)", name)
            log.info("migration applied: %s", name)
            applied.append(name)
        await conn.execute("select pg_advisory_unlock($1)", _LOCK_KEY)
    finally:
        await conn.close()
    return applied
