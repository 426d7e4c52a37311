"""Why a process cannot start (or must stop), as one line that names the setting to fix.

Library exceptions are translated here, at the composition root, into `StartupError`s with fixed texts: a
library's own message may quote a URL with a password or a Bot API URL with the token, so it is never printed.
"""

from __future__ import annotations

import errno
import os
import uuid
from pathlib import Path

#: Exit codes: 2 = fix the configuration before trying again, 1 = something outside is down (a restart may help).
EXIT_CONFIG = 2
EXIT_UNAVAILABLE = 1


class StartupError(Exception):
    """A reason to stop, naming the setting involved; the message never contains a secret's value."""

    def __init__(
        self, setting: str, reason: str, *, exit_code: int = EXIT_UNAVAILABLE, prefix: str = "Cannot start"
    ) -> None:
        super().__init__(f"{setting}: {reason}")
        self.setting = setting
        self.reason = reason
        self.exit_code = exit_code
        self.prefix = prefix

    def line(self) -> str:
        """The one line printed on standard error."""
        return f"{self.prefix}: {self}"


def usable_dir(path: Path, setting: str = "BOT_DATA_DIR") -> Path:
    """Create the folder and prove it is writable now, rather than failing on the first image or account."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / f".write-test-{uuid.uuid4().hex}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        reason = os.strerror(error.errno) if error.errno else type(error).__name__
        raise StartupError(setting, f"cannot use the folder {path} ({reason})", exit_code=EXIT_CONFIG) from None
    return path


def listen_error(host: str, port: int, error: OSError, setting: str = "PORT") -> StartupError:
    """The web server could not bind: busy port, unknown host, no permission."""
    if error.errno == errno.EADDRINUSE:
        return StartupError(setting, f"port {port} on {host} is already in use")
    if error.errno in (errno.EACCES, errno.EPERM):
        return StartupError(setting, f"no permission to listen on port {port}", exit_code=EXIT_CONFIG)
    reason = os.strerror(error.errno) if error.errno else type(error).__name__
    return StartupError("WEB_HOST", f"cannot listen on {host}:{port} ({reason})", exit_code=EXIT_CONFIG)


def platform_error(platform: str, error: BaseException) -> StartupError | None:
    """A chat platform that refuses us at start (`platform` is "telegram" or "discord"): a rejected token or an
    unreachable API. None for anything else (a bug: the caller lets it through)."""
    import aiohttp
    from discord import HTTPException as DiscordHTTPException
    from discord import LoginFailure, PrivilegedIntentsRequired
    from telegram.error import InvalidToken, NetworkError

    from adapters.discord.runner import UserInstallDisabled

    if isinstance(error, InvalidToken):
        return StartupError("TELEGRAM_BOT_TOKEN", "Telegram rejected the bot token", exit_code=EXIT_CONFIG)
    if isinstance(error, NetworkError):
        return StartupError(
            "TELEGRAM_BASE_URL", f"the Telegram Bot API is not reachable ({type(error).__name__}; check the network)"
        )
    if isinstance(error, LoginFailure):
        return StartupError("DISCORD_BOT_TOKEN", "Discord rejected the bot token", exit_code=EXIT_CONFIG)
    if isinstance(error, PrivilegedIntentsRequired):
        return StartupError("DISCORD_BOT_TOKEN", "Discord refused the gateway intents", exit_code=EXIT_CONFIG)
    if isinstance(error, UserInstallDisabled):
        return StartupError("Discord Developer Portal", str(error), exit_code=EXIT_CONFIG)
    if isinstance(error, DiscordHTTPException):
        return StartupError("DISCORD_API_BASE_URL", f"Discord answered HTTP {error.status} at start")
    if isinstance(error, OSError | aiohttp.ClientError | TimeoutError):
        setting = "TELEGRAM_BASE_URL" if platform == "telegram" else "DISCORD_API_BASE_URL"
        return StartupError(setting, f"{platform.title()} is not reachable ({type(error).__name__}; check the network)")
    return None


def unexpected(error: BaseException) -> str:
    """The line for anything we did not foresee: the kind of error only (details at LOG_LEVEL=DEBUG)."""
    return f"Stopped by an unexpected {type(error).__name__} (set LOG_LEVEL=DEBUG to log the details)"
