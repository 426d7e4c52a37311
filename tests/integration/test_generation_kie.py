"""Issue 3 end to end: the real core (SQLite, local blobs, in-process queue/limiter/signals, Worker) driving the
real KieImageGenerator against FakeKie over HTTP, with bot/web.py serving the callback URL so FakeKie's signed
callbacks hit POST /webhooks/kie and wake the follower. Time only moves when a test moves the clock."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from aiohttp.test_utils import TestServer, unused_port
from pydantic import SecretStr

from adapters.kie.client import KieImageGenerator, kie_http_client
from adapters.local.blobs import LocalBlobStore
from adapters.local.limiter import InProcessLimiter
from adapters.local.line import InProcessCreateLine
from adapters.local.moderation import BannedWordsModerator
from adapters.local.payments import DisabledPayments
from adapters.local.queue import InProcessJobQueue
from adapters.local.signals import InProcessSignals
from adapters.router import MessengerRouter
from adapters.sqlite.store import SqliteStore
from bot.settings import Settings
from bot.web import create_app
from core.deps import Deps
from core.errors import ErrorCode
from core.models import (
    DeliveryTarget,
    Generation,
    GenerationRequest,
    GenerationStatus,
    Identity,
    ImageSpec,
    LedgerKind,
    Platform,
    SettingsChange,
    TaskRef,
    TaskStatus,
)
from core.policy import Policy
from core.ports import LostTasks
from core.usecases import generation, onboarding
from core.worker import Worker
from tests.fakes.kie import I2I, T2I, FakeKie, Outcome, Reply, png_bytes
from tests.fakes.messenger import RecordingMessenger

API_KEY = "kie-e2e-key"
HMAC_KEY = "kie-e2e-hmac"
START_CREDITS = 100
FAST = Policy(
    free_per_day=0,
    max_running=10,
    requests_per_minute=1000,
    generation_deadline_s=600.0,
    poll_first_s=0.01,
    poll_max_s=0.03,
)
# Polls so rare that only a callback can finish a task within a test's timeout.
CALLBACK_ONLY = FAST.model_copy(update={"poll_first_s": 120.0, "poll_max_s": 120.0})
PROMPT = "a lighthouse at dawn, watercolour"


class ManualClock:
    """The core's clock: frozen until a test advances it, so deadlines fire exactly when a test says."""

    def __init__(self) -> None:
        self.current = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.current

    def advance(self, seconds: float) -> None:
        self.current += timedelta(seconds=seconds)


class ServedBlobStore(LocalBlobStore):
    """LocalBlobStore whose links are URLs served by the bot's web server (KIE fetches references by URL)."""

    def __init__(self, root: Path, base_url: str) -> None:
        super().__init__(root)
        self.base_url = base_url

    async def link(self, key: str, expires_s: int) -> str:
        return f"{self.base_url}/blobs/{key}"


Hook = Callable[[str], Awaitable[None]]


class HookedGenerator:
    """The real KIE generator with a test hook after submit or after the first status read of a task, to stage
    callback races deterministically (KIE finishing at a precise moment of the follower's loop)."""

    def __init__(self, inner: KieImageGenerator, *, after_submit: Hook | None, after_first_status: Hook | None) -> None:
        self._inner = inner
        self._after_submit = after_submit
        self._after_first_status = after_first_status
        self._seen: set[str] = set()

    @property
    def lost_tasks(self) -> LostTasks:
        return self._inner.lost_tasks

    async def submit(self, spec: ImageSpec, ref: TaskRef) -> str:
        task_id = await self._inner.submit(spec, ref)
        if self._after_submit:
            await self._after_submit(task_id)
        return task_id

    async def status(self, task_id: str) -> TaskStatus:
        status = await self._inner.status(task_id)
        if self._after_first_status and task_id not in self._seen:
            self._seen.add(task_id)
            await self._after_first_status(task_id)
        return status

    async def download(self, task_id: str, url: str) -> bytes:
        return await self._inner.download(task_id, url)


