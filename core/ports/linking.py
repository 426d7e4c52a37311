"""The Store's linking part: one-time link codes (kept hashed), joining an identity to an account, merging two
accounts that both have history (one transaction), and detaching an identity again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from core.models import Identity, LinkedIdentity, Platform


@dataclass(frozen=True)
class LinkCode:
    """A code as stored: never the code itself, only its keyed hash; `used_at` once a link went through with it."""

    code_hash: str
    account_id: str
    platform: Platform
    label: str
    expires_at: datetime
    used_at: datetime | None = None


@dataclass(frozen=True)
class LinkRequest:
    """Join `identity` to the account that issued the code hashed as `code_hash` (`day` is today, for free use)."""

    code_hash: str
    identity: Identity
    label: str
    day: date
    now: datetime


class LinkStatus(StrEnum):
    LINKED = "linked"  # the identity had no account: it joined the code's account
    MERGED = "merged"  # the identity's account (with its history) became part of the code's account
    ALREADY_LINKED = "already_linked"  # nothing to do: the identity is on the code's account already
    INVALID = "invalid"  # unknown, expired or used code
    SAME_PLATFORM = "same_platform"  # both sides hold an identity on one platform (`platform`)
    TWO_PLANS = "two_plans"  # both accounts hold a subscription
    IN_FLIGHT = "in_flight"  # the joining account has a generation queued or running
    BEING_DELETED = "being_deleted"  # one of the accounts is past the deletion fence


@dataclass(frozen=True)
class LinkResult:
    status: LinkStatus
    account_id: str | None = None  # the account the identity belongs to afterwards (or the code's account)
    platform: Platform | None = None  # SAME_PLATFORM: the platform both sides hold


class UnlinkStatus(StrEnum):
    UNLINKED = "unlinked"
    NOT_LINKED = "not_linked"  # the account holds no identity on that platform
    LAST = "last"  # the only identity left: deleting the account is /deleteme
    BEING_DELETED = "being_deleted"


class LinkStore(Protocol):
    async def save_link_code(self, code: LinkCode, identity: Identity, now: datetime) -> None:
        """Keep `code` as the account's one live code (an earlier one of the account stops working) and `code.label`
        as the name of `identity`; expired codes of everyone go."""
        ...

    async def find_link_code(self, code_hash: str) -> LinkCode | None:
        """The code stored under this hash, used or not, expired or not (None when unknown)."""
        ...

    async def link_identity(self, req: LinkRequest) -> LinkResult:
        """Join the identity to the code's account, in one transaction, exactly once.

        With no account of its own, the identity moves over (LINKED). With an account of its own, the two merge
        (MERGED): the code's account survives; the other account's paid balance is closed by a `merge` entry
        (`merge-out:<id>`) and opened on the survivor (`merge-in:<id>`), and today's free use becomes the higher
        of the two; its generations, ledger, payments, identities and every other row keyed by the account move
        to the survivor; its plan moves over when the survivor has none; later references to the old account id
        reach the survivor (get_account). Refused, with nothing written: INVALID (unknown, expired, or used by
        someone else), SAME_PLATFORM, TWO_PLANS, IN_FLIGHT (the joining account has unfinished work),
        BEING_DELETED. The code is used up by the first success; confirming again reports ALREADY_LINKED.
        """
        ...

    async def unlink_identity(self, account_id: str, platform: Platform) -> UnlinkStatus:
        """Detach the account's identity on `platform` (its history stays with the account), unless it is the last."""
        ...

    async def merged_ids(self, account_id: str) -> list[str]:
        """The ids of the accounts merged into this one (their stored files are still named by them)."""
        ...

    async def linked_identities(self, account_id: str) -> list[LinkedIdentity]:
        """The account's identities with their names, oldest first ([] for an unknown account)."""
        ...
