"""The Store contract for linking (issue 18) on every implementation (fake, SQLite, Postgres): a lone identity
joins, two accounts with history merge exactly (credits add up, today's free use counts once, every row moves,
the plan follows), refusals write nothing, confirmation is idempotent and exactly once under races, unlinking
keeps the history, and a deletion reaches every identity."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from core.announcements import Announcement, AnnouncementKind
from core.models import Account, ConsentVersions, Identity, LedgerKind, Platform
from core.ports import LinkCode, LinkRequest, LinkResult, LinkStatus, Settlement, Store, UnlinkStatus
from tests.contract.store_support import (
    NOW,
    PERSONAL_TABLES,
    TODAY,
    RowCounter,
    hold_plan,
    payment,
    reserve_request,
    unique,
)

FREE_PER_DAY = 3


def tg() -> Identity:
    return Identity(platform=Platform.TELEGRAM, platform_user_id=unique("tg"))


def dc() -> Identity:
    return Identity(platform=Platform.DISCORD, platform_user_id=unique("dc"))


async def account_of(store: Store, identity: Identity, credits: int = 0, free_used: int = 0) -> Account:
    """An account for `identity` holding `credits` paid credits and `free_used` of today's free images (spent)."""
    account = await store.create_account(identity, "Ada", "en", NOW)
    if credits:
        await store.add_credits(account.id, credits, LedgerKind.GRANT, unique("grant"), "welcome", NOW)
    if free_used:
        made = await store.reserve(reserve_request(account, count=free_used, free_per_day=FREE_PER_DAY))
        await store.settle(made.id, Settlement(tuple(f"img{i}" for i in range(free_used))), NOW)
    return account


async def issue(store: Store, account: Account, identity: Identity, label: str = "@ada") -> str:
    code_hash = unique("hash")
    code = LinkCode(code_hash, account.id, identity.platform, label, NOW + timedelta(minutes=10))
    await store.save_link_code(code, identity, NOW)
    return code_hash


async def link(store: Store, code_hash: str, identity: Identity, label: str = "ada#1") -> LinkResult:
    return await store.link_identity(LinkRequest(code_hash, identity, label, TODAY, NOW + timedelta(minutes=1)))


async def test_a_lone_identity_joins_the_account_of_the_code_under_its_name(store: Store) -> None:
    alice, alice_discord = tg(), dc()
    account = await account_of(store, alice, credits=40)
    code = await issue(store, account, alice, "@alice")

    result = await link(store, code, alice_discord, "alice#7")

    found = await store.find_account(alice_discord)
    assert result == LinkResult(LinkStatus.LINKED, account.id)
    assert found is not None and found.id == account.id
    assert (await store.balance(account.id, TODAY, FREE_PER_DAY)).paid_credits == 40
    names = {li.identity: li.label for li in await store.linked_identities(account.id)}
    assert names == {alice: "@alice", alice_discord: "alice#7"}


async def test_a_code_is_kept_only_as_its_hash_and_works_once(store: Store) -> None:
    alice = tg()
    account = await account_of(store, alice)
    code = await issue(store, account, alice)
    first, stranger = dc(), Identity(platform=Platform.CONSOLE, platform_user_id=unique("local"))

    assert await link(store, code, first) == LinkResult(LinkStatus.LINKED, account.id)
    again = await link(store, code, first)
    late = await link(store, code, stranger)

    assert again == LinkResult(LinkStatus.ALREADY_LINKED, account.id)
    assert late.status is LinkStatus.INVALID
    assert await store.find_account(stranger) is None
    stored = await store.find_link_code(code)
    assert stored is not None and stored.used_at is not None


async def test_an_expired_unknown_or_replaced_code_joins_nothing(store: Store) -> None:
    alice, carol = tg(), tg()
    account = await account_of(store, alice)
    other = await account_of(store, carol)
    expired = unique("hash")
    await store.save_link_code(LinkCode(expired, other.id, Platform.TELEGRAM, "", NOW), carol, NOW)
    old = await issue(store, account, alice)
    new = await issue(store, account, alice)
    bob = dc()

    results = [await link(store, h, bob) for h in (old, unique("hash"), expired)]

    assert [r.status for r in results] == [LinkStatus.INVALID] * 3
    assert await store.find_account(bob) is None
    assert await link(store, new, bob) == LinkResult(LinkStatus.LINKED, account.id)