@dataclass
class Bot:
    """One bot process: its Deps, what its chat received, its worker and its web server's base URL."""

    deps: Deps
    messenger: RecordingMessenger
    worker: Worker
    web_url: str
    retry_sleeps: list[float] = field(default_factory=list)

    async def customer(self, user_id: str = "ada", credits: int = START_CREDITS) -> Identity:
        identity = Identity(platform=Platform.CONSOLE, platform_user_id=user_id)
        account = await onboarding.accept_terms(self.deps, identity, age_confirmed=True)
        await self.deps.store.add_credits(account.id, credits, LedgerKind.ADMIN, f"seed:{user_id}", "", self.now)
        return identity

    @property
    def now(self) -> datetime:
        return self.deps.clock.now()

    async def imagine(self, identity: Identity, references: tuple[bytes, ...] = (), **options: object) -> Generation:
        request = GenerationRequest.model_validate({"prompt": PROMPT, **options})
        target = DeliveryTarget(platform=Platform.CONSOLE, chat_id=identity.platform_user_id, private=True)
        return await generation.request_generation(self.deps, identity, request, target, references)

    async def generation(self, generation_id: str) -> Generation:
        found = await self.deps.store.get_generation(generation_id)
        assert found is not None
        return found

    async def credits(self, identity: Identity) -> int:
        account = await self.deps.store.find_account(identity)
        assert account is not None
        return (await self.deps.store.balance(account.id, self.now.date(), 0)).paid_credits

    async def finished(self, outcomes: int = 1) -> None:
        """Wait for `outcomes` deliveries/failures, then for the worker to finish marking them delivered."""
        await self.messenger.wait_outcomes(outcomes)
        await asyncio.wait_for(self.worker.wait_idle(), 10)


@contextlib.asynccontextmanager
async def running_bot(
    data_dir: Path,
    kie: FakeKie,
    clock: ManualClock,
    *,
    port: int,
    policy: Policy = FAST,
    after_submit: Hook | None = None,
    after_first_status: Hook | None = None,
) -> AsyncIterator[Bot]:
    """Wire a process like bot/wiring.py does for KIE, with a RecordingMessenger and the web server on `port`."""
    web_url = f"http://127.0.0.1:{port}"
    store = await SqliteStore.open(data_dir / "bot.sqlite3")
    blobs = ServedBlobStore(data_dir / "images", web_url)
    blobs.root.mkdir(parents=True, exist_ok=True)
    limiter = InProcessLimiter(time.monotonic)
    sleeps: list[float] = []

    async def no_wait(seconds: float) -> None:
        sleeps.append(seconds)
        await asyncio.sleep(0)

    http = kie_http_client(kie.base_url, timeout_s=5.0)
    kie_generator = KieImageGenerator(
        http,
        api_key=API_KEY,
        model_t2i=T2I,
        model_i2i=I2I,
        callback_url=f"{web_url}/webhooks/kie",
        limiter=limiter,
        max_image_bytes=1_000_000,
        sleep=no_wait,
    )
    messenger = RecordingMessenger()
    router = MessengerRouter()
    router.register(Platform.CONSOLE, messenger)
    deps = Deps(
        store=store,
        blobs=blobs,
        generator=HookedGenerator(kie_generator, after_submit=after_submit, after_first_status=after_first_status),
        moderator=BannedWordsModerator([]),
        limiter=limiter,
        queue=InProcessJobQueue(),
        signals=InProcessSignals(),
        messenger=router,
        payments=DisabledPayments(),
        clock=clock,
        policy=policy,
        line=InProcessCreateLine(None, 10.0, monotonic=time.monotonic),  # the budget has its own tests
    )
    settings = Settings(
        _env_file=None, kie_api_key=SecretStr(API_KEY), kie_webhook_hmac_key=SecretStr(HMAC_KEY), bot_data_dir=data_dir
    )
    app = create_app(deps, settings)
    app.router.add_static("/blobs", blobs.root)
    server = TestServer(app, host="127.0.0.1", port=port)
    await server.start_server()
    worker = Worker(deps)
    worker_task = asyncio.create_task(worker.run())
    try:
        yield Bot(deps=deps, messenger=messenger, worker=worker, web_url=web_url, retry_sleeps=sleeps)
    finally:
        worker_task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await worker_task
        await worker.stop()
        await server.close()
        await http.aclose()
        await store.close()


async def eventually(check: Callable[[], bool], timeout_s: float = 10.0) -> None:
    """Await a condition on a fake's state (the fakes have no events); fails after a generous timeout."""
    deadline = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.005)


