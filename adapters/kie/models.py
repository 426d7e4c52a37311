"""Pydantic models of KIE's wire format (jobs API, common API, callbacks); tolerant of fields KIE adds later."""

from __future__ import annotations

import json
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

T = TypeVar("T")


class Wire(BaseModel):
    """KIE adds fields over time: ignore unknown ones, accept both alias and Python names."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class Envelope(Wire, Generic[T]):
    """Every KIE answer: `{code, msg, data}`. The body `code` is the real status, whatever HTTP said."""

    code: int
    msg: str | None = ""
    data: T | None = None


class CreateTaskInput(Wire):
    prompt: str
    input_urls: list[str] | None = None
    aspect_ratio: str | None = None
    resolution: str | None = None


class CreateTaskRequest(Wire):
    model: str
    input: CreateTaskInput
    callback_url: str | None = Field(default=None, alias="callBackUrl")

    def wire(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, exclude_none=True)


class CreateTaskData(Wire):
    task_id: str = Field(alias="taskId", min_length=1)
    record_id: str | None = Field(default=None, alias="recordId")


class RecordResponse(Wire):
    """The parsed result object newer recordInfo answers carry next to the `resultJson` string."""

    result_urls: list[str] = Field(default_factory=list, alias="resultUrls")


class RecordInfo(Wire):
    """`data` of GET /api/v1/jobs/recordInfo."""

    task_id: str = Field(alias="taskId")
    model: str | None = None
    state: str
    param: str | None = None
    result_json: str | None = Field(default=None, alias="resultJson")
    response: RecordResponse | None = None
    fail_code: str | int | None = Field(default=None, alias="failCode")
    fail_msg: str | None = Field(default=None, alias="failMsg")
    cost_time: float | None = Field(default=None, alias="costTime")
    credits_consumed: float | None = Field(default=None, alias="creditsConsumed")
    success_flag: int | None = Field(default=None, alias="successFlag")
    create_time: int | None = Field(default=None, alias="createTime")
    complete_time: int | None = Field(default=None, alias="completeTime")
    update_time: int | None = Field(default=None, alias="updateTime")

    def result_urls(self) -> tuple[str, ...]:
        """Prefer the parsed `response.resultUrls`; else parse the `resultJson` string (a JSON document)."""
        if self.response is not None and self.response.result_urls:
            return tuple(self.response.result_urls)
        if not self.result_json:
            return ()
        try:
            parsed = ResultJson.model_validate(json.loads(self.result_json))
        except (ValueError, ValidationError):
            return ()
        return tuple(parsed.result_urls)


class ResultJson(Wire):
    result_urls: list[str] = Field(default_factory=list, alias="resultUrls")


class DownloadUrlRequest(Wire):
    url: str


class ModelInfo(Wire):
    model: str
    slug: str | None = None
    title: str | None = None
    provider: str | None = None


class ModelsData(Wire):
    total: int | None = None
    models: list[ModelInfo] = Field(default_factory=list)


class CallbackData(Wire):
    model_config = ConfigDict(extra="allow", populate_by_name=True)

    task_id_snake: str | None = Field(default=None, alias="task_id")
    task_id_camel: str | None = Field(default=None, alias="taskId")


class CallbackBody(Wire):
    """A KIE callback. Only the task id is used: the callback is a trigger to re-read recordInfo, never trusted."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    code: int | None = None
    msg: str | None = None
    task_id: str | None = Field(default=None, alias="taskId")
    data: CallbackData | None = None

    def any_task_id(self) -> str | None:
        """The doc's own verification code reads `data.task_id`; fall back to `taskId`, then `data.taskId`."""
        for candidate in (
            self.data.task_id_snake if self.data else None,
            self.task_id,
            self.data.task_id_camel if self.data else None,
        ):
            if candidate:
                return candidate
        return None


class UploadedFile(Wire):
    """`data` of KIE's file-upload API (kieai.redpandaai.co /api/file-*-upload).

    The current docs show {fileName, filePath, downloadUrl, fileSize, mimeType, uploadedAt}; the April 2026 docs
    also had fileId, fileUrl and expiresAt. KIE's own guide says to hand `downloadUrl` to a model.
    """

    download_url: str | None = Field(default=None, alias="downloadUrl")
    file_url: str | None = Field(default=None, alias="fileUrl")
    file_name: str | None = Field(default=None, alias="fileName")
    uploaded_at: str | None = Field(default=None, alias="uploadedAt")
    expires_at: str | None = Field(default=None, alias="expiresAt")

    def url(self) -> str | None:
        for candidate in (self.download_url, self.file_url):
            if candidate and candidate.startswith(("https://", "http://")):
                return candidate
        return None


class UploadEnvelope(Wire):
    """The upload API's answer: `{success, code, msg, data}`; only `code == 200` with a link is success."""

    success: bool | None = None
    code: int
    msg: str | None = ""
    data: UploadedFile | None = None
