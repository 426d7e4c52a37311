"""The language a person reads: the one chosen in /settings (stored on the account, exported by /mydata), else
their platform's (Telegram `language_code`, Discord's `locale`, the console's `LANG`), else English.

Replies must not wait on the Store for it, so each process remembers the choices it has read (bounded, re-read
after a few minutes so a change made through another process shows up); a change made here is seen at once.
"""

from __future__ import annotations

from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.locales import DEFAULT_LOCALE, available, normalise
from core.models import Account, Identity, SettingsChange
from core.usecases.accounts import require_account

AUTOMATIC = ("auto", "automatic", "default", "off", "none")


def parse_language(value: str) -> str:
    """A language the person typed (`es`, `pt-BR`, `zh`, `auto`) as a catalogue code; "" for automatic."""
    word = value.strip().lower()
    if word in AUTOMATIC:
        return ""
    code = normalise(word)
    unknown = code == DEFAULT_LOCALE and word.replace("-", "_").split("_")[0] != DEFAULT_LOCALE  # English by default
    if unknown or code not in available():
        raise DomainError(ErrorCode.INVALID_OPTION, "language_unknown", languages=", ".join(available()))
    return code


async def choose_language(deps: Deps, identity: Identity, value: str) -> Account:
    """Store the choice (one field, atomically) and use it from the next reply on; "auto" clears it."""
    language = parse_language(value)
    account = await require_account(deps, identity)
    updated = await deps.store.update_settings(account.id, SettingsChange(language=language))
    if updated is None:
        raise DomainError(ErrorCode.NOT_REGISTERED)
    deps.languages.remember(identity, updated.language)
    return updated
