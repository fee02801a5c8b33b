"""The review of a presentation, slide by slide: titles, alt text, language, text size, contrast
and table header rows (overflow is measured separately: overflow.py)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..findings import Finding
from ..formatting import shorten, sv_number
from ..ooxml import C, R, a, cnvpr, local, p, ph_class
from .backgrounds import master_shapes, shape_background, slide_background
from .colour import FILL_TAGS, UNKNOWN, blend, needed_ratio, worst_contrast
from .rules import QUOTE, alt_message, alt_problem, contrast_message, count, is_swedish
from .shapes import Shape, SlideParts, is_text_box, slide_parts
from .tables import find_style, table_flags, table_parts, table_style_cell, table_styles
from .textstyle import Para, Run, TextContext, shape_text_context

MIN_SLIDE_PT = 14.0
CHART_DEFAULT_PT = 10.0  # what PowerPoint and LibreOffice show chart text at when the chart says no size
MIN_SLIDE = sv_number(MIN_SLIDE_PT, 1, plain=True, trim=True)  # as the messages show it


class DeckReview:
    """The findings for one presentation (`prs`: python-pptx), reported under `label`."""

    def __init__(self, path: Path, prs, label: str):
        self.path, self.prs, self.label = path, prs, label
        self.findings: list[Finding] = []
        self.default_text = prs.element.find(p("defaultTextStyle"))
        self.table_styles = table_styles(prs)

    def add(self, location: str, shape: str, rule: str, message: str) -> None:
        self.findings.append(Finding(self.label, message, rule, location=location, shape=shape))

    def text_context(self, shape: Shape, parts: SlideParts) -> TextContext:
        return shape_text_context(shape, parts.master, parts.theme, parts.colors, self.default_text)

    def run(self) -> list[Finding]:
        if not (self.prs.core_properties.title or "").strip():
            self.add("presentationen", "", "doc-title-missing",
                     "Presentationen saknar titel i dokumentegenskaperna (Arkiv → Info → Titel). Titeln visas "
                     "i PDF-läsare och läses upp av skärmläsare.")
        titles: dict[str, int] = {}
        for number, slide in enumerate(self.prs.slides, start=1):
            self._slide(number, slide, titles)
        return self.findings

    def _slide(self, number: int, slide, titles: dict[str, int]) -> None:
        where = f"bild {number}"
        parts = slide_parts(slide)
        shapes = parts.shapes
        self._title(where, number, shapes, titles)
        below = master_shapes(parts)
        background = slide_background(parts)
        covered: set = set()  # groups: reported, described or decorative – their children are covered
        for i, shape in enumerate(shapes):
            if not any(g in covered for g in shape.groups):
                self._alt_text(where, shape)
            if shape.kind == "grpSp":
                covered.add(shape.el)
            if shape.is_table():
                self._table(where, shape, parts, below + shapes[:i], background)
            elif shape.kind == "sp" and shape.text_body() is not None:
                ctx = self.text_context(shape, parts)
                bg = shape_background(shape, parts.colors, below + shapes[:i], background)
                self._text(where, shape.name, ctx.paragraphs(shape.text_body()), ctx.font_scale(), bg)
        for name, chart in self._charts(slide):
            lang = chart.find(f"{{{C}}}lang")
            if lang is not None and not is_swedish(lang.get("val") or ""):
                self.add(where, name, "lang-not-sv",
                         f"Ett diagram har språket {lang.get('val')}. Markera diagrammets text som svenska (sv-SE).")
            self._chart_size(where, name, chart)

    def _title(self, where: str, number: int, shapes: list[Shape], titles: dict[str, int]) -> None:
        title_shapes = [s for s in shapes if s.ph and ph_class(s.ph[0]) == "title" and s.kind == "sp"]
        title_text = " ".join(" ".join(s.text().split()) for s in title_shapes).strip()
        if not title_text:
            self.add(where, title_shapes[0].name if title_shapes else "", "title-missing",
                     "Bilden saknar rubrik. Skriv en rubrik i bildens rubrikplatshållare (den läses upp av "
                     "skärmläsare och blir bokmärke i PDF), även om den placeras utanför bilden.")
            return
        key = title_text.casefold()
        if key in titles:
            self.add(where, title_shapes[0].name, "title-duplicate",
                     f"Rubriken ”{shorten(title_text, 60, collapse=True)}” finns redan på bild {titles[key]}. Ge "
                     "varje bild en egen rubrik, t.ex. med ”(forts.)”.")
        else:
            titles[key] = number

    # -- alt text
    def _alt_text(self, where: str, shape: Shape) -> None:
        """Report missing alt text. Text placeholders need none (their text is read); pictures and
        charts put into placeholders do."""
        if shape.ph and shape.kind == "sp":
            return
        what = _what(shape)
        node = cnvpr(shape.el)
        problem = alt_problem(node) if what else None
        if problem:
            self.add(where, shape.name, "alt-text-missing", alt_message(what, problem, node.get("descr")))

    # -- text
    def _text(self, where: str, name: str, paras: list[Para], scale: float, background) -> None:
        runs = [r for para in paras for r in para.runs if r.text.strip()]
        if not runs:
            return
        self._language(where, name, runs)
        smallest = min(runs, key=lambda r: r.size)
        shown = smallest.size * scale
        if shown < MIN_SLIDE_PT - 0.01:
            size, stored = (sv_number(v, 1, plain=True, trim=True) for v in (shown, smallest.size))
            scaled = f" (autopassning har förminskat den från {stored} pt)" if scale < 1 else ""
            self.add(where, name, "font-too-small",
                     f"Texten är {size} pt{scaled}, t.ex. ”{shorten(smallest.text, QUOTE, collapse=True)}”. "
                     f"Text på bilder ska vara minst {MIN_SLIDE} pt: korta texten eller dela upp den på fler bilder.")
        if background is UNKNOWN or not background:
            return
        worst = None
        for run in runs:
            if run.color is None:
                continue
            ratio, bg = worst_contrast(run.color[0], background)
            needed = needed_ratio(run.size * scale, run.bold)
            if ratio < needed and (worst is None or ratio / needed < worst[0] / worst[1]):
                worst = (ratio, needed, run, bg)
        if worst:
            ratio, needed, run, bg = worst
            self.add(where, name, "contrast-low", contrast_message(ratio, needed, run.color[0], bg, run.text))

    def _language(self, where: str, name: str, runs: list[Run]) -> None:
        missing = [r for r in runs if not r.lang]
        other = [r for r in runs if r.lang and not is_swedish(r.lang)]
        if missing:
            self.add(where, name, "lang-missing",
                     f"{count(len(missing), 'textavsnitt')} saknar språk, t.ex. "
                     f"”{shorten(missing[0].text, QUOTE, collapse=True)}”. Markera texten som svenska (sv-SE) så "
                     "att skärmläsare och stavningskontroll läser rätt.")
        if other:
            langs = ", ".join(sorted({r.lang for r in other}))
            self.add(where, name, "lang-not-sv",
                     f"{count(len(other), 'textavsnitt')} har språket {langs}, t.ex. "
                     f"”{shorten(other[0].text, QUOTE, collapse=True)}”. Markera texten som svenska (sv-SE).")

    # -- tables
    def _table(self, where: str, shape: Shape, parts: SlideParts, below: list[Shape], background) -> None:
        tbl = shape.el.find(f".//{a('tbl')}")
        rows = tbl.findall(a("tr"))
        tblpr = tbl.find(a("tblPr"))
        flags = table_flags(tblpr)
        if len(rows) > 1 and not flags["firstRow"]:
            self.add(where, shape.name, "table-header-missing",
                     "Tabellen saknar rubrikrad. Markera första raden som rubrikrad (Tabelldesign → Rubrikrad), "
                     "så att skärmläsare kan koppla cellerna till kolumnrubrikerna.")
        style_id = tblpr.findtext(a("tableStyleId")) if tblpr is not None else None
        style = find_style(self.table_styles, style_id)
        frame_bg = shape_background(shape, parts.colors, below, background, own=False)
        other = parts.master.element.find(f"{p('txStyles')}/{p('otherStyle')}")
        runs_all: list[Run] = []
        for r, row in enumerate(rows):
            cells = row.findall(a("tc"))
            for c, cell in enumerate(cells):
                txbody = cell.find(a("txBody"))
                if txbody is None:
                    continue
                part_names = table_parts(flags, r, c, len(rows), len(cells))
                text_props, cell_fill = (table_style_cell(style, part_names, parts.colors) if style is not None
                                         else (None, None))
                bg = _cell_background(cell, cell_fill, parts.colors, frame_bg, unknown_style=bool(style_id)
                                      and style is None)
                ctx = TextContext([txbody.find(a("lstStyle")), text_props, other, self.default_text],
                                  [txbody.find(a("bodyPr"))], parts.colors, parts.theme)
                paras = ctx.paragraphs(txbody)
                runs_all += [run for para in paras for run in para.runs if run.text.strip()]
                self._cell_text(where, shape.name, paras, bg, r + 1, c + 1)
        if runs_all:
            self._language(where, shape.name, runs_all)
            smallest = min(runs_all, key=lambda run: run.size)
            if smallest.size < MIN_SLIDE_PT - 0.01:
                self.add(where, shape.name, "font-too-small",
                         f"Texten i tabellen är {sv_number(smallest.size, 1, plain=True, trim=True)} pt, t.ex. "
                         f"”{shorten(smallest.text, QUOTE, collapse=True)}”. Text på bilder ska vara minst "
                         f"{MIN_SLIDE} pt.")

    def _cell_text(self, where, name, paras, background, row: int, col: int) -> None:
        if background is UNKNOWN or not background:
            return
        for run in (run for para in paras for run in para.runs if run.text.strip()):
            if run.color is None:
                continue
            ratio, bg = worst_contrast(run.color[0], background)
            needed = needed_ratio(run.size, run.bold)
            if ratio < needed:
                self.add(where, f"{name}, rad {row}, kolumn {col}", "contrast-low",
                         contrast_message(ratio, needed, run.color[0], bg, run.text))
                return

    def _charts(self, slide):
        """(shape name, chart XML) of every chart on the slide."""
        rels = slide.part.rels
        for frame in slide.element.iter(p("graphicFrame")):
            ref = frame.find(f".//{{{C}}}chart")
            rel = rels.get(ref.get(f"{{{R}}}id")) if ref is not None else None
            if rel is None or rel.is_external:
                continue
            node = cnvpr(frame)
            try:
                yield (node.get("name", "") if node is not None else ""), etree.fromstring(rel.target_part.blob)
            except etree.XMLSyntaxError:
                continue

    def _chart_size(self, where: str, name: str, chart) -> None:
        """Chart text (titles, labels, ticks, legend) under the minimum; unsized text is 10 pt."""
        sizes = [int(el.get("sz")) / 100 for tag in ("defRPr", "rPr") for el in chart.iter(a(tag))
                 if (el.get("sz") or "").isdigit()]
        smallest = min(sizes, default=CHART_DEFAULT_PT)
        if smallest < MIN_SLIDE_PT - 0.01:
            size = sv_number(smallest, 1, plain=True, trim=True)
            self.add(where, name, "font-too-small",
                     f"Texten i diagrammet är {size} pt. Text på bilder ska vara minst {MIN_SLIDE} pt: "
                     "ge diagrammets rubrik, etiketter och förklaring en större storlek.")


def _what(shape: Shape) -> str | None:
    """What a shape that needs alt text is called in the message ('Bilden' …), None if it needs none."""
    if shape.kind == "pic":
        return "Bilden"
    if shape.kind == "graphicFrame":
        data = shape.el.find(f".//{a('graphicData')}")
        uri = data.get("uri", "") if data is not None else ""
        if uri.endswith("/chart"):
            return "Diagrammet"
        if uri.endswith("/diagram"):
            return "SmartArt-grafiken"
        if uri.endswith("/ole") or "chartex" in uri:
            return "Objektet"
        return None
    if shape.kind == "sp":
        sppr = shape.el.find(p("spPr"))
        has_picture = sppr is not None and sppr.find(a("blipFill")) is not None
        has_text = bool(shape.text().strip())
        return "Formen" if has_picture or (has_text and not is_text_box(shape.el)) else None
    if shape.kind == "grpSp":
        has_content = any(local(el) == "pic" or (local(el) == "t" and (el.text or "").strip())
                          for el in shape.el.iter())
        return "Gruppen" if has_content else None
    return None


def _cell_background(cell, style_fill, colors, frame_bg, unknown_style: bool):
    """What a table cell's text is drawn on: its own fill, else its table style's, else the frame's
    background; a built-in style we do not know makes it unknown."""
    tcpr = cell.find(a("tcPr"))
    own = next((f for f in tcpr if local(f) in FILL_TAGS), None) if tcpr is not None else None
    if own is not None:
        fill = colors.fill(own)
    elif style_fill is not None:
        fill = style_fill
    elif unknown_style:
        fill = UNKNOWN
    else:
        fill = None
    if fill is None:
        return frame_bg
    if isinstance(fill, list) and any(alpha < 1 for _, alpha in fill) and isinstance(frame_bg, list):
        return [(blend(rgb, alpha, frame_bg[0][0]), 1.0) for rgb, alpha in fill]
    return fill
