"""The board deck: slide specs fitted to the template's layouts and written with python-pptx.

Layouts are found by the names the outline gives, else by placeholder structure. Every text
is measured with the template's fonts before it is placed; what does not fit continues on
"(forts.)" slides. Every run is tagged sv-SE, every slide has a unique title, speaker notes
carry each item's källa.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree

from ..layout import LayoutError, template_package
from ..text import property_text
from .deck_sections import (SECTIONS, ChartSpec, Context, SectionSpec, Spec, TableSpec, TextSpec, TimelineSpec,
                            TitleSpec)
from .fit import Box, Fonts, Indent, Para, Run, fit_paragraphs, fit_single, para, wrap
from .outline import load_outline

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"
EMU_PER_PT = 12700
LANG = "sv-SE"

BODY_LADDER = (24, 22, 20, 18, 16, 15, 14)
BODY_PAGE_SIZE = 16
TABLE_LADDER = (20, 18, 16, 14, 12)
TABLE_PAGE_SIZE = 14
TITLE_LADDERS = {"titel": (40, 36, 32, 28), "avsnitt": (40, 36, 32, 28)}
TITLE_LADDER = (28, 24, 20)
SUBTITLE_LADDER = (24, 20, 18, 16)
ACCENT = "2F5597"
TEXT = "262626"
MARKER_FILL = "FFF2CC"
BULLETS = ("•", "–", "•")


def a(tag: str) -> str:
    return f"{{{A}}}{tag}"


def pt(emu: int) -> float:
    return emu / EMU_PER_PT


def emu(points: float) -> int:
    return int(round(points * EMU_PER_PT))


@dataclass(frozen=True)
class Rect:
    left: int
    top: int
    width: int
    height: int


# ---------------------------------------------------------------- template

def open_template(path: Path):
    """The template as a python-pptx Presentation, refusing what is not a usable .pptx."""
    from pptx import Presentation

    names, _ = template_package(path, "PowerPoint-mallen",
                                f"PowerPoint-mallen {path} är inte en .pptx-fil (inte ett zip-arkiv)")
    if "ppt/presentation.xml" not in names:
        hint = " (det är ett Word-dokument)" if "word/document.xml" in names else ""
        raise LayoutError(f"PowerPoint-mallen {path} är inte en PowerPoint-presentation{hint}")
    try:
        prs = Presentation(str(path))
    except Exception as err:  # python-pptx raises many kinds for a broken package
        raise LayoutError(f"PowerPoint-mallen {path} kan inte öppnas ({type(err).__name__})") from None
    if not len(prs.slide_layouts):
        raise LayoutError(f"PowerPoint-mallen {path} har inga bildlayouter")
    _drop_slides(prs)
    _count_partnames(prs.part.package)
    _index_relationships(prs.part.rels)
    return prs


def _index_relationships(rels) -> None:
    """Let the presentation part find its relationship to a part by a dict, not a scan.

    python-pptx scans every relationship of the presentation part each time a slide is
    related to it (quadratic in slides). Same rIds as python-pptx's own get_or_add.
    """
    if not hasattr(rels, "_add_relationship"):  # another python-pptx: keep its own behaviour
        return
    index = {(rels[rId].reltype, id(rels[rId].target_part)): rId for rId in rels if not rels[rId].is_external}
    add = rels._add_relationship

    def get_or_add(reltype: str, target_part) -> str:
        key = (reltype, id(target_part))
        if key not in index:
            index[key] = add(reltype, target_part)
        return index[key]

    rels.get_or_add = get_or_add


def _count_partnames(package) -> None:
    """Give this package a next_partname that remembers the names it handed out.

    python-pptx finds a new part's name by walking every part of the package, once per new
    slide and notes slide, which makes a long deck quadratic (a 1 500-slide deck spent most
    of its time there). The names it returns are the same as python-pptx's own.
    """
    used: set[str] = {str(part.partname) for part in package.iter_parts()}
    from pptx.opc.packuri import PackURI

    def next_partname(tmpl: str):
        prefix = tmpl[: (tmpl % 42).find("42")]
        count = sum(1 for name in used if name.startswith(prefix))
        for n in range(count + 1, 0, -1):
            candidate = tmpl % n
            if candidate not in used:
                used.add(candidate)
                return PackURI(candidate)
        raise RuntimeError(f"no free part name for {tmpl}")

    package.next_partname = next_partname


def _drop_slides(prs) -> None:
    """An organisation's template may carry example slides; the deck starts empty."""
    id_list = prs.slides._sldIdLst
    for slide_id in list(id_list):
        prs.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)


