"""Creem's two signatures: webhooks (HMAC-SHA256 of the raw body) and the success redirect (salted SHA-256).

Webhook: header `creem-signature` = lowercase hex HMAC-SHA256(key=webhook secret, msg=raw body), no prefix and no
timestamp (docs.creem.io/code/webhooks). Redirect: hex SHA-256 of the query params in arrival order, `signature` and
null/empty values left out, joined `k=v|k=v|…|salt=<api key>` (docs.creem.io/features/checkout/checkout-api, as
corrected by armitage-labs/creem PR 72).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from urllib.parse import parse_qsl

SIGNATURE_HEADER = "creem-signature"


def webhook_signature(raw_body: bytes, secret: str) -> str:
    """The signature Creem puts in `creem-signature` for this exact body."""
    return hmac.new(secret.encode(), raw_body, hashlib.sha256).hexdigest()


def verify_webhook(raw_body: bytes, signature_header: str | None, secret: str) -> bool:
    """True only if the header matches the HMAC of the bytes received (never of re-serialised JSON)."""
    if not signature_header or not secret:
        return False
    expected = webhook_signature(raw_body, secret)
    given = signature_header.strip().lower()
    return hmac.compare_digest(expected.encode(), given.encode("utf-8", "replace"))


def _signed_pairs(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(k, v) for k, v in pairs if k != "signature" and v not in ("", "null")]


def redirect_signature(pairs: Iterable[tuple[str, str]], api_key: str) -> str:
    """The redirect signature for these query params (in the order given)."""
    canonical = "|".join(f"{k}={v}" for k, v in _signed_pairs(pairs)) + f"|salt={api_key}"
    return hashlib.sha256(canonical.encode()).hexdigest()


def verify_redirect(raw_query: str, api_key: str) -> bool:
    """`raw_query` is the query string as received, without '?'. A courtesy check: it never grants anything."""
    if not api_key:
        return False
    pairs = parse_qsl(raw_query.lstrip("?"), keep_blank_values=True)
    signature = next((v for k, v in pairs if k == "signature"), "")
    if not signature:
        return False
    expected = redirect_signature(pairs, api_key)
    return hmac.compare_digest(expected.encode(), signature.strip().lower().encode("utf-8", "replace"))
