"""Making text fit: wrap with real font metrics, pick a size, continue onto more slides.

Pure geometry in points; knows nothing of python-pptx. Wrapping breaks only at spaces (and
inside words longer than a line), which is never later than PowerPoint or LibreOffice break,
so a measured fit is a real fit. A safety factor on the width absorbs kerning and hinting.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..fontmetrics import FontMetrics, metrics
from ..formatting import ELLIPSIS

WIDTH_SAFETY = 0.96
LEVEL_STEP = 2  # each list level is this many points smaller
MIN_SIZE = 12


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    tone: str | None = None  # a colour role the renderer maps to a colour (shapes.TONES), e.g. "ny"


@dataclass(frozen=True)
class Para:
    """One paragraph of a text box: runs, list level, bullet, and how it paginates."""

    runs: tuple[Run, ...]
    level: int = 0
    bullet: bool = True
    heading: bool = False  # kept with the next paragraph; repeated on a continuation slide
    group: int | None = None  # paragraphs of one group share the heading with this id
    space_before: float = 6.0
    note: str | None = None  # speaker-note line, e.g. the item's källa

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def para(text: str, **kwargs) -> Para:
    return Para((Run(text, kwargs.pop("bold", False)),), **kwargs)


@dataclass(frozen=True)
class Indent:
    """Left margin of the text and hanging indent of the bullet, per level, in points."""

    bullet_left: tuple[float, ...] = (22.0, 50.0, 76.0)
    plain_left: tuple[float, ...] = (0.0, 28.0, 54.0)

    def left(self, p: Para) -> float:
        table = self.bullet_left if p.bullet else self.plain_left
        return table[min(p.level, len(table) - 1)]


@dataclass
class Fonts:
    family: str

    def get(self, bold: bool) -> FontMetrics:
        return metrics(self.family, bold)


def size_for(p: Para, base: float) -> float:
    return max(MIN_SIZE, base - LEVEL_STEP * p.level)


def wrap(runs: tuple[Run, ...], width: float, size: float, fonts: Fonts) -> list[list[Run]]:
    """Greedy line breaking at spaces; words wider than a line break between characters."""
    width *= WIDTH_SAFETY
    lines: list[list[Run]] = [[]]
    used = 0.0
    space_w = fonts.get(False).width(" ", size)

    def put(text: str, like: Run) -> None:
        line = lines[-1]
        if line and (line[-1].bold, line[-1].tone) == (like.bold, like.tone):
            line[-1] = replace(line[-1], text=line[-1].text + text)
        else:
            line.append(replace(like, text=text))

    for run in runs:
        font = fonts.get(run.bold)
        words = run.text.split(" ")
        for i, word in enumerate(words):
            lead = " " if i > 0 else ""
            if not word:
                if lead and lines[-1]:
                    put(" ", run)
                    used += space_w
                continue
            w = font.width(word, size)
            lead_w = space_w if lead and used > 0 else 0.0
            if used + lead_w + w <= width or (used == 0 and w <= width):
                if lead and used > 0:
                    put(" ", run)
                put(word, run)
                used += lead_w + w
                continue
            # Start a new line (unless this one is empty), then break the word if it is too wide.
            if used > 0:
                lines.append([])
                used = 0.0
            piece = ""
            for ch in word:
                cw = font.width(ch, size)
                if used + cw > width and piece:
                    put(piece, run)
                    lines.append([])
                    used, piece = 0.0, ""
                piece += ch
                used += cw
            if piece:
                put(piece, run)
    return lines


def para_lines(p: Para, width: float, base: float, fonts: Fonts, indent: Indent) -> list[list[Run]]:
    return wrap(p.runs, width - indent.left(p), size_for(p, base), fonts)


def para_height(p: Para, width: float, base: float, fonts: Fonts, indent: Indent, first: bool = False) -> float:
    size = size_for(p, base)
    lines = len(para_lines(p, width, base, fonts, indent))
    return (0.0 if first else p.space_before) + lines * fonts.get(False).line_height(size)


def total_height(paras: list[Para], width: float, base: float, fonts: Fonts, indent: Indent) -> float:
    return sum(para_height(p, width, base, fonts, indent, first=(i == 0)) for i, p in enumerate(paras))


@dataclass
class Box:
    width: float
    height: float


@dataclass
class Fit:
    size: float
    pages: list[list[Para]] = field(default_factory=list)


def _split_para(p: Para, box: Box, base: float, fonts: Fonts, indent: Indent) -> list[Para]:
    """A paragraph taller than a whole page is cut between lines into page-sized pieces."""
    lines = para_lines(p, box.width, base, fonts, indent)
    per_page = max(1, int(box.height // fonts.get(False).line_height(size_for(p, base))) - 1)
    pieces = []
    for start in range(0, len(lines), per_page):
        chunk = lines[start:start + per_page]
        runs: list[Run] = []
        for n, line in enumerate(chunk):
            for run in line:
                runs.append(run)
            if n < len(chunk) - 1:
                runs.append(Run(" ", False))
        pieces.append(replace(p, runs=tuple(runs), bullet=p.bullet if start == 0 else False))
    return pieces


def paginate(paras: list[Para], box: Box, base: float, fonts: Fonts, indent: Indent,
             continued: callable) -> list[list[Para]]:
    """Fill pages greedily; a heading never ends a page; a group's heading is repeated (continued())."""
    flat: list[Para] = []
    for p in paras:
        if para_height(p, box.width, base, fonts, indent, first=True) > box.height:
            flat += _split_para(p, box, base, fonts, indent)
        else:
            flat.append(p)
    headings = {p.group: p for p in flat if p.heading and p.group is not None}
    pages: list[list[Para]] = [[]]
    used = 0.0
    for i, p in enumerate(flat):
        h = para_height(p, box.width, base, fonts, indent, first=not pages[-1])
        need = h
        if p.heading and i + 1 < len(flat):
            need += para_height(flat[i + 1], box.width, base, fonts, indent)
        if pages[-1] and used + need > box.height:
            pages.append([])
            used = 0.0
            if not p.heading and p.group in headings:
                repeat = continued(headings[p.group])
                pages[-1].append(repeat)
                used += para_height(repeat, box.width, base, fonts, indent, first=True)
            h = para_height(p, box.width, base, fonts, indent, first=not pages[-1])
        pages[-1].append(p)
        used += h
    return [page for page in pages if page]


