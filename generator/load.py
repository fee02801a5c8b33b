"""Load a content folder: read every file, validate it against its model, collect every problem."""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from .changes import Changes, compare
from .checks import AreaInput, check_changes, check_content
from .figures import DATA_FILE, StyrtalDataFile
from .messages import os_reason, shell_arg
from .model import AREA_DIR, CONTENT_FILES, PREVIOUS_FILES, Area, OmradeFile, Plan, PlanFile, PreviousPlan
from .previous import PreviousError, locate, opened
from .problems import Problem, Severity, display_path, sort_problems
from .parse import parse_file
from .yamlsrc import SourceDoc


@dataclass
class Loaded:
    """What loading produced: the plan (when every file is valid), the problems, the sources."""

    plan: Plan | None
    problems: list[Problem]
    sources: dict[str, SourceDoc] = field(default_factory=dict)
    changes: Changes | None = None  # the plan against last year's, when it has one and both are valid
    previous_record: dict | None = None  # what was read as last year's plan (for the build's manifest)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


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


# What editors append or swap for '.yaml' (Notepad's '.txt' when "All files" is not chosen, '.yml').
_WRONG_ENDINGS = (".yaml.txt", ".yml.txt", ".yml", ".yaml")


def yaml_name(name: str) -> str | None:
    """The name vpgen would read for a content file saved under another ending ('kultur.yml',
    'kultur.yaml.txt', 'kultur.YAML' -> 'kultur.yaml'); None when the name is right or no such file."""
    lower = name.lower()
    for ending in _WRONG_ENDINGS:
        if lower.endswith(ending) and len(name) > len(ending):
            right = name[: -len(ending)] + ".yaml"
            return None if right == name else right
    return None


def misnamed(path: Path) -> Path | None:
    """A file beside `path` (which is missing) that is `path` saved under another ending."""
    try:
        siblings = sorted(path.parent.iterdir()) if path.parent.is_dir() else []
    except OSError:
        return None
    return next((other for other in siblings if yaml_name(other.name) == path.name), None)


def rename_message(name: str, right: str) -> str:
    """The one message for a file vpgen does not read because of its ending (validate, kontroll, status)."""
    return f"filen heter {name} och läses inte: vpgen läser bara filer som slutar på .yaml — byt namn till {right}"


def _listing(folder: Path, root: Path, problems: list[Problem]) -> list[Path]:
    """The entries of a folder, sorted; a folder that cannot be listed is a problem, not a crash."""
    try:
        return sorted(folder.iterdir())
    except OSError as err:
        problems.append(Problem(display_path(folder, root), 0, 0, "",
                                f"mappen kan inte läsas ({os_reason(err)}) — kontrollera behörigheten"))
        return []


def load_content(root: Path, compare_with: str | None = None) -> Loaded:
    """Read, validate and cross-check a content folder; every problem is collected. Nothing is written.

    Last year's plan (plan.yaml's föregående, or `compare_with`: a folder or git:REV) is read and
    checked too, and the plan compared with it.
    """
    root = Path(root)
    unusable = _unusable_folder(root)
    if unusable:
        return Loaded(None, [unusable])
    reading = _Reading(root)
    for name, model in CONTENT_FILES.items():
        reading.read(name, model)
    plan_file = reading.parsed.get("plan.yaml")
    areas, area_inputs = reading.read_areas(plan_file)
    reading.read_figures()
    previous, before, record = _read_previous(reading, plan_file, compare_with)
    problems = reading.problems + before.problems + check_content(reading.parsed, area_inputs, reading.sources, previous)
    parsed = reading.parsed
    changes = None
    if previous is not None and "malsattningar.yaml" in parsed and "gemensamma.yaml" in parsed:
        changes = compare(previous, parsed["malsattningar.yaml"], parsed["gemensamma.yaml"])
        if plan_file is not None:  # the rules are relative to the plan year
            problems += check_changes(changes, plan_file, reading.sources, before.sources)
    if any(name not in parsed for name in CONTENT_FILES) or any(p.severity is Severity.ERROR for p in problems):
        return Loaded(None, sort_problems(problems), reading.sources)
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
        previous=previous,
    )
    return Loaded(plan, sort_problems(problems), reading.sources, changes, record)


def _read_previous(reading: _Reading, plan_file: PlanFile | None, compare_with: str | None
                   ) -> tuple[PreviousPlan | None, _Reading, dict | None]:
    """Last year's plan (PREVIOUS_FILES only), checked on its own: (plan, its reading, fingerprint).

    `compare_with` (the command line) wins over plan.yaml's föregående. Its problems name its own
    files ("content/vp-2025/malsattningar.yaml:12", "git:vp-2025:content/plan.yaml:3").
    """
    spec = compare_with if compare_with is not None else (plan_file.foregaende if plan_file is not None else None)
    empty = _Reading(reading.root)
    if spec is None:
        return None, empty, None
    try:
        source = locate(spec, reading.root, display_path(reading.root, reading.root), from_cli=compare_with is not None)
        with opened(source, list(PREVIOUS_FILES)) as (folder, record):
            before = _Reading(folder, shown=source.shown, previous=True)
            for name, model in PREVIOUS_FILES.items():
                before.read(name, model)
    except PreviousError as err:
        if compare_with is not None:
            empty.problems.append(Problem("--jämför-med", 0, 0, "", str(err)))
        else:
            doc = reading.sources.get("plan.yaml")
            line, col = doc.pos(("föregående",)) if doc else (0, 0)
            empty.problems.append(Problem(doc.shown if doc else "plan.yaml", line, col, "föregående", str(err)))
        return None, empty, None
    before.problems += check_content(before.parsed, [], before.sources)
    if len(before.parsed) < len(PREVIOUS_FILES) or any(p.severity is Severity.ERROR for p in before.problems):
        return None, before, record
    previous = PreviousPlan(plan=before.parsed["plan.yaml"], malsattningar=before.parsed["malsattningar.yaml"],
                            gemensamma=before.parsed["gemensamma.yaml"], source=source.shown)
    return previous, before, record


