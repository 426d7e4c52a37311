"""Announcements in the core, on the in-memory Store and a recording messenger with a fake clock: every person gets
one copy, in their words, essential notices reach people who opted out and others do not, blocked people are
recorded, failures are tried again later, and a send that may have gone out is never repeated."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.announcements import AnnouncementKind, Reach, RecipientState
from core.announcer import Announcer
from core.errors import DomainError, ErrorCode
from core.models import ConsentVersions, Identity, Platform
from core.ports import Ready
from core.usecases import announcements, onboarding, privacy
from tests.fakes.store import RecordingMessenger
from tests.unit.conftest import ALICE, BOB, World

CAROL = Identity(platform=Platform.TELEGRAM, platform_user_id="3003")
EVERYWHERE = (Platform.TELEGRAM, Platform.DISCORD, Platform.CONSOLE)


def sender(world: World, **options: object) -> Announcer:
    return Announcer(world.deps, lambda: EVERYWHERE, **options)  # type: ignore[arg-type]


async def send_all(world: World) -> None:
    announcer = sender(world)
    while await announcer.round():
        pass


def messenger(world: World) -> RecordingMessenger:
    assert isinstance(world.deps.messenger, RecordingMessenger)
    return world.deps.messenger


async def opted_out(world: World, identity: Identity) -> None:
    await world.member(identity)
    await onboarding.update_settings(world.deps, identity, notifications_opt_out=True)


async def test_a_policy_change_reaches_every_person_once_even_those_who_opted_out(world: World) -> None:
    await world.member(ALICE)
    await opted_out(world, BOB)
    await onboarding.start(world.deps, CAROL)  # never accepted anything yet: told all the same

    announcement, people = await announcements.announce(world.deps, AnnouncementKind.POLICY, "We keep less now.")
    await send_all(world)

    sent = messenger(world).announced
    assert people == 3 and sorted(i.platform_user_id for i, _ in sent) == ["1001", "2002", "3003"]
    text = dict((i.platform_user_id, t) for i, t in sent)["1001"]
    assert text.startswith("📣 Our privacy policy has changed.") and "We keep less now." in text
    assert "Read it with /privacy." in text and "asked to accept" not in text  # POLICY_VERSION was not raised
    [progress] = await announcements.progress(world.deps)
    assert progress.announcement == announcement and progress.counts == {RecipientState.SENT: 3}


async def test_only_people_behind_the_raised_version_are_told_they_will_be_asked_to_accept(world: World) -> None:
    await world.member(ALICE)
    await onboarding.start(world.deps, CAROL)
    world.deps = replace(world.deps, policy=world.deps.policy.model_copy(update={
        "versions": ConsentVersions(policy="2"), "changes_url": "https://example.com/changes"}))  # fmt: skip

    await announcements.announce(world.deps, AnnouncementKind.POLICY, "New policy.")
    await send_all(world)

    texts = {i.platform_user_id: t for i, t in messenger(world).announced}
    assert "Before your next image you'll be asked to accept the new version." in texts["1001"]
    assert "What changed: https://example.com/changes" in texts["1001"]
    assert "asked to accept" not in texts["3003"]  # never consented: the welcome asks them anyway


async def test_other_news_skips_people_who_turned_notifications_off(world: World) -> None:
    await world.member(ALICE)
    await opted_out(world, BOB)

    await announcements.announce(world.deps, AnnouncementKind.NEWS, "4K is here!")
    await send_all(world)

    [(to, text)] = messenger(world).announced
    assert to == ALICE and text.startswith("📣 4K is here!") and "/settings" in text
    [progress] = await announcements.progress(world.deps)
    assert progress.counts == {RecipientState.SENT: 1, RecipientState.SKIPPED: 1}


async def test_someone_who_blocked_the_bot_is_recorded_and_never_tried_again(world: World) -> None:
    await world.member(ALICE)
    messenger(world).reach["1001"] = Reach.BLOCKED

    await announcements.announce(world.deps, AnnouncementKind.TERMS, "New terms.")
    await send_all(world)
    world.clock.advance(3600)
    await send_all(world)

    [progress] = await announcements.progress(world.deps)
    assert progress.counts == {RecipientState.BLOCKED: 1} and messenger(world).announced == []


async def test_a_platform_not_running_is_tried_again_later_and_given_up_after_the_last_attempt(world: World) -> None:
    await world.member(ALICE)
    messenger(world).reach["1001"] = Reach.RETRY
    await announcements.announce(world.deps, AnnouncementKind.POLICY, "New policy.")

    await send_all(world)
    [waiting] = await announcements.progress(world.deps)
    for delay in announcements.RETRY_S:
        world.clock.advance(delay)
        await send_all(world)

    [given_up] = await announcements.progress(world.deps)
    assert waiting.counts == {RecipientState.PENDING: 1}
    assert given_up.counts == {RecipientState.FAILED: 1}


async def test_a_send_that_crashed_after_it_started_is_uncertain_and_never_repeated(world: World) -> None:
    await world.member(ALICE)

    async def crash(identity: Identity, text: str, ready: Ready) -> Reach:
        await ready()
        raise ConnectionResetError("lost mid-send")

    world.deps = replace(world.deps, messenger=replace_announce(messenger(world), crash))
    await announcements.announce(world.deps, AnnouncementKind.POLICY, "New policy.")
    await send_all(world)
    world.clock.advance(3600)
    await send_all(world)

    [progress] = await announcements.progress(world.deps)
    assert progress.counts == {RecipientState.UNCERTAIN: 1}


async def test_a_process_that_died_while_sending_leaves_that_copy_uncertain_and_the_rest_to_others(
    world: World,
) -> None:
    for n in range(5):
        await world.member(Identity(platform=Platform.TELEGRAM, platform_user_id=str(5000 + n)))
    announcement, _ = await announcements.announce(world.deps, AnnouncementKind.POLICY, "New policy.")
    dead = await announcements.claim(world.deps, EVERYWHERE, 3)
    first = dead.recipients[0]
    await world.store.start_sending(announcement.id, first.account_id, dead.token, world.clock.now())

    world.clock.advance(world.deps.policy.announce_lease_s + 1)
    await send_all(world)

    [progress] = await announcements.progress(world.deps)
    assert progress.counts == {RecipientState.SENT: 4, RecipientState.UNCERTAIN: 1}
    assert first.identity not in [i for i, _ in messenger(world).announced]


async def test_the_operator_sees_what_remains_and_when_it_should_be_done(world: World) -> None:
    for n in range(10):
        await world.member(Identity(platform=Platform.TELEGRAM, platform_user_id=str(7000 + n)))
    await announcements.announce(world.deps, AnnouncementKind.POLICY, "New policy.")

    await sender(world, batch=4).round()
    world.clock.advance(60)

    [progress] = await announcements.progress(world.deps)
    assert progress.count(RecipientState.SENT) == 4 and progress.remaining == 6
    assert progress.eta_s(announcements.PROGRESS_WINDOW_S) == 450  # 4 in the last 5 minutes: 6 more take 7.5


@pytest.mark.parametrize("text", ["", "   ", "x" * 1701])
async def test_an_empty_or_too_long_announcement_is_refused_and_nothing_is_recorded(world: World, text: str) -> None:
    await world.member(ALICE)

    with pytest.raises(DomainError) as refused:
        await announcements.announce(world.deps, AnnouncementKind.NEWS, text)

    assert refused.value.code is ErrorCode.INVALID_OPTION and await announcements.progress(world.deps) == []


async def test_recording_an_announcement_wakes_idle_senders(world: World) -> None:
    await announcements.announce(world.deps, AnnouncementKind.NEWS, "Hello")

    assert announcements.SIGNAL in world.deps.signals.notified  # type: ignore[attr-defined]


def replace_announce(recording: RecordingMessenger, announce: object) -> RecordingMessenger:
    recording.announce = announce  # type: ignore[method-assign]
    return recording


async def test_a_persons_copies_are_in_their_export_and_go_with_their_account(world: World) -> None:
    await world.member(ALICE)
    announcement, _ = await announcements.announce(world.deps, AnnouncementKind.POLICY, "New policy.")
    await send_all(world)

    export = await privacy.export_data(world.deps, ALICE)
    account = await world.store.find_account(ALICE)
    assert account is not None
    await world.store.delete_account(account.id)

    assert export is not None
    assert [(c["announcement_id"], c["state"]) for c in export["announcements"]] == [(announcement.id, "sent")]
    assert await world.store.announcement_copies(account.id) == []
