"""Slide specs: what a section shows, unpaginated and layout-free (deck.py fits them to the template).

A chart is described here too (ChartPanel), without python-pptx: the sections build panels from
the figures, charts.py draws them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass, replace
from decimal import Decimal

from ..typography import sv_typography
from .fit import Para


@dataclass
class ChartSeries:
    name: str
    values: list[Decimal | None]


@dataclass
class ChartPanel:
    """One chart, described without python-pptx: what the sections hand the renderer."""

    kind: str  # "linje" or "stapel"
    title: str
    categories: list[str]
    values: ChartSeries
    decimals: int
    value_axis_title: str
    category_axis_title: str
    source: str  # "Källa: …", shown under the chart
    alt: str  # the chart in words, for screen readers
    note: str | None = None  # e.g. which values are example data
    band: tuple[Decimal, Decimal] | None = None  # target range (lower, upper)
    band_name: str = ""
    target: Decimal | None = None  # single target value
    target_name: str = ""
    target_at: int | None = None  # the category (the plan year) the target applies to; None: the last
    ceiling: Decimal | None = None  # the value axis stops here when the data allows (100 for a share)
    highlight: int | None = None  # stapel: index of the own county
    examples: ChartSeries | None = None  # linje: the example values, drawn dashed with hollow markers
    joints: list[int] = field(default_factory=list)  # real points repeated in `examples` to join the lines
    example: bool = False  # some value drawn is example data: the slide gets the marker
    notes: list[str] = field(default_factory=list)  # speaker-note lines (e.g. when the figures were fetched)


@dataclass
class TextSpec:
    title: str
    paras: list[Para]
    role: str = "innehåll"
    marker: str | None = None  # a label shown in the slide's corner, e.g. example data
    continued: str | None = None  # title that "(forts.)" is added to, when not the title itself


@dataclass
class TableSpec:
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]
    total: tuple[str, ...] | None = None
    widths: tuple[float, ...] = ()
    numeric: tuple[bool, ...] = ()
    intro: str | None = None
    side: str | None = None
    footnote: str | None = None
    marker: str | None = None
    role: str = "tabell"


@dataclass
class TitleSpec:
    title: str
    subtitle: list[str]
    role: str = "titel"


@dataclass
class SectionSpec:
    title: str
    text: str | None = None
    role: str = "avsnitt"


@dataclass
class Milestone:
    date: str
    heading: str
    text: str | None


@dataclass
class TimelineSpec:
    title: str
    milestones: list[Milestone]
    alt: str
    role: str = "rubrik"


@dataclass
class ChartSpec:
    """Native charts of styrtal figures; charts.py lays them out, two to a slide."""

    title: str
    panels: list[ChartPanel]
    marker: str | None = None  # shown on a slide whose charts draw example data
    role: str = "rubrik"


Spec = TextSpec | TableSpec | TitleSpec | SectionSpec | TimelineSpec | ChartSpec


def typeset(value):
    """A spec with Swedish typography (typography.py) in every text it holds, recursively.

    Every string field of the spec's dataclasses (titles, runs, cells, notes, chart labels …) goes
    through `sv_typography`; numbers and other values are kept. New fields are covered as added.
    """
    if isinstance(value, str):
        return sv_typography(value)
    if isinstance(value, (list, tuple)):
        items = [typeset(item) for item in value]
        return items if isinstance(value, list) else tuple(items)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: typeset(getattr(value, f.name)) for f in fields(value) if f.init}
        return replace(value, **changes)
    return value
