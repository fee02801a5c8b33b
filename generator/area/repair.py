"""Small one-line repairs of an area file, the safe one after which the file reads best, and what it repaired.

YAML stops at its first syntax error, so the check looks for the likely fix itself: it tries small
one-line repairs near the problem — write '- ' for a bullet, a tab or a missing space, add the
space after 'rubrik:', add a missing '- ', align a line with its neighbours or with the text it
continues, quote a text with ': ', correct a misspelt key, a fokusområde's name for its number,
remove the '[]' of an emptied list — applies each in memory, reads the result again, keeps only
those that are safe (safety.py) and, of those, the one after which the file reads best.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable

from ..formatting import shorten
from ..messages import did_you_mean
from .lines import AREA_KEYS, CONT, EMPTIED, ITEM, ITEM_MAP, Line, close_quote, join_lines, known_key, marker
from .reading import ITEM_SCALAR, Reader, Reading
from .safety import Repair, is_safe

_NUMBER = re.compile(r"^[\"']?\s*(\d+(?:\.\d+)+)\s*[\"']?$")
# Repairs that correct the line as written come first; moving a line is the last resort.
_PRIORITY = {"marker": 0, "stray": 0, "close": 0, "typographic": 0, "space": 0, "key": 0, "fokus": 0,
             "emptied": 0, "comment": 0, "unquoted": 0, "cont": 1, "dash": 1, "quote": 3, "indent": 4}


def quote(text: str) -> str:
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


def point_above(lines: list[Line], line: int) -> Line | None:
    """The nearest point ('- ' and text, not a key) above `line`, before any key or group line."""
    for item in reversed(lines[: line - 1]):
        if not item.is_content:
            continue
        if item.dash and item.key is None:
            return item
        if item.key is not None or item.marker is not None:
            return None
    return None


def fokus_number(value: str, names: dict[str, str]) -> str | None:
    """The number of the fokusområde a value names: '4.3', 'Fokusområde 4.3', or its (misspelt) name."""
    text = value.strip().strip("\"'").strip()
    found = re.match(r"^(?:fokusomr[åa]de\s*)?(\d+(?:\.\d+)+)\b", text, re.IGNORECASE)
    if found and found.group(1) in names:
        return found.group(1)
    by_name = {name: nr for nr, name in names.items()}
    meant = did_you_mean(text, list(by_name))
    return by_name[meant] if meant else None


def _marker_repairs(lines: list[Line], target: Line) -> list[Repair]:
    """A bullet, '-' with a tab or without a space written as '- ': where it stands, or as the points above."""
    found = target.marker
    if found is None or found.kind == "dash":
        return []
    rest = target.text[target.indent + len(found.text):].lstrip(" \t")
    cols = [target.indent] + [x.indent for x in reversed(lines[: target.no - 1]) if x.is_content and x.dash]
    if rest[:1] in ("\"", "'") and close_quote(rest, 0, rest[0]) is None:
        rest += rest[0]  # '• "Text' — the quote it opens is closed too, or it would swallow the lines below
    out, seen = [], set()
    for col in cols[:4]:
        if col not in seen:
            seen.add(col)
            out.append(Repair(target.no, " " * col + "- " + rest, "marker"))
    return out


def _space_repair(target: Line) -> list[Repair]:
    """'rubrik:Text' -> 'rubrik: Text' (also after '- ')."""
    start = target.body_col
    key = known_key(target.text[start:])
    if key is None or key[2]:
        return []
    colon = target.text.index(":", start)
    return [Repair(target.no, target.text[: colon + 1] + " " + target.text[colon + 1:].lstrip(" \t"), "space")]


def _fokus_repair(target: Line, names: dict[str, str]) -> list[Repair]:
    """A fokusområde given by its name (or a number with words around it): its number from the plan."""
    key = known_key(target.text[target.body_col:])
    if key is None or key[1] != "fokusområde" or not names:
        return []
    colon = target.text.index(":", target.body_col)
    value = target.text[colon + 1:].split(" #")[0].strip()
    if not value or _NUMBER.match(value) and _NUMBER.match(value).group(1) in names:
        return []
    nr = fokus_number(value, names)
    if nr is None:
        return []
    return [Repair(target.no, target.text[: colon + 1] + f" \"{nr}\"", "fokus", replaces_value=True)]


def _stray_repair(target: Line) -> list[Repair]:
    """'- • Text', '- - Text': the second mark removed (it would show on the slide, or make a list)."""
    if not target.dash:
        return []
    inner = marker(target.body)
    if inner is None:
        return []
    rest = target.body[len(inner.text):].lstrip(" \t")
    return [Repair(target.no, target.text[: target.body_col] + rest, "stray")] if rest else []


def _text_after_quote(body: str) -> bool:
    """'"Utöka arbetet" med mer': a quoted text with more text after its closing quote."""
    end = close_quote(body, 0, body[0])
    return end is not None and bool(body[end:].split(" #")[0].strip())


def _value_start(target: Line) -> int:
    """Where a line's text value begins: after '- ' and, when the line starts with a known key, after
    'key: ' (the spaces after the colon too)."""
    start = target.body_col
    if known_key(target.text[start:]) is not None:
        colon = target.text.index(":", start)
        start = colon + 1 + len(target.text[colon + 1:]) - len(target.text[colon + 1:].lstrip(" "))
    return start


def _typographic_repair(target: Line) -> list[Repair]:
    """'- "Utöka arbetet" med mer': the quotes written as Swedish ” ”, which are text, not YAML's quotes."""
    start = _value_start(target)
    value = target.text[start:]
    if not value or value[0] not in "\"'" or not _text_after_quote(value):
        return []
    end = close_quote(value, 0, value[0])
    inner = value[1: end - 1]
    return [Repair(target.no, target.text[:start] + "”" + inner + "”" + value[end:], "typographic")]


