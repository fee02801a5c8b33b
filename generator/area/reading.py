"""Reading a candidate text of an area file the way `vpgen validate` reads it, in memory, and what it reads as.

A Reading says, besides the problems: what YAML made of each line (a new point, a new group, a key,
or more text of the line above), the words it read in order, and how many points and groups there
are. For a text YAML cannot read to the end, the part above its first error is read the same way
(`Reading.above`), so a repair of the first error can be judged on everything up to the next one.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from ..model import OmradeFile
from ..parse import parse_text
from ..problems import Problem
from ..yamlsrc import SourceDoc, YamlFloat
from .lines import CONT, ITEM, ITEM_MAP, KEY, Line, LineInfo, analyse, join_lines, split_lines, words

ITEM_SCALAR = "item-scalar"  # a text item of a list inside a group: a point
ITEM_STRAY = "item-stray"  # a text item of a list at the top: where the file has groups, never a point
ITEM_LIST = "item-list"


@dataclass
class Reading:
    text: str
    readable: bool
    doc: SourceDoc | None
    content: OmradeFile | None
    problems: list[Problem]
    above: Reading | None = None  # unreadable text: the lines above the first error, read alone
    _lines: list[Line] | None = field(default=None, repr=False)

    @property
    def lines(self) -> list[Line]:
        if self._lines is None:
            self._lines = split_lines(self.text)
        return self._lines

    @cached_property
    def infos(self) -> dict[int, LineInfo]:
        """What each content line looks like it means, from the text (lines.analyse)."""
        return analyse(self.lines)

    @property
    def first_error(self) -> int:
        """The line of the first syntax error (0 when the text reads, or the error has no line)."""
        return self.problems[0].line if not self.readable and self.problems else 0

    @property
    def read_below(self) -> int:
        """Lines before this one were read: all of them for a readable text, else those of `above`."""
        if self.readable:
            return len(self.lines) + 1
        return len(self.above.lines) + 1 if self.above is not None and self.above.readable else 1

    @cached_property
    def roles(self) -> dict[int, str]:
        """What YAML made of each line that was read: a new group or point, a key; else more text (CONT)."""
        source = self if self.readable else self.above if self.above is not None and self.above.readable else None
        if source is None or source.doc is None:
            return {}
        doc = source.doc
        found: dict[int, tuple[int, str]] = {}
        for loc, (line, col) in doc.value_pos.items():
            if loc and isinstance(loc[-1], int):
                value = value_at(doc.data, loc)
                kind = ITEM_MAP if isinstance(value, dict) else ITEM_LIST if isinstance(value, list) else ITEM_SCALAR
                if kind == ITEM_SCALAR and len(loc) < 3:
                    kind = ITEM_STRAY  # a text right in 'insatser:' or 'utmaningar:', not a point of a group
                if line not in found or col < found[line][0]:
                    found[line] = (col, kind)
        roles = {line: kind for line, (_col, kind) in found.items()}
        for loc, (line, _col) in doc.key_pos.items():
            roles.setdefault(line, KEY)
        for problem in doc.problems:  # a key YAML refused (said twice) is still a key where it stands
            if problem.loc and isinstance(problem.loc[-1], str):
                roles.setdefault(problem.line, KEY)
        return roles

    def role(self, no: int) -> str:
        return self.roles.get(no, CONT)

    @cached_property
    def mismatches(self) -> dict[int, str]:
        """Lines read as something else than they look like (line -> what YAML made of it).

        A '- ' line read as more text of the point above is two points merged; a key read as text
        is a key lost. Only lines that were read count (see read_below).
        """
        below = self.read_below
        return {no: self.role(no) for no, info in self.infos.items()
                if no < below and not matches(info.role, self.role(no))}

    @property
    def dropped(self) -> list[tuple[int, int]]:
        """Line spans YAML read but left out (a key said twice: said as a problem of its own)."""
        source = self if self.readable else self.above
        return source.doc.dropped if source is not None and source.doc is not None else []

    @cached_property
    def words(self) -> list[str] | None:
        """The keys and texts YAML read, word by word in file order (None when nothing was read)."""
        source = self if self.readable else self.above if self.above is not None and self.above.readable else None
        if source is None or source.doc is None:
            return None
        return list(_data_words(source.doc.data))

    @cached_property
    def text_starts(self) -> dict[int, str]:
        """Lines where a text value starts (a point, a rubrik, the område), with that text, when the text reads."""
        if not self.readable or self.doc is None:
            return {}
        out: dict[int, str] = {}
        for loc, (line, _col) in self.doc.value_pos.items():
            value = value_at(self.doc.data, loc)
            if loc and isinstance(value, str):
                out.setdefault(line, value)
        return out

    @cached_property
    def counts(self) -> tuple[int, int] | None:
        """(points, groups): the texts and the groups of keys that are items of a list, wherever they
        stand (a misspelt key does not change them), when the text reads."""
        if not self.readable or self.doc is None:
            return None
        points = groups = 0
        stack = [self.doc.data]
        while stack:
            value = stack.pop()
            if isinstance(value, dict):
                stack += list(value.values())
            elif isinstance(value, list):
                groups += sum(isinstance(item, dict) for item in value)
                points += sum(not isinstance(item, (dict, list)) for item in value)
                stack += value
        return points, groups


def matches(intended: str, actual: str) -> bool:
    """Whether YAML read a line (`actual`) as what it looks like it means (`intended`, lines.analyse)."""
    if intended == ITEM:
        return actual in (ITEM_SCALAR, ITEM_MAP, ITEM_LIST)
    if intended in (ITEM_MAP, ITEM_SCALAR, KEY, CONT):
        return actual == intended
    return True  # ANY


def _data_words(value: object):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from words(str(key))
            yield from _data_words(item)
    elif isinstance(value, list):
        for item in value:
            yield from _data_words(item)
    elif isinstance(value, bool):
        yield "true" if value else "false"
    elif isinstance(value, YamlFloat):
        yield from words(value.raw)
    elif isinstance(value, (datetime.date, int, float, str)):
        yield from words(value.isoformat() if isinstance(value, datetime.date) else str(value))


class Reader:
    """Reads candidate texts of one area file through parse.parse_text, in memory; remembers each."""

    def __init__(self, shown: str):
        self.shown = shown
        self.cache: dict[str, Reading] = {}

    def __call__(self, text: str) -> Reading:
        if text not in self.cache:
            self.cache[text] = self._read(text, top=True)
        return self.cache[text]

    def _read(self, text: str, top: bool) -> Reading:
        content, doc, problems = parse_text(text, OmradeFile, self.shown)
        reading = Reading(text, doc is not None and doc.readable, doc, content, problems)
        if top and not reading.readable:
            # The lines above the first error, or above the error in those (YAML often notices a
            # mistake a line late, so the first cut can still hold it): the longest part that reads.
            lines, cut = text.split("\n"), reading.first_error
            for _attempt in range(4):
                if cut <= 1:
                    break
                above = self._read(join_lines(lines[: cut - 1]), top=False)
                if above.readable:
                    reading.above = above
                    break
                cut = min(cut - 1, above.first_error) if above.first_error else cut - 1
        return reading


def value_at(data: object, loc: tuple) -> object:
    """The value at a key path in the read data, or None when there is none."""
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
