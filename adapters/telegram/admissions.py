"""Requests being admitted: the acknowledgement already carries the ✖ Cancel button (with the generation id chosen
before it was sent), while the hold may still be being taken. A press in that moment waits for the admission to end
instead of finding nothing; afterwards the request is in the Store (cancelled as usual) or was refused (its status
message then says why, without the button).

In process: the update that sent the acknowledgement and the press both reach the process that polls Telegram.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager

from core.usecases.generation import new_generation_id


class Admissions:
    def __init__(self) -> None:
        self._open: dict[str, asyncio.Event] = {}

    @contextmanager
    def opening(self) -> Iterator[str]:
        """A new generation id, open until the block ends (the hold taken or refused)."""
        generation_id = new_generation_id()
        ended = asyncio.Event()
        self._open[generation_id] = ended
        try:
            yield generation_id
        finally:
            del self._open[generation_id]
            ended.set()

    async def ended(self, generation_id: str) -> None:
        """Return once `generation_id` is not being admitted (at once when it is not)."""
        ended = self._open.get(generation_id)
        if ended is not None:
            await ended.wait()
