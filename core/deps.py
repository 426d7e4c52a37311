"""The ports a use-case may need, bundled so every entry point passes one value (built only in bot/wiring.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.languages import LanguageBook
from core.metrics import NoMetrics
from core.policy import Policy
from core.ports import (
    BlobStore,
    Clock,
    CreateLine,
    ImageGenerator,
    JobQueue,
    Limiter,
    Messenger,
    Metrics,
    Moderator,
    PaymentProvider,
    ReferenceLinks,
    Signals,
    Store,
)


@dataclass(frozen=True)
class Deps:
    store: Store
    blobs: BlobStore
    generator: ImageGenerator
    moderator: Moderator
    limiter: Limiter
    queue: JobQueue
    signals: Signals
    messenger: Messenger
    payments: PaymentProvider
    clock: Clock
    policy: Policy
    line: CreateLine
    metrics: Metrics = field(default_factory=NoMetrics)
    references: ReferenceLinks | None = None  # None: the BlobStore's own links reach the generator
    languages: LanguageBook = field(default_factory=LanguageBook)  # chosen languages this process has read
