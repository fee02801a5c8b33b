"""Word table columns in an organisation's template: no word is broken inside when the template's
table font is larger or wider than ours, and our own template's widths stay as they were."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from generator.derive import Derived
from generator.fontmetrics import metrics
from generator.layout import Layout
from generator.load import load_content
from generator.pdf import convert_to_pdf
from generator.render.plan import STYRTAL_WIDTHS, render_plan
from generator.render.word import open_reference
from generator.render.word_columns import EMU_PER_TWIP, column_widths
from generator.render.word_styles import TableText, table_text
from generator.review.pdftext import pdf_lines

from .conftest import LAYOUTS, SAMPLE, soffice

CALIBRI_10 = TableText("Calibri", 10, 170)
FULL = 9638 * EMU_PER_TWIP  # A4 less 2 cm margins


def test_widths_follow_the_weights_when_every_word_fits():
    widths = column_widths((1, 3), [["Nr", "1"], ["Uppdrag", "Ett kort uppdrag"]], FULL, CALIBRI_10)
    assert widths == [FULL // 4, FULL * 3 // 4]


def test_a_column_too_narrow_for_its_word_is_widened_from_the_others_by_weight():
    word = "Verksamhetsplaneringsansvarig"
    narrow = column_widths((1, 10, 5), [[word], ["a b c"], ["d"]], FULL, CALIBRI_10)
    needed = (metrics("Calibri", bold=True).width(word, 10) + 1.5) * 12700 + 170 * EMU_PER_TWIP
    assert narrow[0] >= needed > FULL / 16
    assert sum(narrow) <= FULL
    assert narrow[1] / narrow[2] == pytest.approx(2, rel=0.01)  # the others keep their proportions


def test_no_break_spaces_join_and_line_breaks_split():
    joined = column_widths((1, 10), [["Förslag\u00a0DN\u00a02026"], ["x"]], FULL, CALIBRI_10)
    split = column_widths((1, 10), [["Förslag DN\n2026"], ["x"]], FULL, CALIBRI_10)
    assert joined[0] > split[0]


def test_words_that_cannot_all_fit_leave_the_weights():
    word = "ett" * 60
    assert column_widths((1, 1), [[word], [word]], FULL, CALIBRI_10) == [FULL // 2, FULL // 2]


def test_table_font_is_resolved_through_the_table_style_normal_and_theme(tmp_path: Path):
    doc, *_ = open_reference(LAYOUTS / "verksamhetsplan.docx")
    assert table_text(doc, "VP-tabell") == TableText("Calibri", 10.0, 170)
    # python-docx's default: no VP-tabell of its own (added at Normal's size), the theme's minor font.
    default, *_ = open_reference(Path(docx.__file__).parent / "templates" / "default.docx")
    text = table_text(default, "VP-tabell")
    assert text.family == "Cambria" and text.size_pt == 10.0 and text.margins == 170


def big_table_template(tmp_path: Path, half_points: int) -> Path:
    """Our template with VP-tabell written at `half_points` (an organisation's larger table text)."""
    target = tmp_path / f"stor-tabell-{half_points}.docx"
    with zipfile.ZipFile(LAYOUTS / "verksamhetsplan.docx") as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/styles.xml":
                start = data.index(b'w:styleId="VP-tabell"')
                end = data.index(b"</w:style>", start)
                block = data[start:end]
                assert b'<w:sz w:val="20"/>' in block
                data = data[:start] + block.replace(b'<w:sz w:val="20"/>', b'<w:sz w:val="%d"/>' % half_points) \
                    + data[end:]
            dst.writestr(info, data)
    return target


def styrtal_grid(plan: bytes) -> list[int]:
    document = docx.Document(io.BytesIO(plan))
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Riktning")
    return [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def test_our_template_keeps_its_column_weights():
    loaded = load_content(SAMPLE)
    grid = styrtal_grid(render_plan(loaded.plan, Derived(loaded.plan), Layout(LAYOUTS)))
    total = sum(STYRTAL_WIDTHS)
    assert [round(g / sum(grid) * total, 1) for g in grid] == list(STYRTAL_WIDTHS)


def test_large_table_text_widens_the_narrow_column_and_no_word_breaks_in_the_pdf(tmp_path: Path):
    soffice()
    template = big_table_template(tmp_path, 32)  # 16 pt: "Riktning" is wider than our 2.1 of 16
    loaded = load_content(SAMPLE)
    plan = render_plan(loaded.plan, Derived(loaded.plan), Layout(LAYOUTS, docx_override=template))
    grid = styrtal_grid(plan)
    assert grid[1] / sum(grid) > STYRTAL_WIDTHS[1] / sum(STYRTAL_WIDTHS)
    (tmp_path / "plan.docx").write_bytes(plan)
    [pdf] = convert_to_pdf([tmp_path / "plan.docx"], tmp_path / "pdf")
    words = [word for page in pdf_lines(pdf) for line in page for word in line.text.split()]
    assert "Riktning" in words
    assert not [word for word in words if len(word) >= 3 and "Riktning".startswith(word) and word != "Riktning"]
