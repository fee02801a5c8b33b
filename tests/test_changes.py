"""The plan against last year's: matching, statuses, word diffs (generator.changes, pure)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.changes import ELSEWHERE, SAME_PARENT, compare, similarity, word_diff
from generator.load import load_content

from .conftest import SAMPLE, replace_in

PREVIOUS = SAMPLE / "vp-2025"


def loaded(content: Path = SAMPLE):
    result = load_content(content)
    assert result.plan is not None, [p.format() for p in result.problems]
    return result


@pytest.fixture(scope="module")
def sample_changes():
    return loaded().changes


def test_sample_counts_per_kind_and_status(sample_changes):
    assert sample_changes.label == "VP-2025"
    assert sample_changes.counts() == {
        "målsättning": {"ny": 0, "ändrad": 1, "oförändrad": 9, "utgår": 0},
        "fokusområde": {"ny": 0, "ändrad": 0, "oförändrad": 5, "utgår": 0},
        "mål": {"ny": 0, "ändrad": 1, "oförändrad": 3, "utgår": 0},
        "styrtal": {"ny": 8, "ändrad": 2, "oförändrad": 12, "utgår": 3},
        "uppdrag_nämnd": {"ny": 5, "ändrad": 0, "oförändrad": 2, "utgår": 1},
        "uppdrag_förvaltning": {"ny": 4, "ändrad": 2, "oförändrad": 3, "utgår": 1},
        "uppdrag_gemensamt": {"ny": 0, "ändrad": 0, "oförändrad": 10, "utgår": 1},
    }


def _status(changes, kind: str, start: str):
    """The change of the current item of `kind` whose text starts so (a removed one when none is current)."""
    found = [ch for ch in changes.of_kind(kind) if ch.current and ch.current.text.startswith(start)] or \
        [ch for ch in changes.of_kind(kind) if ch.previous and ch.previous.text.startswith(start)]
    assert len(found) == 1, [ch.item.text for ch in changes.of_kind(kind)]
    return found[0]


def test_renumbered_uppdrag_are_matched_by_text_and_keep_their_status(sample_changes):
    nr27 = _status(sample_changes, "uppdrag_nämnd", "Att främja och utveckla det strategiska")
    assert (nr27.status, nr27.previous.nr, nr27.current.nr, nr27.renumbered) == ("oförändrad", 24, 27, True)
    # VP-2025's nr 54 (beredskap) is not VP-2026's nr 54 (aktivitetsplaner): the number proves nothing.
    nr54 = _status(sample_changes, "uppdrag_gemensamt", "Att utarbeta aktivitetsplaner")
    assert (nr54.status, nr54.previous.nr) == ("oförändrad", 49)


def test_reworded_items_are_changed_with_a_word_diff(sample_changes):
    strategi = _status(sample_changes, "uppdrag_förvaltning", "Att färdigställa ny")
    assert strategi.status == "ändrad" and strategi.how == "likhet" and strategi.score == pytest.approx(0.714, 0.01)
    assert [(s.op, s.text) for s in strategi.diff] == [
        ("=", "Att "), ("-", "ta fram en"), ("+", "färdigställa"), ("=", " ny näringslivs- och innovationsstrategi"),
        ("-", ".")]
    goal9 = _status(sample_changes, "målsättning", "Kompetensförsörjningen är långsiktig")
    assert (goal9.status, goal9.how, goal9.previous.text) == ("ändrad", "nummer", "En långsiktig och stark kompetensförsörjning.")
    mal = _status(sample_changes, "mål", "Region Örebro län bidrar till att skapa")
    assert (mal.status, mal.how) == ("ändrad", "fokusområde")


def test_a_styrtal_changes_with_its_comparison_counties_not_with_its_outcome(sample_changes):
    brp = _status(sample_changes, "styrtal", "Bruttoregionalprodukt")
    assert (brp.status, brp.reworded) == ("ändrad", True)
    assert [s.op for s in brp.diff] == ["="]  # the same text: the counties were added
    hme = _status(sample_changes, "styrtal", "Hållbart medarbetarengagemang")
    assert hme.status == "oförändrad"  # VP-2025 had no outcome; the outcome is reporting, not wording


def test_removed_items_keep_where_they_sat(sample_changes):
    removed = {(ch.kind, ch.previous.text, ch.previous.place) for ch in sample_changes.removed}
    assert ("uppdrag_nämnd", "Att ta fram en regional plan för att stärka besöksnäringen i länet.",
            "Målsättning 4 › Fokusområde 4.1.1 Innovationsstöds- och företagsfrämjande system") in removed
    assert ("uppdrag_gemensamt", "Att arbeta för att heltid ska vara norm i verksamheterna.",
            "Gemensamma › Målsättning nr 9: En långsiktig och stark kompetensförsörjning.") in removed
    assert len(removed) == 6


def test_a_plan_compared_with_itself_has_no_changes():
    plan = loaded().plan
    same = compare(plan.previous.model_copy(update={"malsattningar": plan.malsattningar,
                                                    "gemensamma": plan.gemensamma}),
                   plan.malsattningar, plan.gemensamma)
    assert not same.any
    assert {ch.status for ch in same.changes} == {"oförändrad"}
    assert not any(ch.renumbered or ch.moved for ch in same.changes)


def test_a_number_alone_never_proves_identity(content: Path):
    replace_in(content / "malsattningar.yaml",
               "Att främja att fler barn och unga klarar av sina studier.",
               "Att stärka samverkan kring barns läsförmåga.")
    replace_in(content / "vp-2025" / "malsattningar.yaml",
               "        uppdrag:\n          förvaltning:\n            # ILLUSTRATIVT: förslaget till VP-2026 lägger",
               "        uppdrag:\n          nämnd:\n            - nr: 32\n"
               "              text: Att främja att fler barn och unga fullföljer gymnasiet.\n              källa: FM 2025\n"
               "          förvaltning:\n            # ILLUSTRATIVT: förslaget till VP-2026 lägger")
    changes = loaded(content).changes
    new = _status(changes, "uppdrag_nämnd", "Att stärka samverkan kring barns")
    assert new.status == "ny"
    assert any(ch.status == "utgår" and ch.previous.nr == 32 for ch in changes.removed)


def test_an_id_links_an_item_whatever_its_text_and_two_ids_never_match(content: Path):
    replace_in(content / "malsattningar.yaml", "          - text: Andel barn 0-17 år som lever i ekonomiskt utsatta familjer\n",
               "          - id: barnfattigdom\n            text: Andel barn i ekonomiskt utsatta hushåll\n")
    replace_in(content / "vp-2025" / "malsattningar.yaml",
               "          - text: Andel barn 0-17 år som lever i ekonomiskt utsatta familjer\n",
               "          - id: barnfattigdom\n            text: Andel barn 0-17 år som lever i ekonomiskt utsatta familjer\n")
    replace_in(content / "malsattningar.yaml", "          - text: Andelen förvärvsarbetande, 20-64 år\n",
               "          - id: sysselsattning\n            text: Andelen förvärvsarbetande, 20-64 år\n")
    replace_in(content / "vp-2025" / "malsattningar.yaml", "          - text: Andelen förvärvsarbetande, 20-64 år\n",
               "          - id: forvarvsgrad\n            text: Andelen förvärvsarbetande, 20-64 år\n")
    changes = loaded(content).changes
    linked = _status(changes, "styrtal", "Andel barn i ekonomiskt utsatta hushåll")
    assert (linked.status, linked.how) == ("ändrad", "id")
    declared_other = _status(changes, "styrtal", "Andelen förvärvsarbetande")
    assert declared_other.status == "ny"
    assert any(ch.previous.id == "forvarvsgrad" for ch in changes.removed)


def test_an_item_that_moved_is_changed_and_shown_removed_at_its_old_place(content: Path):
    text = (content / "malsattningar.yaml").read_text(encoding="utf-8")
    moved = ("            - text: Att folkhögskolorna med sitt breda utbud bidrar till att förbättra utbildningsnivån i "
             "länet.\n              källa: DN 2025\n")
    assert moved in text
    text = text.replace(moved, "")
    text = text.replace("                - text: Att öka samverkan med länets aktörer för att stärka ungas entreprenörskap.\n"
                        "                  källa: DN 2025\n",
                        "                - text: Att öka samverkan med länets aktörer för att stärka ungas entreprenörskap.\n"
                        "                  källa: DN 2025\n"
                        "                - text: Att folkhögskolorna med sitt breda utbud bidrar till att förbättra "
                        "utbildningsnivån i länet.\n                  källa: DN 2025\n")
    (content / "malsattningar.yaml").write_text(text, encoding="utf-8")
    result = loaded(content)
    change = _status(result.changes, "uppdrag_förvaltning", "Att folkhögskolorna med sitt breda utbud bidrar")
    assert (change.status, change.moved, change.reworded) == ("ändrad", True, False)
    assert change.previous.short == "Fokusområde 4.3" and change.current.short == "Fokusområde 4.1.1"
    assert not [p for p in result.warnings if "folkhögskolorna" in p.message]  # moved, not reworded: no tag warning
    fokus = {f.nr: f for g in result.plan.malsattningar.malsattningar for f in g.fokusomraden}
    old_place = result.changes.merged(fokus["4.3"], "uppdrag_förvaltning", fokus["4.3"].uppdrag.forvaltning)
    assert [(e.old, e.change.item.text[:25]) for e in old_place][:2] == [
        (True, "Att folkhögskolorna med s"), (False, "Att utveckla och stärka i")]
    delomraden = {d.nr: d for d in fokus["4.1"].delomraden}
    new_place = result.changes.merged(delomraden["4.1.1"], "uppdrag_förvaltning", delomraden["4.1.1"].uppdrag.forvaltning)
    assert [e.inserted for e in new_place] == [False, True, False]


def test_merged_lists_put_a_removed_item_after_its_old_predecessor():
    result = loaded()  # the changes know the plan's own objects: ask with the same load's
    fokus = {f.nr: f for g in result.plan.malsattningar.malsattningar for f in g.fokusomraden}
    entries = result.changes.merged(fokus["4.2"], "styrtal", fokus["4.2"].styrtal)
    assert [(e.old, e.inserted, e.change.item.text[:32]) for e in entries] == [
        (False, True, "Andel barn och unga med gott sjä"),
        (False, False, "Andel barn 0-17 år som lever i e"),
        (True, False, "Andel elever i åk 9 som är behör"),
        (False, True, "Andel elever i åk 9 med gymnasie"),
    ]


@pytest.mark.parametrize("a, b, score", [
    ("Att främja ett väl fungerande strukturer för kompetensförsörjning och livslångt lärande inom Örebro län.",
     "Att främja väl fungerande strukturer för kompetensförsörjning och livslångt lärande inom Örebro län.", 0.96),
    ("Utsläpp av växthusgaser i länet", "Utsläpp av växthusgaser i ton koldioxidekvivalenter", 0.73),
    ("Att ta fram en ny näringslivs- och innovationsstrategi.", "Att färdigställa ny näringslivs- och innovationsstrategi", 0.71),
    ("Andelen i befolkningen med 1-2 årig eftergymnasial yrkesutbildning",
     "Andelen i befolkningen med minst 3 årig akademisk utbildning", 0.56),
    ("Andel elever i åk 9 som är behöriga till yrkesprogram",
     "Andel elever i åk 9 med gymnasiebehörighet (både yrkes och högskoleförberedande)", 0.48),
    ("En långsiktig och stark kompetensförsörjning.", "Kompetensförsörjningen är långsiktig.", 0.25),
])
def test_similarity_of_the_documented_pairs(a: str, b: str, score: float):
    assert similarity(a, b) == pytest.approx(score, abs=0.01)


def test_thresholds_separate_the_documented_pairs():
    assert 0.56 < SAME_PARENT < 0.71
    assert 0.69 < ELSEWHERE <= 0.82


@given(st.text(alphabet="ab c.,\n", max_size=30), st.text(alphabet="ab c.,\n", max_size=30))
def test_a_word_diff_rebuilds_both_texts(old: str, new: str):
    diff = word_diff(old, new)
    assert "".join(s.text for s in diff if s.op != "+") == old
    assert "".join(s.text for s in diff if s.op != "-") == new
    assert all(s.text for s in diff)


def test_a_rewording_reads_as_one_deletion_and_one_insertion():
    diff = word_diff("Nr 9: En långsiktig och stark kompetensförsörjning.", "Nr 9: Kompetensförsörjningen är långsiktig.")
    assert [(s.op, s.text) for s in diff] == [
        ("=", "Nr 9: "), ("-", "En långsiktig och stark kompetensförsörjning"),
        ("+", "Kompetensförsörjningen är långsiktig"), ("=", ".")]


def swap_fokus_numbers(content: Path, a: str, b: str) -> None:
    """Fokusområden `a` and `b` trade numbers in this year's plan (and in the area files that name them)."""
    for path in [content / "malsattningar.yaml", *sorted((content / "omraden").glob("*.yaml"))]:
        text = path.read_text(encoding="utf-8")
        text = text.replace(f'"{a}"', '"SWAP"').replace(f'"{b}"', f'"{a}"').replace('"SWAP"', f'"{b}"')
        path.write_text(text, encoding="utf-8")


