"""The Store's accounts part: identities, settings, consent, plans and the deletion fence."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from core.abuse import AbuseMemory
from core.models import FIRST_VERSIONS, Account, ConsentRecord, ConsentVersions, Identity, PlanFields, SettingsChange


class AccountStore(Protocol):
    async def find_account(self, identity: Identity) -> Account | None: ...

    async def get_account(self, account_id: str) -> Account | None: ...

    async def account_by_subscription(self, subscription_id: str) -> Account | None:
        """The account holding this provider subscription (Creem's later subscription events may carry no
        metadata: the paused/expired/unpaid samples have none)."""
        ...

    async def create_account(
        self, identity: Identity, display_name: str, locale: str, now: datetime, digest: str = ""
    ) -> Account:
        """Get-or-create: two racing calls for one identity return the same account, unchanged if it existed.

        An empty locale becomes "en". A new account takes over, in the same transaction and once, what a deleted
        account left under `digest` (remember_after_deletion): the free use of `now`'s UTC day and any debt, as
        one ledger entry `carried:<account id>`.
        """
        ...

    async def remember_after_deletion(self, memories: Sequence[AbuseMemory], today: date) -> None:
        """Keep these (replacing what was kept under the same digest); entries with no debt from before `today`
        have expired and go. Nothing is kept for an entry with no free use and no debt."""
        ...

    async def update_settings(self, account_id: str, change: SettingsChange) -> Account | None:
        """Write only the fields `change` sets, in one statement; the account as it is after, None if unknown."""
        ...

    async def give_consent(
        self, account_id: str, at: datetime, versions: ConsentVersions = FIRST_VERSIONS
    ) -> Account | None:
        """Record consent (terms, privacy, age 13+) to these versions, in one atomic step: the account's accepted
        versions become `versions` and the acceptance is added to its consent history. `consent_at` keeps the
        first consent's time. Consenting again to the versions already accepted changes and adds nothing.

        The account as it is after, None if unknown.
        """
        ...

    async def consents(self, account_id: str) -> list[ConsentRecord]:
        """The account's consent history, oldest first ([] for an unknown account or one that never consented)."""
        ...

    async def change_plan(self, account_id: str, before: PlanFields, after: PlanFields) -> bool:
        """Compare-and-set of the plan fields only (plan, status, subscription and customer ids): write `after`
        if the stored plan fields still equal `before`, in one statement.

        False (nothing written) when they changed meanwhile (decide again from a fresh read), or for an unknown
        account or one being deleted (the caller then cancels the subscription at the provider instead).
        """
        ...

    async def set_deletion_code(self, account_id: str, code: str | None, expires_at: datetime | None) -> None:
        """Issue (or, with None, void) the account's deletion confirmation code."""
        ...

    async def begin_deletion(self, account_id: str, code: str, now: datetime) -> Account | None:
        """The deletion fence, one atomic step: mark the account as being deleted if `code` is still its code.

        From then on reserve refuses it (ACCOUNT_BEING_DELETED) and change_plan writes nothing. Returns the account
        as fenced (its plan is the one to cancel), or None when the code changed, or the account is unknown.
        Calling it again with the same code returns the fenced account again.
        """
        ...

    async def abort_deletion(self, account_id: str) -> None:
        """Lift the fence (the deletion could not go ahead, e.g. the plan could not be cancelled)."""
        ...

    async def identities(self, account_id: str) -> list[Identity]:
        """The identities linked to the account ([] for an unknown account)."""
        ...

    async def delete_account(self, account_id: str) -> None:
        """Delete the account and every row that refers to it (identities, generations, ledger, payments).

        Processed webhook event ids stay (they identify no one); an unknown account is a no-op.
        """
        ...
