"""A person's chosen language: stored on the account by itself, exported by /mydata, used for every message sent
outside a reply, forgotten with the account; the prompt reaches the generator exactly as typed, in any language."""

from __future__ import annotations

import pytest

from core.errors import DomainError, ErrorCode
from core.languages import LanguageBook, reply_locale
from core.locales import LOCALES
from core.models import Balance, Generation, GenerationRequest
from core.ports import ResultImages
from core.texts import error_text
from core.usecases import generation, languages, onboarding, privacy
from tests.unit.conftest import ALICE, BOB, TARGET, World


@pytest.fixture(autouse=True)
def every_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every language may be chosen, whichever catalogues this checkout has (the texts are not checked here)."""
    monkeypatch.setattr(languages, "available", lambda: LOCALES)


class Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def run_jobs(world: World) -> None:
    while world.queue.pending():
        job = await world.queue.take()
        await generation.process(world.deps, job.generation_id)
        await world.queue.ack(job)


async def test_a_chosen_language_is_stored_exported_and_wins_over_the_platforms(world: World) -> None:
    await onboarding.start(world.deps, ALICE, "Alice", "es")
    await world.member()

    chosen = await languages.choose_language(world.deps, ALICE, "pt-BR")
    exported = await privacy.export_data(world.deps, ALICE)

    assert (chosen.locale, chosen.language) == ("es", "pt_br")
    assert reply_locale(chosen) == "pt_br"
    assert exported is not None and exported["account"]["language"] == "pt_br"
    assert world.deps.languages.known(ALICE) == "pt_br", "the next reply in this process needs no Store read"


async def test_automatic_clears_the_choice_and_the_platforms_language_is_used_again(world: World) -> None:
    await onboarding.start(world.deps, ALICE, "Alice", "es")
    await languages.choose_language(world.deps, ALICE, "de")

    cleared = await languages.choose_language(world.deps, ALICE, "auto")

    assert cleared.language == "" and reply_locale(cleared) == "es"
    assert world.deps.languages.known(ALICE) == ""


@pytest.mark.parametrize("typed", ["klingon", "xx", "english-ish", ""])
async def test_a_language_the_bot_does_not_speak_is_refused_and_nothing_changes(world: World, typed: str) -> None:
    await onboarding.start(world.deps, ALICE, "Alice", "fr")

    with pytest.raises(DomainError) as refused:
        await languages.choose_language(world.deps, ALICE, typed)

    account = await world.store.find_account(ALICE)
    assert refused.value.code is ErrorCode.INVALID_OPTION
    assert error_text(refused.value).startswith("I don't speak that language yet. Choose one of: en, es, pt_br")
    assert account is not None and account.language == ""


async def test_a_result_is_captioned_in_the_chosen_language_and_the_prompt_reaches_the_generator_as_typed(
    world: World,
) -> None:
    await onboarding.start(world.deps, ALICE, "Alice", "en")
    await world.member()
    await languages.choose_language(world.deps, ALICE, "ar")
    prompt = "قطة على القمر, a cat (s) {count} — 猫 🐱"

    captions: list[str] = []
    deliver = world.messenger.deliver

    async def deliver_in(gen: Generation, images: ResultImages, balance: Balance | None, locale: str) -> None:
        captions.append(locale)
        await deliver(gen, images, balance, locale)

    world.messenger.deliver = deliver_in  # type: ignore[method-assign]
    await generation.request_generation(world.deps, ALICE, GenerationRequest(prompt=prompt), TARGET)
    await run_jobs(world)

    assert captions == ["ar"]
    assert [spec.prompt for spec in world.generator.submitted] == [prompt]


async def test_deleting_the_account_forgets_the_choice_in_this_process(world: World) -> None:
    await world.member()
    await languages.choose_language(world.deps, ALICE, "tr")
    code = await privacy.request_deletion(world.deps, ALICE)

    await privacy.confirm_deletion(world.deps, ALICE, code)

    assert world.deps.languages.known(ALICE) is None


async def test_the_book_reads_the_store_once_then_again_after_its_time() -> None:
    ticks = Ticks()
    book = LanguageBook(ttl_s=300.0, clock=ticks)
    book.remember(ALICE, "de")

    assert book.known(ALICE) == "de"
    ticks.now = 301.0
    assert book.known(ALICE) is None, "a choice made through another process shows up after a few minutes"


async def test_the_book_holds_a_bounded_number_of_people() -> None:
    book = LanguageBook(capacity=1)
    book.remember(ALICE, "de")
    book.remember(BOB, "fr")

    assert book.known(ALICE) is None and book.known(BOB) == "fr"


async def test_a_changed_app_language_reaches_messages_sent_later(world: World) -> None:
    await onboarding.start(world.deps, ALICE, "Alice", "en")
    fresh = LanguageBook()

    assert await fresh.language(world.store, ALICE, "es") == ""
    account = await world.store.find_account(ALICE)

    assert account is not None and reply_locale(account) == "es", "the result of the next /imagine is Spanish"
    await languages.choose_language(world.deps, ALICE, "de")
    chosen = await world.store.find_account(ALICE)
    assert chosen is not None and reply_locale(chosen) == "de", "a chosen language still wins"


async def test_the_book_reads_a_choice_from_the_store_when_it_has_none(world: World) -> None:
    await world.member()
    await languages.choose_language(world.deps, ALICE, "id")
    fresh = LanguageBook()

    assert await fresh.language(world.store, ALICE) == "id"
    assert await fresh.language(world.store, BOB) == "", "nobody chose anything: the platform's language"
