"""A Bot API error answer of the fake: `{"ok": false, "error_code", "description", "parameters"?}` with that HTTP
status (shared by the fake server and the Stars ledger mixed into it)."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters
