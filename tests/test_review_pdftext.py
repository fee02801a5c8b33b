"""Text lines and boxes read from a PDF (generator/review/pdftext.py): a hand-written PDF whose
geometry is known exactly, and a deck LibreOffice renders."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.util import Inches, Pt

from generator.fontmetrics import metrics
from generator.pdf import convert_to_pdf
from generator.review.pdftext import pdf_lines

from .conftest import soffice

A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def pdf_with(tmp_path: Path, content: bytes) -> Path:
    """A one-page PDF (600 × 800 pt) drawing `content` with Helvetica as F1 and Times as F2."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path = tmp_path / "page.pdf"
    path.write_bytes(out)
    return path


def rounded(box) -> tuple:
    return tuple(round(v, 2) for v in box)


# ------------------------------------------------------------------------------ known geometry
def test_line_box_is_the_em_box_from_origin_to_advance_measured_from_the_top_left(tmp_path):
    # 1 pt Helvetica scaled 24 times by the text matrix; "Hello world" is 4945/1000 em wide
    pdf = pdf_with(tmp_path, b"BT /F1 1 Tf 24 0 0 24 72 700 Tm (Hello world) Tj ET")
    [line] = pdf_lines(pdf)[0]
    assert line.text == "Hello world"
    assert rounded(line.box) == (72.0, 800 - 700 - 0.8 * 24, round(72 + 4.945 * 24, 2), 800 - 700 + 0.2 * 24)
    assert line.spans[0].size == pytest.approx(24)


def test_text_side_by_side_on_one_baseline_stays_two_lines(tmp_path):
    pdf = pdf_with(tmp_path, b"BT /F1 12 Tf 72 500 Td (Left) Tj 200 0 Td (Right column) Tj ET")
    assert [(line.text, rounded(line.box)[:2]) for line in pdf_lines(pdf)[0]] == [
        ("Left", (72.0, 290.4)), ("Right column", (272.0, 290.4))]


@pytest.mark.parametrize("gap, spans", [
    (1, ["o", "Punkt"]),  # 0.05 em: kerning
    (4, ["o", " Punkt"]),  # 0.2 em: a space in the text that follows
    (8, ["o", " ", "Punkt"]),  # 0.4 em: a bullet's gap, a span of its own
])
def test_a_gap_after_a_bullet_in_another_font(tmp_path, gap, spans):
    # Times "o" is 0.5 em wide: it ends at 60, the text starts `gap` points later
    pdf = pdf_with(tmp_path, b"BT /F2 20 Tf 50 400 Td (o) Tj ET BT /F1 20 Tf %d 400 Td (Punkt) Tj ET" % (60 + gap))
    [line] = pdf_lines(pdf)[0]
    assert [span.text for span in line.spans] == spans
    assert line.spans[-1].box[0] == (60 if spans[-1] == " Punkt" else 60 + gap)


def test_a_gap_of_0_8_em_or_more_starts_a_new_line(tmp_path):
    pdf = pdf_with(tmp_path, b"BT /F2 20 Tf 50 400 Td (o) Tj ET BT /F1 20 Tf 76 400 Td (Punkt) Tj ET")
    assert [line.text for line in pdf_lines(pdf)[0]] == ["o", "Punkt"]


def test_rotated_text_has_its_box_turned_with_it(tmp_path):
    # reading upwards from (300, 100): the glyph tops point left
    pdf = pdf_with(tmp_path, b"BT /F1 12 Tf 0 1 -1 0 300 100 Tm (Upp) Tj ET")
    [line] = pdf_lines(pdf)[0]
    width = (0.722 + 0.556 + 0.556) * 12  # U p p
    assert line.text == "Upp"
    # (pypdfium2 4 measures turned glyphs by their ink: the far end is then a side bearing short)
    assert line.box == pytest.approx((300 - 0.8 * 12, 700 - width, 300 + 0.2 * 12, 700), abs=0.5)


