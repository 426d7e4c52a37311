"""Ports: the small interfaces core needs from the outside world. Adapters implement them; core imports no adapter.

One module per concern; every name is re-exported here, so `from core.ports import X` is the one way to import a port.
"""

from __future__ import annotations

from core.ports.accounts import AccountStore
from core.ports.admin import AdminStore
from core.ports.announcements import AnnouncementStore
from core.ports.blobs import BlobStore, ResultImages, StoredImage
from core.ports.clock import Clock
from core.ports.coordination import Job, JobQueue, Limiter, Signals
from core.ports.generator import ImageGenerator, LostTasks, Moderator, ReferenceLinks
from core.ports.ledger import LedgerStore, ReserveRequest, Settled, Settlement
from core.ports.line import CreateLine, Place, QueueSpot, Ticket
from core.ports.linking import LinkCode, LinkRequest, LinkResult, LinkStatus, LinkStore, UnlinkStatus
from core.ports.messaging import Messenger, Notice, Ready
from core.ports.metrics import Metrics
from core.ports.payments import PaymentProvider, PaymentStore
from core.ports.send_budget import Pace, SendBudget, SendGrant
from core.ports.store import Store

__all__ = [
    "AccountStore",
    "AdminStore",
    "AnnouncementStore",
    "BlobStore",
    "Clock",
    "CreateLine",
    "ImageGenerator",
    "Job",
    "JobQueue",
    "LedgerStore",
    "Limiter",
    "LinkCode",
    "LinkRequest",
    "LinkResult",
    "LinkStatus",
    "LinkStore",
    "LostTasks",
    "Messenger",
    "Metrics",
    "Moderator",
    "Notice",
    "Pace",
    "PaymentProvider",
    "PaymentStore",
    "Place",
    "QueueSpot",
    "Ready",
    "ReferenceLinks",
    "ReserveRequest",
    "ResultImages",
    "SendBudget",
    "SendGrant",
    "Settled",
    "Settlement",
    "Signals",
    "Store",
    "StoredImage",
    "Ticket",
    "UnlinkStatus",
]
