"""The nämnd's name inside a sentence: as plan.yaml writes it in `i_löptext`, else exactly as its name
(never lower-cased by guess: "IT- och digitaliseringsnämnd" stays so), and the plan's intro in the singular."""

from __future__ import annotations

from pathlib import Path

import docx
from pptx import Presentation

from generator.texts import Texts

from .conftest import LAYOUTS, replace_in
from .hardening.support import build

SUMMARY_DOCX, DECK = "VP-2026-uppdrag.docx", "VP-2026-namndpresentation.pptx"


def titles(deck: Path) -> list[str]:
    return [s.shapes.title.text_frame.text.replace("\u00a0", " ") for s in Presentation(str(deck)).slides if s.shapes.title is not None]


def test_sample_writes_the_name_in_a_sentence_as_plan_yaml_says(tmp_path: Path, content: Path):
    result = build(content, tmp_path / "ut")
    assert result.exit_code == 0, result.output
    assert "Sammanfattning av uppdrag till regional tillväxtnämnd (17 st)" in titles(tmp_path / "ut" / DECK)


def test_without_i_lopptext_the_name_is_written_as_it_is(tmp_path: Path, content: Path):
    replace_in(content / "plan.yaml", "  namn: Regional tillväxtnämnd\n", "  namn: IT- och digitaliseringsnämnd\n")
    text = (content / "plan.yaml").read_text(encoding="utf-8")
    (content / "plan.yaml").write_text("\n".join(line for line in text.split("\n") if "i_löptext:" not in line),
                                       encoding="utf-8")
    result = build(content, tmp_path / "ut")
    assert result.exit_code == 0, result.output
    assert "Sammanfattning av uppdrag till IT- och digitaliseringsnämnd (17 st)" in titles(tmp_path / "ut" / DECK)
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "ut" / SUMMARY_DOCX)).paragraphs]
    assert "Sammanfattning av uppdrag till IT- och digitaliseringsnämnd (17\u00a0st)" in paragraphs


def test_the_plans_intro_counts_one_malsattning_in_the_singular_and_names_no_missing_number():
    t = Texts(LAYOUTS)
    one = t("plan_malsattningar_intro", antal=1, namnd="Nämnden", nummer=[1])
    assert one.startswith("Regionens målsättning. Nämnden har fokusområden, mål, styrtal och uppdrag under målsättning 1;")
    none = t("plan_malsattningar_intro", antal=3, namnd="Nämnden", nummer=[])
    assert none == "Regionens 3 målsättningar. Gemensamma målsättningar med uppdrag från fullmäktige finns i ett eget avsnitt."
