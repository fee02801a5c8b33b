"""What vpgen read in an area file, said back to the area chief, so a merged or split point shows at once.

Per insats group its fokusområde (number and name from the plan) and its points, per utmaning its
heading and points, each point shortened to one line with the line it starts on.
"""

from __future__ import annotations

from ..formatting import shorten
from ..messages import plural
from ..model import OmradeFile
from ..yamlsrc import SourceDoc

POINT_WIDTH = 78  # characters of a point shown; the line number and indentation come before it


def _point(doc: SourceDoc, loc: tuple, text: str) -> str:
    line = doc.pos(loc)[0]
    return f"      rad {line:<4} {shorten(text, POINT_WIDTH, collapse=True)}"


def echo_lines(content: OmradeFile, doc: SourceDoc, fokus_names: dict[str, str] | None, repaired: bool) -> list[str]:
    """The area as vpgen reads it, one line per group, heading and point (`fokus_names` None: the plan
    could not be read, so the fokusområden are shown by number only)."""
    out = ["Så här läser vpgen filen" + (" (med rättningarna ovan):" if repaired else ":")]
    out.append(f"  Insatser: {plural(content.antal_insatser, 'punkt', 'punkter')} i "
               f"{plural(len(content.insatser), 'grupp', 'grupper')}")
    for gi, group in enumerate(content.insatser):
        name = fokus_names.get(group.fokusomrade) if fokus_names is not None else None
        label = f"    Fokusområde {group.fokusomrade}"
        if fokus_names is not None:
            label += f" {name}" if name else " (finns inte i planen)"
        if group.rubrik and group.rubrik != name:
            label += f" — egen rubrik: {shorten(group.rubrik, 50, collapse=True)}"
        out.append(label)
        out += [_point(doc, ("insatser", gi, "punkter", pi), text) for pi, text in enumerate(group.punkter)]
        if not group.punkter:
            out.append("      (inga punkter)")
    out.append(f"  Utmaningar: {len(content.utmaningar)}")
    for ui, utmaning in enumerate(content.utmaningar):
        out.append(f"    {shorten(utmaning.rubrik, 70, collapse=True)}" if utmaning.rubrik else "    (utan rubrik)")
        out += [_point(doc, ("utmaningar", ui, "punkter", pi), text) for pi, text in enumerate(utmaning.punkter)]
    return out
