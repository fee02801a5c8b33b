"""Making text fit: wrap with real font metrics, and continue onto more slides, balanced.

Pure geometry in points; knows nothing of python-pptx. Wrapping breaks only at spaces (and
inside words longer than a line), which is never later than PowerPoint or LibreOffice break,
so a measured fit is a real fit. A safety factor on the width absorbs kerning and hinting.
No-break spaces (typography.py puts them between a number and its unit) are part of a word.

The size is the deck's (scale.py chooses one per kind of text); what does not fit at it is
paginated: as few slides as it takes, breaking at the outermost group boundary the content
allows (a målsättning, "nämndens egna" / "gemensamma", then a list), then as evenly filled as
possible (`balanced_breaks`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..fontmetrics import FontMetrics, metrics
from ..formatting import ELLIPSIS

WIDTH_SAFETY = 0.96
LEVEL_STEP = 0  # every list level has the deck's one body size; the indent shows the level
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
    # The groups the paragraph belongs to, outermost first (e.g. "gemensamma", then its målsättning);
    # empty: just `group`. A page break between two paragraphs is worse the more groups they share.
    groups: tuple[int, ...] = ()

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
    """Greedy line breaking at spaces; words wider than a line break between characters.

    Each line is a list of runs: neighbouring pieces of the same bold and tone become one run.
    (The pieces are gathered as strings and turned into runs once per line: this is the deck's
    hottest loop, measured at every size the type scale tries.)
    """
    width *= WIDTH_SAFETY
    lines: list[list[list]] = [[]]  # per line: [pieces, run it is like]
    used = 0.0
    space_w = fonts.get(False).width(" ", size)

    def put(text: str, like: Run) -> None:
        line = lines[-1]
        if line and line[-1][1].bold == like.bold and line[-1][1].tone == like.tone:
            line[-1][0].append(text)
        else:
            line.append([[text], like])

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
    return [[Run("".join(pieces), like.bold, like.tone) for pieces, like in line] for line in lines]


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


# Break weights: pages first, then where the breaks fall, then balance (each page's fill, squared).
PAGE_WEIGHT = 1_000_000.0
BREAK_WEIGHTS = (0.0, 1_000.0, 10_000.0, 50_000.0)  # by the number of groups shared across the break
SPLIT_WEIGHT = 200_000.0  # inside a paragraph that is taller than a page


def balanced_breaks(heights: list[float], capacity: float, cost_before: list[float],
                    extra_at: list[float] | None = None, first_gap: list[float] | None = None) -> list[int]:
    """Where pages start (indices into `heights`, the first is 0) for the fewest pages, the
    cheapest breaks, then the most even fill.

    `cost_before[i]`: the cost of starting a page at item i (inf: never, e.g. after a heading);
    `extra_at[i]`: height added when a page starts at i (a repeated heading); `first_gap[i]`: the
    space item i loses when it opens a page. An item that does not fit a page alone gets one.
    """
    n = len(heights)
    if n == 0:
        return [0]
    extra_at = extra_at or [0.0] * n
    first_gap = first_gap or [0.0] * n
    prefix = [0.0]
    for h in heights:
        prefix.append(prefix[-1] + h)
    best = [0.0] * (n + 1)
    choice = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        best[i] = float("inf")
        for j in range(i + 1, n + 1):
            used = prefix[j] - prefix[i] + extra_at[i] - first_gap[i]
            if used > capacity and j > i + 1:
                break
            if j < n and cost_before[j] == float("inf"):
                continue
            fill = min(used / capacity, 1.0) if capacity > 0 else 1.0
            cost = PAGE_WEIGHT + (cost_before[j] if j < n else 0.0) + (1.0 - fill) ** 2 * 100.0 + best[j]
            if cost < best[i]:
                best[i], choice[i] = cost, j
        if best[i] == float("inf"):  # only breaks after headings ahead: take the next item alone
            best[i], choice[i] = PAGE_WEIGHT + best[i + 1], i + 1
    starts, i = [], 0
    while i < n:
        starts.append(i)
        i = choice[i]
    return starts


def _path(p: Para) -> tuple:
    return p.groups or ((p.group,) if p.group is not None else ())


def break_cost(before: Para, after: Para, split: bool = False) -> float:
    """What a page break between two paragraphs costs (see BREAK_WEIGHTS)."""
    if before.heading:
        return float("inf")
    if split:
        return SPLIT_WEIGHT
    a, b = _path(before), _path(after)
    shared = 0
    while shared < min(len(a), len(b)) and a[shared] == b[shared]:
        shared += 1
    return BREAK_WEIGHTS[min(shared, len(BREAK_WEIGHTS) - 1)]


def paginate(paras: list[Para], box: Box, base: float, fonts: Fonts, indent: Indent,
             continued: callable) -> list[list[Para]]:
    """Pages of paragraphs at one size: the fewest, broken at group boundaries, evenly filled;
    a heading never ends a page; a group's heading is repeated (continued()) where it goes on."""
    flat: list[Para] = []
    split: list[bool] = []  # a piece that continues the paragraph before it
    for p in paras:
        if para_height(p, box.width, base, fonts, indent, first=True) > box.height:
            pieces = _split_para(p, box, base, fonts, indent)
            flat += pieces
            split += [False] + [True] * (len(pieces) - 1)
        else:
            flat.append(p)
            split.append(False)
    headings = {p.group: i for i, p in enumerate(flat) if p.heading and p.group is not None}
    heights = [para_height(p, box.width, base, fonts, indent) for p in flat]
    first_gap = [p.space_before for p in flat]
    repeats: list[Para | None] = []
    for i, p in enumerate(flat):
        at = headings.get(p.group) if not p.heading else None
        repeats.append(continued(flat[at]) if at is not None and at < i else None)
    extra = [para_height(r, box.width, base, fonts, indent, first=True) + flat[i].space_before if r else 0.0
             for i, r in enumerate(repeats)]
    costs = [0.0] + [break_cost(flat[i - 1], flat[i], split[i]) for i in range(1, len(flat))]
    starts = balanced_breaks(heights, box.height, costs, extra, first_gap)
    pages = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(flat)
        page = flat[start:end]
        if k > 0 and repeats[start] is not None:
            page = [repeats[start]] + page
        pages.append(page)
    return pages


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


