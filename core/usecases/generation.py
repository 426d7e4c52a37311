"""Generation: screen → reserve → queue (at the chat's pace) and produce → store → settle → deliver (in a worker).

Money is exactly-once: a hold is taken atomically by the Store and a generation is settled once by
compare-and-set; whatever was not delivered as an image is refunded. Delivery is at-least-once.

The flow lives in one module per concern; this module names it as one use-case for its callers:
`admission` (asking, regenerate, vary), `lookup` (finding a person's generations), `production` (running a job
in a worker, resuming) and `delivery` (sending the result once at a time).
"""

from __future__ import annotations

from core.usecases.admission import (
    check_rate,
    new_generation_id,
    regenerate,
    request_generation,
    screen_prompt,
    spot,
    vary,
)
from core.usecases.delivery import deliver
from core.usecases.lookup import find_generation, latest_generation, original_image, own_generation
from core.usecases.production import follow, process, produce, resume

__all__ = [
    "check_rate",
    "deliver",
    "find_generation",
    "follow",
    "latest_generation",
    "new_generation_id",
    "original_image",
    "own_generation",
    "process",
    "produce",
    "regenerate",
    "request_generation",
    "resume",
    "screen_prompt",
    "spot",
    "vary",
]
