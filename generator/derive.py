"""Everything computed from the plan: the goal tree flattened, the assignment summary, counts, economy.

Renderers ask this module; none of them counts or sums on its own, so the deck, the plan and the
summary always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from .changes import Change, Changes, compare, fokus_place, gemensam_heading, gemensam_place
from .figures import Figures, all_figures, styrtal_places
from .kalla import Kalla
from .model import AREA_DIR, Area, Fokusomrade, Gemensam, Malsattning, Plan, Styrtal, Uppdrag


@dataclass(frozen=True)
class FokusPlace:
    """A leaf fokusområde with where it sits in the goal tree."""

    malsattning: Malsattning
    fokus: Fokusomrade
    parent: Fokusomrade | None

    @property
    def title_name(self) -> str:
        """'Omställning, innovation och attraktionskraft (Innovationsstöds- …)' for a delområde."""
        if self.parent is None:
            return self.fokus.namn
        return f"{self.parent.namn} ({self.fokus.namn})"


@dataclass(frozen=True)
class SummaryRow:
    """One numbered uppdrag to the nämnd, as the summary lists it."""

    nr: int
    text: str
    kalla: Kalla | None
    placering: str  # "Målsättning 4 › Fokusområde 4.1.1 …" or "Gemensamma › Målsättning nr 6: …"
    gemensam: bool
    status: str | None = None  # against last year's plan: ny, ändrad, oförändrad (utgår in removed_summary)
    uppdrag: Uppdrag | None = field(default=None, compare=False, repr=False)  # the item (to ask Derived.changes)


@dataclass(frozen=True)
class Counts:
    """How many of each item the plan has, and how many of them are new proposals."""

    malsattningar: int
    fokus: int  # fokusområden with a mål (the leaves of the goal tree)
    fokus_nya: int  # whose mål is a new proposal
    styrtal: int
    styrtal_nya: int
    uppdrag_namnd: int
    uppdrag_namnd_nya: int
    uppdrag_forvaltning: int
    uppdrag_forvaltning_nya: int
    uppdrag_gemensamma: int
    uppdrag_gemensamma_nya: int

    @property
    def uppdrag(self) -> int:
        return self.uppdrag_namnd + self.uppdrag_forvaltning + self.uppdrag_gemensamma

    @property
    def uppdrag_nya(self) -> int:
        return self.uppdrag_namnd_nya + self.uppdrag_forvaltning_nya + self.uppdrag_gemensamma_nya

    @property
    def styrtal_beslutade(self) -> int:
        return self.styrtal - self.styrtal_nya

    @property
    def uppdrag_beslutade(self) -> int:
        return self.uppdrag - self.uppdrag_nya


@dataclass(frozen=True)
class AreaGaps:
    """What an area still owes against the anvisningar: its file, or (antal, minst) when short."""

    fil: str  # the area file as the content folder names it, e.g. "omraden/energi-och-klimat.yaml"
    file_missing: bool
    insatser: tuple[int, int] | None
    utmaningar: tuple[int, int] | None

    @property
    def complete(self) -> bool:
        return not (self.file_missing or self.insatser or self.utmaningar)


@dataclass(frozen=True)
class TableRow:
    namn: str
    values: tuple[Decimal, ...]


@dataclass(frozen=True)
class Table:
    """A computed economy table: rows, a total row, and whether the rows are example data."""

    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    total: TableRow
    exempel: bool
    anmarkning: str | None = None
    kommentar: str | None = None
    decimals: tuple[int, ...] = field(default=())


def _is_new(kalla: Kalla | None) -> bool:
    return kalla is not None and kalla.is_new


def walk_leaves(fokus: list[Fokusomrade], goal: Malsattning, parent: Fokusomrade | None = None):
    for item in fokus:
        if item.delomraden:
            yield from walk_leaves(item.delomraden, goal, item)
        else:
            yield FokusPlace(goal, item, parent)


class Derived:
    """Computed views of one plan; cheap to build, each view computed once.

    `changes`: the comparison with last year's plan when the caller already has it (the load step
    computes it for its checks); otherwise it is computed here when the plan has a previous plan.
    """

    def __init__(self, plan: Plan, changes: Changes | None = None):
        self.plan = plan
        self._given_changes = changes

    @cached_property
    def changes(self) -> Changes | None:
        """The plan against last year's adopted plan, or None when there is none."""
        if self._given_changes is not None:
            return self._given_changes
        previous = self.plan.previous
        return compare(previous, self.plan.malsattningar, self.plan.gemensamma) if previous is not None else None

    def change_of(self, obj: object) -> Change | None:
        """An item's change against last year's plan (None without a comparison)."""
        return self.changes.of(obj) if self.changes is not None else None

    @cached_property
    def fokus_places(self) -> list[FokusPlace]:
        return [place for goal in self.plan.malsattningar.malsattningar
                for place in walk_leaves(goal.fokusomraden, goal)]

    @cached_property
    def goals_with_styrtal(self) -> list[Malsattning]:
        return [goal for goal in self.plan.malsattningar.malsattningar if goal.styrtal]

    @cached_property
    def goals_with_fokus(self) -> list[Malsattning]:
        return [goal for goal in self.plan.malsattningar.malsattningar if goal.fokusomraden]

    @cached_property
    def fokus_names(self) -> dict[str, str]:
        """Every fokusområde's name by nr, groups (4.1) and delområden (4.1.1) alike."""
        names: dict[str, str] = {}

        def walk(items: list[Fokusomrade]) -> None:
            for item in items:
                names.setdefault(item.nr, item.namn)
                walk(item.delomraden)

        for goal in self.plan.malsattningar.malsattningar:
            walk(goal.fokusomraden)
        return names

    def area_gaps(self, area: Area) -> AreaGaps:
        anv = self.plan.anvisningar
        fil = f"{AREA_DIR}/{area.ref.fil}"
        if area.content is None:
            return AreaGaps(fil, True, None, None)
        insatser, utmaningar = area.content.antal_insatser, len(area.content.utmaningar)
        return AreaGaps(
            fil, False,
            (insatser, anv.minst_insatser) if insatser < anv.minst_insatser else None,
            (utmaningar, anv.minst_utmaningar) if utmaningar < anv.minst_utmaningar else None,
        )

    def goal(self, nr: int) -> Malsattning:
        return next(g for g in self.plan.malsattningar.malsattningar if g.nr == nr)

    def gemensam_title(self, group: Gemensam) -> str:
        """'Målsättning nr 6: Forskning …' or the group's own tema."""
        return gemensam_heading(group, {g.nr: g for g in self.plan.malsattningar.malsattningar})

    def gemensam_kalla(self, item: Uppdrag) -> Kalla:
        return item.kalla or self.plan.gemensamma.kalla

    @cached_property
    def summary(self) -> list[SummaryRow]:
        """The nämnd's own numbered uppdrag by number, then the gemensamma in plan order."""
        goals = {g.nr: g for g in self.plan.malsattningar.malsattningar}

        def row(u: Uppdrag, kalla: Kalla | None, where: str, gemensam: bool) -> SummaryRow:
            change = self.change_of(u)
            return SummaryRow(u.nr, u.text, kalla, where, gemensam, change.status if change else None, u)

        own = [row(u, u.kalla, fokus_place(place.malsattning.nr, place.fokus), False)
               for place in self.fokus_places for u in place.fokus.uppdrag.namnd if u.nr is not None]
        own.sort(key=lambda r: r.nr)
        shared = [row(u, self.gemensam_kalla(u), gemensam_place(group, goals), True)
                  for group in self.plan.gemensamma.gemensamma for u in group.uppdrag if u.nr is not None]
        return own + shared

    @cached_property
    def removed_summary(self) -> list[SummaryRow]:
        """The numbered uppdrag of last year's plan that the plan drops: their number, text, källa and
        place as they were (empty without a comparison)."""
        if self.changes is None:
            return []
        removed = [ch.previous for ch in self.changes.removed
                   if ch.kind in ("uppdrag_nämnd", "uppdrag_gemensamt") and ch.previous.nr is not None]
        return [SummaryRow(item.nr, item.text, item.kalla, item.place, item.kind == "uppdrag_gemensamt", "utgår",
                           item.obj) for item in removed]

    @cached_property
    def all_styrtal(self) -> list[Styrtal]:
        items = [s for goal in self.plan.malsattningar.malsattningar for s in goal.styrtal]
        items += [s for place in self.fokus_places for s in place.fokus.styrtal]
        items += [s for group in self.plan.gemensamma.gemensamma for s in group.styrtal]
        return items

    @cached_property
    def counts(self) -> Counts:
        namnd = [u for p in self.fokus_places for u in p.fokus.uppdrag.namnd]
        forv = [u for p in self.fokus_places for u in p.fokus.uppdrag.forvaltning]
        gem = [u for g in self.plan.gemensamma.gemensamma for u in g.uppdrag]
        return Counts(
            malsattningar=len(self.plan.malsattningar.malsattningar),
            fokus=len(self.fokus_places),
            fokus_nya=sum(p.fokus.mal is not None and _is_new(p.fokus.mal.kalla) for p in self.fokus_places),
            styrtal=len(self.all_styrtal),
            styrtal_nya=sum(_is_new(s.kalla) for s in self.all_styrtal),
            uppdrag_namnd=len(namnd),
            uppdrag_namnd_nya=sum(_is_new(u.kalla) for u in namnd),
            uppdrag_forvaltning=len(forv),
            uppdrag_forvaltning_nya=sum(_is_new(u.kalla) for u in forv),
            uppdrag_gemensamma=len(gem),
            uppdrag_gemensamma_nya=sum(_is_new(u.kalla) for u in gem),
        )

    # ------------------------------------------------------------ figures (styrtal-data.yaml)

    @cached_property
    def figures(self) -> list[Figures]:
        """figures.Figures for every styrtal with values, in plan order (empty without the file)."""
        places = styrtal_places(self.plan.malsattningar, self.plan.gemensamma)
        return all_figures(self.plan.styrtal_data, places)

    def figures_of(self, styrtal: Styrtal) -> Figures | None:
        """The figures of one styrtal of the texts, or None."""
        return next((fig for fig in self.figures if fig.styrtal is styrtal), None)

    # ------------------------------------------------------------ economy

    @cached_property
    def fordelning(self) -> Table:
        fd = self.plan.ekonomi.fordelning
        rows = tuple(TableRow(r.namn, (r.foregaende_mnkr, r.planar_mnkr, r.planar_mnkr - r.foregaende_mnkr))
                     for r in fd.rader)
        year = self.plan.plan.planar
        return Table(
            columns=("Område/verksamhet", f"Ramanslag {year - 1}, Mnkr", f"Ramanslag {year}, Mnkr", "Förändring, Mnkr"),
            rows=rows, total=_total("Summa", rows), exempel=fd.exempel,
            anmarkning=fd.anmarkning, kommentar=fd.kommentar, decimals=(1, 1, 1),
        )

    @cached_property
    def foreningar(self) -> Table:
        fo = self.plan.ekonomi.foreningar
        rows = []
        for r in fo.rader:
            raised = (r.bidrag_foregaende_tkr * (1 + r.upprakning_procent / 100)).quantize(Decimal(1), ROUND_HALF_UP)
            rows.append(TableRow(r.namn, (r.bidrag_foregaende_tkr, r.upprakning_procent, raised)))
        rows = tuple(rows)
        total_prev = sum((r.values[0] for r in rows), Decimal(0))
        total_new = sum((r.values[2] for r in rows), Decimal(0))
        pct = ((total_new / total_prev - 1) * 100).quantize(Decimal("0.1"), ROUND_HALF_UP) if total_prev else Decimal(0)
        year = self.plan.plan.planar
        return Table(
            columns=("Förening/stiftelse", f"Bidrag {year - 1}, tkr", "Uppräkning, %", f"Bidrag {year}, tkr"),
            rows=rows, total=TableRow("Summa", (total_prev, pct, total_new)), exempel=fo.exempel,
            anmarkning=fo.anmarkning, decimals=(0, 1, 0),
        )

    @cached_property
    def satsningsutrymme(self) -> Table:
        su = self.plan.ekonomi.satsningsutrymme
        rows = tuple(TableRow(r.namn, (r.mnkr,)) for r in su.rader)
        return Table(
            columns=("Post", "Mnkr"), rows=rows, total=_total("Preliminärt utrymme", rows),
            exempel=su.exempel, anmarkning=su.anmarkning, decimals=(1,),
        )


def _total(label: str, rows: tuple[TableRow, ...]) -> TableRow:
    width = len(rows[0].values) if rows else 0
    return TableRow(label, tuple(sum((r.values[i] for r in rows), Decimal(0)) for i in range(width)))
