"""The area chiefs' round: a new self-explaining area file, a plain-Swedish check of one file, status.

Three commands, one per step of the round:

- `vpgen område ny "Namn"` writes omraden/<slug>.yaml from layouts/omrade-mall.yaml.j2 (never over an
  existing file) and prints the line for plan.yaml;
- `vpgen kontroll FIL` tells an area chief what is wrong in one file, on which line, and what the
  right form looks like. YAML stops at its first syntax error, so the check looks for the likely
  fix itself: it tries small one-line repairs (add the missing '- ', align the line with its
  neighbours, quote a text with ': ', correct a misspelt key, remove the '[]' of an emptied list)
  and keeps the one after which the file reads best. It then goes on with the repaired text, so
  one run lists every mistake, each with the corrected line;
- `vpgen status` shows, per area of plan.yaml, how far its file is against the anvisningar and the
  deadline.

The check and the status read only the files they need (plan.yaml, anvisningar.yaml,
malsattningar.yaml and the area files), so an area chief's check still works while, say,
ekonomi.yaml is broken. Counting against the anvisningar and the names of the fokusområden come from
derive.Derived, built on a plan holding just those files.
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from dataclasses import dataclass, field, fields
from pathlib import Path

import click

from .cli import DEFAULT_CONTENT, VpgenError

TEMPLATE_NAME = "omrade-mall.yaml.j2"
PLAN_PARTS = ("plan.yaml", "anvisningar.yaml", "malsattningar.yaml")
AREA_KEYS = ("område", "insatser", "utmaningar", "fokusområde", "rubrik", "punkter")


# ================================================================ shared helpers

def slugify(name: str) -> str:
    """'Kultur och ideell sektor' -> 'kultur-och-ideell-sektor': a-z, 0-9 and '-' (å/ä -> a, ö -> o)."""
    text = name.casefold()
    for old, new in (("å", "a"), ("ä", "a"), ("ö", "o"), ("æ", "ae"), ("ø", "o"), ("ł", "l"), ("đ", "d")):
        text = text.replace(old, new)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > 60:  # a file name, not a sentence
        text = text[:60].rsplit("-", 1)[0] if "-" in text[:60] else text[:60]
    return text


def yaml_scalar(value: str) -> str:
    """A text as a YAML value: plain when it reads back as the same text, else in double quotes."""
    import yaml

    plain_ok = (
        value == value.strip()
        and value
        and not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", value)
        and value[0] not in "-?:,[]{}#&*!|>'\"%@` 0123456789+."
        and ": " not in value and " #" not in value and not value.endswith(":")
    )
    if plain_ok:
        try:
            if yaml.safe_load(f"x: {value}\n") == {"x": value}:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def one_line(text: object) -> str:
    """Text for part of a comment line: no line breaks or control characters, single spaces."""
    text = re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", " ", str(text))
    return re.sub(r" {2,}", " ", text).strip()


def comment_lines(text: object, indent: int = 0, width: int = 100) -> str:
    """A text as wrapped comment lines ('# ' + indent), so nothing in it can leave the comment."""
    import textwrap

    prefix = "# " + " " * indent
    lines = textwrap.wrap(one_line(text), width=max(20, width - len(prefix)), break_long_words=False,
                          break_on_hyphens=False) or [""]
    return "\n".join((prefix + line).rstrip() for line in lines)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@dataclass
class PlanParts:
    """The content files the area commands need, each parsed on its own (None when it has problems)."""

    root: Path
    models: dict[str, object]
    problems: list  # generator.problems.Problem

    def get(self, name: str):
        return self.models.get(name)

    def derived(self, areas: list | None = None):
        """derive.Derived on a plan holding only these files (pydantic's model_construct: no validation
        of the files that are not here; Derived is only asked about what is)."""
        from .derive import Derived
        from .model import Plan

        return Derived(Plan.model_construct(
            plan=self.get("plan.yaml"), anvisningar=self.get("anvisningar.yaml"),
            malsattningar=self.get("malsattningar.yaml"), omraden=list(areas or []),
        ))


def read_plan_parts(root: Path, names: tuple[str, ...] = PLAN_PARTS) -> PlanParts:
    from .load import parse_file
    from .model import CONTENT_FILES
    from .problems import Problem, display_path

    models: dict[str, object] = {}
    problems = []
    for name in names:
        path = Path(root) / name
        if not path.is_file():
            problems.append(Problem(display_path(path, root), 0, 0, "", "filen saknas"))
            continue
        value, _doc, found = parse_file(path, CONTENT_FILES[name], root)
        problems += found
        if value is not None:
            models[name] = value
    return PlanParts(Path(root), models, problems)


def _require(parts: PlanParts, names: tuple[str, ...], doing: str) -> None:
    """Stop with the problems of the plan files this command cannot do without."""
    missing = [name for name in names if parts.get(name) is None]
    if not missing:
        return
    lines = [p.format() for p in parts.problems if any(p.file.endswith(name) for name in missing)]
    files = ", ".join(str(parts.root / name) for name in missing)
    raise VpgenError("\n".join(lines + [f"{doing}: {files} kan inte läsas (se ovan). Rätta filen och försök igen "
                                        "(vpgen validate visar alla fel)."]))


# ================================================================ vpgen område ny

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
    from .layout import PACKAGED_LAYOUTS, find_layouts_dir

    folder = find_layouts_dir(layouts_dir)
    own = Path(folder) / TEMPLATE_NAME
    return own if own.is_file() else PACKAGED_LAYOUTS / TEMPLATE_NAME


def render_area_template(source: str, context: NewAreaContext) -> str:
    """Render the template with StrictUndefined; content values are never compiled."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from .formatting import sv_date

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


@dataclass
class NewArea:
    path: Path
    namn: str
    fil: str
    ansvarig: str
    in_plan: bool  # plan.yaml already lists the area (the file it names was missing)


