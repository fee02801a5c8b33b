"""The Word plan's proposal version: every change against VP-2025 a real tracked change, reopened."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from lxml import etree

from generator.cli import cli
from generator.derive import Derived
from generator.layout import Layout
from generator.load import load_content
from generator.render.plan import render_plan
from generator.writer import normalize_zip

from .conftest import LAYOUTS, SAMPLE, replace_in
from .hardening.support import docx_accepted_texts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PROPOSAL = "VP-2026-verksamhetsplan-forslag.docx"


def render(content: Path = SAMPLE, proposal: bool = True) -> bytes:
    loaded = load_content(content)
    assert loaded.plan is not None, [p.format() for p in loaded.problems]
    return render_plan(loaded.plan, Derived(loaded.plan, loaded.changes), Layout(LAYOUTS), proposal=proposal)


def body(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read("word/document.xml"))


def text(el, tag: str = "t") -> str:
    """The element's text, its no-break spaces as spaces (typography has tests of its own)."""
    return "".join(t.text or "" for t in el.iter(W + tag)).replace("\u00a0", " ")


@pytest.fixture(scope="module")
def proposal() -> bytes:
    return render()


@pytest.fixture(scope="module")
def clean() -> bytes:
    return render(proposal=False)


def test_every_revision_has_the_author_the_plans_date_and_its_own_id(proposal):
    root = body(proposal)
    marks = list(root.iter(W + "ins", W + "del"))
    assert len(marks) > 100
    assert {m.get(W + "author") for m in marks} == {"Förslag"}
    assert {m.get(W + "date") for m in marks} == {"2025-09-29T00:00:00Z"}
    ids = [m.get(W + "id") for m in marks] + [b.get(W + "id") for b in root.iter(W + "bookmarkStart")]
    assert len(ids) == len(set(ids))


def test_a_reworded_uppdrag_is_revised_word_by_word_in_its_cell(proposal):
    cell = next(tc for tc in body(proposal).iter(W + "tc") if "ny näringslivs- och innovationsstrategi" in
                text(tc) + text(tc, "delText"))
    assert [text(d, "delText") for d in cell.iter(W + "del")] == ["ta fram en", "."]
    assert [text(i) for i in cell.iter(W + "ins")] == ["färdigställa"]
    kept = "".join(t.text for t in cell.iter(W + "t") if t.getparent().getparent().tag == W + "p")
    assert kept == "Att  ny näringslivs- och innovationsstrategi"


def test_the_changed_mal_keeps_its_label_and_tracks_its_text(proposal):
    paragraph = next(p for p in body(proposal).iter(W + "p") if "skolgång" in text(p))
    runs = [r for r in paragraph if r.tag == W + "r"]
    assert text(runs[0]) == "Mål: "  # the label is not part of the change
    assert "skapa förutsättningar för att barn och unga ska klara sin skolgång" in text(paragraph.find(W + "ins"))
    assert "får goda förutsättningar för en god hälsa" in text(paragraph.find(W + "del"), "delText")


def test_new_and_removed_items_are_whole_tracked_rows(proposal):
    rows = list(body(proposal).iter(W + "tr"))

    def row(words: str):
        return next(tr for tr in rows if words in text(tr) + text(tr, "delText"))

    new = row("Att utveckla och stärka insatserna för näringslivsutveckling")
    assert new.find(f"{W}trPr/{W}ins") is not None
    assert all(r.getparent().tag == W + "ins" for r in new.iter(W + "r"))
    assert new.find(f".//{W}pPr/{W}rPr/{W}ins") is not None  # the cell's paragraph mark too
    removed = row("Att ta fram en regional plan för att stärka besöksnäringen")
    assert removed.find(f"{W}trPr/{W}del") is not None
    assert text(removed) == ""
    assert text(removed, "delText") == "26Att ta fram en regional plan för att stärka besöksnäringen i länet.FM 2025"


