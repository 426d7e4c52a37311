"""The Store: accounts, ledger, generations and payments behind one port (the source of truth)."""

from __future__ import annotations

from typing import Protocol

from core.ports.accounts import AccountStore
from core.ports.admin import AdminStore
from core.ports.announcements import AnnouncementStore
from core.ports.ledger import LedgerStore
from core.ports.linking import LinkStore
from core.ports.payments import PaymentStore


class Store(AccountStore, LedgerStore, LinkStore, PaymentStore, AdminStore, AnnouncementStore, Protocol):
    """Accounts, ledger, generations, payments, links, the admin audit log and announcements: the one source of
    truth shared by every process."""

    async def ping(self) -> None: ...
