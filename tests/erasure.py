"""The erasure check of issue 13: copies of a person's secrets left in the raw bytes of a data folder."""

from __future__ import annotations

import zipfile
from pathlib import Path


def copies(data: Path, secrets: tuple[str, ...]) -> dict[str, int]:
    """How often each secret appears in the raw bytes of every file under `data`, and inside every zip archive
    (an export is a zip: its compressed members would hide a copy from a plain scan)."""
    found: dict[str, int] = {}
    for path in sorted(p for p in data.rglob("*") if p.is_file()):
        name = str(path.relative_to(data))
        contents = {name: path.read_bytes()}
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                contents.update({f"{name}!{m}": archive.read(m) for m in archive.namelist()})
        for where, raw in contents.items():
            for secret in secrets:
                hits = raw.count(secret.encode()) + raw.count(secret.encode("utf-16-le"))
                if hits:
                    found[f"{where}: {secret}"] = found.get(f"{where}: {secret}", 0) + hits
    return found
