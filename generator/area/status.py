"""`vpgen status`: per area of plan.yaml, how far its file is against the anvisningar and the deadline.

The planner's command. Each area is klar, delvis ifyllt, inte ifyllt (the file as `område ny` left
it), saknas, fel (the file has mistakes: `vpgen kontroll` explains them) or fel filnamn (saved as
.yml or .yaml.txt, which vpgen does not read).

'Senast ändrad' is the file's last commit when the content folder is in git and the file is
committed and unchanged since; otherwise the file's own modification time. A date after --idag is
not shown (the files are read as they are now, not as they were that day), and a complete file last
changed after the deadline is flagged 'inlämnad efter deadline'.
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..checks import check_content
from ..formatting import sv_date
from ..messages import plural, shell_arg
from ..model import AREA_DIR, Area, OmradeFile, OmradeRef
from ..parse import parse_file
from ..load import misnamed, rename_message
from ..problems import Severity, UserError
from .plan_parts import PlanParts, read_plan_parts, require_parts


@dataclass
class AreaStatus:
    namn: str
    ansvarig: str
    fil: str  # as the content folder names it: omraden/energi-och-klimat.yaml
    finns: bool
    insatser: int | None
    utmaningar: int | None
    status: str  # klar, delvis ifyllt, inte ifyllt, saknas, fel, fel filnamn
    senast_andrad: datetime.date | None  # None also when the file changed after --idag
    andrad_enligt: str | None  # git, filtid
    saknas: list[str]
    forsenad: bool  # not klar, and the deadline has passed
    inlamnad_efter_deadline: bool = False  # klar, but last changed after the deadline
    andrad_efter_idag: bool = False  # its date is after --idag, so it is not shown
    sokvag: str = ""  # the file as the user reaches it from where vpgen runs

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
                "inlamnad_efter_deadline": a.inlamnad_efter_deadline, "andrad_efter_idag": a.andrad_efter_idag,
            } for a in self.omraden],
            "klara": sum(a.klar for a in self.omraden),
            "forsenade": sum(a.forsenad for a in self.omraden),
        }


def _git_dates(root: Path, files: list[Path]) -> dict[Path, datetime.date]:
    """Last commit date (%cs) of each file that is committed and unchanged since, when `root` is in a
    git work tree. A file edited since its last commit, or never committed, is left out: its own
    modification time says more."""
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
    """One row per area of plan.yaml. Raises UserError when plan.yaml or anvisningar.yaml cannot be read."""
    root = Path(root)
    if not root.is_dir():
        raise UserError(f"Innehållsmappen {root} finns inte — ange den med --content.")
    parts = read_plan_parts(root)
    require_parts(parts, ("plan.yaml", "anvisningar.yaml"), "Statusen kan inte visas")
    plan_file, anv = parts.get("plan.yaml"), parts.get("anvisningar.yaml")

    paths = [root / AREA_DIR / ref.fil for ref in plan_file.omraden]
    git_dates = _git_dates(root, [p for p in paths if p.is_file()])
    rows = []
    for ref, path in zip(plan_file.omraden, paths):
        fil = f"{AREA_DIR}/{ref.fil}"
        wrong = misnamed(path) if not path.is_file() else None
        content, errors = _read_area(root, parts, ref, path, fil)
        status, missing = _progress(parts, Area(ref=ref, content=content, source=fil), path, errors, wrong)
        changed, source, later = _changed(path, git_dates, idag)
        rows.append(AreaStatus(
            namn=ref.namn, ansvarig=ref.ansvarig, fil=fil, finns=path.is_file(),
            insatser=content.antal_insatser if content else None,
            utmaningar=len(content.utmaningar) if content else None,
            status=status, senast_andrad=changed, andrad_enligt=source, saknas=missing,
            forsenad=status != "klar" and idag > anv.deadline,
            inlamnad_efter_deadline=status == "klar" and changed is not None and changed > anv.deadline,
            andrad_efter_idag=later, sokvag=str(path),
        ))
    return StatusReport(idag, anv.deadline, anv.minst_insatser, anv.minst_utmaningar, plan_file.planar, rows)


def _changed(path: Path, git_dates: dict[Path, datetime.date], idag: datetime.date
             ) -> tuple[datetime.date | None, str | None, bool]:
    """(last changed, according to what, whether that is after `idag` and so not shown)."""
    if not path.is_file():
        return None, None, False
    if path in git_dates:
        changed, source = git_dates[path], "git"
    else:
        changed, source = datetime.date.fromtimestamp(path.stat().st_mtime), "filtid"
    if changed > idag:
        return None, source, True
    return changed, source, False


def _read_area(root: Path, parts: PlanParts, ref: OmradeRef, path: Path, fil: str) -> tuple[OmradeFile | None, bool]:
    """The area file's content (None when it is missing or cannot be read), and whether it has errors."""
    if not path.is_file():
        return None, False
    content, doc, problems = parse_file(path, OmradeFile, root)
    errors = any(p.severity is Severity.ERROR for p in problems)
    if content is not None:
        errors = any(p.severity is Severity.ERROR and p.file == doc.shown for p in
                     check_content(parts.present(), [(ref.fil, content, ref)], {fil: doc}))
    return content, errors