def new_area(root: Path, namn: str, ansvarig: str | None = None, layouts_dir: Path | None = None) -> NewArea:
    """Write omraden/<slug>.yaml for a new area; never overwrites. Raises VpgenError (Swedish)."""
    import tempfile

    from .load import parse_file
    from .model import AREA_DIR, OmradeFile
    from .text import clean_text

    root = Path(root)
    namn = clean_text(namn)
    if not re.search(r"\w", namn):
        raise VpgenError("Ange områdets namn, t.ex.: vpgen område ny \"Kultur och ideell sektor\"")
    if not root.is_dir():
        raise VpgenError(f"Innehållsmappen {root} finns inte — ange den med --content.")
    parts = read_plan_parts(root)
    _require(parts, PLAN_PARTS, "Områdesfilen kan inte skapas")

    refs = parts.get("plan.yaml").omraden
    ref = next((r for r in refs if r.namn.casefold() == namn.casefold()), None)
    if ref is not None:
        namn, fil = ref.namn, ref.fil
        ansvarig = clean_text(ansvarig) if ansvarig else ref.ansvarig
    else:
        slug = slugify(namn)
        if not slug:
            raise VpgenError(f"Namnet '{namn}' ger inget filnamn — använd minst en bokstav a–z eller en siffra.")
        fil = f"{slug}.yaml"
        other = next((r for r in refs if r.fil == fil), None)
        if other is not None:
            raise VpgenError(f"Filnamnet {fil} används redan av området {other.namn} i plan.yaml — "
                             "välj ett namn som skiljer sig mer.")
        ansvarig = clean_text(ansvarig) if ansvarig else f"områdeschef {namn}"
    if not ansvarig:
        raise VpgenError("Ange en ansvarig roll med --ansvarig, t.ex. --ansvarig \"områdeschef Kultur\".")
    if "@" in ansvarig:
        raise VpgenError("Ange en roll som ansvarig (t.ex. \"områdeschef Kultur\"), inte en e-postadress.")

    target = root / AREA_DIR / fil
    if target.exists() or target.is_symlink():
        raise VpgenError(f"Filen {target} finns redan — vpgen skriver aldrig över en områdesfil. "
                         f"Öppna och fyll i den (kontrollera den med: vpgen kontroll {target}), "
                         "eller ta bort den först om du vill börja om från mallen.")

    source_path = template_path(layouts_dir)
    try:
        source = source_path.read_text(encoding="utf-8")
    except OSError as err:
        raise VpgenError(f"Mallen {source_path} kan inte läsas ({err.strerror or err}).") from None
    from jinja2 import TemplateError

    context = area_context(parts, namn, fil, ansvarig, str(target))
    try:
        text = render_area_template(source, context)
    except TemplateError as err:
        raise VpgenError(f"Mallen {source_path} har fel ({type(err).__name__}: {err}). Rätta mallen.") from None

    # The new file must itself be valid: checked on a private copy before anything is written.
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / AREA_DIR / fil
        trial.parent.mkdir()
        trial.write_text(text, encoding="utf-8", newline="\n")
        content, _doc, problems = parse_file(trial, OmradeFile, Path(tmp))
    if content is None or content.omrade != namn:
        shown = "; ".join(f"rad {p.line}: {p.message}" for p in problems) or "fel områdesnamn"
        raise VpgenError(f"Mallen {source_path} ger ingen giltig områdesfil ({shown}). Rätta mallen.")

    target.parent.mkdir(exist_ok=True)
    try:
        with open(target, "x", encoding="utf-8", newline="\n") as out:  # "x": never over a file
            out.write(text)
    except FileExistsError:
        raise VpgenError(f"Filen {target} finns redan — vpgen skriver aldrig över en områdesfil.") from None
    return NewArea(target, namn, fil, ansvarig, ref is not None)


def plan_snippet(area: NewArea) -> str:
    return (f"  - namn: {yaml_scalar(area.namn)}\n"
            f"    fil: {area.fil}\n"
            f"    ansvarig: {yaml_scalar(area.ansvarig)}")


@click.group(name="område", context_settings={"help_option_names": ["-h", "--help"]})
def cli_omrade() -> None:
    """Områdesfiler: skapa en ny fil för ett område."""


@cli_omrade.command(name="ny", short_help="Skapa en ny områdesfil från mallen.")
@click.argument("namn")
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=DEFAULT_CONTENT,
              show_default=True, help="Innehållsmappen.")
@click.option("--ansvarig", default=None, help="Ansvarig roll, inte personnamn (standard: 'områdeschef NAMN').")
@click.option("--layouts", "layouts_dir", type=click.Path(path_type=Path), default=None,
              help="Layoutmappen med omrade-mall.yaml.j2 (standard: ./layouts eller den som följer med vpgen).")
def cli_ny(namn: str, content_dir: Path, ansvarig: str | None, layouts_dir: Path | None) -> None:
    """Skapa en ny områdesfil som förklarar sig själv (skriver aldrig över en befintlig fil)."""
    from .layout import LayoutError

    try:
        area = new_area(content_dir, namn, ansvarig, layouts_dir)
    except LayoutError as err:
        raise VpgenError(str(err)) from None
    click.echo(f"Skapade {area.path} för området {area.namn}.")
    click.echo("")
    plan = content_dir / "plan.yaml"
    if area.in_plan:
        click.echo(f"Området finns redan i {plan} (fil: {area.fil}), så plan.yaml behöver inte ändras.")
    else:
        click.echo(f"Lägg till området i {plan}, under 'områden:' där det ska stå i presentationen:")
        click.echo("")
        click.echo(plan_snippet(area))
        click.echo("")
        click.echo("vpgen ändrar inte plan.yaml själv: filen har kommentarer och en ordning som planeringsansvarig "
                   "bestämmer, och en automatisk ändring kan inte säkert behålla dem.")
    click.echo("")
    click.echo("Skicka filen till områdeschefen. Hen fyller i den enligt förklaringarna i filen och kontrollerar den med:")
    click.echo(f"  vpgen kontroll {area.path}")


# ================================================================ vpgen kontroll

@dataclass
class Finding:
    """One thing to tell the area chief, at a line of the file (0: the file as a whole)."""

    line: int
    message: str
    kind: str = "fel"  # "fel" (must be fixed), "saknas" (short of the anvisningar), "tips" (fine as is)
    fix: dict[int, str] = field(default_factory=dict)  # line -> the corrected line
    context: dict[int, str] = field(default_factory=dict)  # unchanged lines shown around the fix
    example: tuple[str, ...] = ()  # a short correct example when no fix is known
    help: tuple[str, ...] = ()  # further plain help lines

    @property
    def fails(self) -> bool:
        return self.kind != "tips"


