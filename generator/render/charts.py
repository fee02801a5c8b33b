"""Native, editable PowerPoint charts of styrtal figures (python-pptx's chart API).

Two kinds, both drawn from a ChartPanel (specs.py) that sections.py builds from the figures:

- "linje": the own county's values over the years, with the target as a shaded band (a stacked
  area under the line: an invisible base up to the lower bound, the band up to the upper one) or,
  for a single target value, a dashed line. The band and line are one chart: the area series and
  the line series share the axes and the embedded workbook, so the chart stays editable.
- "stapel": the latest year across the comparison counties, the own county's bar in the accent
  colour and its value label bold (the highlight is said in the title too, not by colour alone).

Every chart text is tagged sv-SE (c:lang on the chart space, lang on every run and default run
property) and numbers use a number format with the Swedish locale tag, so the decimal comma and
the space as thousands separator show in PowerPoint and LibreOffice alike. python-pptx writes
negative axis ids, which the schema forbids (c:axId is unsigned); they are renumbered here.
"""

from __future__ import annotations

import math
from dataclasses import replace
from decimal import Decimal

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import (XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE,
                             XL_TICK_LABEL_POSITION, XL_TICK_MARK)
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.util import Pt

from ..ooxml import LANG, a, c, emu, pt, set_alt_text
from .fit import Box, fit_single, para, total_height
from .shapes import drop_empty_placeholders
from .specs import ChartPanel, ChartSeries
from .template import Rect

SV_LOCALE = "[$-41D]"  # LCID 0x041D: Swedish (Sweden)

ACCENT = "2F5597"      # the own county, the values line
OTHER = "7F7F7F"       # comparison counties (3,9:1 against white, enough for a graphic object)
BAND = "CFE3C4"        # target band fill
BAND_LINE = "548235"   # target band edge / single target line
GRID = "D9D9D9"
TEXT = "262626"

TICK_SIZE = 12
TITLE_SIZE = 14
LABEL_SIZE = 12


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


def axis_scale(values: list[Decimal], from_zero: bool) -> tuple[float, float, float]:
    """Minimum, maximum and major unit of the value axis, with room above and below the data."""

    numbers = [float(v) for v in values]
    lo, hi = min(numbers), max(numbers)
    if from_zero:
        lo = min(0.0, lo)
    span = hi - lo or abs(hi) * 0.2 or 1.0
    step = _nice_step(span * 1.25)
    low = 0.0 if from_zero and lo >= 0 else math.floor((lo - span * 0.1) / step) * step
    high = math.ceil((hi + span * 0.12) / step) * step
    if high <= low:
        high = low + step
    return low, high, step


# ---------------------------------------------------------------- building

def add_chart(shapes, left: int, top: int, width: int, height: int, panel: ChartPanel, font: str):
    """Draw `panel` as a native chart in the rectangle; returns the graphic frame."""
    if panel.kind == "stapel":
        frame = _bar_chart(shapes, left, top, width, height, panel)
    else:
        frame = _line_chart(shapes, left, top, width, height, panel)
    chart = frame.chart
    _style_text(chart, panel, font)
    finish_chart_xml(chart._chartSpace)
    return frame


def _chart_data(panel: ChartPanel, series: list[ChartSeries]):

    fmt = number_format(panel.decimals)
    data = CategoryChartData(number_format=fmt)
    data.categories = panel.categories
    for s in series:
        data.add_series(s.name, [None if v is None else float(v) for v in s.values], number_format=fmt)
    return data


def _line_chart(shapes, left, top, width, height, panel: ChartPanel):

    n = len(panel.categories)
    series = []
    if panel.band is not None:
        lo, hi = panel.band
        series += [ChartSeries("Målets nedre gräns", [lo] * n), ChartSeries(panel.band_name, [hi - lo] * n)]
        kind = XL_CHART_TYPE.AREA_STACKED
    else:
        kind = XL_CHART_TYPE.LINE_MARKERS
    lines = [s for s in (panel.values, panel.examples) if s is not None and any(v is not None for v in s.values)]
    series += lines
    if panel.band is None and panel.target is not None:
        series.append(ChartSeries(panel.target_name, [panel.target] * n))
    frame = shapes.add_chart(kind, left, top, width, height, _chart_data(panel, series))
    chart = frame.chart
    if panel.band is not None:
        _move_series_to_line_chart(chart, len(lines))
        area = chart.plots[0]
        base, band = area.series[0], area.series[1]
        base.format.fill.background()
        base.format.line.fill.background()
        band.format.fill.solid()
        band.format.fill.fore_color.rgb = _rgb(BAND)
        band.format.line.fill.background()
        line_plot = chart.plots[1]
    else:
        line_plot = chart.plots[0]
    for plotted, line in zip(line_plot.series, lines):
        _style_line(plotted, dashed=line is panel.examples)
        _data_labels(line_plot, panel, series_only=plotted)
        if line is panel.examples:
            for i in panel.joints:  # the joint is labelled by the real series already
                _delete_label(plotted, i)
    if panel.band is None and panel.target is not None:
        target = line_plot.series[len(lines)]
        target.format.line.color.rgb = _rgb(BAND_LINE)
        target.format.line.width = 25400  # 2 pt
        target.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        target.marker.style = XL_MARKER_STYLE.NONE
        target.smooth = False
    every = [v for line in lines for v in line.values if v is not None]
    extent = every + (list(panel.band) if panel.band else []) + ([panel.target] if panel.target is not None else [])
    _axes(chart, panel, extent, from_zero=False)
    _legend(chart, hide_first=panel.band is not None)
    return frame


