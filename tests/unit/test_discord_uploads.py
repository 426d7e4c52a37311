"""An image uploaded to Discord leaves memory once sent: discord.py leaves a File made from a buffer open (and, sent,
the buffer refers to itself), so the messenger closes each one itself, whatever the send's outcome."""

from __future__ import annotations

from typing import Any

import discord
import pytest

from adapters.discord.messenger import Outgoing, Picture, _attempt


class Refused(discord.HTTPException):
    def __init__(self, status: int, code: int) -> None:
        self.status, self.code, self.text = status, code, "refused"


def outgoing() -> Outgoing:
    pictures = [Picture(i, f"{i}.png", b"\x89PNG" + bytes(1000), f"https://files.example/{i}") for i in (1, 2)]
    return Outgoing(["Done"], pictures, None)


async def test_the_buffers_of_sent_images_are_closed_after_the_upload() -> None:
    sent: list[Any] = []

    async def send(content: str, files: Any) -> None:
        sent.append(files)

    await _attempt(outgoing(), 10_000_000, send)

    assert [f.filename for f in sent[0]] == ["1.png", "2.png"]
    assert all(f.fp.closed for f in sent[0])


async def test_the_buffers_are_closed_too_when_discord_refuses_the_upload() -> None:
    sent: list[Any] = []

    async def send(content: str, files: Any) -> None:
        sent.append(files)
        raise Refused(500, 0)

    with pytest.raises(discord.HTTPException):
        await _attempt(outgoing(), 10_000_000, send)

    assert all(f.fp.closed for f in sent[0])


async def test_an_upload_refused_as_too_large_goes_again_as_links_and_frees_the_images() -> None:
    sent: list[Any] = []

    async def send(content: str, files: Any) -> None:
        sent.append((content, files))
        if files is not discord.utils.MISSING:
            raise Refused(413, 40005)

    await _attempt(outgoing(), 10_000_000, send)

    first, second = sent
    assert all(f.fp.closed for f in first[1])
    assert second[1] is discord.utils.MISSING and "https://files.example/1" in second[0]
