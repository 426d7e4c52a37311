"""What a component's custom_id carries (`gib:<kind>:<arg>`): read one way by every button and menu."""

from __future__ import annotations

import re
from typing import Any

from discord.ui import DynamicItem

from core.errors import DomainError, ErrorCode

GENERATION_ID = re.compile(r"[0-9a-f]{32}")


def button_arg(item: DynamicItem[Any]) -> str:
    """The part of the item's custom_id its template names `arg` ('' when it does not match)."""
    match = item.template.fullmatch(item.custom_id)
    return match["arg"] if match else ""


def generation_ref(value: str) -> str:
    """A generation id taken from a custom_id; anything else is NOT_FOUND (custom_ids come from the client)."""
    if not GENERATION_ID.fullmatch(value):
        raise DomainError(ErrorCode.NOT_FOUND)
    return value