def test_glyphs_wholly_outside_the_page_are_left_out(tmp_path):
    # Helvetica A, B, C are 0.667, 0.667, 0.722 em: at 20 pt A ends at -16.7, B at -3.3, C at 11.1
    pdf = pdf_with(tmp_path, b"BT /F1 20 Tf -30 300 Td (ABCD) Tj ET")
    [line] = pdf_lines(pdf)[0]
    assert line.text == "CD"
    assert line.box[0] == pytest.approx(-30 + 2 * 0.667 * 20)  # C sticks out to the left: kept whole


def test_a_hyphen_that_ends_a_line_is_read_as_one(tmp_path):
    # pdfium reports it as U+0002 (it would join the word); the review matches the shape's text
    pdf = pdf_with(tmp_path, b"BT /F1 12 Tf 72 500 Td (beredskaps-) Tj 0 -14 Td (och) Tj ET")
    assert [line.text for line in pdf_lines(pdf)[0]] == ["beredskaps-", "och"]


# ------------------------------------------------------------------------------ rendered by LibreOffice
def text_box(slide, left: float, top: float, width: float, paragraphs: list[str], font: str, size: int):
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(1))
    frame = box.text_frame
    frame.word_wrap = True
    for i, text in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text, run.font.name, run.font.size = text, font, Pt(size)
    return box


def test_lines_of_a_deck_rendered_by_libreoffice(tmp_path):
    soffice()
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    text_box(slide, 1, 1, 4, ["Regional tillväxtnämnd"], "Liberation Sans", 20)
    text_box(slide, 6, 1, 3, ["Budget 2026"], "Liberation Sans", 20)
    text_box(slide, 1, 2.5, 8, ["Första stycket", "Andra stycket"], "Liberation Sans", 18)
    listed = text_box(slide, 1, 4, 8, ["Plattform för effektiva insatser"], "Carlito", 18)  # tt, ff: ligatures
    ppr = listed.text_frame.paragraphs[0]._p.get_or_add_pPr()
    ppr.set("marL", str(Inches(0.25)))
    ppr.set("indent", str(-Inches(0.25)))
    etree.SubElement(ppr, f"{{{A}}}buFont", typeface="Liberation Sans")
    etree.SubElement(ppr, f"{{{A}}}buChar", char="•")
    prs.save(tmp_path / "deck.pptx")
    [pdf] = convert_to_pdf([tmp_path / "deck.pptx"], tmp_path)

    [page] = pdf_lines(pdf)
    assert [[span.text for span in line.spans] for line in page] == [
        ["Regional tillväxtnämnd"], ["Budget 2026"], ["Första stycket"], ["Andra stycket"],
        ["•", " ", "Plattform för effektiva insatser"]]
    title, budget, first, second = page[:4]
    inset = 7.2  # pt: python-pptx text boxes keep PowerPoint's default left inset
    assert title.box[0] == pytest.approx(72 + inset, abs=0.3)
    assert budget.box[0] == pytest.approx(6 * 72 + inset, abs=0.3)
    assert budget.box[1] == pytest.approx(title.box[1], abs=0.01)  # one baseline, two lines
    assert title.box[3] - title.box[1] == pytest.approx(20, abs=0.05)  # the em box: the font size
    assert title.box[2] - title.box[0] == pytest.approx(
        metrics("Liberation Sans").width("Regional tillväxtnämnd", 20), rel=0.01)
    assert 72 + 3.6 < title.box[1] < 72 + 3.6 + 6  # the first line just under the top inset
    assert 1.0 * 18 < second.box[1] - first.box[1] < 1.4 * 18
    text = page[-1].spans[-1]
    assert text.box[0] == pytest.approx(72 + inset + 18, abs=0.3)  # after the hanging indent


def test_a_dash_in_a_span_of_its_own_inside_a_line_is_text_not_a_bullet():
    """LibreOffice may draw " –" in a line of bold text as a span of its own: only spans of
    bullets at the start of a line are left out when lines are matched to their shapes."""
    from generator.review.overflow import page_lines
    from generator.review.pdftext import Line, Span

    spans = [Span(text, (x, 0.0, x + 10.0, 14.0), "Carlito-Bold", 14.0)
             for x, text in ((0.0, "•"), (20.0, "Exempeldata"), (90.0, " –"), (100.0, " ersätts före beslut"))]
    (line,) = page_lines([Line(tuple(spans))])
    assert line.text == "Exempeldata – ersätts före beslut"
