"""Load a content folder: read every file, validate it against its model, collect every problem."""

from __future__ import annotations

import difflib
import re
import types
import typing
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .model import AREA_DIR, CONTENT_FILES, Area, OmradeFile, Plan
from .problems import Problem, Severity, display_path, format_key_path, sort_problems
from .yamlsrc import SourceDoc, read_yaml


@dataclass
class Loaded:
    """What loading produced: the plan (when every file is valid), the problems, the sources."""

    plan: Plan | None
    problems: list[Problem]
    sources: dict[str, SourceDoc] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def _fold(text: str) -> str:
    """'fokusområde' and 'Fokusomrade' compare equal: no case, no diacritics."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def did_you_mean(word: str, choices: list[str]) -> str | None:
    folded = {_fold(choice): choice for choice in choices}
    if _fold(word) in folded:
        return folded[_fold(word)]
    match = difflib.get_close_matches(_fold(word), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else None


def _unwrap(annotation):
    """The model or container type behind Optional[...] / Annotated[...]."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc` (aliases and indices)."""
    current = model
    for part in loc:
        current = _unwrap(current)
        origin = typing.get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel) and isinstance(part, str):
            fields = {f.alias or name: f for name, f in current.model_fields.items()}
            if part not in fields:
                return None
            current = fields[part].annotation
        elif origin in (list, dict):
            current = typing.get_args(current)[-1]
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def aliases(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _amount(value: object) -> str:
    """A limit from the schema as a reader writes it: 1000000 -> '1 000 000', 0.5 -> '0,5'."""
    from decimal import Decimal, InvalidOperation

    text = re.sub(r"^Decimal\('(.*)'\)$", r"\1", str(value))  # pydantic gives Decimal limits as their repr
    try:
        number = Decimal(text).normalize()
    except InvalidOperation:
        return text
    if number == number.to_integral_value():
        whole = int(number)  # grouped from 10 000 on, as Swedish text does: 2000, 1 000 000
        return f"{whole:,}".replace(",", " ") if abs(whole) >= 10_000 else str(whole)
    return str(number).replace(".", ",")


def _shown_input(value: object) -> str:
    raw = getattr(value, "raw", value)  # a YamlFloat as written
    return str(raw)


# Regular expressions of the schema, and how to say what they want.
_PATTERN_HINTS = {
    r"^\d+(\.\d+)+$": "skriv numret inom citattecken med punkter, t.ex. \"4.1\" eller \"4.1.1\"",
    r"^[a-z0-9][a-z0-9-]*\.yaml$": "skriv filnamnet med små bokstäver a–z, siffror och bindestreck och sluta med .yaml, "
                                     "t.ex. energi-och-klimat.yaml",
    r"^[a-z0-9][a-z0-9-]*$": "skriv id:t med små bokstäver a–z, siffror och bindestreck, t.ex. sjukfranvaro",
    r"^[A-Z]\d{5}$": "skriv Koladas nyckeltals-id: en versal och fem siffror, t.ex. N03702",
    r"^\d{4}$": "skriv Koladas områdes-id inom citattecken: fyra siffror, t.ex. \"0018\" (\"00\" + länskoden)",
}


def _message(error: dict, root_model: type[BaseModel]) -> str:
    kind, loc, ctx = error["type"], error["loc"], error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return f"nyckeln '{loc[-1]}' saknas — lägg till '{loc[-1]}:' med ett värde"
    if kind == "extra_forbidden":
        guess = _guess(loc, root_model)
        parent = model_at(root_model, loc[:-1])
        allowed = aliases(parent) if parent else []
        hint = f" — menade du '{guess}'?" if guess else f" — tillåtna nycklar här: {', '.join(allowed)}"
        return f"okänd nyckel '{loc[-1]}'{hint}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if value is None and kind.endswith(("_type", "_parsing")):
        return "värdet saknas — skriv ett värde efter kolonet, eller ta bort raden"
    simple = {
        "string_type": "ska vara en text",
        "int_type": "ska vara ett heltal, t.ex. 27",
        "int_parsing": "ska vara ett heltal, t.ex. 27",
        "int_from_float": "ska vara ett heltal, utan decimaler",
        "bool_type": "ska vara true eller false",
        "bool_parsing": "ska vara true eller false",
        "list_type": "ska vara en lista — en rad per punkt som börjar med '- '",
        "dict_type": "ska vara en grupp av nycklar (nyckel: värde), inte en text eller lista",
        "model_type": "ska vara en grupp av nycklar (nyckel: värde), inte en text eller lista",
        "model_attributes_type": "ska vara en grupp av nycklar (nyckel: värde), inte en text eller lista",
    }
    if kind in ("int_parsing", "int_type") and isinstance(value, str):
        return f"'{value}' är inget heltal — skriv ett heltal, t.ex. 27"
    if kind in simple:
        return simple[kind]
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"'{_shown_input(value)}' är inte tillåtet här — skriv {' eller '.join(choices)}"
    if kind == "too_short":
        return "listan är tom — lägg till minst en punkt"
    if kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(str(ctx.get("pattern")), "se exemplet i filens kommentar (vpgen schema visar formatet)")
        return f"'{_shown_input(value)}' har fel form — {hint}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{_shown_input(value)} är för litet — minsta tillåtna värde är {_amount(ctx.get('ge', ctx.get('gt')))}"
    if kind in ("less_than_equal", "less_than"):
        return f"{_shown_input(value)} är för stort — största tillåtna värde är {_amount(ctx.get('le', ctx.get('lt')))}"
    return f"ogiltigt värde ({error['msg']})"


def _guess(loc: tuple, root_model: type[BaseModel]) -> str | None:
    """The allowed key an unknown key most likely meant."""
    parent = model_at(root_model, loc[:-1])
    return did_you_mean(str(loc[-1]), aliases(parent)) if parent else None


def _under(loc: tuple, places: set[tuple]) -> bool:
    return any(loc[: len(place)] == place for place in places)


def validation_problems(err: ValidationError, doc: SourceDoc, model: type[BaseModel]) -> list[Problem]:
    errors = err.errors(include_url=False)
    # A misspelt key is one mistake, not two: 'fokusomrade' (unknown) is reported with its
    # did-you-mean, and the 'fokusområde' it meant is not also reported as missing.
    meant = {tuple(e["loc"][:-1]) + (_guess(tuple(e["loc"]), model),)
             for e in errors if e["type"] == "extra_forbidden"}
    problems = []
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "missing" and loc in meant:
            continue
        if _under(loc, doc.invalid):  # already reported while reading (bad tag, impossible date …)
            continue
        line, col = doc.pos(loc)
        problems.append(Problem(doc.shown, line, col, format_key_path(loc), _message(error, model)))
    return problems


def parse_file(path: Path, model: type[BaseModel], root: Path) -> tuple[BaseModel | None, SourceDoc | None, list[Problem]]:
    """Read and validate one content file; never raises for content problems."""
    shown = display_path(path, root)
    doc = read_yaml(path, root)
    problems = [Problem(shown, p.line, p.column, p.path, p.message) for p in doc.problems]
    if not doc.readable:
        return None, None, problems
    if doc.data is None:
        return None, doc, [Problem(shown, 1, 1, "", "filen är tom — fyll i den enligt kommentaren överst (vpgen schema visar formatet)")]
    if not isinstance(doc.data, dict):
        kind = "en lista" if isinstance(doc.data, list) else "en text eller ett värde"
        return None, doc, problems + [Problem(
            shown, 1, 1, "", f"filen är {kind} men ska bestå av nycklar (nyckel: värde) — se kommentaren överst i filen")]
    try:
        value = model.model_validate(doc.data)
    except ValidationError as err:
        return None, doc, problems + validation_problems(err, doc, model)
    return (None if problems else value), doc, problems


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python 3.11)
        return False


