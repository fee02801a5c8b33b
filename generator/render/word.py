"""Word documents from the reference template: styles, tables, fields, TOC, language, properties.

The plan and the summary both start from the layout's reference .docx (ours or the
organisation's, via --docx-template): its styles, page setup, header and footer are kept, its
body is replaced. Everything here writes plain WordprocessingML that Word, LibreOffice and
pandoc all read; content text only ever goes into runs as text, never into field codes.
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
from .toc import fill_toc

LANG = "sv-SE"
TABLE_STYLE = "VP-tabell"
KEEP_TOGETHER_ROWS = 12  # tables up to this many rows are kept on one page


@dataclass(frozen=True)
class StyleNeed:
    name: str  # the style's (English, built-in) name, as python-docx and every Word language store it
    type: WD_STYLE_TYPE
    swedish: str  # what Swedish Word calls it, for the message
    fallbacks: tuple[str, ...] = ()


# The styles the Word outputs use. A template must have each (or one of its fallbacks).
REQUIRED_STYLES: tuple[StyleNeed, ...] = (
    StyleNeed("Normal", WD_STYLE_TYPE.PARAGRAPH, "Normal"),
    StyleNeed("Title", WD_STYLE_TYPE.PARAGRAPH, "Rubrik"),
    StyleNeed("Subtitle", WD_STYLE_TYPE.PARAGRAPH, "Underrubrik"),
    StyleNeed("Heading 1", WD_STYLE_TYPE.PARAGRAPH, "Rubrik 1"),
    StyleNeed("Heading 2", WD_STYLE_TYPE.PARAGRAPH, "Rubrik 2"),
    StyleNeed("Heading 3", WD_STYLE_TYPE.PARAGRAPH, "Rubrik 3"),
    StyleNeed("List Bullet", WD_STYLE_TYPE.PARAGRAPH, "Punktlista"),
    StyleNeed("Caption", WD_STYLE_TYPE.PARAGRAPH, "Beskrivning"),
    # A template made in Word without our table style still works with plain "Table Grid".
    StyleNeed(TABLE_STYLE, WD_STYLE_TYPE.TABLE, TABLE_STYLE, fallbacks=("Table Grid",)),
)
# Used when present; otherwise the paragraph keeps Normal (the TOC still works, just plainer).
OPTIONAL_STYLES = ("TOC Heading", "toc 1", "toc 2", "toc 3", "Header", "Footer")


def _has_style(doc, name: str, kind: WD_STYLE_TYPE) -> bool:
    try:
        return doc.styles[name].type == kind
    except KeyError:
        return False


def resolve_styles(doc, source: Path) -> dict[str, str]:
    """Map each needed style to the name present in `doc`; LayoutError naming every missing one."""
    found: dict[str, str] = {}
    missing: list[StyleNeed] = []
    for need in REQUIRED_STYLES:
        name = next((n for n in (need.name, *need.fallbacks) if _has_style(doc, n, need.type)), None)
        if name is None:
            missing.append(need)
        else:
            found[need.name] = name
    if missing:
        listed = ", ".join(f"'{m.name}' (i svensk Word: {m.swedish})" for m in missing)
        noun = "formatmallen" if len(missing) == 1 else "formatmallarna"
        raise LayoutError(
            f"Word-mallen {source} saknar {noun} {listed} — lägg till "
            f"{'den' if len(missing) == 1 else 'dem'} i mallen (använd formatmallen en gång och spara, "
            f"så sparar Word den) eller använd layouts/verksamhetsplan.docx"
        )
    for name in OPTIONAL_STYLES:
        if _has_style(doc, name, WD_STYLE_TYPE.PARAGRAPH):
            found[name] = name
    return found


_WORD_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def check_template_package(path: Path) -> None:
    """Refuse what is not a .docx before python-docx unpacks it: not a zip, a zip bomb (by the
    sizes the archive declares, before anything is inflated), a PowerPoint file, a .dotx."""
    names, types = template_package(
        path, "Word-mallen", f"Word-mallen {path} kan inte läsas som ett Word-dokument (.docx): filen är inget "
        "zip-arkiv — spara mallen i Word som Word-dokument (.docx)")
    if "ppt/presentation.xml" in names:
        raise LayoutError(f"Word-mallen {path} är en PowerPoint-presentation, inte ett Word-dokument — "
                          "ange en .docx med --docx-template (PowerPoint-mallen anges med --template)")
    if "xl/workbook.xml" in names:
        raise LayoutError(f"Word-mallen {path} är en Excel-arbetsbok, inte ett Word-dokument — ange en .docx")
    if _WORD_TEMPLATE.encode() in types:
        raise LayoutError(f"Word-mallen {path} är en Word-mall (.dotx) — öppna den i Word och spara den som "
                          "Word-dokument (.docx)")
    if not any(name.startswith("word/") for name in names):
        raise LayoutError(f"Word-mallen {path} kan inte läsas som ett Word-dokument (.docx): paketet har "
                          "ingen Word-del — spara mallen i Word som Word-dokument (.docx)")


def open_template(path: Path):
    """The reference document with its body emptied; LayoutError when unreadable or incomplete."""
    path = Path(path)
    check_template_package(path)
    try:
        doc = docx.Document(str(path))
    except Exception as err:  # python-docx and lxml raise several types for a broken package
        raise LayoutError(
            f"Word-mallen {path} kan inte läsas som ett Word-dokument (.docx): paketet är skadat "
            f"({type(err).__name__}) — öppna mallen i Word och spara den igen som Word-dokument (.docx)"
        ) from None
    styles = resolve_styles(doc, path)
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    fix_settings(doc)
    set_language(doc)
    return doc, styles


# ---------------------------------------------------------------- package-level fixes

def _insert_ordered(parent, child, order: Sequence[str]) -> None:
    """Insert `child` where the schema's sequence `order` (prefixed tags) puts it."""
    tags = [qn(t) for t in order]
    position = tags.index(child.tag)
    for i, existing in enumerate(parent):
        if existing.tag in tags and tags.index(existing.tag) > position:
            parent.insert(i, child)
            return
    parent.append(child)


