"""Gone means gone for the admin tools on the embedded default: after a deletion, no byte of the data folder holds
what admins wrote about the person (reasons, the audit rows), nor, after an admin deletes their own account, the
admin's id or account in the rows they wrote about others (SQLite file, `-wal`, free pages)."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters.chat.admin import run_admin
from adapters.local.blobs import LocalBlobStore
from adapters.sqlite.store import SqliteStore
from core.models import Identity, Platform
from core.policy import Policy
from core.usecases import onboarding, privacy
from core.usecases.admin import Actor
from tests.erasure import copies
from tests.unit.conftest import World, make_world

ADMIN = Identity(platform=Platform.TELEGRAM, platform_user_id="918273645501")
PERSON = Identity(platform=Platform.TELEGRAM, platform_user_id="735019284466")
OTHER = Identity(platform=Platform.TELEGRAM, platform_user_id="111")


@pytest.fixture
async def running(tmp_path: Path) -> AsyncIterator[tuple[World, SqliteStore, Path]]:
    data = tmp_path / "data"
    store = await SqliteStore.open(data / "bot.sqlite3")
    base = make_world(Policy(admins=frozenset({ADMIN})))
    deps = dataclasses.replace(base.deps, store=store, blobs=LocalBlobStore(data / "images"))
    yield dataclasses.replace(base, deps=deps), store, data
    await store.close()


async def act(world: World, text: str, n: int) -> None:
    actor = Actor(channel="telegram", identity=ADMIN, key=f"telegram:{ADMIN.platform_user_id}:{n}")
    assert await run_admin(world.deps, actor, text, "en") is not None


async def test_what_admins_wrote_about_a_person_goes_with_them_and_an_admin_goes_from_the_log(
    running: tuple[World, SqliteStore, Path],
) -> None:
    world, store, data = running
    for identity in (PERSON, OTHER):
        await onboarding.accept_terms(world.deps, identity, age_confirmed=True)
    await act(world, f"grant {PERSON.platform_user_id} 9 Quimby's refund for ticket 5521", 1)
    await act(world, f"block {PERSON.platform_user_id} Quimby kept spamming", 2)
    await act(world, f"grant {OTHER.platform_user_id} 3 welcome", 3)
    admin = await store.find_account(ADMIN)
    assert admin is not None
    assert copies(data, ("Quimby", "ticket 5521"))  # the check does see them while the person exists

    await privacy.confirm_deletion(world.deps, PERSON, await privacy.request_deletion(world.deps, PERSON))
    await privacy.confirm_deletion(world.deps, ADMIN, await privacy.request_deletion(world.deps, ADMIN))

    assert copies(data, ("Quimby", "ticket 5521", PERSON.platform_user_id)) == {}
    assert copies(data, (ADMIN.platform_user_id, admin.id)) == {}
    other = await store.find_account(OTHER)
    assert other is not None
    [left] = await store.audit_log(other.id)
    assert (left.credits, left.actor_account_id, left.reason) == (3, None, "welcome")
