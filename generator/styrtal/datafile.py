"""styrtal-data.yaml as vpgen writes it: merge new values in, dump the file in a fixed order, and
write it only when the result passes every check `vpgen validate` has.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..checks import check_content
from ..figures import DATA_FILE, StyrtalDataFile, Varde
from ..formatting import sv_number
from ..parse import parse_file
from ..problems import Severity, UserError
from ..yamlsrc import yaml_scalar


def _area_key(name: str) -> str:
    """Sort key for area names the Swedish way: å, ä, ö after z."""
    return name.casefold().translate(str.maketrans({"å": "{", "ä": "|", "ö": "}"}))



@dataclass(frozen=True)
class Row:
    """One value to merge: from a CSV/XLSX row or a Kolada answer."""

    id: str
    omrade: str
    ar: int
    varde: Decimal
    where: str = ""  # "fil.csv:12" for messages


@dataclass
class MergeReport:
    added: list[tuple[Row, None]] = field(default_factory=list)
    changed: list[tuple[Row, Decimal | None]] = field(default_factory=list)  # (new row, old value); None: was example
    unchanged: list[Row] = field(default_factory=list)
    example_replaced: list[Row] = field(default_factory=list)

    @property
    def any_change(self) -> bool:
        return bool(self.added or self.changed or self.example_replaced)


def merge_rows(data: StyrtalDataFile, rows: list[Row], extra: dict[str, dict] | None = None
               ) -> tuple[StyrtalDataFile, MergeReport]:
    """New data with `rows` put in (a real value replaces an example one); what changed.

    `extra` sets fields of an entry by id (hämta records datakälla and hämtad there).
    """
    report = MergeReport()
    own = data.eget_omrade
    by_id = {entry.id: i for i, entry in enumerate(data.styrtal)}
    entries = [list(entry.varden) for entry in data.styrtal]
    for row in rows:
        i = by_id[row.id]
        area = None if row.omrade == own else row.omrade
        current = entries[i]
        at = next((n for n, old in enumerate(current) if (old.omrade or own) == row.omrade and old.ar == row.ar), None)
        new = Varde.model_validate({"område": area, "år": row.ar, "värde": str(row.varde)})
        if at is None:
            current.append(new)
            report.added.append((row, None))
        elif current[at].exempel:
            current[at] = new
            report.example_replaced.append(row)
        elif current[at].varde != row.varde:
            report.changed.append((row, current[at].varde))
            current[at] = new
        else:
            report.unchanged.append(row)
    out = []
    for i, entry in enumerate(data.styrtal):
        update = {"varden": entries[i], **((extra or {}).get(entry.id, {}))}
        out.append(entry.model_copy(update=update))
    return data.model_copy(update={"styrtal": out}), report


def _flow(value: str) -> str:
    """A text inside a flow mapping ({område: …}): quoted when a comma or bracket would end it."""
    text = yaml_scalar(value)
    if text == value and re.search(r"[,\[\]{}]", value):
        return json.dumps(value, ensure_ascii=False)
    return text


def _number(value: Decimal) -> str:
    text = format(value, "f")
    return text


def header_comment(text: str) -> str:
    """The comment block a data file starts with (kept when vpgen rewrites the file)."""
    lines = []
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            lines.append(line.rstrip())
        else:
            break
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def dump_data(data: StyrtalDataFile, header: str) -> str:
    """The data file as vpgen writes it: the header comment, then every key in a fixed order."""
    own = data.eget_omrade
    out = [header, ""] if header else []
    out.append(f"eget_område: {yaml_scalar(own)}")
    if data.kolada_omraden:
        out.append("kolada_områden:")
        out += [f"  {yaml_scalar(name)}: \"{code}\"" for name, code in sorted(data.kolada_omraden.items(),
                                                                              key=lambda kv: _area_key(kv[0]))]
    out.append("")
    out.append("styrtal:" if data.styrtal else "styrtal: []")
    for n, entry in enumerate(data.styrtal):
        if n:
            out.append("")
        out.append(f"  - id: {entry.id}")
        for key, value in (("styrtal", entry.styrtal), ("rubrik", entry.rubrik), ("enhet", entry.enhet),
                           ("datakälla", entry.datakalla), ("kolada", entry.kolada)):
            if value is not None:
                out.append(f"    {key}: {yaml_scalar(value)}")
        if entry.hamtad is not None:
            out.append(f"    hämtad: {entry.hamtad.isoformat()}")
        if not entry.varden:
            out.append("    värden: []")
            continue
        out.append("    värden:")
        rows = sorted(entry.varden, key=lambda r: ((r.omrade or own) != own, _area_key(r.omrade or own), r.ar))
        for row in rows:
            parts = []
            if row.omrade is not None and row.omrade != own:
                parts.append(f"område: {_flow(row.omrade)}")
            parts += [f"år: {row.ar}", f"värde: {_number(row.varde)}"]
            if row.exempel:
                parts.append("exempel: true")
            out.append("      - {" + ", ".join(parts) + "}")
    return "\n".join(out) + "\n"




def value_text(value: Decimal | None) -> str:
    """A value in a change report: '6,5', or '–' for an example value replaced."""
    return "–" if value is None else sv_number(value, plain=True)


def report_lines(report: MergeReport) -> list[str]:
    lines = [f"  ny:      {row.id} {row.omrade} {row.ar}: {value_text(row.varde)}" for row, _ in report.added]
    lines += [f"  ändrad:  {row.id} {row.omrade} {row.ar}: {value_text(old)} → {value_text(row.varde)}"
              for row, old in report.changed]
    lines += [f"  ersatte exempelvärde: {row.id} {row.omrade} {row.ar}: {value_text(row.varde)}"
              for row in report.example_replaced]
    return lines


def summary(report: MergeReport) -> str:
    return (f"{len(report.added)} nya, {len(report.changed)} ändrade, "
            f"{len(report.example_replaced)} exempelvärden ersatta, {len(report.unchanged)} oförändrade")


class DataFileError(UserError):
    """The merged values would make the data file invalid; `lines` are the problems to print first."""

    def __init__(self, message: str, lines: list[str]):
        self.lines = lines
        super().__init__(message)


def write_merged(content_dir: Path, loaded, rows: list[Row], extra: dict | None, dry_run: bool
                 ) -> tuple[MergeReport, bool]:
    """Merge, check everything, write atomically (unless nothing changed or a dry run).

    The merged file is checked where it will stand (a temp file beside it), with every rule that
    involves it; nothing is replaced unless it passes. Returns the report and whether it changed.
    """
    plan = loaded.plan
    path = Path(content_dir) / DATA_FILE
    original = path.read_text(encoding="utf-8-sig")
    merged, report = merge_rows(plan.styrtal_data, rows, extra)
    text = dump_data(merged, header_comment(original))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".styrtal-data-", suffix=".yaml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        value, doc, problems = parse_file(Path(tmp), StyrtalDataFile, Path(content_dir))
        if doc is not None:
            doc.shown = loaded.sources[DATA_FILE].shown if DATA_FILE in loaded.sources else str(path)
        if value is not None:
            files = {"malsattningar.yaml": plan.malsattningar, "gemensamma.yaml": plan.gemensamma, DATA_FILE: value}
            sources = dict(loaded.sources, **{DATA_FILE: doc})
            problems += check_content(files, [], sources)
        problems = [p for p in problems if p.severity is Severity.ERROR]
        if problems:
            raise DataFileError(
                f"Värdena skulle ge fel i {DATA_FILE} (se ovan; raderna gäller filen som den skulle bli) — "
                "filen har inte ändrats.",
                [problem.format().replace(Path(tmp).name, DATA_FILE) for problem in problems])
        changed = report.any_change or (extra and text != original)
        if changed and not dry_run:
            os.chmod(tmp, path.stat().st_mode & 0o777)
            os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return report, bool(changed)
