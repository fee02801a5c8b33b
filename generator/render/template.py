"""The PowerPoint template: opened empty, its layouts found by role, its placeholders measured.

Layouts are found by the names the outline gives, else by placeholder structure. Each new
slide's placeholders get their layout placeholder's geometry and insets written out ("pinned"),
so every renderer and our measurement agree even where a template's placeholders share an idx.

Two python-pptx methods are quadratic in the number of slides (part naming and the presentation
part's relationship lookup); `install_fast_paths` replaces them per package with versions that
give the same names and rIds, only where python-pptx still has the methods they stand in for
(tests/test_render_template.py builds a deck both ways and compares every part name and rId).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI

from ..layout import LayoutError, template_package
from ..ooxml import a, body_pr_chain, p, ph_element, placeholder_chain, pt
from .fit import Box
from .package import as_document

FAST_PATHS = True  # tests switch this off to compare with python-pptx's own behaviour

TEXT_PH = {"body", "obj", "subTitle"}
TITLE_PH = {"title", "ctrTitle"}
INSET_DEFAULTS = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}
RESAVE = "öppna mallen i PowerPoint och spara den igen"


@dataclass(frozen=True)
class Rect:
    """A rectangle on the slide in EMU."""

    left: int
    top: int
    width: int
    height: int


# ---------------------------------------------------------------- opening

def open_template(path: Path):
    """The template as a python-pptx Presentation without slides, refusing what is not usable.

    A .pptx, or a .potx (PowerPoint template) as the region hands it out: a template is opened
    as a presentation (see `as_document`), the outputs are always .pptx.
    """
    return open_presentation(path)[0]


def open_presentation(path: Path):
    """`open_template`, and whether the template's macros were left out."""
    names, types = template_package(path, "PowerPoint-mallen",
                                    f"PowerPoint-mallen {path} är ingen PowerPoint-fil (.pptx eller .potx): filen är "
                                    "inget zip-arkiv")
    if "ppt/presentation.xml" not in names:
        hint = " (det är ett Word-dokument)" if "word/document.xml" in names else ""
        raise LayoutError(f"PowerPoint-mallen {path} är inte en PowerPoint-presentation{hint}")
    broken = f"PowerPoint-mallen {path} kan inte öppnas: paketet är skadat"
    source, macros = as_document(path, types, f"{broken} — {RESAVE}")
    try:
        prs = Presentation(source)
    except Exception as err:  # python-pptx raises many kinds for a broken package
        raise LayoutError(f"{broken} ({type(err).__name__}) — {RESAVE}") from None
    if not len(prs.slide_layouts):
        raise LayoutError(f"PowerPoint-mallen {path} har inga bildlayouter")
    _drop_slides(prs)
    if FAST_PATHS:
        install_fast_paths(prs)
    return prs, macros


def template_notes(path: Path, layout_names: dict[str, str]) -> list[str]:
    """What the planner should know about the PowerPoint template (said once per build): macros
    left out, and the slide layouts the outline names that the template lacks, with the layout
    used instead of each."""
    prs, macros = open_presentation(path)
    notes = []
    if macros:
        notes.append(f"PowerPoint-mallen {path} innehåller makron: de används inte och följer inte med "
                     "presentationerna.")
    replaced = []
    for role, wanted in layout_names.items():
        try:
            chosen = choose_layout(prs, path, role, wanted, named=False)
        except LayoutError:
            continue  # refused with the layout it needs if a slide asks for this role
        if chosen.name != wanted and f"'{wanted}' → '{chosen.name}'" not in replaced:
            replaced.append(f"'{wanted}' → '{chosen.name}'")
    if replaced:
        notes.append(f"PowerPoint-mallen {path} har inte alla bildlayouter som dispositionen nämner; närmaste "
                     f"layout används i stället: {', '.join(replaced)} (välj andra under 'layouter:' i "
                     "dispositionen).")
    return notes


def _drop_slides(prs) -> None:
    """An organisation's template may carry example slides; the deck starts empty."""
    id_list = prs.slides._sldIdLst
    for slide_id in list(id_list):
        prs.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)


