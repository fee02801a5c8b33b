"""vpgen granska: one deliberately bad deck or document per rule, built here, and clean ones."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor as DocxRGB
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Inches, Pt

from generator.cli import cli
from generator.findings import Finding
from generator.review import contrast_ratio, review, run_review

from .conftest import soffice

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
DECORATIVE = ('<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:ext '
              'uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative '
              'xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>')


# ------------------------------------------------------------------------------ builders
def _set_langs(prs, lang: str | None) -> None:
    """Set (or with None remove) every default language of the template: presentation, masters, layouts."""
    parts = [prs.part._element]
    for master in prs.slide_masters:
        parts.append(master._element)
        parts += [layout._element for layout in master.slide_layouts]
    for element in parts:
        for node in element.iter():
            if node.get("lang") is not None:
                if lang is None:
                    del node.attrib["lang"]
                else:
                    node.set("lang", lang)


def swedish_deck() -> Presentation:
    """python-pptx's default template with sv-SE as every default language and a document title."""
    prs = Presentation()
    prs.core_properties.title = "Verksamhetsplan 2026"
    _set_langs(prs, "sv-SE")
    return prs


def picture(tmp_path: Path) -> Path:
    path = tmp_path / "karta.png"
    Image.new("RGB", (40, 30), (30, 90, 160)).save(path)
    return path


def add_title_slide(prs, title: str, body: list[str] | None = None):
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = title
    if body is not None:
        frame = slide.placeholders[1].text_frame
        frame.text = body[0]
        for line in body[1:]:
            frame.add_paragraph().text = line
    return slide


def clean_deck(tmp_path: Path) -> Presentation:
    prs = swedish_deck()
    first = prs.slides.add_slide(prs.slide_layouts[0])
    first.shapes.title.text = "Verksamhetsplan 2026"
    first.placeholders[1].text = "Regional tillväxtnämnd"
    add_title_slide(prs, "Tidplan", ["Förslag till nämnden i september", "Beslut i november"])
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Fördelning av ramanslag"
    pic = slide.shapes.add_picture(str(picture(tmp_path)), Inches(6), Inches(5), Inches(2), Inches(1.5))
    pic._element.nvPicPr.cNvPr.set("descr", "Karta över Örebro län")
    table = slide.shapes.add_table(3, 2, Inches(0.5), Inches(1.6), Inches(5), Inches(1.5)).table
    for r, (a, b) in enumerate([("Förening", "Mnkr"), ("Länsmuseet", "12,4"), ("Länsteatern", "9,8")]):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    return prs


def save(prs, tmp_path: Path, name: str = "deck.pptx") -> Path:
    path = tmp_path / name
    prs.save(path)
    return path


