"""The theme's colours in the deck, reopened: tables and charts take the template's accent, every
pair of text and background has WCAG AA contrast, the example-data badge is unmistakable."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from generator.contrast import contrast_ratio, hex_rgb
from generator.render.theme import Palette

from .test_render_deck import DECK, deck_of, render, slide_texts, title_of

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
OFFICE_STYLE = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"  # "Medium Style 2 – Accent 1", python-pptx's default


def template_with_accent(tmp_path: Path, accent: str) -> Path:
    prs = Presentation()
    part = prs.slide_master.part.part_related_by(RT.THEME)
    theme = etree.fromstring(part.blob)
    slot = theme.find(f".//{A}clrScheme/{A}accent1")
    for child in list(slot):
        slot.remove(child)
    etree.SubElement(slot, f"{A}srgbClr", val=accent)
    part._blob = etree.tostring(theme)
    path = tmp_path / f"accent-{accent}.pptx"
    prs.save(path)
    return path


def tables(prs):
    return [shape for slide in prs.slides for shape in slide.shapes if shape.has_table]


def cell_fill(cell):
    return cell._tc.tcPr.find(f"{A}solidFill")[0]


def test_tables_take_header_and_banding_colours_from_the_theme_not_an_office_style():
    prs = deck_of(render()[DECK])
    palette = Palette.of(prs)
    found = tables(prs)
    assert len(found) == 5  # the changes against VP-2025, the counts, three economy tables
    for frame in found:
        assert frame._element.find(f".//{A}tableStyleId").text != OFFICE_STYLE
        table = frame.table
        header = [cell_fill(cell) for cell in table.rows[0].cells]
        assert {(el.tag, el.get("val")) for el in header} == {(f"{A}schemeClr", "accent1")}
        band = cell_fill(table.cell(2, 0))
        assert band.get("val") == "accent1" and band.find(f"{A}lumOff") is not None  # a tint of the accent
        assert {r.find(f"{A}solidFill/{A}schemeClr").get("val")
                for r in table.cell(0, 0)._tc.iter(f"{A}rPr")} == {"bg1"}  # header text: white on the accent
    assert contrast_ratio(palette.on_accent.rgb, palette.accent.rgb) >= 4.5
    assert contrast_ratio(palette.text.rgb, palette.band.rgb) >= 4.5
    assert contrast_ratio(palette.text.rgb, palette.total.rgb) >= 4.5
    assert palette.accent.hex == "1F4E79"  # board.pptx's accent 1: the navy of the Word plan's tables


@pytest.mark.parametrize("accent, darkened", [("C00000", False), ("FFD966", True), ("4F81BD", True)])
def test_another_theme_recolours_the_tables_and_still_passes_contrast(tmp_path, accent, darkened):
    prs = deck_of(render(pptx_override=template_with_accent(tmp_path, accent))[DECK])
    palette = Palette.of(prs)
    header = cell_fill(tables(prs)[0].table.cell(0, 0))
    assert header.get("val") == "accent1"
    assert (header.find(f"{A}lumMod") is not None) == darkened
    assert contrast_ratio(palette.on_accent.rgb, palette.accent.rgb) >= 4.5
    if not darkened:
        assert palette.accent.rgb == hex_rgb(accent)


def test_charts_draw_in_the_theme_colours():
    prs = deck_of(render()[DECK])
    charts = [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    schemes = {el.get("val") for chart in charts for el in chart._chartSpace.iter(f"{A}schemeClr")}
    assert "accent1" in schemes and not list(charts[0]._chartSpace.iter(f"{A}srgbClr"))


def test_a_slide_with_example_data_carries_the_badge_above_its_data():
    prs = deck_of(render()[DECK])
    marked = [s for s in prs.slides if "Exempeldata – ersätts före beslut" in slide_texts(s)]
    assert [title_of(s) for s in marked] == [
        "Fokusområde 4.1.1 – Omställning, innovation och attraktionskraft (Innovationsstöds- och företagsfrämjande "
        "system): styrtal i siffror",
        "Gemensamma målsättningar med uppdrag – målsättning nr 9: styrtal i siffror",
        "Fördelning av ramanslag inom Regionala tillväxtnämnden 2026",
        "Förslag till uppräkning per förening/stiftelse 2026",
        "Preliminärt utrymme för (eventuella) satsningar 2025-08-08",
    ]
    for slide in marked:
        badge = next(shape for shape in slide.shapes if shape.name == "Exempeldata")
        fill = str(badge.fill.fore_color.rgb)
        text = badge._element.find(f".//{A}rPr/{A}solidFill/{A}schemeClr").get("val")
        assert fill == "FFC000" and text == "tx1"
        assert contrast_ratio(hex_rgb(fill), Palette.of(prs).text.rgb) >= 4.5
        data = [s for s in slide.shapes if s.has_chart or s.has_table]
        assert all(badge.top + badge.height <= d.top or badge.left >= d.left + d.width for d in data)


def test_granska_finds_no_contrast_or_size_problem_in_the_sample_deck(tmp_path):
    from generator.review import review

    path = tmp_path / DECK
    path.write_bytes(render()[DECK])
    assert [f.format() for f in review([path], render=False)] == []
