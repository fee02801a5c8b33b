"""Native, editable PowerPoint charts of styrtal figures (python-pptx's chart API).

Two kinds, both drawn from a ChartPanel (specs.py) that sections.py builds from the figures:

- "linje": the own county's values over the years, and the target where it applies: the plan
  year. A target range is a floating column at that year (a stacked column: an invisible base up
  to the lower bound, the range on it), a single target value a marker there. Lines and target
  are one chart over one category axis and one embedded workbook, so it stays editable. Example
  values are a dashed line with hollow markers, drawn under the real values (whose filled
  markers then show where the two meet).
- "stapel": the latest year across the comparison counties, the own county's bar in the accent
  colour and its value label bold (the highlight is said in the title too, not by colour alone).

Colours are the template's theme (theme.py: accent for the own county, muted grey for the
others, an accent tint for the target); every chart text has the deck's chart size (14 pt),
tagged sv-SE (c:lang on the chart space, lang on every run and default run property); numbers
use a number format with the Swedish locale tag, so the decimal comma and the space as
thousands separator show in PowerPoint and LibreOffice alike. A share's axis stops at 100 %.
The legend names only series that are drawn. python-pptx writes negative axis ids, which the
schema forbids (c:axId is unsigned); they are renumbered here.

Slides: up to three charts side by side, when each gets the width its category labels need at
the chart size (`panel_width`); consecutive panels of one spec share slides evenly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from decimal import Decimal

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import (XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE,
                             XL_TICK_LABEL_POSITION, XL_TICK_MARK)
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE, MSO_THEME_COLOR
from pptx.util import Pt

from ..ooxml import LANG, a, c, emu, pt, set_alt_text
from .fit import Box, Run, fit_single, para, total_height, wrap
from .specs import ChartPanel, ChartSeries, ChartSpec
from .template import Rect
from .theme import Colour, Palette

SV_LOCALE = "[$-41D]"  # LCID 0x041D: Swedish (Sweden)
PANELS_PER_SLIDE = 3
PANEL_GAP = 24.0  # pt between two charts
BASE_NAME = "Målets nedre gräns"  # the invisible base of the target column (not in the legend)


@dataclass(frozen=True)
class Look:
    """What every chart of a deck shares: its text size, font and colours."""

    size: float
    font: str
    palette: Palette


def number_format(decimals: int) -> str:
    """'#,##0.0' with the Swedish locale tag: 6,5 and 16 503 whatever the viewer's locale."""
    return SV_LOCALE + "#,##0" + ("." + "0" * decimals if decimals else "")


def _nice_step(span: float) -> float:
    """A tick step of 1, 2, 2.5 or 5 × 10^n giving about four to six ticks."""

    raw = span / 5 if span > 0 else 1.0
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):  # no 2,5: a tick at 6,25 would need more decimals than the data
        if raw <= factor * power:
            return factor * power
    return 10 * power


def axis_scale(values: list[Decimal], from_zero: bool, ceiling: Decimal | None = None) -> tuple[float, float, float]:
    """Minimum, maximum and major unit of the value axis, with room above and below the data;
    never above `ceiling` (100 for a share) when the data stays at or under it."""

    numbers = [float(v) for v in values]
    lo, hi = min(numbers), max(numbers)
    if from_zero:
        lo = min(0.0, lo)
    span = hi - lo or abs(hi) * 0.2 or 1.0
    step = _nice_step(span * 1.25)
    low = 0.0 if from_zero and lo >= 0 else math.floor((lo - span * 0.1) / step) * step
    high = math.ceil((hi + span * 0.12) / step) * step
    if ceiling is not None and hi <= float(ceiling):
        high = min(high, float(ceiling))
    if high <= low:
        high = low + step
    return low, high, step


# ---------------------------------------------------------------- building