def test_a_renumbered_uppdrag_tracks_only_its_number(proposal):
    row = next(tr for tr in body(proposal).iter(W + "tr") if "strategiska påverkansarbetet" in text(tr))
    first = row.find(W + "tc")
    assert (text(first.find(f".//{W}del"), "delText"), text(first.find(f".//{W}ins"))) == ("24", "27")
    assert len(list(row.iter(W + "ins"))) == 1 and len(list(row.iter(W + "del"))) == 1


def test_a_table_that_is_all_new_has_its_caption_and_header_row_tracked(proposal):
    caption = next(p for p in body(proposal).iter(W + "p") if text(p) == "Styrtal för målsättning 4")
    assert caption.find(f"{W}pPr/{W}rPr/{W}ins") is not None
    table = caption.getnext()
    assert table.tag == W + "tbl"
    assert all(tr.find(f"{W}trPr/{W}ins") is not None for tr in table.iter(W + "tr"))


def test_accepting_every_change_gives_the_clean_plans_compared_sections(proposal, clean, tmp_path: Path):
    (tmp_path / "forslag.docx").write_bytes(proposal)
    (tmp_path / "ren.docx").write_bytes(clean)

    def compared(path: Path) -> list[str]:
        texts = [t for t in docx_accepted_texts(path) if t]
        start = len(texts) - texts[::-1].index("Regionens målsättningar") - 1  # the section, not its TOC entry
        return texts[start:texts.index("Ekonomi", start)]

    assert compared(tmp_path / "forslag.docx") == compared(tmp_path / "ren.docx")


def test_rejecting_every_change_gives_last_years_wording(proposal):
    root = body(proposal)
    rejected = ["".join(t.text or "" for t in p.iter(W + "t", W + "delText") if t.getparent().getparent().tag != W + "ins")
                .replace("\u00a0", " ") for p in root.iter(W + "p")]
    start = len(rejected) - rejected[::-1].index("Regionens målsättningar") - 1  # the section, not its TOC entry
    rejected = rejected[start:rejected.index("Ekonomi", start)]
    assert "Att ta fram en ny näringslivs- och innovationsstrategi." in rejected
    assert "Att färdigställa ny näringslivs- och innovationsstrategi" not in rejected
    assert "Nr 9: En långsiktig och stark kompetensförsörjning." in rejected


def test_the_appendix_lists_every_change_per_kind(proposal):
    root = body(proposal)
    paragraphs = [text(p) for p in root.iter(W + "p")]
    start = len(paragraphs) - paragraphs[::-1].index("Bilaga: Förändringar jämfört med VP-2025") - 1
    assert paragraphs[start + 1].startswith(
        "Jämfört med VP-2025 (daterad 19 november 2024) har förslaget 17 nya och 6 ändrade poster, och 6 poster "
        "utgår; 44 är oförändrade.")
    tables = root.findall(f"{W}body/{W}tbl")[-6:]
    first_rows = [[text(tc) for tc in tbl.findall(f"{W}tr")[1].findall(W + "tc")] for tbl in tables]
    assert first_rows[0] == ["Ändrad", "Målsättning 9", "Kompetensförsörjningen är långsiktig.",
                             "En långsiktig och stark kompetensförsörjning."]
    assert first_rows[2] == ["Ny", "Målsättning 4", "Livskvalitén i länet (BRT +) · Ska öka", "–"]
    assert not any(el.tag in (W + "ins", W + "del") for tbl in tables for el in tbl.iter())


def test_same_content_gives_the_same_bytes(proposal):
    assert normalize_zip(render()) == normalize_zip(proposal)


def test_the_clean_plan_has_no_revisions(clean):
    assert not list(body(clean).iter(W + "ins", W + "del"))


def test_a_plan_compared_with_itself_has_no_tracked_change(tmp_path: Path, content: Path):
    """--jämför-med the content folder itself: nothing is new, changed or removed anywhere."""
    out = tmp_path / "ut"
    result = CliRunner().invoke(cli, ["build", "--layouts", str(LAYOUTS), "--content", str(content), "--output",
                                      str(out), "--jämför-med", str(content)])
    assert result.exit_code == 0, result.output
    assert "gäller 2026, men den här planen gäller 2026 — ange förra årets antagna plan" in result.output
    root = body((out / PROPOSAL).read_bytes())
    assert not list(root.iter(W + "ins", W + "del"))
    assert ("Förslaget har inga nya, ändrade eller borttagna poster jämfört med VP-2026 (daterad 29 september "
            "2025). Bilagan är en hjälp vid beredningen och ingår inte i planen.") in [text(p) for p in root.iter(W + "p")]


