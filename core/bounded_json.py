"""JSON from strangers, parsed only once it is known to be shallow: a body of 100,000 `[` would otherwise make the
parser recurse until RecursionError (a 500 with a traceback) before any signature or shape check could refuse it."""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 32  # Telegram updates, Creem events and KIE callbacks nest < 12 levels

# A string (possessive, optional closing quote: never fails, so the scan stays linear) or a bracket.
_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*+"?|[\[\]{}]', re.DOTALL)


def too_deep(body: bytes, max_depth: int = MAX_DEPTH) -> bool:
    """True when arrays/objects nest deeper than `max_depth` (brackets inside strings do not count)."""
    if body.count(b"[") + body.count(b"{") <= max_depth:
        return False
    depth = 0
    for match in _TOKENS.finditer(body):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            if depth > max_depth:
                return True
        elif token in (b"]", b"}"):
            depth -= 1
    return False


def loads_bounded(body: bytes, max_depth: int = MAX_DEPTH) -> Any:
    """json.loads for untrusted bodies; ValueError (never RecursionError) for deep or malformed input."""
    if too_deep(body, max_depth):
        raise ValueError(f"JSON nested deeper than {max_depth} levels")
    return json.loads(body)
