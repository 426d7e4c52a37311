"""KIE callbacks: signature check (docs.kie.ai/common-api/webhook-verification) and task-id extraction.

A callback is only a trigger to re-read recordInfo: its state and URLs are never trusted, and the signature covers
just `taskId + "." + timestamp`, not the body.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pydantic import ValidationError

from adapters.kie.models import CallbackBody
from core.bounded_json import loads_bounded
from core.models import TaskRef

REF_PARAMS = ("generation", "slot", "ref")  # the TaskRef a task was created for, and our MAC over it
SIGNATURE_HEADER = "X-Webhook-Signature"
TIMESTAMP_HEADER = "X-Webhook-Timestamp"
MAX_SKEW_S = 300.0
MAX_TASK_ID_CHARS = 128  # KIE's ids are 32 hex characters; a 256 KB "task id" is an attack, not a task


def sign_kie(task_id: str, timestamp: str, key: str) -> str:
    """base64(HMAC-SHA256(taskId + "." + timestamp, webhookHmacKey)), as KIE computes it."""
    digest = hmac.new(key.encode(), f"{task_id}.{timestamp}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def verify_kie_signature(
    task_id: str | None,
    timestamp: str | None,
    signature: str | None,
    key: str,
    *,
    now: float | None = None,
    max_skew_s: float = MAX_SKEW_S,
) -> bool:
    """True only for a well-formed, fresh (±max_skew_s; KIE sets no tolerance) and matching signature."""
    if not (task_id and timestamp and signature and key):
        return False
    try:
        sent_at = int(timestamp)
    except ValueError:
        return False
    current = time.time() if now is None else now
    if abs(current - sent_at) > max_skew_s:
        return False
    return hmac.compare_digest(sign_kie(task_id, timestamp, key).encode(), signature.strip().encode("utf-8", "replace"))


def parse_callback(body: bytes) -> str | None:
    """The task id of a callback body (`data.task_id`, `taskId` or `data.taskId`), or None if there is none
    (or the body nests too deep to parse safely, or the id is longer than any task id KIE hands out)."""
    try:
        raw = loads_bounded(body)
        parsed = CallbackBody.model_validate(raw)
    except (ValueError, ValidationError):
        return None
    task_id = parsed.any_task_id()
    return task_id if task_id is not None and len(task_id) <= MAX_TASK_ID_CHARS else None


def callback_task_id(
    body: bytes, headers: Mapping[str, str], hmac_key: str | None, *, now: float | None = None
) -> str | None:
    """The task id to re-read when a callback is acceptable; None to refuse it (bad body or bad signature).

    With no key configured, callbacks are unsigned and accepted as mere triggers. Pass aiohttp's `request.headers`.
    """
    task_id = parse_callback(body)
    if task_id is None:
        return None
    if hmac_key is None:
        return task_id
    ok = verify_kie_signature(
        task_id, _header(headers, TIMESTAMP_HEADER), _header(headers, SIGNATURE_HEADER), hmac_key, now=now
    )
    return task_id if ok else None


def _header(headers: Mapping[str, str], name: str) -> str | None:
    """Works with case-insensitive (aiohttp) and plain dict headers alike."""
    return headers.get(name) or headers.get(name.lower())


def _ref_mac(generation_id: str, slot: str, key: str) -> str:
    secret = hashlib.sha256(b"gib-callback-ref:" + key.encode()).digest()
    return hmac.new(secret, f"{generation_id}:{slot}".encode(), hashlib.sha256).hexdigest()[:32]


def callback_url_for(url: str, ref: TaskRef, key: str) -> str:
    """The callback URL of one task: it names the generation and slot (MACed with a secret derived from `key`), so
    the callback of a task whose create answer was lost still finds its slot."""
    parts = urlsplit(url)
    slot = str(ref.slot)
    query = [*parse_qsl(parts.query), ("generation", ref.generation_id), ("slot", slot)]
    query.append(("ref", _ref_mac(ref.generation_id, slot, key)))
    return urlunsplit(parts._replace(query=urlencode(query)))


def callback_ref(query: Mapping[str, str], key: str) -> TaskRef | None:
    """The TaskRef a callback URL names, only when its MAC checks out (never trust a slot from the outside)."""
    generation_id, slot, mac = (query.get(name) for name in REF_PARAMS)
    if not (generation_id and slot and mac and key) or not slot.isdigit() or len(slot) > 2:
        return None
    if not hmac.compare_digest(_ref_mac(generation_id, slot, key).encode(), mac.encode("utf-8", "replace")):
        return None
    return TaskRef(generation_id=generation_id, slot=int(slot))
