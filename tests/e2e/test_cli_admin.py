"""`python -m bot admin …` as the operator runs it: a real process on the embedded SQLite store, next to a person
chatting in `python -m bot console`; every action is applied once per key and written to the audit log."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from tests.e2e.test_cli import run_bot
from tests.e2e.test_console import run_console


def admin(data: Path, *words: str) -> tuple[int, str, str]:
    done = run_bot("admin", *words, env={"PRODUCTS_JSON": "[]"}, cwd=data)
    return done.returncode, done.stdout, done.stderr


def test_the_operator_grants_revokes_blocks_and_reads_the_stats_from_the_shell(tmp_path: Path) -> None:
    run_console(tmp_path, "/start\n/accept\n/imagine a kite\n")

    granted = admin(tmp_path, "--key", "ticket-12", "grant", "console:tester", "25", "welcome", "gift")
    again = admin(tmp_path, "grant", "console:tester", "25", "welcome", "gift", "--key", "ticket-12")
    revoked = admin(tmp_path, "revoke", "console:tester", "40", "chargeback")
    report = admin(tmp_path, "user", "console:tester", "--prompts")
    blocked = admin(tmp_path, "block", "console:tester", "abuse")
    stats = admin(tmp_path, "stats")
    chat = run_console(tmp_path, "/balance\n/mydata\n")

    assert granted[0] == 0 and "Granted 25 credits to tester" in granted[1] and "Their balance: 25" in granted[1]
    assert again[0] == 0 and again[1].startswith("Already done: this command was applied before (grant")
    assert revoked[0] == 0 and "Took 25 of the 40 credits asked from tester" in revoked[1]
    assert "--key" in revoked[2]  # the key to repeat it with, exactly once
    assert report[0] == 0 and "Identities: console:tester" in report[1] and "prompt: a kite" in report[1]
    assert blocked[0] == 0 and blocked[1].startswith("Blocked tester")
    assert stats[0] == 0 and "People active: 1 / 1" in stats[1] and "delivered 1 / 1" in stats[1]
    assert "Sorry, your account has been suspended" in chat
    archive = Path(next(line.strip() for line in chat.splitlines() if line.strip().endswith(".zip")))
    with zipfile.ZipFile(archive) as opened:
        export = json.loads(opened.read("mydata.json"))
    actions = [(a["action"], a["credits"], a["channel"]) for a in export["admin_actions"]]
    assert actions == [("grant", 25, "cli"), ("revoke", -25, "cli"), ("prompts", 0, "cli"), ("block", 0, "cli")]
    assert export["account"]["blocked_reason"] == "abuse"


def test_a_command_that_cannot_be_done_says_why_and_exits_non_zero(tmp_path: Path) -> None:
    nobody = admin(tmp_path, "grant", "telegram:999", "5", "why")
    wrong = admin(tmp_path, "grant", "telegram:999", "five", "why")
    unknown = admin(tmp_path, "frobnicate")
    listing = admin(tmp_path, "help")

    assert nobody[0] == 1 and nobody[2].startswith("No one found for “telegram:999”")
    assert wrong[0] == 2 and wrong[2].startswith("Usage: /admin grant <who> <credits> <reason>")
    assert unknown[0] == 2 and "There is no admin command “frobnicate”" in unknown[2]
    assert listing[0] == 0 and "/admin stats" in listing[1] and "Traceback" not in nobody[2] + wrong[2]


def test_whoever_uses_the_console_is_the_operator_and_runs_the_admin_tools_there(tmp_path: Path) -> None:
    lines = ["/start", "/accept", "/admin grant console:tester 5 thanks", "/balance", "/admin", "/admin stats"]

    chat = run_console(tmp_path, "\n".join(lines) + "\n")

    assert "Granted 5 credits to tester" in chat and "Paid credits: 5" in chat
    assert "Admin commands:" in chat and "/admin revoke <who> <credits> <reason>" in chat
    assert "Stats (UTC), today / last 7 days:" in chat
