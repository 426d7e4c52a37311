"""FakeKie: a protocol-faithful KIE.ai jobs API on 127.0.0.1 (kie.md §1–§8, §13), scriptable for failures.

Speaks the `{code, msg, data}` envelope (errors as body codes with HTTP 200 unless scripted otherwise), the task
states waiting/queuing/generating/success/fail, `resultJson` as a JSON string, result files over HTTP (real PNGs),
expiring result URLs re-minted through /common/download-url, and callbacks (signed when a key is set).
Progress is driven by the number of recordInfo polls or by `complete()`/`fail()`, never by wall time.
Chaos (for fault tests): `fault` picks, per request, an HTTP 500, a 429, a malformed (truncated) JSON answer, an
answer that never comes (the client times out) or a dropped connection; `outcome_for` picks each new task's fate.
File uploads (kie.md §11, the upload host's API on the same server): `file-stream-upload` (multipart) and
`file-base64-upload` answer `{success, code, msg, data:{fileName, filePath, downloadUrl, fileSize, mimeType,
uploadedAt}}`; uploaded files are served under `/tempfile/` until `upload_lifetime_s` (by `clock`) has passed.
With `check_inputs`, createTask fetches every `input_urls` entry like KIE does, and a task whose input cannot be
fetched fails.
Load (for benchmarks): `latency_s` finishes every new task that many wall-clock seconds after creation (0: at once),
`failure_rate` fails that fraction of new tasks (seeded), and `create_limit` enforces KIE's createTask rate
(`(requests, window_s)` per account, answered with body code 429 like KIE). All three are off by default.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import io
import json
import random
import time
import uuid
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Self

import aiohttp
from aiohttp import web
from multidict import CIMultiDict
from PIL import Image

T2I = "gpt-image-2-text-to-image"
I2I = "gpt-image-2-image-to-image"
ASPECTS = ("auto", "1:1", "9:16", "16:9", "4:3", "3:4")
RESOLUTIONS = ("1K", "2K", "4K")
PRICES = {"1K": 6.0, "2K": 10.0, "4K": 16.0}
PROGRESS = ("waiting", "queuing", "generating")


def png_bytes(seed: int = 0, size: int = 8) -> bytes:
    """A real, tiny PNG whose colour depends on `seed` (so tests can tell results apart)."""
    buf = io.BytesIO()
    Image.new("RGB", (size, size), ((seed * 53) % 256, (seed * 97) % 256, 200)).save(buf, format="PNG")
    return buf.getvalue()


@dataclass
class Reply:
    """A scripted answer: body `code` (and `msg`), sent with HTTP status `http` (KIE mostly uses 200)."""

    code: int
    msg: str = "scripted"
    http: int = 200


@dataclass
class Outcome:
    """How the next created tasks end: after `polls` recordInfo reads (None = never on their own)."""

    polls: int | None = 4
    success: bool = True
    fail_code: str = ""
    fail_msg: str = ""


FAULTS = ("http500", "rate429", "malformed", "hang", "drop")


@dataclass
class FakeTask:
    task_id: str
    model: str
    input: dict[str, Any]
    callback_url: str | None
    outcome: Outcome
    created_ms: int
    state: str = "waiting"
    polls: int = 0
    fail_code: str = ""
    fail_msg: str = ""
    result_urls: list[str] = field(default_factory=list)
    state_override: str | None = None
    completed_ms: int | None = None

    @property
    def finished(self) -> bool:
        return self.state in ("success", "fail")


@dataclass
class FakeUpload:
    name: str
    path: str
    data: bytes
    mime_type: str
    uploaded_at: float
    url: str


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any


@dataclass(frozen=True)
class SentCallback:
    url: str
    headers: dict[str, str]
    body: dict[str, Any]
    status: int


class FakeKie:
    """The fake server. Script it through its public attributes; read `requests`, `tasks`, `callbacks_sent`."""

    def __init__(
        self,
        *,
        api_key: str = "kie-test-key",
        credits: float = 1000.0,
        models: tuple[str, ...] = (T2I, I2I),
        webhook_hmac_key: str | None = None,
        clock: Callable[[], float] = time.time,
        latency_s: float | None = None,
        failure_rate: float = 0.0,
        create_limit: tuple[int, float] | None = None,
        seed: int = 0,
        result_image: bytes | None = None,
    ) -> None:
        self.api_key = api_key
        self.result_image = result_image  # every result is this image (benchmarks: realistic sizes); else tiny PNGs
        self.credits = credits
        self.models = list(models)
        self.models_endpoint = True
        self.webhook_hmac_key = webhook_hmac_key
        self.clock = clock
        self.outcome = Outcome()
        self.tasks: dict[str, FakeTask] = {}
        self.requests: list[Recorded] = []
        self.create_replies: deque[Reply] = deque()
        self.create_forever: Reply | None = None
        self.record_replies: deque[Reply] = deque()
        self.record_forever: Reply | None = None
        self.expire_results = False
        self.result_override: tuple[bytes, str] | None = None
        self.chunked_results = False
        self.duplicate_callbacks = False
        self.drop_creates = 0
        self.fault: Callable[[str], str | None] | None = None  # request path -> one of FAULTS (or None: answer)
        self.faults_served: list[tuple[str, str]] = []
        self.outcome_for: Callable[[], Outcome] | None = None  # each new task's fate (default: `outcome`)
        self.on_created: Callable[[FakeTask], Awaitable[None]] | None = None  # after a create, before its answer
        self._released = asyncio.Event()
        self.callbacks_sent: list[SentCallback] = []
        self.files: dict[str, tuple[bytes, str]] = {}
        self.minted: dict[str, str] = {}
        self.file_hits: list[str] = []
        self.base_url = ""
        self._runner: web.AppRunner | None = None
        self._pending: set[asyncio.Task[None]] = set()
        self._session: aiohttp.ClientSession | None = None
        self.latency_s = latency_s
        self.failure_rate = failure_rate
        self.create_limit = create_limit
        self.rate_limited = 0  # createTask calls refused by `create_limit`
        self._random = random.Random(seed)
        self._create_times: deque[float] = deque()
        self._timers: set[asyncio.TimerHandle] = set()
        self.uploads: dict[str, FakeUpload] = {}  # by download path
        self.upload_replies: deque[Reply] = deque()
        self.upload_lifetime_s = 24 * 3600.0
        self.check_inputs = False
        self.input_fetches: list[tuple[str, int]] = []  # (url, HTTP status or 0) fetched by createTask

    # -- lifecycle ----------------------------------------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application(middlewares=[self._record])
        app.router.add_post("/api/v1/jobs/createTask", self._create_task)
        app.router.add_get("/api/v1/jobs/recordInfo", self._record_info)
        app.router.add_get("/api/v1/chat/credit", self._credit)
        app.router.add_post("/api/v1/common/download-url", self._download_url)
        app.router.add_get("/api/v1/models", self._models)
        app.router.add_get("/results/{name}", self._result_file)
        app.router.add_get("/minted/{token}", self._minted_file)
        app.router.add_post("/api/file-stream-upload", self._stream_upload)
        app.router.add_post("/api/file-base64-upload", self._base64_upload)
        app.router.add_get("/tempfile/{path:.+}", self._uploaded_file)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}"
        self._session = aiohttp.ClientSession()
        return self.base_url

    async def stop(self) -> None:
        self._released.set()  # answers held back by a "hang" fault go out now (to clients long gone)
        for timer in self._timers:
            timer.cancel()
        self._timers.clear()
        await self.flush_callbacks()
        if self._session is not None:
            await self._session.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> Self:
        """Started for the block and stopped after it: the one way tests run the fake."""
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def flush_callbacks(self) -> None:
        """Wait for callbacks fired in the background by poll-driven completions."""
        while self._pending:
            await asyncio.gather(*list(self._pending))

    # -- scripting ----------------------------------------------------------------------------------------------

    async def complete(self, task_id: str) -> None:
        """Finish a task successfully now and deliver its callback(s) before returning."""
        self._finish(self.tasks[task_id], success=True)
        await self._send_callbacks(self.tasks[task_id])

    async def fail(self, task_id: str, fail_msg: str, fail_code: str = "500") -> None:
        self._finish(self.tasks[task_id], success=False, fail_code=fail_code, fail_msg=fail_msg)
        await self._send_callbacks(self.tasks[task_id])

    def paths(self, path: str) -> list[Recorded]:
        return [r for r in self.requests if r.path == path]

    @property
    def creates(self) -> list[Recorded]:
        return self.paths("/api/v1/jobs/createTask")

    # -- handlers -----------------------------------------------------------------------------------------------

    @web.middleware
    async def _record(self, request: web.Request, handler: Any) -> web.StreamResponse:
        body: Any = None
        if request.can_read_body and request.content_type != "multipart/form-data":
            raw = await request.read()
            try:
                body = json.loads(raw)
            except ValueError:
                body = raw
        self.requests.append(Recorded(request.method, request.path, dict(request.query), dict(request.headers), body))
        if request.path.startswith("/api/") and request.headers.get("Authorization") != f"Bearer {self.api_key}":
            if request.path.startswith("/api/file-"):
                return self._upload_env(401, "Unauthorized: invalid or missing API key")
            return self._env(401, "You do not have access permissions")
        fault = self.fault(request.path) if self.fault is not None else None
        if fault is not None:
            return await self._serve_fault(request, fault)
        response: web.StreamResponse = await handler(request)
        return response

    async def _serve_fault(self, request: web.Request, fault: str) -> web.StreamResponse:
        """A failure instead of the real answer; nothing is created or advanced by a faulted request."""
        self.faults_served.append((request.path, fault))
        if fault == "http500":
            return web.Response(status=500, text="<html><body>500 Internal Server Error</body></html>",
                                content_type="text/html")  # fmt: skip
        if fault == "rate429":
            return self._env(429, "The request rate exceeds the limit", http=429)
        if fault == "malformed":
            return web.Response(status=200, text='{"code": 200, "msg": "success", "data": {"taskId": "',
                                content_type="application/json")  # fmt: skip
        if fault == "hang":
            await self._released.wait()
            return self._env(500, "Server Error", http=500)
        if fault == "drop":
            assert request.transport is not None
            request.transport.close()
            raise asyncio.CancelledError
        raise ValueError(f"unknown fault {fault!r}; expected one of {FAULTS}")

    @staticmethod
    def _env(code: int, msg: str, data: Any = None, http: int = 200) -> web.Response:
        return web.json_response({"code": code, "msg": msg, "data": data}, status=http)

    def _scripted(self, queue: deque[Reply], forever: Reply | None) -> web.Response | None:
        reply = queue.popleft() if queue else forever
        if reply is None:
            return None
        return self._env(reply.code, reply.msg, None, reply.http)

    async def _create_task(self, request: web.Request) -> web.Response:
        if self.drop_creates:
            # The task is created, then the answer is lost (a timeout or reset from the client's point of view).
            self.drop_creates -= 1
            self.tasks[uuid.uuid4().hex] = FakeTask("lost", T2I, {}, None, self.outcome, int(self.clock() * 1000))
            assert request.transport is not None
            request.transport.close()
            raise asyncio.CancelledError
        scripted = self._scripted(self.create_replies, self.create_forever)
        if scripted is not None:
            return scripted
        try:
            body = await request.json()
        except ValueError:
            return self._env(400, "Format Error - The parameter is not in a valid JSON format")
        model = body.get("model")
        if not model:
            return self._env(500, "Server Error", http=500)
        if model not in self.models:
            return self._env(404, f"model {model} not found")
        inp = body.get("input") or {}
        problem = self._invalid(model, inp)
        if problem:
            return self._env(422, problem)
        price = PRICES[inp.get("resolution") or "1K"]
        if self.credits < price:
            return self._env(402, "Credits insufficient")
        if self._over_create_limit():
            self.rate_limited += 1
            return self._env(429, "The request rate exceeds the limit")
        self.credits -= price
        outcome = self.outcome_for() if self.outcome_for is not None else self.outcome
        if self.check_inputs and not await self._inputs_reachable(inp.get("input_urls") or []):
            outcome = Outcome(polls=1, success=False, fail_code="400", fail_msg="Failed to download the input image")
        if self.failure_rate and self._random.random() < self.failure_rate:
            outcome = Outcome(polls=outcome.polls, success=False, fail_code="500", fail_msg="Internal Error")
        if self.latency_s is not None:
            outcome = Outcome(polls=None, success=outcome.success, fail_code=outcome.fail_code,
                              fail_msg=outcome.fail_msg)  # fmt: skip
        task = FakeTask(
            task_id=uuid.uuid4().hex,
            model=model,
            input=inp,
            callback_url=body.get("callBackUrl"),
            outcome=outcome,
            created_ms=int(self.clock() * 1000),
        )
        self.tasks[task.task_id] = task
        if self.latency_s is not None:
            self._finish_later(task, self.latency_s)
        if self.on_created is not None:
            await self.on_created(task)
        return self._env(200, "success", {"taskId": task.task_id, "recordId": task.task_id[:12]})

    def _over_create_limit(self) -> bool:
        """KIE's createTask budget: a sliding window of `create_limit` (count, seconds); over it → 429."""
        if self.create_limit is None:
            return False
        count, window_s = self.create_limit
        now = time.monotonic()
        while self._create_times and now - self._create_times[0] >= window_s:
            self._create_times.popleft()
        if len(self._create_times) >= count:
            return True
        self._create_times.append(now)
        return False

    def _finish_later(self, task: FakeTask, delay_s: float) -> None:
        """Latency mode: the task ends by wall time (and its callback goes out), whatever the polls."""

        def fire() -> None:
            self._timers.discard(handle)
            self._finish(task, success=task.outcome.success, **self._fail_args(task.outcome))
            self._spawn(self._send_callbacks(task))

        if delay_s <= 0:  # already done when createTask answers
            self._finish(task, success=task.outcome.success, **self._fail_args(task.outcome))
            self._spawn(self._send_callbacks(task))
            return
        handle = asyncio.get_running_loop().call_later(delay_s, fire)
        self._timers.add(handle)

    async def _inputs_reachable(self, urls: list[Any]) -> bool:
        """KIE downloads each input itself: a local path, a dead link or a non-image fails the task."""
        ok = True
        for url in urls:
            status = 0
            if isinstance(url, str) and url.startswith(("http://", "https://")) and self._session is not None:
                try:
                    async with self._session.get(url) as resp:
                        body = await resp.read()
                        status = resp.status
                        if status == 200 and not body.startswith((b"\x89PNG", b"\xff\xd8\xff", b"RIFF")):
                            status = 415
                except (aiohttp.ClientError, TimeoutError):
                    status = 0
            self.input_fetches.append((str(url), status))
            ok = ok and status == 200
        return ok

    @staticmethod
    def _invalid(model: str, inp: dict[str, Any]) -> str | None:
        prompt = inp.get("prompt")
        if not isinstance(prompt, str) or not 1 <= len(prompt) <= 20_000:
            return "prompt is required (1-20000 characters)"
        aspect, resolution = inp.get("aspect_ratio", "auto"), inp.get("resolution", "1K")
        if aspect not in ASPECTS or resolution not in RESOLUTIONS:
            return "aspect_ratio or resolution is not supported"
        if aspect == "1:1" and resolution == "4K":
            return "Images with a 1:1 aspect ratio cannot be converted to 4K images"
        if aspect == "auto" and resolution != "1K":
            return "aspect ratio auto only supports 1K"
        urls = inp.get("input_urls")
        if model == I2I and (not isinstance(urls, list) or not 1 <= len(urls) <= 16):
            return "input_urls is required (1-16 items)"
        if model == T2I and urls is not None:
            return "input_urls is not a parameter of this model"
        return None

    async def _record_info(self, request: web.Request) -> web.Response:
        scripted = self._scripted(self.record_replies, self.record_forever)
        if scripted is not None:
            return scripted
        task_id = request.query.get("taskId")
        if not task_id:
            return self._env(400, "taskId parameter is required")
        task = self.tasks.get(task_id)
        if task is None:
            return self._env(422, "recordInfo is null")
        task.polls += 1
        if not task.finished:
            limit = task.outcome.polls
            if limit is not None and task.polls >= limit:
                self._finish(task, success=task.outcome.success, **self._fail_args(task.outcome))
                self._spawn(self._send_callbacks(task))
            else:
                task.state = PROGRESS[min(task.polls - 1, len(PROGRESS) - 1)]
        return self._env(200, "success", self._record_data(task))

    @staticmethod
    def _fail_args(outcome: Outcome) -> dict[str, str]:
        return {"fail_code": outcome.fail_code, "fail_msg": outcome.fail_msg}

    def _record_data(self, task: FakeTask) -> dict[str, Any]:
        state = task.state_override or task.state
        success = task.state == "success"
        result_json = json.dumps({"resultUrls": task.result_urls}) if success else ""
        return {
            "taskId": task.task_id,
            "model": task.model,
            "state": state,
            "param": json.dumps(
                {"model": task.model, "callBackUrl": task.callback_url, "input": json.dumps(task.input)}
            ),
            "resultJson": result_json,
            "failCode": task.fail_code,
            "failMsg": task.fail_msg,
            "costTime": 59,
            "completeTime": task.completed_ms,
            "createTime": task.created_ms,
            "updateTime": task.completed_ms or task.created_ms,
            "successFlag": {"success": 1, "fail": 3}.get(task.state, 0),
            "creditsConsumed": PRICES[task.input.get("resolution") or "1K"],
        }

    def _finish(self, task: FakeTask, *, success: bool, fail_code: str = "", fail_msg: str = "") -> None:
        if task.finished:
            return
        task.completed_ms = int(self.clock() * 1000)
        if success:
            name = f"{task.task_id}.png"
            self.files[name] = (self.result_image or png_bytes(len(self.files) + 1), "image/png")
            task.result_urls = [f"{self.base_url}/results/{name}"]
            task.state = "success"
        else:
            task.state, task.fail_code, task.fail_msg = "fail", fail_code, fail_msg

    def _spawn(self, coro: Any) -> None:
        job: asyncio.Task[None] = asyncio.ensure_future(coro)
        self._pending.add(job)
        job.add_done_callback(self._pending.discard)

    async def _send_callbacks(self, task: FakeTask) -> None:
        if not task.callback_url or self._session is None:
            return
        body = {
            "code": 200 if task.state == "success" else 501,
            "msg": "Success" if task.state == "success" else task.fail_msg,
            "taskId": task.task_id,
            "data": {"task_id": task.task_id, "callbackType": "task_completed", **self._record_data(task)},
        }
        headers = {"Content-Type": "application/json"}
        if self.webhook_hmac_key is not None:
            timestamp = str(int(self.clock()))
            mac = hmac.new(self.webhook_hmac_key.encode(), f"{task.task_id}.{timestamp}".encode(), hashlib.sha256)
            headers["X-Webhook-Timestamp"] = timestamp
            headers["X-Webhook-Signature"] = base64.b64encode(mac.digest()).decode()
        for _ in range(2 if self.duplicate_callbacks else 1):
            try:
                async with self._session.post(task.callback_url, json=body, headers=headers) as resp:
                    status = resp.status
            except (aiohttp.ClientError, TimeoutError):
                status = 0  # unreachable: KIE gives up after its retries; polling must still finish the task
            self.callbacks_sent.append(SentCallback(task.callback_url, headers, body, status))

    async def _credit(self, request: web.Request) -> web.Response:
        return self._env(200, "success", self.credits)

    async def _models(self, request: web.Request) -> web.Response:
        if not self.models_endpoint:
            return web.Response(status=404, text="404 page not found")
        q = request.query.get("q", "")
        found = [m for m in self.models if q in m]
        models = [{"model": m, "slug": m, "title": m, "provider": "openai", "taskType": ["image"]} for m in found]
        return self._env(200, "success", {"total": len(models), "models": models})

    async def _download_url(self, request: web.Request) -> web.Response:
        body = await request.json()
        url = body.get("url") if isinstance(body, dict) else None
        if not isinstance(url, str) or not url.startswith(f"{self.base_url}/results/"):
            return self._env(422, "The url is not a file generated by kie.ai")
        token = uuid.uuid4().hex
        self.minted[token] = url.rsplit("/", 1)[1]
        return self._env(200, "success", f"{self.base_url}/minted/{token}")

    async def _result_file(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        self.file_hits.append(request.path)
        if self.expire_results:
            return web.Response(status=403, text="<html>Access denied</html>", content_type="text/html")
        return await self._serve(request, name)

    async def _minted_file(self, request: web.Request) -> web.StreamResponse:
        self.file_hits.append(request.path)
        name = self.minted.get(request.match_info["token"])
        if name is None:
            return web.Response(status=404, text="not found")
        return await self._serve(request, name)

    async def _serve(self, request: web.Request, name: str) -> web.StreamResponse:
        if name not in self.files:
            return web.Response(status=404, text="not found")
        data, content_type = self.result_override or self.files[name]
        if not self.chunked_results:
            return web.Response(body=data, content_type=content_type)
        resp = web.StreamResponse(headers={"Content-Type": content_type})
        resp.enable_chunked_encoding()
        await resp.prepare(request)
        for start in range(0, len(data), 64 * 1024):
            await resp.write(data[start : start + 64 * 1024])
        await resp.write_eof()
        return resp

    # -- file upload API (the upload host) ------------------------------------------------------------------------

    @staticmethod
    def _upload_env(code: int, msg: str, data: Any = None) -> web.Response:
        body: dict[str, Any] = {"success": code == 200, "code": code, "msg": msg}
        if data is not None:
            body["data"] = data
        return web.json_response(body, status=code)

    def _scripted_upload(self) -> web.Response | None:
        if not self.upload_replies:
            return None
        reply = self.upload_replies.popleft()
        return self._upload_env(reply.code, reply.msg)

    async def _stream_upload(self, request: web.Request) -> web.Response:
        scripted = self._scripted_upload()
        if scripted is not None:
            return scripted
        if request.content_type != "multipart/form-data":
            return self._upload_env(400, "Content-Type must be multipart/form-data")
        form = await request.post()
        file, upload_path = form.get("file"), form.get("uploadPath")
        if not isinstance(file, web.FileField):
            return self._upload_env(400, "Missing required parameter: file")
        if not isinstance(upload_path, str) or not upload_path.strip("/"):
            return self._upload_env(400, "Missing required parameter: uploadPath")
        name = form.get("fileName")
        file_name = name if isinstance(name, str) and name else file.filename or uuid.uuid4().hex
        return self._stored(file.file.read(), file.content_type, upload_path, file_name)

    async def _base64_upload(self, request: web.Request) -> web.Response:
        scripted = self._scripted_upload()
        if scripted is not None:
            return scripted
        try:
            body = await request.json()
        except ValueError:
            return self._upload_env(400, "Invalid JSON body")
        encoded, upload_path = body.get("base64Data"), body.get("uploadPath")
        if not isinstance(encoded, str) or not encoded:
            return self._upload_env(400, "Missing required parameter: base64Data")
        if not isinstance(upload_path, str) or not upload_path.strip("/"):
            return self._upload_env(400, "Missing required parameter: uploadPath")
        mime = "application/octet-stream"
        if encoded.startswith("data:"):
            header, _, encoded = encoded.partition(",")
            mime = header[5:].split(";", 1)[0] or mime
        try:
            data = base64.b64decode(encoded, validate=True)
        except ValueError:
            return self._upload_env(400, "Base64 decoding failed: invalid base64-encoded data")
        return self._stored(data, mime, upload_path, body.get("fileName") or f"{uuid.uuid4().hex}.bin")

    def _stored(self, data: bytes, mime: str, upload_path: str, file_name: str) -> web.Response:
        folder = upload_path.strip("/")
        path = f"{uuid.uuid4().hex[:8]}/{folder}/{file_name}"
        url = f"{self.base_url}/tempfile/{path}"
        now = self.clock()
        self.uploads[path] = FakeUpload(file_name, f"{folder}/{file_name}", data, mime, now, url)
        uploaded_at = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(now))
        info = {"fileName": file_name, "filePath": f"{folder}/{file_name}", "downloadUrl": url,
                "fileSize": len(data), "mimeType": mime, "uploadedAt": uploaded_at}  # fmt: skip
        return self._upload_env(200, "File uploaded successfully", info)

    async def _uploaded_file(self, request: web.Request) -> web.Response:
        upload = self.uploads.get(request.match_info["path"])
        if upload is None or self.clock() - upload.uploaded_at >= self.upload_lifetime_s:
            return web.Response(status=404, text="<Error><Code>NoSuchKey</Code></Error>", content_type="text/xml")
        return web.Response(body=upload.data, content_type=upload.mime_type)


@dataclass
class CallbackSink:
    """The bot's side of callbacks in tests: a tiny server that records what KIE posted to it."""

    received: list[tuple[CIMultiDict[str], bytes]] = field(default_factory=list)
    url: str = ""
    _runner: web.AppRunner | None = None

    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/webhooks/kie", self._receive)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}/webhooks/kie"
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _receive(self, request: web.Request) -> web.Response:
        self.received.append((CIMultiDict(request.headers), await request.read()))
        return web.json_response({"ok": True})
