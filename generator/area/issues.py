"""What can be wrong in an area file, one Issue per mistake, for the check's rounds (text_check.py).

A file YAML cannot read has one issue: its first syntax error. A readable file has, in line order:
every problem against the format, every line read as something else than it looks like (two points
merged, a key read as text), and what reads but would come out wrong — a stray bullet after '- ',
text after ' #' that YAML drops, personal data, a group without points, a fokusområde number
without quotes. Each issue says what is wrong, which repairs answer it, and how to tell it is gone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..findings import MUST_FIX, TIP
from ..personal_data import personal_data_in, personal_data_message
from ..problems import Problem
from ..sanitize import clean_text
from .examples import example_key, fokus_listing
from .lines import CONT, EMPTIED, ITEM, ITEM_MAP, KEY, Line, marker
from .reading import ITEM_SCALAR, Reading, value_at
from .repair import misread_message, plain_message, quote, repair_message
from .safety import Repair

_NUMBER_KEY = re.compile(r"^\d+(\.\d+)+$")


@dataclass(frozen=True)
class Issue:
    """One mistake: where, what to say when no repair is safe, and what to try."""

    line: int
    key: tuple  # identity, so a mistake said without a repair is not taken up again
    message: str  # said when no safe repair is found
    original: str = ""  # what the repair message builds on (the reader's message)
    rule: str = MUST_FIX
    repairs: tuple[Repair, ...] = ()  # repairs for this very mistake, tried first
    search: bool = True  # also try the small repairs around the line (repair.candidates)
    gone: Callable[[Reading], bool] | None = field(default=None, compare=False)
    describe: Callable[[Repair], str] | None = field(default=None, compare=False)
    example: tuple[str, ...] = ()
    help: tuple[str, ...] = ()


def syntax_issue(reading: Reading, ctx) -> Issue:
    """The first syntax error of a file YAML cannot read."""
    problem = reading.problems[0]
    return Issue(problem.line, ("syntax", problem.line, problem.message), plain_message(problem.message),
                 problem.message, example=ctx.examples.get(example_key(reading.lines, problem.line, problem.path), ()),
                 describe=lambda repair: repair_message(reading.lines, repair, problem.message, ctx.fokus_names))


def readable_issues(reading: Reading, ctx) -> list[Issue]:
    """Every issue of a readable file, in line order (a misread line before a problem on the same line)."""
    found = [(issue, 1) for issue in _problem_issues(reading, ctx)]
    found += [(issue, 0) for issue in _misread_issues(reading, ctx)]
    found += [(issue, 2) for issue in _output_issues(reading, ctx)]
    return [issue for issue, _order in sorted(found, key=lambda item: (item[0].line, item[1]))]


# ---------------------------------------------------------------- problems against the format

def _problem_key(problem: Problem) -> tuple:
    return ("problem", problem.line, problem.path, problem.message)


def _problem_issues(reading: Reading, ctx) -> list[Issue]:
    out = []
    for problem in reading.problems:
        key = _problem_key(problem)
        help_lines: tuple[str, ...] = ()
        if problem.path.endswith("fokusområde") and ctx.fokus_names:
            help_lines = ("Planens fokusområden:",) + fokus_listing(ctx.fokus_names)
        left = _left_from_the_template(reading, problem)  # needs no example: the lines above are one
        message = left or _problem_message(reading, problem)
        example = () if left else ctx.examples.get(
            "" if not problem.path else example_key(reading.lines, problem.line, problem.path), ())
        out.append(Issue(
            problem.line, key, message, problem.message,
            gone=lambda after, key=key: key not in {_problem_key(p) for p in after.problems},
            describe=lambda repair, original=problem.message: repair_message(
                reading.lines, repair, original, ctx.fokus_names),
            example=example, help=help_lines))
    return out


def _problem_message(reading: Reading, problem: Problem) -> str:
    """The reader's message, or a plainer one for an empty 'punkter:' or an empty point."""
    names = re.findall(r"[^.\[\]]+", problem.path)
    loc = tuple(int(n) - 1 if n.isdigit() else n for n in names)
    if names and names[-1] == "punkter" and value_at(reading.doc.data, loc) in (None, []):
        return ("'punkter:' är tom — skriv minst en punkt på en egen rad under, som börjar med '- ' "
                "(eller ta bort hela gruppen)")
    if names and names[-1].isdigit() and 0 < problem.line <= len(reading.lines) \
            and reading.lines[problem.line - 1].stripped == "-" and value_at(reading.doc.data, loc) is None:
        return "punkten är tom (bara '-') — skriv texten efter '- ', eller ta bort raden"
    return plain_message(problem.message)


