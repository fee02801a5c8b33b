"""Swedish typography for text as the documents show it: one function, `sv_typography`.

Applied at render time by every renderer (deck, Word plan, assignment summary) to what they
write; the content files stay as written. Measuring happens after it, so a no-break space is
measured as part of its word and never becomes a line break.

- a no-break space between a number and its unit or "st" ("4,6 Mnkr", "(57 st)", "16 503 kr/åa",
  "3,1 %", "4 år"), between "Nr" and its number, and inside a digit group ("1 000");
- no-break spaces inside a källa tag ("(Förslag DN 2026)"): the tag is one unit, as `kalla.py`
  parses it;
- no-break spaces in a date ("17 juni", "10 augusti 2025");
- an en dash in a numeric range written with a hyphen ("1–2", "20–64 år", "6,3–6,1 %"), never in
  an ISO date ("2025-09-29") or a compound ("Vp-2026").

Idempotent: running it twice changes nothing more.
"""

from __future__ import annotations

import re

from .kalla import parse_kalla

NBSP = "\u00a0"
EN_DASH = "\u2013"

UNITS = ("Mnkr", "mnkr", "Mkr", "mkr", "tkr", "kr", "%", "st", "år", "timmar", "tim", "Mbit/s", "Gbit/s",
         "procent", "procentenheter", "kWh", "MWh", "GWh", "TWh", "ton", "km", "mil", "dagar", "veckor",
         "månader", "pt", "åa")
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")

_NUMBER = r"\d+(?:[,.]\d+)?"
# A range of two numbers joined by a hyphen; not inside a longer number or an ISO date.
_RANGE = re.compile(rf"(?<![\w,.\-])({_NUMBER})-({_NUMBER})(?!\d|-\d|[,.]\d)")
# A number, spaces, and a unit that is not the start of a longer word ("st" but not "stöd").
_UNIT = re.compile(r"(\d)[ \u00a0]+(" + "|".join(re.escape(u) for u in UNITS) + r")(?![\w])")
_NR = re.compile(r"\b([Nn]r\.?)[ \u00a0]+(?=\d)")
_GROUPS = re.compile(r"(?<![\d,.])\d{1,3}(?:[ \u00a0]\d{3})+(?![\d,.])")
_DATE = re.compile(r"\b(\d{1,2})[ \u00a0]+(" + "|".join(MONTHS) + r")(?:[ \u00a0]+(\d{4}))?\b")
_PAREN = re.compile(r"\(([^()]{2,40})\)")


def _kalla_tag(match: re.Match) -> str:
    inner = match.group(1)
    try:
        parse_kalla(inner)
    except ValueError:
        return match.group(0)
    return "(" + inner.replace(" ", NBSP) + ")"


def _date(match: re.Match) -> str:
    day, month, year = match.groups()
    return f"{day}{NBSP}{month}" + (f"{NBSP}{year}" if year else "")


def sv_typography(text: str) -> str:
    """`text` with Swedish typography (see the module docstring); '' and None-free."""
    if not text or not any(ch.isdigit() or ch == "(" for ch in text):
        return text
    text = _RANGE.sub(rf"\1{EN_DASH}\2", text)
    text = _GROUPS.sub(lambda m: m.group(0).replace(" ", NBSP), text)
    text = _UNIT.sub(rf"\1{NBSP}\2", text)
    text = _NR.sub(rf"\1{NBSP}", text)
    text = _DATE.sub(_date, text)
    if "(" in text:
        text = _PAREN.sub(_kalla_tag, text)
    return text
