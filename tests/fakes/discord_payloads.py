"""INTERACTION_CREATE payloads as Discord sends them (API v10): slash commands (type 2, with options and resolved
attachments) and message components (type 3, with the message that carries them), in a guild or in a DM.

Interaction ids are real snowflakes of their creation time, which is what discord.py's `created_at` (and so the
15-minute token lifetime) is computed from; `created` lets a test make an interaction that is already old.
"""

from __future__ import annotations

import itertools
import secrets
from datetime import UTC, datetime
from typing import Any

import discord

from tests.fakes.discord_api import APP_ID, BOT_USER_ID

GUILD_ID = 1200000000000000001
CHANNEL_ID = 1200000000000000002
USER_ID = 1200000000000000100
DEFAULT_LIMIT = 10 * 1024 * 1024
_sequence = itertools.count(1)


def _snowflake(created: datetime | None) -> str:
    return str(discord.utils.time_snowflake(created or datetime.now(UTC)) + next(_sequence))


def user(user_id: int = USER_ID, name: str = "alice") -> dict[str, Any]:
    return {"id": str(user_id), "username": name, "discriminator": "0", "global_name": name.title(), "avatar": None}


def _base(
    kind: int,
    data: dict[str, Any],
    *,
    user_id: int,
    dm: bool,
    created: datetime | None,
    limit: int,
    channel_id: int | None = None,
) -> dict[str, Any]:
    who = user(user_id)
    payload: dict[str, Any] = {
        "id": _snowflake(created),
        "application_id": str(APP_ID),
        "type": kind,
        "token": "itok-" + secrets.token_urlsafe(24),
        "version": 1,
        "app_permissions": "2248473465835073",
        "entitlements": [],
        "attachment_size_limit": limit,
        "locale": "en-US",
        "data": data,
    }
    if dm:
        dm_channel = channel_id or user_id + 5
        payload.update(
            channel_id=str(dm_channel),
            channel={"id": str(dm_channel), "type": 1, "recipients": [who], "last_message_id": None, "flags": 0},
            user=who,
            context=1,
            authorizing_integration_owners={"1": str(user_id)},
        )
    else:
        channel = channel_id or CHANNEL_ID
        payload.update(
            guild_id=str(GUILD_ID),
            guild_locale="en-US",
            guild={"id": str(GUILD_ID), "locale": "en-US", "features": []},
            channel_id=str(channel),
            channel={
                "id": str(channel),
                "type": 0,
                "guild_id": str(GUILD_ID),
                "name": "general",
                "position": 0,
                "flags": 0,
                "permission_overwrites": [],
                "nsfw": False,
                "parent_id": None,
                "last_message_id": None,
                "rate_limit_per_user": 0,
                "topic": None,
            },
            member={
                "user": who,
                "roles": [],
                "joined_at": "2024-01-01T00:00:00+00:00",
                "deaf": False,
                "mute": False,
                "flags": 0,
                "pending": False,
                "nick": None,
                "avatar": None,
                "permissions": "2248473465835073",
            },
            context=0,
            authorizing_integration_owners={"0": str(GUILD_ID)},
        )
    return payload


def slash(
    name: str,
    options: dict[str, str | int] | None = None,
    *,
    attachment: tuple[str, str, bytes] | None = None,
    user_id: int = USER_ID,
    dm: bool = False,
    created: datetime | None = None,
    limit: int = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """A chat-input command (type 2). `attachment=(option name, url, bytes)` adds an attachment option (type 11)
    with its object in `data.resolved.attachments`, as Discord does."""
    types = {str: 3, int: 4}
    data: dict[str, Any] = {
        "id": _snowflake(None),
        "name": name,
        "type": 1,
        "options": [{"name": k, "type": types[type(v)], "value": v} for k, v in (options or {}).items()],
    }
    if attachment is not None:
        option, url, blob = attachment
        attachment_id = _snowflake(None)
        data["options"].append({"name": option, "type": 11, "value": attachment_id})
        data["resolved"] = {
            "attachments": {
                attachment_id: {
                    "id": attachment_id,
                    "filename": url.rsplit("/", 1)[-1],
                    "size": len(blob),
                    "url": url,
                    "proxy_url": url,
                    "content_type": "image/png",
                    "width": 8,
                    "height": 8,
                    "ephemeral": True,
                }
            }
        }
    return _base(2, data, user_id=user_id, dm=dm, created=created, limit=limit)


def component(
    custom_id: str,
    message: dict[str, Any],
    *,
    values: list[str] | None = None,
    user_id: int = USER_ID,
    dm: bool = False,
    created: datetime | None = None,
) -> dict[str, Any]:
    """A button press (component_type 2) or a select (3, with `values`) on `message` — a message object as the
    bot sent it (Discord includes the whole message, components and all)."""
    data: dict[str, Any] = {"custom_id": custom_id, "component_type": 2 if values is None else 3}
    if values is not None:
        data["values"] = values
    payload = _base(
        3,
        data,
        user_id=user_id,
        dm=dm,
        created=created,
        limit=DEFAULT_LIMIT,
        channel_id=int(message["channel_id"]) or None,
    )
    payload["message"] = {**message, "author": {**message["author"], "id": str(BOT_USER_ID)}}
    return payload