def _left_from_the_template(reading: Reading, problem: Problem) -> str | None:
    """'insatser: []' left below the lines that fill the list in: said twice, so YAML drops it."""
    line = reading.lines[problem.line - 1] if 0 < problem.line <= len(reading.lines) else None
    emptied = EMPTIED.match(line.text) if line is not None else None
    if not emptied or not any(first == problem.line for first, _last in reading.dropped):
        return None
    key = emptied.group("head").strip().lstrip("- ").rstrip(":")
    return f"'{key}: []' står kvar från mallen, men '{key}:' finns redan ovanför med dina rader — ta bort den här raden"


# ---------------------------------------------------------------- lines read as something else

def _misread_issues(reading: Reading, ctx) -> list[Issue]:
    out = []
    for no, actual in reading.mismatches.items():
        intended = reading.infos[no].role
        message = misread_message(reading.lines, no, intended, actual, reading)
        out.append(Issue(
            no, ("misread", no), message, message,
            gone=lambda after, no=no: no not in after.mismatches,
            describe=lambda repair, no=no, intended=intended, actual=actual: _misread_repaired(
                reading, repair, no, intended, actual, ctx)))
    return out


def _misread_repaired(reading: Reading, repair: Repair, no: int, intended: str, actual: str, ctx) -> str:
    """What a repair of a misread line corrects; a point read into the one above says so."""
    lines = reading.lines
    line = lines[no - 1]
    start = max((n for n in reading.roles if n < no), default=0)
    if actual == CONT and intended in (ITEM, ITEM_MAP) and repair.line == no:
        if repair.kind == "indent":
            new = Line(no, repair.new)
            head = lines[repair.ref - 1]
            where = f"'- ' på rad {repair.ref}" if head.dash and head.indent == new.indent else f"rad {repair.ref}"
            how = "för långt" if line.indent > new.indent else "för lite"
            return (f"punkten är indragen {how} ({line.indent} mellanslag) och läses därför som en fortsättning på "
                    f"texten på rad {start} — den ska stå rakt under {where} ({new.indent} mellanslag)")
        return (repair_message(lines, repair, "", ctx.fokus_names)
                + f" (nu läses raden som en fortsättning av texten på rad {start})")
    return repair_message(lines, repair, misread_message(lines, no, intended, actual, reading), ctx.fokus_names)


# ---------------------------------------------------------------- reads, but would come out wrong

def _output_issues(reading: Reading, ctx) -> list[Issue]:
    return (_stray_markers(reading) + _capital_continuations(reading) + _comments(reading) + _personal_data(reading)
            + _empty_groups(reading, ctx) + _unquoted_numbers(reading))


def _capital_continuation(reading: Reading, no: int) -> Line | None:
    """The point a line is read into although it looks like a point of its own that lost its '- ': it begins
    with a capital letter and the line above ends without any punctuation ('…ungas framtid' / 'Hitta …').
    A text written over lines on purpose ('>-', quotes) is left alone."""
    info = reading.infos.get(no)
    if info is None or info.role != CONT or info.block or reading.role(no) != CONT:
        return None
    text = reading.lines[no - 1].stripped
    above = next((x for x in reversed(reading.lines[: no - 1]) if x.is_content), None)
    start = max((n for n in reading.roles if n < no), default=0)
    if not start or reading.role(start) != ITEM_SCALAR or above is None or not text[:1].isupper():
        return None
    point = reading.lines[start - 1]
    if point.body[:1] in ("\"", "'", "|", ">") or above.text.rstrip()[-1:] in ".,;:!?–-)\"”":
        return None
    return point


def _capital_continuations(reading: Reading) -> list[Issue]:
    out = []
    for no in reading.infos:
        point = _capital_continuation(reading, no)
        if point is None:
            continue
        message = (f"raden börjar med stor bokstav men läses som en fortsättning av punkten på rad {point.no} — "
                   "ska den vara en egen punkt, skriv '- ' först (så här); hör den till punkten ovanför, skriv hela "
                   "punkten på en rad")
        split = Repair(no, " " * point.indent + "- " + reading.lines[no - 1].stripped, "dash", role=ITEM)
        out.append(Issue(no, ("capital", no), message, repairs=(split,), search=False,
                         gone=lambda after, no=no: _capital_continuation(after, no) is None,
                         describe=lambda repair, m=message: m))
    return out


def _stray(reading: Reading, no: int) -> str | None:
    """The bullet a point's text begins with after its '- ' ('- • Text', '- "– Text"'), or None."""
    line = reading.lines[no - 1]
    text = reading.text_starts.get(no)
    if not line.dash or reading.role(no) != ITEM_SCALAR or text is None:
        return None
    found = marker(text.lstrip())
    return found.char if found is not None and found.kind in ("bullet", "dash") else None


