"""Redaction on the root log handler: whatever logger a record comes from (python-telegram-bot, httpx, discord.py,
aiohttp, ours) and at whatever level, credentials and a person's words never reach the log.

Removed: every configured secret's value (and the parts of it that travel alone: a URL's password, the secret half
of a bot token), anything shaped like a Telegram bot token, the token in Bot API URLs (`/bot<token>/`), credential
query parameters, and the values of fields that carry what people write or who they are (`text`, `caption`,
`first_name`, `username`, callback `data`, Discord `content`, ids of users and chats…) in the JSON, dict and object
reprs the libraries dump at DEBUG. The message, the traceback, the stack and string extras are all filtered.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterable
from urllib.parse import quote, urlsplit

MASK = "[redacted]"
MIN_SECRET_CHARS = 6  # shorter values would mask ordinary words and numbers

#: Fields whose values are a person's words, names, ids or credentials (Bot API, Discord API, our own models).
SENSITIVE_FIELDS = (
    "text|caption|prompt|query|content|value|first_name|last_name|full_name|username|global_name|nick|name|"
    "title|phone_number|email|bio|data|callback_data|custom_id|payload|invoice_payload|secret_token|token|"
    "interaction_token|access_token|api_key|authorization|password|deletion_code|id|user_id|chat_id|chat_instance|"
    "telegram_payment_charge_id|provider_payment_charge_id|url|file_path|input_urls|result_urls|callBackUrl|"
    "callback_url"
)
# A quoted string, or a bare value up to the next separator; never an already-masked value.
_VALUE = r"""(?!\[redacted\])(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^,)}\]\s]+)"""
# "key": value / 'key': value (JSON, dict reprs) and key=value (object reprs, query strings)
_QUOTED_FIELD = re.compile(rf"""(["'])({SENSITIVE_FIELDS})\1(\s*:\s*){_VALUE}""", re.DOTALL)
_KEYWORD_FIELD = re.compile(rf"""(?<![\w.])({SENSITIVE_FIELDS})=(?!=){_VALUE}""", re.DOTALL)
_BOT_TOKEN = re.compile(r"\b\d{5,}:[A-Za-z0-9_-]{30,}")
_BOT_API_PATH = re.compile(r"(/(?:file/)?bot)[^/\s'\"]+(?=/)")
_CREDENTIAL_PARAM = re.compile(r"([?&](?:token|key|secret|signature|sig|ref|code)=)[^&\s'\"]+", re.IGNORECASE)
# aiosqlite at DEBUG: "executing functools.partial(<method execute …>, 'SQL', (parameters…))" — keep the SQL only.
# The method may be a bound one ("<bound method Connection._execute_fetchall of <aiosqlite… object at 0x…>>").
_SQL_PARAMETERS = re.compile(
    r"""(functools\.partial\(<(?:[^<>]|<[^<>]*>)*>, (?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"))(?:, .*)?\)""",
    re.DOTALL,
)
_AUTH_HEADER = re.compile(
    r"((?:authorization|x-api-key|x-telegram-bot-api-secret-token)['\"]?\s*[:=]\s*['\"]?)[^'\"\s,}]+", re.I
)


class Redactor(logging.Filter):
    """A logging.Filter for handlers: rewrites each record in place (so every formatter sees the redacted one)."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets = sorted(_variants(secrets), key=len, reverse=True)

    def redact(self, text: str) -> str:
        """Fields first (their whole values go), then secrets and token shapes wherever they are left."""
        text = _SQL_PARAMETERS.sub(rf"\1, {MASK})", text)
        text = _QUOTED_FIELD.sub(rf"\1\2\1\3{MASK}", text)
        text = _KEYWORD_FIELD.sub(rf"\1={MASK}", text)
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        text = _BOT_TOKEN.sub(MASK, text)
        text = _BOT_API_PATH.sub(rf"\1{MASK}", text)
        text = _CREDENTIAL_PARAM.sub(rf"\1{MASK}", text)
        return _AUTH_HEADER.sub(rf"\1{MASK}", text)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a library's bad format string: keep what it said, still redacted
            message = f"{record.msg} {record.args}"
        record.msg, record.args = self.redact(message), ()
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        for key, value in list(record.__dict__.items()):
            if key in _STANDARD:
                continue
            if re.fullmatch(SENSITIVE_FIELDS, key):
                record.__dict__[key] = MASK
            elif isinstance(value, str):
                record.__dict__[key] = self.redact(value)
        return True


_STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime", "taskName"}


def _variants(secrets: Iterable[str]) -> set[str]:
    """Each secret, URL-quoted too, plus the pieces that appear on their own (URL passwords, a token's secret)."""
    found: set[str] = set()
    for secret in secrets:
        if not secret:
            continue
        pieces = [secret, quote(secret, safe="")]
        if "://" in secret:
            with contextlib.suppress(ValueError):
                pieces.append(urlsplit(secret).password or "")
        if ":" in secret and "://" not in secret:
            pieces.append(secret.split(":", 1)[1])
        found.update(p for p in pieces if len(p) >= MIN_SECRET_CHARS)
    return found