def test_swapped_fokusomraden_are_matched_by_their_names_not_their_numbers(content: Path):
    swap_fokus_numbers(content, "4.2", "4.3")
    result = loaded(content)
    changes = result.changes
    assert changes.counts() == loaded().changes.counts()  # the same statuses as the sample's
    skills = _status(changes, "fokusområde", "Kompetensförsörjning")
    assert (skills.status, skills.how, skills.current.nr, skills.previous.nr) == ("oförändrad", "text", "4.2", "4.3")
    assert _status(changes, "mål", "Region Örebro län är en drivande kraft för länets aktörer inom kompetens").status \
        == "oförändrad"
    assert not [w for w in result.warnings if "skiljer sig från VP-2025" in w.message]


def test_invisible_and_composed_differences_are_no_change(content: Path):
    replace_in(content / "malsattningar.yaml", "text: Tandvården är god", "text: Tand\u00advården är god")
    replace_in(content / "malsattningar.yaml", "text: En hållbar och attraktiv",
               "text: En\u200b hållbar och\u00a0attraktiv")
    text = (content / "malsattningar.yaml").read_text(encoding="utf-8")
    (content / "malsattningar.yaml").write_text(text.replace("Örebro", "O\u0308rebro"), encoding="utf-8")
    changes = loaded(content).changes
    assert changes.counts() == loaded().changes.counts()
    assert _status(changes, "målsättning", "Tand").status == "oförändrad"
    assert _status(changes, "målsättning", "En\u200b").status == "oförändrad"


@given(st.text(alphabet="ab c.,\n\u00ad\u00a0\u200b", max_size=30),
       st.text(alphabet="ab c.,\n\u00ad\u00a0\u200b", max_size=30))
def test_a_word_diff_keeps_this_years_text_as_written(old: str, new: str):
    diff = word_diff(old, new)
    assert "".join(s.text for s in diff if s.op != "-") == new
    plain = str.maketrans({"\u00ad": None, "\u200b": None, "\u00a0": " "})
    assert "".join(s.text for s in diff if s.op != "+").translate(plain) == old.translate(plain)