OUTSIDE = "filen pekar ut ur innehållsmappen (symbolisk länk) — kopiera in filen i stället"
LOOP = "filen är en symbolisk länk som pekar på sig själv (en slinga) — ersätt länken med filen"


def _link_problem(path: Path, root: Path) -> str | None:
    """Why a content file that is a symbolic link cannot be read, or None when it may be.

    A link may point anywhere inside the content folder; one that leaves the folder (an include
    of ../../etc/passwd by another name) or loops is refused before anything is read.
    """
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return LOOP
    except OSError as err:
        import errno

        if err.errno == errno.ELOOP:
            return LOOP
        # A dangling link or one that cannot be followed: read_yaml reports it (as missing or unreadable).
    return None if _inside(path, root) else OUTSIDE


def _present(path: Path) -> bool:
    """The name exists (a dangling link too); True when that cannot even be asked (no permission),
    so reading it reports why."""
    try:
        return path.exists() or path.is_symlink()
    except OSError:
        return True


def _listing(folder: Path, root: Path, problems: list[Problem]) -> list[Path]:
    """The entries of a folder, sorted; a folder that cannot be listed is a problem, not a crash."""
    try:
        return sorted(folder.iterdir())
    except OSError as err:
        problems.append(Problem(display_path(folder, root), 0, 0, "",
                                f"mappen kan inte läsas ({err.strerror or err}) — kontrollera behörigheten"))
        return []


