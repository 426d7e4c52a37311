"""The composition root: settings → adapters → core. The only place that chooses implementations.

Production parts are chosen when their credentials are set; otherwise the embedded defaults run
(SQLite, local folder, in-process limits and queue, offline generator, banned-words screen, no payments).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import SecretBytes

from adapters.local.blobs import LocalBlobStore
from adapters.local.clock import SystemClock
from adapters.local.limiter import InProcessLimiter
from adapters.local.line import InProcessCreateLine, spacing
from adapters.local.moderation import BannedWordsModerator
from adapters.local.offline_generator import OfflineImageGenerator
from adapters.local.payments import DisabledPayments
from adapters.local.queue import InProcessJobQueue
from adapters.local.send_budget import InProcessSendBudget
from adapters.local.signals import InProcessSignals
from adapters.prometheus.metrics import PrometheusMetrics
from adapters.router import MessengerRouter
from adapters.sqlite.store import SqliteStore
from bot.settings import Settings
from bot.startup import EXIT_CONFIG, StartupError, usable_dir
from core.deps import Deps
from core.errors import StoreUnavailable
from core.ports import (
    BlobStore,
    Clock,
    CreateLine,
    ImageGenerator,
    JobQueue,
    Limiter,
    Metrics,
    Moderator,
    Pace,
    PaymentProvider,
    ReferenceLinks,
    SendBudget,
    Signals,
    Store,
)
from core.worker import Worker

if TYPE_CHECKING:
    from adapters.supabase.store import SupabaseStore as SupabaseStoreType

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    """Everything a process needs: the core's ports, the outbound router, the worker and the settings.

    `send_budget` is the bot's Telegram send budget and every platform's status ranks (in Redis when configured:
    one for every process).
    """

    settings: Settings
    deps: Deps
    router: MessengerRouter
    worker: Worker
    components: dict[str, str]
    send_budget: SendBudget
    #: Readiness checks by backend name, for GET /healthz.
    health: dict[str, Callable[[], Awaitable[object]]] = field(default_factory=dict)


@asynccontextmanager
async def build(settings: Settings, *, worker_concurrency: int = 1000) -> AsyncIterator[Runtime]:
    """Open every adapter (closing them on exit) and bundle them; nothing connects at import time."""
    async with AsyncExitStack() as stack:
        data_dir = settings.bot_data_dir
        components: dict[str, str] = {}
        store = await _store(settings, data_dir, stack, components)
        blobs = await _blobs(settings, data_dir, stack, components)
        health: dict[str, Callable[[], Awaitable[object]]] = {"store": store.ping}
        limiter, queue, signals, line, send_budget = await _coordination(settings, stack, components, health)
        metrics = PrometheusMetrics()
        metrics.declare_all()
        generator = await _generator(settings, data_dir, limiter, stack, components, metrics)
        moderator, payments = await _payments(settings, stack, components)
        clock = SystemClock()
        references = await _references(settings, blobs, clock, stack, components)
        router = MessengerRouter(metrics)
        deps = Deps(
            store=store,
            blobs=blobs,
            generator=generator,
            moderator=moderator,
            limiter=limiter,
            queue=queue,
            signals=signals,
            messenger=router,
            payments=payments,
            clock=clock,
            policy=settings.policy().model_copy(update={"identity_hash_key": identity_hash_key(settings, data_dir)}),
            line=line,
            metrics=metrics,
            references=references,
        )
        worker = Worker(deps, concurrency=worker_concurrency)
        stack.push_async_callback(worker.stop)
        log.info("wired", extra=components)
        yield Runtime(
            settings=settings,
            deps=deps,
            router=router,
            worker=worker,
            components=components,
            send_budget=send_budget,
            health=health,
        )


def identity_hash_key(settings: Settings, data_dir: Path) -> SecretBytes:
    """The server key of the abuse-prevention hash: IDENTITY_HASH_KEY; else derived from the Supabase service role
    key (the same in every process, secret); else a random key created once in the data folder."""
    if settings.identity_hash_key:
        return SecretBytes(settings.identity_hash_key.get_secret_value().encode())
    if settings.supabase_service_role_key:
        service_key = settings.supabase_service_role_key.get_secret_value().encode()
        return SecretBytes(hmac.new(service_key, b"gpt-image-bot/identity-hash/v1", hashlib.sha256).digest())
    path = data_dir / "identity_hash.key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process created it a moment ago
            pass
        else:
            with os.fdopen(fd, "wb") as file:
                file.write(secrets.token_bytes(32))
    return SecretBytes(path.read_bytes())


async def _store(settings: Settings, data_dir: Path, stack: AsyncExitStack, components: dict[str, str]) -> Store:
    if settings.supabase_url and settings.supabase_service_role_key:
        from adapters.supabase.store import SupabaseStore

        supabase = await SupabaseStore.connect(
            settings.supabase_url, settings.supabase_service_role_key.get_secret_value()
        )
        stack.push_async_callback(supabase.aclose)
        await _ping_supabase(supabase)
        components["store"] = "supabase"
        return supabase
    sqlite = await SqliteStore.open(usable_dir(data_dir) / "bot.sqlite3")
    stack.push_async_callback(sqlite.close)
    components["store"] = "sqlite"
    return sqlite


async def _ping_supabase(supabase: SupabaseStoreType) -> None:
    """Reach Supabase once at start: an unreachable server and a refused key are different fixes."""
    from postgrest.exceptions import APIError

    try:
        await supabase.ping()
    except StoreUnavailable:
        raise StartupError("SUPABASE_URL", "Supabase is not reachable") from None
    except APIError as error:
        if str(error.code) in ("401", "403") or str(error.code).startswith("PGRST3"):
            raise StartupError("SUPABASE_SERVICE_ROLE_KEY", "Supabase refused the key", exit_code=EXIT_CONFIG) from None
        raise StartupError("SUPABASE_URL", f"Supabase answered an error at start ({error.code})") from None


async def _blobs(settings: Settings, data_dir: Path, stack: AsyncExitStack, components: dict[str, str]) -> BlobStore:
    if settings.supabase_url and settings.supabase_service_role_key:
        from adapters.supabase.blobs import SupabaseBlobStore

        storage = await SupabaseBlobStore.connect(
            settings.supabase_url, settings.supabase_service_role_key.get_secret_value(), settings.supabase_bucket
        )
        stack.push_async_callback(storage.aclose)
        components["blobs"] = "supabase-storage"
        return storage
    components["blobs"] = "local"
    return LocalBlobStore(usable_dir(data_dir) / "images")


async def _coordination(
    settings: Settings,
    stack: AsyncExitStack,
    components: dict[str, str],
    health: dict[str, Callable[[], Awaitable[object]]],
) -> tuple[Limiter, JobQueue, Signals, CreateLine, SendBudget]:
    limit, window_s, latency_s = create_budget(settings)
    telegram_pace = Pace(per_s=settings.telegram_messages_per_second)
    if settings.redis_url:
        from adapters.redis import RedisJobQueue, RedisLimiter, RedisSignals, redis_from_url
        from adapters.redis.connect import guarded
        from adapters.redis.line import RedisCreateLine
        from adapters.redis.send_budget import RedisSendBudget

        redis = redis_from_url(settings.redis_url.get_secret_value())
        stack.push_async_callback(redis.aclose)
        try:
            await guarded(redis.ping, "ping")
        except StoreUnavailable:
            raise StartupError("REDIS_URL", "Redis is not reachable") from None
        health["redis"] = redis.ping
        queue = RedisJobQueue(
            redis,
            claim_idle_ms=round(settings.queue_claim_idle_s * 1000),
            heartbeat_ms=round(settings.queue_heartbeat_s * 1000),
        )
        stack.push_async_callback(queue.aclose)
        components["coordination"] = "redis"
        line: CreateLine = RedisCreateLine(redis, limit, window_s, expected_latency_s=latency_s)
        _log_budget(limit, window_s, "shared through Redis")
        return RedisLimiter(redis), queue, RedisSignals(redis), line, RedisSendBudget(redis, telegram_pace)
    components["coordination"] = "in-process"
    line = InProcessCreateLine(limit, window_s, monotonic=time.monotonic, expected_latency_s=latency_s)
    _log_budget(limit, window_s, "in this process")
    budget = InProcessSendBudget(telegram_pace, time.monotonic)
    return InProcessLimiter(time.monotonic), InProcessJobQueue(), InProcessSignals(), line, budget


def create_budget(settings: Settings) -> tuple[int | None, float, float]:
    """(creates per window or None for no limit, window seconds, expected latency): KIE's when KIE is used."""
    if settings.kie_api_key:
        return settings.kie_create_limit, settings.kie_create_window_s, settings.kie_expected_latency_s
    return None, settings.kie_create_window_s, 1.0


