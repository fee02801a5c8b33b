"""The mistakes in an area file itself, each with its likely repair, so one run finds them all.

The check goes on with the repaired text after every mistake: YAML would otherwise stop at the
first one. Tabs that indent lines are replaced first (the file is read with each tab as 2, 4 …
spaces and the best reading kept). Then, one mistake at a time from the top: while YAML cannot read
the file, its first syntax error; once it can, every problem against the format, every line read
as something else than it looks like (two points merged, a key read as text), and what reads but
would look wrong on a slide or in the plan (issues.py). Each gets the safe repair that reads best
(repair.py, safety.py), or is said plainly without one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..findings import TIP, Finding
from ..model import OmradeFile
from ..parse import parse_file
from ..problems import Problem
from ..yamlsrc import not_text
from .issues import Issue, readable_issues, syntax_issue
from .lines import HARD_SPACES, fix_context, join_lines, split_lines
from .reading import Reader, Reading
from .repair import best_repair, candidates, plain_message, repair_message

MAX_ROUNDS = 60  # one mistake repaired per round; an area file has far fewer

LATIN1_HELP = (
    "Spara om filen som UTF-8: i Anteckningar väljer du Arkiv > Spara som och Kodning: UTF-8;",
    "i andra textredigerare heter valet ofta Encoding eller Teckenkodning.",
)
TAB_MESSAGE = ("raden är indragen med tabbtecken — använd mellanslag i stället "
               "(två per nivå, rakt under raden ovanför)")
HARD_MESSAGE = ("raden är indragen med hårda mellanslag (de kommer ofta med när text klistras in från Word) — "
                "använd vanliga mellanslag, rakt under raden ovanför")
TOO_MANY = ("kontrollen har rättat {n} saker i den här körningen och slutar här — gör rättningarna ovan och kör "
            "kontrollen igen, så fortsätter den med resten")


@dataclass
class TextCheck:
    """What the check found in the file itself."""

    findings: list[Finding]
    text: str  # the file with every repair made
    final: Reading | None  # its reading; None when it still cannot be read
    repaired: bool  # a mistake was repaired in the text (or the file is not UTF-8)
    original: Reading | None = None  # the file as it is (None when it is no text vpgen reads)


@dataclass(frozen=True)
class CheckContext:
    """What the check knows besides the file: how messages name it, examples, the plan's fokusområden."""

    file: str
    examples: dict
    fokus_names: dict[str, str] = field(default_factory=dict)


def check_text(path, reader: Reader, ctx: CheckContext) -> TextCheck:
    """Every mistake in the file itself, each with its likely repair, and the repaired text."""
    file = ctx.file
    raw = path.read_bytes()
    _value, doc, first = parse_file(path, OmradeFile, path.parent.parent)
    if doc is None and not_text(raw):
        # Not a text file as vpgen reads them (too big, zip, RTF, UTF-16, NUL bytes): nothing more can be checked.
        return TextCheck([Finding(file, plain_message(p.message), line=p.line) for p in first], "", None, False)
    text, not_utf8 = _decode(file, raw, first)
    text = original = re.sub("\r\n|\r", "\n", text)
    text, tabbed = _without_tabs(text, reader)

    rounds = _Rounds(reader, ctx, tabbed)
    text, readable = rounds.run(text)
    findings = not_utf8 + rounds.findings
    lines = split_lines(text)
    for no, message in tabbed.items():
        fix = {no: lines[no - 1].text} if readable else {}
        findings.append(Finding(file, message, line=no, fix=fix, context=fix_context(lines, fix)))
    final = reader(text) if readable else None
    # A tip's repair (quotes round a fokusområde number) changes nothing that is read: not "repaired".
    return TextCheck(findings, text, final, bool(not_utf8 or tabbed or rounds.changed), reader(original))


