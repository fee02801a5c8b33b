"""The area chiefs' round: `vpgen område ny`, `vpgen kontroll` and `vpgen status`.

Every case works on a private copy of the sample (the `content` fixture). The check's messages are
what an area chief reads, so they are asserted word for word, the whole report at once.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.load import load_content
from generator.omrade import slugify, yaml_scalar

from .conftest import REPO, replace_in

ENERGI = "omraden/energi-och-klimat.yaml"


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def area_errors(loaded) -> list[str]:
    return [p.format() for p in loaded.errors]


# ================================================================ vpgen område ny

def add_to_plan(content: Path, snippet: str) -> None:
    """områden: is the last key of the sample's plan.yaml, so the printed snippet goes at the end."""
    with open(content / "plan.yaml", "a", encoding="utf-8") as plan:
        plan.write(snippet + "\n")


def printed_snippet(output: str) -> str:
    match = re.search(r"^  - namn: .*\n    fil: .*\n    ansvarig: .*$", output, re.MULTILINE)
    assert match, output
    return match.group(0)


FILLED_INSATSER = """insatser:
  - fokusområde: "4.1"
    rubrik: Kulturella och kreativa näringar
    punkter:
      - Stöd till länets kulturella och kreativa företag.
      - Samverkan med studieförbunden om digital kompetens.
  - fokusområde: "4.2"
    punkter:
      - Kulturskolans arbete med barn och unga i hela länet.
"""
FILLED_UTMANINGAR = """utmaningar:
  - rubrik: Ekonomi
    punkter:
      - Föreningarnas bidrag räcker till mindre än tidigare.
  - rubrik: Ideella krafter
    punkter:
      - Färre tar på sig uppdrag i föreningarna.
  - punkter:
      - Lokaler för kultur saknas på flera orter.
"""


def test_new_area_file_once_filled_validates(content: Path):
    result = run("område", "ny", "Kultur och ideell sektor", "--content", content)
    assert result.exit_code == 0, result.output
    path = content / "omraden" / "kultur-och-ideell-sektor.yaml"
    assert result.stdout == (
        f"Skapade {path} för området Kultur och ideell sektor.\n"
        "\n"
        f"Lägg till området i {content / 'plan.yaml'}, under 'områden:' där det ska stå i presentationen:\n"
        "\n"
        "  - namn: Kultur och ideell sektor\n"
        "    fil: kultur-och-ideell-sektor.yaml\n"
        "    ansvarig: områdeschef Kultur och ideell sektor\n"
        "\n"
        "vpgen ändrar inte plan.yaml själv: filen har kommentarer och en ordning som planeringsansvarig bestämmer, "
        "och en automatisk ändring kan inte säkert behålla dem.\n"
        "\n"
        "Skicka filen till områdeschefen. Hen fyller i den enligt förklaringarna i filen och kontrollerar den med:\n"
        f"  vpgen kontroll {path}\n"
    )
    add_to_plan(content, printed_snippet(result.stdout))

    # As written, the file is valid but empty: the area is incomplete, not broken.
    loaded = load_content(content)
    assert area_errors(loaded) == []
    assert [p.message for p in loaded.warnings if "kultur" in p.file] == [
        "området har 0 insatser — minst 3 behövs (se anvisningarna); lägg till fler punkter under 'insatser:'",
        "området har 0 utmaningar — minst 3 behövs (se anvisningarna); lägg till fler under 'utmaningar:'",
    ]

    text = path.read_text(encoding="utf-8")
    text = text.replace("insatser: []\n", FILLED_INSATSER).replace("utmaningar: []\n", FILLED_UTMANINGAR)
    path.write_text(text, encoding="utf-8")
    result = run("validate", content)
    assert result.exit_code == 0, result.output
    assert "kultur" not in result.output
    loaded = load_content(content)
    area = next(a for a in loaded.plan.omraden if a.ref.fil == "kultur-och-ideell-sektor.yaml")
    assert (area.content.omrade, area.content.antal_insatser, len(area.content.utmaningar)) == (
        "Kultur och ideell sektor", 3, 3)
    assert run("kontroll", path).exit_code == 0