def _close_quote_repair(target: Line) -> list[Repair]:
    """A quote opened on a text that never closes (it would swallow the lines below): closed at the line's end."""
    start = _value_start(target)
    value = target.text[start:].rstrip()
    if not value or value[0] not in "\"'" or close_quote(value, 0, value[0]) is not None:
        return []
    return [Repair(target.no, target.text.rstrip() + value[0], "close")]


def _line_repairs(lines: list[Line], target: Line, names: dict[str, str]) -> list[Repair]:
    """Every repair of one line: its marker, the space after a key, its key, fokusområde, quotes, '- ', indentation."""
    out = _marker_repairs(lines, target) + _space_repair(target) + _fokus_repair(target, names)
    text, indent = target.text, target.indent
    key = target.key
    if key is not None and key not in AREA_KEYS:
        guess = did_you_mean(key, list(AREA_KEYS))
        if guess:
            start = target.body_col
            out.append(Repair(target.no, text[:start] + guess + text[start + len(key):], "key", renames=(key, guess)))
    out += _stray_repair(target) + _close_quote_repair(target) + _typographic_repair(target)
    if target.dash and target.body and target.body[0] not in "\"'":
        # A point read as 'key: value' becomes a text on purpose (a group's worth of keys less, a point more).
        out.append(Repair(target.no, text[: target.body_col] + quote(target.body), "quote", role=ITEM_SCALAR))
    value = target.value
    if key is not None and value and value[0] not in "\"'|>" and (": " in value or value[0] in "&*!%@`{["):
        head = text.rstrip()
        if head.endswith(value):
            out.append(Repair(target.no, head[: -len(value)] + quote(value), "quote"))
    continued = None
    if target.marker is None and target.key is None:
        continued = point_above(lines, target.no)
        if continued is not None and continued.body_col != indent:
            out.append(Repair(target.no, " " * continued.body_col + target.stripped, "cont", continued.no))
    if target.marker is None:
        out += _dash_repairs(lines, target)
    for col, ref in _anchors(lines, target.no):
        if col != indent and not (continued is not None and col == continued.body_col):
            out.append(Repair(target.no, " " * col + text.lstrip(" "), "indent", ref))
    return out