TITLE_SHRINK_TO = 14.0  # a single title that does not fit at the deck's title size shrinks this far first


def wrap_title(text: str, width: float, size: float, fonts: Fonts) -> list[list[Run]]:
    return wrap((Run(text, True),), width, size, fonts)


def title_fits(text: str, box: Box, fonts: Fonts, size: float, lines: int = 2) -> bool:
    """Whether a (bold) title fits its box at `size` in at most `lines` lines."""
    wrapped = len(wrap((Run(text, True),), box.width, size, fonts))
    return wrapped <= lines and wrapped * fonts.get(True).line_height(size) <= box.height


def fit_title(text: str, box: Box, fonts: Fonts, size: float, lines: int = 2, cut: bool = True,
              floor: float = TITLE_SHRINK_TO) -> tuple[float | None, str]:
    """A title at the deck's `size`; one that does not fit wraps (up to `lines`), then shrinks on
    its own down to `floor`, and only then is shortened with '…' (never when `cut` is false: then
    the size is None)."""
    sizes = [size] + [s for s in (36.0, 32.0, 28.0, 24.0, 22.0, 20.0, 18.0, 16.0, TITLE_SHRINK_TO) if floor <= s < size]
    for candidate in sizes:
        if title_fits(text, box, fonts, candidate, lines):
            return candidate, text
    if not cut:
        return None, text
    height = min(box.height, fonts.get(True).line_height(sizes[-1]) * lines)  # never more lines when cut
    return fit_single(text, Box(box.width, height), fonts, (sizes[-1],), bold=True)
