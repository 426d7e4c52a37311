"""Reading KIE's answers: the `{code, msg, data}` envelope (the body code is the real status) and what an error
code means for the person (prompt rejected, generation failed) or the operator (key, credits, maintenance)."""

from __future__ import annotations

import logging
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from adapters.kie.models import Envelope
from core.errors import ErrorCode, ProviderError

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

MAX_RETRY_AFTER_S = 30.0

# Body codes that mean "the service is unusable for this operator", with the cause for the operator's log.
OPERATOR_CAUSES: dict[int, str] = {
    401: "KIE rejected the API key (401): check KIE_API_KEY",
    402: "the operator's KIE credit balance is empty (402): top up at kie.ai",
    433: "the KIE sub-key exceeded its usage limit (433)",
    455: "KIE is under maintenance (455)",
    505: "the KIE feature is disabled (505)",
}


def read_envelope(resp: httpx.Response) -> tuple[int, str, Any]:
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


def api_error(code: int, msg: str, path: str) -> ProviderError:
    """A final (not retried) KIE error code as the domain error for this endpoint."""
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


def parse_answer(model: type[M], data: Any, what: str) -> M:
    """An envelope's `data` as `model`; an unexpected shape is KIE being unavailable, not a bad request."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, f"unexpected {what} answer from KIE") from exc


def retry_after_s(resp: httpx.Response) -> float | None:
    """A Retry-After in seconds (capped), if KIE sent one."""
    try:
        return min(max(float(resp.headers.get("Retry-After", "")), 0.0), MAX_RETRY_AFTER_S)
    except ValueError:
        return None
