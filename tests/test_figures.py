"""content/styrtal-data.yaml: the model, its checks against the texts, the figures, import and rewrite."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.derive import Derived
from generator.load import load_content
from generator.styrtal.datafile import dump_data, header_comment

from .conftest import SAMPLE, replace_in

DATA = "styrtal-data.yaml"


def errors(content: Path) -> list[str]:
    return [p.format() for p in load_content(content).errors]


def figures(content: Path = SAMPLE) -> dict:
    loaded = load_content(content)
    assert loaded.errors == [], [p.format() for p in loaded.errors]
    return {fig.entry.id: fig for fig in Derived(loaded.plan).figures}


# ---------------------------------------------------------------- the sample

def test_sample_figures_carry_the_references_outcomes_and_targets():
    figs = figures()
    assert list(figs) == ["brp-per-invanare", "hme", "sam", "sjukfranvaro"]  # plan order
    hme, sam, sick = figs["hme"], figs["sam"], figs["sjukfranvaro"]
    assert hme.values[("Örebro län", 2024)] == 76 and hme.target == (77, 80)
    assert sam.values[("Örebro län", 2024)] == 84 and sam.target == (90, 100) and sam.unit == "%"
    assert sick.values[("Örebro län", 2024)] == Decimal("6.5") and sick.target == (Decimal("6.1"), Decimal("6.3"))
    assert sick.direction == "minska" and sick.decimals == 1
    # The reference's 2024 figures are real; everything added for illustration is example data.
    assert ("Örebro län", 2024) not in hme.examples | sam.examples | sick.examples
    assert all(("Örebro län", y) in hme.examples for y in (2021, 2022, 2023))
    brp = figs["brp-per-invanare"]
    assert brp.examples == frozenset(brp.values)
    assert brp.areas == ("Örebro län", "Jönköping", "Kronoberg", "Värmland", "Västmanland")
    assert brp.latest_common_year == 2023 and brp.group == "fokus:4.1.1"


def test_trend_says_which_way_and_whether_toward_the_target():
    figs = figures()
    sick = figs["sjukfranvaro"].trend
    assert (sick.fran_ar, sick.till_ar, sick.ord, sick.i_malets_riktning, sick.exempel) == (2023, 2024, "minskar", True, True)
    hme = figs["hme"].trend  # no riktning: the target above the outcome says "öka"
    assert (hme.ord, hme.i_malets_riktning) == ("ökar", True)


def test_sample_gives_one_example_data_warning_for_the_file():
    warnings = [p.format() for p in load_content(SAMPLE).warnings if p.file.endswith(DATA)]
    assert warnings == [
        "content/styrtal-data.yaml:33:32: varning: styrtal[1].värden[1].exempel: 18 värden är exempeldata "
        "(brp-per-invanare, hme, sam, sjukfranvaro) — ersätt dem med riktiga siffror (vpgen styrtal import eller "
        "hämta) och ta bort 'exempel: true'"]


def test_without_the_data_file_the_plan_is_valid_and_has_no_figures(content: Path):
    (content / DATA).unlink()
    loaded = load_content(content)
    assert loaded.errors == [] and loaded.plan.styrtal_data is None
    assert Derived(loaded.plan).figures == []
    assert not any(p.file.endswith(DATA) for p in loaded.warnings)


def test_the_sample_file_is_already_in_the_form_vpgen_writes():
    text = (SAMPLE / DATA).read_text(encoding="utf-8")
    data = load_content(SAMPLE).plan.styrtal_data
    assert dump_data(data, header_comment(text)) == text


# ---------------------------------------------------------------- validation, word for word

@pytest.mark.parametrize("old, new, message", [
    ("{år: 2021, värde: 74, exempel: true}", "{år: \"2021\", värde: 74, exempel: true}",
     "content/styrtal-data.yaml:49:10: fel: styrtal[2].värden[1].år: året '2021' ska vara ett heltal utan "
     "citattecken, t.ex. 2024"),
    ("{år: 2021, värde: 74, exempel: true}", "{år: 2021.5, värde: 74, exempel: true}",
     "content/styrtal-data.yaml:49:10: fel: styrtal[2].värden[1].år: året '2021.5' ska vara ett heltal utan "
     "decimaler, t.ex. 2024"),
    ("{år: 2021, värde: 74, exempel: true}", "{år: 2021, värde: sjuttiofyra, exempel: true}",
     "content/styrtal-data.yaml:49:20: fel: styrtal[2].värden[1].värde: 'sjuttiofyra' är inte ett tal — skriv "
     "t.ex. 151,3 eller 16 503"),
    ("    enhet: tkr/invånare\n", "    enhet: kr\n", None),
    ("{område: Kronoberg, år: 2023", "{område: Kronobergs län, år: 2023",
     "content/styrtal-data.yaml:39:10: fel: styrtal[1].värden[7].område: 'Kronobergs län' är varken Örebro län "
     "eller ett län styrtalet jämförs med — menade du 'Kronoberg'?"),
    ("{år: 2023, värde: 82, exempel: true}", "{år: 2024, värde: 84, exempel: true}",
     "content/styrtal-data.yaml:62:10: fel: styrtal[3].värden[4].år: Örebro län har redan ett värde för 2024 "
     "(rad 3 under värden) — ett värde per område och år"),
    ("{år: 2024, värde: 6.5}", "{år: 2024, värde: 6.4}",
     "content/styrtal-data.yaml:72:20: fel: styrtal[4].värden[4].värde: Örebro län 2024 är 6,4 här men "
     "utfallet i gemensamma.yaml är 6,5 — rätta det ena"),
    ("    styrtal: Sjukfrånvaron ska minska\n", "    styrtal: Sjukfrånvaro ska minska\n",
     "content/styrtal-data.yaml:65:5: fel: styrtal[4].styrtal: inget styrtal börjar med 'Sjukfrånvaro ska "
     "minska' — menade du 'Sjukfrånvaron ska minska.'?"),
    ("  - id: sam\n", "  - id: Sam\n",
     "content/styrtal-data.yaml:54:5: fel: styrtal[3].id: 'Sam' har fel form — skriv id:t med små bokstäver "
     "a–z, siffror och bindestreck, t.ex. sjukfranvaro"),
    ("    kolada: N03702\n", "    kolada: n3702\n",
     "content/styrtal-data.yaml:31:5: fel: styrtal[1].kolada: 'n3702' har fel form — skriv Koladas "
     "nyckeltals-id: en versal och fem siffror, t.ex. N03702"),
    ("    styrtal: Systematiskt arbetsmiljöarbete (SAM)\n", "    styrtal: Sjukfrånvaron\n",
     ["content/styrtal-data.yaml:62:20: fel: styrtal[3].värden[4].värde: Örebro län 2024 är 84 här men utfallet i "
      "gemensamma.yaml är 6,5 — rätta det ena",
      "content/styrtal-data.yaml:64:5: fel: styrtal[4]: styrtalet har redan siffror under id 'sam' — samla "
      "värdena under ett id"]),
])
def test_data_file_problems_name_file_line_and_what_to_do(content: Path, old, new, message):
    replace_in(content / DATA, old, new)
    if message is None:  # a unit the styrtal's text does not use: SAM's '%' against the file's
        replace_in(content / DATA, "    datakälla: Region Örebro läns uppföljning av SAM\n",
                   "    enhet: procent\n    datakälla: Region Örebro läns uppföljning av SAM\n")
        message = ("content/styrtal-data.yaml:57:5: fel: styrtal[3].enhet: enheten är 'procent' här men '%' i "
                   "gemensamma.yaml — skriv samma enhet på båda ställena")
    assert errors(content) == (message if isinstance(message, list) else [message])


def test_a_styrtal_id_in_the_texts_links_without_the_text_prefix(content: Path):
    replace_in(content / "gemensamma.yaml", "      - text: Sjukfrånvaron ska minska.\n",
               "      - id: sjukfranvaro\n        text: Sjukfrånvaron ska minska.\n")
    replace_in(content / DATA, "    styrtal: Sjukfrånvaron ska minska\n", "")
    assert figures(content)["sjukfranvaro"].values[("Örebro län", 2024)] == Decimal("6.5")


def test_an_id_in_the_texts_without_figures_is_a_warning(content: Path):
    replace_in(content / "gemensamma.yaml", "      - text: Regionstyrelsens och nämndernas resultat ska vara positivt\n",
               "      - id: resultat\n        text: Regionstyrelsens och nämndernas resultat ska vara positivt\n")
    loaded = load_content(content)
    assert [p.format() for p in loaded.warnings if "resultat" in p.message] == [
        "content/gemensamma.yaml:77:9: varning: gemensamma[5].styrtal[1].id: styrtalet har id 'resultat' men "
        "styrtal-data.yaml har inga värden för det — lägg till ett avsnitt med samma id där, eller ta bort id:t"]


def test_a_target_range_against_the_direction_is_an_error(content: Path):
    replace_in(content / "gemensamma.yaml", "        målvärde: {från: 6.3, till: 6.1}", "        målvärde: {från: 6.1, till: 6.3}")
    assert errors(content) == [
        "content/gemensamma.yaml:67:9: fel: gemensamma[4].styrtal[3].målvärde: målintervallet 6,1–6,3 stiger men "
        "styrtalet ska minska — skriv intervallet från det högre till det lägre värdet, eller rätta riktningen"]


def test_a_target_on_the_wrong_side_of_the_outcome_is_a_warning(content: Path):
    replace_in(content / "gemensamma.yaml", "        målvärde: {från: 6.3, till: 6.1}", "        målvärde: {från: 6.9, till: 6.7}")
    loaded = load_content(content)
    assert loaded.errors == []
    assert [p.format() for p in loaded.warnings if "målvärde" in p.path] == [
        "content/gemensamma.yaml:67:9: varning: gemensamma[4].styrtal[3].målvärde: målet (6,7) ligger över "
        "utfallet 6,5 fast styrtalet ska minska — stämmer målet?"]


def test_a_broken_data_file_stops_the_build_with_its_line(content: Path):
    (content / DATA).write_text("eget_område: Örebro län\nstyrtal:\n  - id: x\n    värden: [ {år: 2024\n",
                                encoding="utf-8")
    found = errors(content)
    assert len(found) == 1 and found[0].startswith("content/styrtal-data.yaml:")


# ---------------------------------------------------------------- vpgen styrtal import

def run_import(content: Path, file: Path, *extra: str):
    return CliRunner().invoke(cli, ["styrtal", "import", str(file), "--content", str(content), *extra])


def test_csv_import_reports_new_changed_replaced_and_unchanged_rows(content: Path, tmp_path: Path):
    csv = tmp_path / "utfall.csv"
    csv.write_text("Styrtal id;Område;År;Värde\n"
                   "hme;;2025;77\n"
                   "sjukfranvaro;Örebro län;2023;6,9\n"
                   "sam;;2024;84\n"
                   "brp-per-invanare;Jönköping;2023;1 515,5\n", encoding="utf-8")
    before = (content / DATA).read_text(encoding="utf-8")
    result = run_import(content, csv)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Läste 4 värden från utfall.csv: 1 nya, 0 ändrade, 2 exempelvärden ersatta, 1 oförändrade.",
        "  ny:      hme Örebro län 2025: 77",
        "  ersatte exempelvärde: sjukfranvaro Örebro län 2023: 6,9",
        "  ersatte exempelvärde: brp-per-invanare Jönköping 2023: 1 515,5",
        f"Skrev {content / DATA}.",
    ]
    after = (content / DATA).read_text(encoding="utf-8")
    assert header_comment(after) == header_comment(before)
    assert "      - {område: Jönköping, år: 2023, värde: 1515.5}\n" in after
    assert "      - {år: 2023, värde: 6.9}\n" in after
    assert "      - {år: 2025, värde: 77}\n" in after
    # Import again: nothing changes and the file is not rewritten.
    again = run_import(content, csv)
    assert "0 nya, 0 ändrade, 0 exempelvärden ersatta, 4 oförändrade" in again.output
    assert (content / DATA).read_text(encoding="utf-8") == after


def test_csv_import_changes_a_real_value_and_says_from_what(content: Path, tmp_path: Path):
    csv = tmp_path / "utfall.csv"
    csv.write_text("id,område,år,värde\nhme,Örebro län,2024,76\n", encoding="utf-8")
    replace_in(content / "gemensamma.yaml", "utfall: {år: 2024, värde: 76}", "utfall: {år: 2023, värde: 75}")
    replace_in(content / DATA, "\n      - {år: 2024, värde: 76}\n", "\n      - {år: 2024, värde: 75.5}\n")
    result = run_import(content, csv)
    assert result.exit_code == 0, result.output
    assert "  ändrad:  hme Örebro län 2024: 75,5 → 76" in result.output.splitlines()


def test_windows_1252_csv_from_excel_is_read(content: Path, tmp_path: Path):
    csv = tmp_path / "excel.csv"
    csv.write_bytes("id;län;år;värde\nbrp-per-invanare;Värmland;2023;460\n".encode("cp1252"))
    result = run_import(content, csv)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "Läste 1 värden från excel.csv (läst som Windows-1252 (inte UTF-8)): 0 nya, 0 ändrade, "
        "1 exempelvärden ersatta, 0 oförändrade.")


def test_xlsx_import_reads_the_first_sheet(content: Path, tmp_path: Path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "område", "år", "värde", "enhet"])
    sheet.append(["sjukfranvaro", None, 2025, 6.3, "%"])
    sheet.append(["brp-per-invanare", "Västmanland", 2023.0, 480, None])
    path = tmp_path / "utfall.xlsx"
    book.save(path)
    result = run_import(content, path)
    assert result.exit_code == 0, result.output
    assert "  ny:      sjukfranvaro Örebro län 2025: 6,3" in result.output
    assert "  ersatte exempelvärde: brp-per-invanare Västmanland 2023: 480" in result.output


def test_bad_rows_are_all_listed_with_line_and_column_and_nothing_is_written(content: Path, tmp_path: Path):
    csv = tmp_path / "fel.csv"
    csv.write_text("id;område;år;värde;enhet\n"
                   "hme;;2024,5;77;\n"
                   "sjukfranvro;;2024;6,4;%\n"
                   "sam;;2024;;\n"
                   "sam;;2023;83;procent\n", encoding="utf-8")
    before = (content / DATA).read_bytes()
    result = run_import(content, csv)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "fel.csv:2:3: fel: år: '2024,5' är inget årtal — skriv året som ett heltal, t.ex. 2024",
        "fel.csv:3:1: fel: id: styrtalet 'sjukfranvro' finns inte i styrtal-data.yaml — menade du 'sjukfranvaro'?",
        "fel.csv:4:4: fel: värde: värdet saknas — skriv ett tal, eller ta bort raden",
        "fel.csv:5:5: fel: enhet: enheten 'procent' stämmer inte med styrtalets enhet '%' — räkna om värdet eller "
        "rätta enheten",
        "fel.csv har 4 fel (se ovan) — styrtal-data.yaml har inte ändrats.",
    ]
    assert (content / DATA).read_bytes() == before


def test_a_value_against_the_texts_outcome_is_refused_before_writing(content: Path, tmp_path: Path):
    csv = tmp_path / "utfall.csv"
    csv.write_text("id;område;år;värde\nsjukfranvaro;;2024;6,4\n", encoding="utf-8")
    before = (content / DATA).read_bytes()
    result = run_import(content, csv)
    assert result.exit_code == 1
    assert "utfallet i gemensamma.yaml är 6,5 — rätta det ena" in result.output
    assert result.output.rstrip().endswith("filen har inte ändrats.")
    assert (content / DATA).read_bytes() == before


def test_missing_columns_are_named(content: Path, tmp_path: Path):
    csv = tmp_path / "utfall.csv"
    csv.write_text("styrtal;län;värde\nhme;;76\n", encoding="utf-8")
    result = run_import(content, csv)
    assert result.exit_code == 1
    assert result.output.strip() == ("utfall.csv:1: fel: kolumnerna år saknas (rubrikraden har: styrtal, län, värde) — "
                                     "första raden ska vara rubriker: id;område;år;värde (område och enhet kan utelämnas)")


def test_dry_run_reports_without_writing(content: Path, tmp_path: Path):
    csv = tmp_path / "utfall.csv"
    csv.write_text("id;område;år;värde\nhme;;2025;78\n", encoding="utf-8")
    before = (content / DATA).read_bytes()
    result = run_import(content, csv, "--torrkörning")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"Torrkörning: {content / DATA} skrevs inte."
    assert (content / DATA).read_bytes() == before


def test_import_without_a_data_file_says_how_to_start(content: Path, tmp_path: Path):
    (content / DATA).unlink()
    csv = tmp_path / "utfall.csv"
    csv.write_text("id;område;år;värde\nhme;;2025;78\n", encoding="utf-8")
    result = run_import(content, csv)
    assert result.exit_code == 1
    assert result.output.strip() == (f"{content / DATA} finns inte — skapa den med ett avsnitt per styrtal "
                                     "(id, styrtal, enhet, datakälla), som i exempelinnehållets "
                                     "content/styrtal-data.yaml")
