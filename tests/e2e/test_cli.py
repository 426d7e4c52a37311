"""The command line fails clearly, with a non-zero exit and no secret in its output, when it cannot start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import free_port


def run_bot(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SUPABASE", "REDIS", "CREEM", "KIE", "TELEGRAM"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env={**clean, "BOT_DATA_DIR": str(cwd), **env},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
    )


@pytest.mark.parametrize(
    ("command", "env"),
    [
        ("web", {"SUPABASE_URL": "http://127.0.0.1:{port}", "SUPABASE_SERVICE_ROLE_KEY": "service-key-secret"}),
        ("worker", {"REDIS_URL": "redis://:redis-secret@127.0.0.1:{port}/0"}),
        ("migrate", {"DATABASE_URL": "postgresql://u:db-secret@127.0.0.1:{port}/postgres"}),
    ],
)
def test_an_unreachable_backend_at_start_is_a_clear_error(command: str, env: dict[str, str], tmp_path: Path) -> None:
    port = str(free_port())
    done = run_bot(command, env={k: v.replace("{port}", port) for k, v in env.items()}, cwd=tmp_path)

    assert done.returncode == 1
    assert "Cannot" in done.stderr and "Traceback" not in done.stderr
    assert "secret" not in done.stdout + done.stderr


def test_a_separate_worker_without_a_shared_queue_is_refused(tmp_path: Path) -> None:
    done = run_bot("worker", env={}, cwd=tmp_path)

    assert done.returncode == 2 and "REDIS_URL" in done.stderr


def test_a_half_configured_integration_is_refused_by_name(tmp_path: Path) -> None:
    done = run_bot("console", env={"CREEM_API_KEY": "creem_test_key-secret"}, cwd=tmp_path)

    assert done.returncode == 2 and "CREEM_WEBHOOK_SECRET" in done.stderr and "key-secret" not in done.stderr
