"""The plan files the area commands need (plan.yaml, anvisningar.yaml, malsattningar.yaml), each read alone.

The check and the status read only these and the area files, so an area chief's check still works
while, say, ekonomi.yaml is broken. Counting against the anvisningar and the names of the
fokusområden come from derive.Derived, built on a plan holding just these files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..derive import Derived
from ..model import CONTENT_FILES, Plan
from ..parse import parse_file
from ..problems import Problem, UserError, display_path

PLAN_PARTS = ("plan.yaml", "anvisningar.yaml", "malsattningar.yaml")


@dataclass(frozen=True)
class SlideOptions:
    """Where the deck's template and texts come from for an area's slides (vpgen build's --layouts, --template)."""

    layouts_dir: Path | None = None
    template: Path | None = None


def find_content_root(path: Path, explicit: Path | None) -> Path | None:
    """--content, else the folder two steps up from an area file when it holds a plan.yaml."""
    if explicit is not None:
        return explicit
    guess = Path(path).resolve().parent.parent
    return guess if (guess / "plan.yaml").is_file() else None


@dataclass
class PlanParts:
    """The content files the area commands need, each parsed on its own (None when it has problems)."""

    root: Path
    models: dict[str, object]
    problems: list[Problem]

    def get(self, name: str):
        return self.models.get(name)

    def present(self) -> dict[str, object]:
        """The plan files that could be read, by file name (what checks.check_content takes)."""
        return {name: self.get(name) for name in PLAN_PARTS if self.get(name) is not None}

    def derived(self, areas: list | None = None) -> Derived:
        """derive.Derived on a plan holding only these files (pydantic's model_construct: no validation
        of the files that are not here; Derived is only asked about what is)."""
        return Derived(Plan.model_construct(
            plan=self.get("plan.yaml"), anvisningar=self.get("anvisningar.yaml"),
            malsattningar=self.get("malsattningar.yaml"), omraden=list(areas or []),
        ))


def read_plan_parts(root: Path, names: tuple[str, ...] = PLAN_PARTS) -> PlanParts:
    """Parse each of `names` in the content folder `root`; a missing file is a problem, not an error."""
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


def require_parts(parts: PlanParts, names: tuple[str, ...], doing: str) -> None:
    """Stop with the problems of the plan files this command cannot do without (UserError, Swedish)."""
    missing = [name for name in names if parts.get(name) is None]
    if not missing:
        return
    lines = [p.plain() for p in parts.problems if any(p.file.endswith(name) for name in missing)]
    files = ", ".join(str(parts.root / name) for name in missing)
    raise UserError("\n".join(lines + [f"{doing}: {files} kan inte läsas (se ovan). Rätta filen och försök igen "
                                       "(vpgen validate visar alla fel)."]))
