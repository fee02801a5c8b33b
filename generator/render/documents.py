"""Every output document rendered in memory: the decks in the worker process, the Word plan, the
summary and the spreadsheet here meanwhile; each normalised (same content, same bytes)."""

from __future__ import annotations

from ..derive import Derived
from ..layout import Layout
from ..model import Plan
from ..outputs import document_names
from ..parallel import Worker
from ..writer import normalize_zip
from .plan import render_plan
from .summary import render_summary_docx, render_summary_xlsx

DECK_RENDERER = "generator.render.deck"  # imported by the worker before its job arrives


def render_all(plan: Plan, layout: Layout, worker: Worker) -> dict[str, bytes]:
    """Every output document, in memory and normalised, keyed by file name: the deck in the
    worker, the Word documents and the spreadsheet here meanwhile."""
    decks = worker.submit(render_decks_job, plan, layout)
    derived = Derived(plan)
    names = document_names(plan.plan.planar)
    documents = {
        names["plan"]: normalize_zip(render_plan(plan, derived, layout)),
        names["summary_docx"]: normalize_zip(render_summary_docx(plan, derived, layout)),
        names["summary_xlsx"]: normalize_zip(render_summary_xlsx(plan, derived, layout)),
    }
    return {**worker.result(decks), **documents}


def render_decks_job(plan: Plan, layout: Layout) -> dict[str, bytes]:
    """The decks, normalised: the worker's job (a module-level function, so a spawned worker finds it)."""
    from .deck import render_decks  # lazy: python-pptx only in the worker (already warmed up there)

    return {name: normalize_zip(data) for name, data in render_decks(plan, Derived(plan), layout).items()}
