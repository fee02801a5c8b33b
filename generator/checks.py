"""Cross-file and cross-field rules, run after the files have passed their own schema.

Each rule runs as soon as the files it needs are valid, so a broken ekonomi.yaml does not hide a
duplicated uppdrag number in malsattningar.yaml: one run lists every problem.

Figures stated in the content are checked against what vpgen computes:
- a sum (parts of the uppräkning, of the schablonanslag, a column of the fördelning) must equal the
  stated total once rounded to the total's precision: 2,5 + 0,9 + 1,2 = 4,6, 4 613 + 2 665 + 9 225
  = 16 503; anything else is an error;
- a product of rounded figures (146,8 Mnkr × 3,1 % ≈ 4,6 Mnkr; 146,8 × 1,031 ≈ 151,3 Mnkr) may
  differ by what the rounding of its inputs and of the stated figure explains, no more.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from .changes import Change, Changes
from .figures import DATA_FILE, StyrtalDataFile, check_data, check_targets, styrtal_places
from .formatting import shorten, sv_number
from .kalla import DECIDED, DECIDED_NOW, PROPOSED, stance
from .messages import plural
from .model import (
    AREA_DIR, AnvisningarFile, EkonomiFile, GemensammaFile, MalsattningarFile, OmradeFile, OmradeRef, Plan,
    PlanFile, PreviousPlan, Styrtal, Uppdrag, walk_fokus,
)
from .personal_data import personal_data_in, personal_data_message
from .problems import Problem, Severity, format_key_path
from .sanitize import clean_text, refused_links
from .yamlsrc import SourceDoc


class _Reporter:
    def __init__(self, sources: dict[str, SourceDoc]):
        self.sources = sources
        self.problems: list[Problem] = []

    def __call__(self, file: str, loc: tuple, message: str, severity: Severity = Severity.ERROR) -> None:
        doc = self.sources.get(file)
        line, col = doc.pos(loc) if doc else (0, 0)
        shown = doc.shown if doc else file
        self.problems.append(Problem(shown, line, col, format_key_path(loc), message, severity))

    def warning(self, file: str, loc: tuple, message: str) -> None:
        self(file, loc, message, Severity.WARNING)

    def where(self, file: str, loc: tuple) -> str:
        """'content/malsattningar.yaml:63' for messages that point at a second place."""
        doc = self.sources.get(file)
        return f"{doc.shown}:{doc.pos(loc)[0]}" if doc else file


def _unit(stated: Decimal) -> Decimal:
    """One unit in the last place written: 151.3 -> 0.1, 16503 -> 1."""
    exponent = stated.as_tuple().exponent
    return Decimal(1).scaleb(min(exponent, 0)) if isinstance(exponent, int) else Decimal(1)


def _sum_agrees(computed: Decimal, stated: Decimal) -> bool:
    """The parts, as written, add up to the total once rounded to the total's precision."""
    return abs(computed - stated) <= _unit(stated) / 2


def _check_styrtal(report: _Reporter, file: str, styrtal: list[Styrtal], loc: tuple) -> None:
    for i, item in enumerate(styrtal):
        said = item.said_in_text
        if said and item.riktning and said.split()[1].lower() != item.riktning:
            report(file, loc + (i, "riktning"),
                   f"riktningen '{item.riktning}' motsäger texten ('{said}') — ändra den ena")
            continue
        check_targets(item, file, loc + (i,), report, report.warning)


def _check_uppdrag(report: _Reporter, file: str, items: list[Uppdrag], loc: tuple, numbered: bool,
                   seen: dict[int, str]) -> None:
    for i, item in enumerate(items):
        if numbered and item.nr is None:
            report(file, loc + (i,), "uppdraget saknar nummer — uppdrag till nämnden skrivs med 'nr:'")
        if not numbered and item.nr is not None:
            report(file, loc + (i, "nr"),
                   "uppdrag till förvaltningen har inget nummer — ta bort 'nr:' eller flytta uppdraget till 'nämnd:'")
        if numbered and item.nr is not None:
            if item.nr in seen:
                report(file, loc + (i, "nr"),
                       f"uppdrag nr {item.nr} finns redan ({seen[item.nr]}) — varje uppdrag har ett eget nummer")
            else:
                seen[item.nr] = report.where(file, loc + (i, "nr"))