def add_chart(shapes, left: int, top: int, width: int, height: int, panel: ChartPanel, look: Look):
    """Draw `panel` as a native chart in the rectangle; returns the graphic frame."""
    if panel.kind == "stapel":
        frame = _bar_chart(shapes, left, top, width, height, panel, look)
    else:
        frame = _line_chart(shapes, left, top, width, height, panel, look)
    chart = frame.chart
    _style_text(chart, panel, look)
    finish_chart_xml(chart._chartSpace)
    return frame


def _chart_data(panel: ChartPanel, series: list[ChartSeries]):
    fmt = number_format(panel.decimals)
    data = CategoryChartData(number_format=fmt)
    data.categories = panel.categories
    for s in series:
        data.add_series(s.name, [None if v is None else float(v) for v in s.values], number_format=fmt)
    return data


THEME_COLORS = {"accent1": MSO_THEME_COLOR.ACCENT_1, "accent2": MSO_THEME_COLOR.ACCENT_2,
                "accent3": MSO_THEME_COLOR.ACCENT_3, "accent4": MSO_THEME_COLOR.ACCENT_4,
                "accent5": MSO_THEME_COLOR.ACCENT_5, "accent6": MSO_THEME_COLOR.ACCENT_6,
                "tx1": MSO_THEME_COLOR.TEXT_1, "tx2": MSO_THEME_COLOR.TEXT_2,
                "bg1": MSO_THEME_COLOR.BACKGROUND_1, "bg2": MSO_THEME_COLOR.BACKGROUND_2}


def _paint(color_format, colour: Colour) -> None:
    """A python-pptx ColorFormat set to a palette colour: the theme colour with its brightness
    (python-pptx writes the same lumMod/lumOff as theme.Colour), or the sRGB value."""
    if colour.scheme not in THEME_COLORS:
        color_format.rgb = RGBColor.from_string(colour.hex)
        return
    color_format.theme_color = THEME_COLORS[colour.scheme]
    brightness = colour.lum_off if colour.lum_off else colour.lum_mod - 1
    if abs(brightness) > 1e-6:
        color_format.brightness = round(brightness, 5)


def _line_chart(shapes, left, top, width, height, panel: ChartPanel, look: Look):
    pal = look.palette
    n = len(panel.categories)
    at = panel.target_at if panel.target_at is not None else n - 1
    only = lambda value: [value if i == at else None for i in range(n)]  # noqa: E731
    series = []
    if panel.band is not None:
        lo, hi = panel.band
        series += [ChartSeries(BASE_NAME, only(lo)), ChartSeries(panel.band_name, only(hi - lo))]
        kind = XL_CHART_TYPE.COLUMN_STACKED
    else:
        kind = XL_CHART_TYPE.LINE_MARKERS
    # Example values first, the real ones on top: where they meet, the real (filled) marker shows.
    lines = [s for s in (panel.examples, panel.values) if s is not None and any(v is not None for v in s.values)]
    series += lines
    if panel.band is None and panel.target is not None:
        series.append(ChartSeries(panel.target_name, only(panel.target)))
    frame = shapes.add_chart(kind, left, top, width, height, _chart_data(panel, series))
    chart = frame.chart
    if panel.band is not None:
        _move_series_to_line_chart(chart, len(lines))
        columns = chart.plots[0]
        columns.gap_width = 40
        columns.overlap = 100
        base, band = columns.series[0], columns.series[1]
        base.format.fill.background()
        base.format.line.fill.background()
        base.invert_if_negative = False
        band.format.fill.solid()
        _paint(band.format.fill.fore_color, pal.target)
        band.format.line.fill.solid()
        _paint(band.format.line.color, pal.accent)
        band.format.line.width = 12700
        band.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        band.invert_if_negative = False
        line_plot = chart.plots[1]
    else:
        line_plot = chart.plots[0]
    for plotted, line in zip(line_plot.series, lines):
        _style_line(plotted, dashed=line is panel.examples, look=look)
        _data_labels(panel, plotted, look)
        if line is panel.examples:
            for i in panel.joints:  # the joint is labelled by the real series already
                _delete_label(plotted, i)
    if panel.band is None and panel.target is not None:
        target = line_plot.series[len(lines)]
        target.format.line.fill.background()
        target.marker.style = XL_MARKER_STYLE.DASH
        target.marker.size = 20
        target.marker.format.fill.solid()
        _paint(target.marker.format.fill.fore_color, pal.accent)
        target.marker.format.line.fill.solid()
        _paint(target.marker.format.line.color, pal.accent)
        target.smooth = False
    every = [v for line in lines for v in line.values if v is not None]
    extent = every + (list(panel.band) if panel.band else []) + ([panel.target] if panel.target is not None else [])
    _axes(chart, panel, extent, from_zero=False, look=look)
    _legend(chart, hide_first=panel.band is not None, look=look)
    return frame


