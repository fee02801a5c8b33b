"""The board deck: slide specs fitted to the template's layouts and written with python-pptx.

Every text is measured with the template's fonts before it is placed; what does not fit
continues on "(forts.)" slides. Every run is tagged sv-SE, every slide has a unique title,
speaker notes carry each item's källa. template.py opens the template and measures its
placeholders, shapes.py writes text and marks, charts.py draws the styrtal charts.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import replace
from pathlib import Path

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu

from ..ooxml import LANG, emu, pt, set_alt_text
from ..outputs import deck_name
from ..problems import LayoutError
from ..sanitize import property_text
from .charts import render_chart_slides
from .fit import Box, Fonts, Indent, Para, Run, fit_paragraphs, fit_single, para, total_height, wrap
from .sections import SECTIONS, Context
from .shapes import add_marker, add_textbox, color_runs, drop_empty_placeholders, fill_text, plain_mark
from .specs import ChartSpec, SectionSpec, Spec, TableSpec, TextSpec, TimelineSpec, TitleSpec
from .template import (Rect, choose_layout, effective_font, inner_box, layout_pins, open_template, pin_placeholders,
                       structure, theme_fonts)

BODY_LADDER = (24, 22, 20, 18, 16, 15, 14)
BODY_PAGE_SIZE = 16
TABLE_LADDER = (20, 18, 16, 14, 12)
TABLE_PAGE_SIZE = 14
TITLE_LADDERS = {"titel": (40, 36, 32, 28), "avsnitt": (40, 36, 32, 28)}
TITLE_LADDER = (28, 24, 20)
SUBTITLE_LADDER = (24, 20, 18, 16)
ACCENT = "2F5597"


class DeckWriter:
    """Adds fitted slides to one presentation."""

    def __init__(self, template: Path, layout_names: dict[str, str], texts, plan):
        self.prs = open_template(template)
        self.template = template
        self.layout_names = layout_names
        self.t = texts
        self.plan = plan
        self.indent = Indent()
        self.titles: set[str] = set()
        self.first_title: str | None = None
        self._layout_cache: dict[tuple, object] = {}
        self._pins: dict[int, list] = {}
        theme = theme_fonts(self.prs)
        shape = structure(self.layout("innehåll"))
        master = self.prs.slide_master
        self.title_font = effective_font(shape["title"][0], master, theme)
        self.body_font = effective_font(shape["body"][0], master, theme)
        self.title_fonts, self.body_fonts = Fonts(self.title_font), Fonts(self.body_font)

    # -- layouts

    def layout(self, role: str, name: str | None = None):
        key = (role, name)
        if key not in self._layout_cache:
            wanted = name or self.layout_names.get(role)
            self._layout_cache[key] = choose_layout(self.prs, self.template, role, wanted, named=bool(name))
        return self._layout_cache[key]

    def content_rect(self) -> Rect:
        """Where drawn content (tables, timeline) goes: the content layout's body, else margins."""
        try:
            body = structure(self.layout("innehåll"))["body"][0]
            return Rect(body.left, body.top, body.width, body.height)
        except LayoutError:
            w, h = self.prs.slide_width, self.prs.slide_height
            return Rect(int(w * 0.05), int(h * 0.22), int(w * 0.9), int(h * 0.7))

    # -- slides

    def _unique(self, title: str) -> str:
        candidate, n = title, 2
        while candidate in self.titles:
            candidate = f"{title} ({n})"
            n += 1
        self.titles.add(candidate)
        self.first_title = self.first_title or candidate
        return candidate

    def new_slide(self, layout, title: str, notes: list[str], role: str):
        slide = self.prs.slides.add_slide(layout)
        key = id(layout.part)
        if key not in self._pins:
            self._pins[key] = layout_pins(layout)
        pin_placeholders(slide, self._pins[key])
        title = self._unique(title)
        ph = next(iter(structure(slide)["title"]), None)
        if ph is None:
            raise LayoutError(f"bildlayouten '{layout.name}' i {self.template} saknar rubrikplatshållare")
        box = inner_box(ph)
        size, shown = fit_single(title, box, self.title_fonts, TITLE_LADDERS.get(role, TITLE_LADDER), bold=True)
        fill_text(ph.text_frame, [para(shown, bullet=False, space_before=0)], size, self.indent, self.title_font,
              keep_style=True)
        if shown != title:
            notes = [title] + notes
        if notes:
            fill_text(slide.notes_slide.notes_text_frame, [para(n, bullet=False, space_before=0) for n in notes], 12,
                  self.indent, self.body_font, keep_style=True)
        return slide

    def add(self, spec: Spec, layout_name: str | None) -> None:
        layout = self.layout(spec.role, layout_name)
        if isinstance(spec, TitleSpec):
            self._title(spec, layout)
        elif isinstance(spec, SectionSpec):
            self._section(spec, layout)
        elif isinstance(spec, TextSpec):
            self._text(spec, layout)
        elif isinstance(spec, TableSpec):
            self._table(spec, layout)
        elif isinstance(spec, TimelineSpec):
            self._timeline(spec, layout)
        elif isinstance(spec, ChartSpec):
            render_chart_slides(self, spec, layout)

    def _title(self, spec: TitleSpec, layout) -> None:
        slide = self.new_slide(layout, spec.title, [], "titel")
        sub = structure(slide)["sub"] or structure(slide)["body"]
        paras = [para(line, bullet=False, space_before=0) for line in spec.subtitle]
        self._fill_fitted(sub[0], paras, SUBTITLE_LADDER)
        drop_empty_placeholders(slide)

    def _section(self, spec: SectionSpec, layout) -> None:
        slide = self.new_slide(layout, spec.title, [], "avsnitt")
        if spec.text:
            body = structure(slide)["body"]
            if body:
                self._fill_fitted(body[0], [para(spec.text, bullet=False, space_before=0)], SUBTITLE_LADDER)
        drop_empty_placeholders(slide)

    def _fill_fitted(self, ph, paras: list[Para], ladder) -> None:
        """A text that cannot continue onto another slide: the ladder, then shortening."""
        box = inner_box(ph)
        fit = fit_paragraphs(paras, box, self.body_fonts, self.indent, ladder, ladder[-1], self._continued)
        if len(fit.pages) > 1:
            size, shown = fit_single(" – ".join(p.text for p in paras), box, self.body_fonts, (ladder[-1],))
            fit.pages = [[para(shown, bullet=False, space_before=0)]]
        fill_text(ph.text_frame, fit.pages[0], fit.size, self.indent, self.body_font)

    def _continued(self, heading: Para) -> Para:
        text = self.t("forts", rubrik=heading.text.rstrip(":"), nummer=1)
        return replace(heading, runs=(Run(text, heading.runs[0].bold),), space_before=0)

    def _text(self, spec: TextSpec, layout) -> None:
        if not spec.paras:
            return
        body_ph = structure(layout)["body"][0]
        box = inner_box(body_ph)
        if spec.marker:
            box = Box(box.width, box.height)  # the marker sits in the footer area, outside the body
        fit = fit_paragraphs(spec.paras, box, self.body_fonts, self.indent, BODY_LADDER, BODY_PAGE_SIZE, self._continued)
        for n, page in enumerate(fit.pages):
            title = spec.title if n == 0 else self.t("forts", rubrik=spec.continued or spec.title, nummer=n)
            notes = [p.note for p in page if p.note]
            slide = self.new_slide(layout, title, notes, spec.role)
            body = structure(slide)["body"][0]
            page = [replace(page[0], space_before=0)] + page[1:]
            fill_text(body.text_frame, page, fit.size, self.indent, self.body_font)
            if spec.marker:
                self.marker(slide, spec.marker)
            drop_empty_placeholders(slide)

    # -- tables

    def _table(self, spec: TableSpec, layout) -> None:
        rect = self._table_rect(layout)
        side_w = int(rect.width * 0.33) if spec.side else 0
        gap = emu(14) if spec.side else 0
        # A narrow table (two columns) is not stretched over the whole slide.
        table_w = min(rect.width - side_w - gap, emu(190) * len(spec.columns) + emu(150))
        asides: list[Para] = []
        intro_h = 0.0
        top = rect.top
        if spec.intro:
            intro = [para(spec.intro, bold=True, bullet=False, space_before=0)]
            size = 16
            intro_h = total_height(intro, pt(table_w) - 14.4, size, self.body_fonts, self.indent) + 7.2
            if intro_h > pt(rect.height) / 4:
                asides += intro
                intro_h = 0.0
        foot_h = 0.0
        if spec.footnote:
            foot = [para(spec.footnote, bullet=False, space_before=0)]
            foot_h = total_height(foot, pt(table_w) - 14.4, 12, self.body_fonts, self.indent) + 7.2
            if foot_h > pt(rect.height) / 4:
                asides += foot
                foot_h = 0.0
        side_box = Box(pt(side_w) - 14.4, pt(rect.height) - 7.2)
        side_size = None
        if spec.side:
            side = [para(spec.side, bullet=False, space_before=0)]
            for size in (16, 14, 12):
                if total_height(side, side_box.width, size, self.body_fonts, self.indent) <= side_box.height:
                    side_size = size
                    break
            if side_size is None:
                asides += side
        avail = pt(rect.height) - intro_h - foot_h
        size, pages = self._paginate_rows(spec, pt(table_w), avail)
        for n, rows in enumerate(pages):
            title = spec.title if n == 0 else self.t("forts", rubrik=spec.title, nummer=n)
            slide = self.new_slide(layout, title, [], spec.role)
            y = top
            if intro_h:
                self.textbox(slide.shapes, Rect(rect.left, y, table_w, emu(intro_h)),
                              [para(spec.intro, bold=True, bullet=False, space_before=0)], 16, "Anmärkning")
                y += emu(intro_h)
            last = n == len(pages) - 1
            heights = self._draw_table(slide, spec, rows, Rect(rect.left, y, table_w, 0), size, last)
            y += sum(heights)
            if foot_h and last:
                self.textbox(slide.shapes, Rect(rect.left, y + emu(4), table_w, emu(foot_h)),
                              [para(spec.footnote, bullet=False, space_before=0)], 12, "Fotnot")
            if spec.side and side_size:
                self.textbox(slide.shapes, Rect(rect.left + table_w + gap, rect.top, side_w, rect.height),
                              [para(spec.side, bullet=False, space_before=0)], side_size, "Kommentar")
            if spec.marker:
                self.marker(slide, spec.marker)
            drop_empty_placeholders(slide)
        if asides:
            self._text(TextSpec(self.t("forts", rubrik=spec.title, nummer=len(pages)), asides), self.layout("innehåll"))

    def _table_rect(self, layout) -> Rect:
        s = structure(layout)
        ph = (s["tbl"] or s["body"] or [None])[0]
        return Rect(ph.left, ph.top, ph.width, ph.height) if ph is not None else self.content_rect()

    def _col_widths(self, spec: TableSpec, width: float) -> list[float]:
        weights = spec.widths or (1.0,) * len(spec.columns)
        total = sum(weights)
        return [width * w / total for w in weights]

    def _row_height(self, cells: tuple[str, ...], widths: list[float], size: float, bold: bool) -> float:
        fonts = self.body_fonts
        lines = max(len(wrap((Run(text, bold),), w - 14.4, size, fonts)) for text, w in zip(cells, widths))
        return lines * fonts.get(bold).line_height(size) + 7.2 + 2.0

    def _paginate_rows(self, spec: TableSpec, width: float, avail: float) -> tuple[float, list[list]]:
        widths = self._col_widths(spec, width)
        rows = list(spec.rows)
        for size in TABLE_LADDER:
            head = self._row_height(spec.columns, widths, size, True)
            total = self._row_height(spec.total, widths, size, True) if spec.total else 0.0
            if head + total + sum(self._row_height(r, widths, size, False) for r in rows) <= avail:
                return size, [rows]
        size = TABLE_PAGE_SIZE
        head = self._row_height(spec.columns, widths, size, True)
        total = self._row_height(spec.total, widths, size, True) if spec.total else 0.0
        pages: list[list] = [[]]
        used = head
        for row in rows:
            h = self._row_height(row, widths, size, False)
            if pages[-1] and used + h > avail:
                pages.append([])
                used = head
            pages[-1].append(row)
            used += h
        if used + total > avail:
            pages.append([])
        return size, pages

    def _draw_table(self, slide, spec: TableSpec, rows: list, at: Rect, size: float, last: bool) -> list[int]:
        all_rows = [spec.columns] + rows + ([spec.total] if last and spec.total else [])
        widths = self._col_widths(spec, pt(at.width))
        heights = [emu(self._row_height(r, widths, size, i == 0 or (last and spec.total and i == len(all_rows) - 1)))
                   for i, r in enumerate(all_rows)]
        frame = slide.shapes.add_table(len(all_rows), len(spec.columns), at.left, at.top, at.width, sum(heights))
        frame.name = "Tabell"
        table = frame.table
        table.first_row = True
        table.last_row = bool(last and spec.total)
        table.horz_banding = True
        for c, w in enumerate(widths):
            table.columns[c].width = Emu(emu(w))
        for r, cells in enumerate(all_rows):
            table.rows[r].height = Emu(heights[r])
            bold = r == 0 or (table.last_row and r == len(all_rows) - 1)
            for c, text in enumerate(cells):
                cell = table.cell(r, c)
                fill_text(cell.text_frame, [para(text, bold=bold, bullet=False, space_before=0)], size, self.indent,
                      self.body_font)
                if spec.numeric and spec.numeric[c] and r > 0:
                    cell.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
        frame.width = sum(table.columns[c].width for c in range(len(spec.columns)))
        set_alt_text(frame._element, f"Tabell: {spec.title}")
        return heights

    # -- drawn shapes

    def textbox(self, shapes, rect: Rect, paras: list[Para], size: float, name: str):
        """A text box in the body font (see shapes.add_textbox)."""
        return add_textbox(shapes, rect, paras, size, name, self.body_font, self.indent)

    def marker(self, slide, text: str) -> None:
        """The example-data mark in the slide's corner (see shapes.add_marker)."""
        add_marker(slide, text, self.body_fonts, self.body_font, self.indent, (self.prs.slide_width, self.prs.slide_height))

    TIMELINE_DATE = 20  # pt, the date labels
    TIMELINE_GAP = 26.0  # pt between the date row and the milestone texts (the axis sits in it)

    def _timeline(self, spec: TimelineSpec, layout) -> None:
        rect = self.content_rect()
        items = spec.milestones
        per, size, texts, need = self._timeline_plan(items, rect)
        pages = -(-len(items) // per)
        col_w = rect.width // per
        date_size = self._date_size(items, pt(col_w) - 14.4)
        date_h = self.body_fonts.get(True).line_height(date_size) + 7.2
        block = date_h + self.TIMELINE_GAP + need
        top = rect.top + int(max(0, rect.height - emu(block)) * 0.4)
        line_y = top + emu(date_h + self.TIMELINE_GAP / 2)
        box_top = top + emu(date_h + self.TIMELINE_GAP)
        dot = emu(16)
        for n in range(pages):
            title = spec.title if n == 0 else self.t("forts", rubrik=spec.title, nummer=n)
            slide = self.new_slide(layout, title, [], "rubrik")
            group = slide.shapes.add_group_shape()
            group.name = "Tidslinje"
            line = group.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, rect.left, line_y, rect.left + rect.width, line_y)
            line.line.color.rgb = RGBColor.from_string(ACCENT)
            line.line.width = emu(3)
            line.name = "Tidslinjens axel"
            plain_mark(line)
            for i in range(n * per, min(len(items), (n + 1) * per)):
                item, x = items[i], rect.left + (i - n * per) * col_w
                date = self.textbox(group.shapes, Rect(x, top, col_w, emu(date_h)),
                                        [para(item.date, bold=True, bullet=False, space_before=0)],
                                        date_size, f"Datum {i + 1}")
                color_runs(date, ACCENT)
                marker = group.shapes.add_shape(MSO_SHAPE.OVAL, x + emu(10), line_y - dot // 2, dot, dot)
                marker.fill.solid()
                marker.fill.fore_color.rgb = RGBColor.from_string(ACCENT)
                marker.line.fill.background()
                marker.name = f"Milstolpe {i + 1}"
                plain_mark(marker)
                self.textbox(group.shapes, Rect(x, box_top, col_w - emu(8), emu(need)), texts[i], size,
                                 f"Milstolpe {i + 1}: {item.date}")
            set_alt_text(group._element, spec.alt if pages == 1 else f"{spec.alt} (del {n + 1} av {pages})")
            drop_empty_placeholders(slide)

    def _date_size(self, items, width: float) -> float:
        """The largest size at which every date label stays on one line of its column."""
        for size in (self.TIMELINE_DATE, 18, 16, 14, 12):
            if all(len(wrap((Run(item.date, True),), width, size, self.body_fonts)) == 1 for item in items):
                return size
        return 12

    def _milestone_paras(self, item) -> list[Para]:
        out = [para(item.heading, bold=True, bullet=False, space_before=0)]
        if item.text:
            out.append(para(item.text, bullet=False, space_before=4))
        return out

    def _timeline_plan(self, items, rect: Rect) -> tuple[int, float, list, float]:
        """Milestones per slide, text size, the texts, and the height their boxes need (pt)."""
        texts = [self._milestone_paras(item) for item in items]
        date_h = self.body_fonts.get(True).line_height(self.TIMELINE_DATE) + 7.2
        box_h = pt(rect.height) - date_h - self.TIMELINE_GAP - 7.2
        for per in sorted({min(len(items), 6), 3, 2, 1}, reverse=True):
            if not 1 <= per <= len(items):
                continue
            width = pt(rect.width // per - emu(8)) - 14.4
            for size in (20, 18, 16, 14, 12):
                heights = [total_height(t, width, size, self.body_fonts, self.indent) for t in texts]
                if max(heights) <= box_h:
                    return per, size, texts, max(heights) + 7.2
        # Absurd content: one per slide, each text shortened to fit (the full text is in the alt text).
        width = pt(rect.width - emu(8)) - 14.4
        short = []
        for t in texts:
            _, shown = fit_single(" ".join(p.text for p in t), Box(width, box_h), self.body_fonts, (12,))
            short.append([para(shown, bullet=False, space_before=0)])
        return 1, 12, short, box_h + 7.2

    # -- finish

    def finish(self, created: datetime.date, subject: str, author: str) -> bytes:
        props = self.prs.core_properties
        when = datetime.datetime.combine(created, datetime.time(12, 0))
        props.title = property_text(self.first_title or subject)
        props.subject = property_text(subject)
        props.author = property_text(author)
        props.last_modified_by = "vpgen"
        props.revision = 1
        props.created = props.modified = when
        props.last_printed = when
        props.language = LANG
        props.keywords = "verksamhetsplan"
        props.comments = ""
        props.category = ""
        props.content_status = ""
        props.identifier = ""
        props.version = ""
        buffer = io.BytesIO()
        self.prs.save(buffer)
        return buffer.getvalue()


def render_decks(plan, derived, layout) -> dict[str, bytes]:
    """Every deck the outline names, as .pptx bytes keyed by file name."""
    texts = layout.texts
    outline = layout.outline(plan)
    ctx = Context(plan, derived, texts)
    year = plan.plan.planar
    out: dict[str, bytes] = {}
    for deck in outline.presentationer:
        writer = DeckWriter(layout.pptx_template, dict(outline.layouter), texts, plan)
        for section in deck.avsnitt:
            for spec in SECTIONS[section.typ](ctx, section):
                writer.add(spec, section.layout)
        subject = f"Verksamhetsplan {year} – {plan.plan.namnd.namn}"
        out[deck_name(year, deck.fil)] = writer.finish(plan.plan.datum, subject, plan.plan.region)
    return out
