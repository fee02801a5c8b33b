"""The Word plan's proposal version: every change against last year's plan as a tracked change.

plan.py writes every compared item (målsättningar, fokusområden, mål, styrtal, uppdrag, gemensamma)
through an item writer. Plain writes the items as they are (the clean plan). Tracked writes each
list merged with last year's (changes.merged): a new item inserted, a removed one deleted where it
stood, a changed one as word-level revisions of its text and cells, a moved one deleted at its old
place and inserted at its new one. Accepting every change in Word gives the clean plan's text of
these items; rejecting every change gives last year's. The rest of the plan (economy, areas) is
not compared and is written as it is.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from typing import Callable, Iterator

from docx.oxml.ns import qn

from ..changes import Changes
from ..messages import loose_key
from .revisions import Revisions, tracked
from .word import DocxWriter

TextOf = Callable[[object], str]


class Plain:
    """Items as they are: the clean plan."""

    def __init__(self, w: DocxWriter):
        self.w = w

    def previous(self, obj: object) -> object | None:
        """Last year's version of an item (None in the clean plan)."""
        return None

    def any(self, kind: str, parent: object | None, items: list) -> bool:
        """Whether a list has anything to show (in the proposal: also what it drops)."""
        return bool(items)

    def paragraph(self, obj: object, text_of: TextOf, label: str | None = None):
        return self.w.paragraph(text_of(obj), label=label)

    def heading(self, obj: object, text_of: TextOf, level: int):
        return self.w.heading(text_of(obj), level)

    def note(self, text: str, new: bool):
        """A line the plan writes itself ("Inga styrtal för fokusområdet."); in the proposal, tracked as
        inserted when `new` (what it stands for is this year's: last year's list went)."""
        return self.w.paragraph(text)

    def bullets(self, kind: str, parent: object | None, items: list, text_of: TextOf) -> None:
        self.w.bullets([text_of(item) for item in items])

    def table(self, kind: str, parent: object | None, items: list, caption: str, header: list[str],
              cells: Callable[[object], list[str]], **options):
        self.w.caption(caption)
        return self.w.table(header, [cells(item) for item in items], **options)

    def blocks(self, kind: str, parent: object | None, items: list, render: Callable[[object], None]) -> None:
        """Sections of the document, one per item (a målsättning's, a fokusområde's, a group's)."""
        for item in items:
            render(item)

    @contextmanager
    def plain(self) -> Iterator[None]:
        yield