@dataclass
class CheckReport:
    file: str
    findings: list[Finding]
    notes: list[str]
    counts: tuple[int, int] | None = None  # (insatser, utmaningar) when the file could be read
    minimum: tuple[int, int] | None = None
    counted_with_fixes: bool = False

    @property
    def ok(self) -> bool:
        return not any(f.fails for f in self.findings)

    def format(self) -> str:
        out = [f"Kontroll av {self.file}", ""]
        for finding in sorted(self.findings, key=lambda f: (f.line, f.kind != "fel")):
            out += format_finding(finding) + [""]
        out += self.notes
        if self.notes:
            out.append("")
        if self.counts is not None:
            ins, utm = self.counts
            if self.minimum is not None:
                line = f"Insatser: {ins} (minst {self.minimum[0]}). Utmaningar: {utm} (minst {self.minimum[1]})."
            else:
                line = f"Insatser: {ins}. Utmaningar: {utm}."
            out.append(line + (" Räknat som om rättningarna ovan vore gjorda." if self.counted_with_fixes else ""))
        elif not self.ok:
            out.append("Insatserna och utmaningarna räknas när felen ovan är rättade.")
        failing = sum(f.fails for f in self.findings)
        if failing:
            out.append(f"{_plural(failing, 'sak', 'saker')} att rätta eller komplettera. "
                       "Kör kontrollen igen när du har ändrat i filen.")
        else:
            out.append("Filen är klar: inga fel, och den uppfyller anvisningarna.")
        return "\n".join(out)


def format_finding(finding: Finding) -> list[str]:
    where = f"Rad {finding.line}" if finding.line else "Filen"
    label = " (tips)" if finding.kind == "tips" else ""
    out = [f"{where}{label}: {finding.message}"]
    if finding.fix:
        shown = {**finding.context, **finding.fix}
        out.append("  Så här ska det se ut:")
        out += _gutter(shown)
    elif finding.example:
        out.append("  Så här ska det se ut (exempel):")
        out += _gutter(None, finding.example)
    out += [f"  {line}" for line in finding.help]
    return out


def _gutter(numbered: dict[int, str] | None, plain: tuple[str, ...] = ()) -> list[str]:
    """Lines with a margin that shows where the file's own text begins: '  17 |       - text'."""
    def cut(text: str) -> str:
        return text if len(text) <= 110 else text[:107].rstrip() + " …"

    if numbered:
        width = len(str(max(numbered)))
        return [f"    {no:>{width}} | {cut(numbered[no])}".rstrip() for no in sorted(numbered)]
    return [f"    | {cut(line)}".rstrip() for line in plain]


# ---------------------------------------------------------------- reading a text the way validate does

@dataclass
class _Parsed:
    readable: bool
    doc: object  # SourceDoc or None
    content: object  # OmradeFile or None
    problems: list  # Problem
    leaves: int  # texts and numbers in the file: a repair must not swallow one

    @property
    def badness(self) -> tuple:
        """Lower is better: readable first, then fewer problems, then more texts kept."""
        first_error = self.problems[0].line if not self.readable and self.problems else 0
        return (not self.readable, -first_error, len(self.problems), -self.leaves)


class _Reader:
    """Parses candidate texts of one area file through load.parse_file, in a private folder."""

    def __init__(self, name: str):
        import tempfile

        from .model import AREA_DIR

        self._tmp = tempfile.TemporaryDirectory()
        self.root = Path(self._tmp.name)
        self.path = self.root / AREA_DIR / name
        self.path.parent.mkdir()
        self.cache: dict[str, _Parsed] = {}

    def close(self) -> None:
        self._tmp.cleanup()

    def __call__(self, text: str) -> _Parsed:
        if text not in self.cache:
            from .load import parse_file
            from .model import OmradeFile

            self.path.write_text(text, encoding="utf-8", newline="\n")
            content, doc, problems = parse_file(self.path, OmradeFile, self.root)
            readable = doc is not None and doc.readable
            self.cache[text] = _Parsed(readable, doc, content, problems, _count_leaves(doc.data) if readable else 0)
        return self.cache[text]


def _count_leaves(value: object) -> int:
    if isinstance(value, dict):
        return sum(_count_leaves(v) for v in value.values())
    if isinstance(value, list):
        return sum(_count_leaves(v) for v in value)
    return 0 if value is None else 1


def _value_at(data: object, loc: tuple) -> object:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


# ---------------------------------------------------------------- the lines of the file

_KEY = re.compile(r"^(?P<key>[^\s#'\"\[\]{}&*!|>%@`,?:-][^:#]*?):(?:[ \t]+(?P<value>.*?))?\s*$")
_EMPTIED = re.compile(r"^(?P<head>\s*(?:- +)?[^\s#'\"][^:#]*?:)\s*\[\]\s*(?:#.*)?$")


@dataclass(frozen=True)
class _Line:
    no: int
    text: str

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def is_content(self) -> bool:
        return bool(self.stripped) and not self.stripped.startswith("#")

    @property
    def dash(self) -> bool:
        rest = self.text[self.indent:]
        return rest == "-" or rest.startswith("- ")

    @property
    def body_col(self) -> int:
        """Column (0-based) where the text after '- ' starts, or the indentation."""
        if not self.dash:
            return self.indent
        rest = self.text[self.indent + 1:]
        return self.indent + 1 + len(rest) - len(rest.lstrip(" "))

    @property
    def body(self) -> str:
        return self.text[self.body_col:].rstrip()

    @property
    def key(self) -> str | None:
        match = _KEY.match(self.body)
        return match.group("key").strip() if match else None

    @property
    def value(self) -> str | None:
        match = _KEY.match(self.body)
        return match.group("value") if match else None


def _lines(text: str) -> list[_Line]:
    return [_Line(no, line) for no, line in enumerate(text.split("\n"), start=1)]


def _join(lines: list[str]) -> str:
    return "\n".join(lines)


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


# ---------------------------------------------------------------- candidate repairs

@dataclass(frozen=True)
class _Repair:
    line: int
    new: str
    kind: str  # dash, indent, quote, key, emptied
    ref: int = 0  # the line the repair aligns with (indent)


def _content_near(lines: list[_Line], line: int, before: int, after: int) -> list[_Line]:
    idx = [i for i, item in enumerate(lines) if item.is_content]
    at = [i for i in idx if lines[i].no <= line]
    nearest = at[-1] if at else (idx[0] if idx else 0)
    pos = idx.index(nearest) if nearest in idx else 0
    return [lines[i] for i in idx[max(0, pos - before): pos + after + 1]]


