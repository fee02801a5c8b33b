"""Text measurement with a template's real font metrics (or a metric-compatible font).

Widths come from Pillow per character (cached), line heights from the font's own hhea/OS2
tables, read directly because Pillow does not expose the line gap. Characters the font lacks
(emoji, scripts it does not cover) are counted 1.25 em wide: the renderer will substitute a
fallback font, and we would rather wrap early than overflow. With no font file at all, a
conservative estimate is used.
"""

from __future__ import annotations

import bisect
import os
import struct
import sys
from functools import lru_cache
from pathlib import Path

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


def _tables(data: bytes) -> dict[str, int]:
    """Offsets of the sfnt tables (first font of a collection)."""
    base = struct.unpack(">I", data[12:16])[0] if data[:4] == b"ttcf" else 0
    num_tables = struct.unpack(">H", data[base + 4:base + 6])[0]
    tables = {}
    for i in range(num_tables):
        entry = base + 12 + 16 * i
        tables[data[entry:entry + 4].decode("latin-1")] = struct.unpack(">I", data[entry + 8:entry + 12])[0]
    return tables


def _covered(data: bytes, tables: dict[str, int]) -> list[tuple[int, int]]:
    """Code point ranges the font's Unicode cmap maps (format 12 when present, else 4)."""
    cmap = tables.get("cmap")
    if cmap is None:
        return []
    count = struct.unpack(">H", data[cmap + 2:cmap + 4])[0]
    subtables = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack(">HHI", data[cmap + 4 + 8 * i:cmap + 12 + 8 * i])
        fmt = struct.unpack(">H", data[cmap + offset:cmap + offset + 2])[0]
        if platform in (0, 3):
            subtables.setdefault(fmt, cmap + offset)
    if 12 in subtables:
        at = subtables[12]
        groups = struct.unpack(">I", data[at + 12:at + 16])[0]
        return [struct.unpack(">II", data[at + 16 + 12 * g:at + 24 + 12 * g]) for g in range(groups)]
    if 4 in subtables:
        at = subtables[4]
        segs = struct.unpack(">H", data[at + 6:at + 8])[0] // 2
        ends = struct.unpack(f">{segs}H", data[at + 14:at + 14 + 2 * segs])
        starts = struct.unpack(f">{segs}H", data[at + 16 + 2 * segs:at + 16 + 4 * segs])
        return [(a, b) for a, b in zip(starts, ends) if a != 0xFFFF]
    return []


def _line_height_em(data: bytes, tables: dict[str, int]) -> float:
    """max(hhea ascender+descender+lineGap, OS/2 winAscent+winDescent) / unitsPerEm."""
    upem = struct.unpack(">H", data[tables["head"] + 18:tables["head"] + 20])[0]
    hhea = tables["hhea"]
    asc, desc, gap = struct.unpack(">hhh", data[hhea + 4:hhea + 10])
    height = asc - desc + gap
    if "OS/2" in tables:
        os2 = tables["OS/2"]
        win_asc, win_desc = struct.unpack(">HH", data[os2 + 74:os2 + 78])
        height = max(height, win_asc + win_desc)
    return height / upem


def _has_glyph(ranges: list[tuple[int, int]], ch: str) -> bool:
    code = ord(ch)
    index = bisect.bisect_right(ranges, (code, 0x10FFFF)) - 1
    return index >= 0 and ranges[index][0] <= code <= ranges[index][1]


class FontMetrics:
    """Measures text in points for one font family and weight."""

    def __init__(self, family: str, bold: bool = False):
        self.family, self.bold = family, bold
        self.path = find_font(family, bold) or (find_font(family) if bold else None)
        self._widths: dict[str, float] = {}
        if self.path is not None:
            from PIL import ImageFont

            self._font = ImageFont.truetype(str(self.path), UNITS)
            data = self.path.read_bytes()
            tables = _tables(data)
            self._ranges = sorted(_covered(data, tables))
            self.line_em = max(MIN_LINE_EM, _line_height_em(data, tables))
        else:
            self._font = None
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
                if self._ranges and not _has_glyph(self._ranges, ch) and not ch.isspace():
                    width = max(width, UNITS * MISSING_EM)
                if self.bold and self.path == find_font(self.family):
                    width *= 1.08  # no bold file: regular glyphs widened by a typical bold factor
            self._widths[ch] = width
        return width

    def width(self, text: str, size_pt: float) -> float:
        return sum(self._char(ch) for ch in text) * size_pt / UNITS

    def line_height(self, size_pt: float, spacing: float = 1.0) -> float:
        return self.line_em * size_pt * spacing


@lru_cache(maxsize=32)
def metrics(family: str, bold: bool = False) -> FontMetrics:
    return FontMetrics(family, bold)
