"""An offline image generator: draws a clearly labelled preview with Pillow, so the bot works with no credentials.

It follows the same submit → task id → status → download protocol as KIE.ai; results are files in a folder,
so a task survives a restart like a real provider task does.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import textwrap
import uuid
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from core.errors import ErrorCode, ProviderError
from core.models import ImageSpec, TaskRef, TaskState, TaskStatus
from core.ports import LostTasks

NOMINAL_LONG_SIDE = {"1K": 1024, "2K": 2048, "4K": 3840}
RATIOS = {"auto": (1, 1), "1:1": (1, 1), "9:16": (9, 16), "16:9": (16, 9), "4:3": (4, 3), "3:4": (3, 4)}
PREVIEW_LONG_SIDE = 768


def nominal_size(spec: ImageSpec) -> tuple[int, int]:
    w, h = RATIOS[spec.aspect_ratio]
    long_side = NOMINAL_LONG_SIDE[spec.resolution]
    return (long_side, round(long_side * h / w)) if w >= h else (round(long_side * w / h), long_side)


def render_preview(spec: ImageSpec, seed: int) -> bytes:
    """A PNG that says plainly it is an offline preview, with the prompt, nominal size and seed."""
    nominal = nominal_size(spec)
    scale = PREVIEW_LONG_SIDE / max(nominal)
    size = (max(1, round(nominal[0] * scale)), max(1, round(nominal[1] * scale)))
    top = ((seed >> 16) & 0xFF, (seed >> 8) & 0xFF, seed & 0xFF)
    bottom = tuple(255 - c for c in top)
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(size[1]):
        f = y / max(size[1] - 1, 1)
        draw.line([(0, y), (size[0], y)], fill=tuple(round(a + (b - a) * f) for a, b in zip(top, bottom, strict=True)))
    title = ImageFont.load_default(size=28)
    body = ImageFont.load_default(size=20)
    margin = 24
    draw.rectangle([(margin - 8, margin - 8), (size[0] - margin + 8, size[1] - margin + 8)], outline="white", width=3)
    draw.text((margin, margin), "OFFLINE PREVIEW", font=title, fill="white", stroke_width=2, stroke_fill="black")
    chars = max(16, (size[0] - 2 * margin) // 11)
    lines = textwrap.wrap(spec.prompt, chars)[: max(1, (size[1] - 160) // 26)]
    y = margin + 44
    for line in lines:
        draw.text((margin, y), line, font=body, fill="white", stroke_width=1, stroke_fill="black")
        y += 26
    refs = f" · edited from {len(spec.reference_urls)} reference(s)" if spec.reference_urls else ""
    footer = f"{nominal[0]}x{nominal[1]} ({spec.resolution}, {spec.aspect_ratio}) · seed {seed}{refs}"
    draw.text((margin, size[1] - margin - 24), footer, font=body, fill="white", stroke_width=1, stroke_fill="black")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


class OfflineImageGenerator:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, task_id: str) -> Path:
        if not task_id.startswith("offline-") or not task_id[8:].isalnum():
            raise ProviderError(ErrorCode.GENERATION_FAILED, "unknown task")
        return self.folder / f"{task_id}.png"

    @property
    def lost_tasks(self) -> LostTasks:
        """A preview costs nothing and its task id follows from the TaskRef: drawing it again is harmless."""
        return LostTasks.RESUBMIT

    async def submit(self, spec: ImageSpec, ref: TaskRef) -> str:
        task_id = f"offline-{uuid.uuid5(uuid.NAMESPACE_URL, f'{ref.generation_id}/{ref.slot}').hex}"
        seed = int(hashlib.sha256(task_id.encode()).hexdigest()[:8], 16)
        data = await asyncio.to_thread(render_preview, spec, seed)
        await asyncio.to_thread(self._save, self._path(task_id), data)
        return task_id

    @staticmethod
    def _save(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    async def status(self, task_id: str) -> TaskStatus:
        path = self._path(task_id)
        if await asyncio.to_thread(path.exists):
            return TaskStatus(task_id=task_id, state=TaskState.SUCCEEDED, result_urls=(path.as_uri(),))
        return TaskStatus(task_id=task_id, state=TaskState.FAILED, error_code=ErrorCode.GENERATION_FAILED.value)

    async def download(self, task_id: str, url: str) -> bytes:
        path = self._path(task_id)
        data = await asyncio.to_thread(path.read_bytes)
        await asyncio.to_thread(path.unlink, True)
        return data
