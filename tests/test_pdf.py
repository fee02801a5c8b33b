"""PDF through LibreOffice: one run for several files, title and language, clear errors."""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pymupdf
import pytest
from docx.oxml.ns import qn
from pptx import Presentation

from generator.pdf import PdfError, convert_to_pdf

from .conftest import soffice


def small_deck(path: Path, slides: int = 3) -> Path:
    prs = Presentation()
    prs.core_properties.title = "Förslag till VP-2026"
    for n in range(1, slides + 1):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = f"Bild {n}"
        slide.placeholders[1].text = "Målsättningar och styrtal"
    prs.save(path)
    return path


def small_document(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Verksamhetsplan 2026"
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rpr.find(qn("w:lang")).set(qn("w:val"), "sv-SE")
    document.add_heading("Verksamhetsplan 2026", 1)
    document.add_paragraph("Första sidan.")
    document.add_page_break()
    document.add_paragraph("Andra sidan.")
    document.save(path)
    return path


def test_deck_and_document_convert_in_one_call_with_title_and_language(tmp_path):
    soffice()
    deck = small_deck(tmp_path / "presentation.pptx", slides=3)
    plan = small_document(tmp_path / "verksamhetsplan.docx")
    out = tmp_path / "ut"
    pdfs = convert_to_pdf([deck, plan], out)
    assert pdfs == [out / "presentation.pdf", out / "verksamhetsplan.pdf"]
    assert sorted(p.name for p in out.iterdir()) == ["presentation.pdf", "verksamhetsplan.pdf"]  # no leftovers
    expected = {"presentation.pdf": (3, "Förslag till VP-2026"), "verksamhetsplan.pdf": (2, "Verksamhetsplan 2026")}
    for pdf in pdfs:
        with pymupdf.open(pdf) as doc:
            pages, title = expected[pdf.name]
            assert len(doc) == pages  # the deck: one page per slide
            assert doc.metadata["title"] == title
            catalog = doc.pdf_catalog()
            assert doc.xref_get_key(catalog, "Lang") == ("string", "sv-SE")
            assert doc.xref_get_key(catalog, "MarkInfo")[1].replace(" ", "") == "<</Markedtrue>>"  # tagged


def test_missing_libreoffice_gives_the_swedish_message_with_apt_packages(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "ingenting"))
    deck = small_deck(tmp_path / "presentation.pptx", slides=1)
    with pytest.raises(PdfError) as caught:
        convert_to_pdf([deck], tmp_path / "ut")
    assert str(caught.value) == (
        "PDF kan inte skapas: LibreOffice (soffice) är inte installerat. Installera det med: apt-get install -y "
        "--no-install-recommends libreoffice-impress libreoffice-writer")


def test_timeout_kills_libreoffice_and_leaves_existing_pdfs_untouched(tmp_path):
    soffice()
    deck = small_deck(tmp_path / "presentation.pptx", slides=1)
    out = tmp_path / "ut"
    out.mkdir()
    (out / "presentation.pdf").write_bytes(b"%PDF senaste goda")
    start = time.monotonic()
    with pytest.raises(PdfError) as caught:
        convert_to_pdf([deck], out, timeout=0.01)
    assert time.monotonic() - start < 15
    assert str(caught.value).startswith("PDF kan inte skapas: LibreOffice blev inte klart inom 0.01 sekunder och "
                                        "avbröts. Befintliga PDF-filer har inte ändrats.")
    assert (out / "presentation.pdf").read_bytes() == b"%PDF senaste goda"
    assert [p.name for p in out.iterdir()] == ["presentation.pdf"]


def test_a_file_libreoffice_cannot_read_fails_the_whole_conversion(tmp_path):
    soffice()
    deck = small_deck(tmp_path / "presentation.pptx", slides=1)
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(b"PK\x03\x04 inte ett dokument")
    out = tmp_path / "ut"
    with pytest.raises(PdfError) as caught:
        convert_to_pdf([deck, broken], out)
    assert "LibreOffice kunde inte konvertera trasig.docx" in str(caught.value)
    assert list(out.iterdir()) == []  # the deck's PDF is not published either


def test_two_files_with_the_same_name_are_refused(tmp_path):
    deck = small_deck(tmp_path / "vp.pptx", slides=1)
    plan = small_document(tmp_path / "vp.docx")
    with pytest.raises(PdfError, match="flera filer heter vp"):
        convert_to_pdf([deck, plan], tmp_path / "ut")
