"""What the deck shows of the comparison with last year's plan (Derived.changes).

Labels: a new or changed item starts with a bold word ("Ny:", "Ändrad:") in a colour that only
helps; an unchanged item is set in a quieter grey. The speaker notes give a changed item's wording
last year. Sections: the overview of changes (counts per kind and status), the items that are
dropped ("Utgår", with where they sat) and Förslag till beslut. Without a previous plan nothing
here shows: no label, no note, no slide.
"""

from __future__ import annotations

from dataclasses import replace

from ..changes import KINDS, STATUSES, Change
from ..messages import loose_key
from .fit import Para, Run, para
from .specs import Spec, TableSpec, TextSpec

LABEL_KEYS = {"ny": "etikett_ny", "ändrad": "etikett_andrad"}
QUIET = "dämpad"


def labelled(ctx, status: str | None, runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """`runs` of an item line with its status shown: a bold label word before a new or changed
    item, the whole line quieter for an unchanged one; as they are without a comparison."""
    if status in LABEL_KEYS:
        return (Run(ctx.t(LABEL_KEYS[status]) + " ", True, status),) + runs
    if status == "oförändrad":
        return tuple(replace(run, tone=QUIET) for run in runs)
    return runs


def item_runs(ctx, obj: object, runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """labelled() for a model object of the plan."""
    change = ctx.derived.change_of(obj)
    return labelled(ctx, change.status if change is not None else None, runs)


def note(ctx, what: str, kalla, obj: object | None = None, old_text: callable | None = None) -> str | None:
    """The speaker-note line of an item: its källa, and how it changed against last year's plan
    (new, reworded — with last year's wording — moved or renumbered); None when there is neither.

    `old_text(previous_object)` gives last year's wording as the slide would have shown it.
    """
    clause = _change_clause(ctx, obj, old_text) if obj is not None else None
    if clause is None:
        return ctx.t("notes_kalla", vad=what, kalla=str(kalla)) if kalla is not None else None
    return ctx.t("notes_forandring", vad=what, kalla=str(kalla) if kalla is not None else None, forandring=clause)


def _change_clause(ctx, obj: object, old_text: callable | None) -> str | None:
    change: Change | None = ctx.derived.change_of(obj)
    if change is None or (change.status == "oförändrad" and not change.renumbered):
        return None
    prev = change.previous
    tidigare = None
    if prev is not None and change.reworded:
        tidigare = old_text(prev.obj) if old_text is not None else prev.text
    return ctx.t("forandring_klausul", status=change.status, forra=ctx.derived.changes.label, tidigare=tidigare,
                 plats=prev.place if prev is not None and change.moved else None,
                 nr=prev.nr if change.renumbered else None)


# ---------------------------------------------------------------- sections

def forandringar(ctx, section) -> list[Spec]:
    """The overview right after the title: per kind, how many items are new, changed, dropped, kept."""
    changes = ctx.derived.changes
    if changes is None:
        return []
    rows = [(ctx.t(f"forandringar_rad_{loose_key(kind)}"),) + tuple(str(by[s]) for s in STATUSES)
            for kind, by in changes.counts().items()]
    return [TableSpec(ctx.t("forandringar", forra=changes.label), tuple(ctx.t("forandringar_kolumner").split("|")),
                      rows, widths=(3.0, 1, 1, 1.3, 1), numeric=(False, True, True, True, True),
                      intro=ctx.t("forandringar_intro", forra=changes.label, **changes.totals()))]


def utgar(ctx, section) -> list[Spec]:
    """What last year's plan had and this one drops, grouped by kind, each with where it sat."""
    changes = ctx.derived.changes
    if changes is None or not changes.removed:
        return []
    paras: list[Para] = []
    for kind in KINDS:
        removed = [ch for ch in changes.removed if ch.kind == kind]
        if not removed:
            continue
        group = ctx.group()
        paras.append(para(ctx.t(f"utgar_grupp_{loose_key(kind)}", forra=changes.label), bold=True, bullet=False,
                          heading=True, group=group, space_before=10))
        for ch in removed:
            prev = ch.previous
            nr = prev.nr if kind.startswith("uppdrag") else None
            runs = ((Run(ctx.t("uppdrag_nr_rad", nr=nr), True),) if nr is not None else ()) + (
                Run(ctx.t("utgar_rad", text=prev.text, kalla=prev.kalla)),
                Run(ctx.t("utgar_plats", plats=prev.short), tone=QUIET))
            paras.append(Para(runs, group=group))
    title = ctx.t("utgar", forra=changes.label)
    return [TextSpec(title, paras, continued=title)]


def beslutsforslag(ctx, section) -> list[Spec]:
    """Förslag till beslut, from plan.yaml's beslutsförslag (no slide without it)."""
    points = ctx.plan.plan.beslutsforslag
    if not points:
        return []
    paras = [para(text, bullet=len(points) > 1, space_before=12) for text in points]
    return [TextSpec(ctx.t("beslutsforslag"), paras)]