def _bar_chart(shapes, left, top, width, height, panel: ChartPanel, look: Look):
    pal = look.palette
    frame = shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, left, top, width, height,
                             _chart_data(panel, [panel.values]))
    chart = frame.chart
    plot = chart.plots[0]
    plot.gap_width = 60
    plot.vary_by_categories = False
    series = plot.series[0]
    series.format.fill.solid()
    _paint(series.format.fill.fore_color, pal.muted)
    series.invert_if_negative = False
    if panel.highlight is not None:
        point = series.points[panel.highlight]
        point.format.fill.solid()
        _paint(point.format.fill.fore_color, pal.accent)
    _data_labels(panel, series, look)
    if panel.highlight is not None:
        label = series.points[panel.highlight].data_label
        label.font.bold = True
        label.font.size = Pt(look.size)
        _paint(label.font.color, pal.accent)
        label.position = XL_LABEL_POSITION.OUTSIDE_END
        # A point's own label shows nothing unless told to show its value.
        _show_value_only(label._dLbl, panel.decimals)
    values = [v for v in panel.values.values if v is not None]
    _axes(chart, panel, values, from_zero=True, look=look)
    # Every bar carries its value: the value axis keeps its title (the unit), not its numbers or grid.
    chart.value_axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE
    chart.value_axis.has_major_gridlines = False
    chart.has_legend = False
    return frame


def _style_line(series, dashed: bool, look: Look) -> None:
    """The values line: solid with filled markers; example values dashed with hollow markers."""
    accent, background = look.palette.accent, look.palette.background
    series.smooth = False
    series.format.line.fill.solid()
    _paint(series.format.line.color, accent)
    series.format.line.width = 28575 if dashed else 34925  # 2,25 / 2,75 pt
    if dashed:
        series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    series.marker.style = XL_MARKER_STYLE.CIRCLE
    series.marker.size = 8
    series.marker.format.fill.solid()
    _paint(series.marker.format.fill.fore_color, background if dashed else accent)
    series.marker.format.line.fill.solid()
    _paint(series.marker.format.line.color, accent)
    series.marker.format.line.width = 19050  # 1,5 pt


def _delete_label(series, index: int) -> None:
    """No value label on one point (c:dLbl with c:delete), e.g. where two lines meet."""
    dlbls = series._element.find(c("dLbls"))
    if dlbls is None:
        return
    dlbl = etree.Element(c("dLbl"))
    etree.SubElement(dlbl, c("idx"), val=str(index))
    etree.SubElement(dlbl, c("delete"), val="1")
    before = [d for d in dlbls.findall(c("dLbl")) if int(d.find(c("idx")).get("val")) < index]
    if before:
        before[-1].addnext(dlbl)
    else:
        dlbls.insert(0, dlbl)


def _data_labels(panel: ChartPanel, series, look: Look) -> None:
    """Value labels on a series that carries the figures (not on the target)."""
    labels = series.data_labels
    labels.number_format = number_format(panel.decimals)
    labels.number_format_is_linked = False
    labels.show_value = True
    labels.show_series_name = False
    labels.show_category_name = False
    labels.show_legend_key = False
    labels.font.size = Pt(look.size)
    _paint(labels.font.color, look.palette.text)
    labels.position = XL_LABEL_POSITION.OUTSIDE_END if panel.kind == "stapel" else XL_LABEL_POSITION.ABOVE


