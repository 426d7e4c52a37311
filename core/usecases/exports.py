"""`/mydata` as files a person can download: a zip of the JSON document and every image and reference kept for
them, split into parts that fit the chat's upload limit. Nothing is stored to do this; the console, which has no
upload, keeps its archive as an export that is deleted when its link expires (`purge_expired`, run by the
worker's sweep); a deleted account's exports go with it (privacy.confirm_deletion)."""

from __future__ import annotations

import io
import json
import logging
import uuid
import zipfile
from dataclasses import dataclass, field
from typing import Any

from core.deps import Deps
from core.errors import ErrorCode, ProviderError
from core.models import Generation, Identity
from core.usecases import privacy
from core.usecases.privacy import EXPORTS_PREFIX

log = logging.getLogger(__name__)

ZIP_ENTRY_OVERHEAD = 200  # local header + central directory entry, generously


@dataclass(frozen=True)
class ExportPart:
    filename: str
    data: bytes


@dataclass
class _Parts:
    """Greedy packing of files into zips of at most `max_bytes` each. Everything is stored uncompressed: images
    are compressed already, and the JSON stays readable as it is (sizes are then known before writing)."""

    max_bytes: int
    buffers: list[io.BytesIO] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)

    def add(self, name: str, data: bytes) -> int | None:
        """Adds the file; returns its part number (1-based), or None when it cannot fit in any part."""
        need = len(data) + len(name) + ZIP_ENTRY_OVERHEAD
        if need > self.max_bytes:
            return None
        if not self.buffers or self.sizes[-1] + need > self.max_bytes:
            self.buffers.append(io.BytesIO())
            self.sizes.append(22)  # end of central directory
        return self._write(len(self.buffers) - 1, name, data, need)

    def add_first_fitting(self, name: str, data: bytes) -> int | None:
        need = len(data) + len(name) + ZIP_ENTRY_OVERHEAD
        for index, size in enumerate(self.sizes):
            if size + need <= self.max_bytes:
                return self._write(index, name, data, need)
        return self.add(name, data)

    def _write(self, index: int, name: str, data: bytes, need: int) -> int:
        with zipfile.ZipFile(self.buffers[index], "a", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(name, data)
        self.sizes[index] += need
        return index + 1

    def files(self) -> list[ExportPart]:
        count = len(self.buffers)
        return [
            ExportPart("mydata.zip" if count == 1 else f"mydata-{n}-of-{count}.zip", buffer.getvalue())
            for n, buffer in enumerate(self.buffers, start=1)
        ]


async def archive(deps: Deps, identity: Identity, max_part_bytes: int) -> list[ExportPart] | None:
    """The export as zip parts (`mydata.json` + `images/…` + `references/…`), or None when nothing is held.

    Images are read one at a time; one too large for any part is listed in the JSON instead (with a web link
    when the store gives one), never as a server path."""
    document = await privacy.export_data(deps, identity)
    if document is None:
        return None
    account_id = str(document["account"]["id"])
    generations = await deps.store.generations(account_id)
    parts = _Parts(max_part_bytes)
    files: dict[str, dict[str, Any]] = {}
    for key in _stored_keys(generations):
        files[key] = await _pack(deps, parts, account_id, key)
    for entry in document["generations"]:
        entry["images"] = [files[k] for k in entry.get("image_keys", []) if k in files]
        request = entry.get("request") or {}
        entry["references"] = [files[k] for k in request.get("reference_keys", []) if k in files]
    data = json.dumps(document, indent=2, ensure_ascii=False).encode()
    if parts.add_first_fitting("mydata.json", data) is None:
        raise ProviderError(ErrorCode.STORAGE_FAILED, "the export document alone is over the limit")
    return parts.files()


def _stored_keys(generations: list[Generation]) -> list[str]:
    keys: list[str] = []
    for generation in generations:
        for key in (*generation.image_keys, *generation.request.reference_keys):
            if key not in keys:
                keys.append(key)
    return keys


async def _pack(deps: Deps, parts: _Parts, account_id: str, key: str) -> dict[str, Any]:
    name = _archive_name(account_id, key)
    try:
        data = await deps.blobs.get(key)
    except Exception:
        log.warning("export: a stored image could not be read", extra={"account_id": account_id})
        return {"file": name, "included": False, "reason": "not available any more"}
    part = parts.add(name, data)
    if part is not None:
        return {"file": name, "included": True, "part": part}
    entry: dict[str, Any] = {"file": name, "included": False, "reason": "too large to attach here"}
    link = await deps.blobs.link(key, deps.policy.link_ttl_s)
    if link.startswith(("https://", "http://")):
        entry["link"] = link
    return entry


def _archive_name(account_id: str, key: str) -> str:
    """`<account>/<generation>/0.png` → `images/<generation>/0.png`; `<account>/refs/x.png` → `references/x.png`."""
    inner = key.removeprefix(f"{account_id}/")
    if inner.startswith("refs/"):
        return "references/" + inner.removeprefix("refs/")
    return "images/" + inner


# --- kept exports (the console) -------------------------------------------------------------------------------


async def keep(deps: Deps, account_id: str, part: ExportPart) -> str:
    """Store one archive part until its link expires; returns the link (a path with the local store)."""
    ttl = deps.policy.link_ttl_s
    expires = int(deps.clock.now().timestamp()) + ttl
    key = f"{EXPORTS_PREFIX}/{account_id}/{expires}-{uuid.uuid4().hex[:8]}-{part.filename}"
    await deps.blobs.put(key, part.data, "application/zip")
    return await deps.blobs.link(key, ttl)


async def purge_expired(deps: Deps) -> int:
    """Delete every kept export whose link has expired; returns how many went."""
    now = deps.clock.now().timestamp()
    expired = [key for key in await deps.blobs.keys(EXPORTS_PREFIX) if _expires_at(key) <= now]
    if expired:
        await deps.blobs.delete(expired)
    return len(expired)


def _expires_at(key: str) -> float:
    head = key.rsplit("/", 1)[-1].split("-", 1)[0]
    return float(head) if head.isdigit() else 0.0  # a name we did not write: treat as expired