async def money(bot: Bot, g: Generation) -> tuple[int, int, int]:
    """(held, captured, refunded) credits of one generation from the ledger; the capture entry only marks."""
    entries = [e for e in await bot.deps.store.ledger(g.account_id) if e.generation_id == g.id]
    held = -sum(e.credits for e in entries if e.kind is LedgerKind.HOLD)
    refunded = sum(e.credits for e in entries if e.kind is LedgerKind.REFUND)
    captures = [e for e in entries if e.kind is LedgerKind.CAPTURE]
    captured = held - refunded if captures else 0
    assert len(captures) <= 1 and sum(1 for e in entries if e.kind is LedgerKind.REFUND) <= 1
    return held, captured, refunded


async def assert_settled(bot: Bot, identity: Identity, g: Generation, images: int) -> None:
    """holds = captures + refunds, only delivered images are paid for, and the balance says so."""
    g = await bot.generation(g.id)
    price = bot.deps.policy.prices[g.request.resolution]
    held, captured, refunded = await money(bot, g)
    assert held == captured + refunded == price * g.request.count
    assert captured == price * images
    assert refunded == price * (g.request.count - images)
    assert await bot.credits(identity) == START_CREDITS - price * images
    assert len(g.image_keys) == images
    assert g.delivered_at is not None


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
async def kie() -> AsyncIterator[FakeKie]:
    async with FakeKie(api_key=API_KEY, webhook_hmac_key=HMAC_KEY) as fake:
        yield fake


@pytest.fixture
def port() -> int:
    return unused_port()


@pytest.fixture
async def bot(tmp_path: Path, kie: FakeKie, clock: ManualClock, port: int) -> AsyncIterator[Bot]:
    async with running_bot(tmp_path, kie, clock, port=port) as running:
        yield running


# -- what a person asks for -----------------------------------------------------------------------------------------


async def test_text_to_image_is_made_by_kie_stored_charged_and_delivered_once(bot: Bot, kie: FakeKie) -> None:
    ada = await bot.customer()

    queued = await bot.imagine(ada, aspect_ratio="16:9", resolution="2K")
    await bot.finished()

    [create] = kie.creates
    assert create.body["model"] == T2I
    assert create.body["input"] == {"prompt": PROMPT, "aspect_ratio": "16:9", "resolution": "2K"}
    assert create.body["callBackUrl"].startswith(f"{bot.web_url}/webhooks/kie?generation={queued.id}&slot=0&ref=")
    [delivered] = bot.messenger.delivered
    assert delivered.generation.id == queued.id
    [image] = delivered.images
    [task_id] = (await bot.generation(queued.id)).task_ids
    assert image.data == kie.files[f"{task_id}.png"][0]
    assert await bot.deps.blobs.get(image.key) == image.data
    assert delivered.balance.paid_credits == START_CREDITS - 2
    assert [(p.stage, p.done) for p in bot.messenger.progress_log] == [
        ("generating", 0)
    ]  # the result follows the last image at once
    assert (await bot.generation(queued.id)).status is GenerationStatus.SUCCEEDED
    assert bot.messenger.failures == []
    await assert_settled(bot, ada, queued, images=1)


async def test_image_to_image_hands_the_uploaded_reference_to_kie_as_a_url(bot: Bot, kie: FakeKie) -> None:
    ada = await bot.customer()
    reference = png_bytes(42, size=16)

    queued = await bot.imagine(ada, prompt="make it a poster", references=(reference,))
    await bot.finished()
    [key] = queued.request.reference_keys

    [create] = kie.creates
    assert create.body["model"] == I2I
    [url] = create.body["input"]["input_urls"]
    assert url == f"{bot.web_url}/blobs/{key}"
    async with httpx.AsyncClient() as client:
        fetched = await client.get(url)
    assert fetched.content == reference
    assert len(bot.messenger.delivered) == 1
    await assert_settled(bot, ada, queued, images=1)