def _show_value_only(dlbl, decimals: int) -> None:
    """A point label (c:dLbl) needs its own number format and show flags, in schema order."""
    for tag in ("numFmt", "showLegendKey", "showVal", "showCatName", "showSerName", "showPercent", "showBubbleSize"):
        for old in dlbl.findall(c(tag)):
            dlbl.remove(old)
    num = etree.Element(c("numFmt"), formatCode=number_format(decimals), sourceLinked="0")
    # order: idx, (delete | layout?, tx?, numFmt?, spPr?, txPr?, dLblPos?, showLegendKey, showVal, …)
    anchor = None
    for tag in ("tx", "layout"):
        found = dlbl.find(c(tag))
        if found is not None:
            anchor = found
            break
    if anchor is None:
        anchor = dlbl.find(c("idx"))
    anchor.addnext(num)
    after = dlbl.find(c("dLblPos"))
    if after is None:
        after = dlbl.find(c("txPr"))
    if after is None:
        after = dlbl.find(c("spPr"))
    if after is None:
        after = num
    for tag, val in reversed((("showLegendKey", "0"), ("showVal", "1"), ("showCatName", "0"), ("showSerName", "0"),
                              ("showPercent", "0"), ("showBubbleSize", "0"))):
        after.addnext(etree.Element(c(tag), val=val))


def _axes(chart, panel: ChartPanel, extent: list[Decimal], from_zero: bool, look: Look) -> None:
    size = Pt(look.size)
    value_axis = chart.value_axis
    low, high, step = axis_scale(extent, from_zero, panel.ceiling)
    value_axis.minimum_scale = low
    value_axis.maximum_scale = high
    value_axis.major_unit = step
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.fill.solid()
    _paint(value_axis.major_gridlines.format.line.color, look.palette.grid)
    value_axis.format.line.fill.background()
    value_axis.major_tick_mark = XL_TICK_MARK.NONE
    value_axis.tick_labels.number_format = number_format(_axis_decimals(step, panel.decimals))
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.tick_labels.font.size = size
    value_axis.has_title = True
    value_axis.axis_title.text_frame.text = panel.value_axis_title
    category_axis = chart.category_axis
    category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    category_axis.tick_labels.font.size = size
    category_axis.major_tick_mark = XL_TICK_MARK.NONE
    category_axis.format.line.fill.solid()
    _paint(category_axis.format.line.color, look.palette.muted)
    category_axis.has_title = True
    category_axis.axis_title.text_frame.text = panel.category_axis_title
    for axis in (value_axis, category_axis):
        for run in axis.axis_title.text_frame.paragraphs[0].runs:
            run.font.size = size
            run.font.bold = False


def _axis_decimals(step: float, data_decimals: int) -> int:
    """Decimals the tick labels need: none for whole steps, else as many as the step has."""
    if float(step).is_integer():
        return 0
    text = f"{step:.3f}".rstrip("0")
    return min(max(len(text.split(".")[1]), 0), max(data_decimals, 1))


def _legend(chart, hide_first: bool, look: Look) -> None:
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(look.size)
    if hide_first:
        # The target column's invisible base is a series too; its legend entry is deleted.
        legend = chart.legend._element
        entry = etree.Element(c("legendEntry"))
        etree.SubElement(entry, c("idx"), val="0")
        etree.SubElement(entry, c("delete"), val="1")
        legend.find(c("legendPos")).addnext(entry)


def _style_text(chart, panel: ChartPanel, look: Look) -> None:
    """The chart's text in the deck's font and chart size; its title bold, one paragraph a line."""
    chart.font.name = look.font
    chart.font.size = Pt(look.size)
    _paint(chart.font.color, look.palette.text)
    chart.has_title = True
    tf = chart.chart_title.text_frame
    tf.text = panel.title
    for paragraph in tf.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(look.size)
            run.font.bold = True
            run.font.name = look.font


