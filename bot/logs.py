"""Structured, one-line logs with the event's extras (account id, generation id); never tokens or prompts.

Two formats over the same records: `text` (default, for people) and `json` (LOG_FORMAT=json: one JSON object per
line, for log shippers). Formatting is separate from filtering, so filters (e.g. redaction) attach to the handler
and apply to both.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from bot.redaction import Redactor

STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime", "taskName"}
#: Extras never written, whoever passes them: user content and credentials stay out of the logs.
NEVER_LOGGED = frozenset({"prompt", "text", "token", "api_key", "secret", "password", "authorization"})


def extras_of(record: logging.LogRecord) -> dict[str, Any]:
    return {k: v for k, v in record.__dict__.items() if k not in STANDARD and k.lower() not in NEVER_LOGGED}


class OneLineFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        extras = extras_of(record)
        line = f"{self.formatTime(record)} {record.levelname} {record.name}: {record.getMessage()}"
        if extras:
            line += " " + json.dumps(extras, default=str, sort_keys=True)
        trace = record.exc_text or (self.formatException(record.exc_info) if record.exc_info else "")
        if trace:
            line += " | " + trace.replace("\n", " | ")
        return line


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, the extras (generation_id, account_id, …) and,
    for an exception, its type and traceback as one string field."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in extras_of(record).items():
            entry.setdefault(key, value)
        if record.exc_info and record.exc_info[0] is not None:
            entry["error"] = record.exc_info[0].__name__
            entry["traceback"] = record.exc_text or self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


FORMATTERS: dict[str, type[logging.Formatter]] = {"text": OneLineFormatter, "json": JsonFormatter}


def setup_logging(level: str, log_format: str = "text", secrets: Iterable[str] = ()) -> logging.Handler:
    """Configure the root logger once; returns the handler so callers can add filters to it.

    Every record is redacted on this handler (bot/redaction.py): `secrets` are the configured credentials."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(FORMATTERS[log_format]())
    logging.basicConfig(level=level.upper(), handlers=[handler], force=True)
    # httpx logs every request URL at INFO, and Bot API URLs contain the bot token.
    for noisy in ("httpx", "httpcore", "telegram.ext.Updater", "discord.gateway", "hpack"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # discord.py warns about missing voice libraries on every start; the bot never joins voice.
    logging.getLogger("discord.client").addFilter(_not_about_voice)
    # The chat libraries log a full traceback for every network hiccup they retry; one line says as much.
    handler.addFilter(_network_errors_on_one_line)
    handler.addFilter(Redactor(secrets))  # last: it sees the record exactly as the formatter will
    return handler


NETWORK_ERRORS = frozenset(
    {"NetworkError", "TimedOut", "BadGateway", "InvalidToken", "ConnectError", "ClientConnectorError", "OSError"}
)


def _network_errors_on_one_line(record: logging.LogRecord) -> bool:
    """Drop the traceback of a chat library's expected network failure, keeping its kind in the message."""
    error = record.exc_info[1] if record.exc_info else None
    if error is None or not record.name.startswith(("telegram", "discord")):
        return True
    if {kind.__name__ for kind in type(error).__mro__} & NETWORK_ERRORS:
        record.msg = f"{record.getMessage()} ({type(error).__name__})"
        record.args = ()
        record.exc_info = None
        record.exc_text = None
    return True


def _not_about_voice(record: logging.LogRecord) -> bool:
    return "voice will NOT be supported" not in record.getMessage()
