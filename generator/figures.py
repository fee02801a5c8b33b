"""The numbers behind the styrtal: content/styrtal-data.yaml, its checks, the series it gives.

The texts (malsattningar.yaml, gemensamma.yaml) say what is measured and what the target is;
the data file holds the figures, one row per område and year, apart from the texts so that an
import or a fetch from Kolada rewrites only numbers. The file is optional: without it the plan
has no charts, and nothing else changes.

An entry is linked to its styrtal by the styrtal's `id:` in the texts, or, for a styrtal that has
no id there, by `styrtal:` — the start of its text. The checks here run with the other
cross-checks (checks.py) and report `fil:rad:kolumn` like them:

- years are whole numbers, one value per område and year;
- an område is the plan's own county or one the styrtal compares with;
- the unit is the styrtal's unit;
- an outcome the text states ("Utfall 2024: 76") is the value the file has for that year;
- rows marked `exempel: true` give a warning, like the example rows of the economy tables.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Callable, Iterable

from pydantic import BeforeValidator, Field

from .formatting import shorten, sv_number
from .messages import did_you_mean
from .model import Datum, F, Flagga, GemensammaFile, MalsattningarFile, Model, Number, Styrtal, Text, walk_fokus
from .sanitize import match_key
from .yamlsrc import YamlFloat

DATA_FILE = "styrtal-data.yaml"
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
KPI_PATTERN = r"^[A-Z]\d{5}$"
KOLADA_AREA_PATTERN = r"^\d{4}$"


def _year(value: object) -> object:
    """A year is a whole number as written: 2024, not "2024", 2024.0 or true."""
    if isinstance(value, bool):
        raise ValueError("året ska vara ett heltal, t.ex. 2024")
    if isinstance(value, YamlFloat):
        raise ValueError(f"året '{value.raw}' ska vara ett heltal utan decimaler, t.ex. 2024")
    if isinstance(value, float):
        raise ValueError(f"året '{value}' ska vara ett heltal utan decimaler, t.ex. 2024")
    if isinstance(value, str):
        raise ValueError(f"året '{value}' ska vara ett heltal utan citattecken, t.ex. 2024")
    if isinstance(value, datetime.date):
        raise ValueError("året ska vara ett heltal, t.ex. 2024, inte ett datum")
    return value


Ar = Annotated[int, BeforeValidator(_year), Field(ge=1950, le=2100)]


class Varde(Model):
    """One figure: an område's value for one year."""

    omrade: Text | None = F("område", "Länet eller området; utelämnas för det egna länet (eget_område).", default=None)
    ar: Ar = F("år", "Året värdet gäller, som heltal (2024).")
    varde: Number = F("värde", "Värdet som tal (6,5 skrivs 6.5).")
    exempel: Flagga = F("exempel", "true när värdet är påhittat för att visa diagrammet och ska ersättas.",
                        default=False)


class DataStyrtal(Model):
    """The figures of one styrtal."""

    id: str = F("id", "Styrtalets id: små bokstäver a–z, siffror och bindestreck, t.ex. 'sjukfranvaro'. "
                "Samma id används i CSV-filer som läses in med vpgen styrtal import.", pattern=ID_PATTERN)
    styrtal: Text | None = F(
        "styrtal", "Början av styrtalets text i malsattningar.yaml eller gemensamma.yaml (behövs när styrtalet "
        "inte har 'id:' där), t.ex. 'Sjukfrånvaron ska minska'.", default=None)
    rubrik: Text | None = F("rubrik", "Kort namn i diagrammets rubrik, t.ex. 'Sjukfrånvaro'.", default=None)
    enhet: Text | None = F("enhet", "Enheten för värdena, samma som styrtalets, t.ex. '%' eller 'tkr/invånare'.",
                           default=None)
    datakalla: Text | None = F("datakälla", "Var siffrorna kommer ifrån; visas som 'Källa: …' under diagrammet.",
                               default=None)
    kolada: str | None = F("kolada", "Nyckeltalets id i Kolada, t.ex. N03702: då hämtar vpgen styrtal hämta värdena.",
                           default=None, pattern=KPI_PATTERN)
    hamtad: Datum | None = F("hämtad", "När värdena hämtades (skrivs av vpgen styrtal hämta).", default=None)
    varden: list[Varde] = F("värden", "En rad per område och år: {område: Jönköping, år: 2024, värde: 480}.",
                            default_factory=list)


