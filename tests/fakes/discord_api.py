"""FakeDiscord: the slice of Discord's REST API (v10) a slash-command bot uses, on 127.0.0.1.

discord.py is pointed at it by `discord.http.Route.BASE = fake.api_base`. It speaks Discord's JSON (objects with
snowflake ids as strings, errors as `{"code", "message"}` with the documented codes and statuses), answers
`Content-Type: application/json` exactly (discord.py parses nothing else), reads `multipart/form-data` uploads
(`payload_json` + `files[n]`), and records every request so tests can assert what Discord would receive.

Covered: users/@me, oauth2/applications/@me, bulk command upsert (global and guild), the interaction callback
(`?with_response=true` → the InteractionCallbackResponse object, else 204; a second answer → 40060), the
original response and followups of the interaction webhook (expired tokens → 401 / 50027), channel messages
(refused channels → 403 / 50001), DM channel creation, and CDN files for attachment options. Uploads over the limit
(the interaction's `attachment_size_limit` on its webhook, the bot's own elsewhere) → 413 / 40005.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

APP_ID = 1100000000000000001
BOT_USER_ID = APP_ID
ERRORS = {
    10003: (404, "Unknown Channel"),
    10008: (404, "Unknown Message"),
    10015: (404, "Unknown Webhook"),
    10062: (404, "Unknown interaction"),
    40005: (413, "Request entity too large"),
    40060: (400, "Interaction has already been acknowledged."),
    50001: (403, "Missing Access"),
    50007: (403, "Cannot send messages to this user"),
    50027: (401, "Invalid Webhook Token"),
    0: (401, "401: Unauthorized"),
}
LOADING = 1 << 7
EPHEMERAL = 1 << 6


@dataclass
class UploadedFile:
    field: str
    filename: str
    data: bytes


@dataclass
class Call:
    """One request as Discord would see it: `json` is the body or the multipart `payload_json`."""

    method: str
    path: str
    query: dict[str, str]
    json: Any
    files: list[UploadedFile] = field(default_factory=list)
    status: int = 0  # what the fake answered

    @property
    def flags(self) -> int:
        body = self.json if isinstance(self.json, dict) else {}
        data = body.get("data", body) if "type" in body and "data" in body else body
        return int(data.get("flags") or 0) if isinstance(data, dict) else 0

    @property
    def content(self) -> str:
        body = self.json if isinstance(self.json, dict) else {}
        data = body.get("data", body) if "data" in body else body
        return str(data.get("content") or "") if isinstance(data, dict) else ""

    @property
    def custom_ids(self) -> list[str]:
        return [c["custom_id"] for c in self.components if "custom_id" in c]

    @property
    def components(self) -> list[dict[str, Any]]:
        body = self.json if isinstance(self.json, dict) else {}
        data = body.get("data", body) if "data" in body else body
        rows = data.get("components") or [] if isinstance(data, dict) else []
        return [c for row in rows for c in row.get("components", [])]


def _json(body: Any, status: int = 200) -> web.Response:
    return web.Response(body=json.dumps(body).encode(), status=status, headers={"Content-Type": "application/json"})


def _user_install_refused(commands: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Invalid Form Body for each command declaring USER_INSTALL (1) while the app does not allow user installs.
    The nesting is Discord's form-error shape; the inner code and message are the fake's own (undocumented)."""
    errors = {
        str(i): {"integration_types": {"_errors": [{"code": "USER_INSTALL_NOT_ENABLED",
                                                    "message": "User install is not enabled for this application"}]}}
        for i, command in enumerate(commands)
        if 1 in (command.get("integration_types") or [])
    }  # fmt: skip
    return {"code": 50035, "message": "Invalid Form Body", "errors": errors} if errors else None


# Discord's locales (developer docs, Reference → Locales): the only keys `*_localizations` may use.
DISCORD_LOCALES = frozenset(
    {
        "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl", "no", "pl",
        "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th", "zh-CN", "ja", "zh-TW",
        "ko",
    }
)  # fmt: skip


