"""`vpgen område ny`: a new area file that explains itself, from layouts/omrade-mall.yaml.j2.

The template receives a declared context (`NewAreaContext`); every text in it is content, passed as
a value and never compiled. The new file is read back as an area file before anything is written,
and it is written only where no file stands.

It is the planner's command: the planner decides the area's name, file and responsible role, lists
the area in plan.yaml (the command prints the lines to add; plan.yaml is never edited) and sends the
file to the area chief, whom the file's header then addresses.
"""

from __future__ import annotations

import datetime
import re
import textwrap
from dataclasses import dataclass, fields
from pathlib import Path

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from ..formatting import sv_date
from ..layout import PACKAGED_LAYOUTS, find_layouts_dir
from ..messages import loose_key, os_reason, shell_arg
from ..model import AREA_DIR, OmradeFile, OmradeRef
from ..personal_data import personal_data_in
from ..parse import parse_text
from ..problems import UserError
from ..sanitize import clean_text
from ..yamlsrc import yaml_scalar
from .plan_parts import PLAN_PARTS, PlanParts, read_plan_parts, require_parts

TEMPLATE_NAME = "omrade-mall.yaml.j2"
# Letters Unicode does not take apart into a base letter and a mark (å, ä, ö and é it does).
_WHOLE_LETTERS = (("æ", "ae"), ("ø", "o"), ("ł", "l"), ("đ", "d"))


def slugify(name: str) -> str:
    """'Kultur och ideell sektor' -> 'kultur-och-ideell-sektor': a-z, 0-9 and '-' (å/ä -> a, ö -> o)."""
    text = name.casefold()
    for old, new in _WHOLE_LETTERS:
        text = text.replace(old, new)
    text = re.sub(r"[^a-z0-9]+", "-", loose_key(text)).strip("-")
    if len(text) > 60:  # a file name, not a sentence
        text = text[:60].rsplit("-", 1)[0] if "-" in text[:60] else text[:60]
    return text


def one_line(text: object) -> str:
    """Text for part of a comment line: no line breaks or control characters, single spaces."""
    text = re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", " ", str(text))
    return re.sub(r" {2,}", " ", text).strip()


def comment_lines(text: object, indent: int = 0, width: int = 100) -> str:
    """A text as wrapped comment lines ('# ' + indent), so nothing in it can leave the comment."""
    prefix = "# " + " " * indent
    lines = textwrap.wrap(one_line(text), width=max(20, width - len(prefix)), break_long_words=False,
                          break_on_hyphens=False) or [""]
    return "\n".join((prefix + line).rstrip() for line in lines)


# ---------------------------------------------------------------- what the template receives

@dataclass(frozen=True)
class FokusRad:
    nr: str
    namn: str
    niva: int  # 0 for a fokusområde under a målsättning, 1 for its delområden …


@dataclass(frozen=True)
class StegRad:
    rubrik: str
    underrubrik: str | None
    text: str


@dataclass(frozen=True)
class NewAreaContext:
    """What layouts/omrade-mall.yaml.j2 receives. Every text is content, passed as a value."""

    namn: str
    fil: str
    ansvarig: str
    kontroll_sokvag: str  # the path to give `vpgen kontroll`
    planar: int
    syfte: str
    steg: tuple[StegRad, ...]
    minst_insatser: int
    minst_utmaningar: int
    deadline: datetime.date
    deadline_text: str
    fokus: tuple[FokusRad, ...]
    bredd: int  # width of the number column in the fokus list
    exempel_fokus: tuple[str, str]  # the numbers the examples group insatser under


def template_path(layouts_dir: Path | None) -> Path:
    """The layout folder's omrade-mall.yaml.j2, else the one shipped with vpgen."""
    folder = find_layouts_dir(layouts_dir)
    own = Path(folder) / TEMPLATE_NAME
    return own if own.is_file() else PACKAGED_LAYOUTS / TEMPLATE_NAME


def render_area_template(source: str, context: NewAreaContext) -> str:
    """Render the template with StrictUndefined; content values are never compiled."""
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, trim_blocks=True,
                               lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(yaml=yaml_scalar, kommentar=comment_lines, rad=one_line, sv_date=sv_date,
                       fyll=lambda text, width: str(text).ljust(width))
    values = {f.name: getattr(context, f.name) for f in fields(context)}
    return env.from_string(source).render(**values)


def area_context(parts: PlanParts, namn: str, fil: str, ansvarig: str, kontroll_sokvag: str) -> NewAreaContext:
    anv = parts.get("anvisningar.yaml")
    names = parts.derived().fokus_names
    top = min((nr.count(".") for nr in names), default=1)
    fokus = tuple(FokusRad(nr, namn_, nr.count(".") - top) for nr, namn_ in names.items())
    first = [item.nr for item in fokus if item.niva == 0] or ["1.1"]
    exempel = (first[0], first[1] if len(first) > 1 else first[0])
    return NewAreaContext(
        namn=namn, fil=fil, ansvarig=ansvarig, kontroll_sokvag=kontroll_sokvag,
        planar=parts.get("plan.yaml").planar, syfte=anv.syfte,
        steg=tuple(StegRad(s.rubrik, s.underrubrik, s.text) for s in anv.steg),
        minst_insatser=anv.minst_insatser, minst_utmaningar=anv.minst_utmaningar,
        deadline=anv.deadline, deadline_text=anv.deadline_text, fokus=fokus,
        bredd=max((2 * item.niva + len(item.nr) + 2 for item in fokus), default=0), exempel_fokus=exempel,
    )


