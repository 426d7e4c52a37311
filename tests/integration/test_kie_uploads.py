"""KIE's file-upload API (KieFileUploader, KieReferenceLinks) against FakeKie's upload endpoints over real HTTP."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from adapters.kie.client import kie_http_client
from adapters.kie.uploads import UPLOAD_FOLDER, KieFileUploader, KieReferenceLinks
from adapters.local.blobs import LocalBlobStore
from core.errors import ErrorCode, ProviderError
from tests.fakes.kie import FakeKie, Reply, png_bytes

API_KEY = "kie-upload-key"


@dataclass
class Clock:
    """One clock for the fake's file expiry (seconds) and the links' reuse (datetimes)."""

    current: datetime = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    sleeps: list[float] = field(default_factory=list)

    def now(self) -> datetime:
        return self.current

    def seconds(self) -> float:
        return self.current.timestamp()

    def advance(self, hours: float) -> None:
        self.current += timedelta(hours=hours)

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        await asyncio.sleep(0)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def kie(clock: Clock) -> AsyncIterator[FakeKie]:
    async with FakeKie(api_key=API_KEY, clock=clock.seconds) as fake:
        yield fake


@pytest.fixture
async def http(kie: FakeKie) -> AsyncIterator[httpx.AsyncClient]:
    async with kie_http_client(kie.base_url, timeout_s=5.0) as client:
        yield client


def uploader(http: httpx.AsyncClient, clock: Clock, api_key: str = API_KEY) -> KieFileUploader:
    return KieFileUploader(http, api_key=api_key, max_retries=2, sleep=clock.sleep)


@pytest.fixture
async def blobs(tmp_path: Path) -> LocalBlobStore:
    store = LocalBlobStore(tmp_path / "images")
    await store.put("acct/refs/a.png", png_bytes(7, size=16), "image/png")
    return store


async def test_an_uploaded_image_comes_back_as_a_public_download_url_with_the_same_bytes(
    http: httpx.AsyncClient, kie: FakeKie, clock: Clock
) -> None:
    image = png_bytes(3, size=16)

    uploaded = await uploader(http, clock).upload(image, "image/png")

    url = uploaded.url()
    assert url is not None and url.startswith(kie.base_url)
    [request] = kie.paths("/api/file-stream-upload")
    assert request.headers["Authorization"] == f"Bearer {API_KEY}"
    assert request.headers["Content-Type"].startswith("multipart/form-data")
    [stored] = kie.uploads.values()
    assert stored.path.startswith(f"{UPLOAD_FOLDER}/") and stored.mime_type == "image/png"
    async with httpx.AsyncClient() as client:
        assert (await client.get(url)).content == image


async def test_a_reference_is_uploaded_once_and_its_link_reused_while_it_is_valid(
    http: httpx.AsyncClient, kie: FakeKie, clock: Clock, blobs: LocalBlobStore
) -> None:
    links = KieReferenceLinks(uploader(http, clock), blobs, clock)

    together = await asyncio.gather(*(links.url("acct/refs/a.png") for _ in range(4)))
    clock.advance(hours=21)
    later = await links.url("acct/refs/a.png")

    assert len(set(together)) == 1 and later == together[0]
    assert len(kie.paths("/api/file-stream-upload")) == 1


async def test_a_link_close_to_kies_24_hour_expiry_is_uploaded_again(
    http: httpx.AsyncClient, kie: FakeKie, clock: Clock, blobs: LocalBlobStore
) -> None:
    links = KieReferenceLinks(uploader(http, clock), blobs, clock)
    first = await links.url("acct/refs/a.png")

    clock.advance(hours=23)
    second = await links.url("acct/refs/a.png")

    assert second != first
    assert len(kie.paths("/api/file-stream-upload")) == 2
    async with httpx.AsyncClient() as client:
        assert (await client.get(second)).content == await blobs.get("acct/refs/a.png")
        clock.advance(hours=2)
        assert (await client.get(first)).status_code == 404  # KIE deleted the first copy


async def test_a_rejected_key_is_an_operator_problem_not_the_persons(
    http: httpx.AsyncClient, kie: FakeKie, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(ProviderError) as refused:
        await uploader(http, clock, api_key="wrong").upload(png_bytes(1), "image/png")

    assert refused.value.code is ErrorCode.PROVIDER_UNAVAILABLE
    assert "KIE_API_KEY" in caplog.text
    assert "wrong" not in caplog.text


async def test_server_errors_are_retried_and_a_bad_file_is_refused_without_retrying(
    http: httpx.AsyncClient, kie: FakeKie, clock: Clock
) -> None:
    kie.upload_replies.extend([Reply(500, "Server Error"), Reply(500, "Server Error")])
    uploaded = await uploader(http, clock).upload(png_bytes(2), "image/png")
    kie.upload_replies.append(Reply(400, "File type not supported"))

    with pytest.raises(ProviderError) as refused:
        await uploader(http, clock).upload(b"not an image", "application/octet-stream")

    assert uploaded.url() is not None
    assert len(clock.sleeps) == 2
    assert refused.value.code is ErrorCode.GENERATION_FAILED
    assert "File type not supported" in refused.value.detail
    assert len(kie.paths("/api/file-stream-upload")) == 4


async def test_an_upload_host_that_stays_down_is_a_retryable_outage(
    http: httpx.AsyncClient, kie: FakeKie, clock: Clock
) -> None:
    kie.upload_replies.extend([Reply(500, "Server Error")] * 3)

    with pytest.raises(ProviderError) as outage:
        await uploader(http, clock).upload(png_bytes(2), "image/png")

    assert outage.value.code is ErrorCode.PROVIDER_UNAVAILABLE and outage.value.retryable


async def test_the_fake_base64_upload_follows_the_documented_shape(http: httpx.AsyncClient, kie: FakeKie) -> None:
    image = png_bytes(5)

    answer = await http.post(
        "/api/file-base64-upload",
        json={"base64Data": "data:image/png;base64," + base64.b64encode(image).decode(), "uploadPath": "images"},
        headers={"Authorization": f"Bearer {API_KEY}"},
    )
    bad = await http.post(
        "/api/file-base64-upload",
        json={"base64Data": "%%%", "uploadPath": "images"},
        headers={"Authorization": f"Bearer {API_KEY}"},
    )

    body = answer.json()
    assert body["success"] is True and body["code"] == 200
    assert set(body["data"]) >= {"fileName", "filePath", "downloadUrl", "fileSize", "mimeType", "uploadedAt"}
    assert body["data"]["fileSize"] == len(image) and body["data"]["mimeType"] == "image/png"
    assert bad.status_code == 400 and bad.json()["success"] is False
