"""Telegram's size limits (Bot API docs), as pure functions: what can go as a photo, what must go as a file."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image

MB = 1024 * 1024
PHOTO_MAX_BYTES = 10 * MB
PHOTO_MAX_SIDES_SUM = 10_000
PHOTO_MAX_RATIO = 20.0
DOCUMENT_MAX_BYTES_CLOUD = 50 * MB
DOCUMENT_MAX_BYTES_SELF_HOSTED = 2000 * MB
GET_FILE_MAX_BYTES_CLOUD = 20 * MB
CAPTION_MAX = 1024
MESSAGE_MAX = 4096
CALLBACK_DATA_MAX_BYTES = 64
MEDIA_GROUP_MAX = 10
INVOICE_TITLE_MAX = 32
INVOICE_DESCRIPTION_MAX = 255
INVOICE_PAYLOAD_MAX_BYTES = 128


@dataclass(frozen=True)
class FileLimits:
    """Upload/download limits of the Bot API server in use (a self-hosted server lifts them)."""

    document_max_bytes: int = DOCUMENT_MAX_BYTES_CLOUD
    download_max_bytes: int | None = GET_FILE_MAX_BYTES_CLOUD

    @classmethod
    def for_server(cls, self_hosted: bool) -> FileLimits:
        if self_hosted:
            return cls(document_max_bytes=DOCUMENT_MAX_BYTES_SELF_HOSTED, download_max_bytes=None)
        return cls()


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from the image header (no full decode); None when unreadable."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.size
    except Exception:
        return None


def fits_photo(data: bytes) -> bool:
    """True when Telegram accepts the bytes as a photo: ≤ 10 MB, w + h ≤ 10000, ratio ≤ 20."""
    if len(data) > PHOTO_MAX_BYTES:
        return False
    size = image_size(data)
    if size is None:
        return False
    width, height = size
    if width <= 0 or height <= 0 or width + height > PHOTO_MAX_SIDES_SUM:
        return False
    return max(width, height) / min(width, height) <= PHOTO_MAX_RATIO


def clip(text: str, limit: int) -> str:
    """Cut text to a Telegram length limit, marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
