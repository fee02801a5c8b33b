"""The källa tag: where a målsättning, mål, styrtal or uppdrag comes from, and its grammar.

"(DN 2025)" = decided by the nämnd, "(FM 2026)" = by fullmäktige, "(Förslag DN 2026)" = proposed,
"(Från FM)" = handed down, "(Ny målformulering 2026)" = a new wording. Parsed into organ, förslag
and år, and always written back one way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .sanitize import clean_text

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


# What a källa says about an item against last year's plan (see stance()).
DECIDED = "beslutat"  # DN 2025, Från FM: decided before, so it stood in last year's plan as it is
PROPOSED = "förslag"  # Förslag DN 2026, Ny målformulering 2026: proposed now, so new or reworded
DECIDED_NOW = "nytt beslut"  # FM 2026 in a plan for 2026: decided for the plan year, so new this year


def stance(kalla: Kalla | None, planar: int) -> str | None:
    """What the tag claims relative to the plan year: DECIDED, PROPOSED, DECIDED_NOW, or None (no
    tag, or a year after the plan's, which claims nothing we can check)."""
    if kalla is None:
        return None
    if kalla.is_new:
        return PROPOSED
    if kalla.ar is None or kalla.ar < planar:
        return DECIDED
    return DECIDED_NOW if kalla.ar == planar else None


KALLA_FORMS = "DN 2025, FM 2026, Förslag DN 2026, Från FM, Ny målformulering 2026"

# Spaces may be no-break spaces; the year may follow the organ without a space ("DN2025").
_KALLA = [
    (re.compile(r"^(?P<organ>DN|FM)\s*(?P<ar>\d{4})$", re.I), False, False),
    (re.compile(r"^förslag\s+(?:till\s+)?(?P<organ>DN|FM)\s*(?P<ar>\d{4})$", re.I), True, False),
    (re.compile(r"^från\s+(?P<organ>DN|FM)$", re.I), False, False),
    (re.compile(r"^ny\s+målformulering\s+(?P<ar>\d{4})$", re.I), True, True),
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