def only(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def swedish_document() -> docx.Document:
    """python-docx's default template with sv-SE in docDefaults, a title, and dark heading colours
    (its Heading 2/3 blue #4F81BD at 13 pt is 4.0:1 against white: not AA)."""
    document = docx.Document()
    document.core_properties.title = "Verksamhetsplan 2026"
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rpr.find(qn("w:lang")).set(qn("w:val"), "sv-SE")
    for level in (1, 2, 3):
        document.styles[f"Heading {level}"].font.color.rgb = DocxRGB(0x1F, 0x38, 0x64)
    return document


def header_row(table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def clean_document(tmp_path: Path) -> docx.Document:
    document = swedish_document()
    document.add_heading("Verksamhetsplan 2026", 1)
    document.add_paragraph("Regional tillväxtnämnd.")
    document.add_heading("Målsättningar", 2)
    document.add_paragraph("Tio numrerade målsättningar.")
    document.add_heading("Styrtal", 3)
    document.add_picture(str(picture(tmp_path)))
    document.inline_shapes[0]._inline.docPr.set("descr", "Karta över Örebro län")
    table = document.add_table(2, 2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Styrtal", "Mål"
    table.cell(1, 0).text, table.cell(1, 1).text = "Andel i arbete", "77–80"
    header_row(table)
    document.add_heading("Ekonomi", 1)
    return document


# ------------------------------------------------------------------------------ clean inputs
def test_clean_deck_and_document_report_nothing(tmp_path):
    deck = save(clean_deck(tmp_path), tmp_path)
    document = tmp_path / "plan.docx"
    clean_document(tmp_path).save(document)
    assert review([deck, document], render=False) == []


def test_clean_deck_reports_nothing_when_rendered(tmp_path):
    soffice()
    deck = save(clean_deck(tmp_path), tmp_path)
    result = run_review([deck], render=True)
    assert result.overflow_method == "rendered"
    assert result.findings == []


# ------------------------------------------------------------------------------ slide titles
def test_slide_without_title_is_reported(tmp_path):
    prs = clean_deck(tmp_path)
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank: no title placeholder
    slide.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(1)).text_frame.text = "Frågor?"
    findings = review([save(prs, tmp_path)], render=False)
    assert findings == [Finding(
        str(tmp_path / "deck.pptx"), location="bild 4", shape="", rule="title-missing",
        message="Bilden saknar rubrik. Skriv en rubrik i bildens rubrikplatshållare (den läses upp av skärmläsare "
                "och blir bokmärke i PDF), även om den placeras utanför bilden.")]


def test_empty_title_placeholder_is_a_missing_title(tmp_path):
    prs = clean_deck(tmp_path)
    prs.slides.add_slide(prs.slide_layouts[5])
    findings = review([save(prs, tmp_path)], render=False)
    assert [(f.location, f.shape, f.rule) for f in findings] == [("bild 4", "Title 1", "title-missing")]


def test_duplicate_slide_titles_are_reported_on_the_later_slide(tmp_path):
    prs = clean_deck(tmp_path)
    add_title_slide(prs, "Tidplan ", ["Andra halvåret"])  # same title but for case and spaces
    findings = review([save(prs, tmp_path)], render=False)
    assert [(f.location, f.shape, f.rule, f.message) for f in findings] == [(
        "bild 4", "Title 1", "title-duplicate",
        "Rubriken ”Tidplan” finns redan på bild 2. Ge varje bild en egen rubrik, t.ex. med ”(forts.)”.")]


# ------------------------------------------------------------------------------ language
def test_run_without_language_anywhere_is_reported(tmp_path):
    prs = clean_deck(tmp_path)
    _set_langs(prs, None)  # no default language in presentation, master or layouts
    findings = only(review([save(prs, tmp_path)], render=False), "lang-missing")
    assert [(f.location, f.shape) for f in findings] == [
        ("bild 1", "Title 1"), ("bild 1", "Subtitle 2"), ("bild 2", "Title 1"), ("bild 2", "Content Placeholder 2"),
        ("bild 3", "Title 1"), ("bild 3", "Table 3")]
    assert findings[3].message == (
        "2 textavsnitt saknar språk, t.ex. ”Förslag till nämnden i september”. Markera texten som svenska (sv-SE) så "
        "att skärmläsare och stavningskontroll läser rätt.")


def test_run_without_language_inherits_swedish_from_the_master(tmp_path):
    prs = clean_deck(tmp_path)
    for slide in prs.slides:
        for node in slide._element.iter(f"{{{A}}}rPr"):
            node.attrib.pop("lang", None)
    assert review([save(prs, tmp_path)], render=False) == []


def test_run_in_english_is_reported(tmp_path):
    prs = clean_deck(tmp_path)
    run = prs.slides[1].placeholders[1].text_frame.paragraphs[1].runs[0]
    run._r.get_or_add_rPr().set("lang", "en-US")
    findings = review([save(prs, tmp_path)], render=False)
    assert [(f.location, f.shape, f.rule, f.message) for f in findings] == [(
        "bild 2", "Content Placeholder 2", "lang-not-sv",
        "Ett textavsnitt har språket en-US, t.ex. ”Beslut i november”. Markera texten som svenska (sv-SE).")]


def test_master_default_in_english_is_reported_for_inheriting_text(tmp_path):
    prs = clean_deck(tmp_path)
    body_style = prs.slide_master._element.find(
        "{http://schemas.openxmlformats.org/presentationml/2006/main}txStyles/"
        "{http://schemas.openxmlformats.org/presentationml/2006/main}bodyStyle")
    for node in body_style.iter():
        if node.get("lang"):
            node.set("lang", "en-GB")
    level = body_style.find(f"{{{A}}}lvl1pPr/{{{A}}}defRPr")
    level.set("lang", "en-GB")
    findings = only(review([save(prs, tmp_path)], render=False), "lang-not-sv")
    # bodyStyle serves body and subtitle placeholders; titles and the table use other styles
    assert [(f.location, f.shape) for f in findings] == [("bild 1", "Subtitle 2"), ("bild 2", "Content Placeholder 2")]


# ------------------------------------------------------------------------------ alt text
def test_picture_without_alt_text_is_reported(tmp_path):
    prs = clean_deck(tmp_path)
    slide = prs.slides[2]
    slide.shapes.add_picture(str(picture(tmp_path)), Inches(1), Inches(5), Inches(1), Inches(1)) \
        ._element.nvPicPr.cNvPr.set("descr", "")
    findings = review([save(prs, tmp_path)], render=False)
    assert [(f.location, f.shape, f.rule, f.message) for f in findings] == [(
        "bild 3", "Picture 4", "alt-text-missing",
        "Bilden saknar alternativtext. Beskriv vad den visar (Alternativtext), eller markera den som dekorativ om den "
        "inte bär information.")]


def test_file_name_as_alt_text_is_reported(tmp_path):
    prs = clean_deck(tmp_path)
    prs.slides[2].shapes.add_picture(str(picture(tmp_path)), Inches(1), Inches(5))  # python-pptx: descr = file name
    findings = review([save(prs, tmp_path)], render=False)
    assert [(f.location, f.rule, f.message) for f in findings] == [(
        "bild 3", "alt-text-missing",
        "Bilden har ett filnamn som alternativtext (”karta.png”). Beskriv vad den visar, eller markera den som "
        "dekorativ.")]


def test_decorative_picture_needs_no_alt_text(tmp_path):
    prs = clean_deck(tmp_path)
    pic = prs.slides[2].shapes.add_picture(str(picture(tmp_path)), Inches(1), Inches(5))
    cnvpr = pic._element.nvPicPr.cNvPr
    cnvpr.set("descr", "")
    cnvpr.append(etree.fromstring(DECORATIVE))
    assert review([save(prs, tmp_path)], render=False) == []


def test_shape_with_text_needs_alt_text_but_a_text_box_does_not(tmp_path):
    from pptx.enum.shapes import MSO_SHAPE

    prs = clean_deck(tmp_path)
    slide = prs.slides[2]
    chevron = slide.shapes.add_shape(MSO_SHAPE.CHEVRON, Inches(6), Inches(2), Inches(3), Inches(1))
    chevron.fill.solid()
    chevron.fill.fore_color.rgb = RGBColor(0x1F, 0x38, 0x64)  # white text (the shape style's lt1) on dark blue
    chevron.text_frame.text = "Beslut"
    slide.shapes.add_textbox(Inches(6), Inches(3.5), Inches(3), Inches(0.6)).text_frame.text = "Not"
    findings = review([save(prs, tmp_path)], render=False)
    assert [(f.location, f.shape, f.rule, f.message) for f in findings] == [(
        "bild 3", "Chevron 4", "alt-text-missing",
        "Formen saknar alternativtext. Beskriv vad den visar (Alternativtext), eller markera den som dekorativ om den "
        "inte bär information.")]


def test_group_with_text_needs_its_own_alt_text_and_covers_its_children(tmp_path):
    from pptx.enum.shapes import MSO_SHAPE

    prs = clean_deck(tmp_path)
    group = prs.slides[2].shapes.add_group_shape()
    step = group.shapes.add_shape(MSO_SHAPE.CHEVRON, Inches(6), Inches(2), Inches(2), Inches(1))
    step.fill.solid()
    step.fill.fore_color.rgb = RGBColor(0x1F, 0x38, 0x64)
    step.text_frame.text = "Beslut"
    group.shapes.add_picture(str(picture(tmp_path)), Inches(8), Inches(2), Inches(1), Inches(1))
    path = save(prs, tmp_path)
    findings = review([path], render=False)
    assert [(f.location, f.shape, f.rule, f.message) for f in findings] == [(
        "bild 3", "Group 4", "alt-text-missing",
        "Gruppen saknar alternativtext. Beskriv vad den visar (Alternativtext), eller markera den som dekorativ om den "
        "inte bär information.")]
    group._element.nvGrpSpPr.cNvPr.set("descr", "Tidslinje: beslut i november")
    assert review([save(prs, tmp_path)], render=False) == []


def chart_deck(tmp_path: Path, size: float = 14) -> Path:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE

    prs = clean_deck(tmp_path)
    slide = add_title_slide(prs, "Ramanslag per år")
    data = CategoryChartData()
    data.categories = ["2024", "2025", "2026"]
    data.add_series("Mnkr", (101.5, 104.2, 107.9))
    frame = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(2), Inches(6), Inches(4), data)
    if size:
        frame.chart.font.size = Pt(size)
    return save(prs, tmp_path)


def test_chart_text_under_14_pt_is_reported(tmp_path):
    findings = [f for f in review([chart_deck(tmp_path, 12)], render=False) if f.rule == "font-too-small"]
    assert [(f.location, f.shape, f.message) for f in findings] == [(
        "bild 4", "Chart 3", "Texten i diagrammet är 12 pt. Text på bilder ska vara minst 14 pt: ge diagrammets "
        "rubrik, etiketter och förklaring en större storlek.")]


def test_chart_without_alt_text_is_reported(tmp_path):
    findings = review([chart_deck(tmp_path)], render=False)
    assert [(f.location, f.shape, f.rule) for f in findings] == [("bild 4", "Chart 3", "alt-text-missing")]
    assert findings[0].message.startswith("Diagrammet saknar alternativtext.")


def test_chart_labels_are_not_taken_for_overflowing_slide_text(tmp_path):
    soffice()
    findings = review([chart_deck(tmp_path)], render=True)
    assert [(f.location, f.rule) for f in findings] == [("bild 4", "alt-text-missing")]


# ------------------------------------------------------------------------------ tables
def test_table_without_header_row_is_reported(tmp_path):
    prs = clean_deck(tmp_path)
    prs.slides[2].shapes[2].table.first_row = False
    findings = review([save(prs, tmp_path)], render=False)
    assert [(f.location, f.shape, f.rule, f.message) for f in findings] == [(
        "bild 3", "Table 3", "table-header-missing",
        "Tabellen saknar rubrikrad. Markera första raden som rubrikrad (Tabelldesign → Rubrikrad), så att "
        "skärmläsare kan koppla cellerna till kolumnrubrikerna.")]


# ------------------------------------------------------------------------------ size
def test_text_under_14_pt_is_reported(tmp_path):
    prs = clean_deck(tmp_path)
    prs.slides[1].placeholders[1].text_frame.paragraphs[0].runs[0].font.size = Pt(12)
    findings = review([save(prs, tmp_path)], render=False)
    assert [(f.location, f.shape, f.rule, f.message) for f in findings] == [(
        "bild 2", "Content Placeholder 2", "font-too-small",
        "Texten är 12 pt, t.ex. ”Förslag till nämnden i september”. Text på bilder ska vara minst 14 pt: korta "
        "texten eller dela upp den på fler bilder.")]


def test_size_inherited_from_the_master_and_shrunk_by_autofit_is_reported(tmp_path):
    prs = clean_deck(tmp_path)
    body = prs.slides[1].placeholders[1].text_frame._txBody.bodyPr
    body.append(etree.fromstring(f'<a:normAutofit xmlns:a="{A}" fontScale="25000"/>'))  # 32 pt × 25 % = 8 pt
    findings = review([save(prs, tmp_path)], render=False)
    assert [(f.location, f.rule, f.message) for f in findings] == [(
        "bild 2", "font-too-small",
        "Texten är 8 pt (autopassning har förminskat den från 32 pt), t.ex. ”Förslag till nämnden i september”. Text "
        "på bilder ska vara minst 14 pt: korta texten eller dela upp den på fler bilder.")]


# ------------------------------------------------------------------------------ contrast
def test_light_grey_on_white_is_reported(tmp_path):
    prs = clean_deck(tmp_path)
    prs.slides[1].placeholders[1].text_frame.paragraphs[1].runs[0].font.color.rgb = RGBColor(0xC0, 0xC0, 0xC0)
    findings = review([save(prs, tmp_path)], render=False)
    assert [(f.location, f.shape, f.rule, f.message) for f in findings] == [(
        "bild 2", "Content Placeholder 2", "contrast-low",
        "Kontrasten mellan texten och bakgrunden är 1,8:1 (#C0C0C0 på #FFFFFF), t.ex. ”Beslut i november”; minst "
        "3:1 krävs (stor text). Välj en mörkare text eller en ljusare bakgrund (eller tvärtom).")]


def test_theme_colour_on_a_filled_shape_is_resolved(tmp_path):
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.enum.shapes import MSO_SHAPE

    prs = clean_deck(tmp_path)
    box = prs.slides[2].shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(6), Inches(2), Inches(3), Inches(1))
    box._element.nvSpPr.cNvPr.set("descr", "Ruta")
    box.fill.solid()
    box.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    box.text_frame.text = "Ny målformulering"
    run = box.text_frame.paragraphs[0].runs[0]
    run.font.size = Pt(14)
    run.font.color.theme_color = MSO_THEME_COLOR.ACCENT_1  # accent1 text on an accent1 fill
    findings = review([save(prs, tmp_path)], render=False)
    assert [(f.location, f.shape, f.rule) for f in findings] == [("bild 3", "Rectangle 4", "contrast-low")]
    assert "1:1 (#4F81BD på #4F81BD)" in findings[0].message