def _bar_chart(shapes, left, top, width, height, panel: ChartPanel):

    frame = shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, left, top, width, height,
                             _chart_data(panel, [panel.values]))
    chart = frame.chart
    plot = chart.plots[0]
    plot.gap_width = 60
    plot.vary_by_categories = False
    series = plot.series[0]
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = _rgb(OTHER)
    series.invert_if_negative = False
    if panel.highlight is not None:
        point = series.points[panel.highlight]
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = _rgb(ACCENT)
    _data_labels(plot, panel, series_only=series)
    if panel.highlight is not None:
        label = series.points[panel.highlight].data_label
        label.font.bold = True
        label.font.size = _pt(LABEL_SIZE)
        label.font.color.rgb = _rgb(ACCENT)

        label.position = XL_LABEL_POSITION.OUTSIDE_END
        # A point's own label shows nothing unless told to show its value.
        dlbl = label._dLbl
        _show_value_only(dlbl, panel.decimals)
    values = [v for v in panel.values.values if v is not None]
    _axes(chart, panel, values, from_zero=True)
    chart.has_legend = False
    return frame


def _style_line(series, dashed: bool) -> None:
    """The values line: solid with filled markers; example values dashed with hollow markers."""
    series.smooth = False
    series.format.line.color.rgb = _rgb(ACCENT)
    series.format.line.width = 28575 if dashed else 34925  # 2,25 / 2,75 pt
    if dashed:
        series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    series.marker.style = XL_MARKER_STYLE.CIRCLE
    series.marker.size = 8
    series.marker.format.fill.solid()
    series.marker.format.fill.fore_color.rgb = _rgb("FFFFFF" if dashed else ACCENT)
    series.marker.format.line.color.rgb = _rgb(ACCENT)
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


def _data_labels(plot, panel: ChartPanel, series_only) -> None:
    """Value labels on the series that carries the figures (not on the target)."""

    labels = series_only.data_labels if hasattr(series_only, "data_labels") else plot.data_labels
    labels.number_format = number_format(panel.decimals)
    labels.number_format_is_linked = False
    labels.show_value = True
    labels.show_series_name = False
    labels.show_category_name = False
    labels.show_legend_key = False
    labels.font.size = _pt(LABEL_SIZE)
    labels.font.color.rgb = _rgb(TEXT)
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


def _axes(chart, panel: ChartPanel, extent: list[Decimal], from_zero: bool) -> None:

    value_axis = chart.value_axis
    low, high, step = axis_scale(extent, from_zero)
    value_axis.minimum_scale = low
    value_axis.maximum_scale = high
    value_axis.major_unit = step
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = _rgb(GRID)
    value_axis.format.line.fill.background()
    value_axis.major_tick_mark = XL_TICK_MARK.NONE
    value_axis.tick_labels.number_format = number_format(_axis_decimals(step, panel.decimals))
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.tick_labels.font.size = _pt(TICK_SIZE)
    value_axis.has_title = True
    value_axis.axis_title.text_frame.text = panel.value_axis_title
    category_axis = chart.category_axis
    category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    category_axis.tick_labels.font.size = _pt(TICK_SIZE)
    category_axis.major_tick_mark = XL_TICK_MARK.NONE
    category_axis.format.line.color.rgb = _rgb("A6A6A6")
    category_axis.has_title = True
    category_axis.axis_title.text_frame.text = panel.category_axis_title
    for axis in (value_axis, category_axis):
        for run in axis.axis_title.text_frame.paragraphs[0].runs:
            run.font.size = _pt(TICK_SIZE)
            run.font.bold = False


def _axis_decimals(step: float, data_decimals: int) -> int:
    """Decimals the tick labels need: none for whole steps, else as many as the step has."""
    if float(step).is_integer():
        return 0
    text = f"{step:.3f}".rstrip("0")
    return min(max(len(text.split(".")[1]), 0), max(data_decimals, 1))


