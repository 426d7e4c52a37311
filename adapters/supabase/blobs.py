"""core.ports.BlobStore on Supabase Storage: a private bucket, signed short-lived links, explicit content types."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

import httpx
from storage3.exceptions import StorageApiError
from storage3.utils import StorageException
from supabase import AsyncClient, AsyncClientOptions, acreate_client

from adapters.http_hooks import EVENT_HOOKS
from core.errors import ErrorCode, ProviderError

log = logging.getLogger(__name__)

T = TypeVar("T")
_LIST_PAGE = 100


class SupabaseBlobStore:
    """Build with `await SupabaseBlobStore.connect(url, service_role_key, bucket)` (or pass a supabase AsyncClient).

    The bucket is created private on first use if it is missing. Every failure raises
    ProviderError(STORAGE_FAILED): retryable, except for a key that does not exist.
    """

    def __init__(self, client: AsyncClient, bucket: str, http: httpx.AsyncClient | None = None) -> None:
        self._sb = client
        self.bucket = bucket
        self._http = http
        self._ready = False
        self._ready_lock = asyncio.Lock()

    @classmethod
    async def connect(
        cls, url: str, service_role_key: str, bucket: str, *, timeout_s: float = 30.0
    ) -> SupabaseBlobStore:
        http = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 5.0)),
            follow_redirects=True,
            event_hooks=EVENT_HOOKS,  # an image up or down goes as soon as the call is over (see adapters.http_hooks)
        )
        client = await acreate_client(url, service_role_key, options=AsyncClientOptions(httpx_client=http))
        return cls(client, bucket, http)

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()

    async def ensure_bucket(self) -> None:
        """Create the private bucket unless it exists (racing processes: a duplicate is fine)."""
        if self._ready:
            return
        async with self._ready_lock:
            if self._ready:
                return
            try:
                await self._sb.storage.get_bucket(self.bucket)
            except StorageApiError as exc:
                if str(exc.status) != "404":
                    raise _failed("get bucket", exc) from exc
                try:
                    await self._sb.storage.create_bucket(self.bucket, options={"public": False})
                    log.info("created private storage bucket %s", self.bucket)
                except StorageApiError as create_exc:
                    if str(create_exc.status) != "409":
                        raise _failed("create bucket", create_exc) from create_exc
            except (StorageException, httpx.HTTPError) as exc:
                raise _failed("get bucket", exc) from exc
            self._ready = True

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        await self.ensure_bucket()
        options: Any = {"content-type": content_type, "upsert": "true", "cache-control": "3600"}
        await self._call("upload", lambda: self._files().upload(key, data, options))

    async def get(self, key: str) -> bytes:
        await self.ensure_bucket()
        return await self._call("download", lambda: self._files().download(key))

    async def link(self, key: str, expires_s: int) -> str:
        await self.ensure_bucket()
        signed = await self._call("sign", lambda: self._files().create_signed_url(key, max(1, int(expires_s))))
        return str(signed["signedURL"])

    async def delete(self, keys: Sequence[str]) -> None:
        if not keys:
            return
        await self.ensure_bucket()
        for start in range(0, len(keys), _LIST_PAGE):
            batch = list(keys[start : start + _LIST_PAGE])
            await self._call("remove", functools.partial(self._files().remove, batch))

    async def delete_prefix(self, prefix: str) -> None:
        await self.ensure_bucket()
        await self.delete(await self._walk(prefix.strip("/")))

    async def keys(self, prefix: str) -> list[str]:
        await self.ensure_bucket()
        return await self._walk(prefix.strip("/"))

    async def _walk(self, folder: str) -> list[str]:
        """Every object key under `folder`, following sub-folders (Storage lists one level at a time)."""
        keys: list[str] = []
        offset = 0
        while True:
            options = {"limit": _LIST_PAGE, "offset": offset}
            page = await self._call("list", functools.partial(self._files().list, folder, options))
            for entry in page:
                path = f"{folder}/{entry['name']}" if folder else str(entry["name"])
                if entry.get("id") is None:
                    keys += await self._walk(path)
                else:
                    keys.append(path)
            if len(page) < _LIST_PAGE:
                return keys
            offset += _LIST_PAGE

    def _files(self) -> Any:
        return self._sb.storage.from_(self.bucket)

    async def _call(self, what: str, call: Callable[[], Awaitable[T]]) -> T:
        try:
            return await call()
        except (StorageException, httpx.HTTPError, ValueError) as exc:
            raise _failed(what, exc) from exc


def _failed(what: str, exc: Exception) -> ProviderError:
    missing = isinstance(exc, StorageApiError) and str(exc.status) == "404"
    detail = f"storage {what} failed: {type(exc).__name__}"
    if isinstance(exc, StorageApiError):
        detail += f" {exc.status} {exc.code}"
    log.warning(detail)
    return ProviderError(ErrorCode.STORAGE_FAILED, detail, retryable=not missing)
