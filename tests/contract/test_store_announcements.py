"""The Store contract for announcements, on every implementation (fake, SQLite, Postgres): one copy per person,
claimed by one process at a time, marked `sending` before the platform call, and never sent twice — a copy left
sending by a dead process is `uncertain`, a claim left unsent goes back to the others."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from core.announcements import Announcement, AnnouncementKind, RecipientState
from core.models import Identity, Platform, SettingsChange
from core.ports import Store
from tests.contract.store_support import NOW, new_account, unique

TELEGRAM = [Platform.TELEGRAM]
LEASE = NOW + timedelta(minutes=2)


def announcement(kind: AnnouncementKind = AnnouncementKind.POLICY, minutes: int = 0) -> Announcement:
    return Announcement(
        id=unique("ann"),
        kind=kind,
        text="We now keep prompts for 30 days.",
        created_at=NOW + timedelta(minutes=minutes),
    )


async def people(store: Store, count: int) -> list[str]:
    return [(await new_account(store)).id for _ in range(count)]


async def test_an_announcement_has_one_copy_per_person_on_their_first_identity(store: Store) -> None:
    ada = await new_account(store)
    bob = await store.create_account(Identity(platform=Platform.DISCORD, platform_user_id=unique("d")), "Bob", "", NOW)
    leaving = await new_account(store)
    await store.set_deletion_code(leaving.id, "123456", NOW)
    await store.begin_deletion(leaving.id, "123456", NOW)
    notice = announcement()

    recorded = await store.record_announcement(notice)
    again = await store.record_announcement(notice)

    assert recorded == again == 2
    telegram = await store.claim_recipients(TELEGRAM, 10, "t1", NOW, LEASE)
    discord = await store.claim_recipients([Platform.DISCORD], 10, "t2", NOW, LEASE)
    assert [r.account_id for r in telegram] == [ada.id] and [r.account_id for r in discord] == [bob.id]
    assert telegram[0].announcement == notice and telegram[0].identity.platform is Platform.TELEGRAM
    assert discord[0].identity.platform_user_id.startswith("d-")


async def test_racing_claims_never_hand_one_copy_to_two_processes(store: Store) -> None:
    everyone = set(await people(store, 12))
    await store.record_announcement(announcement())

    batches = await asyncio.gather(*(store.claim_recipients(TELEGRAM, 5, f"t{n}", NOW, LEASE) for n in range(4)))

    claimed = [r.account_id for batch in batches for r in batch]
    assert sorted(claimed) == sorted(everyone) and all(len(b) <= 5 for b in batches)
    assert await store.claim_recipients(TELEGRAM, 5, "late", NOW, LEASE) == []


async def test_a_claim_left_unsent_goes_back_after_its_lease_and_its_old_holder_cannot_send_it(store: Store) -> None:
    [ada] = await people(store, 1)
    notice = announcement()
    await store.record_announcement(notice)
    await store.claim_recipients(TELEGRAM, 1, "dead", NOW, LEASE)

    early = await store.claim_recipients(TELEGRAM, 1, "other", NOW + timedelta(minutes=1), LEASE)
    later = await store.claim_recipients(TELEGRAM, 1, "other", LEASE + timedelta(seconds=1), LEASE + timedelta(hours=1))

    assert early == [] and [r.account_id for r in later] == [ada]
    assert not await store.start_sending(notice.id, ada, "dead", LEASE)
    assert await store.start_sending(notice.id, ada, "other", LEASE + timedelta(hours=1))


async def test_a_copy_left_sending_by_a_dead_process_becomes_uncertain_and_is_never_claimed_again(store: Store) -> None:
    [ada] = await people(store, 1)
    notice = announcement()
    await store.record_announcement(notice)
    await store.claim_recipients(TELEGRAM, 1, "dead", NOW, LEASE)
    assert await store.start_sending(notice.id, ada, "dead", NOW + timedelta(minutes=10))

    after = NOW + timedelta(minutes=11)
    claimed = await store.claim_recipients(TELEGRAM, 1, "next", after, after + timedelta(minutes=2))

    [progress] = await store.announcement_progress(NOW)
    assert claimed == [] and progress.counts == {RecipientState.UNCERTAIN: 1}
    assert not await store.finish_recipient(notice.id, ada, "dead", RecipientState.SENT, after)


async def test_a_retry_waits_for_its_time_and_counts_an_attempt(store: Store) -> None:
    [ada] = await people(store, 1)
    notice = announcement()
    await store.record_announcement(notice)
    await store.claim_recipients(TELEGRAM, 1, "t1", NOW, LEASE)
    retry_at = NOW + timedelta(minutes=5)

    assert await store.finish_recipient(notice.id, ada, "t1", RecipientState.PENDING, NOW, retry_at)

    assert await store.claim_recipients(TELEGRAM, 1, "t2", NOW + timedelta(minutes=4), LEASE) == []
    [again] = await store.claim_recipients(TELEGRAM, 1, "t2", retry_at, retry_at + timedelta(minutes=2))
    assert again.account_id == ada and again.attempts == 1


async def test_finished_copies_are_counted_by_state_and_never_claimed_again(store: Store) -> None:
    accounts = await people(store, 4)
    notice = announcement()
    await store.record_announcement(notice)
    await store.claim_recipients(TELEGRAM, 4, "t1", NOW, LEASE)
    done = NOW + timedelta(minutes=1)
    for account_id, state in zip(
        accounts, (RecipientState.SENT, RecipientState.BLOCKED, RecipientState.SKIPPED), strict=False
    ):
        if state is RecipientState.SENT:
            assert await store.start_sending(notice.id, account_id, "t1", LEASE)
        assert await store.finish_recipient(notice.id, account_id, "t1", state, done)

    [progress] = await store.announcement_progress(NOW)

    assert progress.announcement == notice
    assert progress.counts == {
        RecipientState.SENT: 1,
        RecipientState.BLOCKED: 1,
        RecipientState.SKIPPED: 1,
        RecipientState.CLAIMED: 1,
    }
    assert progress.recent == 3 and progress.remaining == 1 and progress.total == 4
    assert (await store.announcement_progress(done + timedelta(seconds=1)))[0].recent == 0
    assert not await store.finish_recipient(notice.id, accounts[0], "t1", RecipientState.FAILED, done)


async def test_the_oldest_announcement_goes_first_and_progress_lists_the_newest_first(store: Store) -> None:
    await people(store, 1)
    older, newer = announcement(minutes=0), announcement(AnnouncementKind.NEWS, minutes=5)
    await store.record_announcement(newer)
    await store.record_announcement(older)

    [first] = await store.claim_recipients(TELEGRAM, 1, "t1", NOW + timedelta(minutes=6), LEASE)

    assert first.announcement == older
    assert [p.announcement.id for p in await store.announcement_progress(NOW, limit=5)] == [newer.id, older.id]
    assert [p.announcement.id for p in await store.announcement_progress(NOW, limit=1)] == [newer.id]


async def test_claims_can_be_limited_to_one_platform_user(store: Store) -> None:
    mine = await store.create_account(Identity(platform=Platform.CONSOLE, platform_user_id="ada"), "Ada", "", NOW)
    await store.create_account(Identity(platform=Platform.CONSOLE, platform_user_id="bob"), "Bob", "", NOW)
    await store.record_announcement(announcement())

    claimed = await store.claim_recipients([Platform.CONSOLE], 10, "t1", NOW, LEASE, "ada")

    assert [r.account_id for r in claimed] == [mine.id]


async def test_a_deleted_persons_copies_go_with_their_account(store: Store) -> None:
    ada, bob = await people(store, 2)
    await store.update_settings(bob, SettingsChange(notifications_opt_out=True))
    await store.record_announcement(announcement())

    await store.delete_account(ada)

    [progress] = await store.announcement_progress(NOW)
    claimed = await store.claim_recipients(TELEGRAM, 10, "t1", NOW, LEASE)
    assert progress.total == 1 and [r.account_id for r in claimed] == [bob]