class StyrtalDataFile(Model):
    """styrtal-data.yaml: värden per år och län för styrtalen, skilda från texterna (valfri fil)."""

    eget_omrade: Text = F("eget_område", "Länet planen gäller, som diagrammen skriver det, t.ex. 'Örebro län'.")
    kolada_omraden: dict[str, Annotated[str, Field(pattern=KOLADA_AREA_PATTERN)]] = F(
        "kolada_områden", "Koladas id för ett område när det inte är länets: \"00\" + länskod, t.ex. Örebro län: \"0018\".",
        default_factory=dict)
    styrtal: list[DataStyrtal] = F("styrtal", "Ett avsnitt per styrtal med siffror.", default_factory=list)


# ---------------------------------------------------------------- the styrtal of the texts

@dataclass(frozen=True)
class Place:
    """A styrtal of the texts and where it stands."""

    styrtal: Styrtal
    file: str  # "malsattningar.yaml" or "gemensamma.yaml"
    loc: tuple
    group: str  # "fokus:4.1.1", "mal:4", "gemensam:2": which chart slide it belongs to


def styrtal_places(mal: MalsattningarFile | None, gem: GemensammaFile | None) -> list[Place]:
    """Every styrtal of the texts, in plan order."""
    places: list[Place] = []
    if mal is not None:
        for gi, goal in enumerate(mal.malsattningar):
            gloc = ("målsättningar", gi)
            places += [Place(s, "malsattningar.yaml", gloc + ("styrtal", i), f"mal:{goal.nr}")
                       for i, s in enumerate(goal.styrtal)]
            for fokus, floc, _parent in walk_fokus(goal.fokusomraden, gloc + ("fokusområden",)):
                places += [Place(s, "malsattningar.yaml", floc + ("styrtal", i), f"fokus:{fokus.nr}")
                           for i, s in enumerate(fokus.styrtal)]
    if gem is not None:
        for gi, group in enumerate(gem.gemensamma):
            places += [Place(s, "gemensamma.yaml", ("gemensamma", gi, "styrtal", i), f"gemensam:{gi}")
                       for i, s in enumerate(group.styrtal)]
    return places


def said_direction(styrtal: Styrtal) -> str | None:
    """'öka' or 'minska' from the riktning, else from 'ska öka/minska' in the text."""
    if styrtal.riktning:
        return styrtal.riktning
    said = styrtal.said_in_text
    return said.split()[1].lower() if said else None


Report = Callable[..., None]  # report(file, loc, message, severity=ERROR)


def link(data: StyrtalDataFile, places: list[Place], report: Report | None = None) -> dict[int, Place]:
    """Which styrtal of the texts each data entry belongs to (by entry index); problems to `report`."""
    def bad(loc: tuple, message: str) -> None:
        if report is not None:
            report(DATA_FILE, loc, message)

    by_id = {p.styrtal.id: p for p in places if p.styrtal.id}
    linked: dict[int, Place] = {}
    taken: dict[int, str] = {}  # id(place) -> entry id
    seen_ids: set[str] = set()
    for i, entry in enumerate(data.styrtal):
        loc = ("styrtal", i)
        if entry.id in seen_ids:
            bad(loc + ("id",), f"id '{entry.id}' finns redan i filen — varje styrtal har ett eget id")
            continue
        seen_ids.add(entry.id)
        place = by_id.get(entry.id)
        if place is None and entry.styrtal:
            start = match_key(entry.styrtal)
            matches = [p for p in places if match_key(p.styrtal.text).startswith(start)]
            if not matches:
                starts = {p.styrtal.text[: len(entry.styrtal)]: p.styrtal.text for p in places}
                guess = did_you_mean(entry.styrtal, list(starts))
                if guess:
                    guess = shorten(starts[guess], 60)
                hint = f" — menade du '{guess}'?" if guess else (
                    " — skriv början av texten som den står i malsattningar.yaml eller gemensamma.yaml")
                bad(loc + ("styrtal",), f"inget styrtal börjar med '{entry.styrtal}'{hint}")
                continue
            if len(matches) > 1:
                bad(loc + ("styrtal",), f"{len(matches)} styrtal börjar med '{entry.styrtal}' — skriv mer av texten "
                    "så att den pekar ut ett")
                continue
            place = matches[0]
        if place is None:
            if entry.styrtal is None:
                bad(loc, f"styrtalet '{entry.id}' hör inte till något styrtal i texterna — lägg till 'id: {entry.id}' "
                    "vid styrtalet i malsattningar.yaml eller gemensamma.yaml, eller 'styrtal:' med början av texten här")
            continue
        if id(place) in taken:
            bad(loc, f"styrtalet har redan siffror under id '{taken[id(place)]}' — samla värdena under ett id")
            continue
        taken[id(place)] = entry.id
        linked[i] = place
    return linked


