"""The review of a Word document: title, headings, language, alt text, table header rows and
contrast, with run properties resolved through Word's style inheritance (`DocxReview._rpr_chain`)."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from ..findings import Finding
from ..formatting import shorten
from ..ooxml import RT_THEME, WP, W, a, local, w
from .colour import HIGHLIGHT_COLORS, RGB, WHITE, Theme, contrast_ratio, hex_rgb, needed_ratio
from .rules import QUOTE, alt_message, alt_problem, contrast_message, count, is_swedish


class DocxReview:
    """The findings for one Word document (`document`: python-docx), reported under `label`."""

    def __init__(self, path: Path, document, label: str):
        self.path, self.doc, self.label = path, document, label
        self.findings: list[Finding] = []
        styles = document.styles.element
        self.styles = {s.get(w("styleId")): s for s in styles.findall(w("style"))}
        self.default_pstyle = next((sid for sid, s in self.styles.items()
                                    if s.get(w("type")) == "paragraph" and s.get(w("default")) in ("1", "true")),
                                   None)
        self.doc_defaults = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        theme_root = None
        for rel in document.part.rels.values():
            if rel.reltype == RT_THEME:
                try:
                    theme_root = etree.fromstring(rel.target_part.blob)
                except etree.XMLSyntaxError:
                    pass
        self.theme = Theme(theme_root)
        background = document.element.find(w("background"))
        self.page = (hex_rgb(background.get(w("color"), "")) if background is not None else None) or WHITE

    def add(self, location: str, shape: str, rule: str, message: str) -> None:
        self.findings.append(Finding(self.label, message, rule, location=location, shape=shape))

    def run(self) -> list[Finding]:
        if not (self.doc.core_properties.title or "").strip():
            self.add("dokumentet", "", "doc-title-missing",
                     "Dokumentet saknar titel i dokumentegenskaperna (Arkiv → Info → Titel). Titeln visas i "
                     "PDF-läsare och läses upp av skärmläsare.")
        self._last_heading = 0
        self._blocks(self.doc.element.body, "", table_ctx=None)
        return self.findings

    # -- walking the body
    def _blocks(self, container, prefix: str, table_ctx) -> None:
        paragraphs = tables = 0
        for el in _block_children(container):
            tag = local(el)
            if tag == "p":
                paragraphs += 1
                where = f"{prefix}stycke {paragraphs}" if not table_ctx else prefix.rstrip(", ")
                self._paragraph(el, where, table_ctx)
            elif tag == "tbl":
                tables += 1
                self._table(el, f"{prefix}tabell {tables}" if not prefix else f"{prefix}inre tabell {tables}")

    def _table(self, tbl, where: str) -> None:
        rows = tbl.findall(w("tr"))
        if len(rows) > 1:
            header = rows[0].find(f"{w('trPr')}/{w('tblHeader')}")
            if header is None or header.get(w("val"), "true") in ("0", "false", "off"):
                self.add(where, "", "table-header-missing",
                         "Tabellen saknar rubrikrad. Markera första raden som rubrikrad (Tabellegenskaper → Rad → "
                         "Upprepa som rubrikrad överst på varje sida), så att skärmläsare hittar kolumnrubrikerna.")
        tblpr = tbl.find(w("tblPr"))
        style_el = tblpr.find(w("tblStyle")) if tblpr is not None else None
        style_id = style_el.get(w("val")) if style_el is not None else None
        look = tblpr.find(w("tblLook")) if tblpr is not None else None
        first_row_on = True
        if look is not None:
            if look.get(w("firstRow")) is not None:
                first_row_on = look.get(w("firstRow")) in ("1", "true", "on")
            elif look.get(w("val")):
                first_row_on = bool(int(look.get(w("val")), 16) & 0x0020)
        for r, row in enumerate(rows, start=1):
            for c, cell in enumerate(row.findall(w("tc")), start=1):
                ctx = {"style": style_id, "first_row": r == 1 and first_row_on, "cell": cell}
                self._blocks(cell, f"{where}, rad {r}, kolumn {c}, ", ctx)

    def _paragraph(self, p, where: str, table_ctx) -> None:
        runs = [r for r in p.iter(w("r")) if _nearest_p(r) is p]
        text = "".join(t.text or "" for r in runs for t in r.findall(w("t")))
        self._heading(p, where, text)
        self._drawings(p, where)
        texted = [(r, "".join(t.text or "" for t in r.findall(w("t")))) for r in runs]
        texted = [(r, t) for r, t in texted if t.strip()]
        if texted:
            self._runs(p, where, texted, table_ctx)
        for box in p.iter(f"{{{W}}}txbxContent"):
            if _nearest_p(box) is p:
                self._blocks(box, f"{where}, textruta, ", table_ctx=None)

    # -- headings
    def _heading_level(self, p) -> int | None:
        ppr = p.find(w("pPr"))
        outline = ppr.find(w("outlineLvl")) if ppr is not None else None
        style_el = ppr.find(w("pStyle")) if ppr is not None else None
        style_id = style_el.get(w("val")) if style_el is not None else self.default_pstyle
        if outline is None:
            for style in self._style_chain(style_id):
                found = style.find(f"{w('pPr')}/{w('outlineLvl')}")
                if found is not None:
                    outline = found
                    break
        if outline is not None:
            try:
                level = int(outline.get(w("val"), "9"))
            except ValueError:
                return None
            return level + 1 if level < 9 else None
        for style in self._style_chain(style_id):
            name = style.find(w("name"))
            match = re.fullmatch(r"heading (\d)", (name.get(w("val"), "") if name is not None else "").lower())
            if match:
                return int(match.group(1))
        return None

    def _heading(self, p, where: str, text: str) -> None:
        level = self._heading_level(p)
        if level is None or not text.strip():
            return
        if level > self._last_heading + 1:
            before = (f"rubriknivå {self._last_heading}" if self._last_heading else "ingen tidigare rubrik")
            self.add(where, "", "heading-skip",
                     f"Rubriken ”{shorten(text, 60, collapse=True)}” har nivå {level} men närmast före finns "
                     f"{before}. Hoppa inte över rubriknivåer: använd Rubrik {self._last_heading + 1} här eller lägg "
                     "till den nivå som fattas.")
        self._last_heading = level

    # -- pictures and shapes
    def _drawings(self, p, where: str) -> None:
        for docpr in p.iter(f"{{{WP}}}docPr"):
            if _nearest_p(docpr) is not p:
                continue
            what = _drawing_kind(docpr.getparent())
            problem = alt_problem(docpr) if what else None
            if problem:
                self.add(where, docpr.get("name", ""), "alt-text-missing",
                         alt_message(what, problem, docpr.get("descr")))

    # -- run properties
    def _style_chain(self, style_id: str | None) -> list:
        chain, seen = [], set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            chain.append(style)
            based = style.find(w("basedOn"))
            style_id = based.get(w("val")) if based is not None else None
        return chain

    def _rpr_chain(self, p, r, table_ctx) -> list:
        """run rPr → character style chain → paragraph style chain → table style (first-row
        conditional, then whole table) → docDefaults."""
        chain = []
        rpr = r.find(w("rPr"))
        if rpr is not None:
            chain.append(rpr)
            rstyle = rpr.find(w("rStyle"))
            if rstyle is not None:
                chain += [s.find(w("rPr")) for s in self._style_chain(rstyle.get(w("val")))]
        ppr = p.find(w("pPr"))
        pstyle = ppr.find(w("pStyle")) if ppr is not None else None
        chain += [s.find(w("rPr")) for s in self._style_chain(pstyle.get(w("val")) if pstyle is not None
                                                                else self.default_pstyle)]
        if table_ctx and table_ctx.get("style"):
            for style in self._style_chain(table_ctx["style"]):
                if table_ctx["first_row"]:
                    for cond in style.findall(w("tblStylePr")):
                        if cond.get(w("type")) == "firstRow":
                            chain.append(cond.find(w("rPr")))
                chain.append(style.find(w("rPr")))
        chain.append(self.doc_defaults)
        return [el for el in chain if el is not None]

    def _cell_shading(self, table_ctx):
        tcpr = table_ctx["cell"].find(w("tcPr"))
        shd = tcpr.find(w("shd")) if tcpr is not None else None
        if shd is not None:
            return _shading(shd)
        for style in self._style_chain(table_ctx.get("style")):
            if table_ctx["first_row"]:
                for cond in style.findall(w("tblStylePr")):
                    if cond.get(w("type")) == "firstRow":
                        found = cond.find(f"{w('tcPr')}/{w('shd')}")
                        if found is not None and _shading(found):
                            return _shading(found)
            found = style.find(f"{w('tcPr')}/{w('shd')}")
            if found is not None and _shading(found):
                return _shading(found)
        return None

    def _color(self, chain) -> RGB | None:
        for rpr in chain:
            color = rpr.find(w("color"))
            if color is None:
                continue
            value = color.get(w("val"), "")
            if value == "auto":
                return None  # Word picks black or white against the background
            rgb = hex_rgb(value)
            if rgb is None and color.get(w("themeColor")):
                name = {"text1": "dk1", "text2": "dk2", "background1": "lt1", "background2": "lt2",
                        "dark1": "dk1", "dark2": "dk2", "light1": "lt1", "light2": "lt2",
                        "hyperlink": "hlink", "followedHyperlink": "folHlink"}.get(color.get(w("themeColor")),
                                                                                  color.get(w("themeColor")))
                rgb = self.theme.colors.get(name)
            return rgb
        return None

    def _runs(self, p, where: str, runs: list, table_ctx) -> None:
        missing, other, worst = [], [], None
        for r, text in runs:
            chain = self._rpr_chain(p, r, table_ctx)
            lang = next((el.find(w("lang")).get(w("val")) for el in chain
                         if el.find(w("lang")) is not None and el.find(w("lang")).get(w("val"))), None)
            if not lang:
                missing.append(text)
            elif not is_swedish(lang):
                other.append((lang, text))
            contrast = self._contrast(p, r, chain, table_ctx)
            if contrast and (worst is None or contrast[0] / contrast[1] < worst[0] / worst[1]):
                worst = (*contrast, text)
        if missing:
            self.add(where, "", "lang-missing",
                     f"{count(len(missing), 'textavsnitt')} saknar språk, t.ex. "
                     f"”{shorten(missing[0], QUOTE, collapse=True)}”. Markera texten som svenska (sv-SE) – helst i "
                     "formatmallen Normal – så att skärmläsare läser rätt.")
        if other:
            langs = ", ".join(sorted({lang for lang, _ in other}))
            self.add(where, "", "lang-not-sv",
                     f"{count(len(other), 'textavsnitt')} har språket {langs}, t.ex. "
                     f"”{shorten(other[0][1], QUOTE, collapse=True)}”. Markera texten som svenska (sv-SE).")
        if worst:
            ratio, needed, fg, bg, text = worst
            self.add(where, "", "contrast-low", contrast_message(ratio, needed, fg, bg, text))

    def _contrast(self, p, r, chain, table_ctx) -> tuple[float, float, RGB, RGB] | None:
        """(ratio, needed ratio, text colour, background) of a run whose contrast is too low, else None.

        The background: highlight, then run shading, paragraph shading, cell shading, the page."""
        fg = self._color(chain)
        if fg is None:
            return None
        rpr = r.find(w("rPr"))
        ppr = p.find(w("pPr"))
        highlight = rpr.find(w("highlight")) if rpr is not None else None
        bg = None
        if highlight is not None and highlight.get(w("val")) not in (None, "none"):
            bg = hex_rgb(HIGHLIGHT_COLORS.get(highlight.get(w("val")), ""))
        bg = (bg or _shading(rpr.find(w("shd")) if rpr is not None else None)
              or _shading(ppr.find(w("shd")) if ppr is not None else None)
              or (self._cell_shading(table_ctx) if table_ctx else None) or self.page)
        size = next((int(el.find(w("sz")).get(w("val"), "20")) / 2 for el in chain
                     if el.find(w("sz")) is not None), 10.0)
        bold_el = next((el.find(w("b")) for el in chain if el.find(w("b")) is not None), None)
        bold = bold_el is not None and bold_el.get(w("val"), "true") not in ("0", "false", "off")
        ratio, needed = contrast_ratio(fg, bg), needed_ratio(size, bold)
        return (ratio, needed, fg, bg) if ratio < needed else None


def _block_children(container):
    """Block-level children, looking through content controls and custom XML."""
    for el in container:
        tag = local(el)
        if tag in ("sdt", "customXml"):
            content = el.find(w("sdtContent")) if tag == "sdt" else el
            if content is not None:
                yield from _block_children(content)
        elif tag in ("p", "tbl"):
            yield el


def _drawing_kind(container) -> str | None:
    """What a drawing that needs alt text is called in the message ('Bilden' …), None if it needs none."""
    data = container.find(f".//{a('graphicData')}")
    uri = data.get("uri", "") if data is not None else ""
    if uri.endswith("/picture"):
        return "Bilden"
    if uri.endswith("/chart"):
        return "Diagrammet"
    if uri.endswith("/diagram"):
        return "SmartArt-grafiken"
    if uri.endswith("wordprocessingGroup"):
        return "Gruppen"
    if uri.endswith("wordprocessingShape"):
        has_text = bool("".join(t.text or "" for t in container.iter(w("t"))).strip())
        has_pic = container.find(f".//{a('blip')}") is not None
        return "Formen" if has_text or has_pic else None
    return "Objektet" if uri else None


def _nearest_p(el):
    parent = el.getparent()
    while parent is not None and parent.tag != w("p"):
        parent = parent.getparent()
    return parent


def _shading(shd) -> RGB | None:
    if shd is None:
        return None
    pattern = shd.get(w("val"), "clear")
    if pattern == "nil":
        return None
    if pattern == "solid":
        return hex_rgb(shd.get(w("color"), ""))
    return hex_rgb(shd.get(w("fill"), ""))