def _stray_markers(reading: Reading) -> list[Issue]:
    out = []
    for no in reading.infos:
        char = _stray(reading, no)
        if char is None:
            continue
        line = reading.lines[no - 1]
        body = line.body
        opening = body[0] if body[:1] in ("\"", "'") else ""
        inner = body[len(opening):].lstrip()
        found = marker(inner)
        rest = inner[len(found.text):].lstrip(" \t") if found is not None else inner
        message = (f"punkten börjar med '- {char}' — '- ' räcker; ta bort '{char}', annars syns det på bilden "
                   "(eller blir en lista i listan)")
        repairs = (Repair(no, line.text[: line.body_col] + opening + rest, "stray"),) if found is not None else ()
        out.append(Issue(no, ("stray", no), message, repairs=repairs, search=False,
                         gone=lambda after, no=no: _stray(after, no) is None, describe=lambda repair, m=message: m))
    return out


def _comments(reading: Reading) -> list[Issue]:
    """Text after ' #' on a line of text: YAML takes it as a comment and it never reaches the slide."""
    starts = reading.text_starts
    out = []
    for no, info in reading.infos.items():
        if info.comment is None or info.value_col is None:
            continue
        role = reading.role(no)
        starts_text = no in starts and role in (ITEM_SCALAR, KEY)
        if not starts_text and not (role == CONT and max((n for n in reading.roles if n < no), default=0) in starts):
            continue
        line = reading.lines[no - 1]
        lost = info.comment.strip()
        message = (f"texten efter ' #' läses inte: ' #' gör resten av raden till en kommentar, så '{lost}' kommer "
                   "inte med i presentationen — sätt hela texten inom citattecken (är det en anteckning som inte ska "
                   "synas, flytta den till en egen rad som börjar med #)")
        repairs: tuple[Repair, ...] = ()
        if starts_text and not _continued(reading, no):
            repairs = (Repair(no, line.text[: info.value_col] + quote(line.text[info.value_col:].rstrip()), "comment"),)
        out.append(Issue(no, ("comment", no), message, repairs=repairs, search=False,
                         gone=lambda after, no=no: after.infos.get(no) is None or after.infos[no].comment is None,
                         describe=lambda repair, message=message: message))
    return out


def _continued(reading: Reading, no: int) -> bool:
    """Whether the text starting on line `no` goes on over the next content line."""
    after = next((n for n in sorted(reading.infos) if n > no), None)
    return after is not None and reading.role(after) == CONT


def _personal_data(reading: Reading) -> list[Issue]:
    out = []
    for no, text in sorted(reading.text_starts.items()):
        for found in personal_data_in(clean_text(text)):
            out.append(Issue(no, ("personal", no, found.text), personal_data_message(found), search=False))
    return out


def _empty_groups(reading: Reading, ctx) -> list[Issue]:
    """Insats groups without points: valid, but they would put an empty heading on the slide."""
    out = []
    data = reading.doc.data
    groups = data.get("insatser") if isinstance(data, dict) else None
    for i, group in enumerate(groups if isinstance(groups, list) else []):
        if isinstance(group, dict) and group.get("punkter", []) == [] and "fokusområde" in group:
            line = reading.doc.pos(("insatser", i, "punkter"))[0]
            nr = str(getattr(group["fokusområde"], "raw", group["fokusområde"]))
            out.append(Issue(line, ("empty-group", line), f"gruppen under fokusområde {nr} har inga punkter — skriv "
                             "minst en punkt under 'punkter:' (en rad som börjar med '- '), eller ta bort gruppen",
                             search=False, example=ctx.examples["fokusområde"]))
    return out


def _unquoted_numbers(reading: Reading) -> list[Issue]:
    """4.1 without quotes: read as a number (and kept as written), but 4.10 would be 4.1 to many programs."""
    out = []
    data = reading.doc.data
    groups = data.get("insatser") if isinstance(data, dict) else None
    for i, group in enumerate(groups if isinstance(groups, list) else []):
        value = group.get("fokusområde") if isinstance(group, dict) else None
        if not hasattr(value, "raw") or not _NUMBER_KEY.match(value.raw):
            continue
        line = reading.doc.pos(("insatser", i, "fokusområde"))[0]
        text = reading.lines[line - 1].text
        message = (f"fokusområdets nummer {value.raw} står utan citattecken — det fungerar, men skriv det hellre inom "
                   f"citattecken (\"{value.raw}\") som i exemplen: utan citattecken är 4.10 och 4.1 samma decimaltal "
                   "för många program")
        out.append(Issue(line, ("unquoted", line), message, rule=TIP,
                         repairs=(Repair(line, text.replace(value.raw, f"\"{value.raw}\"", 1), "unquoted"),),
                         search=False, gone=lambda after, line=line: "unquoted" not in _kinds_at(after, line),
                         describe=lambda repair, message=message: message))
    return out


def _kinds_at(reading: Reading, line: int) -> set[str]:
    return {issue.key[0] for issue in _unquoted_numbers(reading) if issue.line == line}
