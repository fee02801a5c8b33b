"""Cross-file and cross-field rules, run after every file has passed its own schema."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from .model import AREA_DIR, Fokusomrade, Plan, Styrtal, Uppdrag
from .problems import Problem, Severity, format_key_path
from .yamlsrc import SourceDoc


def sv(number: Decimal | int | float) -> str:
    """A number the Swedish way for messages: 151,3 and 16 503."""
    from .formatting import sv_number

    return sv_number(number)


class _Reporter:
    def __init__(self, sources: dict[str, SourceDoc]):
        self.sources = sources
        self.problems: list[Problem] = []

    def __call__(self, file: str, loc: tuple, message: str, severity: Severity = Severity.ERROR) -> None:
        doc = self.sources.get(file)
        line, col = doc.pos(loc) if doc else (0, 0)
        shown = doc.shown if doc else file
        self.problems.append(Problem(shown, line, col, format_key_path(loc), message, severity))


def _unit(stated: Decimal) -> Decimal:
    """One unit in the last place written: 151.3 -> 0.1, 16503 -> 1."""
    exponent = stated.as_tuple().exponent
    return Decimal(1).scaleb(min(exponent, 0)) if isinstance(exponent, int) else Decimal(1)


def _agrees(computed: Decimal, stated: Decimal) -> bool:
    return abs(computed - stated) <= _unit(stated)


def walk_fokus(fokus: list[Fokusomrade], loc: tuple, parent: str | None = None
               ) -> Iterator[tuple[Fokusomrade, tuple, str | None]]:
    """Every fokusområde, depth first, with its loc and its parent's nr."""
    for i, item in enumerate(fokus):
        yield item, loc + (i,), parent
        yield from walk_fokus(item.delomraden, loc + (i, "delområden"), item.nr)


def _check_styrtal(report: _Reporter, file: str, styrtal: list[Styrtal], loc: tuple) -> None:
    for i, item in enumerate(styrtal):
        said = re.search(r"\bska (öka|minska)\b", item.text, re.IGNORECASE)
        if said and item.riktning and said.group(1).lower() != item.riktning:
            report(file, loc + (i, "riktning"),
                   f"riktningen '{item.riktning}' motsäger texten ('{said.group(0)}') — ändra den ena")


def _check_uppdrag(report: _Reporter, file: str, items: list[Uppdrag], loc: tuple, numbered: bool,
                   seen: dict[int, str]) -> None:
    for i, item in enumerate(items):
        if numbered and item.nr is None:
            report(file, loc + (i,), "uppdraget saknar nummer — uppdrag till nämnden skrivs med 'nr:'")
        if not numbered and item.nr is not None:
            report(file, loc + (i, "nr"),
                   "uppdrag till förvaltningen har inget nummer — ta bort 'nr:' eller flytta uppdraget till 'nämnd:'")
        if numbered and item.nr is not None:
            doc = report.sources.get(file)
            where = f"{doc.shown}:{doc.pos(loc + (i, 'nr'))[0]}" if doc else file
            if item.nr in seen:
                report(file, loc + (i, "nr"),
                       f"uppdrag nr {item.nr} finns redan ({seen[item.nr]}) — varje uppdrag har ett eget nummer")
            else:
                seen[item.nr] = where


