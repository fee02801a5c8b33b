"""One finding: what a check tells the user about a file it looked at (Swedish, actionable).

Two checks produce findings: the review of a finished document (`vpgen granska`: where in the
document, which rule) and the area chief's check of an area file (`vpgen kontroll`: which line,
whether it must be fixed, and the corrected lines). Content validation has its own `Problem`
(problems.py): a position in a content file and a key path, printed `fil:rad:kolumn`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MUST_FIX = "fel"  # area check kinds: must be fixed …
SHORT = "saknas"  # … short of what the anvisningar ask …
TIP = "tips"  # … or fine as it is, a hint


@dataclass(frozen=True)
class Finding:
    """One thing to tell the user: where, which rule or kind, what is wrong and what to do."""

    file: str
    message: str
    rule: str = MUST_FIX  # the review's rule id ('contrast-low'), or the area check's kind
    location: str = ""  # in a document: 'bild 3', 'stycke 12', 'presentationen'
    shape: str = ""  # the shape's name on a slide
    line: int = 0  # in a text file: the line (0: the file as a whole)
    fix: dict[int, str] = field(default_factory=dict, compare=False)  # line -> the corrected line
    context: dict[int, str] = field(default_factory=dict, compare=False)  # unchanged lines around the fix
    example: tuple[str, ...] = ()  # a short correct example when no fix is known
    help: tuple[str, ...] = ()  # further plain help lines

    @property
    def fails(self) -> bool:
        """A tip is not a failure; everything else is."""
        return self.rule != TIP

    def format(self) -> str:
        """'fil: bild 3: ”Rubrik 1”: meddelande [regel]' (the review's one-line form)."""
        parts = [self.file, self.location] + ([f"”{self.shape}”"] if self.shape else [])
        return f"{': '.join(parts)}: {self.message} [{self.rule}]"

    def as_dict(self) -> dict:
        """The review's JSON form."""
        return {"file": self.file, "location": self.location, "shape": self.shape, "rule": self.rule,
                "message": self.message}
