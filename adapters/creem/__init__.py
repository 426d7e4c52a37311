"""Creem (creem.io): hosted checkouts, customer portal, signed webhooks and mandatory prompt moderation."""

from adapters.creem.client import CreemClient, CreemError, CreemModerator, CreemPayments, base_url_for_key
from adapters.creem.events import parse_event
from adapters.creem.signatures import SIGNATURE_HEADER, verify_redirect, verify_webhook

__all__ = [
    "SIGNATURE_HEADER",
    "CreemClient",
    "CreemError",
    "CreemModerator",
    "CreemPayments",
    "base_url_for_key",
    "parse_event",
    "verify_redirect",
    "verify_webhook",
]