def _check_goals(mal: MalsattningarFile, report: _Reporter, uppdrag_nr: dict[int, str]
                 ) -> tuple[dict[int, int], dict[str, tuple]]:
    mfile = "malsattningar.yaml"
    goal_nrs: dict[int, int] = {}
    fokus_nrs: dict[str, tuple] = {}
    for gi, goal in enumerate(mal.malsattningar):
        gloc = ("målsättningar", gi)
        if goal.nr in goal_nrs:
            report(mfile, gloc + ("nr",), f"målsättning nr {goal.nr} finns redan — varje målsättning har ett eget nummer")
        goal_nrs.setdefault(goal.nr, gi)
        _check_styrtal(report, mfile, goal.styrtal, gloc + ("styrtal",))
        for fokus, floc, parent in walk_fokus(goal.fokusomraden, gloc + ("fokusområden",)):
            parent_nr = parent.nr if parent is not None else None
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
    return goal_nrs, fokus_nrs


def _check_gemensamma(gem: GemensammaFile, report: _Reporter, uppdrag_nr: dict[int, str],
                      goal_nrs: dict[int, int] | None) -> None:
    gfile = "gemensamma.yaml"
    for i, group in enumerate(gem.gemensamma):
        loc = ("gemensamma", i)
        if (group.malsattning is None) == (group.tema is None):
            report(gfile, loc, "ange antingen 'målsättning:' (ett nummer) eller 'tema:' (en rubrik), inte båda eller ingen")
        elif group.malsattning is not None and goal_nrs is not None and group.malsattning not in goal_nrs:
            report(gfile, loc + ("målsättning",),
                   f"målsättning {group.malsattning} finns inte i malsattningar.yaml — välj en av {', '.join(map(str, sorted(goal_nrs)))}")
        _check_styrtal(report, gfile, group.styrtal, loc + ("styrtal",))
        _check_uppdrag(report, gfile, group.uppdrag, loc + ("uppdrag",), True, uppdrag_nr)


