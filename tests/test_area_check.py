"""`vpgen kontroll` (generator/area/check.py, text_check.py, repair.py): one area file checked for its chief.

Every case works on a private copy of the sample (the `content` fixture). The check's messages are
what an area chief reads, so they are asserted word for word, the whole report at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

from .conftest import replace_in

ENERGI = "omraden/energi-och-klimat.yaml"


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


@dataclass
class Mistake:
    id: str
    old: str
    new: str
    report: str  # the whole report after "Kontroll av <file>\n\n"
    exit_code: int = 1


FIXED = "Insatser: 6 (minst 3). Utmaningar: 4 (minst 3). Räknat som om rättningarna ovan vore gjorda.\n"
UNCOUNTED = "Insatserna och utmaningarna räknas när felen ovan är rättade.\n"
ONE = "1 sak att rätta eller komplettera. Kör kontrollen igen när du har ändrat i filen.\n"
P17 = "    17 |       - Strategiskt och operativt arbete med energiplanering\n"
P18 = "    18 |       - Utöka arbetet med att stötta cirkulära lösningar hos näringslivet och offentlig sektor\n"

MISTAKES = [
    Mistake(
        "tab_indentation", "      - Utöka arbetet", "\t\t\t- Utöka arbetet",
        "Rad 18: raden är indragen med tabbtecken — använd mellanslag i stället (två per nivå, rakt under raden ovanför)\n"
        "  Så här ska det se ut:\n" + P17 + P18 + "\n" + FIXED + ONE),
    Mistake(
        "missing_dash_before_a_point", "      - Utöka arbetet", "      Utöka arbetet",
        "Rad 18: punkten saknar '- ' i början — varje punkt står på en egen rad som börjar med '- '\n"
        "  Så här ska det se ut:\n" + P17 + P18 + "\n" + FIXED + ONE),
    Mistake(
        "key_typo_utmaning", "\nutmaningar:", "\nutmaning:",
        "Rad 32: okänd nyckel 'utmaning' — menade du 'utmaningar'?\n"
        "  Så här ska det se ut:\n"
        "    28 |       - Påverka utbildningsanordnare att energiplanering får en större plats i utbudet.\n"
        "    32 | utmaningar:\n"
        "\n" + FIXED + ONE),
    Mistake(
        "key_typo_fokusomrade", '- fokusområde: "4.2"', '- fokusomrade: "4.2"',
        "Rad 20: okänd nyckel 'fokusomrade' — menade du 'fokusområde'?\n"
        "  Så här ska det se ut:\n"
        "    19 |       - Bredda arbetet med att bli innovation-stödsystemets aktör inom ekologisk hållbarhet\n"
        '    20 |   - fokusområde: "4.2"\n'
        "\n" + FIXED + ONE),
    Mistake(
        "fokusomrade_4_1_without_quotes_is_only_a_tip", 'fokusområde: "4.1"', "fokusområde: 4.1",
        'Rad 14 (tips): fokusområdets nummer 4.1 står utan citattecken — det fungerar, men skriv det hellre inom '
        'citattecken ("4.1") som i exemplen: utan citattecken är 4.10 och 4.1 samma decimaltal för många program\n'
        "  Så här ska det se ut:\n"
        "    13 | insatser:\n"
        '    14 |   - fokusområde: "4.1"\n'
        "\n"
        "Insatser: 6 (minst 3). Utmaningar: 4 (minst 3).\n"
        "Filen är klar: inga fel, och den uppfyller anvisningarna.\n",
        exit_code=0),
    Mistake(
        "unknown_fokusomrade_4_9", 'fokusområde: "4.3"', 'fokusområde: "4.9"',
        "Rad 25: fokusområde 4.9 finns inte i planen — välj ett av 4.1, 4.1.1, 4.1.2, 4.2, 4.3\n"
        "  Planens fokusområden:\n"
        '    "4.1"    Omställning, innovation och attraktionskraft\n'
        '    "4.1.1"  Innovationsstöds- och företagsfrämjande system\n'
        '    "4.1.2"  Långsiktig hållbarhet och konkurrenskraft\n'
        '    "4.2"    Tidiga insatser för barn och unga\n'
        '    "4.3"    Kompetensförsörjning\n'
        "\n"
        "Insatser: 6 (minst 3). Utmaningar: 4 (minst 3).\n" + ONE),
    Mistake(
        "colon_in_an_unquoted_point", "      - Utöka arbetet med", "      - Utöka arbetet: med",
        "Rad 18: ska vara en text, men raden läses som 'nyckel: värde' — sätt texten inom citattecken (\"…\") om den "
        "innehåller ': '\n"
        "  Så här ska det se ut:\n" + P17 +
        '    18 |       - "Utöka arbetet: med att stötta cirkulära lösningar hos näringslivet och offentlig sektor"\n'
        "\n" + FIXED + ONE),
    Mistake(
        "colon_in_an_unquoted_rubrik", "rubrik: Utbildning", "rubrik: Utbildning: barn och unga",
        "Rad 21: texten innehåller ett kolon följt av mellanslag (': ') — sätt hela texten inom citattecken\n"
        "  Så här ska det se ut:\n"
        '    20 |   - fokusområde: "4.2"\n'
        '    21 |     rubrik: "Utbildning: barn och unga"\n'
        "\n" + FIXED + ONE),
    Mistake(
        "point_indented_too_far_is_read_into_the_point_above", "      - Utöka arbetet", "        - Utöka arbetet",
        "Rad 18: punkten är indragen för långt (8 mellanslag) och läses därför som en fortsättning på punkten på "
        "rad 17 — den ska stå rakt under '- ' på rad 17 (6 mellanslag)\n"
        "  Så här ska det se ut:\n" + P17 + P18 + "\n" + FIXED + ONE),
    Mistake(
        "point_indented_too_little", "      - Utöka arbetet", "    - Utöka arbetet",
        "Rad 18: punkten är indragen för lite (4 mellanslag) — den ska stå rakt under '- ' på rad 17 (6 mellanslag)\n"
        "  Så här ska det se ut:\n" + P17 + P18 + "\n" + FIXED + ONE),
    Mistake(
        "empty_punkter_list",
        "    punkter:\n      - Påverka utbildningsanordnare att energiplanering får en större plats i utbudet.\n",
        "    punkter:\n",
        "Rad 27: 'punkter:' är tom — skriv minst en punkt på en egen rad under, som börjar med '- ' "
        "(eller ta bort hela gruppen)\n"
        "  Så här ska det se ut (exempel):\n"
        "    |     punkter:\n"
        "    |       - Första punkten.\n"
        "    |       - Andra punkten.\n"
        "\n" + UNCOUNTED + ONE),
    Mistake(
        "duplicated_key", "    rubrik: Utbildning\n", "    rubrik: Utbildning\n    rubrik: Skola\n",
        "Rad 22: nyckeln 'rubrik' finns redan på rad 21 — ta bort den ena (varje nyckel får bara finnas en gång)\n"
        "  Så här ska det se ut (exempel):\n"
        '    |   - fokusområde: "4.1"\n'
        "    |     rubrik: Omställning och förnyelse\n"
        "    |     punkter:\n"
        "    |       - Första insatsen.\n"
        "\n" + UNCOUNTED + ONE),
    Mistake(
        "new_group_without_dash_looks_like_duplicated_keys", '  - fokusområde: "4.2"', '    fokusområde: "4.2"',
        "Rad 20: en ny grupp börjar här, men raden saknar '- ' — skriv '- ' före 'fokusområde:' (utan '- ' räknas "
        "raden till gruppen ovanför)\n"
        "  Så här ska det se ut:\n"
        "    19 |       - Bredda arbetet med att bli innovation-stödsystemets aktör inom ekologisk hållbarhet\n"
        '    20 |   - fokusområde: "4.2"\n'
        "\n" + FIXED + ONE),
    Mistake(
        "empty_list_brackets_left_in_place", "insatser:\n", "insatser: []\n",
        "Rad 13: 'insatser: []' betyder en tom lista, men raderna under fyller i listan — ta bort [] efter 'insatser:'\n"
        "  Så här ska det se ut:\n"
        "    11 | område: Energi och klimat\n"
        "    13 | insatser:\n"
        "\n" + FIXED + ONE),
]


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.id for m in MISTAKES])
def test_kontroll_explains_a_typical_mistake(content: Path, mistake: Mistake):
    path = content / ENERGI
    replace_in(path, mistake.old, mistake.new)
    result = run("kontroll", path)
    assert result.stdout == f"Kontroll av {path}\n\n{mistake.report}"
    assert result.exit_code == mistake.exit_code
    assert result.stderr == ""


def test_kontroll_explains_only_two_insatser(content: Path):
    path = content / ENERGI
    path.write_text(
        "område: Energi och klimat\n"
        "\n"
        "insatser:\n"
        '  - fokusområde: "4.1"\n'
        "    punkter:\n"
        "      - Energiplanering med kommunerna.\n"
        "      - Stöd till cirkulära lösningar.\n"
        "\n"
        "utmaningar:\n"
        "  - punkter:\n"
        "      - Kompetensförsörjning.\n"
        "  - punkter:\n"
        "      - Nya energipolitiska mål.\n"
        "  - punkter:\n"
        "      - Utsläppen minskar för långsamt.\n", encoding="utf-8")
    result = run("kontroll", path)
    assert result.exit_code == 1
    assert result.stdout == (
        f"Kontroll av {path}\n"
        "\n"
        "Rad 3: området har 2 insatser — minst 3 behövs enligt anvisningarna; lägg till fler punkter under 'insatser:'\n"
        "  Så här ska det se ut (exempel):\n"
        "    |     punkter:\n"
        "    |       - Första punkten.\n"
        "    |       - Andra punkten.\n"
        "\n"
        "Insatser: 2 (minst 3). Utmaningar: 3 (minst 3).\n" + ONE)


def test_kontroll_explains_a_file_saved_as_windows_1252(content: Path):
    path = content / ENERGI
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    result = run("kontroll", path)
    assert result.exit_code == 1
    assert result.stdout == (
        f"Kontroll av {path}\n"
        "\n"
        "Rad 1: filen är inte sparad som UTF-8 (kanske Latin-1/Windows-1252) — spara om den som UTF-8\n"
        "  Spara om filen som UTF-8: i Anteckningar väljer du Arkiv > Spara som och Kodning: UTF-8;\n"
        "  i andra textredigerare heter valet ofta Encoding eller Teckenkodning.\n"
        "\n" + FIXED + ONE)


def test_kontroll_lists_every_mistake_in_one_run(content: Path):
    path = content / ENERGI
    replace_in(path, "      - Utöka arbetet", "      Utöka arbetet")
    replace_in(path, "rubrik: Utbildning", "rubrik: Utbildning: barn")
    replace_in(path, '- fokusområde: "4.3"', '- fokusomrade: "4.3"')
    replace_in(path, "      - Internt", "\t- Internt")
    result = run("kontroll", path)
    assert result.exit_code == 1
    assert [line for line in result.stdout.splitlines() if line.startswith("Rad ")] == [
        "Rad 18: punkten saknar '- ' i början — varje punkt står på en egen rad som börjar med '- '",
        "Rad 21: texten innehåller ett kolon följt av mellanslag (': ') — sätt hela texten inom citattecken",
        "Rad 25: okänd nyckel 'fokusomrade' — menade du 'fokusområde'?",
        "Rad 35: raden är indragen med tabbtecken — använd mellanslag i stället (två per nivå, rakt under raden ovanför)",
    ]
    assert "    35 |       - Internt" in result.stdout.splitlines()
    assert result.stdout.endswith("4 saker att rätta eller komplettera. Kör kontrollen igen när du har ändrat i filen.\n")


def test_kontroll_of_a_good_file(content: Path):
    path = content / ENERGI
    result = run("kontroll", path)
    assert result.exit_code == 0
    assert result.stdout == (f"Kontroll av {path}\n\nInsatser: 6 (minst 3). Utmaningar: 4 (minst 3).\n"
                             "Filen är klar: inga fel, och den uppfyller anvisningarna.\n")


def test_kontroll_names_the_area_as_the_plan_does(content: Path):
    path = content / ENERGI
    replace_in(path, "område: Energi och klimat", "område: Energi")
    result = run("kontroll", path)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[2:5] == [
        "Rad 11: området heter 'Energi och klimat' i plan.yaml — skriv samma namn här (nu: 'Energi')",
        "  Så här ska det se ut:",
        "    11 | område: Energi och klimat",
    ]


def test_kontroll_outside_a_content_folder_checks_the_file_alone(tmp_path: Path, content: Path):
    path = tmp_path / "energi.yaml"
    path.write_text((content / ENERGI).read_text(encoding="utf-8").replace('"4.3"', '"4.9"'), encoding="utf-8")
    result = run("kontroll", path)
    assert result.exit_code == 0
    assert result.stdout == (
        f"Kontroll av {path}\n"
        "\n"
        "Obs: planen hittades inte (plan.yaml i mappen två steg upp från filen), så fokusområdena och antalet "
        "insatser och utmaningar jämförs inte med planen. Ange innehållsmappen med --content.\n"
        "\n"
        "Insatser: 6. Utmaningar: 4.\n"
        "Filen är klar: inga fel, och den uppfyller anvisningarna.\n")
    result = run("kontroll", path, "--content", content)
    assert result.exit_code == 1
    assert "Rad 25: fokusområde 4.9 finns inte i planen" in result.stdout
    assert "Obs: filen energi.yaml finns inte under 'områden:' i plan.yaml" in result.stdout


def test_kontroll_of_a_missing_file(content: Path):
    path = content / "omraden" / "kultur.yaml"
    result = run("kontroll", path)
    assert result.exit_code == 1
    assert result.stderr == (
        f"{path} finns inte — ange sökvägen till områdesfilen, t.ex. content/omraden/energi-och-klimat.yaml\n")


def test_kontroll_of_an_empty_file_shows_a_whole_example(content: Path):
    path = content / ENERGI
    path.write_text("# bara en kommentar\n", encoding="utf-8")
    result = run("kontroll", path)
    assert result.exit_code == 1
    assert result.stdout == (
        f"Kontroll av {path}\n"
        "\n"
        "Rad 1: filen är tom — fyll i den enligt kommentaren överst (vpgen schema visar formatet)\n"
        "  Så här ska det se ut (exempel):\n"
        "    | område: Energi och klimat\n"
        "    |\n"
        "    | insatser:\n"
        '    |   - fokusområde: "4.1"\n'
        "    |     punkter:\n"
        "    |       - Första insatsen.\n"
        "    |\n"
        "    | utmaningar:\n"
        "    |   - rubrik: Kompetensförsörjning\n"
        "    |     punkter:\n"
        "    |       - Svårt att rekrytera till tekniska tjänster.\n"
        "\n" + UNCOUNTED + ONE)


def test_kontroll_of_a_fresh_file_says_what_is_left_to_fill_in(content: Path):
    assert run("område", "ny", "Kultur", "--content", content).exit_code == 0
    path = content / "omraden" / "kultur.yaml"
    result = run("kontroll", path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [line for line in lines if line.startswith("Rad ")] == [
        "Rad 66: området har 0 insatser — minst 3 behövs enligt anvisningarna; lägg till fler punkter under 'insatser:'",
        "Rad 87: området har 0 utmaningar — minst 3 behövs enligt anvisningarna; lägg till fler utmaningar "
        "under 'utmaningar:'",
    ]
    assert lines[-1] == "2 saker att rätta eller komplettera. Kör kontrollen igen när du har ändrat i filen."