def _localization_errors(commands: list[dict[str, Any]]) -> list[str]:
    """Where a command, option or choice is localized for an unknown locale or beyond Discord's lengths
    (descriptions and choice names 1-100 characters)."""
    errors: list[str] = []

    def check(where: str, item: dict[str, Any]) -> None:
        for kind in ("name_localizations", "description_localizations"):
            for locale, text in (item.get(kind) or {}).items():
                if locale not in DISCORD_LOCALES:
                    errors.append(f"{where}.{kind}.{locale}: invalid locale")
                elif not 1 <= len(text) <= 100:
                    errors.append(f"{where}.{kind}.{locale}: length {len(text)}")
        for i, option in enumerate(item.get("options") or []):
            check(f"{where}.options.{i}", option)
        for i, choice in enumerate(item.get("choices") or []):
            check(f"{where}.choices.{i}", choice)

    for i, command in enumerate(commands):
        check(str(i), command)
    return errors


def _uploaded(call: Call) -> int:
    return sum(len(f.data) for f in call.files)


def _rate_limited(retry_after: float) -> web.Response:
    """Discord's 429 for a route's bucket (not global): its body and headers, through Cloudflare (`Via`) as every
    real answer comes (discord.py treats a 429 without `Via` as a Cloudflare ban and does not retry)."""
    headers = {
        "Via": "1.1 google",
        "Retry-After": str(max(1, round(retry_after))),
        "X-RateLimit-Limit": "5",
        "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset-After": str(retry_after),
        "X-RateLimit-Bucket": "dm-post",
        "X-RateLimit-Scope": "user",
    }
    body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": False}
    response = _json(body, 429)
    response.headers.update(headers)
    return response


def _error(code: int) -> web.Response:
    status, message = ERRORS[code]
    return _json({"code": code, "message": message}, status)


