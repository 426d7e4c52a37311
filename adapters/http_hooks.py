"""httpx response hook shared by the adapters whose requests or answers carry whole images (the Bot API, Supabase).

httpx's response and its body stream refer to each other, so every exchange is a reference cycle: the response,
its request and both bodies (a 1.7 MB photo uploaded, or an image downloaded) stay in memory until the cyclic
garbage collector happens to run. Under a crowd that was 100+ MB (measured in bench/). Reading the answer in a
response hook and keeping it as a plain stream breaks the cycle, so everything goes as soon as the caller drops the
response. Not for streamed downloads (the hook reads the whole body).
"""

from __future__ import annotations

import httpx


async def settle_response(response: httpx.Response) -> None:
    await response.aread()
    response.stream = httpx.ByteStream(response.content)


EVENT_HOOKS = {"response": [settle_response]}
