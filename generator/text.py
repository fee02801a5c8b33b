"""Text clean-up applied to every string from content, and the källa tag grammar."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

# C0 controls except tab/newline/CR (folded to spaces below), DEL and C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Collapse only ASCII whitespace: a no-break space between "16" and "503" is meant.
_SPACE = re.compile("[ \t\n\r]+")
# Characters XML 1.0 cannot carry at all.
_NON_XML = re.compile("[\ufffe\uffff]")


def clean_text(value: str) -> str:
    """One paragraph of safe text: no control characters, no lone surrogates, single spaces.

    Lone surrogates (from a YAML "\\ud800" escape) become U+FFFD; a surrogate pair written
    as two escapes is joined into its character. This is the documented clean-up: whatever
    it returns is written to the documents unchanged.
    """
    value = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    value = _NON_XML.sub("", value)
    value = _CONTROL.sub("", value)
    return _SPACE.sub(" ", value).strip()


Organ = Literal["DN", "FM"]


@dataclass(frozen=True)
class Kalla:
    """Where an item comes from: who decided it, whether it is still a proposal, and when."""

    organ: Organ | None
    forslag: bool
    ar: int | None
    ny_formulering: bool = False

    def __str__(self) -> str:
        if self.ny_formulering:
            return f"Ny målformulering {self.ar}"
        if self.ar is None:
            return f"Från {self.organ}"
        return f"{'Förslag ' if self.forslag else ''}{self.organ} {self.ar}"

    @property
    def is_new(self) -> bool:
        """A proposal for the coming plan, as opposed to something already decided."""
        return self.forslag or self.ny_formulering


KALLA_FORMS = "DN 2025, FM 2026, Förslag DN 2026, Från FM, Ny målformulering 2026"

_KALLA = [
    (re.compile(r"^(?P<organ>DN|FM) ?(?P<ar>\d{4})$", re.I), False, False),
    (re.compile(r"^förslag (?:till )?(?P<organ>DN|FM) ?(?P<ar>\d{4})$", re.I), True, False),
    (re.compile(r"^från (?P<organ>DN|FM)$", re.I), False, False),
    (re.compile(r"^ny målformulering (?P<ar>\d{4})$", re.I), True, True),
]


def parse_kalla(raw: str) -> Kalla:
    """Parse a källa tag; raises ValueError with the accepted forms listed."""
    text = clean_text(raw).strip("()").strip()
    for pattern, forslag, ny in _KALLA:
        match = pattern.match(text)
        if match:
            parts = match.groupdict()
            year = int(parts["ar"]) if parts.get("ar") else None
            if year is not None and not 2000 <= year <= 2100:
                raise ValueError(f"årtalet {year} i källan '{text}' är orimligt — skriv ett årtal som 2026")
            organ = parts["organ"].upper() if parts.get("organ") else None
            return Kalla(organ=organ, forslag=forslag, ar=year, ny_formulering=ny)
    raise ValueError(f"okänd källa '{text}' — skriv en av formerna: {KALLA_FORMS} (med rätt årtal)")
