"""Which documents a person must accept again: pure decisions over the account and the operator's versions.

Versions are the operator's labels (TERMS_VERSION, POLICY_VERSION: "1", "2", "2026-04-24", "3.1"). They compare
naturally, number by number, so "10" is after "9" and a date after an earlier date. A person is asked again only
when the version in force is *after* the one they accepted: during a rolling deploy an older process never asks
someone who already accepted the newer version.
"""

from __future__ import annotations

import re
from enum import StrEnum

from core.models import FIRST_VERSIONS, Account, ConsentVersions

_PARTS = re.compile(r"(\d+)")


class Document(StrEnum):
    TERMS = "terms"
    PRIVACY = "privacy"


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key: digit runs as numbers, the rest as lower-case text ("2026-04-24" < "2026-11-02", "9" < "10")."""
    parts = (p for p in _PARTS.split(version.strip().lower()) if p)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def is_after(version: str, accepted: str) -> bool:
    return version_key(version) > version_key(accepted)


def accepted_versions(account: Account) -> ConsentVersions | None:
    """What the person accepted; a consent recorded before versions were kept counts as the first versions."""
    if not account.has_consented:
        return None
    return ConsentVersions(
        terms=account.accepted_terms_version or FIRST_VERSIONS.terms,
        policy=account.accepted_policy_version or FIRST_VERSIONS.policy,
    )


def changed_documents(account: Account, current: ConsentVersions) -> frozenset[Document]:
    """The documents whose version in force is newer than the one the person accepted (none before consent)."""
    accepted = accepted_versions(account)
    if accepted is None:
        return frozenset()
    changed = set()
    if is_after(current.terms, accepted.terms):
        changed.add(Document.TERMS)
    if is_after(current.policy, accepted.policy):
        changed.add(Document.PRIVACY)
    return frozenset(changed)


def documents_label(changed: frozenset[Document]) -> str:
    """The catalogue's name for what changed: `terms`, `privacy` or `both`."""
    if changed == {Document.TERMS}:
        return "terms"
    if changed == {Document.PRIVACY}:
        return "privacy"
    return "both"