def describe_budget(limit: int | None, window_s: float) -> str:
    if not limit:
        return "no create limit (offline preview generator)"
    return f"{limit} creates per {window_s:g} s (one every {spacing(limit, window_s):.2f} s)"


def _log_budget(limit: int | None, window_s: float, where: str) -> None:
    log.info("provider create budget: %s, %s", describe_budget(limit, window_s), where, extra={"create_limit": limit})


async def _generator(
    settings: Settings,
    data_dir: Path,
    limiter: Limiter,
    stack: AsyncExitStack,
    components: dict[str, str],
    metrics: Metrics,
) -> ImageGenerator:
    if settings.kie_api_key:
        from adapters.kie.client import KieImageGenerator, kie_http_client

        http = kie_http_client(settings.kie_base_url)
        stack.push_async_callback(http.aclose)
        components["generator"] = "kie"
        return KieImageGenerator(
            http,
            api_key=settings.kie_api_key.get_secret_value(),
            model_t2i=settings.kie_model_t2i,
            model_i2i=settings.kie_model_i2i,
            callback_url=f"{settings.public_base_url.rstrip('/')}/webhooks/kie" if settings.public_base_url else None,
            limiter=limiter,
            max_image_bytes=settings.kie_max_image_bytes,
            metrics=metrics,
        )
    components["generator"] = "offline-preview"
    return OfflineImageGenerator(usable_dir(data_dir) / "offline-tasks")