def _check_economy(eko: EkonomiFile, report: _Reporter) -> None:
    efile = "ekonomi.yaml"
    fu = eko.forutsattningar
    floc = ("förutsättningar",)
    base, index = fu.ramanslag_foregaende_mnkr, fu.index_procent
    # How far a product of rounded figures may drift: half a unit of each input, carried through.
    drift = _unit(base) / 2 * abs(index) / 100 + base * _unit(index) / 2 / 100

    computed = base * index / 100
    if abs(computed - fu.upprakning_mnkr) > drift + _unit(fu.upprakning_mnkr) / 2:
        report(efile, floc + ("uppräkning_mnkr",),
               f"{sv_number(base, plain=True)} Mnkr × {sv_number(index, plain=True)} % = {sv_number(round(computed, 2), plain=True)} Mnkr, "
               f"men uppräkningen anges till {sv_number(fu.upprakning_mnkr, plain=True)} Mnkr — rätta beloppet eller indexet")
    computed = base * (1 + index / 100)
    if abs(computed - fu.ramanslag_netto_mnkr) > drift + _unit(base) / 2 + _unit(fu.ramanslag_netto_mnkr) / 2:
        report(efile, floc + ("ramanslag_netto_mnkr",),
               f"{sv_number(base, plain=True)} Mnkr uppräknat med {sv_number(index, plain=True)} % blir {sv_number(round(computed, 2), plain=True)} Mnkr, "
               f"men ramanslaget anges till {sv_number(fu.ramanslag_netto_mnkr, plain=True)} Mnkr — rätta beloppet")

    rf = eko.resursfordelning
    rloc = ("resursfördelningsmodell",)
    total = sum((part.mnkr for part in rf.upprakning), Decimal(0))
    if not _sum_agrees(total, fu.upprakning_mnkr):
        report(efile, rloc + ("uppräkning",),
               f"delarna summerar till {sv_number(total, plain=True)} Mnkr, men uppräkningen är {sv_number(fu.upprakning_mnkr, plain=True)} Mnkr "
               "(förutsättningar.uppräkning_mnkr) — rätta delarna")
    total = sum((part.kr_per_aa for part in rf.schablon), Decimal(0))
    if not _sum_agrees(total, rf.schablonanslag_kr_per_aa):
        report(efile, rloc + ("schablonanslag_kr_per_åa",),
               f"delarna summerar till {sv_number(total, plain=True)} kr/åa, men schablonanslaget anges till "
               f"{sv_number(rf.schablonanslag_kr_per_aa, plain=True)} kr/åa — rätta delarna eller summan")
    reserves = {r.namn.casefold(): r.mnkr for r in rf.reserver}

    fd = eko.fordelning
    for alias, key, stated, label in (
        ("föregående_mnkr", "foregaende_mnkr", fu.ramanslag_foregaende_mnkr, "föregående års ramanslag"),
        ("planår_mnkr", "planar_mnkr", fu.ramanslag_netto_mnkr, "ramanslaget netto"),
    ):
        total = sum((getattr(row, key) for row in fd.rader), Decimal(0))
        if not _sum_agrees(total, stated):
            report(efile, ("fördelning", "rader"),
                   f"kolumnen {alias} summerar till {sv_number(total, plain=True)} Mnkr, men {label} är {sv_number(stated, plain=True)} Mnkr — rätta raderna")
    for table, rows, field, alias in (("fördelning", fd.rader, "planar_mnkr", "planår_mnkr"),
                                      ("satsningsutrymme", eko.satsningsutrymme.rader, "mnkr", "mnkr")):
        for i, row in enumerate(rows):
            reserve = reserves.get(row.namn.casefold())
            value = getattr(row, field)
            if reserve is not None and value != reserve:
                report(efile, (table, "rader", i, alias),
                       f"{row.namn} är {sv_number(value, plain=True)} Mnkr här men {sv_number(reserve, plain=True)} Mnkr i resursfördelningsmodellen — rätta det ena")

    for table, section in (("fördelning", fd), ("uppräkning_föreningar", eko.foreningar),
                           ("satsningsutrymme", eko.satsningsutrymme)):
        if section.exempel:
            report(efile, (table, "exempel"),
                   "tabellen innehåller exempeldata — ersätt raderna med riktiga siffror och ta bort 'exempel: true'",
                   Severity.WARNING)


def _check_plan(plan_file: PlanFile, report: _Reporter) -> None:
    names: set[str] = set()
    files: set[str] = set()
    for i, area in enumerate(plan_file.omraden):
        if area.namn.casefold() in names:
            report("plan.yaml", ("områden", i, "namn"), f"området {area.namn} finns redan i listan")
        if area.fil in files:
            report("plan.yaml", ("områden", i, "fil"), f"filen {area.fil} används redan av ett annat område")
        names.add(area.namn.casefold())
        files.add(area.fil)

    tidplan = plan_file.tidplan
    for i in range(1, len(tidplan)):
        if tidplan[i].datum < tidplan[i - 1].datum:
            report("plan.yaml", ("tidplan", i, "datum"),
                   "milstolpen kommer före den ovanför — skriv tidplanen i datumordning", Severity.WARNING)


_MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
_DATE_IN_TEXT = re.compile(rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b|\b\d{{1,2}}/\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{_MONTHS})\b",
                           re.IGNORECASE)
_SLIDE_NUMBER = re.compile(r"\bbild(?:erna)?\s+\d+", re.IGNORECASE)


