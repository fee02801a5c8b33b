"""Word documents from the reference template: styles, tables, fields, TOC, language, properties.

The plan and the summary both start from the layout's reference .docx (ours, or the
organisation's .docx or .dotx via --docx-template): its styles, page setup, header and footer are
kept, the styles it lacks are added (word_styles.py), its body is replaced. Everything here writes
plain WordprocessingML that Word, LibreOffice and pandoc all read; content text only ever goes
into runs as text, never into field codes.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.styles import BabelFish

from ..layout import template_package
from ..problems import LayoutError
from ..sanitize import property_text
from ..typography import sv_typography
from .package import as_document
from .wml import LVL_ORDER, PPR_ORDER, RPR_ORDER, SECT_ORDER, STYLE_ORDER, insert_ordered
from .word_columns import column_widths
from .word_styles import TABLE_STYLE, USED_STYLE_NAMES, TableText, complete_styles, table_text, text_width
from .toc import fill_toc

LANG = "sv-SE"
KEEP_TOGETHER_ROWS = 12  # tables up to this many rows are kept on one page
A4 = (11906, 16838)  # twips
MARGIN = 1418  # 2,5 cm in twips, as ours
RESAVE = "öppna mallen i Word och spara den igen"


def check_template_package(path: Path) -> bytes:
    """Refuse what is not a Word file before python-docx unpacks it: not a zip, a zip bomb (by the
    sizes the archive declares, before anything is inflated), a PowerPoint or Excel file. Returns
    the package's [Content_Types].xml."""
    names, types = template_package(
        path, "Word-mallen", f"Word-mallen {path} är ingen Word-fil (.docx eller .dotx): filen är inget zip-arkiv "
        "— spara mallen i Word igen")
    if "ppt/presentation.xml" in names:
        raise LayoutError(f"Word-mallen {path} är en PowerPoint-presentation, inte ett Word-dokument — "
                          "ange en .docx eller .dotx med --docx-template (PowerPoint-mallen anges med --template)")
    if "xl/workbook.xml" in names:
        raise LayoutError(f"Word-mallen {path} är en Excel-arbetsbok, inte ett Word-dokument — ange en .docx eller "
                          ".dotx")
    if not any(name.startswith("word/") for name in names):
        raise LayoutError(f"Word-mallen {path} är ingen Word-fil (.docx eller .dotx): paketet har ingen Word-del — "
                          "spara mallen i Word igen")
    return types


def open_template(path: Path):
    """The reference document with its body emptied and every style the outputs use (missing
    ones added, see word_styles), and its styles by need; see `open_reference`."""
    doc, styles, _ = open_reference(path)
    return doc, styles


def open_reference(path: Path):
    """`open_template`, and the notes for the planner (styles added, colours darkened, heading
    numbers taken away, macros left out).

    A .docx, or a .dotx (Word template) as the region hands it out: a template is opened as a
    document (see `as_document`), the outputs are always .docx. LayoutError when unusable.
    """
    path = Path(path)
    types = check_template_package(path)
    broken = f"Word-mallen {path} kan inte öppnas: paketet är skadat"
    source, macros = as_document(path, types, f"{broken} — {RESAVE}")
    try:
        doc = docx.Document(source)
    except Exception as err:  # python-docx and lxml raise several types for a broken package
        raise LayoutError(f"{broken} ({type(err).__name__}) — {RESAVE}") from None
    ensure_page_setup(doc)
    completed = complete_styles(doc, path)
    notes = completed.notes(path)
    if macros:
        notes.append(f"Word-mallen {path} innehåller makron: de används inte och följer inte med dokumenten.")
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    fix_settings(doc)
    fix_template_parts(doc)
    set_language(doc)
    return doc, completed.found, notes


def template_notes(path: Path) -> list[str]:
    """What the planner should know about the Word template (said once per build): styles added,
    macros left out."""
    return open_reference(path)[2]


def ensure_page_setup(doc) -> None:
    """A page size and margins in the last section (A4 and ours when the template has none), so
    that table widths and tab stops can be computed."""
    body = doc.element.body
    sect = body.find(qn("w:sectPr"))
    if sect is None:
        sect = OxmlElement("w:sectPr")
        body.append(sect)
    if sect.find(qn("w:pgSz")) is None:
        insert_ordered(sect, _element("w:pgSz", w=A4[0], h=A4[1]), SECT_ORDER)
    margins = sect.find(qn("w:pgMar"))
    if margins is None:
        margins = _element("w:pgMar", top=MARGIN, right=MARGIN, bottom=MARGIN, left=MARGIN, header=709, footer=567,
                           gutter=0)
        insert_ordered(sect, margins, SECT_ORDER)
    size = sect.find(qn("w:pgSz"))
    for side, default in (("w", A4[0]), ("h", A4[1])):
        if not (size.get(qn(f"w:{side}")) or "").isdigit():
            size.set(qn(f"w:{side}"), str(default))
    for side in ("top", "right", "bottom", "left"):
        if not (margins.get(qn(f"w:{side}")) or "").lstrip("-").isdigit():
            margins.set(qn(f"w:{side}"), str(MARGIN))


