"""Gone means gone on disk: after a confirmed deletion on the embedded default (SQLite file + image folder),
with the Store still open as in a running bot, no byte of any file in the data folder holds the person's
prompts or platform id: not the database, not `-wal`/`-shm`, not images or exports."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters.local.blobs import LocalBlobStore
from adapters.sqlite.store import SqliteStore
from core.models import GenerationRequest, Identity, LedgerKind, Platform
from core.usecases import exports, generation, onboarding, privacy
from tests.erasure import copies
from tests.unit.conftest import TARGET, World, make_world

USER_ID = "735019284466"
PROMPTS = ("a violet submarine named Quimby", "Quimby's secret garden at midnight")


@pytest.fixture
async def running(tmp_path: Path) -> AsyncIterator[tuple[World, SqliteStore, Path]]:
    data = tmp_path / "data"
    store = await SqliteStore.open(data / "bot.sqlite3")
    base = make_world()
    deps = dataclasses.replace(base.deps, store=store, blobs=LocalBlobStore(data / "images"))
    yield dataclasses.replace(base, deps=deps), store, data
    await store.close()


async def test_after_a_deletion_no_file_in_the_data_folder_holds_the_persons_prompts_or_id(
    running: tuple[World, SqliteStore, Path],
) -> None:
    world, store, data = running
    person = Identity(platform=Platform.TELEGRAM, platform_user_id=USER_ID)
    other = Identity(platform=Platform.TELEGRAM, platform_user_id="111")
    account = await onboarding.accept_terms(world.deps, person, age_confirmed=True)
    await onboarding.accept_terms(world.deps, other, age_confirmed=True)
    await store.add_credits(account.id, 20, LedgerKind.GRANT, "grant:1", "", world.clock.now())
    for prompt in PROMPTS:
        queued = await generation.request_generation(world.deps, person, GenerationRequest(prompt=prompt), TARGET)
        await generation.process(world.deps, queued.id)
    await onboarding.update_settings(world.deps, person, aspect_ratio="16:9")
    parts = await exports.archive(world.deps, person, 50 * 1024 * 1024)
    assert parts is not None
    for part in parts:
        await exports.keep(world.deps, account.id, part)  # a /mydata download, kept until its link expires
    seen = copies(data, (*PROMPTS, USER_ID))
    assert any("exports" in where for where in seen)  # the check does see them while the account exists

    await privacy.confirm_deletion(world.deps, person, await privacy.request_deletion(world.deps, person))

    assert await store.find_account(other) is not None  # the bot is still running, others unaffected
    assert copies(data, (*PROMPTS, USER_ID, account.id)) == {}


async def test_after_a_crash_right_after_a_deletion_the_restarted_bot_leaves_no_copy(
    running: tuple[World, SqliteStore, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world, store, data = running
    person = Identity(platform=Platform.TELEGRAM, platform_user_id=USER_ID)
    account = await onboarding.accept_terms(world.deps, person, age_confirmed=True)
    queued = await generation.request_generation(world.deps, person, GenerationRequest(prompt=PROMPTS[0]), TARGET)
    await generation.process(world.deps, queued.id)

    async def crash_before_checkpoint() -> None:
        return None

    monkeypatch.setattr(store, "_truncate_wal", crash_before_checkpoint)
    await privacy.confirm_deletion(world.deps, person, await privacy.request_deletion(world.deps, person))
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for name in ("bot.sqlite3", "bot.sqlite3-wal"):  # the files as a crash leaves them (the bot never closed)
        shutil.copyfile(data / name, crashed / name)
    assert copies(crashed, (PROMPTS[0], USER_ID))  # what the issue found: the WAL still holds them

    restarted = await SqliteStore.open(crashed / "bot.sqlite3")
    try:
        assert await restarted.get_account(account.id) is None
        assert copies(crashed, (PROMPTS[0], USER_ID, account.id)) == {}
    finally:
        await restarted.close()
