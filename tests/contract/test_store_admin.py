"""The Store contract of the admin tools (core.ports.AdminStore): credits, blocks and audit entries written once
per key, a revoke that never goes below zero, gone-means-gone for the audit log, and the stats' aggregates."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from core.audit import AuditAction, AuditEntry, Stats, Window
from core.errors import DomainError, ErrorCode
from core.models import Account, GenerationRequest, Identity, LedgerKind, Platform
from core.ports import LinkCode, LinkRequest, Settlement, Store
from tests.contract.store_support import NOW, TODAY, RowCounter, new_account, payment, reserve_request, unique

MIDNIGHT = NOW.replace(hour=0)
WEEK = MIDNIGHT - timedelta(days=6)


def entry(
    action: AuditAction, account: Account | None, *, requested: int = 0, actor: Account | None = None, key: str = ""
) -> AuditEntry:
    return AuditEntry(
        key=key or unique("tg:7:42"),
        action=action,
        account_id=account.id if account else None,
        actor_account_id=actor.id if actor else None,
        channel="telegram",
        requested=requested,
        reason="support ticket 12",
        at=NOW,
    )


async def paid(store: Store, account: Account) -> int:
    return (await store.balance(account.id, TODAY, 0)).paid_credits


# Credits -------------------------------------------------------------------------------------------------------


async def test_a_grant_is_a_ledger_entry_with_the_reason_applied_once_per_key(store: Store) -> None:
    account = await new_account(store, credits=5)
    grant = entry(AuditAction.GRANT, account, requested=50)

    first = await store.admin_credits(grant)
    again = await store.admin_credits(grant.model_copy(update={"requested": 70}))

    assert first.new and first.entry.credits == 50
    assert not again.new and again.entry.credits == 50 and again.entry.requested == 50
    assert await paid(store, account) == 55
    admin = [e for e in await store.ledger(account.id) if e.kind is LedgerKind.ADMIN]
    assert [(e.credits, e.note, e.idempotency_key) for e in admin] == [(50, "support ticket 12", f"admin:{grant.key}")]


async def test_a_grant_replayed_twenty_times_at_once_is_applied_once(store: Store) -> None:
    account = await new_account(store)
    grant = entry(AuditAction.GRANT, account, requested=10)

    results = await asyncio.gather(*(store.admin_credits(grant) for _ in range(20)))

    assert sum(r.new for r in results) == 1
    assert await paid(store, account) == 10
    assert len(await store.audit_log(account.id)) == 1


async def test_a_revoke_takes_at_most_the_paid_balance_and_never_goes_below_zero(store: Store) -> None:
    account = await new_account(store, credits=30)

    taken = await store.admin_credits(entry(AuditAction.REVOKE, account, requested=-50))
    nothing = await store.admin_credits(entry(AuditAction.REVOKE, account, requested=-5))

    assert (taken.entry.credits, taken.entry.requested) == (-30, -50)
    assert (nothing.entry.credits, nothing.entry.requested) == (0, -5)
    assert await paid(store, account) == 0
    assert [e.credits for e in await store.ledger(account.id) if e.kind is LedgerKind.ADMIN] == [-30]


async def test_a_revoke_of_a_negative_balance_takes_nothing_and_leaves_the_debt(store: Store) -> None:
    account = await new_account(store, credits=5)
    await store.add_credits(account.id, -8, LedgerKind.CLAWBACK, unique("clawback"), "", NOW)

    taken = await store.admin_credits(entry(AuditAction.REVOKE, account, requested=-1))

    assert taken.entry.credits == 0 and await paid(store, account) == -3


async def test_admin_changes_for_an_unknown_account_are_not_found_and_write_nothing(
    store: Store, rows: RowCounter
) -> None:
    ghost = Account(id=unique("ghost"), created_at=NOW)

    for write in (store.admin_credits, store.set_blocked, store.audit):
        with pytest.raises(DomainError) as refused:
            await write(entry(AuditAction.GRANT if write == store.admin_credits else AuditAction.BLOCK, ghost))
        assert refused.value.code is ErrorCode.NOT_FOUND

    assert await rows("admin_audit") == 0 and await rows("ledger") == 0


# Blocks --------------------------------------------------------------------------------------------------------


async def test_a_block_is_recorded_on_the_account_with_its_reason_and_an_unblock_lifts_it(store: Store) -> None:
    account = await new_account(store)

    await store.set_blocked(entry(AuditAction.BLOCK, account))
    blocked = await store.get_account(account.id)
    later = entry(AuditAction.BLOCK, account).model_copy(update={"at": NOW + timedelta(hours=1), "reason": "again"})
    await store.set_blocked(later)
    still = await store.get_account(account.id)
    await store.set_blocked(entry(AuditAction.UNBLOCK, account))
    lifted = await store.get_account(account.id)

    assert blocked is not None and blocked.blocked and blocked.blocked_at == NOW
    assert blocked.blocked_reason == "support ticket 12" and blocked.plan is None and blocked.display_name == "Ada"
    assert still is not None and still.blocked_at == NOW and still.blocked_reason == "again"
    assert lifted is not None and not lifted.blocked and lifted.blocked_reason == ""


async def test_a_replayed_block_after_an_unblock_blocks_nobody_again(store: Store) -> None:
    account = await new_account(store)
    block = entry(AuditAction.BLOCK, account)
    await store.set_blocked(block)
    await store.set_blocked(entry(AuditAction.UNBLOCK, account))

    replayed = await store.set_blocked(block)

    assert not replayed.new
    found = await store.get_account(account.id)
    assert found is not None and not found.blocked


# The audit log -------------------------------------------------------------------------------------------------


async def test_the_audit_log_holds_what_was_done_about_and_by_a_person_oldest_first(store: Store) -> None:
    admin, ada, bob = await new_account(store), await new_account(store), await new_account(store)
    about_ada = await store.audit(entry(AuditAction.PROMPTS, ada, actor=admin))
    about_bob = await store.admin_credits(entry(AuditAction.GRANT, bob, requested=3, actor=admin))
    stats = await store.audit(entry(AuditAction.STATS, None, actor=admin).model_copy(update={"at": NOW + timedelta(1)}))

    assert await store.audit_log(ada.id) == [about_ada.entry]
    assert await store.audit_log(admin.id) == sorted(
        [about_ada.entry, about_bob.entry, stats.entry], key=lambda e: (e.at, e.key)
    )
    assert stats.entry.account_id is None and stats.new


async def test_deleting_a_person_deletes_the_audit_rows_about_them_and_anonymises_those_they_wrote(
    store: Store, rows: RowCounter
) -> None:
    admin, ada = await new_account(store), await new_account(store)
    await store.audit(entry(AuditAction.USER, admin, actor=admin))
    written = await store.set_blocked(entry(AuditAction.BLOCK, ada, actor=admin))

    await store.delete_account(admin.id)

    assert await rows("admin_audit", admin.id) == 0
    assert await store.audit_log(ada.id) == [written.entry.model_copy(update={"actor_account_id": None})]
    await store.delete_account(ada.id)
    assert await rows("admin_audit") == 0


# Reading an account --------------------------------------------------------------------------------------------


async def test_the_latest_generations_come_newest_first_and_limited(store: Store) -> None:
    account = await new_account(store, credits=10)
    made = [
        await store.reserve(reserve_request(account, now=NOW + timedelta(minutes=n), generation_id=unique(f"g{n}")))
        for n in range(4)
    ]

    latest = await store.latest_generations(account.id, 3)

    assert [g.id for g in latest] == [g.id for g in reversed(made)][:3]
    assert await store.latest_generations(unique("ghost"), 3) == []


# Stats ---------------------------------------------------------------------------------------------------------


async def test_the_stats_count_people_outcomes_credits_and_work_in_flight_like_the_metrics(store: Store) -> None:
    ada, bob = await new_account(store, credits=100), await new_account(store, credits=100)
    old = await store.reserve(reserve_request(ada, now=NOW - timedelta(days=3), count=2, unit_price=2))
    await store.set_task_id(old.id, 0, "t-old-0", NOW - timedelta(days=3))
    await store.settle(old.id, Settlement(("o.png",)), NOW - timedelta(days=3))  # partly: 2 kept, 2 refunded
    twok = GenerationRequest(prompt="a fox", count=2, resolution="2K")
    done = await store.reserve(reserve_request(bob, request=twok, unit_price=2, free_per_day=1))
    for slot in (0, 1):
        await store.set_task_id(done.id, slot, f"t-done-{slot}", NOW)
    await store.settle(done.id, Settlement(("a.png", "b.png")), NOW)  # 1 free + 2 credits kept
    failed = await store.reserve(reserve_request(bob, unit_price=4))
    await store.settle(failed.id, Settlement((), "generation_failed"), NOW)  # 4 refunded
    await store.mark_delivered(failed.id, NOW)
    await store.reserve(reserve_request(ada))  # queued
    await store.record_payment(payment(bob), LedgerKind.PURCHASE, unique("purchase"))
    await store.record_payment(payment(ada, created_at=NOW - timedelta(days=8)), LedgerKind.PURCHASE, unique("p"))

    stats = await store.stats(MIDNIGHT, WEEK)

    tasks_today = {"1K": 0, "2K": 2, "4K": 0}
    assert stats == Stats(
        active_today=2,
        active_week=2,
        today=Window(
            requested=3, delivered=1, refunded=1, credits_sold=50, credits_used=2, credits_refunded=4, free_used=1,
            provider_tasks=tasks_today,
        ),
        week=Window(
            requested=4, delivered=1, partly_refunded=1, refunded=1, credits_sold=50, credits_used=4,
            credits_refunded=6, free_used=1, provider_tasks={**tasks_today, "1K": 1},
        ),
        queued=1,
        undelivered=2,
        accounts_in_flight=2,
    )  # fmt: skip


async def test_the_stats_of_an_empty_service_are_all_zero(store: Store) -> None:
    assert await store.stats(MIDNIGHT, WEEK) == Stats()


async def test_a_merge_by_linking_moves_the_audit_rows_about_and_by_the_absorbed_account(store: Store) -> None:
    keeper, other = await new_account(store), await new_account(store)
    joining = Identity(platform=Platform.DISCORD, platform_user_id=unique("dc"))
    joiner = await store.create_account(joining, "Ada", "en", NOW)
    about = await store.admin_credits(entry(AuditAction.GRANT, joiner, requested=4))
    by = await store.audit(entry(AuditAction.USER, other, actor=joiner))
    code = LinkCode(unique("hash"), keeper.id, Platform.TELEGRAM, "@ada", NOW + timedelta(minutes=10))
    await store.save_link_code(code, (await store.identities(keeper.id))[0], NOW)

    merged = await store.link_identity(LinkRequest(code.code_hash, joining, "", TODAY, NOW))

    assert merged.account_id == keeper.id
    moved = [
        about.entry.model_copy(update={"account_id": keeper.id}),
        by.entry.model_copy(update={"actor_account_id": keeper.id}),
    ]
    assert await store.audit_log(keeper.id) == sorted(moved, key=lambda e: e.key)
    assert await paid(store, keeper) == 4