def title_lines(title: str, width: float, size: float, fonts) -> list[str]:
    """A chart title as one line, or two broken where the longer line is shortest; a title that
    needs more is shortened with '…' on the second."""
    words = title.split(" ")
    if len(wrap((Run(title, True),), width, size, fonts)) == 1:
        return [title]
    bold = fonts.get(True)
    best = None
    for i in range(1, len(words)):
        first, second = " ".join(words[:i]), " ".join(words[i:])
        widest = max(bold.width(first, size), bold.width(second, size))
        if best is None or widest < best[0]:
            best = (widest, first, second)
    if best is not None and best[0] <= width * 0.96:
        return [best[1], best[2]]
    _, shown = fit_single(title, Box(width, bold.line_height(size) * 2), fonts, (size,), bold=True)
    lines = wrap((Run(shown, True),), width, size, fonts)
    return ["".join(run.text for run in line).strip() for line in lines[:2]]


def _move_series_to_line_chart(chart, count: int) -> None:
    """Turn the last `count` series of the stacked column chart into lines over the same axes."""
    plot_area = chart._chartSpace.find(f"{c('chart')}/{c('plotArea')}")
    columns = plot_area.find(c("barChart"))
    line = etree.Element(c("lineChart"))
    etree.SubElement(line, c("grouping"), val="standard")
    etree.SubElement(line, c("varyColors"), val="0")
    for ser in columns.findall(c("ser"))[-count:]:
        columns.remove(ser)
        for tag in ("invertIfNegative", "pictureOptions", "shape"):  # CT_BarSer only
            for el in ser.findall(c(tag)):
                ser.remove(el)
        # CT_LineSer: idx, order, tx, spPr, marker, dPt*, dLbls, trendline, errBars, cat, val, smooth, extLst
        spPr = ser.find(c("spPr"))
        marker = etree.Element(c("marker"))
        etree.SubElement(marker, c("symbol"), val="circle")
        (spPr if spPr is not None else ser.find(c("tx"))).addnext(marker)
        ser.find(c("val")).addnext(etree.Element(c("smooth"), val="0"))
        line.append(ser)
    etree.SubElement(line, c("marker"), val="1")
    for ax in columns.findall(c("axId")):
        etree.SubElement(line, c("axId"), val=ax.get("val"))
    columns.addnext(line)


# ---------------------------------------------------------------- XML finishing

def finish_chart_xml(space) -> None:
    """sv-SE everywhere, schema-valid axis ids, gaps for missing years."""
    date = space.find(c("date1904"))
    if space.find(c("lang")) is None:
        lang = etree.Element(c("lang"), val=LANG)
        if date is not None:
            date.addnext(lang)
        else:
            space.insert(0, lang)
    for tag in ("rPr", "defRPr", "endParaRPr"):
        for el in space.iter(a(tag)):
            el.set("lang", LANG)
    renumber_axis_ids(space)
    # Years sit between the ticks, in the line and under the band alike (an area chart's default
    # puts the first year on the value axis, where its label collides with the tick labels).
    for cross in space.iter(c("crossBetween")):
        cross.set("val", "between")
    chart = space.find(c("chart"))
    blanks = chart.find(c("dispBlanksAs"))
    if blanks is not None:
        blanks.set("val", "gap")


def renumber_axis_ids(space) -> None:
    """Replace python-pptx's negative axis ids (the schema wants unsigned ints) by small positive ones."""
    ids: dict[str, str] = {}
    for el in space.iter(c("axId"), c("crossAx")):
        old = el.get("val")
        ids.setdefault(old, str(100 + len(ids)))
        el.set("val", ids[old])


# ---------------------------------------------------------------- slides

def panel_width(panel: ChartPanel, look: Look, fonts) -> float:
    """The narrowest width (pt) at which a chart's category labels stand side by side at the chart
    size: each category its widest word (labels wrap at spaces) and a little air, plus the value
    axis (its widest tick label and its title)."""
    regular = fonts.get(False)
    widest = max((regular.width(word, look.size) for label in panel.categories for word in label.split()),
                 default=0.0)
    numbers = [abs(v) for v in panel.values.values if v is not None] + [abs(v) for v in panel.band or ()]
    ticks = regular.width(f"{max(numbers, default=0):,.0f}".replace(",", " "), look.size)
    axis = ticks + regular.line_height(look.size) + 14  # tick labels, the axis title, the chart's own margins
    return len(panel.categories) * (widest + look.size * 0.5) + axis


