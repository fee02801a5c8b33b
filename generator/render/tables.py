"""Table slides: rows at the deck's table size, continued on "(forts.)" slides with the header
row repeated and the rows shared evenly, in the theme's colours.

The look is written into every cell (fill, rules, text colour) from the palette (theme.py): a
header row in the accent colour with text that has 4.5:1 on it, banded rows in a tint of it, a
total row in a stronger tint under a rule. The table carries PowerPoint's "No Style, No Grid"
style id, so no built-in style (python-pptx's default is "Medium Style 2 – Accent 1", the blue
the board saw) adds borders or colours of its own; the header row is still marked as one.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu

from ..ooxml import a, emu, pt, set_alt_text
from .fit import WIDTH_SAFETY, Box, Para, Run, balanced_breaks, para, total_height, wrap
from .scale import FLOOR
from .shapes import fill_text, marker_size
from .specs import TableSpec, TextSpec
from .template import Rect

NO_STYLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # PowerPoint's "No Style, No Grid"
CELL_MARGIN = (6.0, 3.0)  # pt: left and right, top and bottom insets of a cell
CELL_PAD = 2 * CELL_MARGIN[0] + 2.0  # with a little air
ROW_PAD = 2 * CELL_MARGIN[1] + 1.0
TOTAL_RULE = 19050  # EMU: 1,5 pt


@dataclass
class TablePlan:
    """How a table spec goes onto slides at one size."""

    size: float
    strip: float  # pt above the table: the example-data badge's, when the table reaches under it
    width: int  # EMU
    side_w: int
    gap: int
    intro_h: float  # pt, 0 when the intro goes to a following text slide
    foot_h: float
    side_size: float | None
    asides: list[Para]
    pages: list[list[tuple[str, ...]]]


def table_area(writer, layout) -> Rect:
    """Where a table goes on a slide of `layout`: its table (or body) placeholder, else the content area."""
    s = writer.structure(layout)
    ph = (s["tbl"] or s["body"] or [None])[0]
    if ph is None:
        return writer.content_rect()
    return writer.on_slide(Rect(ph.left, ph.top, ph.width, ph.height), layout)


def _column_needs(writer, spec: TableSpec, size: float) -> tuple[list[float], list[float]]:
    """Per column: the width (pt) of its longest word (any cell, the header too), and of its
    longest body cell on one line (the header may wrap: it is one row, the body many)."""
    fonts = writer.body_fonts
    body = [(r, False) for r in spec.rows] + ([(spec.total, True)] if spec.total else [])
    least, most = [], []
    for c in range(len(spec.columns)):
        cells = [(spec.columns[c], True)] + [(row[c], bold) for row, bold in body]
        word = max(fonts.get(b).width(w, size) for t, b in cells for w in t.split() or [""])
        least.append(word / WIDTH_SAFETY + CELL_PAD + 1)
        line = max((fonts.get(b).width(row[c], size) for row, b in body), default=0.0)
        most.append(max(least[-1], line / WIDTH_SAFETY + CELL_PAD + 1))
    return least, most


def col_widths(writer, spec: TableSpec, width: float, size: float) -> list[float]:
    """Column widths (pt) from the content, the way browsers lay out tables: every column gets at
    least its longest word, then what its body cells need on one line, then a fair share of the rest."""
    least, most = _column_needs(writer, spec, size)
    if sum(most) <= width:
        spare = width - sum(most)
        return [m + spare * m / sum(most) for m in most]
    if sum(least) >= width:
        return [width * m / sum(least) for m in least]
    spare = width - sum(least)
    wish = [m - n for m, n in zip(most, least)]
    return [n + spare * w / sum(wish) for n, w in zip(least, wish)]


def table_width(writer, spec: TableSpec, available: float, size: float) -> float:
    """As wide as the table's body on one line per cell (with some air), at most `available` (pt)."""
    least, most = _column_needs(writer, spec, size)
    header = sum(writer.body_fonts.get(True).width(h, size) / WIDTH_SAFETY + CELL_PAD for h in spec.columns)
    return min(available, max(sum(most), min(header, sum(most) * 1.6)) * 1.1)