def _anchors(lines: list[_Line], line: int, back: int = 10) -> list[tuple[int, int]]:
    """(column, line) a line could be aligned with: the indentation and the text after '- ' of the lines above."""
    seen: dict[int, int] = {}
    for item in reversed([x for x in lines[: line - 1] if x.is_content][-back:]):
        for col in (item.indent, item.body_col):
            seen.setdefault(col, item.no)
    return list(seen.items())


def _candidates(lines: list[_Line], around: int, before: int = 2, after: int = 2) -> list[_Repair]:
    from .load import did_you_mean

    out: list[_Repair] = []
    for target in _content_near(lines, around, before, after):
        text, indent = target.text, target.indent
        key = target.key
        if key is not None and key not in AREA_KEYS:
            guess = did_you_mean(key, list(AREA_KEYS))
            if guess:
                start = target.body_col
                out.append(_Repair(target.no, text[:start] + guess + text[start + len(key):], "key"))
        if target.dash and target.body and target.body[0] not in "\"'":
            out.append(_Repair(target.no, text[: target.body_col] + _quote(target.body), "quote"))
        value = target.value
        if key is not None and value and value[0] not in "\"'|>" and (": " in value or value[0] in "&*!%@`{["):
            head = text.rstrip()
            if head.endswith(value):
                out.append(_Repair(target.no, head[: -len(value)] + _quote(value), "quote"))
        if not target.dash:
            body = target.stripped
            if key is not None and indent >= 2:
                out.append(_Repair(target.no, " " * (indent - 2) + "- " + body, "dash"))
            dashes = [indent]  # most often only the '- ' is missing
            for above in reversed(lines[: target.no - 1]):
                if above.is_content and above.dash and above.indent not in dashes:
                    dashes.append(above.indent)
                if len(dashes) == 4:
                    break
            for col in dashes:
                out.append(_Repair(target.no, " " * col + "- " + body, "dash"))
        for col, ref in _anchors(lines, target.no):
            if col != indent:
                out.append(_Repair(target.no, " " * col + text.lstrip(" "), "indent", ref))
    for above in _content_near(lines, around, 3, 0):
        match = _EMPTIED.match(above.text)
        if match:
            out.append(_Repair(above.no, match.group("head"), "emptied"))
    return [r for r in out if r.new != lines[r.line - 1].text]


def _apply(lines: list[_Line], repair: _Repair) -> str:
    texts = [item.text for item in lines]
    texts[repair.line - 1] = repair.new
    return _join(texts)


def _best_repair(lines: list[_Line], reader: _Reader, now: _Parsed, around: int,
                 gone: tuple | None = None) -> tuple[_Repair, str] | None:
    """The repair after which the file reads best, or None.

    In a file YAML cannot read, a repair must make it readable or move the first syntax error further
    down (a file can have several). In a readable file it must remove the problem `gone`, leave fewer
    problems, and keep every text (aligning a line under the wrong point would merge two points).
    """
    best = None
    first_error = now.problems[0].line if not now.readable and now.problems else 0
    for order, repair in enumerate(_candidates(lines, around)):
        text = _apply(lines, repair)
        trial = reader(text)
        if not trial.readable:
            if now.readable or not trial.problems or trial.problems[0].line <= first_error:
                continue
            # Several repairs may move the error equally far; the one that keeps more texts apart
            # above the next error is the likely one.
            stop = trial.problems[0].line
            above = reader(_join(text.split("\n")[: stop - 1]))
            score = (1, -stop, -above.leaves if above.readable else 0, order)
        else:
            if now.readable:
                keys = {(p.line, p.path, p.message) for p in trial.problems}
                if gone in keys or len(trial.problems) >= len(now.problems) or trial.leaves < now.leaves:
                    continue
            score = (0, len(trial.problems), -trial.leaves, order)
        if best is None or score < best[0]:
            best = (score, repair, text)
    return (best[1], best[2]) if best else None


# ---------------------------------------------------------------- describing a repair

def _who(line: _Line) -> str:
    return "punkten" if line.dash and line.key is None else "raden"


def _under(lines: list[_Line], ref: int, col: int) -> str:
    item = lines[ref - 1]
    if item.dash and item.indent == col:
        return f"'- ' på rad {ref}"
    key = item.key
    if key and item.body_col == col:
        return f"'{key}' på rad {ref}"
    return f"raden {ref}"


def _repair_message(lines: list[_Line], repair: _Repair, original: str) -> str:
    line = lines[repair.line - 1]
    if repair.kind == "dash":
        if line.key is not None:
            return (f"en ny grupp börjar här, men raden saknar '- ' — skriv '- ' före '{line.key}:' "
                    "(utan '- ' räknas raden till gruppen ovanför)")
        return "punkten saknar '- ' i början — varje punkt står på en egen rad som börjar med '- '"
    if repair.kind == "indent":
        want = len(repair.new) - len(repair.new.lstrip(" "))
        how = "för lite" if line.indent < want else "för långt"
        return (f"{_who(line)} är indragen {how} ({line.indent} mellanslag) — den ska stå rakt under "
                f"{_under(lines, repair.ref, want)} ({want} mellanslag)")
    if repair.kind == "emptied":
        key = _EMPTIED.match(line.text).group("head").strip().lstrip("- ").rstrip(":")
        return (f"'{key}: []' betyder en tom lista, men raderna under fyller i listan — ta bort [] efter '{key}:'")
    if repair.kind == "quote" and original.startswith("YAML-fel"):
        return "texten innehåller ett kolon följt av mellanslag (': ') — sätt hela texten inom citattecken"
    return _plain(original)


def _plain(message: str) -> str:
    return message.removeprefix("YAML-fel: ")


def _fix_view(lines: list[_Line], repair_lines: dict[int, str]) -> dict[int, str]:
    """The content line above the first repaired line, for alignment."""
    if not repair_lines:
        return {}
    first = min(repair_lines)
    above = [x for x in lines[: first - 1] if x.is_content]
    return {above[-1].no: above[-1].text} if above else {}


# ---------------------------------------------------------------- examples