async def test_four_images_run_as_four_concurrent_tasks_and_arrive_as_one_album(bot: Bot, kie: FakeKie) -> None:
    ada = await bot.customer()
    kie.outcome = Outcome(polls=None)

    queued = await bot.imagine(ada, count=4)
    await eventually(lambda: len(kie.tasks) == 4)
    for task_id in list(kie.tasks):
        await kie.complete(task_id)
    await bot.finished()

    assert len(kie.creates) == 4
    [album] = bot.messenger.delivered
    assert len(album.images) == 4
    assert len({image.data for image in album.images}) == 4
    assert sorted((await bot.generation(queued.id)).task_ids) == sorted(kie.tasks)
    assert [p.done for p in bot.messenger.progress_log] == [0, 1, 2, 3]  # 4/4 is the album itself
    await assert_settled(bot, ada, queued, images=4)


# -- callbacks and polling lead to one completion -------------------------------------------------------------------


async def test_a_callback_wakes_the_follower_long_before_its_next_poll(
    tmp_path: Path, kie: FakeKie, clock: ManualClock, port: int
) -> None:
    kie.outcome = Outcome(polls=None)
    async with running_bot(tmp_path, kie, clock, port=port, policy=CALLBACK_ONLY) as bot:
        ada = await bot.customer()

        queued = await bot.imagine(ada)
        await eventually(lambda: len(kie.paths("/api/v1/jobs/recordInfo")) == 1)
        [task_id] = kie.tasks
        await kie.complete(task_id)
        await bot.finished()

        assert [c.status for c in kie.callbacks_sent] == [200]
        assert len(kie.paths("/api/v1/jobs/recordInfo")) == 2
        assert len(bot.messenger.delivered) == 1
        await assert_settled(bot, ada, queued, images=1)


async def test_a_callback_that_arrives_before_the_first_poll_is_not_lost(
    tmp_path: Path, kie: FakeKie, clock: ManualClock, port: int
) -> None:
    kie.outcome = Outcome(polls=None)
    async with running_bot(tmp_path, kie, clock, port=port, policy=CALLBACK_ONLY, after_submit=kie.complete) as bot:
        ada = await bot.customer()

        queued = await bot.imagine(ada)
        await bot.finished()

        assert [c.status for c in kie.callbacks_sent] == [200]
        assert len(kie.paths("/api/v1/jobs/recordInfo")) == 1
        assert len(bot.messenger.delivered) == 1
        await assert_settled(bot, ada, queued, images=1)


async def test_a_callback_between_a_poll_and_the_wait_still_wakes_the_follower(
    tmp_path: Path, kie: FakeKie, clock: ManualClock, port: int
) -> None:
    kie.outcome = Outcome(polls=None)
    async with running_bot(
        tmp_path, kie, clock, port=port, policy=CALLBACK_ONLY, after_first_status=kie.complete
    ) as bot:
        ada = await bot.customer()

        queued = await bot.imagine(ada)
        await bot.finished()

        assert len(kie.paths("/api/v1/jobs/recordInfo")) == 2
        assert len(bot.messenger.delivered) == 1
        await assert_settled(bot, ada, queued, images=1)


async def test_a_task_finished_by_polling_ignores_the_callback_that_follows(bot: Bot, kie: FakeKie) -> None:
    ada = await bot.customer()
    kie.outcome = Outcome(polls=2)

    queued = await bot.imagine(ada)
    await bot.finished()
    await kie.flush_callbacks()
    await asyncio.wait_for(bot.worker.wait_idle(), 10)

    assert [c.status for c in kie.callbacks_sent] == [200]
    assert bot.messenger.outcomes == 1
    assert len(kie.creates) == 1
    await assert_settled(bot, ada, queued, images=1)


async def test_a_duplicated_callback_makes_one_completion_and_one_delivery(
    tmp_path: Path, kie: FakeKie, clock: ManualClock, port: int
) -> None:
    kie.outcome = Outcome(polls=None)
    kie.duplicate_callbacks = True
    async with running_bot(tmp_path, kie, clock, port=port, policy=CALLBACK_ONLY) as bot:
        ada = await bot.customer()

        queued = await bot.imagine(ada)
        await eventually(lambda: len(kie.tasks) == 1)
        [task_id] = kie.tasks
        await kie.complete(task_id)
        await bot.finished()

        assert [c.status for c in kie.callbacks_sent] == [200, 200]
        assert bot.messenger.outcomes == 1
        assert len(kie.file_hits) == 1
        await assert_settled(bot, ada, queued, images=1)


