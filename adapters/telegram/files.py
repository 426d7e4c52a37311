"""Reference images from Telegram, downloaded within a byte limit whatever the Bot API server allows.

The size Telegram announces (on the message, then on getFile) is checked before anything is fetched, and the
download itself is streamed and cut off past the limit: a self-hosted Bot API server serves files up to 2 GB and
may not announce a size at all, so a 50 MB "photo" never reaches memory whole.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
from telegram import Bot, Document, PhotoSize

from adapters.telegram.limits import MB, FileLimits
from core.errors import DomainError, ErrorCode

CHUNK_BYTES = 64 * 1024


class ReferenceTooLarge(Exception):
    """The file is larger than the limit (announced, or found while streaming)."""


class ReferenceDownloads:
    """One HTTP client for Telegram's file server (opened on first use; `aclose` at shutdown)."""

    def __init__(self, limits: FileLimits, reference_max_bytes: int) -> None:
        cap = limits.download_max_bytes
        self.max_bytes = reference_max_bytes if cap is None else min(cap, reference_max_bytes)
        self._http: httpx.AsyncClient | None = None

    async def fetch(self, bot: Bot, source: PhotoSize | Document) -> bytes:
        """The file's bytes; DomainError with a friendly text when it is too large or cannot be fetched."""
        too_large = DomainError(ErrorCode.INVALID_OPTION, "reference_too_large", mb=self.max_bytes // MB)
        if (source.file_size or 0) > self.max_bytes:
            raise too_large
        tg_file = await bot.get_file(source.file_id)
        if (tg_file.file_size or 0) > self.max_bytes or not tg_file.file_path:
            raise too_large
        try:
            return await self._read(tg_file.file_path)
        except ReferenceTooLarge:
            raise too_large from None
        except (httpx.HTTPError, OSError):
            raise DomainError(ErrorCode.INVALID_OPTION, "reference_download_failed") from None

    async def _read(self, file_path: str) -> bytes:
        if not file_path.startswith(("http://", "https://")):  # a self-hosted server in --local mode: a path
            return await asyncio.to_thread(_read_local, Path(file_path), self.max_bytes)
        if self._http is None:
            self._http = httpx.AsyncClient(timeout=httpx.Timeout(60.0, connect=10.0))
        return await read_capped(self._http, file_path, self.max_bytes)

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()


async def read_capped(http: httpx.AsyncClient, url: str, max_bytes: int) -> bytes:
    """GET `url`, streaming, and stop reading (closing the connection) once more than `max_bytes` arrived."""
    async with http.stream("GET", url) as response:
        response.raise_for_status()
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise ReferenceTooLarge
        data = bytearray()
        async for chunk in response.aiter_bytes(CHUNK_BYTES):
            data += chunk
            if len(data) > max_bytes:
                raise ReferenceTooLarge
    return bytes(data)


def _read_local(path: Path, max_bytes: int) -> bytes:
    with path.open("rb") as file:
        data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ReferenceTooLarge
    return data