async def test_merging_two_accounts_adds_credits_counts_free_use_once_and_moves_everything(
    store: Store, rows: RowCounter
) -> None:
    alice_tg, alice_dc = tg(), dc()
    keeper = await account_of(store, alice_tg, credits=30, free_used=1)
    joiner = await account_of(store, alice_dc, credits=20, free_used=2)
    assert await store.record_payment(payment(joiner), LedgerKind.PURCHASE, unique("pay")) is True
    await hold_plan(store, joiner, "pro", "sub_1", "cus_1")
    moving = {t: await rows(t, joiner.id) for t in PERSONAL_TABLES}
    staying = {t: await rows(t, keeper.id) for t in PERSONAL_TABLES}
    code = await issue(store, keeper, alice_tg)

    result = await link(store, code, alice_dc)

    held = await store.balance(keeper.id, TODAY, FREE_PER_DAY)
    assert result == LinkResult(LinkStatus.MERGED, keeper.id)
    assert (held.paid_credits, held.free_left) == (30 + 20 + 50, FREE_PER_DAY - 2)
    merged = await store.get_account(keeper.id)
    assert merged is not None and (merged.plan, merged.subscription_id, merged.customer_id) == ("pro", "sub_1", "cus_1")
    assert await rows("accounts", joiner.id) == 0
    for table in ("identities", "generations", "payments"):
        assert await rows(table, keeper.id) == staying[table] + moving[table], table
    assert await rows("ledger", keeper.id) == staying["ledger"] + moving["ledger"] + 2
    merges = [e for e in await store.ledger(keeper.id) if e.kind is LedgerKind.MERGE]
    assert sorted((e.credits, e.free_images) for e in merges) == [(-70, 2), (70, -1)]
    assert [g.account_id for g in await store.generations(keeper.id)] == [keeper.id] * 2
    found = await store.get_account(joiner.id)
    assert found is not None and found.id == keeper.id  # a checkout the old account opened still arrives
    assert await store.merged_ids(keeper.id) == [joiner.id]


async def test_the_higher_free_use_of_today_stays_whichever_side_holds_it(store: Store) -> None:
    alice_tg, alice_dc = tg(), dc()
    keeper = await account_of(store, alice_tg, free_used=2)
    joiner = await account_of(store, alice_dc, free_used=1)
    code = await issue(store, keeper, alice_tg)

    await link(store, code, alice_dc)

    held = await store.balance(keeper.id, TODAY, FREE_PER_DAY)
    assert (held.free_left, held.paid_credits) == (FREE_PER_DAY - 2, 0)
    assert await store.get_account(joiner.id) == await store.get_account(keeper.id)


async def test_two_accounts_with_plans_are_not_merged_and_nothing_changes(store: Store, rows: RowCounter) -> None:
    alice_tg, alice_dc = tg(), dc()
    keeper = await account_of(store, alice_tg, credits=5)
    joiner = await account_of(store, alice_dc, credits=7)
    await hold_plan(store, keeper, "pro", "sub_a", "cus_a")
    await hold_plan(store, joiner, "pro", "sub_b", "cus_b")
    code = await issue(store, keeper, alice_tg)
    ledger_rows = await rows("ledger")

    result = await link(store, code, alice_dc)

    assert result.status is LinkStatus.TWO_PLANS
    assert await rows("ledger") == ledger_rows
    found = await store.find_account(alice_dc)
    assert found is not None and found.id == joiner.id and found.subscription_id == "sub_b"
    stored = await store.find_link_code(code)
    assert stored is not None and stored.used_at is None  # still usable once one plan is cancelled


async def test_an_account_with_work_in_flight_is_not_merged_until_it_finishes(store: Store) -> None:
    alice_tg, alice_dc = tg(), dc()
    keeper = await account_of(store, alice_tg)
    joiner = await account_of(store, alice_dc, credits=4)
    running = await store.reserve(reserve_request(joiner, count=2, unit_price=1))
    code = await issue(store, keeper, alice_tg)

    refused = await link(store, code, alice_dc)
    await store.settle(running.id, Settlement(("img",)), NOW)
    merged = await link(store, code, alice_dc)

    assert refused.status is LinkStatus.IN_FLIGHT
    assert merged.status is LinkStatus.MERGED
    assert (await store.balance(keeper.id, TODAY, 0)).paid_credits == 3  # one image kept, one refunded


async def test_an_account_holds_one_identity_per_platform(store: Store) -> None:
    alice, other_telegram = tg(), tg()
    account = await account_of(store, alice)
    code = await issue(store, account, alice)

    result = await link(store, code, other_telegram)

    assert result == LinkResult(LinkStatus.SAME_PLATFORM, account.id, Platform.TELEGRAM)
    assert await store.find_account(other_telegram) is None


async def test_an_account_being_deleted_is_not_linked_or_merged(store: Store) -> None:
    alice_tg, alice_dc = tg(), dc()
    keeper = await account_of(store, alice_tg)
    joiner = await account_of(store, alice_dc)
    code = await issue(store, keeper, alice_tg)
    await store.set_deletion_code(joiner.id, "123456", NOW + timedelta(minutes=5))
    await store.begin_deletion(joiner.id, "123456", NOW)

    result = await link(store, code, alice_dc)

    assert result.status is LinkStatus.BEING_DELETED
    assert await store.get_account(joiner.id) is not None


