"""The HTTP client every Bot API call of the bot goes through (not getUpdates, which has its own connection).

Two things PTB's defaults get wrong under a crowd:
- httpx keeps only 20 idle connections alive; with up to `MAX_CONCURRENT_REQUESTS` calls in flight, the rest are
  closed and opened again (an address lookup in a thread and a new handshake each time: CPU per image).
- httpx's response and its body stream refer to each other, so each exchange is a reference cycle that keeps its
  request alive until the cyclic garbage collector happens to run, and with it the photo in the request's
  multipart body. Under a burst that held 100+ MB of already-sent photos (measured); `adapters.http_hooks` breaks
  the cycle as soon as the answer has been read, so a sent photo's bytes go at once.
"""

from __future__ import annotations

import httpx
from telegram.request import HTTPXRequest

from adapters.http_hooks import EVENT_HOOKS
from adapters.telegram.ratelimit import MAX_CONCURRENT_REQUESTS


def bot_request() -> HTTPXRequest:
    """Our timeouts (a photo upload may take long on a slow link), one kept-alive connection per request in flight."""
    return HTTPXRequest(
        connection_pool_size=MAX_CONCURRENT_REQUESTS,
        connect_timeout=10.0,
        read_timeout=30.0,
        write_timeout=30.0,
        media_write_timeout=120.0,
        httpx_kwargs={
            "limits": httpx.Limits(
                max_connections=MAX_CONCURRENT_REQUESTS, max_keepalive_connections=MAX_CONCURRENT_REQUESTS
            ),
            "event_hooks": EVENT_HOOKS,
        },
    )
