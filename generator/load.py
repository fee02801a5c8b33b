"""Load a content folder: read every file, validate it against its model, collect every problem."""

from __future__ import annotations

import difflib
import types
import typing
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .model import AREA_DIR, CONTENT_FILES, Area, OmradeFile, Plan
from .problems import Problem, Severity, display_path, format_key_path
from .yamlsrc import SourceDoc, YamlProblem, load_yaml


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


def _message(error: dict, root_model: type[BaseModel]) -> str:
    kind, loc, ctx = error["type"], error["loc"], error.get("ctx") or {}
    if kind == "missing":
        return f"nyckeln '{loc[-1]}' saknas — lägg till '{loc[-1]}:' med ett värde"
    if kind == "extra_forbidden":
        parent = model_at(root_model, loc[:-1])
        allowed = aliases(parent) if parent else []
        guess = did_you_mean(str(loc[-1]), allowed)
        hint = f" — menade du '{guess}'?" if guess else f" — tillåtna nycklar här: {', '.join(allowed)}"
        return f"okänd nyckel '{loc[-1]}'{hint}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    simple = {
        "string_type": "ska vara en text",
        "int_type": "ska vara ett heltal, t.ex. 27",
        "int_parsing": "ska vara ett heltal, t.ex. 27",
        "int_from_float": "ska vara ett heltal, utan decimaler",
        "bool_type": "ska vara true eller false",
        "bool_parsing": "ska vara true eller false",
        "date_type": "ska vara ett datum skrivet ÅÅÅÅ-MM-DD, t.ex. 2025-09-29",
        "date_parsing": "ska vara ett datum skrivet ÅÅÅÅ-MM-DD, t.ex. 2025-09-29",
        "date_from_datetime_parsing": "ska vara ett datum skrivet ÅÅÅÅ-MM-DD, t.ex. 2025-09-29",
        "date_from_datetime_inexact": "ska vara ett datum utan klockslag, t.ex. 2025-09-29",
        "list_type": "ska vara en lista — en rad per punkt som börjar med '- '",
        "dict_type": "ska vara en grupp av nycklar (nyckel: värde), inte en text eller lista",
        "model_type": "ska vara en grupp av nycklar (nyckel: värde), inte en text eller lista",
        "model_attributes_type": "ska vara en grupp av nycklar (nyckel: värde), inte en text eller lista",
    }
    if kind in simple:
        return simple[kind]
    if kind == "literal_error":
        return f"ska vara en av: {ctx.get('expected', '')}".replace("'", "")
    if kind == "too_short":
        return "listan är tom — lägg till minst en punkt"
    if kind == "string_pattern_mismatch":
        return "har fel form — se exemplet i filens kommentar (vpgen schema visar formatet)"
    if kind in ("greater_than_equal", "greater_than"):
        return f"är för litet — minsta tillåtna värde är {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"är för stort — största tillåtna värde är {ctx.get('le', ctx.get('lt'))}"
    return f"ogiltigt värde ({error['msg']})"


def validation_problems(err: ValidationError, doc: SourceDoc, model: type[BaseModel]) -> list[Problem]:
    problems = []
    for error in err.errors(include_url=False):
        loc = tuple(error["loc"])
        line, col = doc.pos(loc)
        problems.append(Problem(doc.shown, line, col, format_key_path(loc), _message(error, model)))
    return problems


def parse_file(path: Path, model: type[BaseModel], root: Path) -> tuple[BaseModel | None, SourceDoc | None, list[Problem]]:
    """Read and validate one content file; never raises for content problems."""
    shown = display_path(path, root)
    try:
        doc = load_yaml(path, root)
    except YamlProblem as err:
        return None, None, [Problem(shown, err.line, err.column, "", err.message)]
    if doc.data is None:
        return None, doc, [Problem(shown, 1, 1, "", "filen är tom — fyll i den enligt kommentaren överst (vpgen schema visar formatet)")]
    if not isinstance(doc.data, dict):
        return None, doc, [Problem(shown, 1, 1, "", "filen ska bestå av nycklar (nyckel: värde), inte av en lista eller en text")]
    try:
        return model.model_validate(doc.data), doc, []
    except ValidationError as err:
        return None, doc, validation_problems(err, doc, model)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except (ValueError, OSError):
        return False


def load_content(root: Path) -> Loaded:
    """Read, validate and cross-check a content folder. Nothing is written."""
    from .checks import cross_check

    root = Path(root)
    if not root.is_dir():
        why = "är en fil, inte en mapp" if root.exists() else "finns inte"
        return Loaded(None, [Problem(str(root), 0, 0, "", f"innehållsmappen {why} — ange mappen med innehållsfilerna")])

    problems: list[Problem] = []
    sources: dict[str, SourceDoc] = {}
    parsed: dict[str, BaseModel] = {}
    for name, model in CONTENT_FILES.items():
        path = root / name
        shown = display_path(path, root)
        if not path.exists() and not path.is_symlink():
            problems.append(Problem(shown, 0, 0, "", "filen saknas — skapa den (vpgen schema visar vad den ska innehålla)"))
            continue
        if not _inside(path, root):
            problems.append(Problem(shown, 0, 0, "", "filen pekar ut ur innehållsmappen (symbolisk länk) — kopiera in filen i stället"))
            continue
        value, doc, found = parse_file(path, model, root)
        problems += found
        if doc is not None:
            sources[name] = doc
        if value is not None:
            parsed[name] = value

    areas: list[Area] = []
    plan_file = parsed.get("plan.yaml")
    area_dir = root / AREA_DIR
    listed: set[str] = set()
    if plan_file is not None:
        for ref in plan_file.omraden:
            listed.add(ref.fil)
            path = area_dir / ref.fil
            shown = display_path(path, root)
            content = None
            if not path.exists() and not path.is_symlink():
                problems.append(Problem(
                    shown, 0, 0, "",
                    f"underlag saknas för området {ref.namn} — skapa filen med: vpgen område ny \"{ref.namn}\"",
                    Severity.WARNING,
                ))
            elif not _inside(path, root):
                problems.append(Problem(shown, 0, 0, "", "filen pekar ut ur innehållsmappen (symbolisk länk) — kopiera in filen i stället"))
            else:
                content, doc, found = parse_file(path, OmradeFile, root)
                problems += found
                if doc is not None:
                    sources[f"{AREA_DIR}/{ref.fil}"] = doc
            areas.append(Area(ref=ref, content=content, source=shown))
    if area_dir.is_dir():
        for path in sorted(area_dir.glob("*.yaml")):
            if plan_file is not None and path.name not in listed:
                problems.append(Problem(
                    display_path(path, root), 0, 0, "",
                    "filen ingår inte i planen — lägg till området under 'områden:' i plan.yaml",
                    Severity.WARNING,
                ))

    if len(parsed) < len(CONTENT_FILES) or any(p.severity is Severity.ERROR for p in problems):
        return Loaded(None, sorted(problems), sources)
    plan = Plan(
        plan=parsed["plan.yaml"],
        malsattningar=parsed["malsattningar.yaml"],
        gemensamma=parsed["gemensamma.yaml"],
        ekonomi=parsed["ekonomi.yaml"],
        internkontroll=parsed["internkontroll.yaml"],
        omvarld=parsed["omvarld.yaml"],
        anvisningar=parsed["anvisningar.yaml"],
        omraden=areas,
    )
    problems += cross_check(plan, sources)
    has_errors = any(p.severity is Severity.ERROR for p in problems)
    return Loaded(None if has_errors else plan, sorted(problems), sources)
