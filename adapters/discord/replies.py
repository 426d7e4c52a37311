"""Answering an interaction the right way for its state, and turning any failure into a friendly private answer.

Discord invalidates an interaction that gets no first response within 3 s, and a deferred response keeps the
visibility chosen when deferring. So every handler that may do slow work (the Store, Creem, uploads) answers
first — `think(ephemeral=True)` for commands, `acknowledge()` for buttons — and decides what is private before
that: nothing shown to the channel is ever deleted and replaced by a private followup."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

import discord
from discord.utils import MISSING

from core.errors import DomainError, StoreUnavailable
from core.texts import error_text, t

log = logging.getLogger(__name__)


class Reply:
    """One interaction's answers, whatever state the interaction is in."""

    def __init__(self, interaction: discord.Interaction, locale: str) -> None:
        self.interaction = interaction
        self.locale = locale

    async def think(self, *, ephemeral: bool) -> int | None:
        """Defer with a loading state (type 5); returns the loading message's id when Discord tells it."""
        callback = await self.interaction.response.defer(thinking=True, ephemeral=ephemeral)
        return callback.message_id if callback is not None else None

    async def acknowledge(self) -> None:
        """A button or menu: defer the update of the message it sits on (type 6) before any slow work."""
        await self.interaction.response.defer()

    async def private(
        self, text: str, *, view: discord.ui.View | None = None, files: Sequence[discord.File] = ()
    ) -> None:
        """An ephemeral answer (flags 64), whatever state the interaction is in."""
        response = self.interaction.response
        if not response.is_done():
            await response.send_message(text, view=view or MISSING, files=list(files) or MISSING, ephemeral=True)
            return
        await self.interaction.followup.send(text, view=view or MISSING, files=list(files) or MISSING, ephemeral=True)

    async def update(self, text: str, *, view: discord.ui.View | None = None) -> None:
        """Replace the message a component sits on (type 7, or an edit after `acknowledge`); buttons go away
        unless a new view is given."""
        if self.interaction.response.is_done():
            await self.interaction.edit_original_response(content=text, view=view)
            return
        await self.interaction.response.edit_message(content=text, view=view)

    async def fail(self, text: str) -> None:
        try:
            await self.private(text)
        except discord.HTTPException:
            log.warning("could not send an error answer", exc_info=True)


@asynccontextmanager
async def answering(interaction: discord.Interaction, locale: str) -> AsyncIterator[Reply]:
    """Domain errors become their catalogue text; anything else a generic text with a logged error id."""
    reply = Reply(interaction, locale)
    try:
        yield reply
    except DomainError as error:
        await reply.fail(error_text(error, locale))
    except StoreUnavailable:
        log.warning("store unavailable while answering an interaction")
        await reply.fail(t("error.temporarily_unavailable", locale))
    except Exception:
        error_id = uuid.uuid4().hex[:8]
        log.exception("discord interaction failed", extra={"error_id": error_id, "user_id": interaction.user.id})
        await reply.fail(t("error.internal", locale, error_id=error_id))