async def test_confirming_many_times_at_once_merges_exactly_once(store: Store) -> None:
    alice_tg, alice_dc = tg(), dc()
    keeper = await account_of(store, alice_tg, credits=10)
    await account_of(store, alice_dc, credits=5)
    code = await issue(store, keeper, alice_tg)

    results = await asyncio.gather(*(link(store, code, alice_dc) for _ in range(6)))

    assert sorted(r.status for r in results) == sorted([LinkStatus.MERGED] + [LinkStatus.ALREADY_LINKED] * 5)
    assert (await store.balance(keeper.id, TODAY, 0)).paid_credits == 15
    assert len([e for e in await store.ledger(keeper.id) if e.kind is LedgerKind.MERGE]) == 2


async def test_two_people_racing_for_one_code_only_one_gets_in(store: Store) -> None:
    alice = tg()
    keeper = await account_of(store, alice)
    code = await issue(store, keeper, alice)
    racers = [dc(), Identity(platform=Platform.CONSOLE, platform_user_id=unique("local"))]

    results = await asyncio.gather(*(link(store, code, who) for who in racers))

    assert sorted(r.status for r in results) == sorted([LinkStatus.LINKED, LinkStatus.INVALID])
    assert len(await store.identities(keeper.id)) == 2


async def test_unlinking_detaches_one_identity_and_keeps_the_history(store: Store) -> None:
    alice_tg, alice_dc = tg(), dc()
    keeper = await account_of(store, alice_tg, credits=9)
    code = await issue(store, keeper, alice_tg)
    await link(store, code, alice_dc)

    gone = await store.unlink_identity(keeper.id, Platform.DISCORD)
    absent = await store.unlink_identity(keeper.id, Platform.DISCORD)
    last = await store.unlink_identity(keeper.id, Platform.TELEGRAM)

    assert (gone, absent, last) == (UnlinkStatus.UNLINKED, UnlinkStatus.NOT_LINKED, UnlinkStatus.LAST)
    assert await store.find_account(alice_dc) is None
    assert await store.identities(keeper.id) == [alice_tg]
    assert (await store.balance(keeper.id, TODAY, 0)).paid_credits == 9


async def test_deleting_a_merged_account_leaves_nothing_of_any_identity(store: Store, rows: RowCounter) -> None:
    alice_tg, alice_dc = tg(), dc()
    keeper = await account_of(store, alice_tg, credits=3, free_used=1)
    joiner = await account_of(store, alice_dc, credits=2, free_used=1)
    code = await issue(store, keeper, alice_tg)
    await link(store, code, alice_dc)

    await store.delete_account(keeper.id)

    assert await store.find_account(alice_tg) is None and await store.find_account(alice_dc) is None
    assert await store.get_account(joiner.id) is None
    for table in ("accounts", *PERSONAL_TABLES):
        assert await rows(table) == 0, table
    assert await store.find_link_code(code) is None
    assert await store.merged_ids(keeper.id) == []


async def test_a_merge_brings_the_consent_history_and_the_survivor_takes_a_consent_it_lacks(store: Store) -> None:
    alice_tg, alice_dc = tg(), dc()
    keeper = await account_of(store, alice_tg)
    joiner = await account_of(store, alice_dc)
    await store.give_consent(joiner.id, NOW, ConsentVersions(terms="3", policy="2"))
    code = await issue(store, keeper, alice_tg)

    await link(store, code, alice_dc)

    merged = await store.get_account(keeper.id)
    assert merged is not None and merged.has_consented
    assert (merged.accepted_terms_version, merged.accepted_policy_version) == ("3", "2")
    assert [(c.terms_version, c.policy_version) for c in await store.consents(keeper.id)] == [("3", "2")]


async def test_a_merge_keeps_one_announcement_copy_per_person(store: Store) -> None:
    alice_tg, alice_dc = tg(), dc()
    keeper = await account_of(store, alice_tg)
    joiner = await account_of(store, alice_dc)
    both = Announcement(id=unique("ann"), kind=AnnouncementKind.POLICY, text="New terms.", created_at=NOW)
    assert await store.record_announcement(both) == 2
    code = await issue(store, keeper, alice_tg)
    only_theirs = Announcement(id=unique("ann"), kind=AnnouncementKind.NEWS, text="News.", created_at=NOW)
    await store.set_deletion_code(keeper.id, "123456", NOW + timedelta(minutes=5))
    await store.begin_deletion(keeper.id, "123456", NOW)  # left out of the second announcement
    await store.record_announcement(only_theirs)
    await store.abort_deletion(keeper.id)

    await link(store, code, alice_dc)

    copies = await store.announcement_copies(keeper.id)
    assert sorted(c.announcement_id for c in copies) == sorted([both.id, only_theirs.id])
    assert await store.announcement_copies(joiner.id) == []
