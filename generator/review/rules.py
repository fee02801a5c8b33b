"""What the slide and the Word review share: the language wanted, when alt text counts, and the
messages both give."""

from __future__ import annotations

import math
import re

from ..formatting import shorten, sv_number
from ..ooxml import LANG, is_decorative
from .colour import RGB, hexstr

QUOTE = 40  # characters of a text quoted in a message
FILENAME_ALT = re.compile(r"^[^\s/\\]+\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|webp)$", re.IGNORECASE)


def is_swedish(lang: str) -> bool:
    return lang.lower() == LANG.lower()


def count(n: int, noun: str) -> str:
    """'Ett textavsnitt' / '3 textavsnitt' at the start of a sentence."""
    return f"{n} {noun}" if n != 1 else f"Ett {noun}"


def alt_problem(cnvpr) -> str | None:
    """None when the alt text of a cNvPr/docPr is fine (or the shape is decorative); otherwise
    'missing' or 'filename'."""
    if cnvpr is None or is_decorative(cnvpr):
        return None
    descr = (cnvpr.get("descr") or "").strip()
    if not descr:
        return "missing"
    if FILENAME_ALT.match(descr):
        return "filename"
    return None


def alt_message(what: str, problem: str, descr: str | None) -> str:
    """The alt-text-missing message for 'Bilden', 'Diagrammet' … with `alt_problem`'s answer."""
    if problem == "missing":
        return (f"{what} saknar alternativtext. Beskriv vad den visar (Alternativtext), eller markera den som "
                "dekorativ om den inte bär information.")
    return (f"{what} har ett filnamn som alternativtext (”{descr}”). Beskriv vad den visar, eller markera den "
            "som dekorativ.")


def contrast_message(ratio: float, needed: float, fg: RGB, bg: RGB, text: str) -> str:
    large = " (stor text)" if needed < 4.5 else ""
    shown = math.floor(ratio * 10) / 10  # never round up to the limit: 2.97 is not "3:1"
    have, want = (sv_number(v, 1, plain=True, trim=True) for v in (shown, needed))
    return (f"Kontrasten mellan texten och bakgrunden är {have}:1 ({hexstr(fg)} på {hexstr(bg)}), "
            f"t.ex. ”{shorten(text, QUOTE, collapse=True)}”; minst {want}:1 krävs{large}. Välj en mörkare text "
            "eller en ljusare bakgrund (eller tvärtom).")
