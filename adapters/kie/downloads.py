"""Fetching a result image: retried on 429/5xx and lost answers, checked (type, size, magic bytes) while streamed.

Downloads never carry the API key (KIE's result URLs are signed links on other hosts)."""

from __future__ import annotations

import httpx

from adapters.kie.transport import USER_AGENT, KieTransport
from core.errors import ErrorCode, ProviderError

EXPIRED_STATUSES = frozenset({403, 404, 410})
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/jpg", "image/webp"})
NEUTRAL_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})


def image_kind(data: bytes) -> str | None:
    """The image type from magic bytes: png, jpeg or webp, else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


async def fetch_image(transport: KieTransport, url: str, max_bytes: int) -> tuple[int, bytes | None]:
    """(HTTP status, checked image bytes or None if the status was not 2xx); retries 429/5xx and lost answers."""
    for attempt in range(transport.max_retries + 1):
        last = attempt == transport.max_retries
        try:
            async with (
                transport.in_flight,
                transport.http.stream(
                    "GET", url, headers={"User-Agent": USER_AGENT, "Accept": "image/*"}, follow_redirects=True
                ) as resp,
            ):
                if resp.status_code == 429 or resp.status_code >= 500:
                    if last:
                        return resp.status_code, None
                    retry_after = resp.headers.get("Retry-After")
                elif not resp.is_success:
                    return resp.status_code, None
                else:
                    return resp.status_code, await read_image(resp, max_bytes)
        except httpx.TransportError as exc:
            if last:
                raise ProviderError(
                    ErrorCode.GENERATION_FAILED, f"result download failed: {type(exc).__name__}", retryable=True
                ) from exc
            retry_after = None
        await transport.sleep(transport.backoff(attempt, retry_after))
    raise AssertionError("unreachable")  # pragma: no cover


async def read_image(resp: httpx.Response, max_bytes: int) -> bytes:
    """The body, refused as soon as it is not an image or grows past `max_bytes` (declared or streamed)."""
    content_type = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type not in IMAGE_TYPES and content_type not in NEUTRAL_TYPES:
        raise ProviderError(ErrorCode.GENERATION_FAILED, f"result is not an image ({content_type})")
    declared = resp.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise ProviderError(ErrorCode.GENERATION_FAILED, f"result is larger than {max_bytes} bytes")
    chunks: list[bytes] = []
    total = 0
    async for chunk in resp.aiter_bytes():
        total += len(chunk)
        if total > max_bytes:
            raise ProviderError(ErrorCode.GENERATION_FAILED, f"result is larger than {max_bytes} bytes")
        chunks.append(chunk)
    data = b"".join(chunks)
    if image_kind(data) is None:
        raise ProviderError(ErrorCode.GENERATION_FAILED, "result bytes are not a PNG, JPEG or WebP image")
    return data
