"""The Store contract for the consent history: each acceptance of the terms and privacy policy is kept with its
versions and time, on every implementation (fake, SQLite, Postgres), and goes with the account."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from core.models import ConsentRecord, ConsentVersions, SettingsChange
from core.ports import Store
from tests.contract.store_support import NOW, new_account, unique

V2_POLICY = ConsentVersions(terms="1", policy="2")


async def test_accepting_new_versions_adds_to_the_history_and_keeps_the_first_consent_time(store: Store) -> None:
    account = await new_account(store)
    later = NOW + timedelta(days=30)

    first = await store.give_consent(account.id, NOW)
    renewed = await store.give_consent(account.id, later, V2_POLICY)

    assert first is not None and (first.accepted_terms_version, first.accepted_policy_version) == ("1", "1")
    assert renewed is not None and renewed.consent_at == NOW and renewed.has_consented
    assert (renewed.accepted_terms_version, renewed.accepted_policy_version) == ("1", "2")
    assert renewed == await store.get_account(account.id)
    assert await store.consents(account.id) == [
        ConsentRecord(accepted_at=NOW, terms_version="1", policy_version="1"),
        ConsentRecord(accepted_at=later, terms_version="1", policy_version="2"),
    ]


async def test_accepting_the_versions_already_accepted_changes_nothing(store: Store) -> None:
    account = await new_account(store)
    await store.give_consent(account.id, NOW, V2_POLICY)

    again = await store.give_consent(account.id, NOW + timedelta(hours=1), V2_POLICY)

    assert again is not None and again.consent_at == NOW
    assert len(await store.consents(account.id)) == 1


async def test_two_racing_acceptances_of_one_version_are_recorded_once(store: Store) -> None:
    account = await new_account(store)

    await asyncio.gather(*(store.give_consent(account.id, NOW, V2_POLICY) for _ in range(5)))

    assert len(await store.consents(account.id)) == 1


async def test_a_consent_leaves_the_other_fields_of_the_account_as_they_are(store: Store) -> None:
    account = await new_account(store)
    await store.update_settings(account.id, SettingsChange(send_as_file=True, locale="fr"))

    after = await store.give_consent(account.id, NOW, V2_POLICY)

    assert after is not None and (after.send_as_file, after.locale) == (True, "fr")


async def test_the_history_of_an_unknown_or_deleted_account_is_empty(store: Store) -> None:
    account = await new_account(store)
    await store.give_consent(account.id, NOW)

    await store.delete_account(account.id)

    assert await store.consents(account.id) == []
    assert await store.consents(unique("ghost")) == []
    assert await store.give_consent(unique("ghost"), NOW, V2_POLICY) is None