def _check_anvisningar(anv: AnvisningarFile, report: _Reporter) -> None:
    """One date, in one place: deadline_text says how to hand in, deadline says when."""
    loc = ("deadline_text",)
    for found in _DATE_IN_TEXT.finditer(anv.deadline_text):
        report.warning("anvisningar.yaml", loc, f"texten nämner ett datum ('{found.group()}') — sista dagen står i "
                       f"deadline ({anv.deadline.isoformat()}) och visas därifrån i områdesfilerna, på bilden och i "
                       "planen; ta bort datumet ur texten")
    for found in _SLIDE_NUMBER.finditer(anv.deadline_text):
        report.warning("anvisningar.yaml", loc, f"texten hänvisar till '{found.group()}' — bildnumren i en annan "
                       "presentation stämmer inte i den vpgen gör; ta bort hänvisningen")


AreaInput = tuple[str, OmradeFile, OmradeRef | None]  # (file name in omraden/, content, its entry in plan.yaml)


def _check_areas(areas: list[AreaInput], anv: AnvisningarFile | None, fokus_nrs: dict[str, tuple] | None,
                 report: _Reporter) -> None:
    for name, content, ref in areas:
        file = f"{AREA_DIR}/{name}"
        if ref is not None and content.omrade != ref.namn:
            report(file, ("område",),
                   f"området heter '{ref.namn}' i plan.yaml — skriv samma namn här (nu: '{content.omrade}')")
        if fokus_nrs is not None:
            for gi, group in enumerate(content.insatser):
                if group.fokusomrade not in fokus_nrs:
                    report(file, ("insatser", gi, "fokusområde"),
                           f"fokusområde {group.fokusomrade} finns inte i planen — välj ett av {', '.join(fokus_nrs)}")
        if anv is None:
            continue
        if content.antal_insatser < anv.minst_insatser:
            report(file, ("insatser",),
                   f"området har {plural(content.antal_insatser, 'insats', 'insatser')} — minst {anv.minst_insatser} behövs "
                   "(se anvisningarna); lägg till fler punkter under 'insatser:'",
                   Severity.WARNING)
        if len(content.utmaningar) < anv.minst_utmaningar:
            report(file, ("utmaningar",),
                   f"området har {plural(len(content.utmaningar), 'utmaning', 'utmaningar')} — minst {anv.minst_utmaningar} behövs "
                   "(se anvisningarna); lägg till fler under 'utmaningar:'",
                   Severity.WARNING)


def _texts(value: object, loc: tuple) -> Iterator[tuple[str, tuple]]:
    """Every text value of a file as read (before the schema), with its key path."""
    if isinstance(value, str):
        yield value, loc
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, loc + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, loc + (i,))


def _check_links(sources: dict[str, SourceDoc], report: _Reporter) -> None:
    """No text may carry a javascript:, file: or other non-web link (see text.refused_links).

    Every file that could be read is checked, valid or not, so one run lists every such text.
    """
    for file, doc in sources.items():
        for value, loc in _texts(doc.data, ()):
            for scheme in refused_links(clean_text(value)):
                report(file, loc, f"texten innehåller en länk med '{scheme}' — bara länkar som börjar med "
                                  "http://, https:// eller mailto: får stå i innehållet; ta bort länken")


def _check_personal_data(sources: dict[str, SourceDoc], report: _Reporter) -> None:
    """No e-mail address, phone number or personnummer in any text, no personal name in an `ansvarig`
    (see personal_data.py): warnings, so `build --final` refuses them. Every readable file is checked."""
    for file, doc in sources.items():
        for value, loc in _texts(doc.data, ()):
            for found in personal_data_in(clean_text(value), role_field=bool(loc) and loc[-1] == "ansvarig"):
                report.warning(file, loc, personal_data_message(found))


def _check_cut_texts(sources: dict[str, SourceDoc], report: _Reporter) -> None:
    """A text whose line goes on with ' #…' loses that part without a word: a warning where it happens —
    in an area file always (its chief writes text, not comments), elsewhere when what follows reads as
    more text ('steg #2'), not as a note ('# ändra')."""
    for file, doc in sources.items():
        for loc, (_line, comment) in doc.cut_by_comment.items():
            if not file.startswith(f"{AREA_DIR}/") and comment[1:2] in (" ", "\t", ""):
                continue
            report.warning(file, loc, f"texten fortsätter efter ' #' ('{comment}'), men ' #' gör resten av raden till "
                                      "en kommentar som inte kommer med — sätt hela texten inom citattecken, eller "
                                      "flytta kommentaren till en egen rad")


