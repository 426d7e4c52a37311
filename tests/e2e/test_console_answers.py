"""Console transcripts off the happy path: consent order, help, the latest generation across sessions, Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.e2e.test_console import run_console


def test_imagine_after_start_but_before_accept_says_to_send_accept_and_help_lists_everything(tmp_path: Path) -> None:
    transcript = run_console(tmp_path, "/start\n/imagine a cat\n/help\n/terms\n/privacy\n")

    assert "Send /accept to accept the terms" in transcript
    assert "Please accept the terms first: send /accept" in transcript
    assert "`" not in transcript
    for command in ("/regenerate", "/vary", "/accept", "--ref", "/terms", "/privacy", "/settings"):
        assert command in transcript, command
    for command in ("/buy", "/billing", "/paysupport"):  # nothing is for sale in this configuration
        assert command not in transcript, command
    assert "A line that is not a command is a prompt too." in transcript
    assert "Terms of use, in short" in transcript
    assert "Privacy questions: privacy@gpt-image.run" in transcript


def test_regenerate_and_vary_without_an_id_find_the_latest_image_from_an_earlier_session(tmp_path: Path) -> None:
    first = run_console(tmp_path, "/start\n/accept\na lighthouse at dusk\n")
    later = run_console(tmp_path, "/regenerate\n/vary\n")

    assert "Done: “a lighthouse at dusk”" in first
    assert later.count("Done: “a lighthouse at dusk”") == 2, later
    assert "couldn't find" not in later


def test_ctrl_c_leaves_the_console_quietly(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.endswith(("_API_KEY", "_TOKEN"))}
    env.update(BOT_DATA_DIR=str(tmp_path), PRODUCTS_JSON="[]")
    env.pop("SUPABASE_URL", None)
    env.pop("REDIS_URL", None)
    chat = subprocess.Popen(
        [sys.executable, "-m", "bot", "console", "--user", "tester"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert chat.stdout is not None
    banner = chat.stdout.readline()  # the chat is waiting for a line now
    started = time.monotonic()
    chat.send_signal(signal.SIGINT)
    _, errors = chat.communicate(timeout=30)

    assert "console chat" in banner
    assert chat.returncode in (0, 130) and time.monotonic() - started < 30
    assert "Traceback" not in errors and "KeyboardInterrupt" not in errors