def install_fast_paths(prs) -> list[str]:
    """Replace python-pptx's quadratic part naming and relationship lookup on this package.

    Each replacement is installed only when the method it stands in for (and what it relies on)
    exists in the python-pptx at hand; otherwise python-pptx's own is kept. Returns the names of
    the replacements installed.
    """
    installed = []
    package = prs.part.package
    if callable(getattr(type(package), "next_partname", None)) and callable(getattr(package, "iter_parts", None)):
        _count_partnames(package)
        installed.append("next_partname")
    rels = prs.part.rels
    if callable(getattr(rels, "_add_relationship", None)) and callable(getattr(rels, "get_or_add", None)):
        _index_relationships(rels)
        installed.append("get_or_add")
    return installed


def _count_partnames(package) -> None:
    """Give this package a next_partname that remembers the names it handed out.

    python-pptx finds a new part's name by walking every part of the package, once per new
    slide and notes slide, which makes a long deck quadratic (a 1 500-slide deck spent most
    of its time there). The names it returns are the same as python-pptx's own: the lowest
    free number. Names are only ever added here, so the lowest free number of a template only
    grows, and the search goes on from where it stopped.
    """
    used: set[str] = {str(part.partname) for part in package.iter_parts()}
    lowest: dict[str, int] = {}

    def next_partname(tmpl: str):
        n = lowest.get(tmpl, 1)
        while tmpl % n in used:
            n += 1
        lowest[tmpl] = n + 1
        used.add(tmpl % n)
        return PackURI(tmpl % n)

    package.next_partname = next_partname


def _index_relationships(rels) -> None:
    """Let the presentation part find its relationship to a part by a dict, not a scan.

    python-pptx scans every relationship of the presentation part each time a slide is
    related to it (quadratic in slides). Same rIds as python-pptx's own get_or_add.
    """
    index = {(rels[rId].reltype, id(rels[rId].target_part)): rId for rId in rels if not rels[rId].is_external}
    add = rels._add_relationship

    def get_or_add(reltype: str, target_part) -> str:
        key = (reltype, id(target_part))
        if key not in index:
            index[key] = add(reltype, target_part)
        return index[key]

    rels.get_or_add = get_or_add


# ---------------------------------------------------------------- fonts

def theme_fonts(prs) -> dict[str, str]:
    """The theme's major (+mj) and minor (+mn) latin typefaces."""
    fonts = {"+mj-lt": "Calibri", "+mn-lt": "Calibri"}
    try:
        theme = etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)
        fonts["+mj-lt"] = theme.find(f".//{a('majorFont')}/{a('latin')}").get("typeface") or fonts["+mj-lt"]
        fonts["+mn-lt"] = theme.find(f".//{a('minorFont')}/{a('latin')}").get("typeface") or fonts["+mn-lt"]
    except (KeyError, AttributeError, etree.XMLSyntaxError):
        pass
    return fonts


def effective_font(ph, master, theme: dict[str, str]) -> str:
    """The latin typeface text in a layout placeholder gets: its own list style, the master
    placeholder's, the master's text styles, then the theme. We then write it on every run,
    so every renderer uses the font we measured with.
    """
    def resolve(face: str | None) -> str | None:
        if not face:
            return None
        return theme.get(face[:6], theme["+mn-lt"]) if face.startswith("+") else face

    for node in placeholder_chain(ph._element, None, master._element):
        latin = node.find(f"{p('txBody')}/{a('lstStyle')}/{a('lvl1pPr')}/{a('defRPr')}/{a('latin')}")
        if latin is not None and resolve(latin.get("typeface")):
            return resolve(latin.get("typeface"))
    style = "titleStyle" if ph is not None and ph_type(ph) in TITLE_PH else "bodyStyle"
    latin = master._element.find(f".//{p(style)}/{a('lvl1pPr')}/{a('defRPr')}/{a('latin')}")
    face = resolve(latin.get("typeface")) if latin is not None else None
    return face or (theme["+mj-lt"] if style == "titleStyle" else theme["+mn-lt"])