async def _references(
    settings: Settings, blobs: BlobStore, clock: Clock, stack: AsyncExitStack, components: dict[str, str]
) -> ReferenceLinks | None:
    """KIE fetches edit inputs by URL: Storage's signed links do; a local folder's paths need KIE's file upload."""
    if not settings.kie_api_key:
        components["references"] = "blob-links"  # the offline generator reads nothing from a reference
        return None
    if not isinstance(blobs, LocalBlobStore):
        components["references"] = "signed-links"
        return None
    from adapters.kie.client import kie_http_client
    from adapters.kie.uploads import KieFileUploader, KieReferenceLinks

    http = kie_http_client(settings.kie_upload_base_url, timeout_s=60.0)
    stack.push_async_callback(http.aclose)
    components["references"] = "kie-upload"
    uploader = KieFileUploader(http, api_key=settings.kie_api_key.get_secret_value())
    return KieReferenceLinks(uploader, blobs, clock)


async def _payments(
    settings: Settings, stack: AsyncExitStack, components: dict[str, str]
) -> tuple[Moderator, PaymentProvider]:
    if settings.creem_api_key:
        from adapters.creem.client import CreemClient, CreemModerator, CreemPayments

        creem = CreemClient(settings.creem_api_key.get_secret_value(), base_url=settings.creem_base_url)
        stack.push_async_callback(creem.aclose)
        components["payments"] = "creem"
        return CreemModerator(creem), CreemPayments(creem, settings.public_base_url)
    components["payments"] = "disabled"
    return BannedWordsModerator(settings.banned_words), DisabledPayments()
