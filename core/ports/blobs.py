"""Blobs: stored images (results, references, exports) and a result's images read only when sent."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


class BlobStore(Protocol):
    async def put(self, key: str, data: bytes, content_type: str) -> None: ...

    async def get(self, key: str) -> bytes: ...

    async def link(self, key: str, expires_s: int) -> str:
        """A URL (signed, short-lived) or path by which the blob can be fetched."""
        ...

    async def delete(self, keys: Sequence[str]) -> None: ...

    async def delete_prefix(self, prefix: str) -> None:
        """Delete every blob under `prefix/` (all of one account's images when it is deleted)."""
        ...

    async def keys(self, prefix: str) -> list[str]:
        """Every key under `prefix/`, at any depth (the exports to expire); [] when there is none."""
        ...


@dataclass(frozen=True)
class StoredImage:
    key: str
    data: bytes


@dataclass(frozen=True)
class ResultImages:
    """A result's images by key. A messenger reads them from the BlobStore only when it is about to send them,
    so results waiting for their turn hold no image bytes (memory stays flat under a crowd). `as_files`: the
    person's setting to receive uncompressed files instead of photos (where the platform makes a difference)."""

    keys: tuple[str, ...]
    blobs: BlobStore
    as_files: bool = False

    def __len__(self) -> int:
        return len(self.keys)

    async def read(self) -> list[StoredImage]:
        return [StoredImage(key=key, data=await self.blobs.get(key)) for key in self.keys]
