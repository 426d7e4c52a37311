"""`/admin stats` on SQLite: every figure by an aggregate query over the indexed time columns (no row is loaded
to be counted), defined as the metrics define them (core.metrics; the settlement split is core.quota's)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

import aiosqlite

from core.audit import Stats, Window
from core.models import RESOLUTIONS

One = Callable[..., Awaitable[aiosqlite.Row | None]]
All = Callable[..., Awaitable[list[aiosqlite.Row]]]

ACTIVE = """
select count(distinct case when created_at >= ? then account_id end) as today, count(distinct account_id) as week
from generations where created_at >= ?
"""

# Each finished generation's settlement (core.quota.plan_settlement): n images made keep free images first, then
# paid credits; the rest of the hold was refunded.
SETTLED = """
with settled as (
  select json_array_length(image_keys) as n, json_extract(request, '$.count') as wanted,
         json_extract(hold, '$.free_images') as held_free, json_extract(hold, '$.paid_credits') as held_paid,
         json_extract(hold, '$.unit_price') as unit_price
    from generations where status in ('succeeded', 'failed') and updated_at >= ?
), kept as (
  select n, wanted, held_paid, min(n, held_free) as kept_free, unit_price from settled
), split as (
  select n, wanted, held_paid, kept_free, min((n - kept_free) * unit_price, held_paid) as kept_paid from kept
)
select coalesce(sum(n > 0 and n >= wanted), 0) as delivered, coalesce(sum(n > 0 and n < wanted), 0) as partly,
       coalesce(sum(n = 0), 0) as refunded, coalesce(sum(kept_paid), 0) as used,
       coalesce(sum(held_paid - kept_paid), 0) as given_back, coalesce(sum(kept_free), 0) as free_used
  from split
"""

REQUESTED = """
select json_extract(request, '$.resolution') as resolution, count(*) as requested,
       coalesce(sum((select count(*) from json_each(g.task_ids) where json_each.value <> '')), 0) as tasks
  from generations g where created_at >= ? group by 1
"""

SOLD = "select coalesce(sum(credits), 0) from ledger where kind in ('purchase', 'renewal') and created_at >= ?"

IN_FLIGHT = """
select coalesce(sum(status = 'queued'), 0) as queued, coalesce(sum(status = 'running'), 0) as running,
       coalesce(sum(status in ('succeeded', 'failed')), 0) as undelivered, count(distinct account_id) as accounts
  from generations where status in ('queued', 'running') or delivered_at is null
"""


async def read_stats(one: One, all_rows: All, today: datetime, week: datetime) -> Stats:
    active = await one(ACTIVE, today.isoformat(), week.isoformat())
    flight = await one(IN_FLIGHT)
    assert active is not None and flight is not None
    return Stats(
        active_today=active["today"],
        active_week=active["week"],
        today=await _window(one, all_rows, today),
        week=await _window(one, all_rows, week),
        queued=flight["queued"],
        running=flight["running"],
        undelivered=flight["undelivered"],
        accounts_in_flight=flight["accounts"],
    )


async def _window(one: One, all_rows: All, since: datetime) -> Window:
    at = since.isoformat()
    settled, sold = await one(SETTLED, at), await one(SOLD, at)
    assert settled is not None and sold is not None
    by_resolution = await all_rows(REQUESTED, at)
    tasks: dict[Any, int] = dict.fromkeys(RESOLUTIONS, 0)
    tasks.update({r["resolution"]: int(r["tasks"]) for r in by_resolution if r["resolution"] in tasks})
    return Window(
        requested=sum(int(r["requested"]) for r in by_resolution),
        delivered=settled["delivered"],
        partly_refunded=settled["partly"],
        refunded=settled["refunded"],
        credits_sold=int(sold[0]),
        credits_used=settled["used"],
        credits_refunded=settled["given_back"],
        free_used=settled["free_used"],
        provider_tasks=tasks,
    )
