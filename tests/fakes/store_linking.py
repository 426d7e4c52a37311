"""The fake Store's linking part (a mixin of FakeStore): link codes, joining, merging and detaching identities with
the semantics of core.ports.LinkStore, each method atomic (no await inside)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from core.models import (
    Account,
    ConsentRecord,
    Generation,
    GenerationStatus,
    Identity,
    LedgerEntry,
    LedgerKind,
    LinkedIdentity,
    Payment,
    Platform,
)
from core.ports import LinkCode, LinkRequest, LinkResult, LinkStatus, UnlinkStatus

PLAN_FIELDS = ("plan", "plan_status", "subscription_id", "customer_id")
CONSENT_FIELDS = ("consent_at", "age_confirmed", "accepted_terms_version", "accepted_policy_version")


class FakeLinking:
    accounts: dict[str, Account]
    identity_map: dict[Identity, str]
    generations_by_id: dict[str, Generation]
    entries: list[LedgerEntry]
    payment_rows: list[Payment]
    consent_rows: dict[str, list[ConsentRecord]]

    def __init__(self) -> None:
        self.link_codes: dict[str, LinkCode] = {}
        self.identity_labels: dict[Identity, str] = {}
        self.linked_at: dict[Identity, datetime] = {}
        self.aliases: dict[str, str] = {}

    if TYPE_CHECKING:

        def forget_recipients(self, account_id: str) -> None: ...

        def _money(self, account_id: str, day: date) -> tuple[int, int]: ...

        def _entry(
            self, account_id: str, kind: LedgerKind, credits: int, key: str, now: datetime, free: int = 0,
            day: date | None = None, generation_id: str | None = None, note: str = "",
        ) -> bool: ...  # fmt: skip

        def _move_audit(self, survivor: str, absorbed: str) -> None: ...

        def move_recipients(self, survivor: str, absorbed: str) -> None: ...

    async def save_link_code(self, code: LinkCode, identity: Identity, now: datetime) -> None:
        self.link_codes = {
            h: c for h, c in self.link_codes.items() if c.expires_at > now and c.account_id != code.account_id
        }
        if code.account_id in self.accounts:
            self.link_codes[code.code_hash] = code
        if code.label and identity in self.identity_map:
            self.identity_labels[identity] = code.label

    async def find_link_code(self, code_hash: str) -> LinkCode | None:
        return self.link_codes.get(code_hash)

    async def link_identity(self, req: LinkRequest) -> LinkResult:
        code = self.link_codes.get(req.code_hash)
        if code is None:
            return LinkResult(LinkStatus.INVALID)
        survivor, joining = code.account_id, self.identity_map.get(req.identity)
        if joining == survivor:
            return LinkResult(LinkStatus.ALREADY_LINKED, survivor)
        if code.used_at is not None or code.expires_at <= req.now:
            return LinkResult(LinkStatus.INVALID)
        refusal = self._refusal(survivor, joining, req.identity)
        if refusal is not None:
            return refusal
        if joining is None:
            self.identity_map[req.identity] = survivor
            self.linked_at[req.identity] = req.now
        else:
            self._merge(survivor, joining, req.day, req.now)
        if req.label:
            self.identity_labels[req.identity] = req.label
        self.link_codes[req.code_hash] = replace(code, used_at=req.now)
        return LinkResult(LinkStatus.LINKED if joining is None else LinkStatus.MERGED, survivor)

    def _platforms(self, account_id: str) -> list[Platform]:
        return [i.platform for i, a in self.identity_map.items() if a == account_id]

    def _refusal(self, survivor: str, joining: str | None, identity: Identity) -> LinkResult | None:
        accounts = [self.accounts.get(survivor), self.accounts.get(joining or survivor)]
        if any(a is None or a.being_deleted for a in accounts):
            return LinkResult(LinkStatus.BEING_DELETED)
        held = self._platforms(survivor)
        theirs = self._platforms(joining) if joining else [identity.platform]
        clash = next((p for p in theirs if p in held), None)
        if clash is not None:
            return LinkResult(LinkStatus.SAME_PLATFORM, survivor, clash)
        if joining is None:
            return None
        if any(
            g.account_id == joining and g.status in (GenerationStatus.QUEUED, GenerationStatus.RUNNING)
            for g in self.generations_by_id.values()
        ):
            return LinkResult(LinkStatus.IN_FLIGHT, survivor)
        if self.accounts[survivor].subscription_id and self.accounts[joining].subscription_id:
            return LinkResult(LinkStatus.TWO_PLANS, survivor)
        return None

    def _merge(self, survivor: str, absorbed: str, day: date, now: datetime) -> None:
        used_survivor = self._money(survivor, day)[1]
        paid, used = self._money(absorbed, day)
        extra = max(used_survivor, used) - used_survivor
        self._entry(absorbed, LedgerKind.MERGE, -paid, f"merge-out:{absorbed}", now, free=used, day=day,
                    note=f"merged into {survivor}")  # fmt: skip
        self._entry(survivor, LedgerKind.MERGE, paid, f"merge-in:{absorbed}", now, free=-extra, day=day,
                    note=f"merged from {absorbed}")  # fmt: skip
        self._take_over_fields(survivor, absorbed)
        self.link_codes = {h: c for h, c in self.link_codes.items() if c.account_id != absorbed}
        self.identity_map = {i: survivor if a == absorbed else a for i, a in self.identity_map.items()}
        self.entries = [e.model_copy(update={"account_id": survivor}) if e.account_id == absorbed else e
                        for e in self.entries]  # fmt: skip
        self.generations_by_id = {k: g.model_copy(update={"account_id": survivor}) if g.account_id == absorbed
                                  else g for k, g in self.generations_by_id.items()}  # fmt: skip
        self.payment_rows = [p.model_copy(update={"account_id": survivor}) if p.account_id == absorbed else p
                             for p in self.payment_rows]  # fmt: skip
        self.consent_rows.setdefault(survivor, []).extend(self.consent_rows.pop(absorbed, []))
        self._move_audit(survivor, absorbed)
        self.move_recipients(survivor, absorbed)
        self.aliases = {m: survivor if a == absorbed else a for m, a in self.aliases.items()}
        self.aliases[absorbed] = survivor
        del self.accounts[absorbed]
        self.forget_recipients(absorbed)  # as the cascade from the deleted account row does on SQLite and Postgres

    def _take_over_fields(self, survivor: str, absorbed: str) -> None:
        mine, theirs = self.accounts[survivor], self.accounts[absorbed]
        fields: dict[str, object] = {}
        if not mine.subscription_id and theirs.subscription_id:
            fields.update({f: getattr(theirs, f) for f in PLAN_FIELDS})
        elif not mine.customer_id and theirs.customer_id:
            fields["customer_id"] = theirs.customer_id
        if not mine.email and theirs.email:
            fields["email"] = theirs.email
        if not mine.has_consented and theirs.has_consented:
            fields.update({f: getattr(theirs, f) for f in CONSENT_FIELDS})
        self.accounts[survivor] = mine.model_copy(update=fields)

    async def unlink_identity(self, account_id: str, platform: Platform) -> UnlinkStatus:
        account = self.accounts.get(account_id)
        if account is None:
            return UnlinkStatus.NOT_LINKED
        if account.being_deleted:
            return UnlinkStatus.BEING_DELETED
        held = self._platforms(account_id)
        if platform not in held:
            return UnlinkStatus.NOT_LINKED
        if all(p is platform for p in held):
            return UnlinkStatus.LAST
        gone = [i for i, a in self.identity_map.items() if a == account_id and i.platform is platform]
        for identity in gone:
            del self.identity_map[identity]
            self.identity_labels.pop(identity, None)
        return UnlinkStatus.UNLINKED

    async def merged_ids(self, account_id: str) -> list[str]:
        return sorted(m for m, a in self.aliases.items() if a == account_id)

    async def linked_identities(self, account_id: str) -> list[LinkedIdentity]:
        account = self.accounts.get(account_id)
        if account is None:
            return []
        linked = [
            LinkedIdentity(
                identity=i, label=self.identity_labels.get(i, ""), linked_at=self.linked_at.get(i, account.created_at)
            )
            for i, a in self.identity_map.items()
            if a == account_id
        ]
        return sorted(linked, key=lambda li: (li.linked_at, li.identity.platform.value))

    def _forget_links(self, account_id: str) -> None:
        """Part of delete_account: the account's codes, aliases and identity names go with it."""
        self.link_codes = {h: c for h, c in self.link_codes.items() if c.account_id != account_id}
        self.aliases = {m: a for m, a in self.aliases.items() if a != account_id}
        kept = set(self.identity_map)
        self.identity_labels = {i: v for i, v in self.identity_labels.items() if i in kept}
        self.linked_at = {i: v for i, v in self.linked_at.items() if i in kept}