def _examples(fokus: str, namn: str) -> dict[str, tuple[str, ...]]:
    return {
        "område": (f"område: {yaml_scalar(namn)}",),
        "insatser": ("insatser:", f"  - fokusområde: \"{fokus}\"", "    punkter:", "      - Första insatsen.",
                     "      - Andra insatsen."),
        "fokusområde": (f"  - fokusområde: \"{fokus}\"", "    punkter:", "      - Första insatsen."),
        "rubrik": (f"  - fokusområde: \"{fokus}\"", "    rubrik: Omställning och förnyelse", "    punkter:",
                   "      - Första insatsen."),
        "punkter": ("    punkter:", "      - Första punkten.", "      - Andra punkten."),
        "utmaningar": ("utmaningar:", "  - rubrik: Kompetensförsörjning", "    punkter:",
                       "      - Svårt att rekrytera till tekniska tjänster."),
        "": (f"område: {yaml_scalar(namn)}", "", "insatser:", f"  - fokusområde: \"{fokus}\"", "    punkter:",
             "      - Första insatsen.", "", "utmaningar:", "  - rubrik: Kompetensförsörjning", "    punkter:",
             "      - Svårt att rekrytera till tekniska tjänster."),
    }


def _key_of(lines: list[_Line], line: int, path: str) -> str | None:
    from .load import did_you_mean

    names = re.findall(r"[^.\[\]]+", path)
    key = next((n for n in reversed(names) if not n.isdigit()), None)
    if key is None and 0 < line <= len(lines):
        key = lines[line - 1].key
    if key is None:
        return None
    return key if key in AREA_KEYS else did_you_mean(key, list(AREA_KEYS))


# ---------------------------------------------------------------- the check

LATIN1_HELP = (
    "Spara om filen som UTF-8: i Anteckningar väljer du Arkiv > Spara som och Kodning: UTF-8;",
    "i andra textredigerare heter valet ofta Encoding eller Teckenkodning.",
)


def _continuations(lines: list[_Line], parsed: _Parsed) -> list[tuple[int, int]]:
    """(line, start): a line beginning with '- ' that YAML reads as more text of the point on `start`."""
    doc = parsed.doc
    starts = sorted({pos[0] for pos in list(doc.key_pos.values()) + list(doc.value_pos.values())})
    found = []
    for loc, (line, col) in doc.value_pos.items():
        if not loc or not isinstance(_value_at(doc.data, loc), str):
            continue
        if lines[line - 1].text[col - 1: col] in ("\"", "'", "|", ">"):
            continue
        end = next((s for s in starts if s > line), len(lines) + 1)
        for no in range(line + 1, end):
            item = lines[no - 1]
            if item.is_content and item.dash:
                found.append((no, line))
    return sorted(found)


def _empty_groups(parsed: _Parsed) -> list[tuple[int, str]]:
    """Insats groups without points: valid, but they would put an empty heading on the slide."""
    out = []
    data = parsed.doc.data if parsed.doc is not None else None
    groups = data.get("insatser") if isinstance(data, dict) else None
    for i, group in enumerate(groups if isinstance(groups, list) else []):
        if isinstance(group, dict) and group.get("punkter", []) == [] and "fokusområde" in group:
            line = parsed.doc.pos(("insatser", i, "punkter"))[0]
            out.append((line, str(getattr(group["fokusområde"], "raw", group["fokusområde"]))))
    return out


def _find_content_root(path: Path, explicit: Path | None) -> Path | None:
    if explicit is not None:
        return explicit
    guess = path.resolve().parent.parent
    return guess if (guess / "plan.yaml").is_file() else None


def check_area_file(path: Path, content_dir: Path | None = None) -> CheckReport:
    """Check one area file for an area chief; never raises for content problems."""
    from .model import AREA_DIR

    path = Path(path)
    shown = str(path)
    notes: list[str] = []
    if not path.is_file():
        why = "är en mapp, inte en fil" if path.is_dir() else "finns inte"
        return CheckReport(shown, [Finding(0, f"{path} {why} — ange sökvägen till områdesfilen, "
                                              f"t.ex. content/{AREA_DIR}/energi-och-klimat.yaml")], notes)

    root = _find_content_root(path, content_dir)
    parts = read_plan_parts(root) if root is not None and root.is_dir() else None
    anv = parts.get("anvisningar.yaml") if parts else None
    mal = parts.get("malsattningar.yaml") if parts else None
    plan_file = parts.get("plan.yaml") if parts else None
    ref = next((r for r in plan_file.omraden if r.fil == path.name), None) if plan_file else None
    if parts is None:
        where = f"i {content_dir}" if content_dir is not None else "(plan.yaml i mappen två steg upp från filen)"
        notes.append(f"Obs: planen hittades inte {where}, så fokusområdena och antalet insatser och utmaningar "
                     "jämförs inte med planen. Ange innehållsmappen med --content.")
    else:
        unread = [name for name in PLAN_PARTS if parts.get(name) is None]
        if unread:
            notes.append(f"Obs: {', '.join(unread)} i {root} kan inte läsas just nu, så det som står där jämförs "
                         "inte. Planeringsansvarig kan se felen med vpgen validate.")
        if plan_file is not None and ref is None:
            notes.append(f"Obs: filen {path.name} finns inte under 'områden:' i plan.yaml, så den kommer inte med i "
                         "presentationen. Be planeringsansvarig lägga till den.")
    derived = parts.derived() if parts else None
    fokus_names = derived.fokus_names if derived is not None and mal is not None else {}
    first_fokus = next(iter(fokus_names), "4.1")
    examples = _examples(first_fokus, ref.namn if ref else path.stem.replace("-", " ").capitalize())

    reader = _Reader(path.name)
    try:
        findings, text, final, repaired = _check_text(path, reader, examples)
        if final is not None and final.content is not None:
            findings += _plan_findings(final, path.name, parts, ref, text, fokus_names, examples)
    finally:
        reader.close()

    report = CheckReport(shown, findings, notes)
    if final is not None and final.content is not None:
        from .model import Area, OmradeRef

        content = final.content
        report.counts = (content.antal_insatser, len(content.utmaningar))
        report.counted_with_fixes = repaired
        if anv is not None:
            report.minimum = (anv.minst_insatser, anv.minst_utmaningar)
            area_ref = ref or OmradeRef.model_construct(namn=content.omrade, fil=path.name, ansvarig="")
            gaps = parts.derived([]).area_gaps(Area(ref=area_ref, content=content, source=shown))
            doc = final.doc
            for key, short, what, example in (
                ("insatser", gaps.insatser, "insatser",
                 examples["punkter"] if content.insatser else examples["insatser"]),
                ("utmaningar", gaps.utmaningar, "utmaningar",
                 examples["utmaningar"][1:] if content.utmaningar else examples["utmaningar"]),
            ):
                if short:
                    line = doc.key_pos.get((key,), (0, 0))[0]
                    more = "fler punkter under 'insatser:'" if key == "insatser" else "fler utmaningar under 'utmaningar:'"
                    findings.append(Finding(
                        line, f"området har {short[0]} {what} — minst {short[1]} behövs enligt anvisningarna; "
                              f"lägg till {more}", "saknas", example=example))
    return report