def test_without_a_previous_plan_no_proposal_is_written(tmp_path: Path, content: Path):
    replace_in(content / "plan.yaml", "föregående: vp-2025\n", "")
    out = tmp_path / "ut"
    result = CliRunner().invoke(cli, ["build", "--layouts", str(LAYOUTS), "--content", str(content), "--output",
                                      str(out)])
    assert result.exit_code == 0, result.output
    assert not (out / PROPOSAL).exists()
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "VP-2026-namndpresentation.pptx", "VP-2026-uppdrag.docx", "VP-2026-uppdrag.xlsx",
        "VP-2026-verksamhetsplan.docx"]


def test_a_difference_one_cannot_see_is_not_tracked(content: Path):
    """A soft hyphen, a no-break space or a decomposed letter changes nothing: no revision marks
    around those målsättningar (the deck calls them unchanged too)."""
    replace_in(content / "malsattningar.yaml", "text: Tandvården är god", "text: Tand\u00advården är god")
    replace_in(content / "malsattningar.yaml", "text: En hållbar och attraktiv", "text: En hållbar och\u00a0attraktiv")
    root = body(render(content))
    revised = [text(el) + text(el, "delText") for el in root.iter(W + "ins", W + "del")]
    assert not [r for r in revised if "Tand" in r or "attraktiv" in r]
    assert len(revised) == len(list(body(render()).iter(W + "ins", W + "del")))


def test_accepting_every_change_gives_the_clean_plan_when_a_list_empties(tmp_path: Path, content: Path):
    """4.2 loses all its styrtal and 4.3 all its uppdrag: the proposal deletes last year's tables and
    inserts the plan's own "Inga … för fokusområdet." lines, so accepting everything reads as the clean plan."""
    path = content / "malsattningar.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    goal = next(g for g in data["målsättningar"] if g["nr"] == 4)
    fokus = {f["nr"]: f for f in goal["fokusområden"]}
    fokus["4.2"]["styrtal"] = []
    fokus["4.3"]["uppdrag"] = {"nämnd": [], "förvaltning": []}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (tmp_path / "forslag.docx").write_bytes(render(content))
    (tmp_path / "ren.docx").write_bytes(render(content, proposal=False))

    def compared(path: Path) -> list[str]:
        texts = [t for t in docx_accepted_texts(path) if t]
        start = len(texts) - texts[::-1].index("Regionens målsättningar") - 1
        return texts[start:texts.index("Ekonomi", start)]

    clean = compared(tmp_path / "ren.docx")
    assert "Inga styrtal för fokusområdet." in clean and "Inga uppdrag för fokusområdet." in clean
    assert compared(tmp_path / "forslag.docx") == clean


def test_a_removed_groups_heading_keeps_last_years_wording(content: Path):
    """Målsättning 10 and its gemensam group go: the deleted heading reads as last year's plan had it,
    not 'Målsättning nr 10: ' with the text of a målsättning that no longer exists."""
    for name, key, keep in (("malsattningar.yaml", "målsättningar", lambda g: g["nr"] != 10),
                            ("gemensamma.yaml", "gemensamma", lambda g: g.get("målsättning") != 10)):
        data = yaml.safe_load((content / name).read_text(encoding="utf-8"))
        data[key] = [g for g in data[key] if keep(g)]
        (content / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    root = body(render(content))
    deleted = [text(p, "delText") for p in root.iter(W + "p") if p.find(f"{W}pPr/{W}rPr/{W}del") is not None]
    assert "Målsättning nr 10: En långsiktig stark och hållbar ekonomi med finansiell god hushållning." in deleted
