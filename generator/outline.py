"""The deck outline (layouts/deck.yaml): which decks are built and which sections each has, in order.

Read and checked with the content, before anything is rendered: `vpgen validate` reports its
problems, and `vpgen build` stops on them with the file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from .model import F, Model
from .parse import parse_file
from .problems import LayoutError, Problem, format_key_path

SectionKind = Literal[
    "titel", "tidplan", "punktlista", "målsättningar", "målsättningar_med_styrtal", "målstruktur",
    "fokusområden", "gemensamma_inledning", "gemensamma", "uppdragssammanfattning",
    "sammanfattning_antal", "ekonomiska_förutsättningar", "resursfördelningsmodell", "tabell",
    "internkontroll", "anvisningar", "områden", "avslutning", "styrtal_diagram",
    "förändringar", "utgår", "beslutsförslag",
]
# Slide roles the renderer asks for, each satisfied by a layout of the template.
Role = Literal["titel", "avsnitt", "innehåll", "två_innehåll", "tabell", "rubrik", "tom"]

LISTS = {"omvärldsfaktorer", "interna_utmaningar", "övergripande", "storregionalt_samarbete"}
TABLES = {"fördelning", "uppräkning_föreningar", "satsningsutrymme"}
DIAGRAMS = {"fokusområden", "gemensamma", "målsättningar"}


class Avsnitt(Model):
    typ: SectionKind = F("typ", "Bildtyp, t.ex. 'tidplan' eller 'fokusområden'.")
    innehall: str | None = F("innehåll", "Vilket innehåll avsnittet visar (för titel, punktlista, tabell och "
                             "styrtal_diagram).", default=None)
    rubrik: str | None = F("rubrik", "Textnyckel i layouts/texter.yaml för rubriken (för punktlista).", default=None)
    layout: str | None = F("layout", "Bildlayoutens namn i mallen, om inte standardlayouten för bildtypen.", default=None)


class Presentation(Model):
    fil: str = F("fil", "Filnamnets slut, t.ex. 'namndpresentation' (blir VP-2026-namndpresentation.pptx).",
                 pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
    avsnitt: list[Avsnitt] = F("avsnitt", "Avsnitten i ordning.", min_length=1)


class Outline(Model):
    layouter: dict[Role, str] = F("layouter", "Vilken bildlayout i mallen varje bildroll använder.")
    presentationer: list[Presentation] = F("presentationer", "Presentationerna som byggs.", min_length=1)


def load_outline(path: Path, presentation_ids: set[str], text_keys: set[str]) -> Outline:
    """Parse and check the outline; any problem raises LayoutError naming file and line."""
    value, doc, problems = parse_file(Path(path), Outline, Path(path).parent)
    if value is None:
        raise LayoutError("dispositionen har fel:\n" + "\n".join(p.format() for p in problems))
    found: list[Problem] = []

    def bad(loc: tuple, message: str) -> None:
        line, col = doc.pos(loc)
        found.append(Problem(doc.shown, line, col, format_key_path(loc), message))

    names = set()
    for di, deck in enumerate(value.presentationer):
        if deck.fil in names:
            bad(("presentationer", di, "fil"), f"filnamnet {deck.fil} används redan av en annan presentation")
        names.add(deck.fil)
        for si, section in enumerate(deck.avsnitt):
            loc = ("presentationer", di, "avsnitt", si)
            if section.typ == "titel" and section.innehall not in presentation_ids:
                bad(loc + ("innehåll",), f"titelbilden behöver en presentation från plan.yaml: {', '.join(sorted(presentation_ids))}")
            if section.typ == "punktlista":
                if section.innehall not in LISTS:
                    bad(loc + ("innehåll",), f"punktlistan kan visa: {', '.join(sorted(LISTS))}")
                if section.rubrik not in text_keys:
                    bad(loc + ("rubrik",), "rubriken ska vara en textnyckel i layouts/texter.yaml, t.ex. 'overgripande'")
            if section.typ == "tabell" and section.innehall not in TABLES:
                bad(loc + ("innehåll",), f"tabellen kan visa: {', '.join(sorted(TABLES))}")
            if section.typ == "styrtal_diagram" and section.innehall is not None and section.innehall not in DIAGRAMS:
                bad(loc + ("innehåll",), f"styrtalsdiagrammen kan visa: {', '.join(sorted(DIAGRAMS))} "
                    "(utan innehåll: alla)")
    if found:
        raise LayoutError("dispositionen har fel:\n" + "\n".join(p.format() for p in found))
    return value