def _check_text(path: Path, reader: _Reader, examples: dict) -> tuple[list[Finding], str, _Parsed | None, bool]:
    """Every mistake in the file itself, each with its likely repair; the repaired text, its reading (None
    when it still cannot be read), and whether that text differs from the file."""
    from .load import parse_file
    from .model import OmradeFile
    from .yamlsrc import MAX_FILE_BYTES

    findings: list[Finding] = []
    raw = path.read_bytes()
    _value, doc, first = parse_file(path, OmradeFile, path.parent.parent)
    if doc is None and (len(raw) > MAX_FILE_BYTES or b"\x00" in raw or raw.startswith((b"\xff\xfe", b"\xfe\xff"))):
        # Not a text file as vpgen reads them (too big, UTF-16, NUL bytes): nothing more can be checked.
        return [Finding(p.line, _plain(p.message)) for p in first], "", None, False
    latin1 = False
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Said once; the rest is still checked, as the Windows-1252 text such a file almost always is.
        latin1 = True
        findings.append(Finding(first[0].line, _plain(first[0].message), help=LATIN1_HELP))
        text = raw.decode("cp1252", errors="replace")
    text = original = re.sub("\r\n|\r", "\n", text)

    # Tabs: the file is read with each tab as 2, 4 … spaces and the best reading is kept; the loop
    # below may still align such a line, and the tab's finding then shows the line as it ends up.
    lines = _lines(text)
    tabbed = [x.no for x in lines if x.stripped and "\t" in x.text[: len(x.text) - len(x.text.lstrip(" \t"))]]
    if tabbed:
        def spaced(width: int) -> str:
            return _join([re.sub(r"^[ \t]+", lambda m: m.group().replace("\t", " " * width), x.text) for x in lines])

        text = min((reader(spaced(w)).badness + (order,), spaced(w)) for order, w in enumerate((2, 4, 8, 1, 3)))[1]

    handled: set[tuple] = set()
    readable = True
    for _round in range(60):
        lines = _lines(text)
        now = reader(text)
        problems = [p for p in now.problems if (p.line, p.path, p.message) not in handled]
        if not now.readable:
            problem = problems[0] if problems else now.problems[0]
            found = _best_repair(lines, reader, now, problem.line)
            if found is None:
                if problem.line not in tabbed:
                    findings.append(_unrepaired(lines, problem, examples))
                readable = False
                break
            repair, text = found
            if not (repair.line in tabbed and repair.kind == "indent"):
                findings.append(_repaired(lines, repair, problem.message))
            continue
        continuation = [c for c in _continuations(lines, now) if ("cont",) + c not in handled]
        items = sorted([(p.line, 0, p) for p in problems] + [(c[0], 1, c) for c in continuation],
                       key=lambda item: (item[0], item[1]))
        if not items:
            break
        _line, is_continuation, item = items[0]
        if is_continuation:
            handled.add(("cont",) + item)
            finding, repaired_text = _continuation_finding(lines, *item, examples)
            if not (item[0] in tabbed and repaired_text):
                findings.append(finding)
            text = repaired_text or text
            continue
        problem = item
        key = (problem.line, problem.path, problem.message)
        found = _best_repair(lines, reader, now, problem.line, gone=key)
        if found is None:
            handled.add(key)
            findings.append(_unrepaired(lines, problem, examples, now))
            continue
        repair, text = found
        if not (repair.line in tabbed and repair.kind == "indent"):
            findings.append(_repaired(lines, repair, problem.message))

    lines = _lines(text)
    for no in tabbed:
        fix = {no: lines[no - 1].text} if readable else {}
        findings.append(Finding(no, "raden är indragen med tabbtecken — använd mellanslag i stället "
                                    "(två per nivå, rakt under raden ovanför)", fix=fix, context=_fix_view(lines, fix)))
    if not readable:
        return findings, text, None, True

    final = reader(text)
    for line, nr in _empty_groups(final):
        findings.append(Finding(line, f"gruppen under fokusområde {nr} har inga punkter — skriv minst en punkt "
                                      "under 'punkter:' (en rad som börjar med '- '), eller ta bort gruppen",
                                example=examples["fokusområde"]))
    groups = final.doc.data.get("insatser") if isinstance(final.doc.data, dict) else None
    for i, group in enumerate(groups if isinstance(groups, list) else []):
        value = group.get("fokusområde") if isinstance(group, dict) else None
        if hasattr(value, "raw"):  # 4.1 without quotes: read as a number (and kept as written)
            line = final.doc.pos(("insatser", i, "fokusområde"))[0]
            fix = {line: lines[line - 1].text.replace(value.raw, f"\"{value.raw}\"", 1)}
            findings.append(Finding(
                line, f"fokusområdets nummer {value.raw} står utan citattecken — det fungerar, men skriv det hellre "
                      f"inom citattecken (\"{value.raw}\") som i exemplen: utan citattecken är 4.10 och 4.1 samma "
                      "decimaltal för många program", "tips", fix=fix, context=_fix_view(lines, fix)))
    return findings, text, final, latin1 or text != original


def _continuation_finding(lines: list[_Line], no: int, start: int, examples: dict) -> tuple[Finding, str | None]:
    """A '- ' line read as more text of the point above: the finding, and the text with it aligned."""
    head = lines[start - 1]
    message = (f"punkten är indragen för långt ({lines[no - 1].indent} mellanslag) och läses därför som en "
               f"fortsättning på punkten på rad {start}")
    if not head.dash or head.key is not None:
        return Finding(no, message + " — rada upp den med punkterna ovanför", example=examples["punkter"]), None
    repair = _Repair(no, " " * head.indent + lines[no - 1].text.lstrip(" "), "indent", start)
    fix = {no: repair.new}
    return (Finding(no, f"{message} — den ska stå rakt under '- ' på rad {start} ({head.indent} mellanslag)",
                    fix=fix, context=_fix_view(lines, fix)), _apply(lines, repair))