def check_data(data: StyrtalDataFile, places: list[Place], report: Report, warning) -> dict[int, Place]:
    """Every rule of the data file against the texts; returns the links (see link())."""
    linked = link(data, places, report)
    own = data.eget_omrade
    examples: list[tuple[str, tuple]] = []
    for i, entry in enumerate(data.styrtal):
        loc = ("styrtal", i)
        place = linked.get(i)
        styrtal = place.styrtal if place else None
        if styrtal is not None and entry.enhet and styrtal.enhet and entry.enhet != styrtal.enhet:
            report(DATA_FILE, loc + ("enhet",),
                   f"enheten är '{entry.enhet}' här men '{styrtal.enhet}' i {place.file} — skriv samma enhet på båda ställena")
        allowed = [own] + (list(styrtal.jamforelse) if styrtal else [])
        seen: dict[tuple[str, int], int] = {}
        for r, row in enumerate(entry.varden):
            rloc = loc + ("värden", r)
            area = row.omrade or own
            if styrtal is not None and area not in allowed:
                guess = did_you_mean(area, allowed)
                hint = (f"menade du '{guess}'?" if guess else
                        f"skriv {' eller '.join(allowed)}, eller lägg till länet under 'jämförelse:' i {place.file}")
                report(DATA_FILE, rloc + ("område",), f"'{area}' är varken {own} eller ett län styrtalet jämförs med — {hint}")
            key = (area, row.ar)
            if key in seen:
                report(DATA_FILE, rloc + ("år",),
                       f"{area} har redan ett värde för {row.ar} (rad {seen[key] + 1} under värden) — ett värde per område och år")
            seen.setdefault(key, r)
            if row.exempel:
                examples.append((entry.id, loc + ("värden", r, "exempel")))
        if styrtal is not None and styrtal.utfall is not None:
            stated = styrtal.utfall
            r = seen.get((own, stated.ar))
            if r is not None and entry.varden[r].varde != stated.varde:

                report(DATA_FILE, loc + ("värden", r, "värde"),
                       f"{own} {stated.ar} är {sv_number(entry.varden[r].varde, plain=True)} här men utfallet i {place.file} är "
                       f"{sv_number(stated.varde, plain=True)} — rätta det ena")
    if examples:  # one warning for the file, as the economy tables give one per table
        ids = list(dict.fromkeys(entry_id for entry_id, _ in examples))
        n = len(examples)
        warning(DATA_FILE, examples[0][1],
                f"{n} {'värde' if n == 1 else 'värden'} är exempeldata ({', '.join(ids)}) — ersätt dem med riktiga "
                "siffror (vpgen styrtal import eller hämta) och ta bort 'exempel: true'")
    return linked


def check_targets(styrtal: Styrtal, file: str, loc: tuple, report: Report, warning) -> None:
    """A target range and the direction the styrtal says must agree.

    "Ska minska" with a range written 6,3–6,1 (falling) is consistent; "ska öka" with 6,3–6,1 is
    not. A stated outcome already on the far side of the target from the direction is a warning.
    """

    direction = said_direction(styrtal)
    target = styrtal.malvarde
    if direction is None or target is None:
        return
    if target.till is not None and target.fran != target.till:
        falling = target.till < target.fran
        if falling != (direction == "minska"):
            report(file, loc + ("målvärde",),
                   f"målintervallet {sv_number(target.fran, plain=True)}–{sv_number(target.till, plain=True)} "
                   f"{'sjunker' if falling else 'stiger'} men styrtalet ska {direction} — skriv intervallet "
                   f"{'från det högre till det lägre' if direction == 'minska' else 'från det lägre till det högre'} "
                   "värdet, eller rätta riktningen")
            return
    if styrtal.utfall is not None:
        lo, hi = target_bounds(styrtal)
        value = styrtal.utfall.varde
        if direction == "öka" and hi < value:
            warning(file, loc + ("målvärde",),
                    f"målet ({sv_number(hi, plain=True)}) ligger under utfallet {sv_number(value, plain=True)} fast styrtalet ska öka — stämmer målet?")
        if direction == "minska" and lo > value:
            warning(file, loc + ("målvärde",),
                    f"målet ({sv_number(lo, plain=True)}) ligger över utfallet {sv_number(value, plain=True)} fast styrtalet ska minska — stämmer målet?")


