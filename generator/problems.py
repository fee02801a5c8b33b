"""Problems found in content: one shape for every error and warning vpgen reports."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

# Control characters and lone surrogates from content must not reach the terminal as they are
# (an ESC could recolour it, a surrogate cannot be printed at all): they are shown as \x1b, \ud800.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _visible(text: str) -> str:
    return _INVISIBLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


class Severity(str, Enum):
    ERROR = "fel"
    WARNING = "varning"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, printed as `fil:rad:kolumn: nivå: var: vad som är fel — vad som förväntas`."""

    file: str
    line: int
    column: int
    path: str
    message: str
    severity: Severity = field(default=Severity.ERROR, compare=False)

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        key = f" {self.path}:" if self.path else ""
        return _visible(f"{where}: {self.severity.value}:{key} {self.message}")

    def plain(self) -> str:
        """'content/plan.yaml, rad 40: tidplan nr 4, datum: …' — for readers who do not read key paths."""
        where = f"{self.file}, rad {self.line}" if self.line else self.file
        key = f" {plain_key_path(self.path)}:" if self.path else ""
        return _visible(f"{where}:{key} {self.message}")


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Errors first, then warnings; each group in file and line order."""
    return sorted(problems, key=lambda p: (p.severity is not Severity.ERROR, p))


class UserError(Exception):
    """A failure the user can act on; its message is Swedish and complete (file, what to do)."""


class LayoutError(UserError):
    """A layout, template or outline the build cannot use; the message is Swedish and names the file."""


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sort_problems(problems)
        super().__init__("\n".join(p.format() for p in self.problems))


def display_path(path: Path, root: Path | None) -> str:
    """Path as the user should read it: relative to the content folder's parent when possible."""
    if root is not None:
        # As the user sees it, without following links: a link that leaves the folder (or loops)
        # is named where it stands, not where it points.
        try:
            return str(Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(root)).parent))
        except ValueError:
            pass
        try:
            return str(path.resolve().relative_to(root.resolve().parent))
        except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python 3.11)
            pass
    return str(path)


def plain_key_path(path: str) -> str:
    """'tidplan[4].datum' -> 'tidplan nr 4, datum' (what format_key_path writes, said in words)."""
    return re.sub(r"\[(\d+)\]", r" nr \1", path).replace(".", ", ")


def format_key_path(parts: tuple) -> str:
    """('styrtal', 0, 'text') -> 'styrtal[1].text' (1-based, as a reader counts)."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out
