"""An area file as lines: indentation, '- ', key and value, read from the text alone.

YAML stops at its first syntax error and says little about the lines after it, so the repairs work
on the text: what a line looks like, and which lines could go where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

AREA_KEYS = ("område", "insatser", "utmaningar", "fokusområde", "rubrik", "punkter")

_KEY = re.compile(r"^(?P<key>[^\s#'\"\[\]{}&*!|>%@`,?:-][^:#]*?):(?:[ \t]+(?P<value>.*?))?\s*$")
# 'insatser: []' left in place while the lines below fill the list in
EMPTIED = re.compile(r"^(?P<head>\s*(?:- +)?[^\s#'\"][^:#]*?:)\s*\[\]\s*(?:#.*)?$")


@dataclass(frozen=True)
class Line:
    """One line of the file; `no` counts from 1, as the area chief's editor does."""

    no: int
    text: str

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def is_content(self) -> bool:
        return bool(self.stripped) and not self.stripped.startswith("#")

    @property
    def dash(self) -> bool:
        rest = self.text[self.indent:]
        return rest == "-" or rest.startswith("- ")

    @property
    def body_col(self) -> int:
        """Column (0-based) where the text after '- ' starts, or the indentation."""
        if not self.dash:
            return self.indent
        rest = self.text[self.indent + 1:]
        return self.indent + 1 + len(rest) - len(rest.lstrip(" "))

    @property
    def body(self) -> str:
        return self.text[self.body_col:].rstrip()

    @property
    def key(self) -> str | None:
        match = _KEY.match(self.body)
        return match.group("key").strip() if match else None

    @property
    def value(self) -> str | None:
        match = _KEY.match(self.body)
        return match.group("value") if match else None


def split_lines(text: str) -> list[Line]:
    return [Line(no, line) for no, line in enumerate(text.split("\n"), start=1)]


def join_lines(texts: list[str]) -> str:
    return "\n".join(texts)


def replace_line(lines: list[Line], no: int, new: str) -> str:
    """The text with line `no` replaced by `new`."""
    texts = [item.text for item in lines]
    texts[no - 1] = new
    return join_lines(texts)


def fix_context(lines: list[Line], fix: dict[int, str]) -> dict[int, str]:
    """The content line above the first fixed line, shown with the fix so its alignment can be seen."""
    if not fix:
        return {}
    first = min(fix)
    above = [x for x in lines[: first - 1] if x.is_content]
    return {above[-1].no: above[-1].text} if above else {}
