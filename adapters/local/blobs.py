"""Images in a local folder (the embedded default); links are plain file paths."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Sequence
from pathlib import Path


class LocalBlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root):
            raise ValueError("blob key escapes the store")
        return path

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        await asyncio.to_thread(self._write, self.path(key), data)

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)

    async def get(self, key: str) -> bytes:
        return await asyncio.to_thread(self.path(key).read_bytes)

    async def link(self, key: str, expires_s: int) -> str:
        return str(self.path(key))

    async def delete(self, keys: Sequence[str]) -> None:
        for key in keys:
            await asyncio.to_thread(self.path(key).unlink, True)

    async def keys(self, prefix: str) -> list[str]:
        return await asyncio.to_thread(self._keys, self.path(prefix))

    def _keys(self, folder: Path) -> list[str]:
        if not folder.is_dir():
            return []
        found = (p for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".tmp"))
        return sorted(p.relative_to(self.root).as_posix() for p in found)

    async def delete_prefix(self, prefix: str) -> None:
        folder = self.path(prefix)
        if folder != self.root:
            await asyncio.to_thread(shutil.rmtree, folder, True)
