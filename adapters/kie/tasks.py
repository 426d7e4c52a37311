"""KIE's jobs API in domain terms: the createTask body for an ImageSpec, and a recordInfo read as a TaskStatus.

One image per task. An unknown state is an error, never "still running"; a failure whose code or message speaks
of policy is a rejected prompt, anything else a failed generation."""

from __future__ import annotations

import logging

from adapters.kie.models import CreateTaskInput, CreateTaskRequest, RecordInfo
from core.errors import ErrorCode, ProviderError
from core.models import ImageSpec, TaskState, TaskStatus

log = logging.getLogger(__name__)

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


def is_policy_failure(fail_code: str | int | None, fail_msg: str | None) -> bool:
    text = f"{fail_code or ''} {fail_msg or ''}".lower()
    return any(word in text for word in POLICY_WORDS)


def create_request(spec: ImageSpec, model: str, callback_url: str | None) -> CreateTaskRequest:
    return CreateTaskRequest(
        model=model,
        input=CreateTaskInput(
            prompt=spec.prompt,
            input_urls=list(spec.reference_urls) if spec.reference_urls else None,
            aspect_ratio=spec.aspect_ratio,
            resolution=spec.resolution,
        ),
        callBackUrl=callback_url,
    )


def task_status(task_id: str, record: RecordInfo) -> TaskStatus:
    """One recordInfo read mapped to the domain."""
    state = STATES.get(record.state)
    if state is None:
        log.warning("kie task %s reported unknown state %r", task_id, record.state)
        raise ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, f"unknown KIE task state {record.state!r}")
    if state is TaskState.FAILED:
        return failed_status(task_id, record)
    if state is TaskState.SUCCEEDED:
        return succeeded_status(task_id, record)
    return TaskStatus(task_id=task_id, state=state)


def failed_status(task_id: str, record: RecordInfo) -> TaskStatus:
    code = (
        ErrorCode.PROMPT_REJECTED
        if is_policy_failure(record.fail_code, record.fail_msg)
        else ErrorCode.GENERATION_FAILED
    )
    detail = record.fail_msg or (f"KIE failCode {record.fail_code}" if record.fail_code else "generation failed")
    return TaskStatus(task_id=task_id, state=TaskState.FAILED, error_code=code, error_detail=detail)


def succeeded_status(task_id: str, record: RecordInfo) -> TaskStatus:
    """Success without a result URL is a failed generation (there is nothing to deliver)."""
    urls = record.result_urls()
    if not urls:
        return TaskStatus(
            task_id=task_id,
            state=TaskState.FAILED,
            error_code=ErrorCode.GENERATION_FAILED,
            error_detail="KIE reported success without a result URL",
        )
    return TaskStatus(task_id=task_id, state=TaskState.SUCCEEDED, result_urls=urls)