def _group_starts(lines: list[Line], line: int) -> tuple[str, ...]:
    """The keys a group begins with in the list the line stands in: an insats group with its
    fokusområde, an utmaning with its rubrik (or its punkter when it has none)."""
    section = next((x.key for x in reversed(lines[: line - 1]) if x.is_content and x.indent == 0 and x.key), None)
    return ("fokusområde",) if section == "insatser" else ("rubrik", "punkter") if section == "utmaningar" else ()


def _dash_repairs(lines: list[Line], target: Line) -> list[Repair]:
    """'- ' added: where the line stands, two columns back (a new group), or as the points above.

    The line becomes a new point (or group) on purpose: Repair.role says so, and the message too.
    """
    out = []
    body, indent = target.stripped, target.indent
    if target.key is not None and target.key not in _group_starts(lines, target.no):
        return []  # a key inside a group ('rubrik' in insatser) does not begin a new one
    if target.key is not None and indent >= 2:
        out.append(Repair(target.no, " " * (indent - 2) + "- " + body, "dash", role=ITEM_MAP))
    dashes = [indent]  # most often only the '- ' is missing
    for above in reversed(lines[: target.no - 1]):
        if above.is_content and above.dash and above.indent not in dashes:
            dashes.append(above.indent)
        if len(dashes) == 4:
            break
    role = ITEM_MAP if target.key is not None else ITEM
    for col in dashes:
        out.append(Repair(target.no, " " * col + "- " + body, "dash", role=role))
    return out


def candidates(lines: list[Line], around: int, names: dict[str, str], before: int = 2, after: int = 2) -> list[Repair]:
    """The repairs to try for a problem on line `around`, in the order they are preferred."""
    out: list[Repair] = []
    for target in _content_near(lines, around, before, after):
        out += _line_repairs(lines, target, names)
    for above in _content_near(lines, around, 3, 0):
        match = EMPTIED.match(above.text)
        if match:
            out.append(Repair(above.no, match.group("head"), "emptied"))
    # A quote that never closes shows as an error many lines further down, where it happens to end.
    for above in reversed(_content_near(lines, around, 20, 0)[:-3]):
        closing = _close_quote_repair(above)
        if closing:
            out += closing
            break
    return [r for r in out if r.new != lines[r.line - 1].text]


def _priority(lines: list[Line], repair: Repair) -> int:
    """cont before dash for a line that goes on in lower case ('med kommuner.'), dash first otherwise."""
    rank = _PRIORITY.get(repair.kind, 5)
    if repair.kind in ("cont", "dash"):
        first = lines[repair.line - 1].stripped[:1]
        lower = first.islower()
        rank = 1 if (repair.kind == "cont") == lower else 2
    return rank


PAIRS_FROM = 8  # when no single repair will do: pairs of the first this many small corrections


def best_repair(reader: Reader, now: Reading, repairs: Iterable[Repair],
                gone: Callable[[Reading], bool] | None = None, fewer: bool = True,
                seen: frozenset[str] = frozenset()) -> tuple[tuple[Repair, ...], Reading] | None:
    """The safe repair after which the file reads best, and its reading; or None.

    In a file YAML cannot read, a repair must make it readable or move the first syntax error further
    down (a file can have several). In a readable file it must make `gone` true (the mistake it is for
    is gone) and leave fewer problems and misread lines than before (`fewer`; as many for what reads
    right but would come out wrong) — a repair that trades one problem for another is none. A text in
    `seen` (the check has been there) is never gone back to. Always: safety.is_safe.

    Two slips on neighbouring lines ('-Internt' above '- "För hela …' whose quote never closes) can
    each keep the other's repair from reading right; then two small corrections of lines as written
    are tried together, each judged safe on the result.
    """
    repairs = list(repairs)
    found = _best(reader, now, [(repair,) for repair in repairs], gone, fewer, seen)
    if found is None:
        simple = [r for r in repairs if _PRIORITY.get(r.kind, 5) <= 1][:PAIRS_FROM]
        pairs = [(a, b) for i, a in enumerate(simple) for b in simple[i + 1:] if a.line != b.line]
        found = _best(reader, now, pairs, gone, fewer, seen)
    return found