def _check_continued_items(sources: dict[str, SourceDoc], report: _Reporter) -> None:
    """A point whose next line begins with '- ' but stands a space further in is read as one point:
    both texts run together on the slide. A warning at that line (kontroll calls it an error)."""
    for doc in sources.values():
        for loc, (line, col, first) in doc.continued_items.items():
            report.problems.append(Problem(
                doc.shown, line, col, format_key_path(loc),
                f"raden börjar med '- ' men läses som en fortsättning av punkten på rad {first} (den står längre in "
                "än punkterna ovanför), så båda blir en punkt — rada upp '- ' med de andra punkterna", Severity.WARNING))


def check_content(files: dict[str, object], areas: list[AreaInput], sources: dict[str, SourceDoc],
                  previous: PreviousPlan | None = None) -> list[Problem]:
    """Every cross-rule whose files are valid; `files` maps content file name to its parsed model;
    `previous` is last year's plan when the plan is compared with one."""
    report = _Reporter(sources)
    uppdrag_nr: dict[int, str] = {}
    goal_nrs: dict[int, int] | None = None
    fokus_nrs: dict[str, tuple] | None = None

    mal = files.get("malsattningar.yaml")
    if isinstance(mal, MalsattningarFile):
        goal_nrs, fokus_nrs = _check_goals(mal, report, uppdrag_nr)
    gem = files.get("gemensamma.yaml")
    if isinstance(gem, GemensammaFile):
        _check_gemensamma(gem, report, uppdrag_nr, goal_nrs)
    eko = files.get("ekonomi.yaml")
    if isinstance(eko, EkonomiFile):
        _check_economy(eko, report)
    plan_file = files.get("plan.yaml")
    if isinstance(plan_file, PlanFile):
        _check_plan(plan_file, report)
    anv = files.get("anvisningar.yaml")
    if isinstance(anv, AnvisningarFile):
        _check_anvisningar(anv, report)
    _check_areas(areas, anv if isinstance(anv, AnvisningarFile) else None, fokus_nrs, report)
    _check_links(sources, report)
    _check_personal_data(sources, report)
    _check_cut_texts(sources, report)
    _check_continued_items(sources, report)
    _check_figures(files, report, previous)
    return report.problems


def _check_figures(files: dict[str, object], report: _Reporter, previous: PreviousPlan | None) -> None:
    """The optional styrtal-data.yaml against the texts (once both text files are valid)."""
    data = files.get(DATA_FILE)
    mal, gem = files.get("malsattningar.yaml"), files.get("gemensamma.yaml")
    if not isinstance(data, StyrtalDataFile) or not isinstance(mal, MalsattningarFile) \
            or not isinstance(gem, GemensammaFile):
        return
    places = styrtal_places(mal, gem)
    check_data(data, places, report, report.warning)
    ids = {entry.id for entry in data.styrtal}
    if previous is not None:  # an id may also (only) link a styrtal to last year's
        ids |= {place.styrtal.id for place in styrtal_places(previous.malsattningar, previous.gemensamma)}
    for place in places:
        if place.styrtal.id and place.styrtal.id not in ids:
            report.warning(place.file, place.loc + ("id",),
                           f"styrtalet har id '{place.styrtal.id}' men {DATA_FILE} har inga värden för det — "
                           "lägg till ett avsnitt med samma id där, eller ta bort id:t")


def cross_check(plan: Plan, sources: dict[str, SourceDoc]) -> list[Problem]:
    """Every cross-rule on a plan whose files are all valid."""
    files = {
        "plan.yaml": plan.plan, "malsattningar.yaml": plan.malsattningar, "gemensamma.yaml": plan.gemensamma,
        "ekonomi.yaml": plan.ekonomi, "internkontroll.yaml": plan.internkontroll, "omvarld.yaml": plan.omvarld,
        "anvisningar.yaml": plan.anvisningar,
    }
    if plan.styrtal_data is not None:
        files["styrtal-data.yaml"] = plan.styrtal_data
    areas = [(area.ref.fil, area.content, area.ref) for area in plan.omraden if area.content is not None]
    return check_content(files, areas, sources)


