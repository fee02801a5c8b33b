"""`vpgen förhandsvisning` and the slides `vpgen kontroll` counts (generator/area/preview.py).

The area's slides come from the deck's own renderer, so they are asserted against the board deck
itself: the same titles, the same number of slides per area. Files go to förhandsvisning/ beside
the area file, never to output/.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from click.testing import CliRunner
from pptx import Presentation

from generator.cli import cli
from generator.derive import Derived
from generator.layout import Layout
from generator.load import load_content
from generator.render.deck import render_decks

from .conftest import LAYOUTS, overflow_findings, replace_in, soffice

NEW = "omraden/kompetensforsorjning-och-utbildning.yaml"
FILLED = {
    "insatser: []\n": (
        "insatser:\n"
        '  - fokusområde: "4.3"\n'
        "    rubrik: Validering och matchning\n"
        "    punkter:\n"
        "      - Samordna länets arbete med validering tillsammans med kommuner.\n"
        "      - Validering av yrkeskunskaper för nyanlända.\n"
        '  - fokusområde: "4.2"\n'
        "    punkter:\n"
        "      - Utbilda 40 handledare i steg 2 av projektet.\n"),
    "utmaningar: []": (
        "utmaningar:\n"
        "  - rubrik: Matchning\n"
        "    punkter:\n"
        "      - Svårt att rekrytera lärare till yrkesutbildningarna.\n"
        "  - punkter:\n"
        "      - Låg kännedom om yrkeshögskolan bland unga."),
}


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def new_filled_area(content: Path) -> Path:
    """The issue's new area, created by the planner's command and filled in by its chief (not in plan.yaml)."""
    assert run("område", "ny", "Kompetensförsörjning och utbildning", "--content", content).exit_code == 0
    path = content / NEW
    text = path.read_text(encoding="utf-8")
    for old, new in FILLED.items():
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return path


def titles(data: bytes) -> list[str]:
    return [slide.shapes.title.text for slide in Presentation(io.BytesIO(data)).slides]


def test_preview_of_a_new_area_before_the_plan_lists_it_and_while_ekonomi_is_broken(content: Path, monkeypatch,
                                                                                       tmp_path: Path):
    path = new_filled_area(content)
    replace_in(content / "ekonomi.yaml", "förutsättningar:", "förutsättningar: [")
    monkeypatch.setattr("generator.area.preview.find_soffice", lambda: None)
    monkeypatch.chdir(tmp_path)
    result = run("förhandsvisning", path)
    assert result.exit_code == 0, result.output
    folder = content / "omraden" / "förhandsvisning"
    lines = result.stdout.splitlines()
    assert lines[:6] == [
        f"Förhandsvisning av {path}:",
        "  Bilder i presentationen: 4 — avsnittsbild, vad som saknas 1, insatser 1 (text 20 pt), utmaningar 1 "
        "(text 20 pt).",
        "Obs: kompetensforsorjning-och-utbildning.yaml finns inte under 'områden:' i plan.yaml än; bilderna visar "
        "området som det blir när planeringsansvarig har lagt till det.",
        f"Filerna ligger i {folder}:",
        "  kompetensforsorjning-och-utbildning.pptx",
        "PDF och bilder görs inte: LibreOffice är inte installerat. Öppna .pptx-filen i PowerPoint (eller installera "
        "LibreOffice, se README).",
    ]
    assert lines[6].startswith("Klart på ")
    data = (folder / "kompetensforsorjning-och-utbildning.pptx").read_bytes()
    assert titles(data) == [
        "Kompetensförsörjning och utbildning",
        "Kompetensförsörjning och utbildning: delvis ifyllt",
        "Insatser där område Kompetensförsörjning och utbildning kan bidra till de tre fokusområdena",
        "Utmaningar – Kompetensförsörjning och utbildning",
    ]
    slides = list(Presentation(io.BytesIO(data)).slides)
    assert [s.slide_layout.name for s in slides] == ["Avsnittsrubrik", "Rubrik och innehåll", "Rubrik och innehåll",
                                                     "Rubrik och innehåll"]
    assert [p.text for p in slides[3].placeholders[1].text_frame.paragraphs] == [
        "Matchning", "Svårt att rekrytera lärare till yrkesutbildningarna.",
        "Övriga utmaningar", "Låg kännedom om yrkeshögskolan bland unga."]
    assert not (tmp_path / "output").exists() and not (content.parent / "output").exists()


def titles_of(prs) -> list[str]:
    return [slide.shapes.title.text.replace("\u00a0", " ") for slide in prs.slides]


def body_size(slide) -> float:
    """The size of a slide's body text (its level-0 runs: the largest)."""
    body = next(shape for shape in slide.placeholders if shape.placeholder_format.idx == 1)
    return max(run.font.size.pt for p in body.text_frame.paragraphs for run in p.runs if run.font.size)