def test_white_text_on_the_default_shape_gradient_is_checked_against_its_lightest_stop(tmp_path):
    from pptx.enum.shapes import MSO_SHAPE

    prs = clean_deck(tmp_path)
    box = prs.slides[2].shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(6), Inches(2), Inches(3), Inches(1))
    box._element.nvSpPr.cNvPr.set("descr", "Ruta")
    box.text_frame.text = "Beslut"  # python-pptx: p:style fillRef idx=3 (a theme gradient of accent1), text lt1
    findings = review([save(prs, tmp_path)], render=False)
    assert [(f.location, f.shape, f.rule) for f in findings] == [("bild 3", "Rectangle 4", "contrast-low")]
    assert "(#FFFFFF på #" in findings[0].message


def test_white_text_on_the_default_shape_fill_passes_as_large_text():
    # python-pptx autoshapes: white (lt1) text on accent1 #4F81BD is 4.0:1 – enough only for large text
    assert round(contrast_ratio((1, 1, 1), (0x4F / 255, 0x81 / 255, 0xBD / 255)), 1) == 4.0


# ------------------------------------------------------------------------------ overflow
def overflowing_deck(tmp_path: Path) -> Path:
    prs = clean_deck(tmp_path)
    box = prs.slides[2].shapes.add_textbox(Inches(6), Inches(2), Inches(3), Inches(0.5))
    frame = box.text_frame
    frame.word_wrap = True
    frame.auto_size = None
    frame.text = "Utrymme för satsningar inom näringslivsutveckling och folkhälsa " * 4
    frame.paragraphs[0].runs[0].font.size = Pt(14)
    return save(prs, tmp_path)


