"""The image service (submit → status → download), its reference links, and prompt screening."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from core.models import ImageSpec, ModerationResult, TaskRef, TaskStatus


class LostTasks(StrEnum):
    """How a task whose id was lost (a crash right after the create call) is found again."""

    RESUBMIT = "resubmit"  # submitting the same TaskRef again is harmless (idempotent, or free)
    REPORTED = "reported"  # the provider reports every task to us later with its TaskRef (a callback)
    LOST = "lost"  # it cannot be found: the slot fails and is refunded rather than paid twice


class ReferenceLinks(Protocol):
    """A URL by which the image service itself can fetch a stored reference image (an edit's input).

    Without one, references are handed over as the BlobStore's links (signed Storage URLs, or local paths for
    the offline generator).
    """

    async def url(self, key: str) -> str: ...


class ImageGenerator(Protocol):
    """An async image service: submit → task id → status → result bytes. One image per task."""

    @property
    def lost_tasks(self) -> LostTasks: ...

    async def submit(self, spec: ImageSpec, ref: TaskRef) -> str:
        """Create one task for the image `ref` names (the provider may echo `ref` back, e.g. in its callback)."""
        ...

    async def status(self, task_id: str) -> TaskStatus: ...

    async def download(self, task_id: str, url: str) -> bytes:
        """The result image's bytes (PNG/JPEG/WebP), checked and size-capped."""
        ...


class Moderator(Protocol):
    async def screen(self, prompt: str, account_id: str) -> ModerationResult:
        """Raises ProviderError(MODERATION_UNAVAILABLE) when it cannot decide: callers fail closed."""
        ...
