"""Redis helpers for the contract tests (real Redis, never mocked).

Ordinary tests use the shared session server (`redis_server` in tests/server_fixtures.py). The fault tests get a
server of their own (`restartable_redis`) that they stop and start again on the same port, which the shared
server class cannot do (its stop removes the data dir). Missing binary: skip locally, fail in CI (`missing`).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from redis.asyncio import Redis

from adapters.redis.connect import redis_from_url
from tests import servers
from tests.server_fixtures import redis_binary_or_skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class RestartableRedis:
    """A redis-server on 127.0.0.1 without persistence; `stop()`/`start()` keep the port (a restart)."""

    def __init__(self, binary: str, port: int | None = None) -> None:
        self.binary = binary
        self.port = port or free_port()
        self._dir = Path(tempfile.mkdtemp(prefix="gib-redis-"))
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        args = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        args += ["--dir", str(self._dir), "--daemonize", "no", "--protected-mode", "no", "--loglevel", "warning"]
        self._proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # readiness poll at start-up, not test timing
            if self._proc.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self._proc.returncode}")
            if self._pong():
                return
            time.sleep(0.005)
        raise RuntimeError("redis-server did not answer PING within 10 s")

    def stop(self) -> None:
        if self._proc is not None:
            servers.terminate(self._proc, grace_s=10)
            self._proc = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self._dir, ignore_errors=True)

    def _pong(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False


@pytest.fixture
def restartable_redis() -> Iterator[RestartableRedis]:
    """A server of this test's own, so stopping it disturbs nobody else."""
    server = RestartableRedis(str(redis_binary_or_skip()))
    server.start()
    yield server
    server.close()


@pytest.fixture
async def redis_client(redis_server: servers.RedisServer) -> AsyncIterator[Redis]:
    client = redis_from_url(redis_server.url)
    yield client
    await client.aclose()


def unique(prefix: str) -> str:
    """Tests share one server: every key, stream and group gets a random suffix."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"