def effective_size(ph, master) -> float | None:
    """The first-level text size (pt) a layout placeholder gives its text, along the same chain as
    `effective_font`; None when nothing says (PowerPoint's 18 pt then)."""
    for node in placeholder_chain(ph._element, None, master._element):
        rpr = node.find(f"{p('txBody')}/{a('lstStyle')}/{a('lvl1pPr')}/{a('defRPr')}")
        if rpr is not None and (rpr.get("sz") or "").isdigit():
            return int(rpr.get("sz")) / 100
    style = "titleStyle" if ph_type(ph) in TITLE_PH else "bodyStyle"
    rpr = master._element.find(f".//{p(style)}/{a('lvl1pPr')}/{a('defRPr')}")
    return int(rpr.get("sz")) / 100 if rpr is not None and (rpr.get("sz") or "").isdigit() else None


# ---------------------------------------------------------------- placeholders and roles

def placeholders_of(container) -> list:
    """A slide's or layout's placeholders in document order (the order layouts are cloned in)."""
    return [shape for shape in container.shapes if ph_element(shape._element) is not None]


def ph_type(ph) -> str:
    el = ph_element(ph._element)
    return el.get("type", "obj") if el is not None else "obj"


def structure(container) -> dict[str, list]:
    """A layout's or slide's placeholders by kind: title, sub(title), body, tbl; each by idx."""
    kinds: dict[str, list] = {"title": [], "sub": [], "body": [], "tbl": []}
    for ph in sorted(placeholders_of(container), key=lambda ph: int(ph_element(ph._element).get("idx", "0"))):
        kind = ph_type(ph)
        if kind in TITLE_PH:
            kinds["title"].append(ph)
        elif kind == "subTitle":
            kinds["sub"].append(ph)
        elif kind in ("body", "obj"):
            kinds["body"].append(ph)
        elif kind == "tbl":
            kinds["tbl"].append(ph)
    return kinds


ROLE_NEEDS = {
    # role: (predicate on structure, description for messages)
    "titel": (lambda s: s["title"] and (s["sub"] or s["body"]), "rubrik och underrubrik"),
    "avsnitt": (lambda s: s["title"] and s["body"], "rubrik och text"),
    "innehåll": (lambda s: s["title"] and s["body"], "rubrik och innehåll"),
    "två_innehåll": (lambda s: s["title"] and len(s["body"]) >= 2, "rubrik och två innehåll"),
    "tabell": (lambda s: s["title"], "rubrik"),
    "rubrik": (lambda s: s["title"], "rubrik"),
    "tom": (lambda s: True, "ingenting"),
}
# When the named layout is missing: prefer layouts shaped for the role, in this order.
ROLE_PREFERENCE = {
    "titel": lambda s: (not s["sub"], len(s["body"])),
    "avsnitt": lambda s: (len(s["body"]) != 1, bool(s["sub"])),
    "innehåll": lambda s: (len(s["body"]) != 1, bool(s["sub"]), bool(s["tbl"])),
    "två_innehåll": lambda s: (len(s["body"]) != 2,),
    "tabell": lambda s: (not s["tbl"], len(s["body"]), bool(s["sub"])),
    "rubrik": lambda s: (len(s["body"]) + len(s["sub"]) + len(s["tbl"]),),
    "tom": lambda s: (len(s["title"]) + len(s["body"]) + len(s["sub"]),),
}
# Between layouts shaped alike: the one whose declared kind (p:sldLayout/@type) is the role's.
ROLE_LAYOUT_TYPE = {"titel": "title", "avsnitt": "secHead", "innehåll": "obj", "två_innehåll": "twoObj",
                    "tabell": "tbl", "rubrik": "titleOnly", "tom": "blank"}


def placed(layout) -> dict[str, list]:
    """A layout's `structure` without the placeholders that have no position and size, on the
    layout or its master: nothing can be measured or placed in those."""
    return {kind: [ph for ph in phs if ph.width is not None and ph.height is not None]
            for kind, phs in structure(layout).items()}


