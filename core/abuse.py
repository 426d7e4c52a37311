"""What abuse prevention keeps after a deletion, without keeping the person: a keyed hash of the platform identity.

Deleting the account and starting again must not reset today's free allowance or wipe an unpaid debt (a negative
balance after a chargeback). So a deletion leaves, per identity, HMAC-SHA256(server key, "platform:user id") with
today's free use (it expires at the end of the UTC day) and the debt; a new account for the same identity takes
them over once. Without the server key the hash cannot be turned back into, or matched against, a user id.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import date

from pydantic import BaseModel, ConfigDict

from core.models import Identity


class AbuseMemory(BaseModel):
    """What a deleted account leaves for one identity digest: nothing personal, only counts."""

    model_config = ConfigDict(frozen=True)

    digest: str
    free_day: date
    free_used: int = 0
    debt: int = 0


def identity_digest(key: bytes, identity: Identity) -> str:
    """The keyed hash that stands for an identity once its account is gone."""
    message = f"{identity.platform.value}:{identity.platform_user_id}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()
