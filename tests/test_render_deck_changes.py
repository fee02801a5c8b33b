"""What the deck shows of the comparison with VP-2025: overview, labels, quieter unchanged items,
notes with last year's wording, Utgår and Förslag till beslut — reopened from the .pptx."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import replace_in
from .test_render_deck import DECK, deck_of, plain, render, slide_texts, titles

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
GREEN, ORANGE, QUIET = "1E7B34", "A14E00", "666666"


@pytest.fixture(scope="module")
def prs():
    return deck_of(render()[DECK])


def slide(prs, title: str):
    return next(s for s in prs.slides if s.shapes.title.text == title)


def body_paragraphs(s):
    return [p for shape in s.shapes if shape.has_text_frame and shape != s.shapes.title
            for p in shape.text_frame.paragraphs]


def runs(paragraph) -> list[tuple[str, bool, str | None]]:
    """(text, bold, colour) of each run."""
    out = []
    for run in paragraph.runs:
        fill = run._r.find(f"{A}rPr/{A}solidFill/{A}srgbClr")
        out.append((plain(run.text), bool(run.font.bold), fill.get("val") if fill is not None else None))
    return out


def test_the_overview_follows_the_title_with_counts_per_kind(prs):
    got = titles(prs)
    assert got[1] == "Förändringar jämfört med VP-2025"
    s = prs.slides[1]
    table = next(shape.table for shape in s.shapes if shape.has_table)
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Vad", "Nya", "Ändrade", "Oförändrade", "Utgår"],
        ["Målsättningar", "0", "1", "9", "0"],
        ["Fokusområden", "0", "0", "5", "0"],
        ["Fokusområdenas mål", "0", "1", "3", "0"],
        ["Styrtal", "8", "2", "12", "3"],
        ["Uppdrag till nämnden", "5", "0", "2", "1"],
        ["Uppdrag till förvaltningen", "4", "2", "3", "1"],
        ["Gemensamma uppdrag från fullmäktige", "0", "0", "10", "1"],
    ]
    assert ("Förslaget har 17 nya, 6 ändrade och 44 oförändrade poster; 6 poster i VP-2025 utgår (se bilden Utgår). "
            "Nya och ändrade poster är märkta Ny: och Ändrad: på bilderna.") in slide_texts(s)


def test_new_and_changed_items_start_with_a_bold_label_word(prs):
    goals = body_paragraphs(slide(prs, "Målsättningar"))
    assert runs(goals[8]) == [("Ändrad: ", True, ORANGE), ("Nr 9: Kompetensförsörjningen är långsiktig.", False, None)]
    uppdrag = body_paragraphs(next(s for s in prs.slides if s.shapes.title.text.startswith("Fokusområde 4.1.1")
                                   and s.shapes.title.text.endswith("uppdrag")))
    nr30 = next(p for p in uppdrag if "Nr 30." in plain(p.text))
    assert runs(nr30)[:2] == [("Ny: ", True, GREEN), ("Nr 30. ", True, None)]
    strategi = next(p for p in uppdrag if "färdigställa" in p.text)
    assert runs(strategi)[0] == ("Ändrad: ", True, ORANGE)


def test_unchanged_items_are_quieter_and_unlabelled(prs):
    uppdrag = body_paragraphs(next(s for s in prs.slides if s.shapes.title.text.startswith("Fokusområde 4.1.1")
                                   and s.shapes.title.text.endswith("uppdrag")))
    nr27 = next(p for p in uppdrag if "Nr 27." in plain(p.text))
    assert [(bold, colour) for _, bold, colour in runs(nr27)] == [(True, QUIET), (False, QUIET)]
    label = next(p for p in uppdrag if p.text == "Regionala tillväxtnämnden får i uppdrag:")
    assert runs(label)[0][2] is None  # headings keep their colour


def test_the_removed_items_are_listed_with_where_they_sat(prs):
    texts = slide_texts(slide(prs, "Utgår jämfört med VP-2025"))
    assert texts == [
        "Styrtal:",
        "Antal företag som fått stöd genom innovationsstödssystemet (DN 2025) – Fokusområde 4.1.1",
        "Andel elever i åk 9 som är behöriga till yrkesprogram (DN 2025) – Fokusområde 4.2",
        "Antal deltagare i folkhögskolornas allmänna kurs (DN 2025) – Fokusområde 4.3",
        "Uppdrag till nämnden (nummer i VP-2025):",
        "Nr 26. Att ta fram en regional plan för att stärka besöksnäringen i länet. (FM 2025) – Fokusområde 4.1.1",
        "Uppdrag till förvaltningen:",
        "Att kartlägga behovet av laddinfrastruktur för tunga transporter i länet. (DN 2025) – Fokusområde 4.1.2",
        "Gemensamma uppdrag (nummer i VP-2025):",
        "Nr 39. Att arbeta för att heltid ska vara norm i verksamheterna. (Från FM) – Gemensamma, målsättning nr 9",
    ]


def test_a_changed_item_has_last_years_wording_in_the_notes(prs):
    notes = plain(slide(prs, "Målsättningar").notes_slide.notes_text_frame.text)
    assert notes == "Målsättning 9: ändrad (i VP-2025: ”Nr 9: En långsiktig och stark kompetensförsörjning.”)."
    fokus = next(s for s in prs.slides if s.shapes.title.text.startswith("Fokusområde 4.1.2") and
                 s.shapes.title.text.endswith("styrtal"))
    assert ("Styrtal ”Utsläpp av växthusgaser i ton koldioxidekvivalenter” – källa: Förslag DN 2026; ändrad (i VP-2025: "
            "”Utsläpp av växthusgaser i länet. Ska minska. (DN 2025)”).") in plain(fokus.notes_slide.notes_text_frame.text)


def test_the_decision_slide_closes_the_proposal(prs):
    got = titles(prs)
    assert got[got.index("Förslag till beslut") - 1] == "Sammanfattning – mål, styrtal och uppdrag"
    assert slide_texts(slide(prs, "Förslag till beslut")) == [
        "Regionala tillväxtnämnden föreslås besluta att godkänna förslaget till ändringar av målsättningar, styrtal "
        "och uppdrag som underlag för verksamhetsplan 2026.",
        "Verksamhetsplan och budget för 2026 beslutas av nämnden den 18 november 2025."]


def test_without_a_previous_plan_nothing_of_the_comparison_shows(content: Path):
    replace_in(content / "plan.yaml", "föregående: vp-2025\n", "")
    prs = deck_of(render(content)[DECK])
    got = titles(prs)
    assert "Förändringar jämfört med VP-2025" not in got and "Utgår jämfört med VP-2025" not in got
    assert got[1] == "Tidplan"
    for s in prs.slides:
        assert not any(text.startswith(("Ny: ", "Ändrad: ")) for text in slide_texts(s))
        colours = {fill.get("val") for fill in s._element.iter(f"{A}srgbClr")}
        assert not colours & {GREEN, ORANGE, QUIET}
        notes = s.notes_slide.notes_text_frame.text if s.has_notes_slide else ""
        assert "VP-2025" not in notes


def test_without_beslutsforslag_there_is_no_decision_slide(content: Path):
    text = (content / "plan.yaml").read_text(encoding="utf-8")
    start = text.index("beslutsförslag:")
    (content / "plan.yaml").write_text(text[:start] + text[text.index("# Områdena som lämnar underlag"):],
                                       encoding="utf-8")
    assert "Förslag till beslut" not in titles(deck_of(render(content)[DECK]))