def fit_paragraphs(paras: list[Para], box: Box, fonts: Fonts, indent: Indent,
                   ladder: tuple[float, ...], page_size: float, continued: callable) -> Fit:
    """The largest size on the ladder that fits one slide; else pages at page_size."""
    for size in ladder:
        if total_height(paras, box.width, size, fonts, indent) <= box.height:
            return Fit(size, [list(paras)])
    return Fit(page_size, paginate(paras, box, page_size, fonts, indent, continued))


def fit_single(text: str, box: Box, fonts: Fonts, ladder: tuple[float, ...], bold: bool = False) -> tuple[float, str]:
    """A text that cannot continue (a title): shrink along the ladder, then shorten with '…'."""
    runs = (Run(text, bold),)
    for size in ladder:
        lines = wrap(runs, box.width, size, fonts)
        if len(lines) * fonts.get(bold).line_height(size) <= box.height:
            return size, text
    size = ladder[-1]
    height = fonts.get(bold).line_height(size)

    def fits(candidate: str) -> bool:
        return len(wrap((Run(candidate, bold),), box.width, size, fonts)) * height <= box.height

    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words).rstrip(" ,;:–-") + " " + ELLIPSIS
        if fits(candidate):
            return size, candidate
    # One giant word left: keep the longest prefix that fits.
    word, low, high = words[0], 0, len(words[0])
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if fits(word[:mid] + ELLIPSIS) else (low, mid - 1)
    return size, word[:low] + ELLIPSIS


def cell_lines(text: str, width: float, size: float, fonts: Fonts, bold: bool = False) -> int:
    return len(wrap((Run(text, bold),), width, size, fonts))
