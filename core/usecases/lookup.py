"""Finding a person's generations: the latest, one of their own by id or prefix, and an original image."""

from __future__ import annotations

from core.deps import Deps
from core.errors import DomainError, ErrorCode
from core.models import Generation, Identity
from core.ports import StoredImage
from core.usecases.accounts import allowed, require_account


async def latest_generation(deps: Deps, identity: Identity, *, with_images: bool = False) -> Generation:
    """The person's most recent generation (read from the Store, so any process and any restart agree)."""
    account = await require_account(deps, identity)
    for candidate in reversed(await deps.store.generations(account.id)):
        if not with_images or candidate.image_keys:
            return candidate
    raise DomainError(ErrorCode.NO_GENERATIONS)


async def original_image(deps: Deps, identity: Identity, generation_id: str, index: int) -> StoredImage:
    generation = await own_generation(deps, identity, generation_id)
    if not 0 <= index < len(generation.image_keys):
        raise DomainError(ErrorCode.NOT_FOUND)
    key = generation.image_keys[index]
    return StoredImage(key=key, data=await deps.blobs.get(key))


async def own_generation(deps: Deps, identity: Identity, generation_id: str) -> Generation:
    """One of the person's own generations, by id or by a unique prefix of at least 6 characters.

    Someone else's generation (a button pressed by another person in a group) raises NOT_OWNER, so the answer
    says whose button it is instead of "not found"; the generation itself is never shown.
    """
    account = await deps.store.find_account(identity)
    generation = await find_generation(deps, account.id if account else "", generation_id)
    if generation is None:
        raise DomainError(ErrorCode.NOT_FOUND)
    if account is None or generation.account_id != account.id:
        raise DomainError(ErrorCode.NOT_OWNER)
    allowed(deps, account)
    return generation


async def find_generation(deps: Deps, account_id: str, generation_id: str) -> Generation | None:
    """A generation by its id (anyone's: callers check the owner), or by a unique prefix among the account's own."""
    generation = await deps.store.get_generation(generation_id)
    if generation is None and len(generation_id) >= 6:
        matches = [g for g in await deps.store.generations(account_id) if g.id.startswith(generation_id)]
        generation = matches[0] if len(matches) == 1 else None
    return generation
