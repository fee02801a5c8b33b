"""The mistakes in an area file itself, each with its likely repair, so one run finds them all.

The check goes on with the repaired text after every mistake: YAML would otherwise stop at the
first one. Tabs are replaced first (the file is read with each tab as 2, 4 … spaces and the best
reading kept); then one mistake at a time is repaired, or said without a fix when no repair
helps; last come the hints about a file that reads but would look wrong on a slide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import TIP, Finding
from ..model import OmradeFile
from ..parse import parse_file
from ..problems import Problem
from ..yamlsrc import MAX_FILE_BYTES
from .examples import example_key
from .lines import Line, fix_context, join_lines, replace_line, split_lines
from .reading import Reader, Reading, value_at
from .repair import Repair, best_repair, plain_message, repair_message

MAX_ROUNDS = 60  # one mistake repaired per round; an area file has far fewer

LATIN1_HELP = (
    "Spara om filen som UTF-8: i Anteckningar väljer du Arkiv > Spara som och Kodning: UTF-8;",
    "i andra textredigerare heter valet ofta Encoding eller Teckenkodning.",
)
TAB_MESSAGE = ("raden är indragen med tabbtecken — använd mellanslag i stället "
               "(två per nivå, rakt under raden ovanför)")


@dataclass
class TextCheck:
    """What the check found in the file itself."""

    findings: list[Finding]
    text: str  # the file with every repair made
    final: Reading | None  # its reading; None when it still cannot be read
    repaired: bool  # the text differs from the file (or the file is not UTF-8)


def check_text(path: Path, reader: Reader, examples: dict) -> TextCheck:
    """Every mistake in the file itself, each with its likely repair, and the repaired text."""
    file = str(path)
    raw = path.read_bytes()
    _value, doc, first = parse_file(path, OmradeFile, path.parent.parent)
    if doc is None and (len(raw) > MAX_FILE_BYTES or b"\x00" in raw or raw.startswith((b"\xff\xfe", b"\xfe\xff"))):
        # Not a text file as vpgen reads them (too big, UTF-16, NUL bytes): nothing more can be checked.
        return TextCheck([Finding(file, plain_message(p.message), line=p.line) for p in first], "", None, False)
    text, not_utf8 = _decode(file, raw, first)
    text = original = re.sub("\r\n|\r", "\n", text)
    text, tabbed = _without_tabs(text, reader)

    rounds = _Rounds(file, reader, examples, tabbed)
    text, readable = rounds.run(text)
    findings = not_utf8 + rounds.findings
    lines = split_lines(text)
    for no in tabbed:
        fix = {no: lines[no - 1].text} if readable else {}
        findings.append(Finding(file, TAB_MESSAGE, line=no, fix=fix, context=fix_context(lines, fix)))
    if not readable:
        return TextCheck(findings, text, None, True)
    final = reader(text)
    findings += _hints(file, final, lines, examples)
    return TextCheck(findings, text, final, bool(not_utf8) or text != original)


def _decode(file: str, raw: bytes, first: list[Problem]) -> tuple[str, list[Finding]]:
    """The file's text; a file that is not UTF-8 is said once and read as the Windows-1252 it almost always is."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        said = Finding(file, plain_message(first[0].message), line=first[0].line, help=LATIN1_HELP)
        return raw.decode("cp1252", errors="replace"), [said]


def _without_tabs(text: str, reader: Reader) -> tuple[str, list[int]]:
    """The text with the tabs that indent lines replaced by the spaces that read best; those lines."""
    lines = split_lines(text)
    tabbed = [x.no for x in lines if x.stripped and "\t" in x.text[: len(x.text) - len(x.text.lstrip(" \t"))]]
    if not tabbed:
        return text, tabbed

    def spaced(width: int) -> str:
        return join_lines([re.sub(r"^[ \t]+", lambda m: m.group().replace("\t", " " * width), x.text) for x in lines])

    # The round below may still align such a line; the tab's finding then shows the line as it ends up.
    return min((reader(spaced(w)).badness + (order,), spaced(w)) for order, w in enumerate((2, 4, 8, 1, 3)))[1], tabbed