def test_overflowing_text_box_is_estimated_without_libreoffice(tmp_path):
    findings = review([overflowing_deck(tmp_path)], render=False)
    assert [(f.location, f.shape, f.rule) for f in findings] == [("bild 3", "TextBox 4", "text-overflow")]
    assert findings[0].message.startswith("Texten får troligen inte plats i rutan (nedtill): den behöver ca ")
    assert findings[0].message.endswith("men rutan rymmer 29 pt (uppskattat med teckensnittets mått). Korta texten, "
                                        "gör rutan större eller dela upp innehållet.")


def test_overflowing_text_box_is_measured_in_the_rendered_pdf(tmp_path):
    soffice()
    result = run_review([overflowing_deck(tmp_path)], render=True)
    assert result.overflow_method == "rendered"
    assert [(f.location, f.shape, f.rule) for f in result.findings] == [("bild 3", "TextBox 4", "text-overflow")]
    assert result.findings[0].message.startswith("Texten går utanför rutan nedtill med ")


def test_text_box_running_off_the_slide_is_measured(tmp_path):
    soffice()
    prs = clean_deck(tmp_path)
    box = prs.slides[2].shapes.add_textbox(Inches(7), Inches(6.8), Inches(2.5), Inches(0.5))
    box.text_frame.word_wrap = True
    box.text_frame.text = "Storregionalt samarbete i Mälardalen " * 6
    result = run_review([save(prs, tmp_path)], render=True)
    assert [(f.location, f.shape, f.rule) for f in result.findings] == [("bild 3", "TextBox 4", "text-overflow")] * 2
    box, page = result.findings
    assert box.message.startswith("Texten går utanför rutan nedtill med ")
    assert page.message.startswith("Text hamnar utanför bilden (upp till ")
    assert page.message.endswith("Flytta eller förminska rutan, eller korta texten.")