def _unusable_folder(root: Path) -> Problem | None:
    """Why the content folder cannot be read at all, or None."""
    try:
        if root.is_dir():
            return None
        why = "är en fil, inte en mapp" if root.is_file() else "finns inte"
    except OSError as err:
        why = f"kan inte läsas ({os_reason(err)})"
    return Problem(str(root), 0, 0, "", f"innehållsmappen {why} — ange mappen med innehållsfilerna")


class _Reading:
    """The files of one content folder as they are read: models, sources, problems.

    `shown` names the folder in messages, when not its path relative to the folder above it
    (last year's plan: "content/vp-2025", "git:vp-2025:content").
    """

    MISSING = "filen saknas — skapa den (vpgen schema visar vad den ska innehålla)"
    PREVIOUS_MISSING = "filen saknas i förra årets plan — kopiera den dit från förra årets innehållsmapp"

    def __init__(self, root: Path, shown: str | None = None, previous: bool = False):
        self.root = root
        self.shown = shown
        self.missing = self.PREVIOUS_MISSING if previous else self.MISSING
        self.problems: list[Problem] = []
        self.sources: dict[str, SourceDoc] = {}
        self.parsed: dict[str, BaseModel] = {}

    def show(self, path: Path) -> str:
        if self.shown is None:
            return display_path(path, self.root)
        return f"{self.shown}/{Path(path).relative_to(self.root).as_posix()}"

    def _problem(self, path: Path, message: str, severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Problem(self.show(path), 0, 0, "", message, severity))

    def _parse(self, path: Path, key: str, model: type[BaseModel]) -> BaseModel | None:
        """A file that is there and no link out of the folder, parsed; its problems collected."""
        refused = _link_problem(path, self.root)
        if refused:
            self._problem(path, refused)
            return None
        value, doc, found = parse_file(path, model, self.root, self.show(path))
        self.problems += found
        if doc is not None:
            self.sources[key] = doc
        return value

    def read(self, name: str, model: type[BaseModel]) -> None:
        """One of the plan's content files (plan.yaml, malsattningar.yaml, …)."""
        path = self.root / name
        if not _present(path):
            self._problem(path, self.missing)
            return
        value = self._parse(path, name, model)
        if value is not None:
            self.parsed[name] = value

    def read_areas(self, plan_file) -> tuple[list[Area], list[AreaInput]]:
        """The area files plan.yaml lists; when plan.yaml cannot be read, every file in omraden/, so
        their own problems are still reported. Also what lies in omraden/ that the plan does not read."""
        area_dir = self.root / AREA_DIR
        listing = _listing(area_dir, self.root, self.problems) if area_dir.is_dir() else []
        if _present(area_dir) and not area_dir.is_dir():
            self._problem(area_dir, f"här ska mappen {AREA_DIR}/ med områdesfilerna ligga, men det är ingen mapp — "
                                    "byt namn på det som ligger där och skapa mappen")
        refs = list(plan_file.omraden) if plan_file is not None else []
        names = [ref.fil for ref in refs]
        if plan_file is None:
            names = [path.name for path in listing if path.suffix == ".yaml"]
        areas: list[Area] = []
        inputs: list[AreaInput] = []
        for i, name in enumerate(names):
            ref = refs[i] if plan_file is not None else None
            path = area_dir / name
            content = None
            if not _present(path):
                # A file saved as .yml or .yaml.txt is said once, by _stray_area_files, with its new name.
                if misnamed(path) is None:
                    option = "" if self.root == Path("content") else f" --content {shell_arg(self.root)}"
                    self._problem(path, f"underlag saknas för området {ref.namn} — skapa filen med: "
                                        f"vpgen område ny \"{ref.namn}\"{option}", Severity.WARNING)
            else:
                content = self._parse(path, f"{AREA_DIR}/{name}", OmradeFile)
                if content is not None:
                    inputs.append((name, content, ref))
            if ref is not None:
                areas.append(Area(ref=ref, content=content, source=display_path(path, self.root)))
        self._stray_area_files(listing, names if plan_file is not None else None)
        return areas, inputs

    def _stray_area_files(self, listing: list[Path], read: list[str] | None) -> None:
        """Files in omraden/ that are not read: a .yml, .YAML or .yaml.txt, or a file plan.yaml does not list."""
        for path in listing:
            right = yaml_name(path.name)
            if right is not None:
                self._problem(path, rename_message(path.name, right), Severity.WARNING)
            elif read is not None and path.suffix == ".yaml" and path.name not in read:
                self._problem(path, "filen ingår inte i planen — lägg till området under 'områden:' i plan.yaml",
                              Severity.WARNING)

    def read_figures(self) -> None:
        """The figures behind the styrtal: optional; without the file there are simply no charts."""
        path = self.root / DATA_FILE
        if path.exists() or path.is_symlink():
            value = self._parse(path, DATA_FILE, StyrtalDataFile)
            if value is not None:
                self.parsed[DATA_FILE] = value
