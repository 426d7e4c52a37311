"""KieImageGenerator: the ImageGenerator port over KIE's jobs API (kie.md §1–§8).

One image per task. The body `code` is the real status. Task creation is paced by the core's CreateLine (the one
create budget shared by every process), so a 429 on create (HTTP or body code) is not retried here: it raises
ProviderBusy, and the line slows down and lets the create wait again in its place (nothing was created). A 500 or a
lost answer is not resubmitted blindly, since it may have created, and charged, a task.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError

from adapters.kie.callbacks import callback_url_for
from adapters.kie.models import (
    CreateTaskData,
    CreateTaskInput,
    CreateTaskRequest,
    DownloadUrlRequest,
    Envelope,
    ModelsData,
    RecordInfo,
)
from adapters.kie.validation import validate_spec
from core.errors import ErrorCode, ProviderBusy, ProviderError
from core.metrics import NoMetrics
from core.models import ImageSpec, TaskRef, TaskState, TaskStatus
from core.ports import Limiter, LostTasks, Metrics

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 gpt-image-bot"
)
DISCOVERY_LIMIT_KEY = "kie:discovery"  # /api/v1/models and friends: one shared budget of 1 request/s per account
CREATE_LIMIT = 20  # KIE's createTask budget per account: 20 per 10 s ("Rejected, not queued" above it)
CREATE_WINDOW_S = 10.0
MAX_RETRY_AFTER_S = 30.0

# Body codes that mean "the service is unusable for this operator", with the cause for the operator's log.
OPERATOR_CAUSES: dict[int, str] = {
    401: "KIE rejected the API key (401): check KIE_API_KEY",
    402: "the operator's KIE credit balance is empty (402): top up at kie.ai",
    433: "the KIE sub-key exceeded its usage limit (433)",
    455: "KIE is under maintenance (455)",
    505: "the KIE feature is disabled (505)",
}
EXPIRED_STATUSES = frozenset({403, 404, 410})
STATES: dict[str, TaskState] = {
    "waiting": TaskState.PENDING,
    "queuing": TaskState.PENDING,
    "generating": TaskState.RUNNING,
    "success": TaskState.SUCCEEDED,
    "fail": TaskState.FAILED,
}
POLICY_WORDS = (
    "content polic",
    "policy",
    "violat",
    "flagged",
    "nsfw",
    "sensitive",
    "safety",
    "moderation",
    "inappropriate",
    "prohibited",
    "not allowed",
)
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/jpg", "image/webp"})
NEUTRAL_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})


def kie_http_client(base_url: str, *, timeout_s: float = 30.0) -> httpx.AsyncClient:
    """The one httpx client for KIE (the generator adds auth per call, so result downloads never carry the key)."""
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=httpx.Timeout(timeout_s, connect=10.0),
        limits=httpx.Limits(max_connections=50, max_keepalive_connections=10),
    )


def image_kind(data: bytes) -> str | None:
    """The image type from magic bytes: png, jpeg or webp, else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def is_policy_failure(fail_code: str | int | None, fail_msg: str | None) -> bool:
    text = f"{fail_code or ''} {fail_msg or ''}".lower()
    return any(word in text for word in POLICY_WORDS)


