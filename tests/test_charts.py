"""Styrtal figures as native charts in the deck, and as tables in the Word plan (reopened and read back)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from lxml import etree
from pptx.enum.chart import XL_CHART_TYPE

from generator.derive import Derived
from generator.layout import Layout
from generator.load import load_content
from generator.render.charts import number_format, renumber_axis_ids
from generator.render.plan import render_plan

from .conftest import LAYOUTS, SAMPLE, replace_in
from .test_render_deck import DECK, deck_of, plain, render, slide_texts, title_of, titles

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
FOKUS_CHARTS = ("Fokusområde 4.1.1 – Omställning, innovation och attraktionskraft (Innovationsstöds- och "
                "företagsfrämjande system): styrtal i siffror")
GEMENSAM_CHARTS = "Gemensamma målsättningar med uppdrag – målsättning nr 9: styrtal i siffror"


@pytest.fixture(scope="module")
def prs():
    return deck_of(render()[DECK])


def slide(prs, title: str):
    return next(s for s in prs.slides if title_of(s) == title)


def charts(s) -> list:
    return [shape for shape in s.shapes if shape.has_chart]


def chart_title(shape) -> str:
    """A chart's title as one line (it is broken into two where it needs them)."""
    return plain(shape.chart.chart_title.text_frame.text.replace("\n", " ")) if shape.chart.has_title else ""


def chart_by_title(prs, title: str):
    for s in prs.slides:
        for shape in charts(s):
            if chart_title(shape) == title:
                return shape
    raise AssertionError(f"no chart titled {title}")


def descr(shape) -> str:
    return shape._element.find(f".//{P}cNvPr").get("descr")


def series(chart) -> dict[str, list]:
    return {s.name: list(s.values) for plot in chart.plots for s in plot.series}


def plain_series(chart) -> dict[str, list]:
    return {plain(name): values for name, values in series(chart).items()}


def test_chart_slides_follow_the_slides_they_illustrate(prs):
    got = titles(prs)
    assert got.index(FOKUS_CHARTS) == got.index(
        "Fokusområde 4.1.1 – Omställning, innovation och attraktionskraft (Innovationsstöds- och företagsfrämjande "
        "system): styrtal") + 1
    assert got.index(GEMENSAM_CHARTS) == got.index("Gemensamma målsättningar med uppdrag – målsättning nr 9") + 1
    assert GEMENSAM_CHARTS + " (forts.)" not in got  # the three mål-9 charts share one slide
    assert sum(1 for s in prs.slides if charts(s)) == 2
    assert [len(charts(s)) for s in prs.slides if charts(s)] == [2, 3]


def test_a_styrtal_diagram_section_adds_only_charts_not_shown_yet(tmp_path: Path):
    outline = tmp_path / "deck.yaml"
    text = (LAYOUTS / "deck.yaml").read_text(encoding="utf-8")
    outline.write_text(text.replace("      - {typ: avslutning}", "      - {typ: styrtal_diagram}\n      - {typ: avslutning}"),
                       encoding="utf-8")
    with_section = deck_of(render(outline_override=outline)[DECK])
    assert sum(1 for s in with_section.slides if charts(s)) == 2  # no chart twice


def test_brp_has_a_line_over_the_years_and_bars_of_the_comparison_counties(prs):
    line, bar = charts(slide(prs, FOKUS_CHARTS))
    assert line.chart.chart_type == XL_CHART_TYPE.LINE_MARKERS
    assert list(line.chart.plots[0].categories) == ["2019", "2020", "2021", "2022", "2023"]
    assert series(line.chart) == {"Exempelvärden": [421, 417, 450, 481, 498]}  # all example data: dashed
    assert bar.chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert list(bar.chart.plots[0].categories) == ["Jönköping", "Kronoberg", "Örebro län", "Västmanland", "Värmland"]
    assert series(bar.chart) == {"2023": [512, 505, 498, 476, 459]}
    assert chart_title(bar) == "BRP per invånare 2023: Örebro län och jämförbara län"