def _repaired(lines: list[_Line], repair: _Repair, original: str) -> Finding:
    fix = {repair.line: repair.new}
    return Finding(repair.line, _repair_message(lines, repair, original), fix=fix, context=_fix_view(lines, fix))


def _unrepaired(lines: list[_Line], problem, examples: dict, parsed: _Parsed | None = None) -> Finding:
    message = _plain(problem.message)
    loc_names = re.findall(r"[^.\[\]]+", problem.path)
    if parsed is not None and loc_names and loc_names[-1] == "punkter":
        loc = tuple(int(n) - 1 if n.isdigit() else n for n in loc_names)
        if _value_at(parsed.doc.data, loc) in (None, []):
            message = ("'punkter:' är tom — skriv minst en punkt på en egen rad under, som börjar med '- ' "
                       "(eller ta bort hela gruppen)")
    key = "" if parsed is not None and not problem.path else _key_of(lines, problem.line, problem.path)
    return Finding(problem.line, message, example=examples.get(key, ()))


def _plan_findings(final: _Parsed, name: str, parts: PlanParts | None, ref, text: str,
                   fokus_names: dict[str, str], examples: dict) -> list[Finding]:
    """What the plan says about the file: the area's name, and the fokusområden that exist."""
    from .checks import check_content
    from .model import AREA_DIR
    from .problems import Severity

    if parts is None:
        return []
    files = {n: parts.get(n) for n in PLAN_PARTS if parts.get(n) is not None}
    found = check_content(files, [(name, final.content, ref)], {f"{AREA_DIR}/{name}": final.doc})
    lines = _lines(text)
    out = []
    for problem in found:
        if problem.file != final.doc.shown or problem.severity is not Severity.ERROR:
            continue
        if problem.path == "område" and ref is not None:
            fix = {problem.line: f"område: {yaml_scalar(ref.namn)}"}
            out.append(Finding(problem.line, problem.message, fix=fix, context=_fix_view(lines, fix)))
        elif problem.path.endswith("fokusområde"):
            width = max(len(nr) for nr in fokus_names) + 2
            listing = tuple(f"  {chr(34) + nr + chr(34):<{width}}  {one_line(n)}" for nr, n in fokus_names.items())
            out.append(Finding(problem.line, problem.message, help=("Planens fokusområden:",) + listing))
        else:
            out.append(Finding(problem.line, problem.message, example=examples.get(_key_of(lines, problem.line, problem.path), ())))
    return out


@click.command(name="kontroll", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("fil", type=click.Path(path_type=Path))
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=None,
              help="Innehållsmappen (standard: mappen två steg upp från filen, t.ex. content/).")
def cli_kontroll(fil: Path, content_dir: Path | None) -> None:
    """Kontrollera en områdesfil och förklara felen på vanlig svenska."""
    if not fil.is_file():
        why = "är en mapp, inte en fil" if fil.is_dir() else "finns inte"
        raise VpgenError(f"{fil} {why} — ange sökvägen till områdesfilen, t.ex. content/omraden/energi-och-klimat.yaml")
    report = check_area_file(fil, content_dir)
    click.echo(report.format())
    if not report.ok:
        raise SystemExit(1)


# ================================================================ vpgen status

@dataclass
class AreaStatus:
    namn: str
    ansvarig: str
    fil: str  # as the content folder names it: omraden/energi-och-klimat.yaml
    finns: bool
    insatser: int | None
    utmaningar: int | None
    status: str  # klar, ofullständig, saknas, fel
    senast_andrad: datetime.date | None
    andrad_enligt: str | None  # git, filtid
    saknas: list[str]
    forsenad: bool

    @property
    def klar(self) -> bool:
        return self.status == "klar"


@dataclass
class StatusReport:
    idag: datetime.date
    deadline: datetime.date
    minst_insatser: int
    minst_utmaningar: int
    planar: int
    omraden: list[AreaStatus]

    @property
    def dagar(self) -> int:
        """Days until the deadline; negative once it has passed."""
        return (self.deadline - self.idag).days

    @property
    def late(self) -> bool:
        return any(area.forsenad for area in self.omraden)

    def to_json(self) -> dict:
        return {
            "idag": self.idag.isoformat(),
            "deadline": self.deadline.isoformat(),
            "dagar_till_deadline": self.dagar,
            "minst_insatser": self.minst_insatser,
            "minst_utmaningar": self.minst_utmaningar,
            "omraden": [{
                "namn": a.namn, "ansvarig": a.ansvarig, "fil": a.fil, "finns": a.finns,
                "insatser": a.insatser, "utmaningar": a.utmaningar, "status": a.status, "klar": a.klar,
                "senast_andrad": a.senast_andrad.isoformat() if a.senast_andrad else None,
                "andrad_enligt": a.andrad_enligt, "saknas": a.saknas, "forsenad": a.forsenad,
            } for a in self.omraden],
            "klara": sum(a.klar for a in self.omraden),
            "forsenade": sum(a.forsenad for a in self.omraden),
        }


def _git_dates(root: Path, files: list[Path]) -> dict[Path, datetime.date]:
    """Last commit date (%cs) of each file that is committed and unchanged since, when `root` is in a
    git work tree. A file edited since its last commit, or never committed, is left out: its own
    modification time says more."""
    import os
    import subprocess

    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                                  timeout=20, env=env)
        except (OSError, subprocess.SubprocessError):  # no git, or it hangs
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    if not files or git("rev-parse", "--is-inside-work-tree") != "true":
        return {}
    dates = {}
    for path in files:
        where = str(path.resolve())
        if git("status", "--porcelain", "--", where) != "":
            continue  # changed, untracked, or git could not tell
        out = git("log", "-1", "--format=%cs", "--", where) or ""
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", out):
            dates[path] = datetime.date.fromisoformat(out)
    return dates


