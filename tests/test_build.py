"""`vpgen build` end to end: what it writes, what it refuses, and that a failure changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from pptx import Presentation

from generator.cli import cli

from .conftest import LAYOUTS, SAMPLE, replace_in, soffice

NAMES = ["VP-2026-namndpresentation.pptx", "VP-2026-uppdrag.docx", "VP-2026-uppdrag.xlsx",
         "VP-2026-verksamhetsplan-forslag.docx", "VP-2026-verksamhetsplan.docx"]


def run(*args: str):
    return CliRunner().invoke(cli, ["build", "--layouts", str(LAYOUTS), *args])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_build_writes_all_documents_and_warns_about_example_data(tmp_path):
    result = run("--content", str(SAMPLE), "--output", str(tmp_path / "ut"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "ut").iterdir() if not p.name.startswith(".")) == NAMES
    assert "varning: fördelning.exempel: tabellen innehåller exempeldata" in result.output
    assert f"Skrev {tmp_path / 'ut' / 'VP-2026-namndpresentation.pptx'}" in result.output


def test_failed_build_leaves_last_good_output_untouched_and_no_temp_files(tmp_path, content):
    out = tmp_path / "ut"
    assert run("--content", str(content), "--output", str(out)).exit_code == 0
    before = snapshot(out)
    replace_in(content / "gemensamma.yaml", "nr: 50", "nr: 27")
    result = run("--content", str(content), "--output", str(out))
    assert result.exit_code == 1
    assert "uppdrag nr 27 finns redan" in result.output
    assert result.output.strip().endswith("Bygget avbröts: innehållet har fel (se ovan). Inga filer har ändrats.")
    assert snapshot(out) == before
    assert "Traceback" not in result.output


def test_final_refuses_with_the_list_and_writes_nothing(tmp_path, content):
    (content / "omraden" / "energi-och-klimat.yaml").unlink()
    out = tmp_path / "ut"
    result = run("--content", str(content), "--output", str(out), "--final")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[-1] == ("Bygget avbröts: slutversionen kräver att alla fel och varningar är åtgärdade (se ovan). "
                         "Inga filer har ändrats.")
    assert any("energi-och-klimat.yaml: varning: underlag saknas för området Energi och klimat" in line for line in lines)
    assert sum("tabellen innehåller exempeldata" in line for line in lines) == 3
    assert not out.exists() or not [p for p in out.iterdir() if not p.name.startswith(".")]


def test_final_build_of_complete_content_reviews_and_writes(tmp_path, content):
    replace_in(content / "ekonomi.yaml", "  exempel: true", "  exempel: false", count=3)
    replace_in(content / "styrtal-data.yaml", ", exempel: true}", "}", count=18)
    result = run("--content", str(content), "--output", str(tmp_path / "ut"), "--final")
    assert result.exit_code == 0, result.output
    assert "varning" not in result.output


def test_final_build_fails_on_a_review_finding(tmp_path, content):
    """A template whose slide is narrower than its placeholders: text would leave the slide."""
    replace_in(content / "ekonomi.yaml", "  exempel: true", "  exempel: false", count=3)
    replace_in(content / "styrtal-data.yaml", ", exempel: true}", "}", count=18)
    template = tmp_path / "liten.pptx"
    prs = Presentation(str(LAYOUTS / "board.pptx"))
    prs.slide_width = prs.slide_width // 4  # every placeholder now runs off the slide
    prs.save(template)
    out = tmp_path / "ut"
    result = run("--content", str(content), "--output", str(out), "--final", "--template", str(template))
    assert result.exit_code == 1
    assert "granskningen av tillgänglighet och passform hittade problem" in result.output
    assert not out.exists() or not [p for p in out.iterdir() if not p.name.startswith(".")]


def test_output_inside_content_is_refused(content):
    result = run("--content", str(content), "--output", str(content / "ut"))
    assert result.exit_code == 1
    assert f"utdatamappen {content / 'ut'} ligger i innehållsmappen {content} — välj en annan mapp" in result.output


def toc_numbers(docx_path: Path) -> list[str]:
    """The page numbers of the plan's TOC entries (the PAGEREF fields' results), in order."""
    from docx.oxml.ns import qn

    body = Document(str(docx_path)).element.body
    return [[t.text for t in link.iter(qn("w:t"))][-1] for link in body.iter(qn("w:hyperlink"))
            if any((i.text or "").strip().startswith("PAGEREF") for i in link.iter(qn("w:instrText")))]


def test_pdf_option_writes_a_pdf_of_each_deck_and_word_document(tmp_path, monkeypatch):
    soffice()
    import pymupdf

    monkeypatch.delenv("VPGEN_TOC_PAGES", raising=False)  # as a planner runs it: --pdf numbers the TOC
    out = tmp_path / "ut"
    result = run("--content", str(SAMPLE), "--output", str(out), "--pdf")
    assert result.exit_code == 0, result.output
    pdfs = sorted(out.glob("*.pdf"))
    assert [p.name for p in pdfs] == ["VP-2026-namndpresentation.pdf", "VP-2026-uppdrag.pdf",
                                      "VP-2026-verksamhetsplan-forslag.pdf", "VP-2026-verksamhetsplan.pdf"]
    slides = len(Presentation(str(out / "VP-2026-namndpresentation.pptx")).slides)
    pages = {p.name: pymupdf.open(p).page_count for p in pdfs}
    assert pages["VP-2026-namndpresentation.pdf"] == slides
    assert pages["VP-2026-verksamhetsplan.pdf"] >= 12
    assert pages["VP-2026-uppdrag.pdf"] >= 1
    for pdf in pdfs:
        doc = pymupdf.open(pdf)
        assert doc.metadata["title"]
        assert doc.pdf_catalog() and "sv-SE" in doc.xref_object(doc.pdf_catalog())
    # Both plans' tables of contents carry page numbers, in the .docx and in its PDF.
    for plan in ("VP-2026-verksamhetsplan", "VP-2026-verksamhetsplan-forslag"):
        numbers = toc_numbers(out / f"{plan}.docx")
        assert len(numbers) > 20 and all(n.isdigit() and int(n) >= 2 for n in numbers)
        toc_page = pymupdf.open(out / f"{plan}.pdf")[1].get_text()
        assert f"Tidplan{'.' * 20}" in toc_page.replace(" ", "") and numbers[0] in toc_page


def test_a_plain_build_leaves_the_toc_for_word_to_number(tmp_path, monkeypatch):
    """Without --pdf or --final no LibreOffice runs: the TOC entries have no page numbers (F9 in Word)."""
    monkeypatch.delenv("VPGEN_TOC_PAGES", raising=False)
    out = tmp_path / "ut"
    result = run("--content", str(SAMPLE), "--output", str(out))
    assert result.exit_code == 0, result.output
    assert toc_numbers(out / "VP-2026-verksamhetsplan.docx") == []


def test_console_script_reports_content_errors_without_traceback(tmp_path, content):
    replace_in(content / "plan.yaml", "planår: 2026", "planår: tjugotjugosex")
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--content", str(content),
                             "--output", str(tmp_path / "ut")], capture_output=True, text=True,
                            env={**os.environ, "PYTHONWARNINGS": "error"})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "plan.yaml:" in result.stderr and "planår" in result.stderr


def test_unchanged_build_reuses_outputs_until_something_changes(tmp_path, content):
    out = tmp_path / "ut"
    assert run("--content", str(content), "--output", str(out)).exit_code == 0
    stamp = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = run("--content", str(content), "--output", str(out))
    assert again.exit_code == 0
    assert again.output.strip() == (f"Inget har ändrats sedan förra bygget: dokumenten i {out} är aktuella "
                                    "(--force bygger om ändå).")
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == stamp
    forced = run("--content", str(content), "--output", str(out), "--force")
    assert "Skrev" in forced.output
    # A content edit, and a deleted output, each make the next build real again.
    replace_in(content / "omvarld.yaml", "  - Demografi\n", "  - Demografin\n")
    assert "Skrev" in run("--content", str(content), "--output", str(out)).output
    (out / "VP-2026-uppdrag.xlsx").unlink()
    assert "Skrev" in run("--content", str(content), "--output", str(out)).output
    assert (out / "VP-2026-uppdrag.xlsx").exists()


def test_benchmark_script_runs_at_1x(tmp_path):
    result = subprocess.run([sys.executable, str(LAYOUTS.parent / "bench" / "run.py"), "--sizes", "1", "--runs", "1",
                             "--no-pandoc"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "vpgen --help:" in result.stdout
    row = next(line for line in result.stdout.splitlines() if line.startswith("1x |"))
    assert row.split(" | ")[5] == "53"  # slides of the sample deck (two of them styrtal charts)


def _without_previous(content: Path) -> None:
    text = (content / "plan.yaml").read_text(encoding="utf-8")
    (content / "plan.yaml").write_text("\n".join(line for line in text.split("\n") if not line.startswith("föregående:")),
                                       encoding="utf-8")


def test_what_the_last_build_wrote_and_this_one_does_not_is_removed(tmp_path: Path, content: Path):
    """Last build wrote a proposal; this plan has no previous plan: the stale proposal goes (the
    planner's own files in the folder, and an output edited since, stay)."""
    out = tmp_path / "ut"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", "--layouts", str(LAYOUTS), "--content", str(content), "--output", str(out)]).exit_code == 0
    proposal = out / "VP-2026-verksamhetsplan-forslag.docx"
    assert proposal.is_file()
    (out / "anteckningar.txt").write_text("mina", encoding="utf-8")
    _without_previous(content)
    result = runner.invoke(cli, ["build", "--layouts", str(LAYOUTS), "--content", str(content), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Obs: tog bort {proposal}: den skrevs av ett tidigare bygge och hör inte till det här." in result.output
    assert not proposal.exists()
    assert (out / "anteckningar.txt").read_text(encoding="utf-8") == "mina"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "VP-2026-namndpresentation.pptx", "VP-2026-uppdrag.docx", "VP-2026-uppdrag.xlsx", "VP-2026-verksamhetsplan.docx",
        "anteckningar.txt"]


def test_a_left_behind_output_edited_since_stays_and_is_named(tmp_path: Path, content: Path):
    out = tmp_path / "ut"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", "--layouts", str(LAYOUTS), "--content", str(content), "--output", str(out)]).exit_code == 0
    proposal = out / "VP-2026-verksamhetsplan-forslag.docx"
    proposal.write_bytes(proposal.read_bytes() + b"\0")  # edited after the build
    _without_previous(content)
    result = runner.invoke(cli, ["build", "--layouts", str(LAYOUTS), "--content", str(content), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert proposal.exists()
    assert (f"Obs: {proposal} är från ett tidigare bygge och hör inte till det här; den har ändrats efter bygget och "
            "får stå kvar — ta bort den om den inte behövs.") in result.output
