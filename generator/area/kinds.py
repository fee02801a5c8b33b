"""Which kind of file `vpgen kontroll` was given, so a wrong one is named, with the command that checks it.

`kontroll` checks area files. Given plan.yaml, another content file or a file of the layout folder,
it says what the file is and which command to use instead of listing its keys as unknown area keys.
A file saved as .yml or .yaml.txt is still an area file: it is checked, and told its right name,
with the same words `vpgen validate` and `vpgen status` use (load.rename_message).
"""

from __future__ import annotations

from pathlib import Path

from ..figures import DATA_FILE
from ..load import yaml_name
from ..model import AREA_DIR, CONTENT_FILES
from ..outline import Outline
from ..yamlsrc import read_yaml

AREA_KEYS = {"område", "insatser", "utmaningar"}
LAYOUT_FILES = {"deck.yaml": "dispositionen (vilka bilder presentationen har)",
                "deck-delar.yaml": "en disposition (vilka bilder presentationerna har)"}


def _described(name: str) -> str:
    doc = (CONTENT_FILES[name].__doc__ or "").strip()
    return doc.split(":", 1)[1].strip().rstrip(".") if ":" in doc else doc


def other_kind(path: Path) -> str | None:
    """Why `path` is no area file (it is plan.yaml, a layout file …) and what checks it; None for an area file."""
    name = yaml_name(path.name) or path.name
    folder = path.parent
    content_hint = f"vpgen validate {folder}" if folder.name != AREA_DIR else "vpgen validate"
    if name in CONTENT_FILES and path.parent.name != AREA_DIR:
        return (f"{path} är planens fil {name} ({_described(name)}), inte en områdesfil — den kontrolleras "
                f"med: {content_hint}")
    if name == DATA_FILE:
        return (f"{path} är filen med styrtalens siffror, inte en områdesfil — den kontrolleras med: {content_hint}")
    if name in LAYOUT_FILES or name.startswith("texter") and name.endswith(".yaml"):
        what = LAYOUT_FILES.get(name, "en fil med presentationens och dokumentens texter")
        return f"{path} är en layoutfil, {what}, inte en områdesfil — den kontrolleras med: vpgen validate"
    if path.suffix in (".pptx", ".docx", ".xlsx", ".pdf"):
        return (f"{path} är ett dokument, inte en områdesfil — vpgen kontroll läser områdesfilen (.yaml) i "
                f"{AREA_DIR}/; ett dokument granskas med: vpgen granska {path}")
    return _by_keys(path, content_hint)


def _by_keys(path: Path, content_hint: str) -> str | None:
    """A content file under another name, known by its keys (only when it has none of an area file's)."""
    doc = read_yaml(path)
    if not doc.readable or not isinstance(doc.data, dict) or AREA_KEYS & set(doc.data):
        return None
    keys = set(doc.data)
    kinds = {**{name: model for name, model in CONTENT_FILES.items()}, "deck.yaml": Outline}
    for name, model in kinds.items():
        aliases = {field.alias or key for key, field in model.model_fields.items()}
        if len(keys & aliases) >= min(2, len(aliases)) and keys <= aliases:
            what = LAYOUT_FILES.get(name) or f"samma sorts fil som {name} ({_described(name)})"
            return f"{path} är {what}, inte en områdesfil — den kontrolleras med: {content_hint}"
    return None


def right_name(path: Path) -> str | None:
    """The name an area file saved as .yml, .YAML or .yaml.txt should have (None when it is right)."""
    return yaml_name(path.name)
