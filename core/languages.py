"""The languages people chose in /settings, remembered by each process so a reply never waits on the Store for
them (bounded, and re-read after a few minutes so a change made through another process shows up)."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from core.locales import normalise
from core.models import Account, Identity, SettingsChange
from core.ports import Store


class LanguageBook:
    """Chosen languages by identity ("" = none chosen: follow the platform)."""

    def __init__(self, capacity: int = 20_000, ttl_s: float = 300.0, clock: Callable[[], float] = time.monotonic):
        self._entries: OrderedDict[Identity, tuple[str, float]] = OrderedDict()
        self._capacity, self._ttl_s, self._clock = capacity, ttl_s, clock

    def known(self, identity: Identity) -> str | None:
        """The remembered choice, None when not remembered (or too old to trust)."""
        entry = self._entries.get(identity)
        if entry is None or self._clock() - entry[1] > self._ttl_s:
            return None
        return entry[0]

    async def language(self, store: Store, identity: Identity, platform_locale: str = "") -> str:
        """The chosen language ("" for none), from memory or one Store read. On that read the account also learns
        the platform's language when it changed (the app switched to Spanish), so results and notices sent later,
        outside a reply, follow it too (one field written, only then)."""
        known = self.known(identity)
        if known is not None:
            return known
        account = await store.find_account(identity)
        if account is None:
            return self.remember(identity, "")
        if platform_locale and normalise(account.locale) != platform_locale:
            await store.update_settings(account.id, SettingsChange(locale=platform_locale))
        return self.remember(identity, account.language)

    def remember(self, identity: Identity, language: str) -> str:
        self._entries[identity] = (language, self._clock())
        self._entries.move_to_end(identity)
        while len(self._entries) > self._capacity:
            self._entries.popitem(last=False)
        return language

    def forget(self, identity: Identity) -> None:
        self._entries.pop(identity, None)


def reply_locale(account: Account) -> str:
    """The language for messages sent outside a reply (results, payment notices): chosen, else the platform's
    as last seen."""
    return normalise(account.language or account.locale)
