"""Small one-line repairs of an area file, the one after which the file reads best, and what it repaired.

YAML stops at its first syntax error, so the check looks for the likely fix itself: it tries small
one-line repairs near the problem (add the missing '- ', align the line with its neighbours, quote
a text with ': ', correct a misspelt key, remove the '[]' of an emptied list) and keeps the one
after which the file reads best.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..messages import did_you_mean
from .lines import AREA_KEYS, EMPTIED, Line, join_lines, replace_line
from .reading import Reader, Reading


@dataclass(frozen=True)
class Repair:
    line: int
    new: str
    kind: str  # dash, indent, quote, key, emptied
    ref: int = 0  # the line the repair aligns with (indent)


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _content_near(lines: list[Line], line: int, before: int, after: int) -> list[Line]:
    idx = [i for i, item in enumerate(lines) if item.is_content]
    at = [i for i in idx if lines[i].no <= line]
    nearest = at[-1] if at else (idx[0] if idx else 0)
    pos = idx.index(nearest) if nearest in idx else 0
    return [lines[i] for i in idx[max(0, pos - before): pos + after + 1]]


def _anchors(lines: list[Line], line: int, back: int = 10) -> list[tuple[int, int]]:
    """(column, line) a line could be aligned with: the indentation and the text after '- ' of the lines above."""
    seen: dict[int, int] = {}
    for item in reversed([x for x in lines[: line - 1] if x.is_content][-back:]):
        for col in (item.indent, item.body_col):
            seen.setdefault(col, item.no)
    return list(seen.items())


def _line_repairs(lines: list[Line], target: Line) -> list[Repair]:
    """Every repair of one line: its key, quotes, a missing '- ', its indentation."""
    out: list[Repair] = []
    text, indent = target.text, target.indent
    key = target.key
    if key is not None and key not in AREA_KEYS:
        guess = did_you_mean(key, list(AREA_KEYS))
        if guess:
            start = target.body_col
            out.append(Repair(target.no, text[:start] + guess + text[start + len(key):], "key"))
    if target.dash and target.body and target.body[0] not in "\"'":
        out.append(Repair(target.no, text[: target.body_col] + _quote(target.body), "quote"))
    value = target.value
    if key is not None and value and value[0] not in "\"'|>" and (": " in value or value[0] in "&*!%@`{["):
        head = text.rstrip()
        if head.endswith(value):
            out.append(Repair(target.no, head[: -len(value)] + _quote(value), "quote"))
    if not target.dash:
        out += _dash_repairs(lines, target)
    for col, ref in _anchors(lines, target.no):
        if col != indent:
            out.append(Repair(target.no, " " * col + text.lstrip(" "), "indent", ref))
    return out


def _dash_repairs(lines: list[Line], target: Line) -> list[Repair]:
    """'- ' added: where the line stands, two columns back (a new group), or as the points above."""
    out = []
    body, indent = target.stripped, target.indent
    if target.key is not None and indent >= 2:
        out.append(Repair(target.no, " " * (indent - 2) + "- " + body, "dash"))
    dashes = [indent]  # most often only the '- ' is missing
    for above in reversed(lines[: target.no - 1]):
        if above.is_content and above.dash and above.indent not in dashes:
            dashes.append(above.indent)
        if len(dashes) == 4:
            break
    for col in dashes:
        out.append(Repair(target.no, " " * col + "- " + body, "dash"))
    return out


def candidates(lines: list[Line], around: int, before: int = 2, after: int = 2) -> list[Repair]:
    """The repairs to try for a problem on line `around`, in the order they are preferred."""
    out: list[Repair] = []
    for target in _content_near(lines, around, before, after):
        out += _line_repairs(lines, target)
    for above in _content_near(lines, around, 3, 0):
        match = EMPTIED.match(above.text)
        if match:
            out.append(Repair(above.no, match.group("head"), "emptied"))
    return [r for r in out if r.new != lines[r.line - 1].text]


def best_repair(lines: list[Line], reader: Reader, now: Reading, around: int,
                gone: tuple | None = None) -> tuple[Repair, str] | None:
    """The repair after which the file reads best, and the repaired text; or None.

    In a file YAML cannot read, a repair must make it readable or move the first syntax error further
    down (a file can have several). In a readable file it must remove the problem `gone`, leave fewer
    problems, and keep every text (aligning a line under the wrong point would merge two points).
    """
    best = None
    first_error = now.problems[0].line if not now.readable and now.problems else 0
    for order, repair in enumerate(candidates(lines, around)):
        text = replace_line(lines, repair.line, repair.new)
        trial = reader(text)
        if not trial.readable:
            if now.readable or not trial.problems or trial.problems[0].line <= first_error:
                continue
            # Several repairs may move the error equally far; the one that keeps more texts apart
            # above the next error is the likely one.
            stop = trial.problems[0].line
            above = reader(join_lines(text.split("\n")[: stop - 1]))
            score = (1, -stop, -above.leaves if above.readable else 0, order)
        else:
            if now.readable:
                keys = {(p.line, p.path, p.message) for p in trial.problems}
                if gone in keys or len(trial.problems) >= len(now.problems) or trial.leaves < now.leaves:
                    continue
            score = (0, len(trial.problems), -trial.leaves, order)
        if best is None or score < best[0]:
            best = (score, repair, text)
    return (best[1], best[2]) if best else None


# ---------------------------------------------------------------- describing a repair

def plain_message(message: str) -> str:
    """A reader's message without its 'YAML-fel: ' prefix: the area chief is not told about YAML."""
    return message.removeprefix("YAML-fel: ")


def _who(line: Line) -> str:
    return "punkten" if line.dash and line.key is None else "raden"


def _under(lines: list[Line], ref: int, col: int) -> str:
    item = lines[ref - 1]
    if item.dash and item.indent == col:
        return f"'- ' på rad {ref}"
    key = item.key
    if key and item.body_col == col:
        return f"'{key}' på rad {ref}"
    return f"raden {ref}"


def repair_message(lines: list[Line], repair: Repair, original: str) -> str:
    """What the repair corrected, in plain Swedish; `original` is the reader's message for the problem."""
    line = lines[repair.line - 1]
    if repair.kind == "dash":
        if line.key is not None:
            return (f"en ny grupp börjar här, men raden saknar '- ' — skriv '- ' före '{line.key}:' "
                    "(utan '- ' räknas raden till gruppen ovanför)")
        return "punkten saknar '- ' i början — varje punkt står på en egen rad som börjar med '- '"
    if repair.kind == "indent":
        want = len(repair.new) - len(repair.new.lstrip(" "))
        how = "för lite" if line.indent < want else "för långt"
        return (f"{_who(line)} är indragen {how} ({line.indent} mellanslag) — den ska stå rakt under "
                f"{_under(lines, repair.ref, want)} ({want} mellanslag)")
    if repair.kind == "emptied":
        key = EMPTIED.match(line.text).group("head").strip().lstrip("- ").rstrip(":")
        return (f"'{key}: []' betyder en tom lista, men raderna under fyller i listan — ta bort [] efter '{key}:'")
    if repair.kind == "quote" and original.startswith("YAML-fel"):
        return "texten innehåller ett kolon följt av mellanslag (': ') — sätt hela texten inom citattecken"
    return plain_message(original)