def target_bounds(styrtal: Styrtal) -> tuple[Decimal, Decimal] | None:
    target = styrtal.malvarde
    if target is None:
        return None
    other = target.till if target.till is not None else target.fran
    return min(target.fran, other), max(target.fran, other)


# ---------------------------------------------------------------- derived figures

@dataclass(frozen=True)
class Trend:
    fran_ar: int
    till_ar: int
    fran: Decimal
    till: Decimal
    ord: str  # "ökar", "minskar", "oförändrat"
    i_malets_riktning: bool | None  # None: no direction to compare with
    exempel: bool  # one of the two values is example data


@dataclass(frozen=True)
class Figures:
    """Everything a chart, a table or a trend word needs about one styrtal's numbers."""

    entry: DataStyrtal
    styrtal: Styrtal
    group: str
    own: str
    unit: str | None
    years: tuple[int, ...]  # every year with a value for any område, ascending
    areas: tuple[str, ...]  # own first, then the comparison counties with values, in the styrtal's order
    values: dict[tuple[str, int], Decimal]
    examples: frozenset[tuple[str, int]]
    target: tuple[Decimal, Decimal] | None
    direction: str | None  # öka / minska, said or implied by the target
    decimals: int = 0

    @property
    def title(self) -> str:
        return self.entry.rubrik or self.styrtal.text

    @property
    def own_years(self) -> tuple[int, ...]:
        return tuple(y for y in self.years if (self.own, y) in self.values)

    @property
    def comparison(self) -> tuple[str, ...]:
        return tuple(a for a in self.areas if a != self.own)

    @property
    def latest_common_year(self) -> int | None:
        """The latest year with a value for the own county and at least one comparison county."""
        for year in reversed(self.years):
            if (self.own, year) in self.values and any((a, year) in self.values for a in self.comparison):
                return year
        return None

    @property
    def has_example(self) -> bool:
        return bool(self.examples)

    @property
    def trend(self) -> Trend | None:
        years = self.own_years
        if len(years) < 2:
            return None
        a, b = years[-2], years[-1]
        va, vb = self.values[(self.own, a)], self.values[(self.own, b)]
        word = "ökar" if vb > va else "minskar" if vb < va else "oförändrat"
        toward = None
        if self.direction and word != "oförändrat":
            toward = (word == "ökar") == (self.direction == "öka")
        elif self.direction and word == "oförändrat":
            toward = False
        example = (self.own, a) in self.examples or (self.own, b) in self.examples
        return Trend(a, b, va, vb, word, toward, example)


def _decimals(values: Iterable[Decimal]) -> int:
    places = [max(0, -v.as_tuple().exponent) for v in values if isinstance(v.as_tuple().exponent, int)]
    return min(max(places, default=0), 2)


def figures_for(entry: DataStyrtal, place: Place, own: str) -> Figures | None:
    """The figures of one linked entry; None when it has no values (nothing to draw)."""
    if not entry.varden:
        return None
    styrtal = place.styrtal
    values = {((row.omrade or own), row.ar): row.varde for row in entry.varden}
    examples = frozenset(((row.omrade or own), row.ar) for row in entry.varden if row.exempel)
    present = {area for area, _ in values}
    areas = tuple([own] + [a for a in styrtal.jamforelse if a in present and a != own])
    years = tuple(sorted({year for _, year in values}))
    target = target_bounds(styrtal)
    direction = said_direction(styrtal)
    if direction is None and target is not None:
        latest = [values[(own, y)] for y in years if (own, y) in values]
        if latest and target[0] > latest[-1]:
            direction = "öka"
        elif latest and target[1] < latest[-1]:
            direction = "minska"
    numbers = list(values.values()) + (list(target) if target else [])
    return Figures(entry, styrtal, place.group, own, entry.enhet or styrtal.enhet, years, areas, values,
                   examples, target, direction, _decimals(numbers))


def all_figures(data: StyrtalDataFile | None, places: list[Place]) -> list[Figures]:
    """Figures for every entry that is linked and has values, in the texts' order."""
    if data is None:
        return []
    linked = link(data, places)
    order = {id(p): n for n, p in enumerate(places)}
    out = []
    for i, entry in enumerate(data.styrtal):
        place = linked.get(i)
        if place is None:
            continue
        fig = figures_for(entry, place, data.eget_omrade)
        if fig is not None:
            out.append((order[id(place)], fig))
    return [fig for _, fig in sorted(out, key=lambda pair: pair[0])]