class FakeDiscord:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.cdn: dict[str, bytes] = {}
        self.expired_tokens: set[str] = set()
        self.refused_channels: set[int] = set()
        self.closed_dms: set[int] = set()  # users who blocked the bot or closed their DMs: 403 / 50007
        self.rate_limited_posts = 0  # the next channel/DM posts answered 429 (discord.py waits `retry_after`)
        # What one message may carry: the bot's own limit (10 MiB unless a guild's boosts raise it) for channel and
        # DM posts; an interaction's webhook takes what its `attachment_size_limit` said. More → 413 / 40005.
        self.bot_upload_limit = 10 * 1024 * 1024
        # "User Install" in the Developer Portal (Installation → Installation Contexts): without it, commands that
        # declare the user-install integration type (1) are refused at sync with 400 / 50035 Invalid Form Body.
        self.user_install_enabled = True
        self._interaction_limits: dict[str, int] = {}
        self.webhook_upload_limit: int | None = None  # when set, overrides what interactions declared
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.messages: dict[str, dict[str, Any]] = {}  # by message id
        self.original: dict[str, str] = {}  # interaction token → original response message id
        self._acknowledged: set[str] = set()
        self._channels: dict[str, int] = {}  # interaction token → channel id (for message objects)
        self._ids = itertools.count(1300000000000000000)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0
        #: What GET /gateway/bot points at: nothing listens there (the fake has no gateway), and it stays local.
        self.gateway_url = "ws://127.0.0.1:9"

    # --- lifecycle ------------------------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._dispatch)
        app.router.add_get("/cdn/{tail:.*}", self._cdn)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    def cdn_url(self, name: str, data: bytes) -> str:
        self.cdn[name] = data
        return f"http://127.0.0.1:{self.port}/cdn/{name}"

    def learn(self, interaction: dict[str, Any]) -> None:
        """Remember where an interaction happened (as Discord knows it) before the bot sees it."""
        self._channels[interaction["token"]] = int(interaction["channel_id"])
        if interaction.get("attachment_size_limit"):
            self._interaction_limits[interaction["token"]] = int(interaction["attachment_size_limit"])
        if interaction.get("message"):  # a component's original response is the message it sits on
            self.original[interaction["token"]] = str(interaction["message"]["id"])

    # --- waiting and asserting ------------------------------------------------------------------------------

    def find(self, method: str | None = None, path: str = "", *, since: int = 0) -> list[Call]:
        return [c for c in self.calls[since:] if (method is None or c.method == method) and c.path.startswith(path)]

    async def wait_for(
        self, predicate: Callable[[Call], bool], *, since: int = 0, count: int = 1, wait_s: float = 15.0
    ) -> list[Call]:
        """Wait (on a condition, no polling) until `count` recorded calls satisfy `predicate`."""

        def matches() -> list[Call]:
            return [c for c in self.calls[since:] if predicate(c)]

        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: len(matches()) >= count), wait_s)
        return matches()

    async def _record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    # --- routing --------------------------------------------------------------------------------------------

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body, files = await self._body(request)
        call = Call(request.method, path, dict(request.query), body, files)
        parts = path.strip("/").split("/")
        response = self._route(request, call, parts)
        call.status = response.status
        await self._record(call)
        return response

    def _route(self, request: web.Request, call: Call, parts: list[str]) -> web.StreamResponse:
        method = request.method
        if parts[0] == "interactions" and method == "POST":
            return self._callback(call, parts[1], parts[2])
        if parts[0] == "webhooks":
            return self._webhook(call, parts)
        if request.headers.get("Authorization") != "Bot fake":
            return _error(0)
        if parts == ["users", "@me"] and method == "GET":
            return _json(self._bot_user())
        if parts == ["oauth2", "applications", "@me"]:
            return _json(self._app_info())
        if parts == ["gateway", "bot"] and method == "GET":  # a gateway on loopback that refuses connections
            limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
            return _json({"url": self.gateway_url, "shards": 1, "session_start_limit": limit})
        if parts[0] == "applications" and method == "PUT":
            scope = "global" if len(parts) == 3 else f"guild:{parts[3]}"
            refused = _user_install_refused(call.json) if not self.user_install_enabled else None
            if refused is not None:
                return _json(refused, 400)
            if errors := _localization_errors(call.json):
                return _json({"code": 50035, "message": "Invalid Form Body", "errors": errors}, 400)
            self.commands[scope] = [
                {**c, "id": str(next(self._ids)), "application_id": str(APP_ID), "version": "1"} for c in call.json
            ]
            return _json(self.commands[scope])
        if parts[0] == "channels" and parts[2:] == ["messages"] and method == "POST":
            channel = int(parts[1])
            if self.rate_limited_posts > 0:
                self.rate_limited_posts -= 1
                return _rate_limited(0.2)
            if channel in self.refused_channels:
                return _error(50001)
            if channel - 7 in self.closed_dms:  # a DM channel's id is its user's id + 7 here
                return _error(50007)
            if _uploaded(call) > self.bot_upload_limit:
                return _error(40005)
            return _json(self._message(channel, call, flags=0))
        if parts == ["users", "@me", "channels"] and method == "POST":
            recipient = call.json["recipient_id"]
            user = {"id": str(recipient), "username": f"user{recipient}", "discriminator": "0", "avatar": None}
            return _json({"id": str(int(recipient) + 7), "type": 1, "recipients": [user], "last_message_id": None})
        return _json({"code": 0, "message": "404: Not Found"}, 404)

    def _callback(self, call: Call, interaction_id: str, token: str) -> web.StreamResponse:
        if token in self.expired_tokens:
            return _error(10062)
        if interaction_id in self._acknowledged:
            return _error(40060)
        self._acknowledged.add(interaction_id)
        kind = call.json["type"]
        data = call.json.get("data") or {}
        flags = int(data.get("flags") or 0)
        message: dict[str, Any] | None = None
        if kind in (4, 5):
            message = self._message(self._channels.get(token, 0), call, flags=flags | (LOADING if kind == 5 else 0))
            self.original[token] = message["id"]
        if call.query.get("with_response") not in ("true", "1"):
            return web.Response(status=204)
        answer: dict[str, Any] = {
            "interaction": {
                "id": interaction_id,
                "type": 2,
                "response_message_id": message["id"] if message else None,
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(flags & EPHEMERAL),
            }
        }
        if message is not None:
            answer["resource"] = {"type": kind, "message": message}
        return _json(answer)

    def _webhook(self, call: Call, parts: list[str]) -> web.StreamResponse:
        app_id, token = parts[1], parts[2]
        if app_id != str(APP_ID):
            return _error(10015)
        if token in self.expired_tokens:
            return _error(50027)
        channel = self._channels.get(token, 0)
        limit = self.webhook_upload_limit or self._interaction_limits.get(token, self.bot_upload_limit)
        if _uploaded(call) > limit:
            return _error(40005)
        if len(parts) == 3 and call.method == "POST":
            message = self._message(channel, call, flags=int((call.json or {}).get("flags") or 0))
            return _json(message) if call.query.get("wait") in ("true", "1") else web.Response(status=204)
        message_id = self.original.get(token) if parts[4] == "@original" else parts[4]
        if message_id is None or message_id not in self.messages:
            return _error(10008)
        if call.method == "GET":
            return _json(self.messages[message_id])
        if call.method == "DELETE":
            del self.messages[message_id]
            return web.Response(status=204)
        current = self.messages[message_id]
        update = {k: v for k, v in (call.json or {}).items() if k in ("content", "components", "flags")}
        current.update(update, flags=current["flags"] & ~LOADING)
        if call.files:
            current["attachments"] = [self._attachment(f) for f in call.files]
        return _json(current)

    # --- Discord objects ------------------------------------------------------------------------------------

    def _bot_user(self) -> dict[str, Any]:
        return {"id": str(BOT_USER_ID), "username": "gpt-image", "discriminator": "0", "avatar": None, "bot": True}

    def _app_info(self) -> dict[str, Any]:
        owner = {"id": "1", "username": "owner", "discriminator": "0", "avatar": None}
        return {
            "id": str(APP_ID),
            "name": "gpt-image",
            "description": "",
            "icon": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": owner,
            "verify_key": "0" * 64,
            "flags": 0,
        }

    def _attachment(self, upload: UploadedFile) -> dict[str, Any]:
        attachment_id = str(next(self._ids))
        url = self.cdn_url(f"attachments/{attachment_id}/{upload.filename}", upload.data)
        return {
            "id": attachment_id,
            "filename": upload.filename,
            "size": len(upload.data),
            "url": url,
            "proxy_url": url,
        }

    def _message(self, channel_id: int, call: Call, *, flags: int) -> dict[str, Any]:
        body = call.json if isinstance(call.json, dict) else {}
        data = body.get("data", {}) if "type" in body and call.path.startswith("/interactions") else body
        message_id = str(next(self._ids))
        message: dict[str, Any] = {
            "id": message_id,
            "channel_id": str(channel_id),
            "author": self._bot_user(),
            "content": data.get("content") or "",
            "timestamp": datetime.now(UTC).isoformat(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [self._attachment(f) for f in call.files],
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": flags,
            "components": data.get("components") or [],
            "application_id": str(APP_ID),
        }
        self.messages[message_id] = message
        return message

    @staticmethod
    async def _body(request: web.Request) -> tuple[Any, list[UploadedFile]]:
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            files = [
                UploadedFile(name, value.filename, value.file.read())
                for name, value in form.items()
                if isinstance(value, web.FileField) and name.startswith("files[")
            ]
            payload = form.get("payload_json")
            return (json.loads(payload) if isinstance(payload, str) else None), files
        raw = await request.read()
        return (json.loads(raw) if raw else None), []

    async def _cdn(self, request: web.Request) -> web.StreamResponse:
        data = self.cdn.get(request.match_info["tail"])
        if data is None:
            return web.Response(status=404)
        return web.Response(body=data, headers={"Content-Type": "application/octet-stream"})
