"""Tracked changes in a Word document: w:ins and w:del around runs, paragraph marks and table rows.

Every revision carries one author and a fixed date (from the plan), so the same content gives the
same bytes; ids count up from REVISION_IDS, clear of the headings' bookmark ids. A whole new (or
removed) paragraph has its runs and its paragraph mark marked; a new (or removed) table row has
w:trPr/w:ins (w:del) and every run and paragraph mark in its cells marked too, as Word writes it
(a reader that looks only at runs would otherwise keep a deleted row's text). Changed text is a
word-level diff (changes.word_diff) of runs that keep the original run's formatting.
"""

from __future__ import annotations

import copy
import datetime
from contextlib import contextmanager
from typing import Iterator

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..changes import Segment, normal, word_diff
from ..typography import sv_typography

REVISION_IDS = 100_000
_TRACKED = {qn("w:ins"), qn("w:del")}


class Revisions:
    """Makes the w:ins / w:del marks of one document."""

    def __init__(self, author: str, date: datetime.date):
        self.author = author
        self.date = f"{date.isoformat()}T00:00:00Z"
        self._next = REVISION_IDS

    def mark(self, kind: str):
        """A new w:ins or w:del element (kind "ins" or "del") with id, author and date."""
        self._next += 1
        el = OxmlElement(f"w:{kind}")
        el.set(qn("w:id"), str(self._next))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        return el

    # ------------------------------------------------------------ runs and paragraphs

    def wrap_run(self, r, kind: str) -> None:
        """Put a run inside a new w:ins / w:del; a deleted run's text becomes w:delText."""
        if r.getparent() is not None and r.getparent().tag in _TRACKED:
            return  # already marked
        wrapper = self.mark(kind)
        r.addprevious(wrapper)
        wrapper.append(r)
        if kind == "del":
            for t in r.findall(qn("w:t")):
                t.tag = qn("w:delText")
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            for t in r.findall(qn("w:instrText")):
                t.tag = qn("w:delInstrText")

    def mark_paragraph_mark(self, p, kind: str) -> None:
        """The paragraph mark (w:pPr/w:rPr) as inserted or deleted."""
        ppr = p.get_or_add_pPr()
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            # w:rPr comes after every other paragraph property but w:sectPr and w:pPrChange.
            later = [child for child in ppr if child.tag in (qn("w:sectPr"), qn("w:pPrChange"))]
            if later:
                later[0].addprevious(rpr)
            else:
                ppr.append(rpr)
        if rpr.find(qn("w:ins")) is None and rpr.find(qn("w:del")) is None:
            rpr.insert(0, self.mark(kind))

    def mark_paragraph(self, p, kind: str) -> None:
        """A whole paragraph inserted or deleted: its runs and its mark."""
        for r in list(p.iter(qn("w:r"))):
            self.wrap_run(r, kind)
        self.mark_paragraph_mark(p, kind)

    def mark_row(self, tr, kind: str) -> None:
        """A whole table row inserted or deleted: w:trPr and everything in its cells."""
        tr_pr = tr.get_or_add_trPr()
        if tr_pr.find(qn("w:ins")) is None and tr_pr.find(qn("w:del")) is None:
            tr_pr.append(self.mark(kind))  # after the row properties (CT_TrPr: base, then ins, del)
        for p in tr.iter(qn("w:p")):
            self.mark_paragraph(p, kind)

    def mark_block(self, el, kind: str) -> None:
        """A body element (paragraph or table) inserted or deleted as a whole."""
        if el.tag == qn("w:p"):
            self.mark_paragraph(el, kind)
        elif el.tag == qn("w:tbl"):
            for tr in el.findall(qn("w:tr")):
                self.mark_row(tr, kind)

    # ------------------------------------------------------------ word-level changes

    def revise_run(self, r, old: str) -> bool:
        """Replace a run holding the new text with the word diff from `old`: kept, deleted and
        inserted pieces, each in the run's own formatting. False (and nothing done) when equal.
        `old` is written the way the new text was (Swedish typography), so only words differ."""
        old = sv_typography(old)
        new = _run_text(r)
        if normal(old) == normal(new):  # what decides oförändrad: no change one could see
            return False
        for segment in word_diff(old, new):
            r.addprevious(self._piece(r, segment))
        r.getparent().remove(r)
        return True

    def _piece(self, like, segment: Segment):
        run = OxmlElement("w:r")
        rpr = like.find(qn("w:rPr"))
        if rpr is not None:
            run.append(copy.deepcopy(rpr))
        run.text = segment.text  # python-docx's CT_R: "\n" becomes w:br, "\t" w:tab
        if segment.op == "=":
            return run
        wrapper = self.mark("ins" if segment.op == "+" else "del")
        wrapper.append(run)
        if segment.op == "-":
            for t in run.findall(qn("w:t")):
                t.tag = qn("w:delText")
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return wrapper

    def revise_cells(self, tr, old_cells: list[str]) -> None:
        """Each cell of a row against last year's text: the cell's last run becomes the diff."""
        for tc, old in zip(tr.findall(qn("w:tc")), old_cells):
            runs = [r for r in tc.iter(qn("w:r")) if r.getparent().tag not in _TRACKED]
            if runs:
                self.revise_run(runs[-1], old)


def _run_text(r) -> str:
    return r.text or ""


@contextmanager
def tracked(writer, revisions: Revisions, kind: str) -> Iterator[None]:
    """Everything the DocxWriter adds to the body inside the block is inserted (or deleted) as a
    whole. A deleted block's headings leave the table of contents (they are gone once accepted)."""
    body = writer.doc.element.body
    before = set(body)  # holding the elements keeps lxml's proxies, so membership is identity
    headings = len(writer.headings)
    yield
    for el in list(body):
        if el not in before and el.tag != qn("w:sectPr"):
            revisions.mark_block(el, kind)
    if kind == "del":
        del writer.headings[headings:]