def row_height(writer, cells: tuple[str, ...], widths: list[float], size: float, bold: bool) -> float:
    fonts = writer.body_fonts
    lines = max(len(wrap((Run(text, bold),), w - CELL_PAD, size, fonts)) for text, w in zip(cells, widths))
    return lines * fonts.get(bold).line_height(size) + ROW_PAD


def plan_table(writer, spec: TableSpec, layout, size: float) -> TablePlan:
    """Rows per slide at `size` (the deck's table size): as few slides as it takes, evenly filled."""
    scale = writer.scale
    area = table_area(writer, layout)
    side_w = int(area.width * 0.33) if spec.side else 0
    gap = emu(14) if spec.side else 0
    # A table of short cells is not stretched over the whole slide.
    table_w = emu(table_width(writer, spec, pt(area.width - side_w - gap), size))
    # The example-data badge sits at the top right: the table goes under it only if it reaches there.
    badge = marker_size(spec.marker, writer.body_fonts, FLOOR)[0] + 12 if spec.marker else 0.0
    strip = writer.marker_strip(spec.marker) if pt(table_w) + badge > pt(area.width) else 0.0
    rect = Rect(area.left, area.top + emu(strip), area.width, area.height - emu(strip))
    asides: list[Para] = []
    intro_h = foot_h = 0.0
    if spec.intro:
        intro = [para(spec.intro, bold=True, bullet=False, space_before=0)]
        intro_h = total_height(intro, pt(table_w) - 14.4, size, writer.body_fonts, writer.indent) + 7.2 + 4
        if intro_h > pt(rect.height) / 4:
            asides += intro
            intro_h = 0.0
    if spec.footnote:
        foot = [para(spec.footnote, bullet=False, space_before=0)]
        foot_h = total_height(foot, pt(table_w) - 14.4, scale.source, writer.body_fonts, writer.indent) + 7.2 + 4
        if foot_h > pt(rect.height) / 4:
            asides += foot
            foot_h = 0.0
    side_size = None
    if spec.side:
        side_box = Box(pt(side_w) - 14.4, pt(area.height) - writer.marker_strip(spec.marker) - 7.2)
        side = [para(spec.side, bullet=False, space_before=0)]
        if total_height(side, side_box.width, size, writer.body_fonts, writer.indent) <= side_box.height:
            side_size = size
        else:
            asides += side
    widths = col_widths(writer, spec, pt(table_w), size)
    head = row_height(writer, spec.columns, widths, size, True)
    avail = pt(rect.height) - intro_h - foot_h - head
    rows = list(spec.rows)
    heights = [row_height(writer, r, widths, size, False) for r in rows]
    costs = [0.0] * len(rows)
    if spec.total:
        heights.append(row_height(writer, spec.total, widths, size, True))
        costs.append(float("inf"))  # the total row stays with the last row
    starts = balanced_breaks(heights, avail, costs)
    pages = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(rows)
        pages.append(rows[start:min(end, len(rows))])
    return TablePlan(size, strip, table_w, side_w, gap, intro_h, foot_h, side_size, asides, pages)


def table_slides(writer, spec: TableSpec, layout, plan: TablePlan) -> None:
    scale, area = writer.scale, table_area(writer, layout)
    side = writer.below_marker(area, spec.marker)
    for n, rows in enumerate(plan.pages):
        slide = writer.new_slide(layout, writer.page_title(spec, n), [], spec.role)
        rect = Rect(area.left, area.top + emu(plan.strip), area.width, area.height - emu(plan.strip))
        y = rect.top
        if plan.intro_h:
            writer.textbox(slide.shapes, Rect(rect.left, y, plan.width, emu(plan.intro_h)),
                           [para(spec.intro, bold=True, bullet=False, space_before=0)], plan.size, "Anmärkning")
            y += emu(plan.intro_h)
        last = n == len(plan.pages) - 1
        heights = draw_table(writer, slide, spec, rows, Rect(rect.left, y, plan.width, 0), plan.size, last)
        y += sum(heights)
        if plan.foot_h and last:
            writer.textbox(slide.shapes, Rect(rect.left, y + emu(4), plan.width, emu(plan.foot_h)),
                           [para(spec.footnote, bullet=False, space_before=0)], scale.source, "Fotnot")
        if spec.side and plan.side_size:
            writer.textbox(slide.shapes, Rect(side.left + plan.width + plan.gap, side.top, plan.side_w, side.height),
                           [para(spec.side, bullet=False, space_before=0)], plan.side_size, "Kommentar")
        writer.finish_slide(slide, layout, spec.marker, area)
    if plan.asides:
        title = writer.t("forts", rubrik=spec.title, nummer=len(plan.pages))
        writer.add(TextSpec(title, plan.asides), None)