def _best(reader: Reader, now: Reading, combos: list[tuple[Repair, ...]], gone: Callable[[Reading], bool] | None,
          fewer: bool, seen: frozenset[str]) -> tuple[tuple[Repair, ...], Reading] | None:
    best = None
    lines = now.lines
    allowed = len(now.problems) + len(now.mismatches) - (1 if fewer else 0)
    for order, combo in enumerate(combos):
        texts = [item.text for item in lines]
        for repair in combo:
            texts[repair.line - 1] = repair.new
        text = join_lines(texts)
        if text in seen:
            continue
        after = reader(text)
        if now.readable:
            if not after.readable or (gone is not None and not gone(after)):
                continue
            if len(after.problems) + len(after.mismatches) > allowed:
                continue
        elif not after.readable and (not after.problems or after.first_error <= now.first_error):
            continue
        if not all(is_safe(now, after, repair) for repair in combo):
            continue
        rank = sum(_priority(lines, repair) for repair in combo)
        if after.readable:
            score = (0, len(after.mismatches), len(after.problems), rank, order)
        else:
            score = (1, -after.first_error, len(after.mismatches), rank, order)
        if best is None or score < best[0]:
            best = (score, tuple(sorted(combo, key=lambda r: r.line)), after)
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


def _marker_message(line: Line) -> str:
    found = line.marker
    if found.kind == "tab":
        return "efter '-' står ett tabbtecken — skriv ett vanligt mellanslag efter '-' ('- ' och sedan texten)"
    if found.kind == "hard":
        return ("efter '-' står ett hårt mellanslag (det kommer ofta med när text klistras in från Word) — skriv "
                "ett vanligt mellanslag efter '-'")
    if found.kind == "nospace":
        return "efter '-' saknas ett mellanslag — skriv '- ' (bindestreck och mellanslag) före texten"
    if found.char in "–—−":
        return (f"punkten börjar med tankstrecket '{found.char}', inte med bindestrecket '-' (de är lätta att "
                f"blanda ihop) — skriv '- ' (bindestreck och mellanslag) i stället för '{found.char}'")
    return (f"punkten börjar med '{found.char}' — en punkt börjar med '- ' (bindestreck och mellanslag); "
            f"skriv '- ' i stället för '{found.char}'")


