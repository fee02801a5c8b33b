"""The tidplan as a drawn timeline: a line in the accent colour, a dot and a date per milestone,
the milestone's text under it. The timeline is one picture: all milestones on one slide at the
deck's body size, else at its table or chart size (a diagram's text, like a chart's), and only
then split over as few slides as it takes (four, three, two, one a slide; each count at the body
size first, then at the diagram sizes). No word is ever broken inside a column."""

from __future__ import annotations

from dataclasses import dataclass

from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE

from ..ooxml import emu, pt, set_alt_text
from .fit import Box, Para, Run, fit_single, para, total_height, wrap
from .shapes import plain_mark
from .specs import TimelineSpec
from .template import Rect
from .theme import colour_runs, fill_shape, line_shape

GAP = 26.0  # pt between the date row and the milestone texts (the axis sits in it)
DOT = 16  # pt


@dataclass
class TimelinePlan:
    per: int  # milestones per slide
    size: float
    date_size: float
    texts: list[list[Para]]
    need: float  # pt, the height of the tallest milestone text box

    @property
    def pages(self) -> int:
        return -(-len(self.texts) // self.per)


def milestone_paras(item) -> list[Para]:
    out = [para(item.heading, bold=True, bullet=False, space_before=0)]
    if item.text:
        out.append(para(item.text, bullet=False, space_before=4))
    return out


def _fits(writer, items, texts, per: int, size: float) -> float | None:
    """The height (pt) the milestone texts need with `per` columns at `size`, None if they do not fit."""
    rect = writer.content_rect()
    fonts = writer.body_fonts
    box_h = pt(rect.height) - (fonts.get(True).line_height(size) + 7.2) - GAP - 7.2
    width = pt(rect.width // per - emu(8)) - 14.4
    if any(len(wrap((Run(item.date, True),), width, size, fonts)) > 1 for item in items):
        return None
    words = [w for t in texts for p in t for run in p.runs for w in run.text.split()]
    if any(fonts.get(True).width(w, size) > width * 0.96 for w in words):
        return None
    heights = [total_height(t, width, size, fonts, writer.indent) for t in texts]
    return max(heights) + 7.2 if max(heights) <= box_h else None


def plan_timeline(writer, spec: TimelineSpec, size: float, *smaller: float) -> TimelinePlan:
    """Milestones per slide: all at the body size `size`, else all at one of the `smaller` sizes
    (the table and chart sizes), else the most that fit side by side (four, three, two), each count
    first at `size` and then at the smaller sizes: as few slides as it takes."""
    rect = writer.content_rect()
    items = spec.milestones
    texts = [milestone_paras(item) for item in items]
    fonts = writer.body_fonts
    every = min(len(items), 6)
    # Fewer slides before larger text; then the milestones spread evenly (3 + 2, not 4 + 1).
    counts = [n for n in dict.fromkeys((every, 4, 3, 2, 1)) if 1 <= n <= len(items)]
    tries = sorted(((-(-len(items) // n), at, n) for n in counts for at in ((size, *smaller) if n > 1 else (size,))),
                   key=lambda t: (t[0], -t[1], -t[2]))  # fewest slides, then largest size, then most per slide
    for pages, at, per in tries:
        need = _fits(writer, items, texts, per, at)
        if need is not None:
            even = -(-len(items) // pages)
            return TimelinePlan(even, at, at, texts, _fits(writer, items, texts, even, at) or need)
    date_h = fonts.get(True).line_height(size) + 7.2
    box_h = pt(rect.height) - date_h - GAP - 7.2
    # Absurd content: one per slide, each text shortened to fit (the full text is in the alt text).
    width = pt(rect.width - emu(8)) - 14.4
    short = []
    for t in texts:
        _, shown = fit_single(" ".join(p.text for p in t), Box(width, box_h), fonts, (size,))
        short.append([para(shown, bullet=False, space_before=0)])
    return TimelinePlan(1, size, size, short, box_h + 7.2)


def timeline_slides(writer, spec: TimelineSpec, layout, plan: TimelinePlan) -> None:
    rect = writer.content_rect()
    items = spec.milestones
    accent = writer.palette.accent
    col_w = rect.width // plan.per
    date_h = writer.body_fonts.get(True).line_height(plan.date_size) + 7.2
    block = date_h + GAP + plan.need
    top = rect.top + int(max(0, rect.height - emu(block)) * 0.4)
    line_y = top + emu(date_h + GAP / 2)
    box_top = top + emu(date_h + GAP)
    dot = emu(DOT)
    for n in range(plan.pages):
        slide = writer.new_slide(layout, writer.page_title(spec, n), [], "rubrik")
        group = slide.shapes.add_group_shape()
        group.name = "Tidslinje"
        line = group.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, rect.left, line_y, rect.left + rect.width, line_y)
        line_shape(line, accent, emu(3))
        line.name = "Tidslinjens axel"
        plain_mark(line)
        for i in range(n * plan.per, min(len(items), (n + 1) * plan.per)):
            item, x = items[i], rect.left + (i - n * plan.per) * col_w
            date = writer.textbox(group.shapes, Rect(x, top, col_w, emu(date_h)),
                                  [para(item.date, bold=True, bullet=False, space_before=0)],
                                  plan.date_size, f"Datum {i + 1}")
            colour_runs(date, accent)
            marker = group.shapes.add_shape(MSO_SHAPE.OVAL, x + emu(10), line_y - dot // 2, dot, dot)
            fill_shape(marker, accent)
            marker.line.fill.background()
            marker.name = f"Milstolpe {i + 1}"
            plain_mark(marker)
            writer.textbox(group.shapes, Rect(x, box_top, col_w - emu(8), emu(plan.need)), plan.texts[i], plan.size,
                           f"Milstolpe {i + 1}: {item.date}")
        set_alt_text(group._element, spec.alt if plan.pages == 1 else f"{spec.alt} (del {n + 1} av {plan.pages})")
        writer.finish_slide(slide, layout, None)

