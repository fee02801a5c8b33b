"""Short correct examples of an area file, shown when the check knows what is wrong but not the fix."""

from __future__ import annotations

import re

from ..messages import did_you_mean
from ..yamlsrc import yaml_scalar
from .lines import AREA_KEYS, Line


def area_examples(fokus: str, namn: str) -> dict[str, tuple[str, ...]]:
    """Per key of the file ('' for the whole file), its example with the area's name and a real fokusområde."""
    return {
        "område": (f"område: {yaml_scalar(namn)}",),
        "insatser": ("insatser:", f"  - fokusområde: \"{fokus}\"", "    punkter:", "      - Första insatsen.",
                     "      - Andra insatsen."),
        "fokusområde": (f"  - fokusområde: \"{fokus}\"", "    punkter:", "      - Första insatsen."),
        "rubrik": (f"  - fokusområde: \"{fokus}\"", "    rubrik: Omställning och förnyelse", "    punkter:",
                   "      - Första insatsen."),
        "punkter": ("    punkter:", "      - Första punkten.", "      - Andra punkten."),
        "utmaningar": ("utmaningar:", "  - rubrik: Kompetensförsörjning", "    punkter:",
                       "      - Svårt att rekrytera till tekniska tjänster."),
        "": (f"område: {yaml_scalar(namn)}", "", "insatser:", f"  - fokusområde: \"{fokus}\"", "    punkter:",
             "      - Första insatsen.", "", "utmaningar:", "  - rubrik: Kompetensförsörjning", "    punkter:",
             "      - Svårt att rekrytera till tekniska tjänster."),
    }


def example_key(lines: list[Line], line: int, path: str) -> str | None:
    """The key whose example fits a problem: the last key of its path, else the key on its line."""
    names = re.findall(r"[^.\[\]]+", path)
    key = next((n for n in reversed(names) if not n.isdigit()), None)
    if key is None and 0 < line <= len(lines):
        key = lines[line - 1].key
    if key is None:
        return None
    return key if key in AREA_KEYS else did_you_mean(key, list(AREA_KEYS))


def fokus_listing(names: dict[str, str]) -> tuple[str, ...]:
    """The plan's fokusområden, one a line: '  "4.1"    Omställning, innovation och attraktionskraft'."""
    if not names:
        return ()
    width = max(len(nr) for nr in names) + 2
    return tuple(f"  {chr(34) + nr + chr(34):<{width}}  {' '.join(name.split())}" for nr, name in names.items())