def test_the_own_county_bar_is_highlighted_in_colour_and_with_a_bold_label(prs):
    bar = charts(slide(prs, FOKUS_CHARTS))[1]
    ser = bar.chart.plots[0].series[0]
    # Theme colours: the others in tx1 at half strength (grey), the own county in accent1.
    fill = ser._element.find(f"{C}spPr/{A}solidFill/{A}schemeClr")
    assert fill.get("val") == "tx1" and fill.find(f"{A}lumOff").get("val") == "50000"
    point = ser._element.find(f"{C}dPt")
    assert point.find(f"{C}idx").get("val") == "2"  # Örebro län
    own = point.find(f"{C}spPr/{A}solidFill/{A}schemeClr")
    assert own.get("val") == "accent1"
    label = ser._element.find(f"{C}dLbls/{C}dLbl")
    assert label.find(f"{C}idx").get("val") == "2"
    assert label.find(f".//{A}defRPr").get("b") == "1"
    assert label.find(f"{C}showVal").get("val") == "1"


def test_target_range_is_a_column_at_the_plan_year_under_the_values_line(prs):
    hme = chart_by_title(prs, "Hållbart medarbetarengagemang (HME)").chart
    assert [type(p).__name__ for p in hme.plots] == ["BarPlot", "LinePlot"]
    assert list(hme.plots[0].categories) == ["2021", "2022", "2023", "2024", "2025", "2026"]  # to the plan year
    assert plain_series(hme) == {
        "Målets nedre gräns": [None] * 5 + [77], "Mål 77–80": [None] * 5 + [3],  # 2026 only: the target's year
        "Exempelvärden": [74, 75, 75, 76, None, None],  # dashed, joined to the real figure
        "Utfall": [None, None, None, 76, None, None],  # the reference's figure, drawn over the example line
    }
    base = hme.plots[0].series[0]
    assert base._element.find(f"{C}spPr/{A}noFill") is not None
    legend = hme._chartSpace.find(f".//{C}legend/{C}legendEntry")
    assert (legend.find(f"{C}idx").get("val"), legend.find(f"{C}delete").get("val")) == ("0", "1")
    example = hme.plots[1].series[0]._element
    assert example.find(f"{C}spPr/{A}ln/{A}prstDash").get("val") == "dash"


def test_a_share_axis_stops_at_100_percent(prs):
    sam = chart_by_title(prs, "Chefer som svarat på uppföljningen av SAM").chart
    assert sam.value_axis.maximum_scale == 100


def test_the_legend_names_only_drawn_series(prs):
    brp = charts(slide(prs, FOKUS_CHARTS))[0].chart  # every value is example data: no "Utfall" series at all
    assert list(plain_series(brp)) == ["Exempelvärden"]
    for s in prs.slides:
        for shape in charts(s):
            for plot in shape.chart.plots:
                for ser in plot.series:
                    assert any(v is not None for v in ser.values), ser.name


def test_a_long_chart_title_is_broken_into_two_lines_not_cut(prs):
    sam = chart_by_title(prs, "Chefer som svarat på uppföljningen av SAM")
    assert sam.chart.chart_title.text_frame.text.count("\n") == 1


def test_chart_text_is_the_decks_chart_size(prs):
    for s in prs.slides:
        for shape in charts(s):
            space = shape.chart._chartSpace
            sizes = {int(el.get("sz")) for tag in ("rPr", "defRPr") for el in space.iter(A + tag) if el.get("sz")}
            assert sizes == {1400}, sizes


def test_numbers_are_formatted_the_swedish_way(prs):
    sick = chart_by_title(prs, "Sjukfrånvaro").chart
    labels = sick.plots[1].series[0]._element.find(f"{C}dLbls/{C}numFmt")
    assert labels.get("formatCode") == "[$-41D]#,##0.0" and labels.get("sourceLinked") == "0"
    assert sick.value_axis.tick_labels.number_format == "[$-41D]#,##0.0"
    assert not sick.value_axis.tick_labels.number_format_is_linked
    assert number_format(0) == "[$-41D]#,##0" and number_format(2) == "[$-41D]#,##0.00"
    # Ticks every half unit: never a step the one-decimal format would round (6,25 shown as 6,3).
    assert (sick.value_axis.minimum_scale, sick.value_axis.maximum_scale, sick.value_axis.major_unit) == (6.0, 7.5, 0.5)