def test_negative_amounts_and_invisible_characters_are_all_seen_in_the_rendered_pdf(tmp_path):
    """A minus sign is no bullet ("-9 876,5" is seven characters of the table), and a zero-width
    space or a soft hyphen, which no PDF shows, is not text missing from the slide."""
    soffice()
    prs = clean_deck(tmp_path)
    slide = prs.slides[2]
    table = slide.shapes.add_table(6, 2, Inches(5.6), Inches(1.6), Inches(3.2), Inches(2.4)).table
    for r, (a, b) in enumerate([("Post", "Mnkr"), ("Reserv", "-1,2"), ("Åtgärd", "-2,4"), ("Investering", "-9\u00a0876,5"),
                                ("Satsning", "-12\u00a0345,6"), ("Utrymme", "-22\u00a0219,7")]):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    box = slide.shapes.add_textbox(Inches(0.5), Inches(4.6), Inches(5), Inches(0.6))
    box.text_frame.text = "Tand\u200bvården är god,\u00ad säker och jäm\u00adlik."
    result = run_review([save(prs, tmp_path)], render=True)
    assert result.overflow_method == "rendered"
    assert only(result.findings, "text-overflow") == []


# ------------------------------------------------------------------------------ Word
def save_document(document, tmp_path: Path, name: str = "plan.docx") -> Path:
    path = tmp_path / name
    document.save(path)
    return path


