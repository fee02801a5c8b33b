"""Reading a candidate text of an area file the way `vpgen validate` reads it, and how well it reads."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..model import AREA_DIR, OmradeFile
from ..parse import parse_file
from ..problems import Problem
from ..yamlsrc import SourceDoc


@dataclass
class Reading:
    readable: bool
    doc: SourceDoc | None
    content: OmradeFile | None
    problems: list[Problem]
    leaves: int  # texts and numbers in the file: a repair must not swallow one

    @property
    def badness(self) -> tuple:
        """Lower is better: readable first, then fewer problems, then more texts kept."""
        first_error = self.problems[0].line if not self.readable and self.problems else 0
        return (not self.readable, -first_error, len(self.problems), -self.leaves)


class Reader:
    """Parses candidate texts of one area file through parse.parse_file, in a private folder.

    Use it as a context manager: the folder is removed on leaving.
    """

    def __init__(self, name: str):
        self._tmp = tempfile.TemporaryDirectory()
        self.root = Path(self._tmp.name)
        self.path = self.root / AREA_DIR / name
        self.path.parent.mkdir()
        self.cache: dict[str, Reading] = {}

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *_exc) -> None:
        self._tmp.cleanup()

    def __call__(self, text: str) -> Reading:
        if text not in self.cache:
            self.path.write_text(text, encoding="utf-8", newline="\n")
            content, doc, problems = parse_file(self.path, OmradeFile, self.root)
            readable = doc is not None and doc.readable
            self.cache[text] = Reading(readable, doc, content, problems, _count_leaves(doc.data) if readable else 0)
        return self.cache[text]


def _count_leaves(value: object) -> int:
    if isinstance(value, dict):
        return sum(_count_leaves(v) for v in value.values())
    if isinstance(value, list):
        return sum(_count_leaves(v) for v in value)
    return 0 if value is None else 1


def value_at(data: object, loc: tuple) -> object:
    """The value at a key path in the read data, or None when there is none."""
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