def test_new_area_file_explains_itself_with_the_plans_instructions(content: Path):
    assert run("område", "ny", "Kultur och ideell sektor", "--content", content).exit_code == 0
    text = (content / "omraden" / "kultur-och-ideell-sektor.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Kultur och ideell sektor — områdets underlag till verksamhetsplan 2026.\n"
                           "#\n"
                           "# Ansvarig: områdeschef Kultur och ideell sektor\n"
                           "# Sista dag: 10 augusti 2025 (2025-08-10).\n")
    for line in [
        "#   1. Presentation av insatser för positiv förflyttning 2026",
        "#      Beskriv insatserna: Identifiera och beskriv minst tre specifika insatser inom ditt område som",
        "#   2. Presentation av utmaningar (hinder) för positiv förflyttning 2026",
        "# INSATSER: minst 3 insatser som kan bidra till positiv förflyttning inom fokusområdena.",
        '#   "4.1"      Omställning, innovation och attraktionskraft',
        '#     "4.1.1"  Innovationsstöds- och företagsfrämjande system',
        '#   "4.2"      Tidiga insatser för barn och unga',
        '#   "4.3"      Kompetensförsörjning',
        "# UTMANINGAR: minst 3 utmaningar (hinder) som kan påverka möjligheten att genomföra",
        "område: Kultur och ideell sektor",
        "insatser: []",
        "utmaningar: []",
    ]:
        assert line in text.splitlines(), line


def uncomment_example(text: str, key: str) -> str:
    """The template's example for `key`, with '# ' removed, in place of `key: []`."""
    lines = text.split("\n")
    start = lines.index(f"# {key}:")
    end = lines.index("#", start)
    example = [line[2:] for line in lines[start:end]]
    at = lines.index(f"{key}: []")
    return "\n".join(lines[:at] + example + lines[at + 1:])


def test_the_templates_examples_are_valid_as_they_stand(content: Path):
    assert run("område", "ny", "Kultur och ideell sektor", "--content", content).exit_code == 0
    path = content / "omraden" / "kultur-och-ideell-sektor.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(uncomment_example(uncomment_example(text, "insatser"), "utmaningar"), encoding="utf-8")
    add_to_plan(content, "  - namn: Kultur och ideell sektor\n    fil: kultur-och-ideell-sektor.yaml\n"
                         "    ansvarig: områdeschef Kultur och ideell sektor")
    loaded = load_content(content)
    assert area_errors(loaded) == []
    area = next(a for a in loaded.plan.omraden if a.ref.fil == "kultur-och-ideell-sektor.yaml")
    assert [g.fokusomrade for g in area.content.insatser] == ["4.1", "4.2"]
    assert (area.content.antal_insatser, len(area.content.utmaningar)) == (3, 2)


def test_new_area_never_overwrites_an_existing_file(content: Path):
    assert run("område", "ny", "Kultur och ideell sektor", "--content", content).exit_code == 0
    path = content / "omraden" / "kultur-och-ideell-sektor.yaml"
    path.write_text("område: Kultur och ideell sektor\n# mitt arbete\n", encoding="utf-8")
    result = run("område", "ny", "Kultur och ideell sektor", "--content", content, "--ansvarig", "kulturchef")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Filen {path} finns redan — vpgen skriver aldrig över en områdesfil. Öppna och fyll i den "
        f"(kontrollera den med: vpgen kontroll {path}), eller ta bort den först om du vill börja om från mallen.\n")
    assert path.read_text(encoding="utf-8") == "område: Kultur och ideell sektor\n# mitt arbete\n"


def test_new_area_for_an_area_the_plan_already_lists_uses_its_file_and_role(content: Path):
    (content / ENERGI).unlink()
    result = run("område", "ny", "energi och klimat", "--content", content)
    assert result.exit_code == 0, result.output
    path = content / ENERGI
    assert result.stdout.splitlines()[:3] == [
        f"Skapade {path} för området Energi och klimat.",
        "",
        f"Området finns redan i {content / 'plan.yaml'} (fil: energi-och-klimat.yaml), så plan.yaml behöver inte ändras.",
    ]
    text = path.read_text(encoding="utf-8")
    assert "# Ansvarig: områdeschef Energi och klimat\n" in text
    assert "\nområde: Energi och klimat\n" in text
    assert area_errors(load_content(content)) == []


