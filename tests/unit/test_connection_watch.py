"""When a chat connection counts as gone for good (so the process exits for its supervisor to restart it)."""

from __future__ import annotations

from adapters.chat.connection import ConnectionWatch
from bot.supervise import BACKOFF_MAX_S, HEALTHY_AFTER_S, next_backoff


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def watch_with(clock: Clock, give_up_after_s: float = 60.0) -> tuple[ConnectionWatch, list[tuple[str, bool]]]:
    lost: list[tuple[str, bool]] = []
    watch = ConnectionWatch("Telegram polling", lambda r, refused: lost.append((r, refused)), give_up_after_s, clock)
    return watch, lost


def test_failures_shorter_than_the_limit_are_retried_quietly() -> None:
    clock = Clock()
    watch, lost = watch_with(clock)

    watch.failed("HTTP 502")
    clock.now += 59
    watch.failed("HTTP 502")

    assert lost == []


def test_failing_longer_than_the_limit_without_one_success_gives_up_once() -> None:
    clock = Clock()
    watch, lost = watch_with(clock)

    watch.failed("HTTP 502")
    clock.now += 61
    watch.check()
    watch.check()

    assert lost == [("Telegram polling failed for 60 s without success (last: HTTP 502)", False)]


def test_a_success_in_between_starts_the_count_again() -> None:
    clock = Clock()
    watch, lost = watch_with(clock)

    watch.failed("NetworkError")
    clock.now += 50
    watch.succeeded()
    watch.failed("NetworkError")
    clock.now += 50
    watch.check()

    assert lost == []


def test_a_refusal_gives_up_at_once_and_says_so() -> None:
    watch, lost = watch_with(Clock())

    watch.lost("was refused: Telegram rejected the bot token", refused=True)

    assert lost == [("Telegram polling was refused: Telegram rejected the bot token", True)]


def test_a_worker_child_that_keeps_dying_waits_longer_each_time_up_to_a_minute() -> None:
    waits = [next_backoff(0, 0.1)]
    for _ in range(10):
        waits.append(next_backoff(waits[-1], 0.1))

    assert waits[:4] == [1.0, 2.0, 4.0, 8.0] and waits[-1] == BACKOFF_MAX_S


def test_a_worker_child_that_lived_a_while_restarts_quickly_again() -> None:
    assert next_backoff(BACKOFF_MAX_S, HEALTHY_AFTER_S) == 1.0