def test_every_chart_text_is_swedish_and_axis_ids_are_schema_valid(prs):
    for s in prs.slides:
        for shape in charts(s):
            space = shape.chart._chartSpace
            assert space.find(f"{C}lang").get("val") == "sv-SE"
            langs = {el.get("lang") for tag in ("rPr", "defRPr", "endParaRPr") for el in space.iter(A + tag)}
            assert langs == {"sv-SE"}
            ids = [int(el.get("val")) for el in space.iter(C + "axId", C + "crossAx")]
            assert ids and min(ids) >= 0
            assert shape.chart.value_axis.has_title and shape.chart.category_axis.has_title


def test_negative_axis_ids_are_renumbered_consistently():
    space = etree.fromstring(
        f'<c:chartSpace xmlns:c="{C[1:-1]}"><c:chart><c:plotArea><c:lineChart><c:axId val="-20"/><c:axId val="-30"/>'
        '</c:lineChart><c:catAx><c:axId val="-20"/><c:crossAx val="-30"/></c:catAx>'
        '<c:valAx><c:axId val="-30"/><c:crossAx val="-20"/></c:valAx></c:plotArea></c:chart></c:chartSpace>')
    renumber_axis_ids(space)
    assert [el.get("val") for el in space.iter(C + "axId", C + "crossAx")] == ["100", "101", "100", "101", "101", "100"]


def test_alt_text_describes_each_chart_in_words(prs):
    line, bar = charts(slide(prs, FOKUS_CHARTS))
    assert plain(descr(line)) == ("Linjediagram: BRP per invånare, Örebro län, 2019–2023: ökade från 421 tkr/invånare till "
                           "498 tkr/invånare. Värdena 2019–2023 är exempeldata.")
    assert plain(descr(bar)) == ("Stapeldiagram: BRP per invånare 2023 (tkr/invånare), Örebro län markerat: 498 tkr/invånare. "
                          "Högre: Jönköping (512 tkr/invånare) och Kronoberg (505 tkr/invånare). Lägre: Västmanland "
                          "(476 tkr/invånare) och Värmland (459 tkr/invånare). Värdena är exempeldata.")
    assert plain(descr(chart_by_title(prs, "Sjukfrånvaro"))) == (
        "Linjediagram: Sjukfrånvaro, Örebro län, 2021–2024: minskade från 7,1 % till 6,5 %. Målet för 2026 är "
        "6,3–6,1 %. Värdena 2021–2023 är exempeldata.")


def test_source_lines_and_example_marker_are_on_the_slide(prs):
    texts = slide_texts(slide(prs, FOKUS_CHARTS))
    assert texts == [
        "Källa: SCB, regionalräkenskaperna. Streckad linje: exempelvärden, ersätts före beslut.",
        "Källa: SCB, regionalräkenskaperna. Alla staplar är exempelvärden, ersätts före beslut.",
        "Exempeldata – ersätts före beslut",
    ]


def test_charts_fit_inside_the_content_area_side_by_side(prs):
    shapes = charts(slide(prs, FOKUS_CHARTS))
    width, height = prs.slide_width, prs.slide_height
    for shape in shapes:
        assert shape.left >= 0 and shape.top >= 0
        assert shape.left + shape.width <= width and shape.top + shape.height <= height
    assert shapes[0].left + shapes[0].width < shapes[1].left  # no overlap


def test_trend_words_follow_the_styrtal_text(prs):
    texts = slide_texts(slide(prs, "Gemensamma målsättningar med uppdrag – målsättning nr 9"))
    assert "Sjukfrånvaron ska minska. (Utfall 2024: 6,5 %, mål: 6,3–6,1 %) Trend 2023–2024: minskar, i målets " \
           "riktning (bygger på exempeldata)." in texts


def test_a_trend_away_from_the_target_says_so(content: Path):
    replace_in(content / "styrtal-data.yaml", "{år: 2023, värde: 6.8, exempel: true}", "{år: 2023, värde: 6.2}")
    texts = slide_texts(slide(deck_of(render(content)[DECK]), "Gemensamma målsättningar med uppdrag – målsättning nr 9"))
    assert any(t.endswith("Trend 2023–2024: ökar, inte i målets riktning.") for t in texts)


