"""What `/link <code>` will do, said before the person confirms: which account joins which, and when both have
history, exactly what the merge does (credits, today's free use, what moves, which plan stays).

The Store decides again when the person confirms (core.ports.LinkStore.link_identity); this reads the same rules
ahead of time, so a refusal (two plans, work in flight, the same platform twice) is explained before the button.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.linking import parse_code, shown
from core.models import Account, Identity, Platform
from core.usecases.accounts import allowed
from core.usecases.linking import find_code


@dataclass(frozen=True)
class MergeFacts:
    credits_here: int
    credits_there: int
    free_used_here: int
    free_used_there: int
    free_per_day: int
    images_here: int  # generations made on the joining account
    payments_here: int
    plan: str  # the plan the joined account keeps ("" for none)

    @property
    def credits_total(self) -> int:
        return self.credits_here + self.credits_there

    @property
    def free_used(self) -> int:
        """Today's free use counts once per person: the higher of the two."""
        return max(self.free_used_here, self.free_used_there)


@dataclass(frozen=True)
class LinkPreview:
    code: str  # as shown (ABCD-EFGH), for the confirmation button
    platform: Platform  # the joining side
    issuer_platform: Platform
    issuer_label: str
    merge: MergeFacts | None  # None: the joining side has no history (no account, or one holding nothing)


async def preview(deps: Deps, identity: Identity, text: str) -> LinkPreview:
    """Refused with the reason when the link could not go ahead (the same reasons the Store would give)."""
    code = await find_code(deps, identity, text)
    keeper = await deps.store.get_account(code.account_id)
    if keeper is None or keeper.being_deleted:
        raise DomainError(ErrorCode.LINK_CODE_INVALID)
    joiner = await deps.store.find_account(identity)
    if joiner is not None:
        allowed(deps, joiner)  # a blocked account is not merged away from its block
    theirs = {i.platform for i in await deps.store.identities(keeper.id)}
    mine = [i.platform for i in await deps.store.identities(joiner.id)] if joiner else [identity.platform]
    clash = next((p for p in mine if p in theirs), None)
    if clash is not None:
        raise DomainError(ErrorCode.LINK_SAME_PLATFORM, platform=clash.value)
    facts = await _merge_facts(deps, keeper, joiner) if joiner and await _has_history(deps, joiner) else None
    return LinkPreview(shown(parse_code(text) or ""), identity.platform, code.platform, code.label, facts)


async def _has_history(deps: Deps, account: Account) -> bool:
    """An account made a moment ago by /start holds nothing to merge (no money moved, no plan, no images)."""
    return bool(account.subscription_id or account.customer_id or await deps.store.ledger(account.id))


async def _merge_facts(deps: Deps, keeper: Account, joiner: Account) -> MergeFacts:
    if joiner.being_deleted:
        raise DomainError(ErrorCode.ACCOUNT_BEING_DELETED)
    generations = await deps.store.generations(joiner.id)
    if any(not g.finished for g in generations):
        raise DomainError(ErrorCode.LINK_IN_FLIGHT)
    if keeper.subscription_id and joiner.subscription_id:
        raise DomainError(ErrorCode.LINK_TWO_PLANS)
    today, free = deps.clock.now().date(), deps.policy.free_per_day
    here = await deps.store.balance(joiner.id, today, free)
    there = await deps.store.balance(keeper.id, today, free)
    plan = keeper.plan if keeper.subscription_id else joiner.plan if joiner.subscription_id else None
    product = deps.policy.product(plan or "")
    return MergeFacts(
        credits_here=here.paid_credits,
        credits_there=there.paid_credits,
        free_used_here=free - here.free_left,
        free_used_there=free - there.free_left,
        free_per_day=free,
        images_here=sum(len(g.image_keys) for g in generations),
        payments_here=len(await deps.store.payments(joiner.id)),
        plan=product.label if product else (plan or ""),
    )