def cross_check(plan: Plan, sources: dict[str, SourceDoc]) -> list[Problem]:
    report = _Reporter(sources)
    uppdrag_nr: dict[int, str] = {}

    # Målsättningar, fokusområden, styrtal, uppdrag.
    mfile = "malsattningar.yaml"
    goal_nrs: dict[int, int] = {}
    fokus_nrs: dict[str, tuple] = {}
    for gi, goal in enumerate(plan.malsattningar.malsattningar):
        gloc = ("målsättningar", gi)
        if goal.nr in goal_nrs:
            report(mfile, gloc + ("nr",), f"målsättning nr {goal.nr} finns redan — varje målsättning har ett eget nummer")
        goal_nrs.setdefault(goal.nr, gi)
        _check_styrtal(report, mfile, goal.styrtal, gloc + ("styrtal",))
        for fokus, floc, parent_nr in walk_fokus(goal.fokusomraden, gloc + ("fokusområden",)):
            prefix = f"{parent_nr}." if parent_nr else f"{goal.nr}."
            if not fokus.nr.startswith(prefix):
                report(mfile, floc + ("nr",),
                       f"fokusområde {fokus.nr} ligger under {parent_nr or f'målsättning {goal.nr}'} — numret ska börja med {prefix}")
            if fokus.nr in fokus_nrs:
                report(mfile, floc + ("nr",), f"fokusområde {fokus.nr} finns redan — varje fokusområde har ett eget nummer")
            fokus_nrs.setdefault(fokus.nr, floc)
            if not fokus.delomraden and fokus.mal is None:
                report(mfile, floc, f"fokusområde {fokus.nr} saknar mål — lägg till 'mål:' med 'text:' och 'källa:'")
            _check_styrtal(report, mfile, fokus.styrtal, floc + ("styrtal",))
            _check_uppdrag(report, mfile, fokus.uppdrag.namnd, floc + ("uppdrag", "nämnd"), True, uppdrag_nr)
            _check_uppdrag(report, mfile, fokus.uppdrag.forvaltning, floc + ("uppdrag", "förvaltning"), False, uppdrag_nr)

    # Gemensamma målsättningar.
    gfile = "gemensamma.yaml"
    for i, group in enumerate(plan.gemensamma.gemensamma):
        loc = ("gemensamma", i)
        if (group.malsattning is None) == (group.tema is None):
            report(gfile, loc, "ange antingen 'målsättning:' (ett nummer) eller 'tema:' (en rubrik), inte båda eller ingen")
        elif group.malsattning is not None and group.malsattning not in goal_nrs:
            report(gfile, loc + ("målsättning",),
                   f"målsättning {group.malsattning} finns inte i malsattningar.yaml — välj en av {', '.join(map(str, sorted(goal_nrs)))}")
        _check_styrtal(report, gfile, group.styrtal, loc + ("styrtal",))
        _check_uppdrag(report, gfile, group.uppdrag, loc + ("uppdrag",), True, uppdrag_nr)

    _check_economy(plan, report)
    _check_areas(plan, report, fokus_nrs)

    tidplan = plan.plan.tidplan
    for i in range(1, len(tidplan)):
        if tidplan[i].datum < tidplan[i - 1].datum:
            report("plan.yaml", ("tidplan", i, "datum"),
                   "milstolpen kommer före den ovanför — skriv tidplanen i datumordning", Severity.WARNING)
    return report.problems


