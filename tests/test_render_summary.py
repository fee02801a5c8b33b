"""The assignment summary: a Word table for the board and a spreadsheet for follow-up."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from generator.derive import Derived
from generator.layout import Layout
from generator.load import load_content
from generator.render.summary import render_summary_docx, render_summary_xlsx
from generator.typography import sv_typography
from generator.writer import normalize_zip

from .conftest import LAYOUTS, REPO, SAMPLE, replace_in

VALIDATOR = REPO.parent / "shared" / "tools" / "ooxml_validate.py"
SAMPLE_ORDER = [27, 28, 29, 30, 31, 32, 33, 50, 51, 52, 54, 55, 56, 41, 38, 59, 61]
TITLE = "Sammanfattning av uppdrag till regional tillväxtnämnd (17\u00a0st)"


def _load(content_dir: Path):
    loaded = load_content(content_dir)
    assert loaded.plan is not None, [p.format() for p in loaded.problems]
    return loaded.plan, Derived(loaded.plan), Layout(LAYOUTS)


@pytest.fixture(scope="module")
def sample():
    return _load(SAMPLE)


@pytest.fixture(scope="module")
def summary_docx(sample) -> bytes:
    return render_summary_docx(*sample)


@pytest.fixture(scope="module")
def summary_xlsx(sample) -> bytes:
    return render_summary_xlsx(*sample)


def numbered_uppdrag_in_content(plan) -> tuple[list, list]:
    """The nämnd's numbered uppdrag and the gemensamma, read straight from the model (not Derived)."""
    def walk(items):
        for item in items:
            yield item
            yield from walk(item.delomraden)

    own = [u for goal in plan.malsattningar.malsattningar for f in walk(goal.fokusomraden)
           for u in f.uppdrag.namnd if u.nr is not None]
    shared = [u for group in plan.gemensamma.gemensamma for u in group.uppdrag if u.nr is not None]
    return own, shared


# ---------------------------------------------------------------- the Word document

def test_summary_title_counts_the_uppdrag(summary_docx, sample):
    document = docx.Document(io.BytesIO(summary_docx))
    title = document.paragraphs[0]
    assert (title.style.name, title.text) == ("Title", TITLE)
    assert len(sample[1].summary) == 17
    assert document.core_properties.title == "Uppdrag till Regional tillväxtnämnd 2026"
    assert document.core_properties.language == "sv-SE"


def test_summary_rows_are_the_contents_numbered_uppdrag_in_reference_order(summary_docx, sample):
    plan, derived, _ = sample
    document = docx.Document(io.BytesIO(summary_docx))
    table, _removed = document.tables
    cells = [[c.text.replace("\u00a0", " ") for c in row.cells] for row in table.rows]  # typography aside
    assert cells[0] == ["Nr", "Uppdrag", "Källa", "Förändring", "Målsättning/fokusområde"]
    assert [int(row[0]) for row in cells[1:]] == SAMPLE_ORDER
    own, shared = numbered_uppdrag_in_content(plan)
    expected = sorted(own, key=lambda u: u.nr) + shared
    assert [(int(r[0]), r[1]) for r in cells[1:]] == [(u.nr, u.text.replace("\u00a0", " ")) for u in expected]
    assert cells[1][2:] == ["Från FM", "Oförändrad",
                            "Målsättning 4 › Fokusområde 4.1.1 Innovationsstöds- och företagsfrämjande system"]
    assert cells[2][2:4] == ["FM 2026", "Ny"]
    assert cells[8][2:] == ["Från FM", "Oförändrad", "Gemensamma › Målsättning nr 6: Forskning och utbildning av hög "
                                                     "kvalitet med internationell spets."]
    assert [r[1] for r in cells[1:]] == [row.text for row in derived.summary]


def test_summary_table_header_row_repeats_and_is_styled(summary_docx):
    document = docx.Document(io.BytesIO(summary_docx))
    table = document.tables[0]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.style.name == "VP-tabell"
    assert document.sections[0].header.paragraphs[0].text == "Regional tillväxtnämnd · Uppdrag 2026"
    assert not document.sections[0].different_first_page_header_footer


def test_count_follows_the_content_when_an_uppdrag_group_is_removed(content: Path):
    text = (content / "gemensamma.yaml").read_text(encoding="utf-8")
    cut = text.index("  - tema: Motverka välfärdsbrottslighet")
    (content / "gemensamma.yaml").write_text(text[:cut], encoding="utf-8")
    plan, derived, layout = _load(content)
    document = docx.Document(io.BytesIO(render_summary_docx(plan, derived, layout)))
    assert document.paragraphs[0].text == "Sammanfattning av uppdrag till regional tillväxtnämnd (16\u00a0st)"
    assert len(document.tables[0].rows) == 17
    # Nr 61 was in VP-2025 too: it is now among the uppdrag that utgår.
    assert [row.cells[0].text for row in document.tables[1].rows] == ["Nr", "26", "39", "56"]


# ---------------------------------------------------------------- the spreadsheet