def _progress(parts: PlanParts, area: Area, path: Path, errors: bool, wrong: Path | None) -> tuple[str, list[str]]:
    """The area's status and what it still lacks (see the module docstring)."""
    if wrong is not None:
        return "fel filnamn", [rename_message(wrong.name, path.name)]
    if path.is_file() and area.content is None:
        return "fel", ["filen har fel"]
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
    if gaps.file_missing:
        return "saknas", missing
    if errors:
        return "fel", missing
    if gaps.complete:
        return "klar", missing
    filled = area.content.antal_insatser or area.content.utmaningar
    return ("delvis ifyllt" if filled else "inte ifyllt"), missing


# ---------------------------------------------------------------- the report as text

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
    return plural(n, "dag", "dagar")


def format_status(report: StatusReport, options: str = "") -> str:
    """The deadline, a table with one row per area, and what each unfinished area still lacks.

    `options` are the command line options the user gave (' --content …'), repeated in the hints."""
    d = report.dagar
    when = f"om {_days(d)}" if d > 0 else "i dag" if d == 0 else f"för {_days(-d)} sedan"
    out = [
        f"Områdenas underlag till verksamhetsplan {report.planar}",
        f"Deadline {sv_date(report.deadline, 'd MMMM y')} ({report.deadline.isoformat()}), {when}. "
        f"I dag: {report.idag.isoformat()}.",
        f"Varje område ska ha minst {plural(report.minst_insatser, 'insats', 'insatser')} och "
        f"{plural(report.minst_utmaningar, 'utmaning', 'utmaningar')}.",
        "",
    ]

    def till(area: AreaStatus) -> str:
        if area.klar:
            return "inlämnad efter deadline" if area.inlamnad_efter_deadline else "–"
        return f"{_days(d)} kvar" if d > 0 else "sista dagen i dag" if d == 0 else f"försenad {_days(-d)}"

    def count(n: int | None) -> str:
        return "–" if n is None else str(n)

    shown = {"fel": "fel i filen"}
    files = {"fel filnamn": "fel namn"}
    rows = [[a.namn, a.ansvarig, files.get(a.status, "ja" if a.finns else "saknas"), count(a.insatser),
             count(a.utmaningar), shown.get(a.status, a.status),
             a.senast_andrad.isoformat() if a.senast_andrad else "–", till(a)]
            for a in report.omraden]
    out += _table(["Område", "Ansvarig", "Fil", "Insatser", "Utmaningar", "Läge", "Senast ändrad", "Deadline"],
                  rows, right={3, 4})
    out.append("")
    done = sum(a.klar for a in report.omraden)
    out.append(f"Klara områden: {done} av {len(report.omraden)}.")
    for area in report.omraden:
        if area.klar and not area.inlamnad_efter_deadline:
            continue
        if area.klar:
            out.append(f"  {area.namn} ({area.ansvarig}): klar, men senast ändrad {area.senast_andrad.isoformat()}, "
                       "efter deadline.")
            continue
        todo = ", ".join(area.saknas)
        if area.status == "saknas":
            todo += f" (skapa den med: vpgen område ny \"{area.namn}\"{options})"
        elif area.status == "fel":
            todo += f" (se: vpgen kontroll {shell_arg(area.sokvag)})"
        flag = "FÖRSENAT: " if area.forsenad else ""
        out.append(f"  {flag}{area.namn} ({area.ansvarig}): {todo}.")
    later = [a for a in report.omraden if a.andrad_efter_idag]
    if later:
        out.append("")
        out.append(f"Obs: {plural(len(later), 'fil', 'filer')} har ändrats efter {report.idag.isoformat()} "
                   f"({', '.join(a.namn for a in later)}). Ändringsdatumet visas inte, och läget bygger på filerna som "
                   "de ser ut nu, inte som de var den dagen.")
    return "\n".join(out)