# ---------------------------------------------------------------- package-level fixes

def _set_lang(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        insert_ordered(rpr, lang, RPR_ORDER)
    lang.set(qn("w:val"), LANG)


def set_language(doc) -> None:
    """sv-SE as proofing language in docDefaults, in every style that names a language, and in
    the paragraph and character styles we use; theme font language too (Word shows it)."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    _set_lang(rpr)
    used = USED_STYLE_NAMES
    for style in styles.findall(qn("w:style")):
        rpr = style.find(qn("w:rPr"))
        name = style.find(qn("w:name"))
        is_used = name is not None and _ui_name(name.get(qn("w:val"))) in used
        if rpr is None and is_used:
            rpr = OxmlElement("w:rPr")
            insert_ordered(style, rpr, STYLE_ORDER)
        if rpr is not None and (is_used or rpr.find(qn("w:lang")) is not None):
            _set_lang(rpr)
    settings = doc.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANG)


def _ui_name(name: str | None) -> str:
    return BabelFish.internal2ui(name or "")


def fix_settings(doc) -> None:
    """Make the settings part schema-valid: <w:zoom> needs w:percent (python-docx's default lacks it)."""
    settings = doc.settings.element
    for zoom in settings.findall(qn("w:zoom")):
        if zoom.get(qn("w:percent")) is None:
            zoom.set(qn("w:percent"), "100")


VML = "urn:schemas-microsoft-com:vml"


def fix_template_parts(doc) -> None:
    """Schema slips of LibreOffice's Word export in the parts the outputs carry over from a
    template: numbering levels with w:pStyle before w:numFmt, VML shapes with an 'ID' attribute of
    LibreOffice's own. Put in order and left out, so the outputs validate as ours do."""
    for part in doc.part.package.iter_parts():
        root = getattr(part, "element", None)  # XML parts only (not pictures)
        if root is None:
            continue
        for lvl in root.iter(qn("w:lvl")):
            children = [el for el in lvl if isinstance(el.tag, str)]
            ordered = sorted(children, key=lambda el: LVL_ORDER.index(el.tag) if el.tag in LVL_ORDER else 99)
            if ordered != children:
                for el in ordered:
                    lvl.append(el)
        for shape in root.iter(f"{{{VML}}}*"):
            shape.attrib.pop("ID", None)


def set_core_properties(doc, *, title: str, subject: str, author: str, date: datetime.date,
                        keywords: str = "") -> None:
    """Title (accessibility: the document's name), language, and fixed dates for same-bytes builds."""
    props = doc.core_properties
    props.title = property_text(title)
    props.subject = property_text(subject)
    props.author = property_text(author)
    props.last_modified_by = property_text(author)
    props.language = LANG
    props.keywords = property_text(keywords)
    props.comments = ""
    props.category = ""
    props.revision = 1
    stamp = datetime.datetime.combine(date, datetime.time())
    props.created = props.modified = stamp
    if props.last_printed is not None:
        props.last_printed = stamp


def to_bytes(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- fields, header, footer

def add_field(paragraph, instruction: str, result: str = "") -> None:
    """A complex field (begin / instr / separate / cached result / end) at the end of `paragraph`."""
    p = paragraph._p
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None),
                       ("result", result), ("end", None)):
        run = OxmlElement("w:r")
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        elif kind == "result":
            if not text:
                continue
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run.append(el)
        p.append(run)


def _has_text_or_drawing(part) -> bool:
    el = part._element
    text = "".join(t.text or "" for t in el.iter(qn("w:t")))
    return bool(text.strip()) or el.find(".//" + qn("w:drawing")) is not None


def _has_page_field(part) -> bool:
    el = part._element
    codes = [t.text or "" for t in el.iter(qn("w:instrText"))]
    codes += [f.get(qn("w:instr"), "") for f in el.iter(qn("w:fldSimple"))]
    return any(code.split()[:1] == ["PAGE"] for code in codes)


def fill_header_footer(doc, header_text: str, page_label: str, title_page: bool) -> None:
    """Our header line (nämnd and year) unless the template's header already has content; page
    numbers ("Sida N") in the footer unless it already has a PAGE field; title page without either."""
    section = doc.sections[-1]
    section.different_first_page_header_footer = title_page
    if title_page:
        for part in (section.first_page_header, section.first_page_footer):
            if part.is_linked_to_previous:  # none in the template: an empty one, without the Header style's rule
                part.is_linked_to_previous = False
                for paragraph in part.paragraphs:
                    paragraph.style = doc.styles["Normal"]
    header = section.header
    if header.is_linked_to_previous or not _has_text_or_drawing(header):
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        paragraph.add_run(sv_typography(header_text))
    footer = section.footer
    if footer.is_linked_to_previous or not _has_page_field(footer):
        footer.is_linked_to_previous = False
        paragraph = footer.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.add_run(f"{page_label} ")
        add_field(paragraph, "PAGE", "1")


# ---------------------------------------------------------------- tables

def _element(tag: str, **attrs) -> OxmlElement:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    return el


class StyleIds:
    """Style ids by (name, kind), each looked up once.

    python-docx resolves a style given by name or object on every assignment, scanning every
    style of the document for the default of its kind (a third of the Word plan's rendering time);
    here each is resolved once and written as the paragraph's or table's style id directly. The
    result is python-docx's: no id for the default style of its kind.
    """

    def __init__(self, doc):
        self.doc = doc
        self._ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}

    def __call__(self, name: str, kind: WD_STYLE_TYPE) -> str | None:
        key = (name, kind)
        if key not in self._ids:
            style, default = self.doc.styles[name], self.doc.styles.default(kind)
            self._ids[key] = None if default is not None and style.style_id == default.style_id else style.style_id
        return self._ids[key]