def test_odd_names_are_values_in_the_file_not_yaml_or_templates(content: Path):
    name = 'Kultur: "fri" {{ 7*7 }} # 100%'
    result = run("område", "ny", name, "--content", content, "--ansvarig", "chef\nför kultur")
    assert result.exit_code == 0, result.output
    path = content / "omraden" / "kultur-fri-7-7-100.yaml"
    text = path.read_text(encoding="utf-8")
    assert '\nområde: "Kultur: \\"fri\\" {{ 7*7 }} # 100%"\n' in text
    assert "# Ansvarig: chef för kultur\n" in text
    assert text.startswith('# Kultur: "fri" {{ 7*7 }} # 100% — områdets underlag till verksamhetsplan 2026.\n')
    add_to_plan(content, printed_snippet(result.stdout))
    loaded = load_content(content)
    assert area_errors(loaded) == []
    area = next(a for a in loaded.plan.omraden if a.ref.fil == path.name)
    assert (area.ref.namn, area.ref.ansvarig, area.content.omrade) == (name, "chef för kultur", name)


@pytest.mark.parametrize("name, slug", [
    ("Kultur och ideell sektor", "kultur-och-ideell-sektor"),
    ("Välfärd och folkhälsa", "valfard-och-folkhalsa"),
    ("ÅRE / Östra  Götaland", "are-ostra-gotaland"),
    ("Café & Näringsliv 2026", "cafe-naringsliv-2026"),
])
def test_slug_is_lower_case_ascii_with_hyphens(name: str, slug: str):
    assert slugify(name) == slug


@pytest.mark.parametrize("value, written", [
    ("Energi och klimat", "Energi och klimat"),
    ("true", '"true"'),
    ("4.1", '"4.1"'),
    ("Mål: fler", '"Mål: fler"'),
    ("- punkt", '"- punkt"'),
    ("2025-08-10", '"2025-08-10"'),
])
def test_yaml_scalar_quotes_only_what_would_not_read_back(value: str, written: str):
    assert yaml_scalar(value) == written


def test_new_area_refuses_a_name_that_gives_no_file_name(content: Path):
    result = run("område", "ny", " !! ", "--content", content)
    assert result.exit_code == 1
    assert result.stderr == "Ange områdets namn, t.ex.: vpgen område ny \"Kultur och ideell sektor\"\n"
    result = run("område", "ny", "日本", "--content", content)
    assert result.exit_code == 1
    assert result.stderr == "Namnet '日本' ger inget filnamn — använd minst en bokstav a–z eller en siffra.\n"
    assert sorted(p.name for p in (content / "omraden").iterdir()) == [
        "energi-och-klimat.yaml", "naringslivsutveckling.yaml", "valfard-och-folkhalsa.yaml"]


# ================================================================ vpgen kontroll

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


# ================================================================ vpgen status

JULY_30 = datetime.datetime(2025, 7, 30, 12, 0).timestamp()


def stamp(content: Path) -> None:
    """A fixed modification time on every area file, so 'senast ändrad' is known."""
    for path in (content / "omraden").glob("*.yaml"):
        os.utime(path, (JULY_30, JULY_30))


HEAD = ("Områdenas underlag till verksamhetsplan 2026\n"
        "Deadline 10 augusti 2025 (2025-08-10), {when}. I dag: {idag}.\n"
        "Varje område ska ha minst 3 insatser och 3 utmaningar.\n"
        "\n")


def test_status_of_the_sample_before_the_deadline(content: Path):
    stamp(content)
    result = run("status", "--content", content, "--idag", "2025-08-01")
    assert result.exit_code == 0, result.output
    assert result.stdout == HEAD.format(when="om 9 dagar", idag="2025-08-01") + (
        "Område                 Ansvarig                           Fil  Insatser  Utmaningar  Klar  Senast ändrad  Deadline\n"
        "---------------------  ---------------------------------  ---  --------  ----------  ----  -------------  --------\n"
        "Välfärd och folkhälsa  områdeschef Välfärd och folkhälsa  ja          7           5  ja    2025-07-30     –\n"
        "Energi och klimat      områdeschef Energi och klimat      ja          6           4  ja    2025-07-30     –\n"
        "Näringslivsutveckling  områdeschef Näringslivsutveckling  ja          7           6  ja    2025-07-30     –\n"
        "\n"
        "3 av 3 områden klara.\n")