_STYLE_ORDER = (
    "w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden", "w:uiPriority",
    "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal", "w:personalCompose",
    "w:personalReply", "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr",
)


_RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
    "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
    "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
    "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)
_PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
    "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)


def _set_lang(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        _insert_ordered(rpr, lang, _RPR_ORDER)
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
    used = {need.name for need in REQUIRED_STYLES} | set(OPTIONAL_STYLES)
    for style in styles.findall(qn("w:style")):
        rpr = style.find(qn("w:rPr"))
        name = style.find(qn("w:name"))
        is_used = name is not None and _ui_name(name.get(qn("w:val"))) in used
        if rpr is None and is_used:
            rpr = OxmlElement("w:rPr")
            _insert_ordered(style, rpr, _STYLE_ORDER)
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

def text_width(doc) -> int:
    """Usable width of the last section, EMU."""
    section = doc.sections[-1]
    return section.page_width - section.left_margin - section.right_margin


def _element(tag: str, **attrs) -> OxmlElement:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    return el


def add_table(doc, header: Sequence[str], rows: Sequence[Sequence[str]], *, widths: Sequence[float],
              numeric: Sequence[bool] | None = None, total: bool = False, style: str = TABLE_STYLE):
    """A table with a repeating, styled header row; `widths` are relative column weights.

    `total=True` marks the last row as the total row (the table style's lastRow formatting, and
    bold as direct formatting so it also shows with a template whose table style has none).
    """
    numeric = list(numeric or [False] * len(header))
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    try:
        table.style = doc.styles[style]
    except KeyError:
        table.style = doc.styles["Table Grid"]
    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        tbl_pr.remove(look)
    tbl_pr.append(_element("w:tblLook", val="0460" if total else "0420", firstRow=1,
                           lastRow=1 if total else 0, firstColumn=0, lastColumn=0, noHBand=0, noVBand=1))
    # Fixed layout with explicit widths: the same column widths in Word, LibreOffice and PDF.
    table.autofit = False
    full = text_width(doc)
    weight = sum(widths)
    emu = [int(full * w / weight) for w in widths]
    tbl_w = tbl_pr.find(qn("w:tblW"))
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(sum(e // 635 for e in emu)))
    for i, grid in enumerate(table._tbl.tblGrid.findall(qn("w:gridCol"))):
        grid.set(qn("w:w"), str(emu[i] // 635))
    for r, row in enumerate(table.rows):
        values = header if r == 0 else rows[r - 1]
        for c, cell in enumerate(row.cells):
            cell.width = emu[c]
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(sv_typography(values[c]))
            if r == 0 or (total and r == len(rows)):
                run.bold = True
            if numeric[c]:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    # Rows never break across pages; the header row repeats on every page the table spans.
    # A short table stays on one page (Word's way: every row but the last keeps with the next).
    keep_together = len(rows) <= KEEP_TOGETHER_ROWS
    for r, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(_element("w:cantSplit"))
        if r == 0:
            tr_pr.append(_element("w:tblHeader"))
        if r == 0 or (keep_together and r < len(rows)):
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
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
        self.headings: list[_Heading] = []
        self._toc_anchor = None
        self._bookmark_id = 0
        self._break_next = False
        self._after_table = False

    # -- blocks

    def _new_paragraph(self, style: str):
        paragraph = self.doc.add_paragraph(style=self.styles.get(style, "Normal"))
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
        return add_table(self.doc, header, rows, widths=widths, numeric=numeric, total=total,
                         style=self.styles[TABLE_STYLE])

    def page_break(self) -> None:
        """Start the next paragraph on a new page (page-break-before: no empty line at the top)."""
        self._break_next = True

    def shade(self, paragraph, fill: str) -> None:
        """Paragraph shading (notices); the text says what it is, the colour only helps."""
        ppr = paragraph._p.get_or_add_pPr()
        for old in ppr.findall(qn("w:shd")):
            ppr.remove(old)
        _insert_ordered(ppr, _element("w:shd", val="clear", color="auto", fill=fill), _PPR_ORDER)

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