def draw_table(writer, slide, spec: TableSpec, rows: list, at: Rect, size: float, last: bool) -> list[int]:
    all_rows = [spec.columns] + rows + ([spec.total] if last and spec.total else [])
    has_total = bool(last and spec.total)
    widths = col_widths(writer, spec, pt(at.width), size)
    heights = [emu(row_height(writer, r, widths, size, i == 0 or (has_total and i == len(all_rows) - 1)))
               for i, r in enumerate(all_rows)]
    frame = slide.shapes.add_table(len(all_rows), len(spec.columns), at.left, at.top, at.width, sum(heights))
    frame.name = "Tabell"
    table = frame.table
    table.first_row = True
    table.last_row = has_total
    table.horz_banding = True
    tbl_pr = frame._element.find(f".//{a('tblPr')}")
    style_id = tbl_pr.find(a("tableStyleId"))
    if style_id is None:
        style_id = etree.SubElement(tbl_pr, a("tableStyleId"))
    style_id.text = NO_STYLE
    for c, w in enumerate(widths):
        table.columns[c].width = Emu(emu(w))
    palette = writer.palette
    for r, cells in enumerate(all_rows):
        header, total = r == 0, has_total and r == len(all_rows) - 1
        # A row is as high as one line: it grows to its text when shown, in PowerPoint and LibreOffice
        # alike, so no row stands half empty where our (cautious) measure wrapped and the renderer
        # did not. The frame keeps the measured height: the table never grows past it.
        table.rows[r].height = Emu(emu(writer.body_fonts.get(header or total).line_height(size) + ROW_PAD))
        fill = (palette.accent if header else palette.total if total
                else palette.band if r % 2 == 0 else palette.background)
        text = palette.on_accent if header else palette.text
        for c, value in enumerate(cells):
            cell = table.cell(r, c)
            fill_text(cell.text_frame, [para(value, bold=header or total, bullet=False, space_before=0)], size,
                      writer.indent, writer.body_font, colour=text)
            if spec.numeric and spec.numeric[c]:  # the header too: it stands over its numbers
                cell.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
            _cell_look(cell, fill, palette.accent if total else None)
    frame.width = sum(table.columns[c].width for c in range(len(spec.columns)))
    frame.height = sum(heights)  # the measured height: what the rows may grow to
    set_alt_text(frame._element, f"Tabell: {spec.title}")
    return heights


def _cell_look(cell, fill, rule_above) -> None:
    """Explicit borders (none, or a rule above the total row) and fill, in tcPr's schema order."""
    tc_pr = cell._tc.get_or_add_tcPr()
    for child in list(tc_pr):
        tc_pr.remove(child)
    for side, margin in (("marL", CELL_MARGIN[0]), ("marR", CELL_MARGIN[0]), ("marT", CELL_MARGIN[1]),
                         ("marB", CELL_MARGIN[1])):
        tc_pr.set(side, str(emu(margin)))
    for side in ("lnL", "lnR", "lnT", "lnB"):
        line = etree.SubElement(tc_pr, a(side), w=str(TOTAL_RULE if side == "lnT" and rule_above else 0))
        if side == "lnT" and rule_above is not None:
            line.append(rule_above.solid_fill())
        else:
            etree.SubElement(line, a("noFill"))
    tc_pr.append(fill.solid_fill())
