"""Link codes, as pure functions: a short one-time code a person can type on another platform, and the keyed hash
the Store keeps instead of it (the same HMAC approach as core.abuse: without the server key the hash cannot be
turned back into a code or checked against guesses)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

# No 0/O, 1/I/L: a code read on one screen and typed on another must not be ambiguous. 31 symbols, 8 of them:
# ~2^39.6 codes, against a handful of guesses per person and a global cap (core.usecases.linking).
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def shown(code: str) -> str:
    """ABCD-EFGH: easier to read out and type."""
    half = CODE_LENGTH // 2
    return f"{code[:half]}-{code[half:]}"


def parse_code(text: str) -> str | None:
    """The code in what a person typed (any case, spaces or dashes), or None if it cannot be one."""
    code = "".join(ch for ch in text.upper() if ch.isalnum())
    return code if len(code) == CODE_LENGTH and all(ch in ALPHABET for ch in code) else None


def code_hash(key: bytes, code: str) -> str:
    """What the Store keeps of a code."""
    return hmac.new(key, f"link:{code}".encode(), hashlib.sha256).hexdigest()
