"""A fake Telegram Bot API server (aiohttp on 127.0.0.1) for driving the real python-telegram-bot over HTTP.

It speaks the Bot API's wire format: form-encoded or multipart requests (nested values as JSON strings),
`{"ok": true, "result": ...}` answers and real error bodies (`{"ok": false, "error_code": 400|403|429,
"description": ..., "parameters": {"retry_after": N}}`). `getUpdates` serves a scripted queue and blocks up to
its `timeout`; unknown methods get 400 (a 404 would make PTB report an invalid token). Every call is recorded
with its parsed params and uploaded files, so tests assert on what a person would have seen.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import itertools
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Self

from aiohttp import web
from PIL import Image

from tests.fakes.telegram_errors import ApiError
from tests.fakes.telegram_stars import StarsLedger

JSON = dict[str, Any]
Handler = Callable[["Call"], Awaitable[Any]]

BOT_ID = 777000
FLOOD_METHODS = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendMediaGroup",
        "sendDocument",
        "editMessageText",
        "editMessageReplyMarkup",
        "deleteMessage",
        "sendChatAction",
        "sendInvoice",
    }
)


@dataclass
class Upload:
    filename: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass
class Call:
    """One request as the server saw it; `result` is what it answered (None for errors)."""

    method: str
    params: dict[str, str]
    files: dict[str, Upload] = field(default_factory=dict)
    result: Any = None
    error: JSON | None = None
    at: float = 0.0

    def json(self, name: str) -> Any:
        value = self.params.get(name)
        return None if value is None else json.loads(value)

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return None if value is None else int(value)

    @property
    def ok(self) -> bool:
        return self.error is None

    def buttons(self) -> list[JSON]:
        markup = self.json("reply_markup") or {}
        return [b for row in markup.get("inline_keyboard", []) for b in row]

    def upload(self, name: str) -> Upload | None:
        """The file sent under a parameter (directly, or `attach://name` for media groups)."""
        value = self.params.get(name, "")
        if name in self.files:
            return self.files[name]
        if value.startswith("attach://"):
            return self.files.get(value[len("attach://") :])
        return None


class FakeTelegram(StarsLedger):
    def __init__(self, token: str = "123:TEST", bot_username: str = "ImageTestBot") -> None:
        self.token = token
        self.bot_username = bot_username
        self.calls: list[Call] = []
        self._changed = asyncio.Condition()
        self._updates: list[JSON] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._file_ids = itertools.count(1)
        self._messages: dict[tuple[int, int], JSON] = {}
        self._files: dict[str, bytes] = {}
        # Telegram's cloud server refuses getFile past 20 MB; a self-hosted one (`--local`) serves up to 2 GB and
        # may leave file_size out. `downloaded_bytes` counts what the file server actually sent.
        self.get_file_max_bytes: int | None = 20 * 1024 * 1024
        self.announce_file_sizes = True
        self.downloaded_bytes = 0
        self._unreachable: dict[int, str] = {}
        self._flood: list[int] = []  # retry_after of the next flooded answers
        self._block_triggers: list[tuple[str, int, str]] = []
        self.webhook: JSON | None = None
        self.commands: list[JSON] = []
        self.commands_by_scope: dict[str, list[JSON]] = {}  # by the scope's JSON (sorted keys)
        self.chats_seen: set[int] = set()  # private chats whose person has written to the bot
        self.commands_by_language: dict[str, list[JSON]] = {}
        self._refusals: list[tuple[str, int, str]] = []
        StarsLedger.__init__(self)
        self._runner: web.AppRunner | None = None
        self._closing = False
        self.port = 0
        self._handlers: dict[str, Handler] = {
            "getMe": self._get_me,
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "setMyCommands": self._set_my_commands,
            "getUpdates": self._get_updates,
            "sendMessage": self._send_message,
            "sendPhoto": self._send_photo,
            "sendDocument": self._send_document,
            "sendMediaGroup": self._send_media_group,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback,
            "sendChatAction": self._chat_action,
            "getFile": self._get_file,
            "sendInvoice": self._send_invoice,
            "answerPreCheckoutQuery": self._answer_pre_checkout,
            "refundStarPayment": self._refund_star_payment,
            "getStarTransactions": self._get_star_transactions,
        }

    # --- lifecycle -----------------------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(client_max_size=100 * 1024 * 1024)
        app.router.add_post("/bot{token}/{method}", self._dispatch)
        app.router.add_get("/bot{token}/{method}", self._dispatch)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets  # type: ignore[attr-defined]
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def stop(self) -> None:
        async with self._changed:  # release long polls still blocked (aiohttp keeps handlers of gone clients)
            self._closing = True
            self._changed.notify_all()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> Self:
        """Started for the block and stopped after it: the one way tests run the fake."""
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    # --- scripting -----------------------------------------------------------------------------------------

    async def push(self, *updates: JSON) -> None:
        """Queue updates for getUpdates (waking a long poll)."""
        for update in updates:
            self.remember(update)
        async with self._changed:
            self._updates.extend(updates)
            self._changed.notify_all()

    def remember(self, update: JSON) -> None:
        """Know the people's messages as Telegram does (to reply to them); webhook tests call this directly."""
        message = update.get("message")
        if message:
            self._messages[(message["chat"]["id"], message["message_id"])] = message
            self.chats_seen.add(message["chat"]["id"])

    def block(self, chat_id: int, description: str = "Forbidden: bot was blocked by the user") -> None:
        """Every later call for this chat answers 403 (the person blocked the bot, or never started it)."""
        self._unreachable[chat_id] = description

    def block_after(
        self, method: str, chat_id: int, description: str = "Forbidden: bot was blocked by the user"
    ) -> None:
        """Block the chat right after the next successful `method` call to it (a person blocking mid-way)."""
        self._block_triggers.append((method, chat_id, description))

    def unblock(self, chat_id: int) -> None:
        self._unreachable.pop(chat_id, None)

    def flood(self, times: int, retry_after: int = 1) -> None:
        """The next `times` sending calls answer 429 Too Many Requests with `retry_after`."""
        self._flood.extend([retry_after] * times)

    def refuse(self, method: str, code: int, description: str, times: int = 1) -> None:
        """The next `times` calls of `method` fail as Telegram fails them for a file it will not take, e.g.
        (sendPhoto, 400, "Bad Request: PHOTO_INVALID_DIMENSIONS") or (sendDocument, 413, "Request Entity Too Large"),
        however small the file (Telegram refuses some photos below its documented limits)."""
        self._refusals.extend([(method, code, description)] * times)

    def _check_refused(self, call: Call) -> None:
        for refusal in self._refusals:
            if refusal[0] == call.method:
                self._refusals.remove(refusal)
                raise ApiError(refusal[1], refusal[2])

    def add_file(self, data: bytes) -> JSON:
        """Store bytes as a Telegram file; returns its File-like dict (file_id, file_unique_id, file_size)."""
        n = next(self._file_ids)
        file_id = f"file-{n}"
        self._files[file_id] = data
        return {"file_id": file_id, "file_unique_id": f"u{n}", "file_size": len(data)}

    def photo_sizes(self, data: bytes) -> list[JSON]:
        """A `photo` array as Telegram sends it: a small thumbnail first, the full size last."""
        width, height = _image_size(data)
        thumb = self.add_file(data)
        full = self.add_file(data)
        scale = 90 / max(width, height, 1)
        return [
            {**thumb, "width": max(1, round(width * scale)), "height": max(1, round(height * scale))},
            {**full, "width": width, "height": height},
        ]

    def file_bytes(self, file_id: str) -> bytes:
        return self._files[file_id]

    def calls_to(self, method: str, chat_id: int | None = None) -> list[Call]:
        return [c for c in self.calls if c.method == method and (chat_id is None or c.chat_id == chat_id) and c.ok]

    def message(self, chat_id: int, message_id: int) -> JSON | None:
        return self._messages.get((chat_id, message_id))

    async def wait_for(
        self, predicate: Callable[[Call], bool], within: float = 10.0, count: int = 1, errors: bool = False
    ) -> list[Call]:
        """Wait until `count` successful calls (or, with `errors`, failed ones too) match; no fixed sleeps."""

        def matched() -> list[Call]:
            return [c for c in self.calls if (c.ok or errors) and predicate(c)]

        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: len(matched()) >= count), within)
        return matched()

    async def wait_call(
        self,
        method: str,
        chat_id: int | None = None,
        within: float = 10.0,
        where: Callable[[Call], bool] | None = None,
    ) -> Call:
        calls = await self.wait_for(
            lambda c: c.method == method and (chat_id is None or c.chat_id == chat_id) and (where is None or where(c)),
            within,
        )
        return calls[-1]

    # --- HTTP ----------------------------------------------------------------------------------------------

    async def _dispatch(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error_response(401, "Unauthorized")
        method = request.match_info["method"]
        call = Call(method=method, params={}, at=time.monotonic())
        await self._parse(request, call)
        handler = self._handlers.get(method)
        try:
            if handler is None:
                raise ApiError(400, f"Bad Request: fake: {method} not implemented")
            self._check_reachable(call)
            self._check_flood(call)
            self._check_refused(call)
            result = await handler(call)
        except ApiError as error:
            call.error = {"ok": False, "error_code": error.code, "description": error.description}
            if error.parameters:
                call.error["parameters"] = error.parameters
            await self._record(call)
            return web.json_response(call.error, status=error.code)
        call.result = result
        await self._record(call)
        return web.json_response({"ok": True, "result": result})

    async def _parse(self, request: web.Request, call: Call) -> None:
        if request.content_type == "application/json":
            body = await request.json()
            call.params = {k: v if isinstance(v, str) else json.dumps(v) for k, v in body.items()}
            return
        form = await request.post()
        for name, value in form.items():
            if isinstance(value, web.FileField):
                call.files[name] = Upload(value.filename, value.file.read())
            else:
                call.params[name] = str(value)

    async def _record(self, call: Call) -> None:
        for trigger in list(self._block_triggers):
            method, chat_id, description = trigger
            if call.ok and call.method == method and call.chat_id == chat_id:
                self._block_triggers.remove(trigger)
                self.block(chat_id, description)
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def _check_reachable(self, call: Call) -> None:
        chat_id = call.chat_id if "chat_id" in call.params else None
        if call.method == "refundStarPayment":
            chat_id = None
        if chat_id is not None and chat_id in self._unreachable:
            raise ApiError(403, self._unreachable[chat_id])

    def _check_flood(self, call: Call) -> None:
        if call.method in FLOOD_METHODS and self._flood:
            retry_after = self._flood.pop(0)
            raise ApiError(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})

    async def _download(self, request: web.Request) -> web.StreamResponse:
        """Streamed in 64 KB chunks (chunked, like a server that does not say the length up front)."""
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        file_id = request.match_info["path"].split("/")[-1]
        data = self._files.get(file_id)
        if data is None:
            return web.Response(status=404)
        response = web.StreamResponse(headers={"Content-Type": "application/octet-stream"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        try:
            for start in range(0, len(data), 64 * 1024):
                await response.write(data[start : start + 64 * 1024])
                self.downloaded_bytes += min(64 * 1024, len(data) - start)
            await response.write_eof()
        except (ConnectionResetError, ConnectionError):
            pass  # the client hung up (a download cut off at its limit)
        return response

    # --- methods ---------------------------------------------------------------------------------------------

    def bot_user(self) -> JSON:
        return {"id": BOT_ID, "is_bot": True, "first_name": "Image Bot", "username": self.bot_username}

    async def _get_me(self, call: Call) -> JSON:
        return {
            **self.bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def _delete_webhook(self, call: Call) -> bool:
        self.webhook = None
        return True

    async def _set_webhook(self, call: Call) -> bool:
        secret = call.params.get("secret_token")
        if secret is not None and not (1 <= len(secret) <= 256):
            raise ApiError(400, "Bad Request: secret token is invalid")
        self.webhook = {"url": call.params.get("url"), "secret_token": secret}
        return True

    async def _set_my_commands(self, call: Call) -> bool:
        """The command menu for everyone (no `language_code`) or for one language: a two-letter ISO 639-1 code."""
        commands = call.json("commands") or []
        for command in commands:
            if not (1 <= len(command["command"]) <= 32) or not (1 <= len(command["description"]) <= 256):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
        scope = call.json("scope") or {"type": "default"}
        if scope.get("type") == "chat" and not self._known_chat(int(scope["chat_id"])):
            raise ApiError(400, "Bad Request: chat not found")
        language = call.params.get("language_code") or ""
        if language and not (len(language) == 2 and language.isascii() and language.isalpha() and language.islower()):
            raise ApiError(400, "Bad Request: invalid language code specified")
        if scope.get("type") == "default":
            self.commands_by_language[language] = commands
            if not language:
                self.commands = commands
        self.commands_by_scope[json.dumps(scope, sort_keys=True)] = commands
        return True

    def _known_chat(self, chat_id: int) -> bool:
        """Telegram knows a private chat once the person has written to the bot."""
        return chat_id in self.chats_seen

    def commands_for_chat(self, chat_id: int) -> list[JSON]:
        """The menu a person sees in their private chat with the bot (the chat scope wins over the default)."""
        scoped = self.commands_by_scope.get(json.dumps({"chat_id": chat_id, "type": "chat"}, sort_keys=True))
        return scoped if scoped is not None else self.commands

    async def _get_updates(self, call: Call) -> list[JSON]:
        offset = int(call.params.get("offset", "0") or 0)
        timeout = float(call.params.get("timeout", "0") or 0)
        limit = int(call.params.get("limit", "100") or 100)
        async with self._changed:
            if offset:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            if not self._updates and timeout > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._changed.wait_for(lambda: bool(self._updates) or self._closing), timeout
                    )
            return list(self._updates[:limit])

    def _new_message(self, call: Call, **content: Any) -> JSON:
        chat_id = int(call.params["chat_id"])
        message: JSON = {
            "message_id": next(self._message_ids),
            "from": self.bot_user(),
            "date": int(time.time()),
            "chat": _chat(chat_id),
            **content,
        }
        thread = call.params.get("message_thread_id")
        if thread:
            message["message_thread_id"] = int(thread)
            message["is_topic_message"] = True
        reply = call.json("reply_parameters")
        if reply:
            replied = self._messages.get((chat_id, int(reply["message_id"])))
            if replied is None and not reply.get("allow_sending_without_reply"):
                raise ApiError(400, "Bad Request: message to be replied not found")
            if replied is not None:
                message["reply_to_message"] = {k: v for k, v in replied.items() if k != "reply_to_message"}
        markup = call.json("reply_markup")
        if markup:
            _check_markup(markup)
            message["reply_markup"] = markup
        self._messages[(chat_id, message["message_id"])] = message
        return message

    async def _send_message(self, call: Call) -> JSON:
        text = call.params.get("text", "")
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(text) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        return self._new_message(call, text=text)

    def _caption(self, call: Call, caption: str | None) -> JSON:
        if caption is None:
            return {}
        if len(caption) > 1024:
            raise ApiError(400, "Bad Request: message caption is too long")
        return {"caption": caption}

    def _photo(self, upload: Upload | None) -> list[JSON]:
        if upload is None:
            raise ApiError(400, "Bad Request: there is no photo in the request")
        if upload.size > 10 * 1024 * 1024:
            raise ApiError(400, "Bad Request: PHOTO_TOO_BIG")
        width, height = _image_size(upload.data)
        if width + height > 10_000 or max(width, height) / max(min(width, height), 1) > 20:
            raise ApiError(400, "Bad Request: PHOTO_INVALID_DIMENSIONS")
        return self.photo_sizes(upload.data)

    def _document(self, upload: Upload | None) -> JSON:
        if upload is None:
            raise ApiError(400, "Bad Request: there is no document in the request")
        if upload.size > 50 * 1024 * 1024:
            raise ApiError(413, "Request Entity Too Large")
        return {**self.add_file(upload.data), "file_name": upload.filename}

    async def _send_photo(self, call: Call) -> JSON:
        return self._new_message(
            call, photo=self._photo(call.upload("photo")), **self._caption(call, call.params.get("caption"))
        )

    async def _send_document(self, call: Call) -> JSON:
        return self._new_message(
            call, document=self._document(call.upload("document")), **self._caption(call, call.params.get("caption"))
        )

    async def _send_media_group(self, call: Call) -> list[JSON]:
        media = call.json("media") or []
        if not 2 <= len(media) <= 10:
            raise ApiError(400, "Bad Request: wrong number of media in the group (must be 2-10)")
        kinds = {m["type"] for m in media}
        if len(kinds) != 1 or not kinds <= {"photo", "document"}:
            raise ApiError(400, "Bad Request: documents can't be mixed with other media types")
        group_id = f"album-{next(self._file_ids)}"
        messages = []
        for item in media:
            upload = call.files.get(str(item["media"]).removeprefix("attach://"))
            content: JSON = (
                {"photo": self._photo(upload)} if item["type"] == "photo" else {"document": self._document(upload)}
            )
            messages.append(
                self._new_message(call, media_group_id=group_id, **content, **self._caption(call, item.get("caption")))
            )
        return messages

    def _existing(self, call: Call, missing: str) -> JSON:
        chat_id, message_id = int(call.params["chat_id"]), int(call.params["message_id"])
        message = self._messages.get((chat_id, message_id))
        if message is None:
            raise ApiError(400, f"Bad Request: {missing}")
        return message

    async def _edit_message_text(self, call: Call) -> JSON:
        message = self._existing(call, "message to edit not found")
        text = call.params.get("text", "")
        markup = call.json("reply_markup")
        if markup:
            _check_markup(markup)
        if message.get("text") == text and message.get("reply_markup") == markup:
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply markup are exactly "
                "the same as a current content and reply markup of the message",
            )
        message["text"] = text
        message["edit_date"] = int(time.time())
        if markup:
            message["reply_markup"] = markup
        else:
            message.pop("reply_markup", None)
        return message

    async def _edit_reply_markup(self, call: Call) -> JSON:
        message = self._existing(call, "message to edit not found")
        markup = call.json("reply_markup")
        if markup:
            _check_markup(markup)
            message["reply_markup"] = markup
        else:
            message.pop("reply_markup", None)
        return message

    async def _delete_message(self, call: Call) -> bool:
        self._existing(call, "message to delete not found")
        del self._messages[(int(call.params["chat_id"]), int(call.params["message_id"]))]
        return True

    async def _answer_callback(self, call: Call) -> bool:
        if not call.params.get("callback_query_id"):
            raise ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        if len(call.params.get("text", "")) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        return True

    async def _chat_action(self, call: Call) -> bool:
        if call.params.get("action") not in {"typing", "upload_photo", "upload_document"}:
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        return True

    async def _get_file(self, call: Call) -> JSON:
        file_id = call.params.get("file_id", "")
        data = self._files.get(file_id)
        if data is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        if self.get_file_max_bytes is not None and len(data) > self.get_file_max_bytes:
            raise ApiError(400, "Bad Request: file is too big")
        number = file_id.removeprefix("file-")
        answer: JSON = {"file_id": file_id, "file_unique_id": f"u{number}", "file_path": f"photos/{file_id}"}
        if self.announce_file_sizes:
            answer["file_size"] = len(data)
        return answer

    async def _send_invoice(self, call: Call) -> JSON:
        currency = call.params.get("currency")
        prices = call.json("prices") or []
        payload = call.params.get("payload", "")
        if currency == "XTR" and call.params.get("provider_token"):
            raise ApiError(400, "Bad Request: provider_token must be empty for payments in Telegram Stars")
        if currency == "XTR" and len(prices) != 1:
            raise ApiError(400, "Bad Request: STARS_INVOICE_INVALID")
        if not 1 <= len(payload.encode()) <= 128:
            raise ApiError(400, "Bad Request: INVOICE_PAYLOAD_INVALID")
        if not 1 <= len(call.params.get("title", "")) <= 32:
            raise ApiError(400, "Bad Request: INVOICE_TITLE_INVALID")
        invoice = {
            "title": call.params["title"],
            "description": call.params.get("description", ""),
            "start_parameter": call.params.get("start_parameter", ""),
            "currency": currency,
            "total_amount": sum(int(p["amount"]) for p in prices),
        }
        return self._new_message(call, invoice=invoice)

    async def _answer_pre_checkout(self, call: Call) -> bool:
        ok = call.params.get("ok") == "true"
        if not ok and not call.params.get("error_message"):
            raise ApiError(400, "Bad Request: error_message must be non-empty if ok is false")
        return True


def _chat(chat_id: int) -> JSON:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "User"}
    return {"id": chat_id, "type": "supergroup", "title": "Test group"}


def _check_markup(markup: JSON) -> None:
    for row in markup.get("inline_keyboard", []):
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
            if data is None and "url" not in button and "pay" not in button:
                raise ApiError(400, "Bad Request: BUTTON_TYPE_INVALID")


def _image_size(data: bytes) -> tuple[int, int]:
    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.size
    except Exception:
        raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED") from None


def _error_response(code: int, description: str) -> web.Response:
    return web.json_response({"ok": False, "error_code": code, "description": description}, status=code)