def chart_pages(writer, spec: ChartSpec) -> list[list[ChartPanel]]:
    """The spec's panels, consecutive ones sharing a slide (up to three) when each gets the width
    it needs; as few slides as that allows, the panels shared evenly among them."""
    look = writer.chart_look()
    width = pt(writer.content_rect(spec.marker).width)
    need = [panel_width(panel, look, writer.body_fonts) for panel in spec.panels]

    def fits(i: int, j: int) -> bool:
        count = j - i
        return count <= PANELS_PER_SLIDE and (count == 1 or sum(need[i:j]) + PANEL_GAP * (count - 1) <= width)

    n = len(spec.panels)
    best: list[tuple[int, float]] = [(0, 0.0)] * (n + 1)
    choice = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        best[i] = (n + 1, 0.0)
        for j in range(i + 1, n + 1):
            if not fits(i, j):
                break
            candidate = (best[j][0] + 1, best[j][1] + (j - i) ** 2)
            if candidate < best[i]:
                best[i], choice[i] = candidate, j
    pages, i = [], 0
    while i < n:
        pages.append(spec.panels[i:choice[i]])
        i = choice[i]
    return pages


def chart_slides(writer, spec: ChartSpec, layout, pages: list[list[ChartPanel]]) -> None:
    """Slides for a ChartSpec: the planned panels side by side, each with its source line under it.

    `writer` is the DeckWriter: its slides, text boxes, fonts, badge, frame and alt text are
    reused, so a chart slide has the same title fitting, sv-SE runs and example-data mark as the rest.
    """
    look = writer.chart_look()
    source_size = writer.scale.source
    for n, panels in enumerate(pages):
        marker = spec.marker if spec.marker and any(p.example for p in panels) else None
        rect = writer.content_rect(marker)
        count = len(panels)
        gap = emu(PANEL_GAP)
        # Side by side, each chart as wide as its labels need, the rest shared in proportion.
        need = [panel_width(panel, look, writer.body_fonts) for panel in panels]
        widths = [int((rect.width - gap * (count - 1)) * w / sum(need)) for w in need]
        # A chart's title is at most two lines of 80 % of the chart's width, broken where we
        # measured (renderers wrap a chart's title each their own way); a shortened one is said
        # in full in the notes (and always in the alt text).
        fonts = writer.body_fonts
        titled, notes = [], []
        for panel, width in zip(panels, widths):
            lines = title_lines(panel.title, pt(width) * 0.8, look.size, fonts)
            titled.append(replace(panel, title="\n".join(lines)))
            notes += ([panel.title] if " ".join(lines) != panel.title else []) + panel.notes
        slide = writer.new_slide(layout, writer.page_title(spec, n), notes, spec.role)
        sources = [[para(" ".join(t for t in (p.source, p.note) if t), bullet=False, space_before=0)] for p in panels]
        # One height for every source line of the slide: the charts line up, and so do their sources.
        source_h = max(total_height(s, pt(width) - 14.4, source_size, fonts, writer.indent)
                       for s, width in zip(sources, widths)) + 7.2
        chart_h = rect.height - emu(source_h) - emu(4)
        left = rect.left
        for i, (panel, source, width) in enumerate(zip(titled, sources, widths)):
            frame = add_chart(slide.shapes, left, rect.top, width, chart_h, panel, look)
            frame.name = f"Diagram {i + 1}: {panel.title.replace(chr(10), ' ')}"
            set_alt_text(frame._element, panel.alt)
            writer.textbox(slide.shapes, Rect(left, rect.top + chart_h + emu(4), width, emu(source_h)), source,
                           source_size, f"Källa {i + 1}")
            left += width + gap
        writer.finish_slide(slide, layout, marker, writer.content_rect())