def incomplete_and_missing(content: Path) -> None:
    """Energi och klimat keeps one utmaning of four; Näringslivsutveckling's file is gone."""
    text = (content / ENERGI).read_text(encoding="utf-8")
    (content / ENERGI).write_text(text.split("  - rubrik: Nya energipolitiska mål")[0], encoding="utf-8")
    (content / "omraden" / "naringslivsutveckling.yaml").unlink()
    stamp(content)


def test_status_rows_for_complete_incomplete_and_missing_areas_before_the_deadline(content: Path):
    incomplete_and_missing(content)
    result = run("status", "--content", content, "--idag", "2025-08-01")
    assert result.exit_code == 0, result.output
    assert result.stdout == HEAD.format(when="om 9 dagar", idag="2025-08-01") + (
        "Område                 Ansvarig                           Fil     Insatser  Utmaningar  Klar  Senast ändrad  Deadline\n"
        "---------------------  ---------------------------------  ------  --------  ----------  ----  -------------  ------------\n"
        "Välfärd och folkhälsa  områdeschef Välfärd och folkhälsa  ja             7           5  ja    2025-07-30     –\n"
        "Energi och klimat      områdeschef Energi och klimat      ja             6           1  nej   2025-07-30     9 dagar kvar\n"
        "Näringslivsutveckling  områdeschef Näringslivsutveckling  saknas         –           –  nej   –              9 dagar kvar\n"
        "\n"
        "1 av 3 områden klara.\n"
        "  Energi och klimat (områdeschef Energi och klimat): 1 av minst 3 utmaningar.\n"
        "  Näringslivsutveckling (områdeschef Näringslivsutveckling): filen saknas "
        "(skapa den med: vpgen område ny \"Näringslivsutveckling\").\n")


def test_status_after_the_deadline_marks_late_areas_and_fails(content: Path):
    incomplete_and_missing(content)
    result = run("status", "--content", content, "--idag", "2025-08-20")
    assert result.exit_code == 1
    assert result.stdout == HEAD.format(when="för 10 dagar sedan", idag="2025-08-20") + (
        "Område                 Ansvarig                           Fil     Insatser  Utmaningar  Klar  Senast ändrad  Deadline\n"
        "---------------------  ---------------------------------  ------  --------  ----------  ----  -------------  -----------------\n"
        "Välfärd och folkhälsa  områdeschef Välfärd och folkhälsa  ja             7           5  ja    2025-07-30     –\n"
        "Energi och klimat      områdeschef Energi och klimat      ja             6           1  nej   2025-07-30     försenad 10 dagar\n"
        "Näringslivsutveckling  områdeschef Näringslivsutveckling  saknas         –           –  nej   –              försenad 10 dagar\n"
        "\n"
        "1 av 3 områden klara.\n"
        "  FÖRSENAT: Energi och klimat (områdeschef Energi och klimat): 1 av minst 3 utmaningar.\n"
        "  FÖRSENAT: Näringslivsutveckling (områdeschef Näringslivsutveckling): filen saknas "
        "(skapa den med: vpgen område ny \"Näringslivsutveckling\").\n")


def test_status_on_the_deadline_day_is_not_late(content: Path):
    incomplete_and_missing(content)
    result = run("status", "--content", content, "--idag", "2025-08-10")
    assert result.exit_code == 0
    assert "Deadline 10 augusti 2025 (2025-08-10), i dag. I dag: 2025-08-10." in result.stdout
    assert "sista dagen i dag" in result.stdout


def test_status_after_the_deadline_passes_when_every_area_is_complete(content: Path):
    result = run("status", "--content", content, "--idag", "2025-08-20")
    assert result.exit_code == 0
    assert "3 av 3 områden klara." in result.stdout


def test_status_shows_a_broken_area_file(content: Path):
    replace_in(content / ENERGI, "      - Utöka arbetet", "      Utöka arbetet")
    result = run("status", "--content", content, "--idag", "2025-08-20", "--json")
    assert result.exit_code == 1
    energi = json.loads(result.stdout)["omraden"][1]
    assert (energi["status"], energi["finns"], energi["insatser"], energi["saknas"]) == (
        "fel", True, None, ["filen har fel"])
    text = run("status", "--content", content, "--idag", "2025-08-01").stdout
    assert "  Energi och klimat (områdeschef Energi och klimat): filen har fel " \
           "(se: vpgen kontroll omraden/energi-och-klimat.yaml)." in text


