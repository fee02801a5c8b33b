"""Word table columns at least as wide as their longest word in the template's table font.

The plan's column widths are weights chosen for our template. An organisation's template may write
its tables larger or in a wider font, and a fixed-layout table then breaks a word such as
"Riktning" in the middle. Each column gets at least its widest unbreakable piece (measured bold:
the header row is bold); the width it needs is taken from the columns that have room to spare, in
proportion to their weights. When the words cannot all fit, the weights stand as they are.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from ..fontmetrics import metrics
from .word_styles import TableText

EMU_PER_POINT = 12700
EMU_PER_TWIP = 635
SLACK_PT = 1.5  # rounding in Word's and LibreOffice's line breaking
BREAKS = re.compile(r"[ \t\n]+")  # where a line may break (not at a no-break space)


def longest_piece(texts: Sequence[str], text: TableText) -> float:
    """The widest run of text between spaces in `texts`, in points (no-break spaces join)."""
    fm = metrics(text.family or "", bold=True)
    return max((fm.width(word, text.size_pt) for t in texts for word in BREAKS.split(t)), default=0.0)


def column_widths(weights: Sequence[float], columns: Sequence[Sequence[str]], full: int, text: TableText) -> list[int]:
    """Column widths in EMU summing to at most `full`: by `weights`, widened where a column's
    longest word would not fit."""
    total = sum(weights)
    widths = [int(full * w / total) for w in weights]
    need = [math.ceil((longest_piece(texts, text) + SLACK_PT) * EMU_PER_POINT) + text.margins * EMU_PER_TWIP
            for texts in columns]
    if sum(need) > full or all(w >= n for w, n in zip(widths, need)):
        return widths
    fixed: dict[int, int] = {}
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        room = full - sum(fixed.values())
        free_weight = sum(weights[i] for i in free)
        short = {i: need[i] for i in free if room * weights[i] / free_weight < need[i]}
        if not short:
            return [fixed[i] if i in fixed else int(room * weights[i] / free_weight) for i in range(len(weights))]
        fixed.update(short)
