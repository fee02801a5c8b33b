"""Every output document rendered in memory: the decks in the worker process, the Word plan, the
summary and the spreadsheet here meanwhile; each normalised (same content, same bytes). With them,
the notes on the templates (styles added, layouts replaced): each said once per build."""

from __future__ import annotations

from ..changes import Changes
from ..derive import Derived
from ..layout import Layout
from ..model import Plan
from ..outputs import document_names
from ..parallel import Worker
from ..pdf import Office
from ..writer import normalize_zip
from .plan import render_plan
from .summary import render_summary_docx, render_summary_xlsx
from .toc import number_pages
from .word import template_notes

DECK_RENDERER = "generator.render.deck"  # imported by the worker before its job arrives


def render_all(plan: Plan, layout: Layout, worker: Worker, changes: Changes | None = None,
               office: Office | None = None) -> tuple[dict[str, bytes], list[str]]:
    """Every output document, in memory and normalised, keyed by file name: the deck in the
    worker, the Word documents and the spreadsheet here meanwhile; and the notes on the templates.
    `changes` is the comparison with last year's plan the load step made (computed once; it
    travels to the worker in one pickle with the plan). With an `office` (LibreOffice), the
    plans' tables of contents get their page numbers, both plans in one request (toc.py)."""
    decks = worker.submit(render_decks_job, plan, layout, changes)
    notes = template_notes(layout.docx_template)
    derived = Derived(plan, changes)
    names = document_names(plan.plan.planar, proposal=derived.changes is not None)
    plans = {names["plan"]: render_plan(plan, derived, layout)}
    if "plan_proposal" in names:
        plans[names["plan_proposal"]] = render_plan(plan, derived, layout, proposal=True)
    documents = {name: normalize_zip(data) for name, data in number_pages(plans, office).items()}
    documents[names["summary_docx"]] = normalize_zip(render_summary_docx(plan, derived, layout))
    documents[names["summary_xlsx"]] = normalize_zip(render_summary_xlsx(plan, derived, layout))
    decks, deck_notes = worker.result(decks)
    return {**decks, **documents}, deck_notes + notes


def render_decks_job(plan: Plan, layout: Layout, changes: Changes | None = None) -> tuple[dict[str, bytes], list[str]]:
    """The decks, normalised, and the notes on the PowerPoint template: the worker's job (a
    module-level function, so a spawned worker finds it)."""
    # lazy: python-pptx only in the worker (already warmed up there)
    from .deck import render_decks
    from .template import template_notes as deck_template_notes

    notes = deck_template_notes(layout.pptx_template, dict(layout.outline(plan).layouter))
    return {name: normalize_zip(data) for name, data in render_decks(plan, Derived(plan, changes), layout).items()}, notes