def test_xlsx_has_frozen_header_filter_widths_wrapping_and_swedish_sheet(summary_xlsx):
    workbook = openpyxl.load_workbook(io.BytesIO(summary_xlsx))
    assert workbook.sheetnames == ["Uppdrag", "Utgår"]
    sheet = workbook["Uppdrag"]
    assert [c.value for c in sheet[1]] == ["Nr", "Uppdrag", "Källa", "Förändring", "Målsättning/fokusområde",
                                           "Ansvarig", "Status", "Kommentar"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:H18"
    widths = {col: sheet.column_dimensions[col].width for col in "ABCDEFGH"}
    assert widths["A"] < 10 and widths["B"] > 60 and all(w > 5 for w in widths.values())
    assert all(sheet.cell(row=r, column=2).alignment.wrap_text for r in range(1, 19))
    assert sheet["A1"].font.bold
    assert sheet.print_title_rows == "$1:$1"
    (validation,) = sheet.data_validations.dataValidation
    assert str(validation.sqref) == "G2:G18" and validation.formula1 == '"Ej påbörjat,Pågår,Klart,Avslutat"'


def test_xlsx_rows_match_the_summary_with_empty_follow_up_columns(summary_xlsx, sample):
    sheet = openpyxl.load_workbook(io.BytesIO(summary_xlsx))["Uppdrag"]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [row[0] for row in values] == SAMPLE_ORDER
    assert all(isinstance(row[0], int) for row in values)
    assert [row[1:5] for row in values] == [[sv_typography(r.text), sv_typography(str(r.kalla)), r.status.capitalize(),
                                             sv_typography(r.placering)] for r in sample[1].summary]
    assert [row[3] for row in values].count("Ny") == 5
    # Swedish typography in the sheet too: "Målsättning nr 6" keeps the number with its "nr".
    assert values[7][4].startswith("Gemensamma › Målsättning nr\u00a06:")
    assert all(row[5:] == [None, None, None] for row in values)


def test_xlsx_document_properties(summary_xlsx):
    props = openpyxl.load_workbook(io.BytesIO(summary_xlsx)).properties
    assert props.title == "Sammanfattning av uppdrag till regional tillväxtnämnd (17\u00a0st)"
    assert props.creator == "Region Örebro län"
    assert props.created.isoformat() == props.modified.isoformat() == "2025-09-29T00:00:00"


def test_xlsx_keeps_formula_like_content_as_text(content: Path):
    replace_in(content / "gemensamma.yaml", "text: Att fortsätta arbetet för en ekonomi i balans.",
               "text: \"=HYPERLINK(\\\"http://x\\\") +1 😀\"")
    plan, derived, layout = _load(content)
    sheet = openpyxl.load_workbook(io.BytesIO(render_summary_xlsx(plan, derived, layout)))["Uppdrag"]
    cell = next(row[1] for row in sheet.iter_rows(min_row=2) if row[0].value == 38)
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x") +1 😀'


# ---------------------------------------------------------------- both

def test_renders_are_deterministic(sample, summary_docx, summary_xlsx):
    """The same content gives the same documents (once packaged the same way, as the writer does)."""
    assert normalize_zip(render_summary_docx(*sample)) == normalize_zip(summary_docx)
    assert normalize_zip(render_summary_xlsx(*sample)) == normalize_zip(summary_xlsx)


@pytest.mark.skipif(not VALIDATOR.is_file(), reason="../shared/tools/ooxml_validate.py is not here")
def test_every_part_validates(summary_docx, summary_xlsx, tmp_path: Path):
    (tmp_path / "uppdrag.docx").write_bytes(summary_docx)
    (tmp_path / "uppdrag.xlsx").write_bytes(summary_xlsx)
    result = subprocess.run([sys.executable, str(VALIDATOR), str(tmp_path / "uppdrag.docx"),
                             str(tmp_path / "uppdrag.xlsx")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


# ---------------------------------------------------------------- against last year's plan

def test_xlsx_lists_the_uppdrag_that_are_dropped_on_their_own_sheet(summary_xlsx):
    sheet = openpyxl.load_workbook(io.BytesIO(summary_xlsx))["Utgår"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Nr i VP-2025", "Uppdrag", "Källa", "Placering i VP-2025"],
        [26, "Att ta fram en regional plan för att stärka besöksnäringen i länet.", "FM 2025",
         "Målsättning 4 › Fokusområde 4.1.1 Innovationsstöds- och företagsfrämjande system"],
        [39, "Att arbeta för att heltid ska vara norm i verksamheterna.", "Från FM",
         "Gemensamma › Målsättning nr\u00a09: En långsiktig och stark kompetensförsörjning."],
    ]
    assert sheet.freeze_panes == "A2"


def test_docx_says_what_the_status_compares_with_and_lists_the_dropped(summary_docx):
    document = docx.Document(io.BytesIO(summary_docx))
    texts = [p.text for p in document.paragraphs]
    assert ("Kolumnen Förändring jämför med VP-2025: ny, ändrad (ny formulering eller ny plats) eller oförändrad. "
            "2 uppdrag i VP-2025 utgår; de står sist.") in texts
    assert "Uppdrag i VP-2025 som utgår (nummer och placering i VP-2025)" in texts
    removed = document.tables[1]
    assert [c.text for c in removed.rows[0].cells] == ["Nr", "Uppdrag", "Källa", "Placering i VP-2025"]
    assert [row.cells[0].text for row in removed.rows[1:]] == ["26", "39"]


def test_without_a_previous_plan_the_summary_is_as_before(content: Path):
    replace_in(content / "plan.yaml", "föregående: vp-2025\n", "")
    plan, derived, layout = _load(content)
    assert derived.changes is None
    document = docx.Document(io.BytesIO(render_summary_docx(plan, derived, layout)))
    (table,) = document.tables
    assert [c.text for c in table.rows[0].cells] == ["Nr", "Uppdrag", "Källa", "Målsättning/fokusområde"]
    assert not any("Förändring" in p.text for p in document.paragraphs)
    workbook = openpyxl.load_workbook(io.BytesIO(render_summary_xlsx(plan, derived, layout)))
    assert workbook.sheetnames == ["Uppdrag"]
    assert [c.value for c in workbook["Uppdrag"][1]] == ["Nr", "Uppdrag", "Källa", "Målsättning/fokusområde",
                                                         "Ansvarig", "Status", "Kommentar"]
    (validation,) = workbook["Uppdrag"].data_validations.dataValidation
    assert str(validation.sqref) == "F2:F18"