async def test_a_callback_with_a_bad_signature_is_refused(bot: Bot) -> None:
    async with httpx.AsyncClient() as client:
        refused = await client.post(
            f"{bot.web_url}/webhooks/kie",
            json={"code": 200, "data": {"task_id": "t1"}},
            headers={"X-Webhook-Timestamp": str(int(time.time())), "X-Webhook-Signature": "bm90LXRoZS1zaWc="},
        )

    assert refused.status_code == 401


# -- faults: retried, refunded, or timed out ------------------------------------------------------------------------


async def test_a_rate_limited_create_is_retried_and_then_delivered(bot: Bot, kie: FakeKie) -> None:
    ada = await bot.customer()
    kie.create_replies.append(Reply(429, "Too many requests"))

    queued = await bot.imagine(ada)
    await bot.finished()

    assert len(kie.creates) == 2
    assert len(kie.tasks) == 1
    assert len(bot.messenger.delivered) == 1
    await assert_settled(bot, ada, queued, images=1)


async def test_kie_failing_with_500_on_create_refunds_without_resubmitting(bot: Bot, kie: FakeKie) -> None:
    ada = await bot.customer()
    kie.create_forever = Reply(500, "Server Error", http=500)

    queued = await bot.imagine(ada, count=2)
    await bot.finished()

    assert len(kie.creates) == 2  # one per image, none resubmitted: a 500 may have created (and charged) a task
    [failure] = bot.messenger.failures
    assert failure.generation.error_code == ErrorCode.PROVIDER_UNAVAILABLE.value
    assert "unavailable" in failure.text
    assert "refunded" in failure.text
    await assert_settled(bot, ada, queued, images=0)


async def test_kie_failing_with_500_on_every_status_read_times_out_and_refunds(
    bot: Bot, kie: FakeKie, clock: ManualClock
) -> None:
    ada = await bot.customer()
    kie.record_forever = Reply(500, "Server Error", http=500)

    queued = await bot.imagine(ada)
    await eventually(lambda: len(kie.paths("/api/v1/jobs/recordInfo")) >= 8)
    clock.advance(FAST.generation_deadline_s + 1)
    await bot.finished()

    [failure] = bot.messenger.failures
    assert failure.generation.error_code == ErrorCode.GENERATION_TIMEOUT.value
    assert len(kie.creates) == 1
    await assert_settled(bot, ada, queued, images=0)


async def test_a_task_that_never_finishes_is_refunded_at_the_deadline(
    bot: Bot, kie: FakeKie, clock: ManualClock
) -> None:
    ada = await bot.customer()
    kie.outcome = Outcome(polls=None)

    queued = await bot.imagine(ada, aspect_ratio="1:1", resolution="2K")
    await eventually(lambda: len(kie.paths("/api/v1/jobs/recordInfo")) >= 3)
    assert bot.messenger.outcomes == 0
    clock.advance(FAST.generation_deadline_s - 1)
    await eventually(lambda: len(kie.paths("/api/v1/jobs/recordInfo")) >= 6)
    assert bot.messenger.outcomes == 0
    clock.advance(2)
    await bot.finished()

    [failure] = bot.messenger.failures
    assert failure.generation.error_code == ErrorCode.GENERATION_TIMEOUT.value
    assert "took too long" in failure.text
    await assert_settled(bot, ada, queued, images=0)


async def test_a_failed_task_is_refunded_and_kies_reason_is_kept(bot: Bot, kie: FakeKie) -> None:
    ada = await bot.customer()
    kie.outcome = Outcome(polls=None)

    queued = await bot.imagine(ada)
    await eventually(lambda: len(kie.tasks) == 1)
    [task_id] = kie.tasks
    await kie.fail(task_id, "Internal error, please try again later.", fail_code="500")
    await bot.finished()

    [failure] = bot.messenger.failures
    assert failure.generation.error_code == ErrorCode.GENERATION_FAILED.value
    assert failure.generation.error_detail == "Internal error, please try again later."
    assert "The image service reported an error" in failure.text
    assert "refunded" in failure.text
    await assert_settled(bot, ada, queued, images=0)