def test_docx_heading_skip_is_reported(tmp_path):
    document = swedish_document()
    document.add_heading("Verksamhetsplan 2026", 1)
    document.add_paragraph("Inledning.")
    document.add_heading("Styrtal", 3)
    findings = review([save_document(document, tmp_path)], render=False)
    assert [(f.location, f.rule, f.message) for f in findings] == [(
        "stycke 3", "heading-skip",
        "Rubriken ”Styrtal” har nivå 3 men närmast före finns rubriknivå 1. Hoppa inte över rubriknivåer: använd "
        "Rubrik 2 här eller lägg till den nivå som fattas.")]


def test_docx_outline_level_on_a_custom_style_counts_as_heading(tmp_path):
    from docx.enum.style import WD_STYLE_TYPE

    document = swedish_document()
    style = document.styles.add_style("Avsnitt", WD_STYLE_TYPE.PARAGRAPH)
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "1")  # level 2
    style.element.get_or_add_pPr().append(outline)
    document.add_paragraph("Ekonomi", style="Avsnitt")
    findings = review([save_document(document, tmp_path)], render=False)
    assert [(f.location, f.rule) for f in findings] == [("stycke 1", "heading-skip")]
    assert "närmast före finns ingen tidigare rubrik" in findings[0].message


def test_docx_language_from_doc_defaults_and_runs(tmp_path):
    document = swedish_document()
    document.add_paragraph("Svensk text.")
    paragraph = document.add_paragraph("Svensk början, ")
    english = paragraph.add_run("English end")
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    english._r.get_or_add_rPr().append(lang)
    findings = review([save_document(document, tmp_path)], render=False)
    assert [(f.location, f.rule, f.message) for f in findings] == [(
        "stycke 2", "lang-not-sv",
        "Ett textavsnitt har språket en-US, t.ex. ”English end”. Markera texten som svenska (sv-SE).")]


def test_docx_without_any_language_is_reported(tmp_path):
    document = swedish_document()
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rpr.remove(rpr.find(qn("w:lang")))
    document.add_paragraph("Text utan språk.")
    findings = review([save_document(document, tmp_path)], render=False)
    assert [(f.location, f.rule) for f in findings] == [("stycke 1", "lang-missing")]


def test_docx_picture_without_alt_text_and_table_without_header(tmp_path):
    document = swedish_document()
    document.add_picture(str(picture(tmp_path)))
    table = document.add_table(2, 2)
    table.cell(0, 0).text = "Nr"
    findings = review([save_document(document, tmp_path)], render=False)
    assert [(f.location, f.shape, f.rule) for f in findings] == [
        ("stycke 1", "Picture 1", "alt-text-missing"), ("tabell 1", "", "table-header-missing")]
    assert findings[1].message == (
        "Tabellen saknar rubrikrad. Markera första raden som rubrikrad (Tabellegenskaper → Rad → Upprepa som rubrikrad "
        "överst på varje sida), så att skärmläsare hittar kolumnrubrikerna.")


