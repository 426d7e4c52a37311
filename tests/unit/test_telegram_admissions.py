"""A Cancel pressed on an acknowledgement while its hold is still being taken waits for the admission to end."""

from __future__ import annotations

import asyncio

from adapters.telegram.admissions import Admissions


async def test_a_press_during_admission_waits_until_the_hold_is_taken_or_refused() -> None:
    admissions = Admissions()
    order: list[str] = []

    with admissions.opening() as generation_id:
        press = asyncio.create_task(admissions.ended(generation_id))
        await asyncio.sleep(0)
        order.append("hold taken" if not press.done() else "press went first")
    await press
    order.append("press answered")

    assert order == ["hold taken", "press answered"]


async def test_a_press_for_a_request_not_being_admitted_goes_on_at_once() -> None:
    admissions = Admissions()
    with admissions.opening() as earlier:
        pass

    await asyncio.wait_for(admissions.ended(earlier), timeout=1)
    await asyncio.wait_for(admissions.ended("0" * 32), timeout=1)


async def test_every_admission_gets_its_own_generation_id() -> None:
    admissions = Admissions()

    with admissions.opening() as first, admissions.opening() as second:
        pass

    assert first != second and len(first) == 32 and int(first, 16) >= 0