async def test_a_content_policy_failure_shows_kies_reason_and_refunds(bot: Bot, kie: FakeKie) -> None:
    ada = await bot.customer()
    kie.outcome = Outcome(polls=None)

    queued = await bot.imagine(ada)
    await eventually(lambda: len(kie.tasks) == 1)
    [task_id] = kie.tasks
    reason = "Your prompt was flagged by the content policy (violence)."
    await kie.fail(task_id, reason, fail_code="400")
    await bot.finished()

    [failure] = bot.messenger.failures
    assert failure.generation.error_code == ErrorCode.PROMPT_REJECTED.value
    assert reason in failure.text
    await assert_settled(bot, ada, queued, images=0)


async def test_an_expired_result_url_is_downloaded_through_a_minted_link(bot: Bot, kie: FakeKie) -> None:
    ada = await bot.customer()
    kie.expire_results = True

    queued = await bot.imagine(ada)
    await bot.finished()

    assert len(kie.paths("/api/v1/common/download-url")) == 1
    assert [hit.split("/")[1] for hit in kie.file_hits] == ["results", "minted"]
    [delivered] = bot.messenger.delivered
    [task_id] = (await bot.generation(queued.id)).task_ids
    assert delivered.images[0].data == kie.files[f"{task_id}.png"][0]
    await assert_settled(bot, ada, queued, images=1)


async def test_one_of_two_tasks_failing_delivers_one_image_and_refunds_the_other(bot: Bot, kie: FakeKie) -> None:
    ada = await bot.customer()
    kie.outcome = Outcome(polls=None)

    queued = await bot.imagine(ada, count=2, aspect_ratio="16:9", resolution="2K")
    await eventually(lambda: len(kie.tasks) == 2)
    first, second = list(kie.tasks)
    await kie.fail(second, "Internal error, please try again later.")
    await kie.complete(first)
    await bot.finished()

    [album] = bot.messenger.delivered
    assert len(album.images) == 1
    assert bot.messenger.failures == []
    assert album.balance.paid_credits == START_CREDITS - 2
    await assert_settled(bot, ada, queued, images=1)


# -- restarts never pay twice ---------------------------------------------------------------------------------------


async def test_a_running_task_is_resumed_after_a_restart_not_resubmitted_and_delivered_once(
    tmp_path: Path, kie: FakeKie, clock: ManualClock, port: int
) -> None:
    kie.outcome = Outcome(polls=None)
    async with running_bot(tmp_path, kie, clock, port=port) as first:
        ada = await first.customer()
        queued = await first.imagine(ada)
        await eventually(lambda: len(kie.paths("/api/v1/jobs/recordInfo")) >= 2)
    [task_id] = kie.tasks
    assert first.messenger.outcomes == 0

    async with running_bot(tmp_path, kie, clock, port=port) as second:
        stored = await second.generation(queued.id)
        assert stored.status is GenerationStatus.RUNNING
        assert stored.task_ids == (task_id,)
        polls_before = len(kie.paths("/api/v1/jobs/recordInfo"))
        await eventually(lambda: len(kie.paths("/api/v1/jobs/recordInfo")) > polls_before)

        await kie.complete(task_id)
        await second.finished()

        assert len(kie.creates) == 1
        assert [c.status for c in kie.callbacks_sent] == [200]
        assert len(second.messenger.delivered) == 1
        assert first.messenger.outcomes == 0
        await assert_settled(second, ada, queued, images=1)

    async with running_bot(tmp_path, kie, clock, port=port) as third:
        assert await third.deps.store.unfinished() == []
        assert third.messenger.outcomes == 0
        assert len(kie.creates) == 1


@pytest.mark.parametrize("language", ["ar", "zh_hans", "es"])
async def test_the_prompt_reaches_kie_exactly_as_typed_whatever_the_persons_language(
    bot: Bot, kie: FakeKie, language: str
) -> None:
    ada = await bot.customer()
    account = await bot.deps.store.find_account(ada)
    assert account is not None
    await bot.deps.store.update_settings(account.id, SettingsChange(language=language))
    typed = "  قطة على القمر — a cat (s) {count} 1,000 — 猫 🐱\u200f\n"

    await bot.imagine(ada, prompt=typed)
    await bot.finished()

    [create] = kie.creates
    assert create.body["input"]["prompt"].encode() == typed.strip().encode()
