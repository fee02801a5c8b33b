"""Read and validate one content file against its model; pydantic's errors said in Swedish.

Every problem names the file, line and column of the value (from yamlsrc's positions) and says
what to do; a misspelt key gets a did-you-mean and is not also reported as missing.
"""

from __future__ import annotations

import re
import types
import typing
from decimal import Decimal, InvalidOperation
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .formatting import shorten, sv_number
from .messages import did_you_mean
from .problems import Problem, format_key_path
from .yamlsrc import SourceDoc, read_yaml, read_yaml_text


def unwrap(annotation):
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
        current = unwrap(current)
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
    current = unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def aliases(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _limit(value: object) -> str:
    """A limit from the schema as a reader writes it: 1000000 -> '1 000 000', 2000 -> '2000', 0.5 -> '0,5'."""
    text = re.sub(r"^Decimal\('(.*)'\)$", r"\1", str(value))  # pydantic gives Decimal limits as their repr
    try:
        number = Decimal(text).normalize()
    except InvalidOperation:
        return text
    return sv_number(number, 0 if number == number.to_integral_value() else None, plain=True, group_from=10_000)


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
        if isinstance(value, str) and re.fullmatch(r"[”“„\"'’‘]+[^”“„\"'’‘]*[”“„\"'’‘]+", value.strip()):
            # Word's typographic quotes are not YAML's: they became part of the value
            return (f"'{_shown_input(value)}' har fel form — citattecknen är typografiska (”…”, från Word eller "
                    "Outlook) och räknas som text: skriv raka citattecken \"…\" i stället")
        return f"'{_shown_input(value)}' har fel form — {hint}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{_shown_input(value)} är för litet — minsta tillåtna värde är {_limit(ctx.get('ge', ctx.get('gt')))}"
    if kind in ("less_than_equal", "less_than"):
        return f"{_shown_input(value)} är för stort — största tillåtna värde är {_limit(ctx.get('le', ctx.get('lt')))}"
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
        message = _message(error, model)
        if loc in doc.commented_out:
            text = doc.commented_out[loc]
            message = (f"texten saknas: '#' gör resten av raden till en kommentar ('{shorten(text, 40)}') — sätt "
                       f"texten inom citattecken: \"{shorten(text, 40)}\"")
        problems.append(Problem(doc.shown, line, col, format_key_path(loc), message))
    return problems


def parse_file(path: Path, model: type[BaseModel], root: Path, shown: str | None = None
               ) -> tuple[BaseModel | None, SourceDoc | None, list[Problem]]:
    """Read and validate one content file; never raises for content problems. `shown` names the file
    in messages (default: relative to the folder above `root`)."""
    return validate_doc(read_yaml(path, root, shown), model)


def parse_text(text: str, model: type[BaseModel], shown: str) -> tuple[BaseModel | None, SourceDoc | None, list[Problem]]:
    """Read and validate a content file's text held in memory, as parse_file reads the file."""
    return validate_doc(read_yaml_text(text, shown), model)


def validate_doc(doc: SourceDoc, model: type[BaseModel]) -> tuple[BaseModel | None, SourceDoc | None, list[Problem]]:
    """A read document validated against its model: (value, doc, problems); the value only when
    there is no problem, the doc None when the text could not be read at all."""
    shown = doc.shown
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