def repair_message(lines: list[Line], repair: Repair, original: str, names: dict[str, str] | None = None) -> str:
    """What the repair corrects, in plain Swedish; `original` is what was found wrong (the reader's
    message, or the check's own when the line was misread); `names` the plan's fokusområden."""
    line = lines[repair.line - 1]
    new = Line(line.no, repair.new)
    if repair.kind == "fokus":
        colon = line.text.index(":", line.body_col)
        written = line.text[colon + 1:].strip().strip("\"'")
        nr = repair.new[colon + 1:].strip().strip('"')
        return (f"fokusområdet skrivs med sitt nummer i planen — '{written}' är fokusområde {nr} "
                f"{(names or {}).get(nr, '')}: skriv \"{nr}\"").replace(" :", ":")
    if repair.kind == "marker":
        message = _marker_message(line)
        if new.indent != line.indent:
            message += f", och rada upp den med punkterna ovanför ({new.indent} mellanslag)"
        if repair.new.rstrip()[-1:] in ("\"", "'") and line.text.rstrip()[-1:] != repair.new.rstrip()[-1:]:
            message += "; citattecknet i början av texten stängs aldrig — sätt ett likadant sist på raden"
        return message
    if repair.kind == "stray":
        inner = marker(line.body)
        return (f"punkten börjar med '- {inner.char}' — '- ' räcker; ta bort '{inner.char}', annars syns det på "
                "bilden (eller blir en lista i listan)")
    if repair.kind == "close":
        return ("ett citattecken öppnas men stängs aldrig, så raderna under läses som en del av texten — sätt ett "
                "likadant citattecken sist på raden")
    if repair.kind == "space":
        key = known_key(line.text[line.body_col:])
        return f"efter '{key[0]}:' saknas ett mellanslag — skriv '{shorten(new.text[new.body_col:].strip(), 60)}'"
    if repair.kind == "key":
        return plain_message(original) if "okänd nyckel" in original else (
            f"nyckeln '{repair.renames[0]}' är felstavad — skriv '{repair.renames[1]}'")
    if repair.kind == "cont":
        return (f"raden fortsätter texten i punkten på rad {repair.ref} men står längre till vänster än texten — "
                f"dra in den så att den står rakt under texten ({new.indent} mellanslag). Ska raden vara en egen "
                "punkt, skriv '- ' först i stället")
    if repair.kind == "dash":
        if line.key is not None:
            return (f"en ny grupp börjar här, men raden saknar '- ' — skriv '- ' före '{line.key}:' "
                    "(utan '- ' räknas raden till gruppen ovanför)")
        message = "punkten saknar '- ' i början — med '- ' blir raden en egen punkt"
        above = point_above(lines, line.no)
        if above is not None:
            message += (f". Hör raden i stället till punkten på rad {above.no}, dra in den så att den står rakt "
                        f"under texten där ({above.body_col} mellanslag)")
        return message
    if repair.kind == "indent":
        want = new.indent
        how = "för lite" if line.indent < want else "för långt"
        return (f"{_who(line)} är indragen {how} ({line.indent} mellanslag) — den ska stå rakt under "
                f"{_under(lines, repair.ref, want)} ({want} mellanslag)")
    if repair.kind == "emptied":
        key = EMPTIED.match(line.text).group("head").strip().lstrip("- ").rstrip(":")
        return f"'{key}: []' betyder en tom lista, men raderna under fyller i listan — ta bort [] efter '{key}:'"
    if repair.kind == "typographic":
        return ("texten börjar med ett citattecken, och då läses den bara fram till nästa citattecken — skriv "
                "citattecknen som ” ” (svenska citattecken), så blir de en del av texten")
    if repair.kind == "quote" and original.startswith("YAML-fel") and ": " in line.text:
        return "texten innehåller ett kolon följt av mellanslag (': ') — sätt hela texten inom citattecken"
    return plain_message(original)


def misread_message(lines: list[Line], no: int, intended: str, actual: str, reading: Reading) -> str:
    """A line YAML reads as something else than it looks like, said plainly (no repair known)."""
    line = lines[no - 1]
    start = max((n for n in reading.roles if n < no), default=0)
    if actual == CONT and intended in (ITEM, ITEM_MAP):
        return (f"raden ser ut som en ny punkt men läses som en fortsättning av texten på rad {start} — "
                "börja den med '- ' och rada upp den med punkterna ovanför")
    if intended == ITEM_MAP and actual == ITEM_SCALAR:
        key = known_key(line.text[line.body_col:])
        return (f"raden ser ut att börja en ny grupp med '{key[0]}:' men läses som en text — skriv ett mellanslag "
                f"efter kolonet ('{key[0]}: …')")
    if actual == CONT:
        return (f"raden läses som en fortsättning av texten på rad {start}, inte som en egen rad — kontrollera "
                "indragningen och kolonet")
    return "raden läses inte som den ser ut — kontrollera indragningen, '- ' i början och kolonet"
