"""Text on the offline preview in any script: a chain of Noto fonts, chosen per character.

Pillow's default font draws Latin only; a prompt in Arabic, Hebrew, Chinese or with emoji came out as boxes.
The fonts ship as Python packages (`manimgx-fonts`: Noto Sans for Latin, Greek, Cyrillic and 19 other scripts,
Noto Sans Symbols and Noto Emoji; `noto-cjk-sans-otc`: Noto Sans CJK), so `pip install` brings them. System
fonts follow as a fallback, and Pillow's own font last. Runs of one font are shaped by libraqm (Arabic joining,
right-to-left order) when Pillow has it.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageDraw, ImageFont, features

try:  # a declared dependency; without it (an old environment) the preview falls back to Pillow's own font
    from fontTools.ttLib import TTCollection, TTFont
except ImportError:  # pragma: no cover
    TTCollection = TTFont = None

log = logging.getLogger(__name__)

NOTO_FILES = (
    "NotoSans[wght].ttf",
    "NotoSansArabic[wght].ttf",
    "NotoSansHebrew[wght].ttf",
    "NotoSansDevanagari[wght].ttf",
    "NotoSansBengali[wght].ttf",
    "NotoSansThai[wght].ttf",
    "NotoSansTamil[wght].ttf",
    "NotoSansTelugu[wght].ttf",
    "NotoSansKannada[wght].ttf",
    "NotoSansMalayalam[wght].ttf",
    "NotoSansGujarati[wght].ttf",
    "NotoSansGurmukhi[wght].ttf",
    "NotoSansOriya[wght].ttf",
    "NotoSansSinhala[wght].ttf",
    "NotoSansKhmer[wght].ttf",
    "NotoSansLao[wght].ttf",
    "NotoSansMyanmar[wght].ttf",
    "NotoSansGeorgian[wght].ttf",
    "NotoSansArmenian[wght].ttf",
    "NotoSansEthiopic[wght].ttf",
)
LAST_FILES = ("NotoSansSymbols[wght].ttf", "NotoEmoji[wght].ttf")
CJK_NAME = "Noto Sans CJK SC"
SYSTEM_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/opentype/unifont/unifont.otf"),
)
RTL = frozenset({"R", "AL"})
SILENT = frozenset({"Mn", "Me", "Cf"})  # marks, joiners and variation selectors ride with the previous character


@dataclass(frozen=True)
class Face:
    """One font file (and its index in a collection) with the characters it can draw."""

    path: Path
    index: int
    chars: frozenset[int]


@dataclass(frozen=True)
class Run:
    face: int  # index into the chain; -1 is Pillow's built-in font
    text: str


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _face(path: Path, index: int = 0) -> Face | None:
    if TTFont is None:
        return None
    try:
        font = TTFont(path, fontNumber=index, lazy=True)
        cmap = font.getBestCmap() or {}
    except Exception:
        log.warning("font %s could not be read", path.name, exc_info=True)
        return None
    return Face(path, index, frozenset(cmap))


def _cjk_face(folder: Path) -> Face | None:
    path = folder / "NotoSansCJK-Regular.ttc"
    if TTCollection is None or not path.is_file():
        return None
    try:
        names = [f["name"].getDebugName(4) for f in TTCollection(path, lazy=True).fonts]
    except Exception:
        log.warning("CJK font could not be read", exc_info=True)
        return None
    return _face(path, names.index(CJK_NAME) if CJK_NAME in names else 0)


@functools.cache
def font_chain() -> tuple[Face, ...]:
    """Every usable font, most specific first; read once per process."""
    noto = _package_dir("manimgx_fonts")
    cjk = _package_dir("noto_cjk_sans_otc")
    paths = [noto / name for name in NOTO_FILES] if noto else []
    faces = [_face(p) for p in paths if p.is_file()]
    faces.append(_cjk_face(cjk) if cjk else None)
    faces += [_face(noto / name) for name in LAST_FILES if (noto / name).is_file()] if noto else []
    faces += [_face(p) for p in SYSTEM_FONTS if p.is_file()]
    chain = tuple(face for face in faces if face is not None)
    if not chain:
        log.warning("no wide-coverage font found: the offline preview draws Latin text only")
    return chain


def face_for(char: str, chain: tuple[Face, ...]) -> int:
    """The first font that has the character; -1 (Pillow's font) when none does."""
    code = ord(char)
    return next((i for i, face in enumerate(chain) if code in face.chars), -1)


def runs(text: str, chain: tuple[Face, ...]) -> list[Run]:
    """Split text into runs of one font; spaces and marks stay in the run they are in (so shaping sees words)."""
    out: list[Run] = []
    for char in text:
        keep = out and (char.isspace() or unicodedata.category(char) in SILENT)
        if keep and char.isspace() and out[-1].face >= 0 and chain[out[-1].face].path.name in LAST_FILES:
            keep = False  # an emoji font's space is far too wide: spaces after emoji go back to the text font
        if keep and (char.isspace() or ord(char) in _chars(out[-1].face, chain)):
            out[-1] = Run(out[-1].face, out[-1].text + char)
            continue
        face = face_for(char, chain)
        if out and out[-1].face == face:
            out[-1] = Run(face, out[-1].text + char)
        else:
            out.append(Run(face, char))
    return out


def _chars(face: int, chain: tuple[Face, ...]) -> frozenset[int]:
    return chain[face].chars if face >= 0 else frozenset()


def visual_order(pieces: list[Run], rtl: bool) -> list[Run]:
    """Left-to-right drawing order of a line's runs. In a right-to-left line, stretches of left-to-right text
    (Latin, CJK, with the emoji and punctuation between them) keep their own order; each run is shaped by raqm."""
    if not rtl:
        return pieces
    segments: list[tuple[bool, list[Run]]] = []  # (left to right?, runs)
    for run in pieces:
        strong = _strong(run.text)
        if segments and (strong is None or strong == segments[-1][0]):
            segments[-1][1].append(run)
        else:
            segments.append((bool(strong), [run]))
    ordered: list[Run] = []
    for ltr, stretch in reversed(segments):
        ordered.extend(stretch if ltr else reversed(stretch))
    return ordered


def _strong(text: str) -> bool | None:
    """True for left-to-right text, False for right-to-left, None when it has no strong character."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in RTL:
            return False
        if kind == "L":
            return True
    return None


def is_rtl(text: str) -> bool:
    """A line reads right to left when its first strong character is Hebrew or Arabic."""
    return _strong(text) is False


class PreviewWriter:
    """Measures and draws text at one size with the font chain."""

    def __init__(self, size: int) -> None:
        self.chain = font_chain()
        self.size = size
        self._engine = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
        self._fonts: dict[int, ImageFont.FreeTypeFont | ImageFont.ImageFont] = {}

    def font(self, face: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        if face not in self._fonts:
            if face < 0:
                self._fonts[face] = ImageFont.load_default(size=self.size)
            else:
                chosen = self.chain[face]
                self._fonts[face] = ImageFont.truetype(
                    str(chosen.path), self.size, index=chosen.index, layout_engine=self._engine
                )
        return self._fonts[face]

    def width(self, text: str) -> float:
        return sum(self.font(run.face).getlength(run.text) for run in runs(text, self.chain))

    def wrap(self, text: str, max_width: float, max_lines: int) -> list[str]:
        """Greedy lines by pixel width; words longer than a line (and CJK, which has no spaces) break anywhere."""
        lines: list[str] = []
        line = ""
        for token in _tokens(text):
            if len(lines) > max_lines:
                break  # the rest would not be drawn: a 4,000-character prompt costs no more than a short one
            candidate = (line + token) if line else token.lstrip()
            if line and self.width(candidate) > max_width:
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line = candidate
            while self.width(line) > max_width and len(line) > 1:
                cut = max(1, _fit(self, line, max_width))
                lines.append(line[:cut])
                line = line[cut:]
        if line.strip() and len(lines) <= max_lines:
            lines.append(line.rstrip())
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = lines[-1][: max(1, len(lines[-1]) - 1)] + "…"
        return lines

    def draw(self, draw: ImageDraw.ImageDraw, left: int, right: int, y: int, text: str, stroke: int) -> None:
        """One line: runs left to right, or right to left (right-aligned) for a Hebrew or Arabic line."""
        rtl = is_rtl(text)
        pieces = visual_order(runs(text, self.chain), rtl)
        x = float(right) - self.width(text) if rtl else float(left)
        for run in pieces:
            font = self.font(run.face)
            draw.text((x, y), run.text, font=font, fill="white", stroke_width=stroke, stroke_fill="black")
            x += font.getlength(run.text)


def _tokens(text: str) -> list[str]:
    """Words with their leading space; every CJK character is a token of its own (lines may break between)."""
    tokens: list[str] = []
    for char in text:
        wide = unicodedata.east_asian_width(char) in ("W", "F")
        if not tokens or char.isspace() or wide or _ends_wide(tokens[-1]):
            tokens.append(char)
        else:
            tokens[-1] += char
    return tokens


def _ends_wide(token: str) -> bool:
    return bool(token) and unicodedata.east_asian_width(token[-1]) in ("W", "F")


def _fit(writer: PreviewWriter, line: str, max_width: float) -> int:
    """How many characters of `line` fit in `max_width`."""
    low, high = 1, len(line)
    while low < high:
        middle = (low + high + 1) // 2
        if writer.width(line[:middle]) <= max_width:
            low = middle
        else:
            high = middle - 1
    return low