def test_the_area_fills_as_many_slides_in_the_preview_as_in_the_board_deck(content: Path):
    path = content / "omraden" / "energi-och-klimat.yaml"
    many = "".join(f"      - Insats nummer {n} med en text som är lagom lång för en punkt på en bild.\n"
                   for n in range(14))
    replace_in(path, "      - Hitta arenor att möta barn\n", "      - Hitta arenor att möta barn\n" + many)
    loaded = load_content(content)
    board = Presentation(io.BytesIO(render_decks(loaded.plan, Derived(loaded.plan, loaded.changes),
                                                 Layout(LAYOUTS))["VP-2026-namndpresentation.pptx"]))
    deck = titles_of(board)
    first, last = deck.index("Energi och klimat"), deck.index("Näringslivsutveckling")
    area = deck[first:last]
    result = run("kontroll", path)
    assert area == ["Energi och klimat",
                    "Insatser där område Energi och klimat kan bidra till de tre fokusområdena",
                    "Insatser där område Energi och klimat kan bidra till de tre fokusområdena (forts.)",
                    "Utmaningar – Energi och klimat"]
    # The body size the area's slides get in the board deck (one size for the whole deck) is the one
    # kontroll reports.
    size = body_size(board.slides[first + 1])
    assert size == body_size(board.slides[first + 3])
    assert (f"  Bilder i presentationen: 4 — avsnittsbild, insatser 2 (text {size:g} pt), utmaningar 1 "
            f"(text {size:g} pt).") in result.stdout.splitlines()


def test_preview_of_a_file_with_mistakes_points_to_kontroll(content: Path):
    path = content / "omraden" / "energi-och-klimat.yaml"
    replace_in(path, "      - Utöka arbetet", "      * Utöka arbetet")
    result = run("förhandsvisning", path)
    assert result.exit_code == 1
    assert result.stderr == (
        "Förhandsvisningen görs när filen kan läsas (rad 18: ett & eller * i början av en text — sätt texten inom "
        f"citattecken). Kör vpgen kontroll {path} — den visar vad som är fel och hur det rättas.\n")
    with_check = run("kontroll", path, "--förhandsvisning")
    assert with_check.exit_code == 1
    assert with_check.stdout.splitlines()[-1] == (
        "Förhandsvisningen görs inte: Förhandsvisningen görs när filen kan läsas (rad 18: ett & eller * i början av "
        f"en text — sätt texten inom citattecken). Kör vpgen kontroll {path} — den visar vad som är fel och hur det "
        "rättas.")


def test_preview_of_plan_yaml_is_refused_with_the_command_for_it(content: Path):
    result = run("förhandsvisning", content / "plan.yaml")
    assert result.exit_code == 1
    assert result.stderr.endswith(f"inte en områdesfil — den kontrolleras med: vpgen validate {content}\n")


def test_from_omrade_ny_to_a_preview_pdf_with_only_the_readme(content: Path):
    """The issue's round: the planner creates the file, the chief fills it, checks it, sees the slides."""
    soffice()
    path = new_filled_area(content)
    check = run("kontroll", path, "--förhandsvisning")
    out = check.stdout.splitlines()
    assert "Filen är klar: inga fel, och den uppfyller anvisningarna." not in out  # one utmaning short of three
    folder = content / "omraden" / "förhandsvisning"
    assert f"Filerna ligger i {folder}:" in out
    pdf = folder / "kompetensforsorjning-och-utbildning.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    pngs = sorted(p.name for p in folder.glob("*.png"))
    assert pngs == [f"kompetensforsorjning-och-utbildning-bild-{n}.png" for n in (1, 2, 3, 4)] or not pngs
    assert overflow_findings(folder / "kompetensforsorjning-och-utbildning.pptx") == []
    assert os.listdir(folder) and not (content.parent / "output").exists()
