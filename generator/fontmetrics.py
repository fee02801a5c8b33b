"""Text measurement with a template's real font metrics (or a metric-compatible font).

Widths come from Pillow per character (cached), line heights and glyph coverage from the font's
own hhea/OS2 and cmap tables through fontTools (Pillow exposes neither the line gap nor the cmap). Characters the font lacks
(emoji, scripts it does not cover) are counted 1.25 em wide: the renderer will substitute a
fallback font, and we would rather wrap early than overflow. With no font file at all, a
conservative estimate is used.
"""

from __future__ import annotations

import logging
import os
import sys
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import ImageFont

# fontTools logs oddities of a font's tables (an early 'created' date) as warnings on stderr: not the user's business.
logging.getLogger("fontTools").setLevel(logging.ERROR)

UNITS = 1000  # measuring size in Pillow; widths are cached in these units per em
MISSING_EM = 1.25
FALLBACK_EM = 0.62
FALLBACK_LINE = 1.25
# PowerPoint spaces single lines about 1.2 em apart whatever the font says, and LibreOffice
# was measured doing the same with Liberation Sans (whose own metrics say 1.15): never less.
MIN_LINE_EM = 1.2

# Metric-compatible stand-ins, so a deck made for Calibri measures the same on Linux.
ALIASES = {
    "calibri": ["calibri", "carlito"],
    "calibri light": ["calibril", "calibri light", "carlito"],
    "cambria": ["cambria", "caladea"],
    "arial": ["arial", "liberationsans", "liberation sans"],
    "helvetica": ["helvetica", "liberationsans"],
    "times new roman": ["times", "timesnewroman", "liberationserif"],
    "courier new": ["cour", "liberationmono"],
    "verdana": ["verdana", "dejavusans"],
}
FONT_DIRS = [
    "/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "~/.local/share/fonts",
    "/Library/Fonts", "/System/Library/Fonts", "C:/Windows/Fonts",
]


@lru_cache(maxsize=1)
def _font_files() -> dict[str, Path]:
    """Every .ttf/.otf on the machine by lower-case stem without spaces or dashes."""
    found: dict[str, Path] = {}
    dirs = [Path(os.path.expanduser(d)) for d in FONT_DIRS]
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        dirs.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft/Windows/Fonts")
    for root in dirs:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.suffix.lower() in (".ttf", ".otf"):
                found.setdefault(path.stem.lower().replace(" ", "").replace("-", ""), path)
    return found


def find_font(family: str, bold: bool = False) -> Path | None:
    files = _font_files()
    names = ALIASES.get(family.lower(), [family.lower()])
    for name in names:
        key = name.replace(" ", "").replace("-", "")
        candidates = ([f"{key}bold", f"{key}b", f"{key}bd"] if bold else [f"{key}regular", key])
        for candidate in candidates:
            if candidate in files:
                return files[candidate]
    return None


def _font_tables(path: Path) -> tuple[frozenset[int], float]:
    """The code points the font's Unicode cmap maps, and its line height in em:
    max(hhea ascender − descender + lineGap, OS/2 winAscent + winDescent) / unitsPerEm."""
    font = TTFont(str(path), fontNumber=0, lazy=True)
    try:
        covered = frozenset(font.getBestCmap() or ())
        hhea = font["hhea"]
        height = hhea.ascent - hhea.descent + hhea.lineGap
        if "OS/2" in font:
            height = max(height, font["OS/2"].usWinAscent + font["OS/2"].usWinDescent)
        return covered, height / font["head"].unitsPerEm
    finally:
        font.close()


class FontMetrics:
    """Measures text in points for one font family and weight."""

    def __init__(self, family: str, bold: bool = False):
        self.family, self.bold = family, bold
        self.path = find_font(family, bold) or (find_font(family) if bold else None)
        self._widths: dict[str, float] = {}
        self._texts: dict[str, float] = {}
        if self.path is not None:
            self._font = ImageFont.truetype(str(self.path), UNITS)
            self._covered, line_em = _font_tables(self.path)
            self.line_em = max(MIN_LINE_EM, line_em)
        else:
            self._font = None
            self._covered = frozenset()
            self.line_em = FALLBACK_LINE

    @property
    def exact(self) -> bool:
        return self._font is not None

    def _char(self, ch: str) -> float:
        width = self._widths.get(ch)
        if width is None:
            if self._font is None:
                width = UNITS * (FALLBACK_EM if ord(ch) < 0x2000 else MISSING_EM)
            else:
                width = self._font.getlength(ch)
                if self._covered and ord(ch) not in self._covered and not ch.isspace():
                    width = max(width, UNITS * MISSING_EM)
                if self.bold and self.path == find_font(self.family):
                    width *= 1.08  # no bold file: regular glyphs widened by a typical bold factor
            self._widths[ch] = width
        return width

    def width(self, text: str, size_pt: float) -> float:
        units = self._texts.get(text)
        if units is None:
            units = sum(self._char(ch) for ch in text)
            if len(text) <= 40 and len(self._texts) < 200_000:  # words repeat: measured once, at any size
                self._texts[text] = units
        return units * size_pt / UNITS

    def line_height(self, size_pt: float, spacing: float = 1.0) -> float:
        return self.line_em * size_pt * spacing


@lru_cache(maxsize=32)
def metrics(family: str, bold: bool = False) -> FontMetrics:
    return FontMetrics(family, bold)
