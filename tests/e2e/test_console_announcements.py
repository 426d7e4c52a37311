"""The operator's side from a terminal: `python -m bot announce` records a notice, the next `python -m bot console`
shows it once (and only once: the console after that does not repeat it), and `--status` says where it stands.
A policy change with a raised POLICY_VERSION then asks the console person to accept again before an image."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

NOTICE = "We now delete prompts after 30 days."


def bot(data_dir: Path, *args: str, chat: str = "", **settings: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.endswith(("_API_KEY", "_TOKEN", "_VERSION")) and k not in ("SUPABASE_URL", "REDIS_URL")
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=chat,
        capture_output=True,
        text=True,
        timeout=120,
        env={**env, "BOT_DATA_DIR": str(data_dir), "PRODUCTS_JSON": "[]", **settings},
        check=False,
    )


def test_a_policy_change_is_shown_once_in_the_console_and_asks_to_accept_again(tmp_path: Path) -> None:
    bot(tmp_path, "console", "--user", "ada", chat="/start\n/accept\n")

    recorded = bot(tmp_path, "announce", "--policy-change", NOTICE, POLICY_VERSION="2")
    first = bot(tmp_path, "console", "--user", "ada", chat="/imagine a fox\n/accept\n/balance\n", POLICY_VERSION="2")
    second = bot(tmp_path, "console", "--user", "ada", chat="/balance\n", POLICY_VERSION="2")
    status = bot(tmp_path, "announce", "--status")

    assert recorded.returncode == 0 and "recorded for 1 person;" in recorded.stdout
    assert "POLICY_VERSION is 2" in recorded.stdout
    assert first.stdout.count(NOTICE) == 1 and NOTICE not in second.stdout
    assert "📣 Our privacy policy has changed." in first.stdout
    assert "Before your next image you'll be asked to accept the new version." in first.stdout
    assert "We have updated our privacy policy. Read it with /privacy." in first.stdout
    assert "Send /accept" in first.stdout and "Free images left today" in first.stdout
    assert "sent 1 · blocked 0 · failed 0 · skipped 0 · uncertain 0 · remaining 0 · done" in status.stdout


def test_an_empty_announcement_is_refused_with_one_clear_line(tmp_path: Path) -> None:
    done = bot(tmp_path, "announce", "   ")
    nothing = bot(tmp_path, "announce", "--status")

    assert done.returncode == 2 and "The announcement is empty." in done.stderr and "Traceback" not in done.stderr
    assert nothing.stdout.strip() == "No announcements yet."
