"""Every way an operator can misconfigure the bot ends in one clear line naming the setting, a non-zero exit,
no traceback and never a secret's value. Each case runs the real command line as its own process."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.fakes.discord_api import FakeDiscord
from tests.fakes.kie import FakeKie
from tests.fakes.telegram_api import FakeTelegram
from tests.servers import free_port

SECRET = "s3cr3t-value-never-printed"
OURS = ("SUPABASE", "REDIS", "CREEM", "KIE", "TELEGRAM", "DISCORD", "DATABASE", "PORT", "PRODUCTS", "BOT_", "LOG_")


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str

    @property
    def failure_lines(self) -> list[str]:
        """What the operator reads as the failure: standard error without INFO log lines."""
        return [line for line in self.stderr.splitlines() if line.strip() and " INFO " not in line]


async def run_bot(*args: str, env: dict[str, str], cwd: Path, timeout_s: float = 60) -> Outcome:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(OURS)}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args,
        env={**clean, "BOT_DATA_DIR": str(cwd / "data"), **env},
        cwd=cwd, stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(process.communicate(), timeout_s)
    assert process.returncode is not None
    return Outcome(process.returncode, out.decode(), err.decode())


def assert_one_clear_line(outcome: Outcome, setting: str, *also: str) -> None:
    everything = outcome.stdout + outcome.stderr
    assert outcome.code != 0, everything
    assert "Traceback" not in everything, everything
    assert SECRET not in everything, everything
    assert len(outcome.failure_lines) == 1, everything
    line = outcome.failure_lines[0]
    assert setting in line, line
    for word in also:
        assert word in line, line


STATIC_CASES = {
    "redis url garbage (web)": (["web"], {"REDIS_URL": f"garbage{SECRET}"}, "REDIS_URL"),
    "redis url garbage (run)": (["run"], {"REDIS_URL": f"garbage{SECRET}"}, "REDIS_URL"),
    "redis url garbage (worker)": (["worker"], {"REDIS_URL": f"garbage{SECRET}"}, "REDIS_URL"),
    "redis url garbage (console)": (["console"], {"REDIS_URL": f"garbage{SECRET}"}, "REDIS_URL"),
    "redis unreachable (console)": (["console"], {"REDIS_URL": f"redis://:{SECRET}@127.0.0.1:{{port}}/0"}, "REDIS_URL"),
    "redis unreachable (web)": (["web"], {"REDIS_URL": f"redis://:{SECRET}@127.0.0.1:{{port}}/0"}, "REDIS_URL"),
    "supabase url garbage": (["web"], {"SUPABASE_URL": "garbage", "SUPABASE_SERVICE_ROLE_KEY": SECRET}, "SUPABASE_URL"),
    "supabase unreachable": (
        ["web"],
        {"SUPABASE_URL": "http://127.0.0.1:{port}", "SUPABASE_SERVICE_ROLE_KEY": SECRET},
        "SUPABASE_URL",
    ),
    "supabase key missing": (["console"], {"SUPABASE_URL": "http://127.0.0.1:1"}, "SUPABASE_SERVICE_ROLE_KEY"),
    "supabase url missing": (["console"], {"SUPABASE_SERVICE_ROLE_KEY": SECRET}, "SUPABASE_URL"),
    "port too high": (["web"], {"PORT": "99999"}, "PORT"),
    "port negative": (["web"], {"PORT": "-1"}, "PORT"),
    "database url garbage": (["migrate"], {"DATABASE_URL": f"garbage{SECRET}"}, "DATABASE_URL"),
    "database url flag garbage": (["migrate", "--database-url", f"garbage{SECRET}"], {}, "--database-url"),
    "database unreachable": (
        ["migrate"],
        {"DATABASE_URL": f"postgresql://u:{SECRET}@127.0.0.1:{{port}}/postgres"},
        "DATABASE_URL",
    ),
    "data dir cannot be created": (["console", "--data-dir", "/proc/nope"], {}, "BOT_DATA_DIR"),
    "data dir is a file": (["console"], {"BOT_DATA_DIR": "{file}"}, "BOT_DATA_DIR"),
    "products not json": (["console"], {"PRODUCTS_JSON": "notjson"}, "PRODUCTS_JSON"),
    "negative free images": (["console"], {"FREE_IMAGES_PER_DAY": "-1"}, "FREE_IMAGES_PER_DAY"),
    "zero requests per minute": (["web"], {"REQUESTS_PER_MINUTE": "0"}, "REQUESTS_PER_MINUTE"),
    "workers without redis": (["run", "--workers", "2"], {}, "REDIS_URL"),
    "worker without redis": (["worker"], {}, "REDIS_URL"),
    "kie-check without a key": (["kie-check"], {}, "KIE_API_KEY"),
    "creem without its webhook secret": (
        ["console"],
        {"CREEM_API_KEY": f"creem_test_{SECRET}"},
        "CREEM_WEBHOOK_SECRET",
    ),
    "unknown log level": (["web"], {"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
}


@pytest.mark.parametrize("case", list(STATIC_CASES))
async def test_a_misconfiguration_ends_in_one_line_naming_the_setting(case: str, tmp_path: Path) -> None:
    args, env, setting = STATIC_CASES[case]
    (tmp_path / "a-file").write_text("not a folder")
    filled = {
        k: v.replace("{port}", str(free_port())).replace("{file}", str(tmp_path / "a-file")) for k, v in env.items()
    }

    outcome = await run_bot(*args, env=filled, cwd=tmp_path)

    assert_one_clear_line(outcome, setting)


async def test_a_product_with_missing_fields_is_named_with_its_variable_and_id(tmp_path: Path) -> None:
    outcome = await run_bot("console", env={"PRODUCTS_JSON": '[{"id": "x"}]'}, cwd=tmp_path)

    assert_one_clear_line(outcome, "PRODUCTS_JSON", "'x'", "label")


async def test_a_busy_port_is_named(tmp_path: Path) -> None:
    async def idle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.close()

    server = await asyncio.start_server(idle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        outcome = await run_bot("web", env={"PORT": str(port), "WEB_HOST": "127.0.0.1"}, cwd=tmp_path)

    assert_one_clear_line(outcome, "PORT", "already in use")


# -- outside services that refuse us ---------------------------------------------------------------------------


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(token="123:TEST") as fake:
        yield fake


async def test_a_token_telegram_rejects_is_named_and_never_printed(telegram: FakeTelegram, tmp_path: Path) -> None:
    env = {"TELEGRAM_BOT_TOKEN": f"999:{SECRET}", "TELEGRAM_BASE_URL": telegram.base_url, "PORT": str(free_port())}

    outcome = await run_bot("run", env=env, cwd=tmp_path)

    assert_one_clear_line(outcome, "TELEGRAM_BOT_TOKEN", "rejected")
    assert outcome.code == 2


async def test_an_unreachable_telegram_is_one_line(tmp_path: Path) -> None:
    env = {
        "TELEGRAM_BOT_TOKEN": f"999:{SECRET}",
        "TELEGRAM_BASE_URL": f"http://127.0.0.1:{free_port()}/bot",
        "PORT": str(free_port()),
    }

    outcome = await run_bot("run", env=env, cwd=tmp_path)

    assert_one_clear_line(outcome, "TELEGRAM_BASE_URL", "not reachable")
    assert outcome.code == 1


async def test_a_token_discord_rejects_is_named_and_never_printed(tmp_path: Path) -> None:
    discord = FakeDiscord()
    await discord.start()
    try:
        env = {"DISCORD_BOT_TOKEN": SECRET, "DISCORD_API_BASE_URL": discord.api_base, "PORT": str(free_port())}
        outcome = await run_bot("run", env=env, cwd=tmp_path)
    finally:
        await discord.stop()

    assert_one_clear_line(outcome, "DISCORD_BOT_TOKEN", "rejected")


async def test_discord_commands_refused_for_user_installs_say_to_enable_user_install(tmp_path: Path) -> None:
    discord = FakeDiscord()
    discord.user_install_enabled = False
    await discord.start()
    try:
        env = {"DISCORD_BOT_TOKEN": "fake", "DISCORD_API_BASE_URL": discord.api_base, "PORT": str(free_port())}
        outcome = await run_bot("run", env=env, cwd=tmp_path)
    finally:
        await discord.stop()

    assert_one_clear_line(outcome, "Discord Developer Portal", "User Install")
    assert outcome.code == 2


async def test_refund_stars_without_a_telegram_token_is_one_line(tmp_path: Path) -> None:
    outcome = await run_bot("refund-stars", "charge-1", env={}, cwd=tmp_path)

    assert_one_clear_line(outcome, "TELEGRAM_BOT_TOKEN", "Stars")
    assert outcome.code == 2


# -- kie-check gates a deploy ------------------------------------------------------------------------------------


@pytest.fixture
async def kie() -> AsyncIterator[FakeKie]:
    async with FakeKie() as fake:
        yield fake


def kie_env(kie: FakeKie, key: str) -> dict[str, str]:
    return {"KIE_API_KEY": key, "KIE_BASE_URL": kie.base_url}


async def test_kie_check_passes_when_kie_is_ready(kie: FakeKie, tmp_path: Path) -> None:
    outcome = await run_bot("kie-check", env=kie_env(kie, kie.api_key), cwd=tmp_path)

    assert outcome.code == 0, outcome.stderr
    assert "KIE credits" in outcome.stdout


async def test_kie_check_fails_when_kie_rejects_the_key(kie: FakeKie, tmp_path: Path) -> None:
    outcome = await run_bot("kie-check", env=kie_env(kie, SECRET), cwd=tmp_path)

    assert_one_clear_line(outcome, "KIE_API_KEY", "401")


async def test_kie_check_fails_when_a_model_is_missing(kie: FakeKie, tmp_path: Path) -> None:
    env = {**kie_env(kie, kie.api_key), "KIE_MODEL_I2I": "gpt-image-9-retired"}

    outcome = await run_bot("kie-check", env=env, cwd=tmp_path)

    assert_one_clear_line(outcome, "KIE_MODEL_I2I", "gpt-image-9-retired")


async def test_kie_check_fails_when_kie_is_unreachable(tmp_path: Path) -> None:
    env = {"KIE_API_KEY": SECRET, "KIE_BASE_URL": f"http://127.0.0.1:{free_port()}"}

    outcome = await run_bot("kie-check", env=env, cwd=tmp_path)

    assert_one_clear_line(outcome, "KIE_BASE_URL", "unreachable")