@dataclass
class _Rounds:
    """Repairs the text one mistake at a time, saying each one; a tabbed line's alignment is said by its tab."""

    file: str
    reader: Reader
    examples: dict
    tabbed: list[int]
    findings: list[Finding] = field(default_factory=list)
    handled: set[tuple] = field(default_factory=set)

    def run(self, text: str) -> tuple[str, bool]:
        """The text with every mistake repaired that can be, and whether it can now be read."""
        for _round in range(MAX_ROUNDS):
            now = self.reader(text)
            if not now.readable:
                repaired = self._syntax(text, now)
                if repaired is None:
                    return text, False
            else:
                repaired = self._next_mistake(text, now)
                if repaired is None:
                    return text, True
            text = repaired
        return text, True

    def _open(self, now: Reading) -> list[Problem]:
        return [p for p in now.problems if (p.line, p.path, p.message) not in self.handled]

    def _syntax(self, text: str, now: Reading) -> str | None:
        """A file YAML cannot read: the text with its first syntax error repaired, or None."""
        lines = split_lines(text)
        problems = self._open(now)
        problem = problems[0] if problems else now.problems[0]
        found = best_repair(lines, self.reader, now, problem.line)
        if found is None:
            if problem.line not in self.tabbed:
                self.findings.append(self._unrepaired(lines, problem))
            return None
        repair, text = found
        self._say(lines, repair, problem.message)
        return text

    def _next_mistake(self, text: str, now: Reading) -> str | None:
        """A readable file: the text after the next mistake from the top is handled, or None when none is left."""
        lines = split_lines(text)
        continuation = [c for c in _continuations(lines, now) if ("cont",) + c not in self.handled]
        items = sorted([(p.line, 0, p) for p in self._open(now)] + [(c[0], 1, c) for c in continuation],
                       key=lambda item: (item[0], item[1]))
        if not items:
            return None
        _line, is_continuation, item = items[0]
        if is_continuation:
            self.handled.add(("cont",) + item)
            finding, repaired = self._continuation(lines, *item)
            if not (item[0] in self.tabbed and repaired):
                self.findings.append(finding)
            return repaired or text
        problem = item
        key = (problem.line, problem.path, problem.message)
        found = best_repair(lines, self.reader, now, problem.line, gone=key)
        if found is None:
            self.handled.add(key)
            self.findings.append(self._unrepaired(lines, problem, now))
            return text
        repair, text = found
        self._say(lines, repair, problem.message)
        return text

    def _say(self, lines: list[Line], repair: Repair, original: str) -> None:
        if repair.line in self.tabbed and repair.kind == "indent":
            return
        fix = {repair.line: repair.new}
        self.findings.append(Finding(self.file, repair_message(lines, repair, original), line=repair.line,
                                     fix=fix, context=fix_context(lines, fix)))

    def _continuation(self, lines: list[Line], no: int, start: int) -> tuple[Finding, str | None]:
        """A '- ' line read as more text of the point above: the finding, and the text with it aligned."""
        head = lines[start - 1]
        message = (f"punkten är indragen för långt ({lines[no - 1].indent} mellanslag) och läses därför som en "
                   f"fortsättning på punkten på rad {start}")
        if not head.dash or head.key is not None:
            return Finding(self.file, message + " — rada upp den med punkterna ovanför", line=no,
                           example=self.examples["punkter"]), None
        fix = {no: " " * head.indent + lines[no - 1].text.lstrip(" ")}
        return (Finding(self.file, f"{message} — den ska stå rakt under '- ' på rad {start} ({head.indent} mellanslag)",
                        line=no, fix=fix, context=fix_context(lines, fix)), replace_line(lines, no, fix[no]))

    def _unrepaired(self, lines: list[Line], problem: Problem, parsed: Reading | None = None) -> Finding:
        """A mistake no repair helps with: said as plainly as possible, with an example."""
        message = plain_message(problem.message)
        loc_names = re.findall(r"[^.\[\]]+", problem.path)
        if parsed is not None and loc_names and loc_names[-1] == "punkter":
            loc = tuple(int(n) - 1 if n.isdigit() else n for n in loc_names)
            if value_at(parsed.doc.data, loc) in (None, []):
                message = ("'punkter:' är tom — skriv minst en punkt på en egen rad under, som börjar med '- ' "
                           "(eller ta bort hela gruppen)")
        key = "" if parsed is not None and not problem.path else example_key(lines, problem.line, problem.path)
        return Finding(self.file, message, line=problem.line, example=self.examples.get(key, ()))


def _continuations(lines: list[Line], parsed: Reading) -> list[tuple[int, int]]:
    """(line, start): a line beginning with '- ' that YAML reads as more text of the point on `start`."""
    doc = parsed.doc
    starts = sorted({pos[0] for pos in list(doc.key_pos.values()) + list(doc.value_pos.values())})
    found = []
    for loc, (line, col) in doc.value_pos.items():
        if not loc or not isinstance(value_at(doc.data, loc), str):
            continue
        if lines[line - 1].text[col - 1: col] in ("\"", "'", "|", ">"):
            continue
        end = next((s for s in starts if s > line), len(lines) + 1)
        for no in range(line + 1, end):
            item = lines[no - 1]
            if item.is_content and item.dash:
                found.append((no, line))
    return sorted(found)


def _hints(file: str, final: Reading, lines: list[Line], examples: dict) -> list[Finding]:
    """A readable file that would look wrong on a slide: empty insats groups, fokusområde numbers without quotes."""
    out = []
    for line, nr in _empty_groups(final):
        out.append(Finding(file, f"gruppen under fokusområde {nr} har inga punkter — skriv minst en punkt "
                                 "under 'punkter:' (en rad som börjar med '- '), eller ta bort gruppen",
                           line=line, example=examples["fokusområde"]))
    groups = final.doc.data.get("insatser") if isinstance(final.doc.data, dict) else None
    for i, group in enumerate(groups if isinstance(groups, list) else []):
        value = group.get("fokusområde") if isinstance(group, dict) else None
        if hasattr(value, "raw"):  # 4.1 without quotes: read as a number (and kept as written)
            line = final.doc.pos(("insatser", i, "fokusområde"))[0]
            fix = {line: lines[line - 1].text.replace(value.raw, f"\"{value.raw}\"", 1)}
            out.append(Finding(
                file, f"fokusområdets nummer {value.raw} står utan citattecken — det fungerar, men skriv det hellre "
                      f"inom citattecken (\"{value.raw}\") som i exemplen: utan citattecken är 4.10 och 4.1 samma "
                      "decimaltal för många program", rule=TIP, line=line, fix=fix, context=fix_context(lines, fix)))
    return out


def _empty_groups(parsed: Reading) -> list[tuple[int, str]]:
    """Insats groups without points: valid, but they would put an empty heading on the slide."""
    out = []
    data = parsed.doc.data if parsed.doc is not None else None
    groups = data.get("insatser") if isinstance(data, dict) else None
    for i, group in enumerate(groups if isinstance(groups, list) else []):
        if isinstance(group, dict) and group.get("punkter", []) == [] and "fokusområde" in group:
            line = parsed.doc.pos(("insatser", i, "punkter"))[0]
            out.append((line, str(getattr(group["fokusområde"], "raw", group["fokusområde"]))))
    return out
