"""The names of the files a build writes: the one place that decides them."""

from __future__ import annotations

from pathlib import PurePath


def deck_name(year: int, fil: str) -> str:
    """A deck of the outline: 'VP-2026-namndpresentation.pptx'."""
    return f"VP-{year}-{fil}.pptx"


def document_names(year: int, proposal: bool = False) -> dict[str, str]:
    """The documents a build writes besides the decks; `proposal` (the plan is compared with last
    year's) adds the plan's proposal version with tracked changes."""
    names = {
        "plan": f"VP-{year}-verksamhetsplan.docx",
        "summary_docx": f"VP-{year}-uppdrag.docx",
        "summary_xlsx": f"VP-{year}-uppdrag.xlsx",
    }
    if proposal:
        names["plan_proposal"] = f"VP-{year}-verksamhetsplan-forslag.docx"
    return names


def pdf_name(document: str) -> str:
    """The PDF of a document: 'VP-2026-verksamhetsplan.pdf'."""
    return PurePath(document).stem + ".pdf"
