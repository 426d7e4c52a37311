"""/mydata as downloadable files, and kept exports that go when their link expires (#13 items 8 and 11)."""

from __future__ import annotations

import io
import json
import zipfile

from core.models import GenerationRequest
from core.usecases import exports, generation, privacy
from core.worker import Worker
from tests.fakes.store import PNG
from tests.unit.conftest import ALICE, TARGET, World
from tests.unit.test_generation import run_queue

MB = 1024 * 1024


def unzip(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


async def test_the_archive_holds_the_json_and_every_image_and_reference_under_relative_names(world: World) -> None:
    await world.member(credits=10)
    await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a fox", count=2), TARGET, [PNG])
    await run_queue(world)

    parts = await exports.archive(world.deps, ALICE, 50 * MB)

    assert parts is not None and [p.filename for p in parts] == ["mydata.zip"]
    archive = unzip(parts[0].data)
    document = json.loads(archive.read("mydata.json"))
    [made] = document["generations"]
    assert [archive.read(image["file"]) for image in made["images"]] == [
        world.blobs.blobs[k][0] for k in made["image_keys"]
    ]
    [reference] = made["references"]
    assert reference["file"].startswith("references/") and archive.read(reference["file"]) == PNG
    assert all(name.startswith(("images/", "references/", "mydata.json")) for name in archive.namelist())


async def test_an_archive_over_the_upload_limit_is_split_into_parts_that_each_fit(world: World) -> None:
    await world.member(credits=10)
    await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a fox", count=3), TARGET)
    await run_queue(world)
    for key in list(world.blobs.blobs):
        world.blobs.blobs[key] = (PNG + b"\0" * 400_000, "image/png")

    parts = await exports.archive(world.deps, ALICE, 500_000)

    assert parts is not None and [p.filename for p in parts] == [f"mydata-{n}-of-3.zip" for n in (1, 2, 3)]
    assert all(len(p.data) <= 500_000 for p in parts)
    names = [name for p in parts for name in unzip(p.data).namelist()]
    assert names.count("mydata.json") == 1 and len([n for n in names if n.startswith("images/")]) == 3


async def test_an_image_too_large_for_any_part_is_listed_with_its_web_link_not_dropped_silently(world: World) -> None:
    await world.member(credits=10)
    await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a fox"), TARGET)
    await run_queue(world)
    [key] = [k for k in world.blobs.blobs]
    world.blobs.blobs[key] = (PNG + b"\0" * 2 * MB, "image/png")

    parts = await exports.archive(world.deps, ALICE, 1 * MB)

    assert parts is not None
    [image] = json.loads(unzip(parts[0].data).read("mydata.json"))["generations"][0]["images"]
    assert image["included"] is False and image["link"].startswith("https://blobs.test/")


async def test_nothing_held_means_no_archive(world: World) -> None:
    assert await exports.archive(world.deps, ALICE, MB) is None


async def test_a_kept_export_is_deleted_once_its_link_has_expired(world: World) -> None:
    account = await world.member()
    [part] = await exports.archive(world.deps, ALICE, MB) or []
    await exports.keep(world.deps, account, part)
    ttl = world.deps.policy.link_ttl_s

    world.clock.advance(ttl - 1)
    kept = await exports.purge_expired(world.deps)
    world.clock.advance(2)
    gone = await exports.purge_expired(world.deps)

    assert (kept, gone) == (0, 1)
    assert await world.blobs.keys(privacy.EXPORTS_PREFIX) == []


async def test_the_worker_sweep_deletes_expired_exports(world: World) -> None:
    account = await world.member()
    [part] = await exports.archive(world.deps, ALICE, MB) or []
    await exports.keep(world.deps, account, part)
    world.clock.advance(world.deps.policy.link_ttl_s + 1)

    await Worker(world.deps)._purge_exports()

    assert await world.blobs.keys(privacy.EXPORTS_PREFIX) == []


async def test_deleting_the_account_deletes_its_unexpired_exports(world: World) -> None:
    account = await world.member()
    [part] = await exports.archive(world.deps, ALICE, MB) or []
    await exports.keep(world.deps, account, part)

    code = await privacy.request_deletion(world.deps, ALICE)
    await privacy.confirm_deletion(world.deps, ALICE, code)

    assert world.blobs.blobs == {}


async def test_the_export_document_never_holds_a_server_path(world: World) -> None:
    await world.member()
    await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt="a fox"), TARGET)
    await run_queue(world)

    async def path_link(key: str, expires_s: int) -> str:
        return f"/srv/bot/data/images/{key}"

    world.blobs.link = path_link  # type: ignore[method-assign]
    parts = await exports.archive(world.deps, ALICE, MB)

    assert parts is not None and b"/srv/bot" not in unzip(parts[0].data).read("mydata.json")