def _check_economy(plan: Plan, report: _Reporter) -> None:
    efile = "ekonomi.yaml"
    eko = plan.ekonomi
    fu = eko.forutsattningar
    floc = ("förutsättningar",)

    computed = fu.ramanslag_foregaende_mnkr * fu.index_procent / 100
    if not _agrees(computed, fu.upprakning_mnkr):
        report(efile, floc + ("uppräkning_mnkr",),
               f"{sv(fu.ramanslag_foregaende_mnkr)} Mnkr × {sv(fu.index_procent)} % = {sv(round(computed, 2))} Mnkr, "
               f"men uppräkningen anges till {sv(fu.upprakning_mnkr)} Mnkr — rätta beloppet eller indexet")
    computed = fu.ramanslag_foregaende_mnkr * (1 + fu.index_procent / 100)
    if not _agrees(computed, fu.ramanslag_netto_mnkr):
        report(efile, floc + ("ramanslag_netto_mnkr",),
               f"{sv(fu.ramanslag_foregaende_mnkr)} Mnkr uppräknat med {sv(fu.index_procent)} % blir {sv(round(computed, 2))} Mnkr, "
               f"men ramanslaget anges till {sv(fu.ramanslag_netto_mnkr)} Mnkr — rätta beloppet")

    rf = eko.resursfordelning
    rloc = ("resursfördelningsmodell",)
    total = sum((part.mnkr for part in rf.upprakning), Decimal(0))
    if not _agrees(total, fu.upprakning_mnkr):
        report(efile, rloc + ("uppräkning",),
               f"delarna summerar till {sv(total)} Mnkr, men uppräkningen är {sv(fu.upprakning_mnkr)} Mnkr "
               "(förutsättningar.uppräkning_mnkr) — rätta delarna")
    total = sum((part.kr_per_aa for part in rf.schablon), Decimal(0))
    if not _agrees(total, rf.schablonanslag_kr_per_aa):
        report(efile, rloc + ("schablonanslag_kr_per_åa",),
               f"delarna summerar till {sv(total)} kr/åa, men schablonanslaget anges till "
               f"{sv(rf.schablonanslag_kr_per_aa)} kr/åa — rätta delarna eller summan")
    reserves = {r.namn.casefold(): r.mnkr for r in rf.reserver}

    fd = eko.fordelning
    for key, stated, label in (
        ("planar_mnkr", fu.ramanslag_netto_mnkr, "ramanslaget netto"),
        ("foregaende_mnkr", fu.ramanslag_foregaende_mnkr, "föregående års ramanslag"),
    ):
        total = sum((getattr(row, key) for row in fd.rader), Decimal(0))
        if not _agrees(total, stated):
            alias = "planår_mnkr" if key == "planar_mnkr" else "föregående_mnkr"
            report(efile, ("fördelning", "rader"),
                   f"kolumnen {alias} summerar till {sv(total)} Mnkr, men {label} är {sv(stated)} Mnkr — rätta raderna")
    for table, rows, field in (("fördelning", fd.rader, "planar_mnkr"), ("satsningsutrymme", eko.satsningsutrymme.rader, "mnkr")):
        for i, row in enumerate(rows):
            reserve = reserves.get(row.namn.casefold())
            value = getattr(row, field)
            if reserve is not None and value != reserve:
                report(efile, (table, "rader", i, "planår_mnkr" if field == "planar_mnkr" else "mnkr"),
                       f"{row.namn} är {sv(value)} Mnkr här men {sv(reserve)} Mnkr i resursfördelningsmodellen — rätta det ena")

    for table, section in (("fördelning", fd), ("uppräkning_föreningar", eko.foreningar),
                           ("satsningsutrymme", eko.satsningsutrymme)):
        if section.exempel:
            report(efile, (table, "exempel"),
                   "tabellen innehåller exempeldata — ersätt raderna med riktiga siffror och ta bort 'exempel: true'",
                   Severity.WARNING)


def _check_areas(plan: Plan, report: _Reporter, fokus_nrs: dict[str, tuple]) -> None:
    anv = plan.anvisningar
    names: set[str] = set()
    files: set[str] = set()
    for i, area in enumerate(plan.plan.omraden):
        if area.namn.casefold() in names:
            report("plan.yaml", ("områden", i, "namn"), f"området {area.namn} finns redan i listan")
        if area.fil in files:
            report("plan.yaml", ("områden", i, "fil"), f"filen {area.fil} används redan av ett annat område")
        names.add(area.namn.casefold())
        files.add(area.fil)

    for area in plan.omraden:
        content = area.content
        if content is None:
            continue
        file = f"{AREA_DIR}/{area.ref.fil}"
        if content.omrade != area.ref.namn:
            report(file, ("område",),
                   f"området heter '{area.ref.namn}' i plan.yaml — skriv samma namn här (nu: '{content.omrade}')")
        for gi, group in enumerate(content.insatser):
            if group.fokusomrade not in fokus_nrs:
                report(file, ("insatser", gi, "fokusområde"),
                       f"fokusområde {group.fokusomrade} finns inte i planen — välj ett av {', '.join(fokus_nrs)}")
        if content.antal_insatser < anv.minst_insatser:
            report(file, ("insatser",),
                   f"området har {content.antal_insatser} insatser — minst {anv.minst_insatser} behövs (se anvisningarna)",
                   Severity.WARNING)
        if len(content.utmaningar) < anv.minst_utmaningar:
            report(file, ("utmaningar",),
                   f"området har {len(content.utmaningar)} utmaningar — minst {anv.minst_utmaningar} behövs (se anvisningarna)",
                   Severity.WARNING)
