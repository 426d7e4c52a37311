"""A protocol-faithful fake of Supabase Storage's `/storage/v1` HTTP API (the real server ships only as a Docker
image), driven in tests by the real supabase-py storage client.

Faithful where our client depends on it: buckets, multipart upload with `x-upsert`, duplicate keys, download,
info, signed URLs (HS256 JWT `{url, iat, exp}` checked on download, expiry against an injectable clock), list,
remove. Errors are storage-api's: HTTP 400 (500 for internal) with a JSON body `{"statusCode": "<code>", "error",
"message"}`, the real status only in `statusCode` (storage-api's error handler does the same).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import jwt
from aiohttp import web

SIGNING_SECRET = "fake-storage-signing-secret-at-least-32-chars"


@dataclass
class StoredObject:
    data: bytes
    content_type: str
    cache_control: str
    created_at: str
    updated_at: str
    id: str = field(default_factory=lambda: str(uuid.uuid4()))


@dataclass
class Bucket:
    id: str
    public: bool
    file_size_limit: int | None
    allowed_mime_types: list[str] | None
    created_at: str
    objects: dict[str, StoredObject] = field(default_factory=dict)

    def json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.id,
            "owner": "",
            "public": self.public,
            "file_size_limit": self.file_size_limit,
            "allowed_mime_types": self.allowed_mime_types,
            "created_at": self.created_at,
            "updated_at": self.created_at,
        }


class StorageError(Exception):
    def __init__(self, status: str, error: str, message: str) -> None:
        super().__init__(message)
        self.status, self.error, self.message = status, error, message


NOT_FOUND = StorageError("404", "not_found", "Object not found")
NO_BUCKET = StorageError("404", "Bucket not found", "Bucket not found")
DUPLICATE = StorageError("409", "Duplicate", "The resource already exists")


class FakeSupabaseStorage:
    """State plus an aiohttp app; `service_key` is the only accepted key. `fail_with` makes every call fail."""

    def __init__(self, service_key: str, now: Callable[[], float] = time.time) -> None:
        self.service_key = service_key
        self.now = now
        self.buckets: dict[str, Bucket] = {}
        self.requests: list[tuple[str, str]] = []
        self.fail_with: int | None = None
        self.app = web.Application(middlewares=[self._middleware], client_max_size=64 * 1024 * 1024)
        r = self.app.router
        base = "/storage/v1"
        r.add_post(f"{base}/bucket", self.create_bucket)
        r.add_get(f"{base}/bucket", self.list_buckets)
        r.add_get(f"{base}/bucket/{{bucket}}", self.get_bucket)
        r.add_get(f"{base}/object/info/{{bucket}}/{{path:.+}}", self.info)
        r.add_post(f"{base}/object/sign/{{bucket}}/{{path:.+}}", self.sign)
        r.add_get(f"{base}/object/sign/{{bucket}}/{{path:.+}}", self.signed_download)
        r.add_get(f"{base}/object/public/{{bucket}}/{{path:.+}}", self.public_download)
        r.add_post(f"{base}/object/list/{{bucket}}", self.list_objects)
        r.add_post(f"{base}/object/{{bucket}}/{{path:.+}}", self.upload)
        r.add_put(f"{base}/object/{{bucket}}/{{path:.+}}", self.update)
        r.add_get(f"{base}/object/{{bucket}}/{{path:.+}}", self.download)
        r.add_delete(f"{base}/object/{{bucket}}", self.remove)

    # Plumbing ----------------------------------------------------------------------------------------------------

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Callable[[web.Request], Any]) -> web.StreamResponse:
        self.requests.append((request.method, request.path))
        try:
            if self.fail_with is not None:
                raise StorageError(str(self.fail_with), "internal", "Internal Server Error")
            anonymous = ("/storage/v1/object/sign/", "/storage/v1/object/public/")  # token or public bucket
            if request.method != "GET" or not request.path.startswith(anonymous):
                self._authorize(request)
            response: web.StreamResponse = await handler(request)
            return response
        except StorageError as exc:
            body = {"statusCode": exc.status, "error": exc.error, "message": exc.message}
            return web.json_response(body, status=500 if exc.status.startswith("5") else 400)

    def _authorize(self, request: web.Request) -> None:
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("Bearer "):
            raise StorageError("403", "Unauthorized", "headers must have required property 'authorization'")
        if auth.removeprefix("Bearer ") != self.service_key or request.headers.get("apikey") != self.service_key:
            raise StorageError("400", "InvalidJWT", "invalid signature")

    def _bucket(self, request: web.Request) -> Bucket:
        bucket = self.buckets.get(request.match_info["bucket"])
        if bucket is None:
            raise NO_BUCKET
        return bucket

    def _object(self, request: web.Request) -> tuple[Bucket, str, StoredObject]:
        bucket = self._bucket(request)
        path = request.match_info["path"]
        obj = bucket.objects.get(path)
        if obj is None:
            raise NOT_FOUND
        return bucket, path, obj

    def _stamp(self) -> str:
        return datetime.fromtimestamp(self.now(), UTC).isoformat().replace("+00:00", "Z")

    # Buckets -----------------------------------------------------------------------------------------------------

    async def create_bucket(self, request: web.Request) -> web.Response:
        body = await request.json()
        bucket_id = body.get("id") or body.get("name")
        if not bucket_id:
            raise StorageError("400", "Invalid Input", "Bucket name invalid")
        if bucket_id in self.buckets:
            raise DUPLICATE
        self.buckets[bucket_id] = Bucket(
            id=bucket_id,
            public=bool(body.get("public", False)),
            file_size_limit=body.get("file_size_limit"),
            allowed_mime_types=body.get("allowed_mime_types"),
            created_at=self._stamp(),
        )
        return web.json_response({"name": bucket_id})

    async def list_buckets(self, request: web.Request) -> web.Response:
        return web.json_response([b.json() for b in self.buckets.values()])

    async def get_bucket(self, request: web.Request) -> web.Response:
        return web.json_response(self._bucket(request).json())

    # Objects -----------------------------------------------------------------------------------------------------

    async def upload(self, request: web.Request) -> web.Response:
        upsert = request.headers.get("x-upsert", "false").lower() == "true"
        return await self._store(request, must_exist=False, upsert=upsert)

    async def update(self, request: web.Request) -> web.Response:
        return await self._store(request, must_exist=True, upsert=True)

    async def _store(self, request: web.Request, *, must_exist: bool, upsert: bool) -> web.Response:
        bucket = self._bucket(request)
        path = request.match_info["path"]
        existing = bucket.objects.get(path)
        if must_exist and existing is None:
            raise NOT_FOUND
        if existing is not None and not upsert:
            raise DUPLICATE
        form = await request.post()
        file = form.get("file")
        if not isinstance(file, web.FileField):
            raise StorageError("400", "InvalidRequest", "No content provided")
        data = file.file.read()
        content_type = file.content_type or "application/octet-stream"
        if bucket.file_size_limit is not None and len(data) > bucket.file_size_limit:
            raise StorageError("413", "Payload too large", "The object exceeded the maximum allowed size")
        if bucket.allowed_mime_types and content_type not in bucket.allowed_mime_types:
            raise StorageError("415", "invalid_mime_type", f"mime type {content_type} is not supported")
        stamp = self._stamp()
        bucket.objects[path] = StoredObject(
            data=data,
            content_type=content_type,
            cache_control=str(form.get("cacheControl", "3600")),
            created_at=existing.created_at if existing else stamp,
            updated_at=stamp,
        )
        return web.json_response({"Id": bucket.objects[path].id, "Key": f"{bucket.id}/{path}"})

    async def download(self, request: web.Request) -> web.Response:
        _, _, obj = self._object(request)
        return web.Response(body=obj.data, content_type=obj.content_type)

    async def public_download(self, request: web.Request) -> web.Response:
        bucket, _, obj = self._object(request)
        if not bucket.public:
            raise NOT_FOUND
        return web.Response(body=obj.data, content_type=obj.content_type)

    async def info(self, request: web.Request) -> web.Response:
        bucket, path, obj = self._object(request)
        return web.json_response(
            {
                "id": obj.id,
                "name": path,
                "bucket_id": bucket.id,
                "version": obj.id,
                "size": len(obj.data),
                "content_type": obj.content_type,
                "cache_control": f"max-age={obj.cache_control}",
                "etag": f'"{obj.id}"',
                "metadata": {},
                "last_modified": obj.updated_at,
                "created_at": obj.created_at,
            }
        )

    async def sign(self, request: web.Request) -> web.Response:
        bucket, path, _ = self._object(request)
        body = await request.json()
        expires_in = int(body["expiresIn"])
        if expires_in < 1:
            raise StorageError("400", "InvalidRequest", "expiresIn must be at least 1")
        now = int(self.now())
        token = jwt.encode(
            {"url": f"{bucket.id}/{path}", "iat": now, "exp": now + expires_in}, SIGNING_SECRET, algorithm="HS256"
        )
        return web.json_response({"signedURL": f"/object/sign/{bucket.id}/{path}?token={token}"})

    async def signed_download(self, request: web.Request) -> web.Response:
        token = request.query.get("token")
        if not token:
            raise StorageError("400", "InvalidJWT", "Missing token")
        try:
            claims = jwt.decode(token, SIGNING_SECRET, algorithms=["HS256"], options={"verify_exp": False})
        except jwt.InvalidTokenError as exc:
            raise StorageError("400", "InvalidJWT", "invalid signature") from exc
        if claims.get("exp", 0) <= self.now():
            raise StorageError("400", "InvalidJWT", "jwt expired")
        if claims.get("url") != f"{request.match_info['bucket']}/{request.match_info['path']}":
            raise StorageError("400", "InvalidSignature", "The url do not match the signature")
        _, _, obj = self._object(request)
        return web.Response(body=obj.data, content_type=obj.content_type)

    async def list_objects(self, request: web.Request) -> web.Response:
        """Like storage-api: the entries directly under `prefix` (a folder); sub-folders have `id: null`."""
        bucket = self._bucket(request)
        body = await request.json()
        prefix = str(body.get("prefix") or "").strip("/")
        limit, offset = int(body.get("limit", 100)), int(body.get("offset", 0))
        folder = f"{prefix}/" if prefix else ""
        entries: dict[str, dict[str, Any]] = {}
        for path, obj in bucket.objects.items():
            if not path.startswith(folder):
                continue
            name, sep, _ = path[len(folder) :].partition("/")
            if sep:
                entries.setdefault(name, {"name": name, "id": None, "updated_at": None, "metadata": None})
            else:
                entries[name] = {
                    "name": name,
                    "id": obj.id,
                    "updated_at": obj.updated_at,
                    "created_at": obj.created_at,
                    "last_accessed_at": obj.updated_at,
                    "metadata": {"size": len(obj.data), "mimetype": obj.content_type},
                }
        ordered = sorted(entries.values(), key=lambda e: str(e["name"]))
        if body.get("sortBy", {}).get("order") == "desc":
            ordered.reverse()
        return web.json_response(ordered[offset : offset + limit])

    async def remove(self, request: web.Request) -> web.Response:
        bucket = self._bucket(request)
        body = await request.json()
        removed = []
        for path in body.get("prefixes", []):
            obj = bucket.objects.pop(path, None)
            if obj is not None:
                removed.append({"name": path, "bucket_id": bucket.id, "id": obj.id})
        return web.json_response(removed)


async def serve(storage: FakeSupabaseStorage) -> tuple[web.AppRunner, str]:
    """Serve on a free 127.0.0.1 port; returns the runner (call `cleanup()`) and the Supabase URL."""
    runner = web.AppRunner(storage.app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    return runner, f"http://127.0.0.1:{port}"