def _decode(file: str, raw: bytes, first: list[Problem]) -> tuple[str, list[Finding]]:
    """The file's text; a file that is not UTF-8 is said once and read as the Windows-1252 it almost always is."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        said = Finding(file, plain_message(first[0].message), line=first[0].line, help=LATIN1_HELP)
        return raw.decode("cp1252", errors="replace"), [said]


_ODD_INDENT = re.compile(f"^[ \t{HARD_SPACES}]*[\t{HARD_SPACES}][ \t{HARD_SPACES}]*")


def _without_tabs(text: str, reader: Reader) -> tuple[str, dict[int, str]]:
    """The text with the tabs and hard spaces that indent lines replaced by the spaces that read best;
    those lines, each with its message."""
    lines = split_lines(text)
    odd = {x.no: (TAB_MESSAGE if "\t" in _ODD_INDENT.match(x.text).group() else HARD_MESSAGE)
           for x in lines if x.stripped and _ODD_INDENT.match(x.text)}
    if not odd:
        return text, odd

    def spaced(width: int) -> str:
        def indent(match: re.Match) -> str:
            return re.sub(f"[{HARD_SPACES}]", " ", match.group().replace("\t", " " * width))
        return join_lines([_ODD_INDENT.sub(indent, x.text) if x.no in odd else x.text for x in lines])

    def badness(reading: Reading) -> tuple:
        return (not reading.readable, -reading.first_error, len(reading.mismatches), len(reading.problems))

    # The round below may still align such a line; the finding then shows the line as it ends up.
    return min((badness(reader(spaced(w))), order, spaced(w)) for order, w in enumerate((2, 4, 8, 1, 3)))[2], odd


@dataclass
class _Rounds:
    """Repairs the text one mistake at a time, saying each one; a tabbed line's alignment is said by its tab."""

    reader: Reader
    ctx: CheckContext
    tabbed: dict[int, str]  # lines indented with tabs or hard spaces, and what to say about each
    findings: list[Finding] = field(default_factory=list)
    handled: set[tuple] = field(default_factory=set)
    changed: bool = False  # a repair of a mistake (not only a tip's) was made
    seen: set[str] = field(default_factory=set)  # every text the rounds have had: never gone back to

    def run(self, text: str) -> tuple[str, bool]:
        """The text with every mistake repaired that can be, and whether it can now be read."""
        for _round in range(MAX_ROUNDS):
            self.seen.add(text)
            now = self.reader(text)
            if not now.readable:
                issue = syntax_issue(now, self.ctx)
                repaired = self._handle(now, issue)
                if repaired is None:
                    if issue.line not in self.tabbed:
                        self.findings.append(self._unrepaired(issue))
                    return text, False
            else:
                open_issues = [i for i in readable_issues(now, self.ctx) if i.key not in self.handled]
                if not open_issues:
                    return text, True
                issue = open_issues[0]
                repaired = self._handle(now, issue)
                if repaired is None:
                    self.handled.add(issue.key)
                    self.findings.append(self._unrepaired(issue))
                    continue
            text = repaired.text
        self.findings.append(Finding(self.ctx.file, TOO_MANY.format(n=len(self.findings))))
        return text, self.reader(text).readable

    def _handle(self, now: Reading, issue: Issue) -> Reading | None:
        """The reading after the best safe repair of `issue`, said as findings; None when none is safe."""
        repairs = list(issue.repairs)
        if issue.search:
            repairs += candidates(now.lines, issue.line, self.ctx.fokus_names)
        found = best_repair(self.reader, now, repairs, issue.gone if now.readable else None,
                            fewer=issue.key[0] in ("problem", "misread"), seen=frozenset(self.seen))
        if found is None:
            return None
        combo, after = found
        lines = now.lines
        self.changed = self.changed or issue.rule != TIP
        for repair in combo:
            if repair.line in self.tabbed and repair.kind == "indent":
                continue  # the tab's own finding shows the line as it ends up
            message = issue.describe(repair) if issue.describe is not None else repair_message(
                lines, repair, issue.original)
            fix = {repair.line: repair.new}
            # The line above as it is once repaired too (a pair of repairs shows each with the other made).
            self.findings.append(Finding(self.ctx.file, message, rule=issue.rule, line=repair.line, fix=fix,
                                         context=fix_context(after.lines, fix)))
        return after

    def _unrepaired(self, issue: Issue) -> Finding:
        """A mistake no safe repair helps with: said as plainly as possible, with an example."""
        return Finding(self.ctx.file, issue.message, rule=issue.rule, line=issue.line, example=issue.example,
                       help=issue.help)