# ---------------------------------------------------------------- the new file

@dataclass
class NewArea:
    path: Path
    namn: str
    fil: str
    ansvarig: str
    in_plan: bool  # plan.yaml already lists the area (the file it names was missing)
    deadline: datetime.date


def new_area(root: Path, namn: str, ansvarig: str | None = None, layouts_dir: Path | None = None) -> NewArea:
    """Write omraden/<slug>.yaml for a new area; never overwrites. Raises UserError (Swedish)."""
    root = Path(root)
    namn = clean_text(namn)
    if not re.search(r"\w", namn):
        raise UserError("Ange områdets namn, t.ex.: vpgen område ny \"Kultur och ideell sektor\"")
    if not root.is_dir():
        raise UserError(f"Innehållsmappen {root} finns inte — ange den med --content.")
    parts = read_plan_parts(root)
    require_parts(parts, PLAN_PARTS, "Områdesfilen kan inte skapas")

    ref = next((r for r in parts.get("plan.yaml").omraden if r.namn.casefold() == namn.casefold()), None)
    namn, fil, ansvarig = _named_as_in_plan(ref, ansvarig) if ref else _named_anew(parts, namn, ansvarig)
    if not ansvarig:
        raise UserError("Ange en ansvarig roll med --ansvarig, t.ex. --ansvarig \"områdeschef Kultur\".")
    if personal_data_in(ansvarig, role_field=True):
        raise UserError("Ange en roll som ansvarig (t.ex. \"områdeschef Kultur\"), inte ett namn, en e-postadress "
                        "eller ett telefonnummer: planens dokument är offentliga.")

    target = root / AREA_DIR / fil
    if target.exists() or target.is_symlink():
        raise UserError(f"Filen {target} finns redan — vpgen skriver aldrig över en områdesfil. Se hur långt den "
                        f"har kommit med: vpgen kontroll {shell_arg(target)}; vill du börja om från mallen, ta bort filen först.")
    source_path = template_path(layouts_dir)
    source = _template_source(source_path)
    text = _rendered(source, source_path, area_context(parts, namn, fil, ansvarig, shell_arg(target)))
    _write_once(target, text)
    return NewArea(target, namn, fil, ansvarig, ref is not None, parts.get("anvisningar.yaml").deadline)


def _named_as_in_plan(ref: OmradeRef, ansvarig: str | None) -> tuple[str, str, str]:
    """Name, file and role of an area plan.yaml already lists (its file was missing)."""
    return ref.namn, ref.fil, clean_text(ansvarig) if ansvarig else ref.ansvarig


def _named_anew(parts: PlanParts, namn: str, ansvarig: str | None) -> tuple[str, str, str]:
    """Name, file and role of an area plan.yaml does not list yet: the file name from the name."""
    slug = slugify(namn)
    if not slug:
        raise UserError(f"Namnet '{namn}' ger inget filnamn — använd minst en bokstav a–z eller en siffra.")
    fil = f"{slug}.yaml"
    other = next((r for r in parts.get("plan.yaml").omraden if r.fil == fil), None)
    if other is not None:
        raise UserError(f"Filnamnet {fil} används redan av området {other.namn} i plan.yaml — "
                        "välj ett namn som skiljer sig mer.")
    return namn, fil, clean_text(ansvarig) if ansvarig else f"områdeschef {namn}"


def _template_source(source_path: Path) -> str:
    try:
        return source_path.read_text(encoding="utf-8")
    except OSError as err:
        raise UserError(f"Mallen {source_path} kan inte läsas ({os_reason(err)}).") from None


def _rendered(source: str, source_path: Path, context: NewAreaContext) -> str:
    """The template filled in, once it is known to give a valid file for the area."""
    try:
        text = render_area_template(source, context)
    except TemplateError as err:
        raise UserError(f"Mallen {source_path} har fel ({type(err).__name__}: {err}). Rätta mallen.") from None

    # The new file must itself be valid: read in memory before anything is written.
    content, _doc, problems = parse_text(text, OmradeFile, f"{AREA_DIR}/{context.fil}")
    if content is None or content.omrade != context.namn:
        shown = "; ".join(f"rad {p.line}: {p.message}" for p in problems) or "fel områdesnamn"
        raise UserError(f"Mallen {source_path} ger ingen giltig områdesfil ({shown}). Rätta mallen.")
    return text


def _write_once(target: Path, text: str) -> None:
    if target.parent.exists() and not target.parent.is_dir():
        raise UserError(f"{target.parent} är en fil, inte en mapp — områdesfilerna ska ligga i mappen {AREA_DIR}/ "
                        "i innehållsmappen: byt namn på filen.")
    try:
        target.parent.mkdir(exist_ok=True)
        with open(target, "x", encoding="utf-8", newline="\n") as out:  # "x": never over a file
            out.write(text)
    except FileExistsError:
        raise UserError(f"Filen {target} finns redan — vpgen skriver aldrig över en områdesfil.") from None
    except OSError as err:
        raise UserError(f"Filen {target} kan inte skapas ({os_reason(err)}) — kontrollera att du får skriva i "
                        f"{target.parent}, eller ange en annan innehållsmapp med --content.") from None


def plan_snippet(area: NewArea) -> str:
    """The lines to add under 'områden:' in plan.yaml."""
    return (f"  - namn: {yaml_scalar(area.namn)}\n"
            f"    fil: {area.fil}\n"
            f"    ansvarig: {yaml_scalar(area.ansvarig)}")
