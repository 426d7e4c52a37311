"""The offline preview draws any prompt legibly (a real glyph for every character) and labels its real size."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from adapters.local.offline_generator import preview_footer, render_preview
from adapters.local.preview_text import PreviewWriter, face_for, font_chain, is_rtl, runs, visual_order
from core.models import ImageSpec

PROMPTS = {
    "arabic": "قطة على سطح القمر",
    "hebrew": "חתול על הירח",
    "chinese": "月球上的一只猫",
    "japanese": "月の上の猫、かわいい",
    "korean": "달 위의 고양이",
    "emoji": "a cat 🐱 on the moon 🌙🚀",
    "hindi": "चाँद पर एक बिल्ली",
    "greek and cyrillic": "γάτα και кошка",
}


@pytest.mark.parametrize("prompt", PROMPTS.values(), ids=PROMPTS.keys())
def test_every_character_of_a_prompt_in_any_script_has_a_real_glyph(prompt: str) -> None:
    chain = font_chain()

    missing = [char for char in prompt if not char.isspace() and face_for(char, chain) < 0]

    assert missing == []


def test_a_line_of_arabic_is_one_run_so_it_is_shaped_and_read_right_to_left() -> None:
    chain = font_chain()

    pieces = runs(PROMPTS["arabic"], chain)

    assert len(pieces) == 1 and is_rtl(PROMPTS["arabic"]) and not is_rtl("a cat")


def test_chinese_without_spaces_wraps_within_the_width() -> None:
    writer = PreviewWriter(20)

    lines = writer.wrap("月球上的一只猫" * 12, max_width=300, max_lines=10)

    assert len(lines) > 1 and all(writer.width(line) <= 300 for line in lines)


@pytest.mark.parametrize("prompt", PROMPTS.values(), ids=PROMPTS.keys())
def test_the_preview_renders_any_prompt_and_is_the_size_it_says(prompt: str) -> None:
    spec = ImageSpec(prompt=prompt, aspect_ratio="16:9", resolution="4K")

    data = render_preview(spec, seed=7)

    image = Image.open(io.BytesIO(data))
    assert image.size == (768, 432)


def test_drawn_cjk_differs_from_the_missing_glyph_box() -> None:
    """Regression for 'boxes': the glyphs of two different characters must not render identically."""
    writer = PreviewWriter(40)
    first = writer.font(face_for("月", writer.chain)).getmask("月").getbbox()
    second = writer.font(face_for("猫", writer.chain)).getmask("猫")
    box = writer.font(0).getmask("月")

    assert first is not None and bytes(second) != bytes(box)


def test_the_footer_says_the_real_pixel_size_and_the_size_it_stands_for() -> None:
    spec = ImageSpec(prompt="x", aspect_ratio="16:9", resolution="4K", reference_urls=("https://a.example/r.png",))

    footer = preview_footer(spec, (768, 432), seed=7)

    assert footer.startswith("768x432 px preview of a 3840x2160 image (4K, 16:9)")
    assert footer.endswith("edited from 1 reference")


def test_a_very_long_prompt_is_cut_to_the_lines_that_fit() -> None:
    writer = PreviewWriter(20)

    lines = writer.wrap("word " * 4000, max_width=700, max_lines=5)

    assert len(lines) == 5 and lines[-1].endswith("…")


def test_english_inside_an_arabic_line_keeps_its_own_word_order() -> None:
    chain = font_chain()
    line = "قطة — a cat 🐱 on the moon"

    ordered = visual_order(runs(line, chain), rtl=is_rtl(line))

    drawn = "".join(run.text for run in ordered)
    assert drawn.index("a cat") < drawn.index("on the moon") < drawn.index("قطة")
