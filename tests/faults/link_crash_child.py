"""A process that starts a merge on a SQLite file and stops dead in the middle of it, for the test to SIGKILL.

`python -m tests.faults.link_crash_child <db> <code hash> <platform> <user id> <marker>`: once the merge has
written its ledger entries and begins moving rows (inside its one transaction), the marker file appears and the
process waits forever.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite

from adapters.sqlite.store import SqliteStore
from core.models import Identity, Platform
from core.ports import LinkRequest


def stop_half_way(marker: Path) -> None:
    """Freeze at the first row move of the merge (after its merge entries were written)."""
    execute = aiosqlite.Connection.execute

    def frozen(self: aiosqlite.Connection, sql: str, parameters: Any = None) -> Any:
        if sql.startswith("update or ignore"):
            marker.write_text("half-way")

            async def forever() -> None:
                await asyncio.Event().wait()

            return forever()
        return execute(self, sql, parameters)

    aiosqlite.Connection.execute = frozen  # type: ignore[method-assign, assignment]


async def main(db: str, code_hash: str, platform: str, user_id: str, marker: str) -> None:
    store = await SqliteStore.open(db)
    stop_half_way(Path(marker))
    now = datetime.now(UTC)
    identity = Identity(platform=Platform(platform), platform_user_id=user_id)
    await store.link_identity(LinkRequest(code_hash, identity, "", now.date(), now))


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:6]))
