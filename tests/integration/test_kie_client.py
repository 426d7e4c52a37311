"""KieImageGenerator against FakeKie over real HTTP on 127.0.0.1: the jobs API, its failures and its callbacks."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
import pytest

from adapters.kie.callbacks import callback_ref, callback_task_id, parse_callback, sign_kie, verify_kie_signature
from adapters.kie.check import kie_check
from adapters.kie.client import KieImageGenerator, image_kind, kie_http_client
from adapters.local.limiter import InProcessLimiter
from core.errors import DomainError, ErrorCode, ProviderBusy, ProviderError
from core.models import ImageSpec, TaskRef, TaskState, TaskStatus
from core.ports import Limiter
from tests.fakes.kie import I2I, T2I, CallbackSink, FakeKie, Outcome, Reply, png_bytes

API_KEY = "kie-test-key"
HMAC_KEY = "whk-secret"


@dataclass
class ManualTime:
    """A monotonic clock that only moves when the generator 'sleeps', so retries and rate waits cost no time."""

    now: float = 1_000_000.0
    sleeps: list[float] = field(default_factory=list)

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


@pytest.fixture
def clock() -> ManualTime:
    return ManualTime()


@pytest.fixture
async def kie(clock: ManualTime) -> AsyncIterator[FakeKie]:
    async with FakeKie(api_key=API_KEY, clock=clock) as fake:
        yield fake


@pytest.fixture
async def http(kie: FakeKie) -> AsyncIterator[httpx.AsyncClient]:
    async with kie_http_client(kie.base_url, timeout_s=5.0) as client:
        yield client


def generator(
    http: httpx.AsyncClient,
    clock: ManualTime,
    *,
    api_key: str = API_KEY,
    callback_url: str | None = None,
    limiter: Limiter | None = None,
    max_image_bytes: int = 1_000_000,
) -> KieImageGenerator:
    return KieImageGenerator(
        http,
        api_key=api_key,
        model_t2i=T2I,
        model_i2i=I2I,
        callback_url=callback_url,
        limiter=limiter or InProcessLimiter(clock),
        max_image_bytes=max_image_bytes,
        max_retries=3,
        retry_base_s=0.5,
        sleep=clock.sleep,
    )


@pytest.fixture
def gen(http: httpx.AsyncClient, clock: ManualTime) -> KieImageGenerator:
    return generator(http, clock)


async def follow(gen: KieImageGenerator, task_id: str, max_polls: int = 20) -> list[TaskStatus]:
    seen: list[TaskStatus] = []
    for _ in range(max_polls):
        seen.append(await gen.status(task_id))
        if seen[-1].state in (TaskState.SUCCEEDED, TaskState.FAILED):
            return seen
    raise AssertionError(f"task {task_id} never finished: {seen[-1]}")


SPEC = ImageSpec(prompt="a lighthouse at dawn, watercolour", aspect_ratio="16:9", resolution="2K")
REF = TaskRef(generation_id="0123456789abcdef0123456789abcdef", slot=0)


# -- the happy paths ------------------------------------------------------------------------------------------------


async def test_text_to_image_task_is_created_followed_through_every_state_and_downloaded(
    gen: KieImageGenerator, kie: FakeKie
) -> None:
    task_id = await gen.submit(SPEC, REF)
    seen = await follow(gen, task_id)
    image = await gen.download(task_id, seen[-1].result_urls[0])

    assert [s.state for s in seen] == [TaskState.PENDING, TaskState.PENDING, TaskState.RUNNING, TaskState.SUCCEEDED]
    create = kie.creates[0]
    assert create.body == {
        "model": T2I,
        "input": {"prompt": SPEC.prompt, "aspect_ratio": "16:9", "resolution": "2K"},
    }
    assert create.headers["Authorization"] == f"Bearer {API_KEY}"
    assert "Mozilla/5.0" in create.headers["User-Agent"]
    assert image == kie.files[f"{task_id}.png"][0]
    assert image_kind(image) == "png"
    file_request = next(r for r in kie.requests if r.path.startswith("/results/"))
    assert "Authorization" not in file_request.headers


async def test_reference_images_select_the_image_to_image_model_and_are_sent_as_input_urls(
    gen: KieImageGenerator, kie: FakeKie
) -> None:
    refs = ("https://blobs.example/ref-1.png", "https://blobs.example/ref-2.png")

    task_id = await gen.submit(ImageSpec(prompt="make it a poster", reference_urls=refs), REF)
    seen = await follow(gen, task_id)

    assert seen[-1].state is TaskState.SUCCEEDED
    assert kie.creates[0].body["model"] == I2I
    assert kie.creates[0].body["input"]["input_urls"] == list(refs)
    assert kie.tasks[task_id].model == I2I


async def test_four_tasks_run_concurrently_and_each_yields_its_own_image(gen: KieImageGenerator, kie: FakeKie) -> None:
    task_ids = await asyncio.gather(*(gen.submit(SPEC, REF) for _ in range(4)))
    finals = await asyncio.gather(*(follow(gen, t) for t in task_ids))
    images = await asyncio.gather(
        *(gen.download(t, f[-1].result_urls[0]) for t, f in zip(task_ids, finals, strict=True))
    )

    assert len(set(task_ids)) == 4
    assert len(set(images)) == 4
    assert all(image_kind(i) == "png" for i in images)


async def test_callback_url_is_passed_and_a_completed_task_calls_back_once(
    http: httpx.AsyncClient, clock: ManualTime, kie: FakeKie
) -> None:
    sink = CallbackSink()
    url = await sink.start()
    try:
        gen = generator(http, clock, callback_url=url)
        task_id = await gen.submit(SPEC, REF)

        await kie.complete(task_id)

        sent = httpx.URL(kie.creates[0].body["callBackUrl"])
        assert str(sent.copy_with(query=None)) == url
        assert callback_ref(dict(sent.params), API_KEY) == REF  # the task names its generation and slot
        assert [parse_callback(body) for _, body in sink.received] == [task_id]
        assert (await gen.status(task_id)).state is TaskState.SUCCEEDED
    finally:
        await sink.stop()


# -- retries and failures -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("http_status", [200, 429])
async def test_a_rate_limited_create_asks_the_line_to_slow_down_and_creates_nothing(
    gen: KieImageGenerator, kie: FakeKie, clock: ManualTime, http_status: int
) -> None:
    kie.create_replies.append(Reply(429, "The request rate exceeds the limit", http=http_status))

    with pytest.raises(ProviderBusy) as caught:
        await gen.submit(SPEC, REF)

    assert caught.value.retryable
    assert len(kie.creates) == 1 and kie.tasks == {}
    assert clock.sleeps == []  # no retry here: the create line paces the next try


async def test_a_server_error_on_create_is_not_resubmitted_but_reported_as_retryable(
    gen: KieImageGenerator, kie: FakeKie
) -> None:
    kie.create_forever = Reply(500, "Server Error", http=500)

    with pytest.raises(ProviderError) as caught:
        await gen.submit(SPEC, REF)

    assert caught.value.code is ErrorCode.PROVIDER_UNAVAILABLE
    assert caught.value.retryable
    assert len(kie.creates) == 1


async def test_a_create_whose_answer_is_lost_is_not_resubmitted(gen: KieImageGenerator, kie: FakeKie) -> None:
    kie.drop_creates = 1

    with pytest.raises(ProviderError) as caught:
        await gen.submit(SPEC, REF)

    assert caught.value.retryable
    assert "outcome unknown" in caught.value.detail
    assert len(kie.creates) == 1


async def test_server_errors_on_record_info_are_retried_a_bounded_number_of_times(
    gen: KieImageGenerator, kie: FakeKie
) -> None:
    task_id = await gen.submit(SPEC, REF)
    kie.record_forever = Reply(500, "Server Error", http=500)

    with pytest.raises(ProviderError) as caught:
        await gen.status(task_id)

    assert caught.value.code is ErrorCode.PROVIDER_UNAVAILABLE
    assert caught.value.retryable
    assert len(kie.paths("/api/v1/jobs/recordInfo")) == 4


async def test_a_passing_server_error_on_record_info_is_absorbed(gen: KieImageGenerator, kie: FakeKie) -> None:
    task_id = await gen.submit(SPEC, REF)
    kie.record_replies.append(Reply(500, "Server Error"))

    status = await gen.status(task_id)

    assert status.state is TaskState.PENDING


async def test_an_empty_operator_balance_is_provider_unavailable_with_an_operator_warning(
    http: httpx.AsyncClient, clock: ManualTime, kie: FakeKie, caplog: pytest.LogCaptureFixture
) -> None:
    kie.credits = 0
    gen = generator(http, clock)

    with caplog.at_level(logging.DEBUG), pytest.raises(ProviderError) as caught:
        await gen.submit(SPEC, REF)

    assert caught.value.code is ErrorCode.PROVIDER_UNAVAILABLE
    assert not caught.value.retryable
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("402" in w and "balance" in w for w in warnings)
    assert API_KEY not in caplog.text
    assert SPEC.prompt not in caplog.text


async def test_a_bad_api_key_is_provider_unavailable(http: httpx.AsyncClient, clock: ManualTime) -> None:
    gen = generator(http, clock, api_key="wrong-key")

    with pytest.raises(ProviderError) as caught:
        await gen.submit(SPEC, REF)

    assert caught.value.code is ErrorCode.PROVIDER_UNAVAILABLE
    assert "401" in caught.value.detail


async def test_a_request_kie_refuses_with_422_is_a_rejected_prompt(gen: KieImageGenerator, kie: FakeKie) -> None:
    kie.create_replies.append(Reply(422, "The prompt was flagged"))

    with pytest.raises(ProviderError) as caught:
        await gen.submit(SPEC, REF)

    assert caught.value.code is ErrorCode.PROMPT_REJECTED
    assert not caught.value.retryable


async def test_an_invalid_spec_is_refused_before_any_request(gen: KieImageGenerator, kie: FakeKie) -> None:
    with pytest.raises(DomainError) as caught:
        await gen.submit(ImageSpec(prompt="square", aspect_ratio="1:1", resolution="4K"), REF)

    assert caught.value.code is ErrorCode.INVALID_OPTION
    assert kie.requests == []


async def test_a_failed_task_is_failed_with_kies_reason(gen: KieImageGenerator, kie: FakeKie) -> None:
    kie.outcome = Outcome(polls=2, success=False, fail_code="500", fail_msg="Internal error, please try again later")
    task_id = await gen.submit(SPEC, REF)

    final = (await follow(gen, task_id))[-1]

    assert final.state is TaskState.FAILED
    assert final.error_code == ErrorCode.GENERATION_FAILED
    assert final.error_detail == "Internal error, please try again later"


async def test_a_content_policy_failure_is_a_rejected_prompt(gen: KieImageGenerator, kie: FakeKie) -> None:
    kie.outcome = Outcome(polls=1, success=False, fail_code="400", fail_msg="Your content was flagged by OpenAI")
    task_id = await gen.submit(SPEC, REF)

    final = await gen.status(task_id)

    assert final.state is TaskState.FAILED
    assert final.error_code == ErrorCode.PROMPT_REJECTED


async def test_an_unknown_state_is_an_error_not_running(gen: KieImageGenerator, kie: FakeKie) -> None:
    task_id = await gen.submit(SPEC, REF)
    kie.tasks[task_id].state_override = "paused"

    with pytest.raises(ProviderError) as caught:
        await gen.status(task_id)

    assert "paused" in caught.value.detail


async def test_a_task_kie_does_not_know_is_a_failed_generation(gen: KieImageGenerator) -> None:
    with pytest.raises(ProviderError) as caught:
        await gen.status("no-such-task")

    assert caught.value.code is ErrorCode.GENERATION_FAILED
    assert not caught.value.retryable


async def test_a_task_that_never_finishes_stays_pending_or_running(gen: KieImageGenerator, kie: FakeKie) -> None:
    kie.outcome = Outcome(polls=None)
    task_id = await gen.submit(SPEC, REF)

    states = {(await gen.status(task_id)).state for _ in range(10)}

    assert states == {TaskState.PENDING, TaskState.RUNNING}


# -- downloads ------------------------------------------------------------------------------------------------------


async def finished_task(gen: KieImageGenerator, kie: FakeKie) -> tuple[str, str]:
    task_id = await gen.submit(SPEC, REF)
    await kie.complete(task_id)
    return task_id, (await gen.status(task_id)).result_urls[0]


async def test_an_expired_result_url_is_fetched_through_a_minted_download_link(
    gen: KieImageGenerator, kie: FakeKie
) -> None:
    task_id, url = await finished_task(gen, kie)
    kie.expire_results = True

    image = await gen.download(task_id, url)

    assert image == kie.files[f"{task_id}.png"][0]
    assert kie.paths("/api/v1/common/download-url")[0].body == {"url": url}
    assert [h.split("/")[1] for h in kie.file_hits] == ["results", "minted"]


async def test_an_oversized_result_is_rejected(http: httpx.AsyncClient, clock: ManualTime, kie: FakeKie) -> None:
    gen = generator(http, clock, max_image_bytes=10_000)
    task_id, url = await finished_task(gen, kie)
    kie.result_override = (png_bytes(1, size=8) + b"\0" * 20_000, "image/png")

    with pytest.raises(ProviderError) as caught:
        await gen.download(task_id, url)

    assert "larger" in caught.value.detail


async def test_an_oversized_streamed_result_without_length_is_cut_off(
    http: httpx.AsyncClient, clock: ManualTime, kie: FakeKie
) -> None:
    gen = generator(http, clock, max_image_bytes=100_000)
    task_id, url = await finished_task(gen, kie)
    kie.chunked_results = True
    kie.result_override = (png_bytes(1) + b"\0" * 300_000, "image/png")

    with pytest.raises(ProviderError) as caught:
        await gen.download(task_id, url)

    assert "larger" in caught.value.detail


async def test_a_result_that_is_not_an_image_is_rejected(gen: KieImageGenerator, kie: FakeKie) -> None:
    task_id, url = await finished_task(gen, kie)
    kie.result_override = (b"<html>error code: 1010</html>", "text/html")

    with pytest.raises(ProviderError) as caught:
        await gen.download(task_id, url)

    assert caught.value.code is ErrorCode.GENERATION_FAILED


async def test_image_content_type_with_bytes_that_are_not_an_image_is_rejected(
    gen: KieImageGenerator, kie: FakeKie
) -> None:
    task_id, url = await finished_task(gen, kie)
    kie.result_override = (b"definitely not a png", "image/png")

    with pytest.raises(ProviderError) as caught:
        await gen.download(task_id, url)

    assert "not a PNG" in caught.value.detail


# -- callbacks ------------------------------------------------------------------------------------------------------


@pytest.fixture
async def sink() -> AsyncIterator[CallbackSink]:
    s = CallbackSink()
    await s.start()
    yield s
    await s.stop()


async def test_a_signed_callback_verifies_with_the_webhook_key(
    http: httpx.AsyncClient, clock: ManualTime, kie: FakeKie, sink: CallbackSink
) -> None:
    kie.webhook_hmac_key = HMAC_KEY
    gen = generator(http, clock, callback_url=sink.url)
    task_id = await gen.submit(SPEC, REF)

    await kie.complete(task_id)

    headers, body = sink.received[0]
    assert callback_task_id(body, headers, HMAC_KEY, now=clock.now) == task_id
    assert callback_task_id(body, headers, "another-key", now=clock.now) is None
    assert callback_task_id(body, headers, HMAC_KEY, now=clock.now + 3600) is None


async def test_a_callback_with_a_tampered_or_missing_signature_is_refused(
    http: httpx.AsyncClient, clock: ManualTime, kie: FakeKie, sink: CallbackSink
) -> None:
    kie.webhook_hmac_key = HMAC_KEY
    gen = generator(http, clock, callback_url=sink.url)
    task_id = await gen.submit(SPEC, REF)
    await kie.complete(task_id)
    headers, body = sink.received[0]

    forged = json.dumps({"taskId": "someone-elses-task", "data": {"task_id": "someone-elses-task"}}).encode()
    assert callback_task_id(forged, headers, HMAC_KEY, now=clock.now) is None
    assert callback_task_id(body, {}, HMAC_KEY, now=clock.now) is None
    ts = headers["X-Webhook-Timestamp"]
    assert not verify_kie_signature(task_id, ts, "AAAA" + headers["X-Webhook-Signature"][4:], HMAC_KEY, now=clock.now)


async def test_an_unsigned_callback_is_accepted_as_a_trigger_when_no_key_is_configured(
    http: httpx.AsyncClient, clock: ManualTime, kie: FakeKie, sink: CallbackSink
) -> None:
    gen = generator(http, clock, callback_url=sink.url)
    task_id = await gen.submit(SPEC, REF)

    await kie.complete(task_id)

    headers, body = sink.received[0]
    assert "X-Webhook-Signature" not in headers
    assert callback_task_id(body, headers, None) == task_id
    assert callback_task_id(body, headers, HMAC_KEY) is None


async def test_duplicated_callbacks_carry_the_same_task_id(
    http: httpx.AsyncClient, clock: ManualTime, kie: FakeKie, sink: CallbackSink
) -> None:
    kie.duplicate_callbacks = True
    gen = generator(http, clock, callback_url=sink.url)
    task_id = await gen.submit(SPEC, REF)

    await kie.fail(task_id, "Your content was flagged")

    assert [parse_callback(body) for _, body in sink.received] == [task_id, task_id]


async def test_a_task_finished_by_polling_also_calls_back(
    http: httpx.AsyncClient, clock: ManualTime, kie: FakeKie, sink: CallbackSink
) -> None:
    gen = generator(http, clock, callback_url=sink.url)
    task_id = await gen.submit(SPEC, REF)

    await follow(gen, task_id)
    await kie.flush_callbacks()

    assert [parse_callback(body) for _, body in sink.received] == [task_id]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b'{"code": 200, "data": {"task_id": "t-1", "callbackType": "task_completed"}}', "t-1"),
        (b'{"code": 200, "msg": "ok", "data": {"taskId": "t-2", "info": null}}', "t-2"),
        (b'{"taskId": "t-3", "code": 200}', "t-3"),
        (b'{"code": 200, "data": null}', None),
        (b"not json", None),
        (b"[1, 2]", None),
    ],
)
def test_callback_parsing_finds_the_task_id_wherever_kie_puts_it(body: bytes, expected: str | None) -> None:
    assert parse_callback(body) == expected


def test_signatures_are_base64_hmac_sha256_of_task_id_dot_timestamp() -> None:
    signature = sign_kie("ee9c2715375b7837f8bb51d641ff5863", "1700000000", HMAC_KEY)

    assert verify_kie_signature("ee9c2715375b7837f8bb51d641ff5863", "1700000000", signature, HMAC_KEY, now=1700000010)
    assert not verify_kie_signature("ee9c2715375b7837f8bb51d641ff5863", "1700000000", None, HMAC_KEY, now=1700000010)
    assert not verify_kie_signature("ee9c2715375b7837f8bb51d641ff5863", "soon", signature, HMAC_KEY, now=1700000010)


# -- operator checks ------------------------------------------------------------------------------------------------


async def test_kie_check_reports_credits_and_which_models_exist(gen: KieImageGenerator, kie: FakeKie) -> None:
    kie.credits = 42.5

    report = await kie_check(gen, {"KIE_MODEL_T2I": T2I, "KIE_MODEL_I2I": "gpt-image-9-retired"})

    assert report.lines == [
        "KIE credits: 42.5",
        f"model {T2I}: listed",
        "model gpt-image-9-retired: NOT listed (KIE_MODEL_I2I)",
    ]
    assert report.setting == "KIE_MODEL_I2I" and report.problem is not None


async def test_kie_check_survives_a_missing_models_listing_and_a_bad_key(
    http: httpx.AsyncClient, clock: ManualTime, kie: FakeKie
) -> None:
    kie.models_endpoint = False
    gen = generator(http, clock, api_key="wrong-key")

    report = await kie_check(gen, {"KIE_MODEL_T2I": T2I})

    assert report.lines[0].startswith("KIE credits: unavailable")
    assert report.lines[1] == f"model {T2I}: unknown (listing unavailable)"
    assert report.setting == "KIE_API_KEY" and "wrong-key" not in str(report.problem)


async def test_an_undeliverable_callback_does_not_stop_polling_from_finishing_the_task(
    http: httpx.AsyncClient, clock: ManualTime, kie: FakeKie
) -> None:
    gen = generator(http, clock, callback_url="http://127.0.0.1:9/webhooks/kie")
    task_id = await gen.submit(SPEC, REF)

    final = (await follow(gen, task_id))[-1]
    await kie.flush_callbacks()

    assert final.state is TaskState.SUCCEEDED
    assert [c.status for c in kie.callbacks_sent] == [0]


async def test_a_reference_without_a_public_link_is_refused_before_any_request(
    gen: KieImageGenerator, kie: FakeKie
) -> None:
    with pytest.raises(ProviderError) as refused:
        await gen.submit(ImageSpec(prompt="make it blue", reference_urls=("/srv/data/images/a.png",)), REF)

    assert refused.value.code is ErrorCode.PROVIDER_UNAVAILABLE
    assert kie.creates == []