class KieImageGenerator:
    """GPT-Image-2 through KIE: submit → recordInfo → download, with KIE's error codes mapped to domain codes."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        api_key: str,
        model_t2i: str,
        model_i2i: str,
        callback_url: str | None,
        limiter: Limiter,
        max_image_bytes: int,
        max_retries: int = 3,
        retry_base_s: float = 0.5,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        max_rate_waits: int = 30,
        max_in_flight: int = 50,
        metrics: Metrics | None = None,
    ) -> None:
        self._http = client
        self._metrics = metrics or NoMetrics()
        self._api_key = api_key
        self._model_t2i = model_t2i
        self._model_i2i = model_i2i
        self._callback_url = callback_url
        self._limiter = limiter
        self._max_bytes = max_image_bytes
        self._max_retries = max_retries
        self._retry_base_s = retry_base_s
        self._sleep = sleep
        self._max_rate_waits = max_rate_waits
        # Thousands of polls waiting inside httpcore's pool cost O(waiters) per request (quadratic overall);
        # waiting here instead is O(1). Matches the pool's max_connections.
        self._in_flight = asyncio.Semaphore(max_in_flight)

    # -- ImageGenerator port ---------------------------------------------------------------------------------------

    @property
    def lost_tasks(self) -> LostTasks:
        """With a callback URL, KIE reports every task (with our TaskRef in the URL) when it ends; without, a task
        whose id was lost cannot be found (KIE has no task search), so it is refunded, never created again."""
        return LostTasks.REPORTED if self._callback_url else LostTasks.LOST

    async def submit(self, spec: ImageSpec, ref: TaskRef) -> str:
        """Create one task; returns KIE's taskId. Validates first, so a bad spec never reaches KIE."""
        validate_spec(spec)
        if any(not url.startswith(("https://", "http://")) for url in spec.reference_urls):
            log.warning("a reference image reached KIE without a public link (wiring should upload it first)")
            raise ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, "reference images are not reachable by KIE")
        model = self._model_i2i if spec.reference_urls else self._model_t2i
        request = CreateTaskRequest(
            model=model,
            input=CreateTaskInput(
                prompt=spec.prompt,
                input_urls=list(spec.reference_urls) if spec.reference_urls else None,
                aspect_ratio=spec.aspect_ratio,
                resolution=spec.resolution,
            ),
            callBackUrl=callback_url_for(self._callback_url, ref, self._api_key) if self._callback_url else None,
        )
        data = await self._call("POST", "/api/v1/jobs/createTask", json=request.wire(), idempotent=False)
        created = self._parse(CreateTaskData, data, "createTask")
        log.info("kie task created task_id=%s model=%s", created.task_id, model)
        return created.task_id

    async def status(self, task_id: str) -> TaskStatus:
        """One recordInfo read, mapped to the domain. An unknown state is an error, never "still running"."""
        data = await self._call("GET", "/api/v1/jobs/recordInfo", params={"taskId": task_id}, idempotent=True)
        record = self._parse(RecordInfo, data, "recordInfo")
        state = STATES.get(record.state)
        if state is None:
            log.warning("kie task %s reported unknown state %r", task_id, record.state)
            raise ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, f"unknown KIE task state {record.state!r}")
        if state is TaskState.FAILED:
            code = (
                ErrorCode.PROMPT_REJECTED
                if is_policy_failure(record.fail_code, record.fail_msg)
                else ErrorCode.GENERATION_FAILED
            )
            detail = record.fail_msg or (
                f"KIE failCode {record.fail_code}" if record.fail_code else "generation failed"
            )
            return TaskStatus(task_id=task_id, state=state, error_code=code, error_detail=detail)
        if state is TaskState.SUCCEEDED:
            urls = record.result_urls()
            if not urls:
                return TaskStatus(
                    task_id=task_id,
                    state=TaskState.FAILED,
                    error_code=ErrorCode.GENERATION_FAILED,
                    error_detail="KIE reported success without a result URL",
                )
            return TaskStatus(task_id=task_id, state=state, result_urls=urls)
        return TaskStatus(task_id=task_id, state=state)

    async def download(self, task_id: str, url: str) -> bytes:
        """Fetch a result now (URLs expire); an expired URL is re-minted through /common/download-url."""
        status, data = await self._fetch(url)
        if status in EXPIRED_STATUSES:
            log.info("kie result url expired for task_id=%s (HTTP %s); minting a download url", task_id, status)
            direct = await self.download_url(url)
            status, data = await self._fetch(direct)
        if data is None:
            raise ProviderError(
                ErrorCode.GENERATION_FAILED, f"result download failed with HTTP {status}", retryable=status >= 500
            )
        return data

    # -- operator helpers ------------------------------------------------------------------------------------------

    async def credits(self) -> float:
        """The operator's remaining KIE credits (GET /api/v1/chat/credit; generates nothing)."""
        data = await self._call("GET", "/api/v1/chat/credit", idempotent=True)
        try:
            return float(TypeAdapter(float).validate_python(data))
        except ValidationError as exc:
            raise ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, "credit answer is not a number") from exc

    async def model_exists(self, model: str) -> bool | None:
        """Whether KIE lists `model` (GET /api/v1/models?q=); None when the listing is unavailable."""
        try:
            data = await self._call("GET", "/api/v1/models", params={"q": model}, idempotent=True)
            listing = ModelsData.model_validate(data)
        except (ProviderError, ValidationError) as exc:
            log.info("kie model listing unavailable: %s", exc)
            return None
        return any(m.model == model for m in listing.models)

    async def download_url(self, url: str) -> str:
        """A 20-minute direct link for a KIE-generated file (data is a bare string)."""
        data = await self._call(
            "POST", "/api/v1/common/download-url", json=DownloadUrlRequest(url=url).model_dump(), idempotent=True
        )
        if not isinstance(data, str) or not data.startswith(("http://", "https://")):
            raise ProviderError(ErrorCode.GENERATION_FAILED, "download-url returned no link")
        return data

    # -- plumbing --------------------------------------------------------------------------------------------------

    def _headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self._api_key}",
            "Content-Type": "application/json",
            "Accept": "application/json",
            "User-Agent": USER_AGENT,
        }

    def _backoff(self, attempt: int, retry_after: str | None = None) -> float:
        if retry_after:
            try:
                return min(max(float(retry_after), 0.0), MAX_RETRY_AFTER_S)
            except ValueError:
                pass
        return float(self._retry_base_s * (2**attempt) * random.uniform(0.5, 1.0))

    async def _acquire(self, key: str, limit: int, window_s: float) -> None:
        """Share a KIE account limit across processes through the Limiter; wait (bounded) while it is full."""
        for _ in range(self._max_rate_waits):
            decision = await self._limiter.hit(key, limit, window_s)
            if decision.allowed:
                return
            await self._sleep(max(decision.retry_after_s, 0.05))
        raise ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, f"KIE rate limit {key} stayed full", retryable=True)

    async def _call(
        self,
        method: str,
        path: str,
        *,
        idempotent: bool,
        json: dict[str, Any] | None = None,
        params: dict[str, str] | None = None,
    ) -> Any:
        """One KIE API call with bounded retries; returns `data` of a `code == 200` envelope or raises ProviderError.

        429 and unsent requests are retried (a create's 429 raises ProviderBusy for the line instead); 5xx and lost
        answers only when `idempotent`.
        """
        creating = path.endswith("/createTask")
        for attempt in range(self._max_retries + 1):
            last = attempt == self._max_retries
            if path.startswith("/api/v1/models"):
                await self._acquire(DISCOVERY_LIMIT_KEY, 1, 1.0)
            try:
                async with self._in_flight:
                    resp = await self._http.request(method, path, json=json, params=params, headers=self._headers())
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                # Nothing reached KIE: safe to retry even a create.
                if last:
                    raise ProviderError(
                        ErrorCode.PROVIDER_UNAVAILABLE, f"KIE unreachable: {type(exc).__name__}", retryable=True
                    ) from exc
                await self._sleep(self._backoff(attempt))
                continue
            except httpx.TransportError as exc:
                if not idempotent or last:
                    raise ProviderError(
                        ErrorCode.PROVIDER_UNAVAILABLE,
                        f"KIE answer lost ({type(exc).__name__}); task outcome unknown"
                        if creating
                        else "KIE answer lost",
                        retryable=True,
                    ) from exc
                await self._sleep(self._backoff(attempt))
                continue
            code, msg, data = self._envelope(resp)
            if code == 200:
                return data
            if code == 429:
                if creating:
                    raise ProviderBusy(f"KIE rate limit (429) on {path}", retry_after_s=_seconds(resp))
                if last:
                    break
                await self._sleep(self._backoff(attempt, resp.headers.get("Retry-After")))
                continue
            if (code >= 500 or code == 408) and code not in OPERATOR_CAUSES:
                if not idempotent or last:
                    detail = f"KIE error {code} on {path}"
                    if creating:
                        detail += "; task outcome unknown, not resubmitted"
                    raise ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, detail, retryable=True)
                await self._sleep(self._backoff(attempt))
                continue
            raise self._error(code, msg, path)
        raise ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, f"KIE rate limit (429) on {path}", retryable=True)

    @staticmethod
    def _envelope(resp: httpx.Response) -> tuple[int, str, Any]:
        """(effective code, msg, data): the body code rules, but a non-2xx HTTP status is never success."""
        try:
            env = Envelope[Any].model_validate(resp.json())
        except (ValueError, ValidationError):
            env = None
        if resp.is_success:
            if env is None:
                return 502, "KIE answered without a JSON envelope", None
            return env.code, env.msg or "", env.data
        if env is not None and env.code != 200:
            return env.code, env.msg or "", env.data
        return resp.status_code, resp.reason_phrase, None

    @staticmethod
    def _error(code: int, msg: str, path: str) -> ProviderError:
        cause = OPERATOR_CAUSES.get(code)
        if cause is not None:
            log.warning("KIE unavailable for the operator: %s", cause)
            return ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, cause)
        if code in (400, 422) and path.endswith("/createTask"):
            return ProviderError(ErrorCode.PROMPT_REJECTED, f"KIE refused the request ({code}): {msg}")
        if path.endswith("/recordInfo") and code in (404, 422):
            return ProviderError(ErrorCode.GENERATION_FAILED, f"KIE does not know the task ({code}): {msg}")
        if path.endswith("/download-url"):
            return ProviderError(ErrorCode.GENERATION_FAILED, f"KIE could not mint a download link ({code}): {msg}")
        log.warning("KIE error %s on %s: %s", code, path, msg)
        return ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, f"KIE error {code} on {path}: {msg}")

    @staticmethod
    def _parse(model: type[M], data: Any, what: str) -> M:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, f"unexpected {what} answer from KIE") from exc

    async def _fetch(self, url: str) -> tuple[int, bytes | None]:
        """(HTTP status, checked image bytes or None if the status was not 2xx); retries 429/5xx and lost answers."""
        for attempt in range(self._max_retries + 1):
            last = attempt == self._max_retries
            try:
                async with (
                    self._in_flight,
                    self._http.stream(
                        "GET", url, headers={"User-Agent": USER_AGENT, "Accept": "image/*"}, follow_redirects=True
                    ) as resp,
                ):
                    if resp.status_code == 429 or resp.status_code >= 500:
                        if last:
                            return resp.status_code, None
                        retry_after = resp.headers.get("Retry-After")
                    elif not resp.is_success:
                        return resp.status_code, None
                    else:
                        return resp.status_code, await self._read_image(resp)
            except httpx.TransportError as exc:
                if last:
                    raise ProviderError(
                        ErrorCode.GENERATION_FAILED, f"result download failed: {type(exc).__name__}", retryable=True
                    ) from exc
                retry_after = None
            await self._sleep(self._backoff(attempt, retry_after))
        raise AssertionError("unreachable")  # pragma: no cover

    async def _read_image(self, resp: httpx.Response) -> bytes:
        content_type = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type not in IMAGE_TYPES and content_type not in NEUTRAL_TYPES:
            raise ProviderError(ErrorCode.GENERATION_FAILED, f"result is not an image ({content_type})")
        declared = resp.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self._max_bytes:
            raise ProviderError(ErrorCode.GENERATION_FAILED, f"result is larger than {self._max_bytes} bytes")
        chunks: list[bytes] = []
        total = 0
        async for chunk in resp.aiter_bytes():
            total += len(chunk)
            if total > self._max_bytes:
                raise ProviderError(ErrorCode.GENERATION_FAILED, f"result is larger than {self._max_bytes} bytes")
            chunks.append(chunk)
        data = b"".join(chunks)
        if image_kind(data) is None:
            raise ProviderError(ErrorCode.GENERATION_FAILED, "result bytes are not a PNG, JPEG or WebP image")
        return data


def _seconds(resp: httpx.Response) -> float | None:
    """A Retry-After in seconds (capped), if KIE sent one."""
    try:
        return min(max(float(resp.headers.get("Retry-After", "")), 0.0), MAX_RETRY_AFTER_S)
    except ValueError:
        return None
