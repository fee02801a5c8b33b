"""An area file as lines, read from the text alone: indentation, point markers, keys, comments, words.

YAML stops at its first syntax error and says little about the lines after it, so the check looks
at the text too: what each line looks like it means (its intended role: a new point, a new group,
a key, or more text of the line above), where a comment starts, and the words a reader sees.
The repairs (repair.py) are judged against this (safety.py): a repair may change how a line reads
only to what the line looks like it means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..messages import loose_key

AREA_KEYS = ("område", "insatser", "utmaningar", "fokusområde", "rubrik", "punkter")

_KEY = re.compile(r"^(?P<key>[^\s#'\"\[\]{}&*!|>%@`,?:-][^:#]*?):(?:[ \t]+(?P<value>.*?))?\s*$")
# A known key followed by its colon, also without the space after it ('rubrik:Matchning').
_LOOSE_KEY = re.compile(r"^(?P<key>\w[\w ]{0,30}?)[ \t]*:(?P<after>.?)")
# 'insatser: []' left in place while the lines below fill the list in
EMPTIED = re.compile(r"^(?P<head>\s*(?:- +)?[^\s#'\"][^:#]*?:)\s*\[\]\s*(?:#.*)?$")
# Bullets people type or paste instead of '- ': Word's bullets and dashes, '*'.
BULLETS = "*•·▪◦‣●○■□➢►–—−"
_BLOCK = re.compile(r"^[|>][-+0-9]*\s*(?:#.*)?$")
_WORD = re.compile(r"\w+")
_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)")

# What a line looks like it means (intended) or what YAML made of it (actual):
ITEM_MAP = "item-map"  # a new group: '- fokusområde: "4.1"'
ITEM = "item"  # a new point: '- Text' (intended: a point or, with ': ' in it, a group)
KEY = "key"  # 'rubrik: Text'
CONT = "cont"  # more text of the line above
ANY = "any"  # 'Ord: mer text' without '- ': a key or more text, the text cannot tell


@dataclass(frozen=True)
class Marker:
    """How a point line begins: kind 'dash' ('- ', right) or a slip: 'tab' ('-' and a tab), 'hard'
    ('-' and a no-break space from Word), 'nospace' ('-Text'), 'bullet' ('•', '*', '–' …); `text` is
    the marker with its spacing."""

    kind: str
    text: str
    char: str  # the mark itself: '-', '•', '*', '–' …


# Spaces Word and web pages put where a space was typed: no-break, thin, em … YAML does not take
# them for spaces.
HARD_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


def marker(body: str) -> Marker | None:
    """The point marker at the start of `body` (a line without its indentation), or None."""
    hard = re.match(f"-[ {HARD_SPACES}]*[{HARD_SPACES}][ {HARD_SPACES}]*", body)
    if hard:
        return Marker("hard", hard.group(), "-")
    if body == "-" or body.startswith("- "):
        spaces = len(body) - len(body[1:].lstrip(" ")) - 1
        tab = re.match(r"-[ \t]*\t[ \t]*", body)
        if tab:
            return Marker("tab", tab.group(), "-")
        return Marker("dash", body[: 1 + spaces], "-")
    tab = re.match(r"-[ \t]*\t[ \t]*", body)
    if tab:
        return Marker("tab", tab.group(), "-")
    if re.match(r"-[^\s\d.,\-]", body):
        return Marker("nospace", "-", "-")
    if body[:1] and body[0] in BULLETS and body[1:2] != body[0]:
        spaced = re.match(r".[ \t]*", body).group()
        if len(spaced) > 1 or (body[1:2] and not body[1].isdigit()):
            return Marker("bullet", spaced, body[0])
    return None


def known_key(text: str) -> tuple[str, str, bool] | None:
    """(key as written, the area key it is, space after the colon) when `text` begins with an area
    key and its colon — also without å/ä/ö or capital ('Fokusomrade:'), or without the space
    ('rubrik:Text'). A word merely like a key ('Utmaning: …' in a point) is not one."""
    match = _LOOSE_KEY.match(text)
    if not match:
        return None
    written = match.group("key").strip()
    meant = next((key for key in AREA_KEYS if loose_key(key) == loose_key(written)), None)
    if meant is None:
        return None
    return written, meant, match.group("after") in ("", " ", "\t")


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
    def marker(self) -> Marker | None:
        return marker(self.text[self.indent:])

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


# ---------------------------------------------------------------- what each line looks like it means

@dataclass(frozen=True)
class LineInfo:
    """A content line as the text shows it: its intended role, its text without a comment, the comment."""

    no: int
    role: str
    content: str  # the line without its comment (what a reader of the file takes as text or keys)
    comment: str | None  # '# …' after text on the line, which YAML drops
    value_col: int | None  # where a plain text value starts on the line (None: a key alone, quotes, block)
    block: bool = False  # a line of a '|' or '>' text: taken as it stands


def close_quote(text: str, start: int, quote: str) -> int | None:
    """Index just after the quote that closes one opened at `start`, or None when the line does not close it."""
    i = start + 1
    while i < len(text):
        ch = text[i]
        if quote == '"' and ch == "\\":
            i += 2
            continue
        if ch == quote:
            if quote == "'" and text[i + 1: i + 2] == "'":
                i += 2
                continue
            return i + 1
        i += 1
    return None


def _comment_at(text: str, start: int) -> int | None:
    """Where a comment begins in plain text from `start`: a '#' at the start or after a space or tab."""
    for i in range(start, len(text)):
        if text[i] == "#" and (i == start or text[i - 1] in " \t"):
            return i
    return None


def analyse(lines: list[Line]) -> dict[int, LineInfo]:
    """Every content line's intended role, text and comment, from the text alone.

    Lines of a block text ('|' or '>') and of a quoted text that goes on over lines are more text.
    """
    out: dict[int, LineInfo] = {}
    block_indent: int | None = None
    quote: str | None = None
    for line in lines:
        text = line.text
        if block_indent is not None:
            if not line.stripped or line.indent > block_indent:
                if line.stripped:
                    out[line.no] = LineInfo(line.no, CONT, text, None, None, block=True)
                continue
            block_indent = None
        if quote is not None:
            # A line that looks like a point or a key of its own means the quote above was never
            # closed (a slip), not that this line belongs to the quoted text.
            if line.is_content and (marker(text[line.indent:]) or known_key(text[line.indent:])):
                quote = None
            else:
                end = close_quote(text, -1, quote)
                if end is None:
                    out[line.no] = LineInfo(line.no, CONT, text, None, None)
                    continue
                quote = None
                at = _comment_at(text, end)
                out[line.no] = LineInfo(line.no, CONT, text[:at] if at is not None else text,
                                        text[at:] if at is not None else None, None)
                continue
        if not line.is_content:
            continue
        start = line.indent
        found = marker(text[start:])
        role = CONT
        if found is not None:
            start += len(found.text)
            start += len(text[start:]) - len(text[start:].lstrip(" \t"))
            role = ITEM
        key = known_key(text[start:])
        if key is not None:
            role = ITEM_MAP if found is not None else KEY
            colon = text.index(":", start)
            start = colon + 1 + len(text[colon + 1:]) - len(text[colon + 1:].lstrip(" \t"))
        elif found is None and _KEY.match(text[start:].rstrip()):
            role = ANY
        value = text[start:]
        value_col: int | None = start
        comment_at = None
        if not value.strip():
            value_col = None
        elif value[0] in "\"'":
            end = close_quote(text, start, value[0])
            if end is None:
                quote = value[0]
            else:
                comment_at = _comment_at(text, end)
            value_col = None
        elif _BLOCK.match(value.strip()):
            block_indent = line.indent
            value_col = None
        else:
            comment_at = _comment_at(text, start)
            if comment_at == start:
                value_col = None
        content = text[:comment_at] if comment_at is not None else text
        comment = text[comment_at:] if comment_at is not None else None
        out[line.no] = LineInfo(line.no, role, content, comment, value_col)
    return out


def words(text: str) -> list[str]:
    """The words of a text as a reader compares them: letters and digits, case ignored."""
    return [w.casefold() for w in _WORD.findall(text)]


def text_words(infos: dict[int, LineInfo], below: int | None = None,
               skip: list[tuple[int, int]] = ()) -> list[str]:
    """The words of the content lines (comments left out) above line `below`, in order, but for the
    line spans in `skip` (a key said twice, which YAML does not read and the reader is told about).

    Escapes inside a double-quoted text count as the character they stand for.
    """
    out: list[str] = []
    for no in sorted(infos):
        if below is not None and no >= below:
            break
        if any(first <= no <= last for first, last in skip):
            continue
        content = infos[no].content
        if "\\" in content and '"' in content:
            content = _ESCAPE.sub(lambda m: _unescape(m.group(1)), content)
        out += words(content)
    return out


def _unescape(code: str) -> str:
    if code[0] in "xuU" and len(code) > 1:
        return chr(int(code[1:], 16))
    return " "