def add_table(doc, header: Sequence[str], rows: Sequence[Sequence[str]], *, widths: Sequence[float],
              numeric: Sequence[bool] | None = None, total: bool = False, style: str = TABLE_STYLE,
              style_ids: StyleIds | None = None, text: TableText | None = None):
    """A table with a repeating, styled header row; `widths` are relative column weights.

    `total=True` marks the last row as the total row (the table style's lastRow formatting, and
    bold as direct formatting so it also shows with a template whose table style has none).
    """
    numeric = list(numeric or [False] * len(header))
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    if style_ids is not None:
        table._tbl.tblStyle_val = style_ids(style, WD_STYLE_TYPE.TABLE)
    else:
        table.style = doc.styles[style]
    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        tbl_pr.remove(look)
    tbl_pr.append(_element("w:tblLook", val="0460" if total else "0420", firstRow=1,
                           lastRow=1 if total else 0, firstColumn=0, lastColumn=0, noHBand=0, noVBand=1))
    # Fixed layout with explicit widths: the same column widths in Word, LibreOffice and PDF.
    table.autofit = False
    cells = [[sv_typography(value) for value in row] for row in [header, *rows]]
    full = text_width(doc)
    emu = column_widths(widths, list(zip(*cells)), full, text or table_text(doc, style))
    tbl_w = tbl_pr.find(qn("w:tblW"))
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(sum(e // 635 for e in emu)))
    for i, grid in enumerate(table._tbl.tblGrid.findall(qn("w:gridCol"))):
        grid.set(qn("w:w"), str(emu[i] // 635))
    # The cells are filled through python-docx's XML classes rather than its row/cell/paragraph
    # proxies: the same elements in the same order, a third of the time (tables are most of a plan).
    keep_together = len(rows) <= KEEP_TOGETHER_ROWS
    last = len(rows)
    for r, tr in enumerate(table._tbl.tr_lst):
        values = cells[r]
        bold = r == 0 or (total and r == last)
        # Rows never break across pages; the header row repeats on every page the table spans.
        # A short table stays on one page (Word's way: every row but the last keeps with the next).
        keep = r == 0 or (keep_together and r < last)
        tr_pr = tr.get_or_add_trPr()
        tr_pr.append(_element("w:cantSplit"))
        if r == 0:
            tr_pr.append(_element("w:tblHeader"))
        for c, tc in enumerate(tr.tc_lst):
            tc.width = emu[c]
            p = tc.p_lst[0]
            run = p.add_r()
            text = values[c]
            if text:
                run.text = text
            if bold:
                run.get_or_add_rPr().get_or_add_b()  # <w:b/>, as python-docx's run.bold = True writes it
            if keep:
                p.get_or_add_pPr().keepNext_val = True
            if numeric[c]:
                p.get_or_add_pPr().jc_val = WD_ALIGN_PARAGRAPH.RIGHT
    return table


# ---------------------------------------------------------------- the document writer

@dataclass
class _Heading:
    level: int
    text: str
    bookmark: str


class DocxWriter:
    """Appends styled blocks to a template's body; keeps the headings for the table of contents.

    Every text goes in with Swedish typography (typography.py), as in the deck.
    """

    def __init__(self, template: Path):
        self.doc, self.styles = open_template(template)
        self.style_ids = StyleIds(self.doc)
        self.headings: list[_Heading] = []
        self._toc_anchor = None
        self._bookmark_id = 0
        self._break_next = False
        self._after_table = False
        self._table_text: TableText | None = None  # the table style's font, for column widths

    # -- blocks

    def _new_paragraph(self, style: str):
        paragraph = self.doc.add_paragraph()
        paragraph._p.style = self.style_ids(self.styles.get(style, "Normal"), WD_STYLE_TYPE.PARAGRAPH)
        if self._break_next:
            paragraph.paragraph_format.page_break_before = True
            self._break_next = False
        elif self._after_table and style in ("Normal", "List Bullet"):
            # Word and LibreOffice put no space between a table and the next paragraph.
            paragraph.paragraph_format.space_before = Pt(8)
        self._after_table = False
        return paragraph

    def paragraph(self, text: str = "", style: str = "Normal", label: str | None = None):
        """A paragraph; `label` is a bold lead-in ("Mål: ") before the text."""
        paragraph = self._new_paragraph(style)
        if label:
            paragraph.add_run(sv_typography(label)).bold = True
        if text:
            paragraph.add_run(sv_typography(text))
        return paragraph

    def heading(self, text: str, level: int):
        """A real heading (Heading 1–3), bookmarked for the table of contents."""
        level = max(1, min(level, 3))
        text = sv_typography(text)
        paragraph = self._new_paragraph(f"Heading {level}")
        self._bookmark_id += 1
        name = f"_Toc{self._bookmark_id:08d}"
        start = _element("w:bookmarkStart", id=self._bookmark_id, name=name)
        paragraph._p.append(start)
        paragraph.add_run(text)
        paragraph._p.append(_element("w:bookmarkEnd", id=self._bookmark_id))
        self.headings.append(_Heading(level, text, name))
        return paragraph

    def bullets(self, items: Sequence[str]) -> None:
        for item in items:
            self._new_paragraph("List Bullet").add_run(sv_typography(item))

    def caption(self, text: str):
        return self.paragraph(text, style="Caption")

    def table(self, header, rows, *, widths, numeric=None, total=False):
        self._after_table = True
        if self._table_text is None:
            self._table_text = table_text(self.doc, self.styles[TABLE_STYLE])
        return add_table(self.doc, header, rows, widths=widths, numeric=numeric, total=total,
                         style=self.styles[TABLE_STYLE], style_ids=self.style_ids, text=self._table_text)

    def page_break(self) -> None:
        """Start the next paragraph on a new page (page-break-before: no empty line at the top)."""
        self._break_next = True

    def shade(self, paragraph, fill: str) -> None:
        """Paragraph shading (notices); the text says what it is, the colour only helps."""
        ppr = paragraph._p.get_or_add_pPr()
        for old in ppr.findall(qn("w:shd")):
            ppr.remove(old)
        insert_ordered(ppr, _element("w:shd", val="clear", color="auto", fill=fill), PPR_ORDER)

    def title(self, text: str, space_before: bool = True):
        paragraph = self.paragraph(text, style="Title")
        if not space_before:
            paragraph.paragraph_format.space_before = 0
        return paragraph

    # -- table of contents

    def toc(self, title: str) -> None:
        """Mark where the table of contents goes; filled by finish() once every heading is known."""
        if "TOC Heading" in self.styles:
            self.paragraph(title, style="TOC Heading")
        else:
            self.paragraph(label=title)
        self._toc_anchor = self.doc.add_paragraph()._p

    def _fill_toc(self) -> None:
        """The TOC field, its result filled with every heading as a link (see toc.py)."""
        if self._toc_anchor is None:
            return
        style_ids = {level: self.doc.styles[f"toc {level}"].style_id if f"toc {level}" in self.styles else None
                     for level in (1, 2, 3)}
        headings = [(h.level, h.text, h.bookmark) for h in self.headings]
        fill_toc(self._toc_anchor, headings, style_ids, text_width(self.doc) // 635)

    def finish(self) -> bytes:
        self._fill_toc()
        return to_bytes(self.doc)