def _theme_fonts(prs) -> dict[str, str]:
    """The theme's major (+mj) and minor (+mn) latin typefaces."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    fonts = {"+mj-lt": "Calibri", "+mn-lt": "Calibri"}
    try:
        theme = etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)
        fonts["+mj-lt"] = theme.find(f".//{a('majorFont')}/{a('latin')}").get("typeface") or fonts["+mj-lt"]
        fonts["+mn-lt"] = theme.find(f".//{a('minorFont')}/{a('latin')}").get("typeface") or fonts["+mn-lt"]
    except (KeyError, AttributeError, etree.XMLSyntaxError):
        pass
    return fonts


def effective_font(ph, master, theme: dict[str, str]) -> str:
    """The latin typeface text in this placeholder gets: its own list style, the layout's,
    the master's, the master's text styles, then the theme. We then write it on every run,
    so every renderer uses the font we measured with.
    """
    def resolve(face: str | None) -> str | None:
        if not face:
            return None
        return theme.get(face[:6], theme["+mn-lt"]) if face.startswith("+") else face

    node = ph
    while node is not None:
        latin = node._element.find(f"{{{P}}}txBody/{a('lstStyle')}/{a('lvl1pPr')}/{a('defRPr')}/{a('latin')}")
        if latin is not None and resolve(latin.get("typeface")):
            return resolve(latin.get("typeface"))
        node = getattr(node, "_base_placeholder", None)
    style = "titleStyle" if ph is not None and _ph_type(ph) in TITLE_PH else "bodyStyle"
    latin = master._element.find(f".//{{{P}}}{style}/{a('lvl1pPr')}/{a('defRPr')}/{a('latin')}")
    face = resolve(latin.get("typeface")) if latin is not None else None
    return face or (theme["+mj-lt"] if style == "titleStyle" else theme["+mn-lt"])


_PH_PATHS = tuple(f"{{{P}}}{nv}/{{{P}}}nvPr/{{{P}}}ph" for nv in ("nvSpPr", "nvPicPr", "nvGraphicFramePr"))


def _ph_el(el):
    """The p:ph element of a shape, by plain lxml find (python-pptx compiles an XPath per call)."""
    for path in _PH_PATHS:
        found = el.find(path)
        if found is not None:
            return found
    return None


def _placeholders(container) -> list:
    """A slide's or layout's placeholders in document order (the order layouts are cloned in)."""
    return [shape for shape in container.shapes if _ph_el(shape._element) is not None]


def _ph_type(ph) -> str:
    el = _ph_el(ph._element)
    return el.get("type", "obj") if el is not None else "obj"


TEXT_PH = {"body", "obj", "subTitle"}
TITLE_PH = {"title", "ctrTitle"}


def _structure(container) -> dict[str, list]:
    kinds: dict[str, list] = {"title": [], "sub": [], "body": [], "tbl": []}
    for ph in sorted(_placeholders(container), key=lambda p: int(_ph_el(p._element).get("idx", "0"))):
        kind = _ph_type(ph)
        if kind in TITLE_PH:
            kinds["title"].append(ph)
        elif kind == "subTitle":
            kinds["sub"].append(ph)
        elif kind in ("body", "obj"):
            kinds["body"].append(ph)
        elif kind == "tbl":
            kinds["tbl"].append(ph)
    return kinds


ROLE_NEEDS = {
    # role: (predicate on structure, description for messages)
    "titel": (lambda s: s["title"] and (s["sub"] or s["body"]), "rubrik och underrubrik"),
    "avsnitt": (lambda s: s["title"] and s["body"], "rubrik och text"),
    "innehåll": (lambda s: s["title"] and s["body"], "rubrik och innehåll"),
    "två_innehåll": (lambda s: s["title"] and len(s["body"]) >= 2, "rubrik och två innehåll"),
    "tabell": (lambda s: s["title"], "rubrik"),
    "rubrik": (lambda s: s["title"], "rubrik"),
    "tom": (lambda s: True, "ingenting"),
}
# When the named layout is missing: prefer layouts shaped for the role, in this order.
ROLE_PREFERENCE = {
    "titel": lambda s: (not s["sub"], len(s["body"])),
    "avsnitt": lambda s: (len(s["body"]) != 1, bool(s["sub"])),
    "innehåll": lambda s: (len(s["body"]) != 1, bool(s["sub"]), bool(s["tbl"])),
    "två_innehåll": lambda s: (len(s["body"]) != 2,),
    "tabell": lambda s: (not s["tbl"], len(s["body"]), bool(s["sub"])),
    "rubrik": lambda s: (len(s["body"]) + len(s["sub"]) + len(s["tbl"]),),
    "tom": lambda s: (len(s["title"]) + len(s["body"]) + len(s["sub"]),),
}


# ---------------------------------------------------------------- writer

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
        theme = _theme_fonts(self.prs)
        shape = _structure(self.layout("innehåll"))
        master = self.prs.slide_master
        self.title_font = effective_font(shape["title"][0], master, theme)
        self.body_font = effective_font(shape["body"][0], master, theme)
        self.title_fonts, self.body_fonts = Fonts(self.title_font), Fonts(self.body_font)

    # -- layouts

    def layout(self, role: str, name: str | None = None):
        key = (role, name)
        if key in self._layout_cache:
            return self._layout_cache[key]
        wanted = name or self.layout_names.get(role)
        needs, what = ROLE_NEEDS[role]
        layouts = list(self.prs.slide_layouts)
        chosen = next((lay for lay in layouts if lay.name == wanted), None)
        if chosen is not None and not needs(_structure(chosen)):
            raise LayoutError(f"bildlayouten '{wanted}' i {self.template} saknar platshållare för {what}")
        if chosen is None and name:
            raise LayoutError(f"bildlayouten '{name}' som dispositionen nämner finns inte i {self.template}")
        if chosen is None:
            candidates = [lay for lay in layouts if needs(_structure(lay))]
            if not candidates:
                raise LayoutError(f"mallen {self.template} saknar layouten '{wanted}' och har ingen layout med {what}")
            chosen = min(candidates, key=lambda lay: ROLE_PREFERENCE[role](_structure(lay)))
        self._layout_cache[key] = chosen
        return chosen

    def content_rect(self) -> Rect:
        """Where drawn content (tables, timeline) goes: the content layout's body, else margins."""
        try:
            body = _structure(self.layout("innehåll"))["body"][0]
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
            self._pins[key] = _layout_pins(layout)
        _pin_placeholders(slide, self._pins[key])
        title = self._unique(title)
        ph = next(iter(_structure(slide)["title"]), None)
        if ph is None:
            raise LayoutError(f"bildlayouten '{layout.name}' i {self.template} saknar rubrikplatshållare")
        box = _inner_box(ph)
        size, shown = fit_single(title, box, self.title_fonts, TITLE_LADDERS.get(role, TITLE_LADDER), bold=True)
        _fill(ph.text_frame, [para(shown, bullet=False, space_before=0)], size, self.indent, self.title_font,
              keep_style=True)
        if shown != title:
            notes = [title] + notes
        if notes:
            _fill(slide.notes_slide.notes_text_frame, [para(n, bullet=False, space_before=0) for n in notes], 12,
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
            from .charts import render_chart_slides

            render_chart_slides(self, spec, layout)

    def _title(self, spec: TitleSpec, layout) -> None:
        slide = self.new_slide(layout, spec.title, [], "titel")
        sub = _structure(slide)["sub"] or _structure(slide)["body"]
        paras = [para(line, bullet=False, space_before=0) for line in spec.subtitle]
        self._fill_fitted(sub[0], paras, SUBTITLE_LADDER)
        _drop_empty_placeholders(slide)

    def _section(self, spec: SectionSpec, layout) -> None:
        slide = self.new_slide(layout, spec.title, [], "avsnitt")
        if spec.text:
            body = _structure(slide)["body"]
            if body:
                self._fill_fitted(body[0], [para(spec.text, bullet=False, space_before=0)], SUBTITLE_LADDER)
        _drop_empty_placeholders(slide)

    def _fill_fitted(self, ph, paras: list[Para], ladder) -> None:
        """A text that cannot continue onto another slide: the ladder, then shortening."""
        box = _inner_box(ph)
        fit = fit_paragraphs(paras, box, self.body_fonts, self.indent, ladder, ladder[-1], self._continued)
        if len(fit.pages) > 1:
            size, shown = fit_single(" – ".join(p.text for p in paras), box, self.body_fonts, (ladder[-1],))
            fit.pages = [[para(shown, bullet=False, space_before=0)]]
        _fill(ph.text_frame, fit.pages[0], fit.size, self.indent, self.body_font)

    def _continued(self, heading: Para) -> Para:
        text = self.t("forts", rubrik=heading.text.rstrip(":"), nummer=1)
        return replace(heading, runs=(Run(text, heading.runs[0].bold),), space_before=0)

    def _text(self, spec: TextSpec, layout) -> None:
        if not spec.paras:
            return
        body_ph = _structure(layout)["body"][0]
        box = _inner_box(body_ph)
        if spec.marker:
            box = Box(box.width, box.height)  # the marker sits in the footer area, outside the body
        fit = fit_paragraphs(spec.paras, box, self.body_fonts, self.indent, BODY_LADDER, BODY_PAGE_SIZE, self._continued)
        for n, page in enumerate(fit.pages):
            title = spec.title if n == 0 else self.t("forts", rubrik=spec.continued or spec.title, nummer=n)
            notes = [p.note for p in page if p.note]
            slide = self.new_slide(layout, title, notes, spec.role)
            body = _structure(slide)["body"][0]
            page = [replace(page[0], space_before=0)] + page[1:]
            _fill(body.text_frame, page, fit.size, self.indent, self.body_font)
            if spec.marker:
                self._marker(slide, spec.marker)
            _drop_empty_placeholders(slide)

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
            intro_h = _text_height(intro, pt(table_w) - 14.4, size, self.body_fonts, self.indent) + 7.2
            if intro_h > pt(rect.height) / 4:
                asides += intro
                intro_h = 0.0
        foot_h = 0.0
        if spec.footnote:
            foot = [para(spec.footnote, bullet=False, space_before=0)]
            foot_h = _text_height(foot, pt(table_w) - 14.4, 12, self.body_fonts, self.indent) + 7.2
            if foot_h > pt(rect.height) / 4:
                asides += foot
                foot_h = 0.0
        side_box = Box(pt(side_w) - 14.4, pt(rect.height) - 7.2)
        side_size = None
        if spec.side:
            side = [para(spec.side, bullet=False, space_before=0)]
            for size in (16, 14, 12):
                if _text_height(side, side_box.width, size, self.body_fonts, self.indent) <= side_box.height:
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
                self._textbox(slide.shapes, Rect(rect.left, y, table_w, emu(intro_h)),
                              [para(spec.intro, bold=True, bullet=False, space_before=0)], 16, "Anmärkning")
                y += emu(intro_h)
            last = n == len(pages) - 1
            heights = self._draw_table(slide, spec, rows, Rect(rect.left, y, table_w, 0), size, last)
            y += sum(heights)
            if foot_h and last:
                self._textbox(slide.shapes, Rect(rect.left, y + emu(4), table_w, emu(foot_h)),
                              [para(spec.footnote, bullet=False, space_before=0)], 12, "Fotnot")
            if spec.side and side_size:
                self._textbox(slide.shapes, Rect(rect.left + table_w + gap, rect.top, side_w, rect.height),
                              [para(spec.side, bullet=False, space_before=0)], side_size, "Kommentar")
            if spec.marker:
                self._marker(slide, spec.marker)
            _drop_empty_placeholders(slide)
        if asides:
            self._text(TextSpec(self.t("forts", rubrik=spec.title, nummer=len(pages)), asides), self.layout("innehåll"))

    def _table_rect(self, layout) -> Rect:
        s = _structure(layout)
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
        from pptx.enum.text import PP_ALIGN
        from pptx.util import Emu

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
                _fill(cell.text_frame, [para(text, bold=bold, bullet=False, space_before=0)], size, self.indent,
                      self.body_font)
                if spec.numeric and spec.numeric[c] and r > 0:
                    cell.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
        frame.width = sum(table.columns[c].width for c in range(len(spec.columns)))
        _set_descr(frame, f"Tabell: {spec.title}")
        return heights

    # -- drawn shapes

    def _textbox(self, shapes, rect: Rect, paras: list[Para], size: float, name: str):
        """A text box in `shapes` (a slide's or a group's), fitted text, its text as alt text."""
        box = shapes.add_textbox(rect.left, rect.top, rect.width, rect.height)
        box.name = name
        tf = box.text_frame
        tf.word_wrap = True
        from pptx.enum.text import MSO_AUTO_SIZE

        tf.auto_size = MSO_AUTO_SIZE.NONE
        _fill(tf, paras, size, self.indent, self.body_font)
        _set_descr(box, " ".join(p.text for p in paras))
        return box

    def _marker(self, slide, text: str) -> None:
        from pptx.dml.color import RGBColor

        size = 14
        width = self.body_fonts.get(True).width(text, size) / 0.96 + 14.4 + 4
        height = self.body_fonts.get(True).line_height(size) + 7.2 + 2
        sw, sh = self.prs.slide_width, self.prs.slide_height
        rect = Rect(sw - emu(width) - emu(24), sh - emu(height) - emu(10), emu(width), emu(height))
        box = self._textbox(slide.shapes, rect, [para(text, bold=True, bullet=False, space_before=0)], size, "Exempeldata")
        box.fill.solid()
        box.fill.fore_color.rgb = RGBColor.from_string(MARKER_FILL)

    TIMELINE_DATE = 20  # pt, the date labels
    TIMELINE_GAP = 26.0  # pt between the date row and the milestone texts (the axis sits in it)

    def _timeline(self, spec: TimelineSpec, layout) -> None:
        from pptx.dml.color import RGBColor
        from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE

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
            _plain(line)
            for i in range(n * per, min(len(items), (n + 1) * per)):
                item, x = items[i], rect.left + (i - n * per) * col_w
                date = self._textbox(group.shapes, Rect(x, top, col_w, emu(date_h)),
                                        [para(item.date, bold=True, bullet=False, space_before=0)],
                                        date_size, f"Datum {i + 1}")
                _color_runs(date, ACCENT)
                marker = group.shapes.add_shape(MSO_SHAPE.OVAL, x + emu(10), line_y - dot // 2, dot, dot)
                marker.fill.solid()
                marker.fill.fore_color.rgb = RGBColor.from_string(ACCENT)
                marker.line.fill.background()
                marker.name = f"Milstolpe {i + 1}"
                _plain(marker)
                self._textbox(group.shapes, Rect(x, box_top, col_w - emu(8), emu(need)), texts[i], size,
                                 f"Milstolpe {i + 1}: {item.date}")
            _set_descr(group, spec.alt if pages == 1 else f"{spec.alt} (del {n + 1} av {pages})")
            _drop_empty_placeholders(slide)

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
                heights = [_text_height(t, width, size, self.body_fonts, self.indent) for t in texts]
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


# ---------------------------------------------------------------- XML helpers

def _inherited_body_pr(ph):
    """The bodyPr elements from the shape up through layout and master, nearest first."""
    chain, node = [], ph
    while node is not None:
        body = node._element.find(f"{{{P}}}txBody/{a('bodyPr')}")
        if body is not None:
            chain.append(body)
        node = getattr(node, "_base_placeholder", None)
    return chain


INSET_DEFAULTS = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}


def _layout_pins(layout) -> list[tuple | None]:
    """Per cloneable placeholder of a layout: (left, top, width, height, bodyPr attributes)."""
    pins = []
    for ph in _placeholders(layout):
        if _ph_type(ph) in ("dt", "ftr", "sldNum"):  # python-pptx does not clone these
            continue
        if ph.width is None:
            pins.append(None)
            continue
        chain = _inherited_body_pr(ph)
        attrs = {}
        for key in ("lIns", "rIns", "tIns", "bIns", "anchor"):
            value = next((b.get(key) for b in chain if b.get(key) is not None), None)
            if value is None and key in INSET_DEFAULTS:
                value = str(INSET_DEFAULTS[key])
            if value is not None:
                attrs[key] = value
        pins.append((ph.left, ph.top, ph.width, ph.height, attrs))
    return pins


def _pin_placeholders(slide, pins: list[tuple | None]) -> None:
    """Give each new placeholder its layout placeholder's geometry and insets explicitly.

    Inheritance goes by idx, and some templates (LibreOffice exports) give several
    placeholders the same idx; pinned, every renderer and our measurement agree.
    """
    for slide_ph, pin in zip(_placeholders(slide), pins):
        if pin is None:
            continue
        left, top, width, height, attrs = pin
        slide_ph.left, slide_ph.top, slide_ph.width, slide_ph.height = left, top, width, height
        body = slide_ph._element.find(f"{{{P}}}txBody/{a('bodyPr')}")
        if body is not None:
            for key, value in attrs.items():
                if body.get(key) is None:
                    body.set(key, value)


def _inner_box(ph) -> Box:
    """The text area of a placeholder in points: its size less the insets it inherits."""
    own = ph._element.find(f"{{{P}}}txBody/{a('bodyPr')}")
    if own is not None and all(own.get(key) is not None for key in INSET_DEFAULTS):
        ins = {key: int(own.get(key)) for key in INSET_DEFAULTS}  # pinned: no need to walk up
    else:
        chain = _inherited_body_pr(ph)
        ins = {key: next((int(b.get(key)) for b in chain if b.get(key) is not None), default)
               for key, default in INSET_DEFAULTS.items()}
    return Box(pt(ph.width - ins["lIns"] - ins["rIns"]), pt(ph.height - ins["tIns"] - ins["bIns"]))


def _text_height(paras: list[Para], width: float, size: float, fonts: Fonts, indent: Indent) -> float:
    from .fit import total_height

    return total_height(paras, width, size, fonts, indent)


def _fill(tf, paras: list[Para], size: float, indent: Indent, font: str, keep_style: bool = False) -> None:
    """Replace a text frame's paragraphs; every run gets size and sv-SE, every paragraph explicit spacing."""
    from .fit import size_for

    body = tf._txBody
    for old in body.findall(a("p")):
        body.remove(old)
    for p in paras:
        ap = etree.SubElement(body, a("p"))
        ppr = etree.SubElement(ap, a("pPr"))
        if not keep_style:
            left = indent.left(p)
            ppr.set("marL", str(emu(left)))
            ppr.set("indent", str(-emu(left - indent.plain_left[min(p.level, 2)]) if p.bullet else 0))
            ln = etree.SubElement(ppr, a("lnSpc"))
            etree.SubElement(ln, a("spcPct"), val="100000")
            spc = etree.SubElement(ppr, a("spcBef"))
            etree.SubElement(spc, a("spcPts"), val=str(int(p.space_before * 100)))
            spc_after = etree.SubElement(ppr, a("spcAft"))
            etree.SubElement(spc_after, a("spcPts"), val="0")
            if p.bullet:
                etree.SubElement(ppr, a("buFont"), typeface="Arial")
                etree.SubElement(ppr, a("buChar"), char=BULLETS[min(p.level, 2)])
            else:
                etree.SubElement(ppr, a("buNone"))
        run_size = size_for(p, size)
        for run in p.runs:
            ar = etree.SubElement(ap, a("r"))
            rpr = etree.SubElement(ar, a("rPr"), lang=LANG, sz=str(int(run_size * 100)))
            if run.bold:
                rpr.set("b", "1")  # otherwise the template's style decides (titles are often bold)
            rpr.set("dirty", "0")
            etree.SubElement(rpr, a("latin"), typeface=font)
            etree.SubElement(ar, a("t")).text = run.text
        end = etree.SubElement(ap, a("endParaRPr"), lang=LANG, sz=str(int(run_size * 100)), dirty="0")
        etree.SubElement(end, a("latin"), typeface=font)
    if not paras:
        etree.SubElement(body, a("p"))


def _color_runs(shape, rgb: str) -> None:
    for rpr in shape._element.iter(a("rPr")):
        fill = etree.Element(a("solidFill"))
        etree.SubElement(fill, a("srgbClr"), val=rgb)
        rpr.insert(0, fill)


def _cnvpr(shape):
    el = shape._element
    for path in ("p:nvSpPr", "p:nvGrpSpPr", "p:nvGraphicFramePr", "p:nvCxnSpPr", "p:nvPicPr"):
        found = el.find(f"{{{P}}}{path.split(':')[1]}/{{{P}}}cNvPr")
        if found is not None:
            return found
    return None


def _set_descr(shape, text: str) -> None:
    node = _cnvpr(shape)
    if node is not None:
        node.set("descr", text[:4000])


def _plain(shape) -> None:
    """A drawn mark without the theme's shadow, flagged decorative for screen readers."""
    shape.shadow.inherit = False
    _mark_decorative(shape)


def _mark_decorative(shape) -> None:
    node = _cnvpr(shape)
    ext_lst = etree.SubElement(node, a("extLst"))
    ext = etree.SubElement(ext_lst, a("ext"), uri=DECORATIVE_URI)
    etree.SubElement(ext, f"{{{DECORATIVE_NS}}}decorative", nsmap={"adec": DECORATIVE_NS}, val="1")


def _drop_empty_placeholders(slide) -> None:
    """Placeholders we did not fill would show 'Click to add text' and confuse screen readers."""
    for ph in _placeholders(slide):
        if _ph_type(ph) in TITLE_PH:
            continue
        if not ph.has_text_frame or not ph.text_frame.text.strip():
            ph._element.getparent().remove(ph._element)


# ---------------------------------------------------------------- entry point

def render_decks(plan, derived, layout) -> dict[str, bytes]:
    """Every deck the outline names, as .pptx bytes keyed by file name."""
    texts = layout.texts
    outline = load_outline(layout.outline_path, set(plan.plan.presentationer), set(texts.templates))
    ctx = Context(plan, derived, texts)
    year = plan.plan.planar
    out: dict[str, bytes] = {}
    for deck in outline.presentationer:
        writer = DeckWriter(layout.pptx_template, dict(outline.layouter), texts, plan)
        for section in deck.avsnitt:
            for spec in SECTIONS[section.typ](ctx, section):
                writer.add(spec, section.layout)
        subject = f"Verksamhetsplan {year} – {plan.plan.namnd.namn}"
        out[f"VP-{year}-{deck.fil}.pptx"] = writer.finish(plan.plan.datum, subject, plan.plan.region)
    return out
