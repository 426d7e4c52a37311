"""Gone means gone, measured as the issue did: the console bot runs as its own process, and after a confirmed
/deleteme, while that process is still running, no file in its data folder (bot.sqlite3, -wal, -shm, images,
exports) holds a byte of the person's prompts or platform id."""

from __future__ import annotations

import asyncio
import os
import re
import sys
from pathlib import Path

from tests.erasure import copies

USER_ID = "4471093385"
PROMPTS = ("a tangerine zeppelin over Vlorë", "Zeppelin Tangerine's secret hangar")
TIMEOUT_S = 60.0


class LiveConsole:
    """`python -m bot console` as a subprocess: send a line, read its answers, stop it at the end."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.transcript = ""

    async def say(self, line: str, until: str) -> str:
        """Send one line and read the output until `until` (a regular expression) appears in it."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"{line}\n".encode())
        await self.process.stdin.drain()
        start = len(self.transcript)
        while not re.search(until, self.transcript[start:]):
            chunk = await asyncio.wait_for(self.process.stdout.readline(), TIMEOUT_S)
            assert chunk, f"the console exited; it said:\n{self.transcript}"
            self.transcript += chunk.decode()
        return self.transcript[start:]


async def test_after_deleteme_the_running_bots_data_folder_holds_no_copy_of_prompts_or_id(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.endswith(("_API_KEY", "_TOKEN", "_KEY")) and k not in ("SUPABASE_URL", "REDIS_URL")
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "console", "--data-dir", str(data), "--user", USER_ID,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
        env={**env, "BOT_DATA_DIR": str(data), "PRODUCTS_JSON": "[]"},
    )  # fmt: skip
    bot = LiveConsole(process)
    try:
        await bot.say("/start", "accept")
        await bot.say("/accept", "You can now create images")
        for prompt in PROMPTS:
            await bot.say(f"/imagine {prompt}", "Done")
        await bot.say("/mydata", r"\.(zip|json)")
        asked = await bot.say("/deleteme", r"/deleteme \d{6}")
        code = re.search(r"/deleteme (\d{6})", asked).group(1)  # type: ignore[union-attr]
        before = copies(data, (*PROMPTS, USER_ID))

        await bot.say(f"/deleteme {code}", "have been deleted")
        after = copies(data, (*PROMPTS, USER_ID))
        still_running = process.returncode is None
    finally:
        if process.stdin is not None:
            process.stdin.close()
        await asyncio.wait_for(process.wait(), TIMEOUT_S)

    assert any(name.startswith("bot.sqlite3") for name in before)  # the scan does see them while they exist
    assert any("export" in name for name in before)  # the kept /mydata export holds them too
    assert still_running
    assert after == {}
