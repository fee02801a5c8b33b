"""The deck's type scale: one size per kind of text, chosen once per deck from the template and
the content, before any slide is written.

Kinds (speaker notes are not on the slide and keep 12 pt):

- display: the titles of title and section slides;  subtitle: their second line(s);
- title: every other slide's title (wraps to two lines where the placeholder is tall enough);
- body: every text slide's text, every list level alike (the indent shows the level), and the
  timeline's milestones;
- table: table cells and the notes beside and above a table;
- chart: everything inside a chart (its title bold); source: the line under a chart or table;
- frame: the footer and the slide number.

How each is chosen (`choose`): the largest size on its ladder, from the template's own size
down to the floor, at which the content holds. For body and table text "holds" means: the deck
needs at most EXTRA_SLIDES more slides than at the floor (a bigger size that only costs a
continuation slide here and there is worth it; one that adds many is not). For titles it means:
every title fits its placeholder in at most two lines. Chart, source and frame text are the
floor, 14 pt: a chart's area is better spent on the plot, and three charts share a slide at it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Iterable

FLOOR = 14.0  # nothing on a slide is smaller (the review and the overflow check say so too)
BODY_FLOOR = 18.0
TITLE_FLOOR = 20.0
DISPLAY_FLOOR = 24.0
NOTES_SIZE = 12.0

BODY_SIZES = (28.0, 26.0, 24.0, 22.0, 20.0, 18.0)
BODY_CAP = 24.0  # a template's 32 pt body (python-pptx's default) is meant for five words a slide
TABLE_SIZES = (20.0, 18.0, 16.0, 14.0)
TITLE_SIZES = (40.0, 36.0, 32.0, 28.0, 26.0, 24.0, 22.0, 20.0)
TITLE_CAP = 32.0
DISPLAY_SIZES = (54.0, 48.0, 44.0, 40.0, 36.0, 32.0, 28.0, 24.0)
SUBTITLE_SIZES = (32.0, 28.0, 24.0, 22.0, 20.0, 18.0)
EXTRA_SLIDES = 0.05  # of the slides at the floor: what a larger body or table size may add


@dataclass(frozen=True)
class TypeScale:
    display: float = 40.0
    subtitle: float = 24.0
    title: float = 28.0
    body: float = 20.0
    table: float = 16.0
    chart: float = FLOOR
    source: float = FLOOR
    frame: float = FLOOR

    def describe(self) -> str:
        return ", ".join(f"{name} {getattr(self, name):g} pt" for name in
                         ("display", "subtitle", "title", "body", "table", "chart", "source", "frame"))


def ladder(sizes: Iterable[float], template: float | None, floor: float, cap: float | None = None) -> list[float]:
    """The candidate sizes, largest first: at most the template's size (and the cap), at least the floor."""
    top = min(template or max(sizes), cap or math.inf)
    found = [s for s in sizes if floor <= s <= top]
    return found or [floor]


def largest(candidates: list[float], holds: Callable[[float], bool]) -> float | None:
    """The first (largest) candidate for which `holds` is true, or None."""
    return next((size for size in candidates if holds(size)), None)


def by_slide_count(candidates: list[float], slides: Callable[[float], int]) -> float:
    """The largest size whose slide count is within EXTRA_SLIDES of the count at the smallest."""
    least = slides(candidates[-1])
    allowed = least + math.floor(least * EXTRA_SLIDES)
    return largest(candidates, lambda size: slides(size) <= allowed) or candidates[-1]