def load_content(root: Path) -> Loaded:
    """Read, validate and cross-check a content folder; every problem is collected. Nothing is written."""
    from .checks import check_content

    root = Path(root)
    try:
        usable = root.is_dir()
    except OSError:
        usable = False
    if not usable:
        try:
            why = "är en fil, inte en mapp" if root.is_file() else "finns inte"
        except OSError as err:
            why = f"kan inte läsas ({err.strerror or err})"
        return Loaded(None, [Problem(str(root), 0, 0, "", f"innehållsmappen {why} — ange mappen med innehållsfilerna")])

    problems: list[Problem] = []
    sources: dict[str, SourceDoc] = {}
    parsed: dict[str, BaseModel] = {}
    for name, model in CONTENT_FILES.items():
        path = root / name
        shown = display_path(path, root)
        if not _present(path):
            problems.append(Problem(shown, 0, 0, "", "filen saknas — skapa den (vpgen schema visar vad den ska innehålla)"))
            continue
        link = _link_problem(path, root)
        if link:
            problems.append(Problem(shown, 0, 0, "", link))
            continue
        value, doc, found = parse_file(path, model, root)
        problems += found
        if doc is not None:
            sources[name] = doc
        if value is not None:
            parsed[name] = value

    # Area files: the ones plan.yaml lists; when plan.yaml cannot be read, every file in omraden/,
    # so their own problems are still reported.
    plan_file = parsed.get("plan.yaml")
    area_dir = root / AREA_DIR
    area_listing = _listing(area_dir, root, problems) if area_dir.is_dir() else []
    if _present(area_dir) and not area_dir.is_dir():
        problems.append(Problem(display_path(area_dir, root), 0, 0, "",
                                f"här ska mappen {AREA_DIR}/ med områdesfilerna ligga, men det är ingen mapp — "
                                "byt namn på det som ligger där och skapa mappen"))
    areas: list[Area] = []
    area_inputs: list[tuple[str, OmradeFile, object]] = []
    refs = list(plan_file.omraden) if plan_file is not None else []
    names = [ref.fil for ref in refs]
    if plan_file is None and area_dir.is_dir():
        names = [path.name for path in area_listing if path.suffix == ".yaml"]
    for i, name in enumerate(names):
        ref = refs[i] if plan_file is not None else None
        path = area_dir / name
        shown = display_path(path, root)
        content = None
        if not _present(path):
            problems.append(Problem(
                shown, 0, 0, "",
                f"underlag saknas för området {ref.namn} — skapa filen med: vpgen område ny \"{ref.namn}\"",
                Severity.WARNING,
            ))
        elif _link_problem(path, root):
            problems.append(Problem(shown, 0, 0, "", _link_problem(path, root)))
        else:
            content, doc, found = parse_file(path, OmradeFile, root)
            problems += found
            if doc is not None:
                sources[f"{AREA_DIR}/{name}"] = doc
            if content is not None:
                area_inputs.append((name, content, ref))
        if ref is not None:
            areas.append(Area(ref=ref, content=content, source=shown))
    if area_listing:
        for path in area_listing:
            if path.suffix.lower() in (".yml", ".yaml") and path.name != path.stem + ".yaml":
                problems.append(Problem(
                    display_path(path, root), 0, 0, "",
                    f"filen läses inte: vpgen läser bara filer som slutar på .yaml — byt namn till {path.stem}.yaml",
                    Severity.WARNING,
                ))
            elif plan_file is not None and path.suffix == ".yaml" and path.name not in names:
                problems.append(Problem(
                    display_path(path, root), 0, 0, "",
                    "filen ingår inte i planen — lägg till området under 'områden:' i plan.yaml",
                    Severity.WARNING,
                ))

    # The figures behind the styrtal: optional; without the file there are simply no charts.
    from .styrtal_data import DATA_FILE, load_data

    data_path = root / DATA_FILE
    if data_path.exists() or data_path.is_symlink():
        refused = _link_problem(data_path, root)
        if refused:
            problems.append(Problem(display_path(data_path, root), 0, 0, "", refused))
        else:
            value, doc, found = load_data(data_path, root)
            problems += found
            if doc is not None:
                sources[DATA_FILE] = doc
            if value is not None:
                parsed[DATA_FILE] = value

    problems += check_content(parsed, area_inputs, sources)
    if any(name not in parsed for name in CONTENT_FILES) or any(p.severity is Severity.ERROR for p in problems):
        return Loaded(None, sort_problems(problems), sources)
    plan = Plan(
        plan=parsed["plan.yaml"],
        malsattningar=parsed["malsattningar.yaml"],
        gemensamma=parsed["gemensamma.yaml"],
        ekonomi=parsed["ekonomi.yaml"],
        internkontroll=parsed["internkontroll.yaml"],
        omvarld=parsed["omvarld.yaml"],
        anvisningar=parsed["anvisningar.yaml"],
        omraden=areas,
        styrtal_data=parsed.get(DATA_FILE),
    )
    return Loaded(plan, sort_problems(problems), sources)
