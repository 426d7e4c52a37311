"""Run `python -m bot …` as a real process and follow its log while it runs (for start/stop/restart tests)."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

OURS = ("SUPABASE", "REDIS", "CREEM", "KIE", "TELEGRAM", "DISCORD", "DATABASE", "PORT", "PRODUCTS", "BOT_", "LOG_")


@dataclass
class BotProcess:
    process: asyncio.subprocess.Process
    lines: list[str] = field(default_factory=list)
    _reader: asyncio.Task[None] | None = None

    @classmethod
    async def start(cls, *args: str, env: dict[str, str], cwd: Path, stdin_open: bool = False) -> BotProcess:
        clean = {k: v for k, v in os.environ.items() if not k.startswith(OURS)}
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", *args,
            env={**clean, "BOT_DATA_DIR": str(cwd / "data"), **env},
            cwd=cwd,
            stdin=asyncio.subprocess.PIPE if stdin_open else asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        bot = cls(process)
        bot._reader = asyncio.create_task(bot._read())
        return bot

    async def _read(self) -> None:
        assert self.process.stdout is not None
        async for raw in self.process.stdout:
            self.lines.append(raw.decode(errors="replace").rstrip("\n"))

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    async def wait_for_line(self, pattern: str, *, after: int = 0, timeout_s: float = 30.0) -> re.Match[str]:
        """The first line (from index `after`) matching `pattern`; fails with the output so far."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            for line in self.lines[after:]:
                if found := re.search(pattern, line):
                    return found
            if self.process.returncode is not None and self._reader is not None and self._reader.done():
                break
            await asyncio.sleep(0.05)
        raise AssertionError(f"no line matching {pattern!r} in:\n{self.output}")

    async def wait_http(self, url: str, timeout_s: float = 30.0) -> httpx.Response:
        deadline = time.monotonic() + timeout_s
        async with httpx.AsyncClient(timeout=2.0) as client:
            while time.monotonic() < deadline:
                try:
                    return await client.get(url)
                except httpx.TransportError:
                    if self.process.returncode is not None:
                        break
                    await asyncio.sleep(0.05)
        raise AssertionError(f"{url} never answered:\n{self.output}")

    def signal(self, sig: signal.Signals) -> None:
        self.process.send_signal(sig)

    async def exit_code(self, timeout_s: float = 60.0) -> int:
        code = await asyncio.wait_for(self.process.wait(), timeout_s)
        if self._reader is not None:
            await asyncio.wait_for(self._reader, timeout_s)
        return code

    async def kill(self) -> None:
        if self.process.returncode is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            await self.process.wait()


def extras(line: str) -> dict[str, object]:
    """The JSON extras at the end of a text log line."""
    return dict(json.loads(line[line.index("{") :]))


def process_state(pid: int) -> str:
    """ "gone", or the kernel's state letter ("S" sleeping, "R" running, "Z" zombie: dead but never reaped)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return "gone"
    found = re.search(r"^State:\s+(\w)", status, re.MULTILINE)
    return found.group(1) if found else "?"


async def run_until_it_stops(env: dict[str, str], cwd: Path, timeout_s: float = 60.0) -> tuple[int, str]:
    """`python -m bot run` left to stop by itself: its exit code and all it printed (killed if it does not)."""
    bot = await BotProcess.start("run", env=env, cwd=cwd)
    try:
        return await bot.exit_code(timeout_s=timeout_s), bot.output
    finally:
        await bot.kill()