def test_docx_light_grey_on_white_and_white_on_dark_shading(tmp_path):
    document = swedish_document()
    document.add_paragraph().add_run("Ljusgrå text").font.color.rgb = DocxRGB(0xC0, 0xC0, 0xC0)
    table = document.add_table(2, 1)
    header_row(table)
    cell = table.cell(0, 0)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:fill"), "1F3864")
    cell._tc.get_or_add_tcPr().append(shd)
    cell.paragraphs[0].add_run("Vit på mörkblått").font.color.rgb = DocxRGB(0xFF, 0xFF, 0xFF)
    table.cell(1, 0).paragraphs[0].add_run("Mörkblått på mörkblått? Nej, på vitt")
    findings = review([save_document(document, tmp_path)], render=False)
    assert [(f.location, f.rule, f.message) for f in findings] == [(
        "stycke 1", "contrast-low",
        "Kontrasten mellan texten och bakgrunden är 1,8:1 (#C0C0C0 på #FFFFFF), t.ex. ”Ljusgrå text”; minst 4,5:1 "
        "krävs. Välj en mörkare text eller en ljusare bakgrund (eller tvärtom).")]


def test_missing_document_title_is_reported(tmp_path):
    document = swedish_document()
    document.core_properties.title = ""
    document.add_paragraph("Text.")
    findings = review([save_document(document, tmp_path)], render=False)
    assert [(f.location, f.rule) for f in findings] == [("dokumentet", "doc-title-missing")]


# ------------------------------------------------------------------------------ command line
def test_granska_exits_0_when_clean_and_1_with_findings(tmp_path):
    clean = save(clean_deck(tmp_path), tmp_path, "ren.pptx")
    prs = clean_deck(tmp_path)
    prs.slides[2].shapes[2].table.first_row = False
    bad = save(prs, tmp_path, "dalig.pptx")
    runner = CliRunner()
    result = runner.invoke(cli, ["granska", "--no-render", str(clean)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    result = runner.invoke(cli, ["granska", "--no-render", str(clean), str(bad)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{bad}: bild 3: ”Table 3”: Tabellen saknar rubrikrad. Markera första raden som rubrikrad (Tabelldesign → "
        "Rubrikrad), så att skärmläsare kan koppla cellerna till kolumnrubrikerna. [table-header-missing]"]
    assert "1 fynd i 2 filer." in result.stderr


def test_granska_json(tmp_path):
    prs = clean_deck(tmp_path)
    prs.slides[2].shapes[2].table.first_row = False
    bad = save(prs, tmp_path)
    result = CliRunner().invoke(cli, ["granska", "--json", "--no-render", str(bad)])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["findings"] == [{
        "file": str(bad), "location": "bild 3", "shape": "Table 3", "rule": "table-header-missing",
        "message": "Tabellen saknar rubrikrad. Markera första raden som rubrikrad (Tabelldesign → Rubrikrad), så att "
                   "skärmläsare kan koppla cellerna till kolumnrubrikerna."}]
    assert data["errors"] == [] and data["overflow"] == "estimated"


@pytest.mark.parametrize("name, content, message", [
    ("anteckning.pptx", b"inte en presentation",
     "kan inte läsas som .pptx eller .docx (filen är inte ett Office-dokument – är den skadad eller av en annan typ?)."),
    ("arkiv.docx", None, "är ett zip-arkiv men varken en PowerPoint-presentation (.pptx) eller ett Word-dokument (.docx)."),
    ("saknas.pptx", False, "filen finns inte."),
])
def test_granska_unreadable_input_exits_2_without_traceback(tmp_path, name, content, message):
    path = tmp_path / name
    if content is None:
        with zipfile.ZipFile(path, "w") as package:
            package.writestr("hej.txt", "hej")
    elif content is not False:
        path.write_bytes(content)
    clean = save(clean_deck(tmp_path), tmp_path, "ren.pptx")
    result = CliRunner().invoke(cli, ["granska", "--no-render", str(path), str(clean)])
    assert result.exit_code == 2
    assert f"Fel: {path}: {message}" in result.stderr
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)


def test_granska_render_without_libreoffice_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    deck = save(clean_deck(tmp_path), tmp_path)
    result = CliRunner().invoke(cli, ["granska", "--render", str(deck)])
    assert result.exit_code == 2
    assert "Kan inte rendera presentationerna för att mäta överflöd: LibreOffice saknas" in result.stderr


def test_without_libreoffice_overflow_is_estimated_with_a_note(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = run_review([save(clean_deck(tmp_path), tmp_path)])
    assert result.overflow_method == "estimated"
    assert result.findings == []
    assert result.notes and result.notes[0].startswith("Överflöd uppskattat med teckensnittsmått (LibreOffice saknas")