# ---------------------------------------------------------------- the källa tags against last year's plan

NOUNS = {"målsättning": "målsättningen", "fokusområde": "fokusområdet", "mål": "målet", "styrtal": "styrtalet",
         "uppdrag_nämnd": "uppdraget", "uppdrag_förvaltning": "uppdraget", "uppdrag_gemensamt": "uppdraget"}


def check_changes(changes: Changes, plan_file: PlanFile, sources: dict[str, SourceDoc],
                  previous_sources: dict[str, SourceDoc]) -> list[Problem]:
    """Warnings where a källa disagrees with the comparison (rules relative to the plan year):
    a tag of something already decided (DN 2025, Från FM) on an item that is new or reworded; a
    proposal (Förslag DN 2026, Ny målformulering 2026) or a decision for the plan year (FM 2026) on
    an item that stands unchanged in last year's plan. Also a previous plan that is not earlier."""
    report, before = _Reporter(sources), _Reporter(previous_sources)
    planar, label = plan_file.planar, changes.label
    if changes.year >= planar:
        report.warning("plan.yaml", ("föregående",),
                       f"planen som jämförs med ({changes.source}) gäller {changes.year}, men den här planen gäller "
                       f"{planar} — ange förra årets antagna plan")
    for change in changes.changes:
        item = change.current
        if item is None or change.kind not in NOUNS:
            continue
        if change.kind == "fokusområde" and item.kalla is not None and item.kalla.ny_formulering:
            # "Ny målformulering" on a fokusområde speaks of its mål: that is what must be new or reworded.
            change = next((ch for ch in changes.of_kind("mål") if ch.current and ch.current.parent is item), None)
            if change is None:
                continue
        _check_tag(report, before, change, item, stance(item.kalla, planar), label, planar)
    return report.problems


def _check_tag(report: _Reporter, before: _Reporter, change: Change, item, claim: str | None, label: str,
               planar: int) -> None:
    noun = NOUNS[item.kind]
    loc = item.kalla_loc or item.loc
    tag = f"'{item.kalla}'"
    inherited = "" if item.kalla_loc else " (källan gäller för hela filen, se 'källa:' överst)"
    write = "lägg till källan" if not item.kalla_loc else "skriv källan"
    prev = change.previous
    was = f"{before.where(prev.file, prev.loc)}" if prev is not None else ""
    organ = item.kalla.organ if item.kalla is not None else None
    now = f"FM {planar}" if organ == "FM" else f"Förslag DN {planar}"
    if claim == DECIDED and change.status == "ny":
        report.warning(item.file, loc, f"{noun} är märkt {tag}{inherited}, alltså redan beslutat, men finns inte i "
                                       f"{label} — {write} '{now}' om det är nytt för {planar}")
    elif claim == DECIDED and change.reworded:
        report.warning(item.file, loc, f"{noun} är märkt {tag}{inherited}, alltså redan beslutat, men formuleringen "
                                       f"skiljer sig från {label} ({was}: ”{shorten(prev.text, 70)}”) — {write} "
                                       f"'{now}' om ändringen är ett förslag, annars samma formulering som i {label}")
    elif claim in (PROPOSED, DECIDED_NOW) and change.status == "oförändrad":
        decided = prev.kalla if prev is not None and stance(prev.kalla, planar) == DECIDED else None
        then = f"'{decided}'" if decided else ("'Från FM'" if organ == "FM" else f"'DN {planar - 1}'")
        what = "ett förslag" if claim == PROPOSED else f"beslutat för {planar}"
        subject = "målet " if item.kind == "fokusområde" else ""
        report.warning(item.file, loc, f"{noun} är märkt {tag}{inherited}, alltså {what}, men {subject}står "
                                       f"likadant i {label} ({was}) — {write} {then} om det inte är nytt")