def area_status(root: Path, idag: datetime.date) -> StatusReport:
    """One row per area of plan.yaml. Raises VpgenError when plan.yaml or anvisningar.yaml cannot be read."""
    from .checks import check_content
    from .load import parse_file
    from .model import AREA_DIR, Area, OmradeFile
    from .problems import Severity

    root = Path(root)
    if not root.is_dir():
        raise VpgenError(f"Innehållsmappen {root} finns inte — ange den med --content.")
    parts = read_plan_parts(root)
    _require(parts, ("plan.yaml", "anvisningar.yaml"), "Statusen kan inte visas")
    plan_file, anv = parts.get("plan.yaml"), parts.get("anvisningar.yaml")
    files = {n: parts.get(n) for n in PLAN_PARTS if parts.get(n) is not None}

    paths = [root / AREA_DIR / ref.fil for ref in plan_file.omraden]
    git_dates = _git_dates(root, [p for p in paths if p.is_file()])
    rows = []
    for ref, path in zip(plan_file.omraden, paths):
        fil = f"{AREA_DIR}/{ref.fil}"
        content, errors = None, False
        if path.is_file():
            content, doc, problems = parse_file(path, OmradeFile, root)
            errors = any(p.severity is Severity.ERROR for p in problems)
            if content is not None:
                errors = any(p.severity is Severity.ERROR and p.file == doc.shown for p in
                             check_content(files, [(ref.fil, content, ref)], {fil: doc}))
        area = Area(ref=ref, content=content, source=fil)
        if path.is_file() and content is None:
            status, missing = "fel", ["filen har fel"]
        else:
            gaps = parts.derived([area]).area_gaps(area)
            missing = []
            if gaps.file_missing:
                missing.append("filen saknas")
            if gaps.insatser:
                missing.append(f"{gaps.insatser[0]} av minst {gaps.insatser[1]} insatser")
            if gaps.utmaningar:
                missing.append(f"{gaps.utmaningar[0]} av minst {gaps.utmaningar[1]} utmaningar")
            if errors:
                missing.append("filen har fel")
            status = ("saknas" if gaps.file_missing else "fel" if errors
                      else "klar" if gaps.complete else "ofullständig")
        changed, source = None, None
        if path.is_file():
            if path in git_dates:
                changed, source = git_dates[path], "git"
            else:
                changed, source = datetime.date.fromtimestamp(path.stat().st_mtime), "filtid"
        rows.append(AreaStatus(
            namn=ref.namn, ansvarig=ref.ansvarig, fil=fil, finns=path.is_file(),
            insatser=content.antal_insatser if content else None,
            utmaningar=len(content.utmaningar) if content else None,
            status=status, senast_andrad=changed, andrad_enligt=source, saknas=missing,
            forsenad=status != "klar" and idag > anv.deadline,
        ))
    return StatusReport(idag, anv.deadline, anv.minst_insatser, anv.minst_utmaningar, plan_file.planar, rows)


def _width(text: str) -> int:
    """Columns a text takes in a terminal (wide East Asian characters and emoji take two)."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(_width(row[i]) for row in [header] + rows) for i in range(len(header))]

    def line(row: list[str]) -> str:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            cells.append(pad + cell if i in right else cell + pad)
        return "  ".join(cells).rstrip()

    return [line(header), "  ".join("-" * w for w in widths)] + [line(row) for row in rows]


def _days(n: int) -> str:
    return _plural(n, "dag", "dagar")


def format_status(report: StatusReport) -> str:
    from .formatting import sv_date

    d = report.dagar
    when = f"om {_days(d)}" if d > 0 else "i dag" if d == 0 else f"för {_days(-d)} sedan"
    out = [
        f"Områdenas underlag till verksamhetsplan {report.planar}",
        f"Deadline {sv_date(report.deadline, 'd MMMM y')} ({report.deadline.isoformat()}), {when}. "
        f"I dag: {report.idag.isoformat()}.",
        f"Varje område ska ha minst {report.minst_insatser} insatser och {report.minst_utmaningar} utmaningar.",
        "",
    ]

    def till(area: AreaStatus) -> str:
        if area.klar:
            return "–"
        return f"{_days(d)} kvar" if d > 0 else "sista dagen i dag" if d == 0 else f"försenad {_days(-d)}"

    def count(n: int | None) -> str:
        return "–" if n is None else str(n)

    status_text = {"klar": "ja", "ofullständig": "nej", "saknas": "nej", "fel": "nej, fel i filen"}
    rows = [[a.namn, a.ansvarig, "ja" if a.finns else "saknas", count(a.insatser), count(a.utmaningar),
             status_text[a.status], a.senast_andrad.isoformat() if a.senast_andrad else "–", till(a)]
            for a in report.omraden]
    out += _table(["Område", "Ansvarig", "Fil", "Insatser", "Utmaningar", "Klar", "Senast ändrad", "Deadline"],
                  rows, right={3, 4})
    out.append("")
    done = sum(a.klar for a in report.omraden)
    out.append(f"{done} av {len(report.omraden)} områden klara.")
    for area in report.omraden:
        if area.klar:
            continue
        todo = ", ".join(area.saknas)
        if area.status == "saknas":
            todo += f" (skapa den med: vpgen område ny \"{area.namn}\")"
        elif area.status == "fel":
            todo += f" (se: vpgen kontroll {area.fil})"
        flag = "FÖRSENAT: " if area.forsenad else ""
        out.append(f"  {flag}{area.namn} ({area.ansvarig}): {todo}.")
    return "\n".join(out)


def _parse_idag(_ctx, _param, value: str | None) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"'{value}' är inget datum — skriv ÅÅÅÅ-MM-DD, t.ex. 2025-08-01") from None


@click.command(name="status", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=DEFAULT_CONTENT,
              show_default=True, help="Innehållsmappen.")
@click.option("--idag", callback=_parse_idag, default=None, metavar="ÅÅÅÅ-MM-DD",
              help="Dagens datum (standard: i dag); för att se läget en viss dag.")
@click.option("--json", "as_json", is_flag=True, help="Skriv läget som JSON, för skript.")
def cli_status(content_dir: Path, idag: datetime.date | None, as_json: bool) -> None:
    """Visa hur långt områdena har kommit med sitt underlag (slutkod 1 när ett område är försenat)."""
    report = area_status(content_dir, idag or datetime.date.today())
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_status(report))
    if report.late:
        raise SystemExit(1)
