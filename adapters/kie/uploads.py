"""Reference images KIE can fetch when the BlobStore has no public links: KIE's own file-upload API (kie.md §11).

Uploads go to a separate host (kieai.redpandaai.co) with the same Bearer key, as a multipart
`POST /api/file-stream-upload`. KIE deletes uploaded files after 24 hours (older docs say 3 days: assume the
shorter), so a link is reused while it has a safe margin left and uploaded again after that. Telegram file URLs
are never handed to KIE: they carry the bot token.
"""

from __future__ import annotations

import asyncio
import logging
import random
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import httpx
from pydantic import ValidationError

from adapters.kie.client import OPERATOR_CAUSES, USER_AGENT
from adapters.kie.models import UploadedFile, UploadEnvelope
from core.errors import ErrorCode, ProviderError
from core.ports import BlobStore, Clock
from core.validation import EXTENSIONS, sniff_image_type

log = logging.getLogger(__name__)

UPLOAD_BASE_URL = "https://kieai.redpandaai.co"
STREAM_UPLOAD_PATH = "/api/file-stream-upload"
UPLOAD_FOLDER = "gpt-image-bot/references"  # no account id: KIE needs none to read an image
UPLOAD_LIFETIME_S = 24 * 3600
REUSE_MARGIN_S = 2 * 3600  # longer than any generation's deadline: KIE fetches the file after createTask
MAX_REMEMBERED = 4096


class KieFileUploader:
    """One upload per call; 429, 5xx and unsent requests are retried (a retry overwrites the same file name)."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        api_key: str,
        max_retries: int = 3,
        retry_base_s: float = 0.5,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._http = client
        self._api_key = api_key
        self._max_retries = max_retries
        self._retry_base_s = retry_base_s
        self._sleep = sleep

    async def upload(self, data: bytes, content_type: str) -> UploadedFile:
        """Upload image bytes under a random name; returns KIE's answer (its `url()` is the link for a model)."""
        name = f"{uuid.uuid4().hex}.{EXTENSIONS.get(content_type, 'bin')}"
        for attempt in range(self._max_retries + 1):
            last = attempt == self._max_retries
            try:
                resp = await self._http.post(
                    STREAM_UPLOAD_PATH,
                    files={"file": (name, data, content_type)},
                    data={"uploadPath": UPLOAD_FOLDER, "fileName": name},
                    headers=self._headers(),
                )
            except httpx.TransportError as exc:
                if last:
                    raise ProviderError(
                        ErrorCode.PROVIDER_UNAVAILABLE, f"KIE file upload failed: {type(exc).__name__}", retryable=True
                    ) from exc
                await self._sleep(self._backoff(attempt))
                continue
            code, msg, uploaded = _answer(resp)
            if code == 200 and uploaded is not None and uploaded.url():
                return uploaded
            if (code == 429 or code >= 500) and code not in OPERATOR_CAUSES and not last:
                await self._sleep(self._backoff(attempt))
                continue
            raise _error(code, msg)
        raise AssertionError("unreachable")  # pragma: no cover

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._api_key}", "Accept": "application/json", "User-Agent": USER_AGENT}

    def _backoff(self, attempt: int) -> float:
        return float(self._retry_base_s * (2**attempt) * random.uniform(0.5, 1.0))


def _answer(resp: httpx.Response) -> tuple[int, str, UploadedFile | None]:
    """(effective code, msg, file): the body code rules, but a non-2xx HTTP status is never success."""
    try:
        env: UploadEnvelope | None = UploadEnvelope.model_validate(resp.json())
    except (ValueError, ValidationError):
        env = None
    if env is None:
        return (502 if resp.is_success else resp.status_code), resp.reason_phrase, None
    if not resp.is_success and env.code == 200:
        return resp.status_code, resp.reason_phrase, None
    if env.success is False and env.code == 200:
        return 502, env.msg or "upload not successful", None
    return env.code, env.msg or "", env.data


def _error(code: int, msg: str) -> ProviderError:
    cause = OPERATOR_CAUSES.get(code)
    if cause is not None:
        log.warning("KIE file upload unavailable for the operator: %s", cause)
        return ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, cause)
    if 400 <= code < 500 and code != 429:
        return ProviderError(ErrorCode.GENERATION_FAILED, f"KIE refused the reference image ({code}): {msg}")
    log.warning("KIE file upload error %s: %s", code, msg)
    return ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, f"KIE file upload error {code}: {msg}", retryable=True)


@dataclass(frozen=True)
class _Link:
    url: str
    good_until: datetime


class KieReferenceLinks:
    """core.ports.ReferenceLinks for a BlobStore without public links: upload to KIE, reuse while valid.

    Concurrent requests for one reference (the slots of a 4-image edit) share one upload. The memory is bounded
    (oldest links forgotten first); another process simply uploads its own copy.
    """

    def __init__(
        self,
        uploader: KieFileUploader,
        blobs: BlobStore,
        clock: Clock,
        *,
        lifetime_s: float = UPLOAD_LIFETIME_S,
        margin_s: float = REUSE_MARGIN_S,
        max_remembered: int = MAX_REMEMBERED,
    ) -> None:
        self._uploader = uploader
        self._blobs = blobs
        self._clock = clock
        self._usable_for = timedelta(seconds=max(lifetime_s - margin_s, 0))
        self._margin = timedelta(seconds=margin_s)
        self._max = max_remembered
        self._links: OrderedDict[str, _Link] = OrderedDict()
        self._pending: dict[str, asyncio.Future[str]] = {}

    async def url(self, key: str) -> str:
        link = self._links.get(key)
        if link is not None and link.good_until > self._clock.now():
            self._links.move_to_end(key)
            return link.url
        pending = self._pending.get(key)
        if pending is None:
            pending = asyncio.ensure_future(self._upload(key))
            self._pending[key] = pending
            pending.add_done_callback(lambda _: self._pending.pop(key, None))
        return await asyncio.shield(pending)

    async def _upload(self, key: str) -> str:
        try:
            data = await self._blobs.get(key)
        except Exception as exc:
            raise ProviderError(ErrorCode.GENERATION_FAILED, "the reference image could not be read") from exc
        uploaded = await self._uploader.upload(data, sniff_image_type(data) or "application/octet-stream")
        url = uploaded.url()
        assert url is not None  # the uploader returns only answers with a link
        good_until = self._clock.now() + self._usable_for
        expires = _parse_time(uploaded.expires_at)
        if expires is not None:
            good_until = min(good_until, expires - self._margin)
        self._links[key] = _Link(url, good_until)
        self._links.move_to_end(key)
        while len(self._links) > self._max:
            self._links.popitem(last=False)
        log.info("reference image uploaded to KIE")
        return url


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None