def choose_layout(prs, template: Path, role: str, wanted: str | None, named: bool):
    """The layout for a slide role: the one named `wanted` when it has what the role needs, else
    (unless the outline itself named it: `named`) the closest layout by placeholder structure.
    Refused, naming the layout and what it lacks, only when no layout of the template serves."""
    needs, what = ROLE_NEEDS[role]
    layouts = list(prs.slide_layouts)
    chosen = next((lay for lay in layouts if lay.name == wanted), None)
    if chosen is not None and needs(placed(chosen)):
        return chosen
    candidates = [] if named else [lay for lay in layouts if needs(placed(lay))]
    if candidates:
        return min(candidates, key=lambda lay: (ROLE_PREFERENCE[role](placed(lay)),
                                                lay._element.get("type") != ROLE_LAYOUT_TYPE[role]))
    if chosen is not None:
        raise LayoutError(f"bildlayouten '{wanted}' i {template} saknar platshållare för {what}")
    if named:
        raise LayoutError(f"bildlayouten '{wanted}' som dispositionen nämner finns inte i {template}")
    raise LayoutError(f"mallen {template} saknar layouten '{wanted}' och har ingen layout med {what}")


# ---------------------------------------------------------------- placeholder geometry

def _layout_chain(ph) -> list:
    """A layout placeholder and the master placeholder it inherits from (nearest first)."""
    return placeholder_chain(ph._element, None, ph.part.slide_layout.slide_master._element)


def layout_pins(layout) -> list[tuple | None]:
    """Per cloneable placeholder of a layout: (left, top, width, height, bodyPr attributes)."""
    pins = []
    master = layout.slide_master._element
    for ph in placeholders_of(layout):
        if ph_type(ph) in ("dt", "ftr", "sldNum"):  # python-pptx does not clone these
            continue
        if ph.width is None:
            pins.append(None)
            continue
        chain = body_pr_chain(placeholder_chain(ph._element, None, master))
        attrs = {}
        for key in ("lIns", "rIns", "tIns", "bIns", "anchor"):
            value = next((b.get(key) for b in chain if b.get(key) is not None), None)
            if value is None and key in INSET_DEFAULTS:
                value = str(INSET_DEFAULTS[key])
            if value is not None:
                attrs[key] = value
        pins.append((ph.left, ph.top, ph.width, ph.height, attrs))
    return pins


def pin_placeholders(slide, pins: list[tuple | None]) -> None:
    """Give each new placeholder its layout placeholder's geometry and insets explicitly.

    Inheritance goes by idx, and some templates (LibreOffice exports) give several
    placeholders the same idx; pinned, every renderer and our measurement agree.
    """
    for slide_ph, pin in zip(placeholders_of(slide), pins):
        if pin is None:
            continue
        left, top, width, height, attrs = pin
        slide_ph.left, slide_ph.top, slide_ph.width, slide_ph.height = left, top, width, height
        body = slide_ph._element.find(f"{p('txBody')}/{a('bodyPr')}")
        if body is not None:
            for key, value in attrs.items():
                if body.get(key) is None:
                    body.set(key, value)


def inner_box(ph) -> Box:
    """The text area of a placeholder in points: its size less the insets it has or inherits.

    A slide's placeholders are pinned (their insets written out); a layout's own inherit from the
    master.
    """
    own = ph._element.find(f"{p('txBody')}/{a('bodyPr')}")
    if own is not None and all(own.get(key) is not None for key in INSET_DEFAULTS):
        ins = {key: int(own.get(key)) for key in INSET_DEFAULTS}  # pinned: no need to walk up
    else:
        chain = body_pr_chain(_layout_chain(ph))
        ins = {key: next((int(b.get(key)) for b in chain if b.get(key) is not None), default)
               for key, default in INSET_DEFAULTS.items()}
    return Box(pt(ph.width - ins["lIns"] - ins["rIns"]), pt(ph.height - ins["tIns"] - ins["bIns"]))
