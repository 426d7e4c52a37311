"""BlobStore contract: the local folder and Supabase Storage (real supabase-py against the /storage/v1 fake)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from adapters.local.blobs import LocalBlobStore
from adapters.supabase.blobs import SupabaseBlobStore
from core.errors import ErrorCode, ProviderError
from core.ports import BlobStore
from tests.contract.timeline import FakeTime
from tests.fakes.supabase_storage import FakeSupabaseStorage, serve

SERVICE_KEY = "sb_secret_test_service_role_key"
PNG = b"\x89PNG\r\n\x1a\n" + b"pixels" * 10


@dataclass
class StorageRig:
    fake: FakeSupabaseStorage
    url: str
    time: FakeTime


@pytest.fixture
async def storage_rig() -> AsyncIterator[StorageRig]:
    clock = FakeTime()
    fake = FakeSupabaseStorage(SERVICE_KEY, now=clock)
    runner, url = await serve(fake)
    yield StorageRig(fake, url, clock)
    await runner.cleanup()


@pytest.fixture
async def supabase_blobs(storage_rig: StorageRig) -> AsyncIterator[SupabaseBlobStore]:
    blobs = await SupabaseBlobStore.connect(storage_rig.url, SERVICE_KEY, "images")
    yield blobs
    await blobs.aclose()


@pytest.fixture(params=["local", "supabase"])
async def blobs(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[BlobStore]:
    if request.param == "local":
        yield LocalBlobStore(tmp_path / "blobs")
        return
    rig = FakeSupabaseStorage(SERVICE_KEY)
    runner, url = await serve(rig)
    store = await SupabaseBlobStore.connect(url, SERVICE_KEY, "images")
    yield store
    await store.aclose()
    await runner.cleanup()


async def fetch(link: str) -> bytes:
    """What a consumer of the link (KIE, a person's browser, the export) would get."""
    if link.startswith("http"):
        async with httpx.AsyncClient() as client:
            response = await client.get(link)
            response.raise_for_status()
            return response.content
    return await asyncio.to_thread(Path(link).read_bytes)


async def test_a_stored_blob_reads_back_byte_for_byte(blobs: BlobStore) -> None:
    await blobs.put("acct-1/gen-1/0.png", PNG, "image/png")

    assert await blobs.get("acct-1/gen-1/0.png") == PNG


async def test_putting_the_same_key_again_replaces_the_blob(blobs: BlobStore) -> None:
    await blobs.put("acct-1/gen-1/0.png", PNG, "image/png")

    await blobs.put("acct-1/gen-1/0.png", b"second version", "image/png")

    assert await blobs.get("acct-1/gen-1/0.png") == b"second version"


async def test_a_link_fetches_the_blob(blobs: BlobStore) -> None:
    await blobs.put("acct-1/refs/r1.png", PNG, "image/png")

    link = await blobs.link("acct-1/refs/r1.png", expires_s=300)

    assert await fetch(link) == PNG


async def test_deleted_blobs_are_gone_and_deleting_missing_keys_is_fine(blobs: BlobStore) -> None:
    await blobs.put("acct-1/gen-1/0.png", PNG, "image/png")
    await blobs.put("acct-1/gen-1/1.png", PNG, "image/png")

    await blobs.delete(["acct-1/gen-1/0.png", "acct-1/never-existed.png"])

    assert await blobs.get("acct-1/gen-1/1.png") == PNG
    with pytest.raises((ProviderError, FileNotFoundError)):
        await blobs.get("acct-1/gen-1/0.png")


async def test_delete_prefix_removes_every_blob_of_one_account_only(blobs: BlobStore) -> None:
    for key in ("acct-1/gen-1/0.png", "acct-1/refs/r1.png", "acct-1/top.png", "acct-2/gen-9/0.png"):
        await blobs.put(key, PNG, "image/png")

    await blobs.delete_prefix("acct-1")

    for key in ("acct-1/gen-1/0.png", "acct-1/refs/r1.png", "acct-1/top.png"):
        with pytest.raises((ProviderError, FileNotFoundError)):
            await blobs.get(key)
    assert await blobs.get("acct-2/gen-9/0.png") == PNG


async def test_keys_lists_every_blob_under_a_prefix_at_any_depth(blobs: BlobStore) -> None:
    for key in ("exports/acct-1/100-a-mydata.zip", "exports/acct-2/200-b-mydata.zip", "acct-1/gen-1/0.png"):
        await blobs.put(key, PNG, "application/zip")

    listed = await blobs.keys("exports")

    assert sorted(listed) == ["exports/acct-1/100-a-mydata.zip", "exports/acct-2/200-b-mydata.zip"]
    assert await blobs.keys("nothing-here") == []
    await blobs.delete(listed)
    assert await blobs.keys("exports") == []


# --- Supabase only ------------------------------------------------------------------------------------------------


async def test_the_bucket_is_created_private_on_first_use(
    supabase_blobs: SupabaseBlobStore, storage_rig: StorageRig
) -> None:
    await supabase_blobs.put("acct-1/a.png", PNG, "image/png")

    bucket = storage_rig.fake.buckets["images"]
    assert bucket.public is False
    async with httpx.AsyncClient() as client:
        public = await client.get(f"{storage_rig.url}/storage/v1/object/public/images/acct-1/a.png")
    assert public.status_code == 400
    assert public.json()["statusCode"] == "404"


async def test_an_existing_bucket_is_reused(storage_rig: StorageRig) -> None:
    first = await SupabaseBlobStore.connect(storage_rig.url, SERVICE_KEY, "images")
    second = await SupabaseBlobStore.connect(storage_rig.url, SERVICE_KEY, "images")
    try:
        await first.put("k1.png", PNG, "image/png")

        await second.put("k2.png", PNG, "image/png")

        assert set(storage_rig.fake.buckets["images"].objects) == {"k1.png", "k2.png"}
    finally:
        await first.aclose()
        await second.aclose()


async def test_the_content_type_is_stored_as_given(supabase_blobs: SupabaseBlobStore, storage_rig: StorageRig) -> None:
    await supabase_blobs.put("acct-1/a.webp", b"RIFF....WEBP", "image/webp")

    assert storage_rig.fake.buckets["images"].objects["acct-1/a.webp"].content_type == "image/webp"


async def test_a_signed_link_stops_working_after_its_expiry(
    supabase_blobs: SupabaseBlobStore, storage_rig: StorageRig
) -> None:
    await supabase_blobs.put("acct-1/a.png", PNG, "image/png")
    link = await supabase_blobs.link("acct-1/a.png", expires_s=60)
    assert await fetch(link) == PNG

    storage_rig.time.now += 61

    with pytest.raises(httpx.HTTPStatusError):
        await fetch(link)


async def test_a_signed_link_cannot_be_reused_for_another_object(
    supabase_blobs: SupabaseBlobStore, storage_rig: StorageRig
) -> None:
    await supabase_blobs.put("acct-1/a.png", PNG, "image/png")
    await supabase_blobs.put("acct-2/secret.png", b"other", "image/png")
    link = await supabase_blobs.link("acct-1/a.png", expires_s=60)

    forged = link.replace("acct-1/a.png", "acct-2/secret.png")

    with pytest.raises(httpx.HTTPStatusError):
        await fetch(forged)


async def test_a_storage_outage_is_a_retryable_storage_failure(
    supabase_blobs: SupabaseBlobStore, storage_rig: StorageRig
) -> None:
    await supabase_blobs.put("acct-1/a.png", PNG, "image/png")
    storage_rig.fake.fail_with = 503

    with pytest.raises(ProviderError) as failed:
        await supabase_blobs.put("acct-1/b.png", PNG, "image/png")

    assert failed.value.code is ErrorCode.STORAGE_FAILED
    assert failed.value.retryable is True


async def test_an_unreachable_storage_server_is_a_retryable_storage_failure() -> None:
    fake = FakeSupabaseStorage(SERVICE_KEY)
    runner, url = await serve(fake)
    await runner.cleanup()  # nothing listens there any more
    blobs = await SupabaseBlobStore.connect(url, SERVICE_KEY, "images")
    try:
        with pytest.raises(ProviderError) as failed:
            await blobs.put("acct-1/a.png", PNG, "image/png")
    finally:
        await blobs.aclose()

    assert failed.value.code is ErrorCode.STORAGE_FAILED
    assert failed.value.retryable is True


async def test_reading_a_missing_blob_is_a_storage_failure_not_worth_retrying(
    supabase_blobs: SupabaseBlobStore,
) -> None:
    with pytest.raises(ProviderError) as failed:
        await supabase_blobs.get("acct-1/nothing.png")

    assert failed.value.code is ErrorCode.STORAGE_FAILED
    assert failed.value.retryable is False


async def test_a_wrong_service_key_is_refused(storage_rig: StorageRig) -> None:
    blobs = await SupabaseBlobStore.connect(storage_rig.url, "sb_secret_wrong", "images")
    try:
        with pytest.raises(ProviderError):
            await blobs.put("acct-1/a.png", PNG, "image/png")
    finally:
        await blobs.aclose()
    assert storage_rig.fake.buckets == {}
