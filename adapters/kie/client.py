"""KieImageGenerator: the ImageGenerator port over KIE's jobs API (kie.md §1–§8).

One image per task. The body `code` is the real status. Task creation is paced by the core's CreateLine (the one
create budget shared by every process), so a 429 on create (HTTP or body code) is not retried here: it raises
ProviderBusy, and the line slows down and lets the create wait again in its place (nothing was created). A 500 or a
lost answer is not resubmitted blindly, since it may have created, and charged, a task.

The pieces live by concern: transport (HTTP calls, retries, pacing), errors (envelope and error codes), tasks
(createTask body, recordInfo → TaskStatus) and downloads (result images); their public names are re-exported here.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

import httpx
from pydantic import TypeAdapter, ValidationError

from adapters.kie.callbacks import callback_url_for
from adapters.kie.downloads import EXPIRED_STATUSES, IMAGE_TYPES, NEUTRAL_TYPES, fetch_image, image_kind
from adapters.kie.errors import MAX_RETRY_AFTER_S, OPERATOR_CAUSES, parse_answer
from adapters.kie.models import CreateTaskData, DownloadUrlRequest, ModelsData, RecordInfo
from adapters.kie.tasks import POLICY_WORDS, STATES, create_request, is_policy_failure, task_status
from adapters.kie.transport import DISCOVERY_LIMIT_KEY, USER_AGENT, KieTransport, kie_http_client
from adapters.kie.validation import validate_spec
from core.errors import ErrorCode, ProviderError
from core.metrics import NoMetrics
from core.models import ImageSpec, TaskRef, TaskStatus
from core.ports import Limiter, LostTasks, Metrics

log = logging.getLogger(__name__)

CREATE_LIMIT = 20  # KIE's createTask budget per account: 20 per 10 s ("Rejected, not queued" above it)
CREATE_WINDOW_S = 10.0

__all__ = [
    "CREATE_LIMIT",
    "CREATE_WINDOW_S",
    "DISCOVERY_LIMIT_KEY",
    "EXPIRED_STATUSES",
    "IMAGE_TYPES",
    "MAX_RETRY_AFTER_S",
    "NEUTRAL_TYPES",
    "OPERATOR_CAUSES",
    "POLICY_WORDS",
    "STATES",
    "USER_AGENT",
    "KieImageGenerator",
    "image_kind",
    "is_policy_failure",
    "kie_http_client",
]


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
        self._transport = KieTransport(
            client,
            api_key=api_key,
            limiter=limiter,
            max_retries=max_retries,
            retry_base_s=retry_base_s,
            sleep=sleep,
            max_rate_waits=max_rate_waits,
            max_in_flight=max_in_flight,
        )
        self._metrics = metrics or NoMetrics()
        self._api_key = api_key
        self._model_t2i = model_t2i
        self._model_i2i = model_i2i
        self._callback_url = callback_url
        self._max_bytes = max_image_bytes

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
        callback = callback_url_for(self._callback_url, ref, self._api_key) if self._callback_url else None
        request = create_request(spec, model, callback)
        data = await self._transport.call("POST", "/api/v1/jobs/createTask", json=request.wire(), idempotent=False)
        created = parse_answer(CreateTaskData, data, "createTask")
        log.info("kie task created task_id=%s model=%s", created.task_id, model)
        return created.task_id

    async def status(self, task_id: str) -> TaskStatus:
        """One recordInfo read, mapped to the domain. An unknown state is an error, never "still running"."""
        data = await self._transport.call("GET", "/api/v1/jobs/recordInfo", params={"taskId": task_id}, idempotent=True)
        return task_status(task_id, parse_answer(RecordInfo, data, "recordInfo"))

    async def download(self, task_id: str, url: str) -> bytes:
        """Fetch a result now (URLs expire); an expired URL is re-minted through /common/download-url."""
        status, data = await fetch_image(self._transport, url, self._max_bytes)
        if status in EXPIRED_STATUSES:
            log.info("kie result url expired for task_id=%s (HTTP %s); minting a download url", task_id, status)
            direct = await self.download_url(url)
            status, data = await fetch_image(self._transport, direct, self._max_bytes)
        if data is None:
            raise ProviderError(
                ErrorCode.GENERATION_FAILED, f"result download failed with HTTP {status}", retryable=status >= 500
            )
        return data

    # -- operator helpers ------------------------------------------------------------------------------------------

    async def credits(self) -> float:
        """The operator's remaining KIE credits (GET /api/v1/chat/credit; generates nothing)."""
        data = await self._transport.call("GET", "/api/v1/chat/credit", idempotent=True)
        try:
            return float(TypeAdapter(float).validate_python(data))
        except ValidationError as exc:
            raise ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, "credit answer is not a number") from exc

    async def model_exists(self, model: str) -> bool | None:
        """Whether KIE lists `model` (GET /api/v1/models?q=); None when the listing is unavailable."""
        try:
            data = await self._transport.call("GET", "/api/v1/models", params={"q": model}, idempotent=True)
            listing = ModelsData.model_validate(data)
        except (ProviderError, ValidationError) as exc:
            log.info("kie model listing unavailable: %s", exc)
            return None
        return any(m.model == model for m in listing.models)

    async def download_url(self, url: str) -> str:
        """A 20-minute direct link for a KIE-generated file (data is a bare string)."""
        data = await self._transport.call(
            "POST", "/api/v1/common/download-url", json=DownloadUrlRequest(url=url).model_dump(), idempotent=True
        )
        if not isinstance(data, str) or not data.startswith(("http://", "https://")):
            raise ProviderError(ErrorCode.GENERATION_FAILED, "download-url returned no link")
        return data
