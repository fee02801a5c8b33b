"""Whether a repair is safe to suggest: applied in memory and read again, it keeps what the file says.

One rule for every repair, whatever slip it answers (the slips people make are more varied than any
list). The repaired text, read as `vpgen validate` reads it, must

1. keep every word of the line it changes, in order, as text — only the marks the repair removes on
   purpose (a stray '•', a tab) may go, no word may become a comment, and only a key it corrects or
   a value it replaces on purpose may change (Repair.renames, Repair.replaces_value);
2. read every word its text shows (comments aside), in order: nothing swallowed, nothing dropped;
3. read each line as what the line looks like it means (lines.analyse): a '- ' line as a new point,
   a key as a key, a wrapped line as more text of the point above — so no two points merge, no
   point splits and no key turns into text. The changed line may become something else only when
   that is the repair's purpose (Repair.role: '- ' added makes a new point, and the message says so);
   a line that already read wrongly may stay so (it is the next mistake), and a line first read
   after the repair may read wrongly only when it lies outside what the repair can move;
4. keep the number of points and groups, unless that is the repair's purpose (or the text read
   wrongly before it, which rule 3 judges line by line).

For a text that still cannot be read to the end (a file with several syntax errors), 2 and 3 apply
to the part above its first error, and the repaired line must be in that part.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lines import Line, text_words, words
from .reading import Reading, matches


@dataclass(frozen=True)
class Repair:
    """One line of the text replaced (repair.py makes them, this module judges them)."""

    line: int
    new: str
    kind: str  # marker, stray, space, key, fokus, emptied, cont, dash, quote, comment, unquoted, indent
    ref: int = 0  # the line the repair aligns with, or whose text the line continues
    role: str | None = None  # what the line becomes on purpose (a new point or group), when that changes
    renames: tuple[str, str] | None = None  # a misspelt key corrected: (as written, right)
    replaces_value: bool = False  # the value is replaced on purpose (a fokusområde's name by its number)


def changed_words_kept(before: Reading, after: Reading, repair: Repair) -> bool:
    """Rule 1: the changed line keeps the words of its text (a comment's words do not count, unless the
    repair makes the comment text on purpose), but for a key corrected or a value replaced on purpose."""
    old_info, new_info = before.infos.get(repair.line), after.infos.get(repair.line)
    old = before.lines[repair.line - 1].text if repair.kind == "comment" else old_info.content if old_info else ""
    new = new_info.content if new_info else ""
    if repair.renames is not None:
        wrong, right = repair.renames
        old = old.replace(wrong, right, 1)
    if repair.replaces_value:
        return words(old.split(":", 1)[0]) == words(new.split(":", 1)[0])
    return words(old) == words(new)


def reads_its_words(after: Reading) -> bool:
    """Rule 2: what YAML read is, word for word, what the text shows (above the first error, if any)."""
    read = after.words
    if read is None:
        return True  # nothing read at all: nothing to compare (the repair is judged by rule 3 and readability)
    return text_words(after.infos, below=after.read_below, skip=after.dropped) == read


def _window(lines: list[Line], repair: Repair) -> set[int]:
    """The lines a change of indentation on the repaired line can move: it, the lines below it that are
    indented further, and the first line after them."""
    line = lines[repair.line - 1]
    new_indent = len(repair.new) - len(repair.new.lstrip(" "))
    floor = min(line.indent, new_indent)
    out = {repair.line}
    for item in lines[repair.line:]:
        if not item.is_content:
            continue
        out.add(item.no)
        if item.indent <= floor:
            break
    return out


def lines_read_as_they_look(before: Reading, after: Reading, repair: Repair) -> bool:
    """Rule 3 (see the module docstring)."""
    intended = before.infos.get(repair.line)
    if intended is not None and repair.line < after.read_below:
        actual = after.role(repair.line)
        if not matches(intended.role, actual) and not (repair.role is not None and matches(repair.role, actual)):
            return False
    window = _window(before.lines, repair)
    for no in after.mismatches:
        if no == repair.line:
            continue
        if no < before.read_below:
            if no not in before.mismatches:
                return False  # read rightly before the repair, wrongly after it
        elif no in window:
            return False
    return True


def counts_kept(before: Reading, after: Reading, repair: Repair) -> bool:
    """Rule 4: as many points and groups as before, unless the repair adds one on purpose — or the text
    before it was misread (two points merged): then rule 3 has judged the count against the text."""
    if before.counts is None or after.counts is None or repair.role is not None or before.mismatches:
        return True
    return before.counts == after.counts


def is_safe(before: Reading, after: Reading, repair: Repair) -> bool:
    """Every rule of the module docstring, for `repair` taking the text of `before` to that of `after`.

    The repaired line itself must be read (above the first error left): a repair that cannot be
    judged is not suggested."""
    if repair.line >= after.read_below:
        return False
    return (changed_words_kept(before, after, repair) and reads_its_words(after)
            and lines_read_as_they_look(before, after, repair) and counts_kept(before, after, repair))
