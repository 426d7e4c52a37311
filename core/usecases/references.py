"""Reference images a person sends to edit: checked before anything is charged, kept only for a request that is
going ahead, and removed again when it is refused (a refused /imagine leaves nothing stored)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence

from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.validation import EXTENSIONS, sniff_image_type

log = logging.getLogger(__name__)

MAX_REFERENCE_BYTES = 20 * 1024 * 1024


def check(references: Sequence[bytes], room: int) -> list[str]:
    """The content type of each reference image; refuses non-images, oversized ones and too many (pure)."""
    if len(references) > max(room, 0):
        raise DomainError(ErrorCode.TOO_MANY_REFERENCES, limit=max(room, 0))
    kinds = [sniff_image_type(data) for data in references]
    if any(kind is None for kind in kinds) or any(len(data) > MAX_REFERENCE_BYTES for data in references):
        raise DomainError(ErrorCode.INVALID_OPTION, "reference_invalid")
    return [kind for kind in kinds if kind is not None]


async def keep(deps: Deps, account_id: str, references: Sequence[bytes], kinds: Sequence[str]) -> tuple[str, ...]:
    keys: list[str] = []
    try:
        for data, kind in zip(references, kinds, strict=True):
            key = f"{account_id}/refs/{uuid.uuid4().hex}.{EXTENSIONS[kind]}"
            await deps.blobs.put(key, data, kind)
            keys.append(key)
        if keys:
            after = await deps.store.get_account(account_id)
            if after is None or after.being_deleted:  # the deletion started meanwhile: keep nothing of this person
                raise DomainError(ErrorCode.ACCOUNT_BEING_DELETED)
    except BaseException:
        await discard(deps, keys)
        raise
    return tuple(keys)


async def discard(deps: Deps, keys: Sequence[str]) -> None:
    """Best effort: a reference kept for a request that was then refused."""
    if not keys:
        return
    try:
        await deps.blobs.delete(keys)
    except Exception:
        log.warning("refused request's references not deleted", extra={"count": len(keys)})