def test_status_json_shape(content: Path):
    incomplete_and_missing(content)
    result = run("status", "--content", content, "--idag", "2025-08-20", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data == {
        "idag": "2025-08-20",
        "deadline": "2025-08-10",
        "dagar_till_deadline": -10,
        "minst_insatser": 3,
        "minst_utmaningar": 3,
        "omraden": [
            {"namn": "Välfärd och folkhälsa", "ansvarig": "områdeschef Välfärd och folkhälsa",
             "fil": "omraden/valfard-och-folkhalsa.yaml", "finns": True, "insatser": 7, "utmaningar": 5,
             "status": "klar", "klar": True, "senast_andrad": "2025-07-30", "andrad_enligt": "filtid",
             "saknas": [], "forsenad": False},
            {"namn": "Energi och klimat", "ansvarig": "områdeschef Energi och klimat",
             "fil": "omraden/energi-och-klimat.yaml", "finns": True, "insatser": 6, "utmaningar": 1,
             "status": "ofullständig", "klar": False, "senast_andrad": "2025-07-30", "andrad_enligt": "filtid",
             "saknas": ["1 av minst 3 utmaningar"], "forsenad": True},
            {"namn": "Näringslivsutveckling", "ansvarig": "områdeschef Näringslivsutveckling",
             "fil": "omraden/naringslivsutveckling.yaml", "finns": False, "insatser": None, "utmaningar": None,
             "status": "saknas", "klar": False, "senast_andrad": None, "andrad_enligt": None,
             "saknas": ["filen saknas"], "forsenad": True},
        ],
        "klara": 1,
        "forsenade": 2,
    }
    before = json.loads(run("status", "--content", content, "--idag", "2025-08-01", "--json").stdout)
    assert (before["dagar_till_deadline"], [a["forsenad"] for a in before["omraden"]]) == (9, [False, False, False])


def git(repo: Path, *args: str, **env: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True,
                          env={**os.environ, **env})
    return done.stdout


def test_status_takes_last_changed_from_git_when_the_file_is_committed(tmp_path: Path, content: Path):
    repo = tmp_path / "plan"
    repo.mkdir()
    content = content.rename(repo / "content")
    git(repo, "init", "-q")
    git(repo, "config", "user.name", "planeringsansvarig")
    git(repo, "config", "user.email", "planering@example.org")
    git(repo, "add", ".")
    when = "2025-07-15T10:00:00+02:00"
    git(repo, "commit", "-q", "-m", "Underlag", GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    stamp(content)  # the files' own time says 2025-07-30; git says 2025-07-15
    replace_in(content / ENERGI, "      - Internt", "      - Internt, i hela förvaltningen")  # not committed
    result = run("status", "--content", content, "--idag", "2025-08-01", "--json")
    assert result.exit_code == 0, result.output
    rows = {a["namn"]: (a["senast_andrad"], a["andrad_enligt"]) for a in json.loads(result.stdout)["omraden"]}
    today = datetime.date.today().isoformat()
    assert rows == {
        "Välfärd och folkhälsa": ("2025-07-15", "git"),
        "Energi och klimat": (today, "filtid"),  # edited after the commit
        "Näringslivsutveckling": ("2025-07-15", "git"),
    }


def test_status_without_a_readable_plan_says_why(content: Path):
    replace_in(content / "anvisningar.yaml", "deadline: 2025-08-10", "deadline: 10 augusti")
    result = run("status", "--content", content)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"Statusen kan inte visas: {content / 'anvisningar.yaml'} kan inte läsas (se ovan). Rätta filen och "
        "försök igen (vpgen validate visar alla fel).")
    assert "deadline: '10 augusti' är inget datum" in result.stderr


def test_status_refuses_a_bad_date():
    result = run("status", "--idag", "1 augusti")
    assert result.exit_code == 2
    assert "'1 augusti' är inget datum — skriv ÅÅÅÅ-MM-DD, t.ex. 2025-08-01" in result.stderr


# ================================================================ the command line stays fast

def test_help_does_not_import_the_area_commands():
    code = ("import sys; from click.testing import CliRunner; from generator.cli import cli; "
            "r = CliRunner().invoke(cli, ['--help']); "
            "print(r.exit_code, 'generator.omrade' in sys.modules, 'jinja2' in sys.modules, 'pydantic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.split() == ["0", "False", "False", "False"]