def _legend(chart, hide_first: bool) -> None:

    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = _pt(TICK_SIZE)
    if hide_first:
        # The band's invisible base is a series too; its legend entry is deleted.
        legend = chart.legend._element
        entry = etree.Element(c("legendEntry"))
        etree.SubElement(entry, c("idx"), val="0")
        etree.SubElement(entry, c("delete"), val="1")
        legend.find(c("legendPos")).addnext(entry)


def _style_text(chart, panel: ChartPanel, font: str) -> None:
    chart.font.name = font
    chart.font.size = _pt(TICK_SIZE)
    chart.font.color.rgb = _rgb(TEXT)
    chart.has_title = True
    tf = chart.chart_title.text_frame
    tf.text = panel.title
    for run in tf.paragraphs[0].runs:
        run.font.size = _pt(panel.title_size)
        run.font.bold = True
        run.font.name = font


def _move_series_to_line_chart(chart, count: int) -> None:
    """Turn the last `count` series of the stacked area chart into lines over the same axes."""
    plot_area = chart._chartSpace.find(f"{c('chart')}/{c('plotArea')}")
    area = plot_area.find(c("areaChart"))
    line = etree.Element(c("lineChart"))
    etree.SubElement(line, c("grouping"), val="standard")
    etree.SubElement(line, c("varyColors"), val="0")
    for ser in area.findall(c("ser"))[-count:]:
        area.remove(ser)
        # CT_LineSer: idx, order, tx, spPr, marker, dPt*, dLbls, trendline, errBars, cat, val, smooth, extLst
        spPr = ser.find(c("spPr"))
        marker = etree.Element(c("marker"))
        etree.SubElement(marker, c("symbol"), val="circle")
        (spPr if spPr is not None else ser.find(c("tx"))).addnext(marker)
        ser.find(c("val")).addnext(etree.Element(c("smooth"), val="0"))
        line.append(ser)
    etree.SubElement(line, c("marker"), val="1")
    for ax in area.findall(c("axId")):
        etree.SubElement(line, c("axId"), val=ax.get("val"))
    area.addnext(line)


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


def _rgb(hex_: str):

    return RGBColor.from_string(hex_)


def _pt(size: float):

    return Pt(size)


# ---------------------------------------------------------------- slides

PANELS_PER_SLIDE = 2
PANEL_GAP = 24.0  # pt between two charts
SOURCE_SIZE = 12  # pt, the source line under a chart


def render_chart_slides(writer, spec, layout) -> None:
    """Slides for a ChartSpec: up to two charts side by side, each with its source line under it.

    `writer` is the DeckWriter: its slides, text boxes, fonts, marker and alt text are reused, so
    a chart slide has the same title fitting, sv-SE runs and example-data marker as the rest.
    """

    rect = writer.content_rect()
    pages = [spec.panels[i:i + PANELS_PER_SLIDE] for i in range(0, len(spec.panels), PANELS_PER_SLIDE)]
    for n, panels in enumerate(pages):
        title = spec.title if n == 0 else writer.t("forts", rubrik=spec.title, nummer=n)
        count = len(panels)
        gap = emu(PANEL_GAP)
        width = (rect.width - gap * (count - 1)) // count
        # A chart title stays on one line (renderers wrap chart titles differently); a shortened
        # one is said in full in the notes and the alt text.
        fitted, notes = [], []
        for panel in panels:
            box = Box(pt(width) * 0.8, writer.body_fonts.get(True).line_height(TITLE_SIZE) * 1.2)
            size, shown = fit_single(panel.title, box, writer.body_fonts, (TITLE_SIZE, 12), bold=True)
            fitted.append(replace(panel, title=shown, title_size=size))
            notes += ([panel.title] if shown != panel.title else []) + panel.notes
        panels = fitted
        slide = writer.new_slide(layout, title, notes, spec.role)
        sources = [[para(" ".join(t for t in (p.source, p.note) if t), bullet=False, space_before=0)] for p in panels]
        # One height for every source line of the slide: the charts line up, and so do their sources.
        source_h = max(total_height(s, pt(width) - 14.4, SOURCE_SIZE, writer.body_fonts, writer.indent)
                       for s in sources) + 7.2
        chart_h = rect.height - emu(source_h) - emu(4)
        for i, (panel, source) in enumerate(zip(panels, sources)):
            left = rect.left + i * (width + gap)
            frame = add_chart(slide.shapes, left, rect.top, width, chart_h, panel, writer.body_font)
            frame.name = f"Diagram {i + 1}: {panel.title}"
            set_alt_text(frame._element, panel.alt)
            writer.textbox(slide.shapes, Rect(left, rect.top + chart_h + emu(4), width, emu(source_h)), source,
                            SOURCE_SIZE, f"Källa {i + 1}")
        if spec.marker and any(p.example for p in panels):
            writer.marker(slide, spec.marker)
        drop_empty_placeholders(slide)
