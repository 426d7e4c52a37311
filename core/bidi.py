"""Right-to-left text that stays right-to-left in Telegram and Discord.

Both clients give each line (paragraph) the direction of its first strong character (Unicode bidi rules P2/P3).
An Arabic line that starts with `/imagine`, a number or an emoji would be laid out left to right, its words in the
wrong order; a RIGHT-TO-LEFT MARK before it makes the line right-to-left. A value inserted into a right-to-left
sentence (a prompt, a product's label) is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE so its own
direction never reorders the words around it.
"""

from __future__ import annotations

import unicodedata

RLM = "\u200f"
FSI = "\u2068"
PDI = "\u2069"
_RTL_CLASSES = frozenset({"R", "AL"})
_STRONG_CLASSES = frozenset({"L", "R", "AL"})


def first_strong(text: str) -> str | None:
    """The bidi class (`L`, `R` or `AL`) of the first strong character, None when there is none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _STRONG_CLASSES:
            return kind
    return None


def rtl_lines(text: str) -> str:
    """Each non-empty line made to start right-to-left (a mark only where its first strong character isn't)."""
    return "\n".join(
        line if not line or first_strong(line) in _RTL_CLASSES else RLM + line for line in text.split("\n")
    )


def isolate(value: str) -> str:
    """A value kept in its own direction inside right-to-left text (links are left as they are, so clients
    still recognise them)."""
    if not value or "://" in value or first_strong(value) != "L":
        return value
    return FSI + value + PDI


def displays_rtl(line: str) -> bool:
    """Whether a client lays this line out right to left (what the tests check every Arabic line for)."""
    return first_strong(line) in _RTL_CLASSES
