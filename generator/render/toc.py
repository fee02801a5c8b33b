"""The Word plan's table of contents: a real TOC field whose result is already filled in, every
heading as a link with its page number, the page numbers as LibreOffice lays the plan out.

The field stays a field (Word updates it on request, F9); LibreOffice shows the stored result
and does not update fields when it converts to PDF, so the result is written here. Page numbers
need a layout engine: `number_pages` converts the plans once with LibreOffice, reads each
heading's page from the PDF's bookmarks (LibreOffice exports every heading as one, in document
order, with its page), and writes them into the entries' PAGEREF fields. The entries are written
with a placeholder number of two digits first, so the document measured is laid out like the
finished one. That takes a LibreOffice run, so a build numbers the TOC when it runs LibreOffice
anyway: with --pdf or --final (`wanted`; VPGEN_TOC_PAGES=1 asks for it in every build, 0 never).
Otherwise, or without LibreOffice, the entries keep no number: Word fills them on F9.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..pdf import Office, PdfError, find_soffice, outline_pages

PLACEHOLDER = "00"  # two digits: a plan runs to tens of pages
ENV = "VPGEN_TOC_PAGES"
_WS = re.compile(r"\s+")


def _el(tag: str, **attrs) -> OxmlElement:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    return el


def _run(child) -> OxmlElement:
    run = OxmlElement("w:r")
    run.append(child)
    return run


def _field_runs(instruction: str, result: str | None) -> list:
    """begin, instruction, separate, the cached result (if any), end: a complex field's runs."""
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    runs = [_run(_el("w:fldChar", fldCharType="begin")), _run(instr), _run(_el("w:fldChar", fldCharType="separate"))]
    if result is not None:
        text = OxmlElement("w:t")
        text.text = result
        runs.append(_run(text))
    return runs + [_run(_el("w:fldChar", fldCharType="end"))]


def fill_toc(anchor, headings: list[tuple[int, str, str]], style_ids: dict[int, str | None], width: int) -> None:
    """Replace the `anchor` paragraph by the TOC field: one paragraph per (level, text, bookmark),
    each a link to its heading, a dot leader to a right tab at `width` (twips) and a PAGEREF
    field holding the page number (a placeholder until `number_pages` or `set_page_numbers`)."""
    entries = headings or [None]
    paragraphs = []
    for i, heading in enumerate(entries):
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        level = heading[0] if heading else 1
        if style_ids.get(level):
            ppr.append(_el("w:pStyle", val=style_ids[level]))
        tabs = OxmlElement("w:tabs")
        tabs.append(_el("w:tab", val="right", leader="dot", pos=width))
        ppr.append(tabs)
        if not style_ids.get(level) and level > 1:
            ppr.append(_el("w:ind", left=220 * (level - 1)))
        p.append(ppr)
        if i == 0:
            for run in _field_runs('TOC \\o "1-3" \\h \\z \\u', None)[:-1]:
                p.append(run)
        if heading is not None:
            _, text, bookmark = heading
            link = _el("w:hyperlink", anchor=bookmark, history=1)
            shown = OxmlElement("w:t")
            shown.text = text
            link.append(_run(shown))
            link.append(_run(OxmlElement("w:tab")))
            for run in _field_runs(f"PAGEREF {bookmark} \\h", PLACEHOLDER):
                link.append(run)
            p.append(link)
        if i == len(entries) - 1:
            p.append(_run(_el("w:fldChar", fldCharType="end")))
        paragraphs.append(p)
    for p in paragraphs:
        anchor.addprevious(p)
    anchor.getparent().remove(anchor)


def _entries(document):
    """(bookmark, heading text, PAGEREF result w:t element, the entry's tab run) per TOC entry."""
    found = []
    for link in document.element.body.iter(qn("w:hyperlink")):
        instr = [t for t in link.iter(qn("w:instrText")) if (t.text or "").strip().startswith("PAGEREF ")]
        if not instr:
            continue
        texts = [t for t in link.iter(qn("w:t"))]
        found.append((link.get(qn("w:anchor")), texts[0].text if texts else "", texts[-1], link))
    return found


def set_page_numbers(data: bytes, pages: dict[str, int] | None) -> bytes:
    """The plan with its TOC entries' page numbers set (`pages` by bookmark); with None, each
    entry loses its tab and number (a TOC without page numbers, for Word to update)."""
    document = docx.Document(io.BytesIO(data))
    for bookmark, _, result, link in _entries(document):
        if pages is not None and bookmark in pages:
            result.text = str(pages[bookmark])
            continue
        runs = list(link.iter(qn("w:r")))
        for run in runs[1:]:  # everything after the heading's own text: the tab and the PAGEREF field
            link.remove(run)
        ppr = link.getparent().find(qn("w:pPr"))
        tabs = ppr.find(qn("w:tabs")) if ppr is not None else None
        if tabs is not None:
            ppr.remove(tabs)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _key(text: str) -> str:
    return _WS.sub(" ", (text or "").replace("\u00a0", " ")).strip().casefold()


def heading_pages(data: bytes, outline: list[tuple[str, int]]) -> dict[str, int]:
    """Each TOC entry's page: the PDF bookmarks (title, page), matched to the entries in order."""
    document = docx.Document(io.BytesIO(data))
    pages: dict[str, int] = {}
    at = 0
    for bookmark, text, _, _ in _entries(document):
        for j in range(at, len(outline)):
            if _key(outline[j][0]) == _key(text):
                pages[bookmark] = outline[j][1]
                at = j + 1
                break
    return pages


def wanted(converting: bool) -> bool:
    """Whether a build numbers the plan's table of contents: when it runs LibreOffice anyway (--pdf,
    --final: the versions that go to the board), unless VPGEN_TOC_PAGES says otherwise (1: always,
    0: never); and only where LibreOffice is installed."""
    setting = os.environ.get(ENV, "")
    asked = setting == "1" or (converting and setting != "0")
    return asked and find_soffice() is not None


def number_pages(plans: dict[str, bytes], office: Office | None) -> dict[str, bytes]:
    """The plans (name -> .docx) with page numbers in their TOCs as LibreOffice lays them out, all in
    one request to `office` (see the module docstring); with no office, or when LibreOffice fails,
    the entries keep no number (Word fills them on F9)."""
    if office is None or not plans:
        return {name: set_page_numbers(data, None) for name, data in plans.items()}
    with tempfile.TemporaryDirectory(prefix="vpgen-toc-") as tmp:
        sources = []
        for name, data in plans.items():
            source = Path(tmp) / "in" / name
            source.parent.mkdir(exist_ok=True)
            source.write_bytes(data)
            sources.append(source)
        try:
            pdfs = office.convert(sources, Path(tmp) / "pdf")
            outlines = [outline_pages(pdf) for pdf in pdfs]
        except PdfError:
            return {name: set_page_numbers(data, None) for name, data in plans.items()}
    out = {}
    for (name, data), outline in zip(plans.items(), outlines):
        pages = heading_pages(data, outline)
        out[name] = set_page_numbers(data, pages if pages else None)
    return out
