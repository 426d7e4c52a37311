"""An offline image generator: draws a clearly labelled preview with Pillow, so the bot works with no credentials.

It follows the same submit → task id → status → download protocol as KIE.ai; results are files in a folder,
so a task survives a restart like a real provider task does.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import uuid
from pathlib import Path

from PIL import Image, ImageDraw

from adapters.local.preview_text import PreviewWriter
from core.errors import ErrorCode, ProviderError
from core.models import ImageSpec, TaskRef, TaskState, TaskStatus
from core.ports import LostTasks
from core.texts import t

NOMINAL_LONG_SIDE = {"1K": 1024, "2K": 2048, "4K": 3840}
RATIOS = {"auto": (1, 1), "1:1": (1, 1), "9:16": (9, 16), "16:9": (16, 9), "4:3": (4, 3), "3:4": (3, 4)}
PREVIEW_LONG_SIDE = 768


def nominal_size(spec: ImageSpec) -> tuple[int, int]:
    w, h = RATIOS[spec.aspect_ratio]
    long_side = NOMINAL_LONG_SIDE[spec.resolution]
    return (long_side, round(long_side * h / w)) if w >= h else (round(long_side * w / h), long_side)


def render_preview(spec: ImageSpec, seed: int) -> bytes:
    """A PNG that says plainly it is an offline preview: the prompt (any script), its real size and the seed."""
    nominal = nominal_size(spec)
    scale = PREVIEW_LONG_SIDE / max(nominal)
    size = (max(1, round(nominal[0] * scale)), max(1, round(nominal[1] * scale)))
    image = _gradient(size, seed)
    draw = ImageDraw.Draw(image)
    margin = 24
    right = size[0] - margin
    draw.rectangle([(margin - 8, margin - 8), (right + 8, size[1] - margin + 8)], outline="white", width=3)
    PreviewWriter(28).draw(draw, margin, right, margin, t("preview_title"), stroke=2)
    body = PreviewWriter(20)
    footer = body.wrap(preview_footer(spec, size, seed), right - margin, max_lines=2)
    room = (size[1] - margin * 2 - 44 - 26 * len(footer) - 8) // 26
    y = margin + 44
    for line in body.wrap(spec.prompt, right - margin, max_lines=max(1, room)):
        body.draw(draw, margin, right, y, line, stroke=1)
        y += 26
    y = size[1] - margin - 26 * len(footer)
    for line in footer:
        body.draw(draw, margin, right, y, line, stroke=1)
        y += 26
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def preview_footer(spec: ImageSpec, size: tuple[int, int], seed: int) -> str:
    """The preview's real pixel size first, then the size a real image would have."""
    nominal = nominal_size(spec)
    footer = t(
        "preview_footer",
        width=str(size[0]),  # pixel sizes and the seed are identifiers, not amounts: no digit grouping
        height=str(size[1]),
        nominal_width=str(nominal[0]),
        nominal_height=str(nominal[1]),
        resolution=spec.resolution,
        aspect_ratio=spec.aspect_ratio,
        seed=str(seed),
    )
    if spec.reference_urls:
        footer += t("preview_references", count=len(spec.reference_urls))
    return footer


def _gradient(size: tuple[int, int], seed: int) -> Image.Image:
    top = ((seed >> 16) & 0xFF, (seed >> 8) & 0xFF, seed & 0xFF)
    bottom = tuple(255 - c for c in top)
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(size[1]):
        f = y / max(size[1] - 1, 1)
        draw.line([(0, y), (size[0], y)], fill=tuple(round(a + (b - a) * f) for a, b in zip(top, bottom, strict=True)))
    return image


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