class Tracked(Plain):
    """Items merged with last year's, every difference a tracked change."""

    def __init__(self, w: DocxWriter, changes: Changes, revisions: Revisions):
        super().__init__(w)
        self.changes = changes
        self.rev = revisions
        self._plain = 0  # inside a block inserted or deleted as a whole: written as it is
        self._removed: dict[int, object] = {}  # id(last year's object) -> its changes.Item, for blocks that went

    @contextmanager
    def plain(self) -> Iterator[None]:
        self._plain += 1
        try:
            yield
        finally:
            self._plain -= 1

    @contextmanager
    def _whole(self, kind: str) -> Iterator[None]:
        with tracked(self.w, self.rev, kind), self.plain():
            yield

    def previous(self, obj: object) -> object | None:
        change = self.changes.of(obj)
        return change.previous.obj if change is not None and change.previous is not None else None

    def any(self, kind: str, parent: object | None, items: list) -> bool:
        if self._plain:
            return bool(items)
        return bool(items) or any(e.old for e in self.changes.merged(parent, kind, items))

    def _revise(self, p, obj: object, text_of: TextOf) -> None:
        """A paragraph just written for `obj`: inserted when the item is new here, else its text
        (the last run) as a word diff against last year's."""
        change = self.changes.of(obj)
        if change is None:
            return
        if change.status == "ny" or change.moved:
            self.rev.mark_paragraph(p, "ins")
        elif change.previous is not None:
            runs = p.findall(qn("w:r"))
            # A group's heading names its målsättning as last year's plan wrote it (the item's text).
            old = change.previous.text if change.kind == "grupp" else text_of(change.previous.obj)
            if runs:
                self.rev.revise_run(runs[-1], old)

    def paragraph(self, obj: object, text_of: TextOf, label: str | None = None):
        paragraph = super().paragraph(obj, text_of, label)
        if not self._plain:
            self._revise(paragraph._p, obj, text_of)
        return paragraph

    def heading(self, obj: object, text_of: TextOf, level: int):
        removed = self._removed.get(id(obj))
        if removed is not None and removed.kind == "grupp":
            # a group that went: its heading as last year's plan wrote it (its målsättning may be gone too)
            text_of = lambda _obj, text=removed.text: text  # noqa: E731
        paragraph = super().heading(obj, text_of, level)
        if not self._plain:
            self._revise(paragraph._p, obj, text_of)
        return paragraph

    def note(self, text: str, new: bool):
        paragraph = super().note(text, new)
        if new and not self._plain:
            self.rev.mark_paragraph(paragraph._p, "ins")
        return paragraph

    def bullets(self, kind: str, parent: object | None, items: list, text_of: TextOf) -> None:
        if self._plain:
            return super().bullets(kind, parent, items, text_of)

        def one(obj: object) -> None:
            self.w.bullets([text_of(obj)])
            if not self._plain:  # a kept item (a new or removed one is marked whole by blocks())
                self._revise(self._last(), obj, text_of)

        self.blocks(kind, parent, items, one)

    def _last(self):
        body = self.w.doc.element.body
        return [el for el in body if el.tag != qn("w:sectPr")][-1]

    def table(self, kind: str, parent: object | None, items: list, caption: str, header: list[str],
              cells: Callable[[object], list[str]], **options):
        if self._plain:
            return super().table(kind, parent, items, caption, header, cells, **options)
        rows, marks = [], []
        for entry in self.changes.merged(parent, kind, items):
            change = entry.change
            if entry.old:
                rows.append(cells(change.previous.obj))
                marks.append(("del", None))
            elif entry.inserted:
                rows.append(cells(change.current.obj))
                marks.append(("ins", None))
            else:
                rows.append(cells(change.current.obj))
                marks.append(("diff", cells(change.previous.obj)))
        return self.table_rows(caption, header, rows, marks, **options)

    def table_rows(self, caption: str, header: list[str], rows: list[list[str]], marks: list[tuple], **options):
        """A table whose rows are marked ("ins", "del", or "diff" with last year's cells); a table
        all of whose rows are new (or removed) has its caption and header row marked too."""
        kinds = {kind for kind, _ in marks}
        whole = next(iter(kinds)) if len(kinds) == 1 and kinds <= {"ins", "del"} else None
        paragraph = self.w.caption(caption)
        table = self.w.table(header, rows, **options)
        trs = table._tbl.findall(qn("w:tr"))
        if whole:
            self.rev.mark_paragraph(paragraph._p, whole)
            self.rev.mark_row(trs[0], whole)
        for tr, (kind, old) in zip(trs[1:], marks):
            if kind in ("ins", "del"):
                self.rev.mark_row(tr, kind)
            elif old is not None:
                self.rev.revise_cells(tr, old)
        return table

    def blocks(self, kind: str, parent: object | None, items: list, render: Callable[[object], None]) -> None:
        if self._plain:
            return super().blocks(kind, parent, items, render)
        for entry in self.changes.merged(parent, kind, items):
            change = entry.change
            if entry.old:
                self._removed[id(change.previous.obj)] = change.previous
                with self._whole("del"):
                    render(change.previous.obj)
            elif entry.inserted:
                with self._whole("ins"):
                    render(change.current.obj)
            else:
                render(change.current.obj)


    def summary_table(self, caption: str, header: list[str], rows: list, removed: list,
                      cells: Callable[[object], list[str]], **options):
        """The assignment summary (derive.SummaryRow): new rows inserted, changed ones revised
        against last year's number, text, källa and place, the dropped ones deleted at the end
        of their group (the nämnd's own, the gemensamma)."""
        out, marks = [], []
        for gemensam in (False, True):
            for row in (r for r in rows if r.gemensam == gemensam):
                change = self.changes.of(row.uppdrag)
                out.append(cells(row))
                if change is None or change.previous is None or change.moved:
                    marks.append(("ins", None) if change is not None else (None, None))
                else:
                    prev = change.previous
                    marks.append(("diff", cells(replace(row, nr=prev.nr, text=prev.text, kalla=prev.kalla,
                                                         placering=prev.place))))
            for row in (r for r in removed if r.gemensam == gemensam):
                out.append(cells(row))
                marks.append(("del", None))
        return self.table_rows(caption, header, out, marks, **options)


def change_tables(w: DocxWriter, changes: Changes, t, year: int, describe: Callable[[str, object], str]) -> None:
    """The appendix: every new, changed and removed item, per kind, with both wordings.

    `describe(kind, obj)` gives an item's wording as the plan writes it (a styrtal with its
    direction and target). Not tracked: it is a reader's aid to the tracked changes.
    """
    forra = changes.label
    w.paragraph(t("plan_forandringar_intro", forra=forra, datum=changes.date, **changes.totals()))
    missing = t("plan_saknas")
    header = [t("plan_forandringar_kol_status"), t("plan_forandringar_kol_var"),
              t("plan_forandringar_kol_forslag", ar=year), t("plan_forandringar_kol_forra", forra=forra)]
    for kind in changes.counts():
        found = [ch for ch in changes.of_kind(kind) if ch.status != "oförändrad"]
        if not found:
            continue
        what = t(f"plan_forandringar_grupp_{loose_key(kind)}")
        w.heading(what, 2)
        rows = []
        for ch in found:
            where = ch.item.short
            if ch.moved:
                where = t("plan_forandringar_flyttad", var=where, forra=forra, tidigare=ch.previous.short)
            rows.append([
                t(f"plan_forandring_{loose_key(ch.status)}"), where,
                describe(kind, ch.current.obj) if ch.current is not None else missing,
                describe(kind, ch.previous.obj) if ch.previous is not None else missing,
            ])
        w.caption(t("plan_forandringar_bildtext", vad=what, forra=forra))
        w.table(header, rows, widths=(2.2, 3.2, 5.3, 5.3))


