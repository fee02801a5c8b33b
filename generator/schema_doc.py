"""The content format as text, read off the models (the models are the documentation)."""

from __future__ import annotations

import typing

from pydantic import BaseModel

from .parse import unwrap
from .figures import DATA_FILE, StyrtalDataFile
from .model import AREA_DIR, CONTENT_FILES, OmradeFile

_TYPE_NAMES = {"str": "text", "int": "heltal", "Decimal": "tal", "date": "datum ÅÅÅÅ-MM-DD",
               "bool": "true/false", "Kalla": "källa"}


def _type_name(annotation) -> tuple[str, type[BaseModel] | None]:
    annotation = unwrap(annotation)
    origin = typing.get_origin(annotation)
    if origin is list:
        inner, model = _type_name(typing.get_args(annotation)[0])
        return f"lista av {inner}", model
    if origin is dict:
        inner, model = _type_name(typing.get_args(annotation)[1])
        return f"namngivna {inner}", model
    if origin is typing.Literal:
        return " | ".join(map(str, typing.get_args(annotation))), None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "grupp", annotation
    name = getattr(annotation, "__name__", str(annotation))
    return _TYPE_NAMES.get(name, name), None


def _fields(model: type[BaseModel], indent: int, lines: list[str]) -> None:
    for name, field in model.model_fields.items():
        kind, sub = _type_name(field.annotation)
        need = "krävs" if field.is_required() else "valfri"
        lines.append(f"{'  ' * indent}{field.alias or name}: {kind} ({need}) — {field.description}")
        if sub is not None and sub is not model:
            _fields(sub, indent + 1, lines)


def describe() -> str:
    lines: list[str] = []
    files = dict(CONTENT_FILES)
    files[f"{AREA_DIR}/<område>.yaml"] = OmradeFile
    files[DATA_FILE] = StyrtalDataFile
    for name, model in files.items():
        lines.append(f"{name} — {(model.__doc__ or '').split(':', 1)[-1].strip()}")
        _fields(model, 1, lines)
        lines.append("")
    return "\n".join(lines).rstrip()
