"""The whole product from a terminal: a chat piped into `python -m bot console` as a real subprocess."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

CHAT = """\
/imagine a cat before consent
/start
/accept
/imagine a lighthouse at dusk --ar 16:9 --n 2
/imagine a cat --ar 5:1
/imagine a cat --n 9
/imagine a cat --ar 1:1 --res 4K
/imagine
/imagine a cat --res 2K --ar 16:9
/balance
/buy
/settings ar 4:3
/frobnicate
/mydata
/deleteme
"""


def run_console(data_dir: Path, chat: str) -> str:
    env = {**os.environ, "BOT_DATA_DIR": str(data_dir), "PRODUCTS_JSON": "[]"}
    env = {
        k: v
        for k, v in env.items()
        if not k.endswith(("_API_KEY", "_TOKEN")) and k not in ("SUPABASE_URL", "REDIS_URL")
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot", "console", "--data-dir", str(data_dir), "--user", "tester"],
        input=chat,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=True,
    )
    return done.stdout


def account_rows(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        tables = ["accounts", "identities", "generations", "ledger", "payments"]
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}


def test_a_whole_chat_makes_images_exports_everything_and_deletes_it_all(tmp_path: Path) -> None:
    transcript = run_console(tmp_path, CHAT)

    assert "You don't have an account yet: send /start." in transcript
    assert "Queued: 2 images, 2 free." in transcript
    saved = [Path(line.strip()) for line in transcript.splitlines() if line.strip().endswith(".png")]
    assert len(saved) == 2 and all(p.is_file() and p.read_bytes().startswith(b"\x89PNG") for p in saved)
    assert all(p.is_relative_to(tmp_path) for p in saved)
    assert "Unknown aspect ratio “5:1”" in transcript
    assert "between 1 and 4" in transcript
    assert "4K is not available for the 1:1 aspect ratio" in transcript
    assert "Please describe the image" in transcript
    short = "Not enough credits: 1 image at 2K needs 2 credits and you have 0 credits (free images cover up to 1K)."
    assert short in transcript
    assert "Free images reset at 00:00 UTC" in transcript and "/buy" not in transcript.split("Not enough")[1][:300]
    assert "Free images left today: 1 of 3" in transcript
    assert "Payments are not configured on this bot." in transcript
    assert "Aspect ratio: 4:3" in transcript
    assert "I don't know that command." in transcript

    export_path = Path(next(line.strip() for line in transcript.splitlines() if line.strip().endswith(".zip")))
    archive = zipfile.ZipFile(export_path)
    export = json.loads(archive.read("mydata.json"))
    assert export["identities"] == [{"platform": "console", "platform_user_id": "tester"}]
    assert export["generations"][0]["request"]["prompt"] == "a lighthouse at dusk"
    assert export["generations"][0]["image_links"] == []  # no server paths: the images are in the zip
    images = [archive.read(entry["file"]) for entry in export["generations"][0]["images"]]
    assert sorted(images) == sorted(p.read_bytes() for p in saved)
    assert str(tmp_path) not in archive.read("mydata.json").decode()
    assert {e["kind"] for e in export["ledger"]} == {"hold", "capture"}

    code = re.search(r"send: /deleteme (\d{6})", transcript).group(1)  # type: ignore[union-attr]
    after = run_console(tmp_path, f"/deleteme {code}\n/mydata\n/balance\n/start\n")

    assert "Your account and your data have been deleted" in after
    assert "We hold no data about you." in after
    assert "Welcome to GPT-Image-2!" in after
    assert not any(p.exists() for p in saved) and not export_path.exists()
    rows = account_rows(tmp_path / "bot.sqlite3")
    # the new account starts with today's two free images already used (kept under a keyed hash, not reset)
    assert rows == {"accounts": 1, "identities": 1, "generations": 0, "ledger": 1, "payments": 0}


def test_a_generation_still_running_at_the_end_of_input_is_finished_before_exit(tmp_path: Path) -> None:
    transcript = run_console(tmp_path, "/start\n/accept\n/imagine a quiet harbour\n")

    assert "Done: “a quiet harbour”" in transcript


def test_a_reference_file_over_the_limit_is_refused_and_nothing_is_kept(tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * (25 * 1024 * 1024))
    data = tmp_path / "data"

    transcript = run_console(data, f"/start\n/accept\n/imagine make it blue --ref {big}\n")

    assert "The reference must be a PNG, JPEG or WebP image under 20 MB." in transcript
    assert not [p for p in (data / "images").rglob("*") if p.is_file()]