def test_without_a_data_file_there_are_no_charts_and_no_trend_words(content: Path):
    (content / "styrtal-data.yaml").unlink()
    prs = deck_of(render(content)[DECK])
    assert not any(charts(s) for s in prs.slides)
    assert not any("Trend " in t for s in prs.slides for t in slide_texts(s))


def test_a_single_target_value_is_a_mark_at_the_plan_year(content: Path):
    replace_in(content / "gemensamma.yaml", "målvärde: {från: 90, till: 100}", "målvärde: {från: 90}")
    chart = chart_by_title(deck_of(render(content)[DECK]), "Chefer som svarat på uppföljningen av SAM").chart
    assert [type(p).__name__ for p in chart.plots] == ["LinePlot"]
    target = chart.plots[0].series[-1]
    assert plain(target.name) == "Mål 90 %" and list(target.values) == [None] * 5 + [90]
    assert target._element.find(f"{C}spPr/{A}ln/{A}noFill") is not None  # no line: a mark
    assert target._element.find(f"{C}marker/{C}symbol").get("val") == "dash"


# ---------------------------------------------------------------- the Word plan

@pytest.fixture(scope="module")
def document():
    loaded = load_content(SAMPLE)
    return Document(io.BytesIO(render_plan(loaded.plan, Derived(loaded.plan), Layout(LAYOUTS))))


def table_after(document, caption: str) -> list[list[str]]:
    body = document.element.body
    paragraphs = [p for p in body.iterchildren() if p.tag.endswith("}p")]
    start = next(p for p in paragraphs if "".join(t.text or "" for t in p.iter() if t.tag.endswith("}t")) == caption)
    node = start.getnext()
    while not node.tag.endswith("}tbl"):
        node = node.getnext()
    table = next(t for t in document.tables if t._tbl is node)
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_plan_has_the_figures_as_tables_with_years_as_columns_and_the_target(document):
    assert table_after(document, "Sjukfrånvaro (%): värden per år (exempeldata)") == [
        ["Område", "2021", "2022", "2023", "2024", "Mål 2026"],
        ["Örebro län", "7,1 *", "7,0 *", "6,8 *", "6,5", "6,3–6,1"],
    ]
    assert table_after(document, "BRP per invånare (tkr/invånare): värden per år (exempeldata)") == [
        ["Område", "2019", "2020", "2021", "2022", "2023", "Mål 2026"],
        ["Örebro län", "421 *", "417 *", "450 *", "481 *", "498 *", "–"],
        ["Jönköping", "–", "–", "–", "–", "512 *", "–"],
        ["Kronoberg", "–", "–", "–", "–", "505 *", "–"],
        ["Värmland", "–", "–", "–", "–", "459 *", "–"],
        ["Västmanland", "–", "–", "–", "–", "476 *", "–"],
    ]


def test_plan_says_what_the_star_means_and_gives_source_and_trend(document):
    texts = [p.text for p in document.paragraphs]
    assert ("Exempeldata – ersätts före beslut. Värden markerade med * är påhittade och ska ersättas med riktiga "
            "siffror före beslut.") in texts
    assert ("Trend 2023–2024: minskar, i målets riktning (bygger på exempeldata). Källa: Region Örebro läns "
            "personalstatistik.") in texts


def test_an_unknown_diagram_content_in_the_outline_names_the_choices(tmp_path: Path):
    from generator.problems import LayoutError
    from generator.render.deck import render_decks

    outline = tmp_path / "deck.yaml"
    outline.write_text("layouter: {}\npresentationer:\n  - fil: x\n    avsnitt:\n"
                       "      - {typ: styrtal_diagram, innehåll: ekonomi}\n", encoding="utf-8")
    loaded = load_content(SAMPLE)
    with pytest.raises(LayoutError) as err:
        render_decks(loaded.plan, Derived(loaded.plan), Layout(LAYOUTS, outline_override=outline))
    assert "presentationer[1].avsnitt[1].innehåll: styrtalsdiagrammen kan visa: fokusområden, gemensamma, " \
           "målsättningar (utan innehåll: alla)" in str(err.value)
