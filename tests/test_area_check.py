"""`vpgen kontroll` (generator/area/check.py, text_check.py, repair.py): one area file checked for its chief.

Every case works on a private copy of the sample (the `content` fixture). The check's messages are
what an area chief reads, so they are asserted word for word, the whole report at once.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

from .conftest import REPO, replace_in

ENERGI = "omraden/energi-och-klimat.yaml"


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


# {size}: the body size the area's slides get — in the board deck (18 pt on the sample) when the whole
# content folder can be read, else (a file with a mistake) the size they would get alone.
ECHO = """\
Så här läser vpgen filen{repaired}:
  Insatser: 6 punkter i 3 grupper
    Fokusområde 4.1 Omställning, innovation och attraktionskraft — egen rubrik: Omställning och förnyelse
      rad 17   Strategiskt och operativt arbete med energiplanering
      rad 18   Utöka arbetet med att stötta cirkulära lösningar hos näringslivet och offentl…
      rad 19   Bredda arbetet med att bli innovation-stödsystemets aktör inom ekologisk håll…
    Fokusområde 4.2 Tidiga insatser för barn och unga — egen rubrik: Utbildning
      rad 23   Ge hopp för barn och ungas framtid
      rad 24   Hitta arenor att möta barn
    Fokusområde 4.3 Kompetensförsörjning
      rad 28   Påverka utbildningsanordnare att energiplanering får en större plats i utbude…
  Utmaningar: 4
    Kompetensförsörjning
      rad 35   Internt
      rad 36   För hela gröna omställningen
    Nya energipolitiska mål
      rad 39   Sverige och länet behöver göra mer.
    Cirkulär ekonomi
      rad 42   Rusta näringslivet för nya krav
      rad 43   Kräver personella resurser att jobba för att möta dem.
    Utsläpp av växthusgaser
      rad 46   Minskar för långsamt
      rad 47   Större insatser krävs
  Bilder i presentationen: 3 — avsnittsbild, insatser 1 (text {size} pt), utmaningar 1 (text {size} pt).
"""
FIXED = "Insatser: 6 (minst 3). Utmaningar: 4 (minst 3). Räknat som om rättningarna ovan vore gjorda.\n"
UNCOUNTED = "Insatserna och utmaningarna räknas när felen ovan är rättade.\n"
ONE = "1 sak att rätta eller komplettera. Kör kontrollen igen när du har ändrat i filen.\n"
KLAR = "Filen är klar: inga fel, och den uppfyller anvisningarna.\n"


def without_echo(report: str) -> str:
    """The report without its 'Så här läser vpgen filen' block (asserted on its own above)."""
    return re.sub(r"Så här läser vpgen filen.*?\n\n", "", report, flags=re.DOTALL)


def test_kontroll_of_a_good_file_says_back_what_it_read_and_how_many_slides(content: Path):
    path = content / ENERGI
    result = run("kontroll", path)
    assert result.exit_code == 0
    assert result.stdout == (f"Kontroll av {path}\n\n" + ECHO.format(repaired="", size=18) + "\n"
                             "Insatser: 6 (minst 3). Utmaningar: 4 (minst 3).\n" + KLAR)


def test_kontroll_echoes_a_repaired_file_as_repaired(content: Path):
    path = content / ENERGI
    replace_in(path, "      - Utöka arbetet", "      * Utöka arbetet")
    result = run("kontroll", path)
    assert result.exit_code == 1
    assert result.stdout == (
        f"Kontroll av {path}\n\n"
        "Rad 18: punkten börjar med '*' — en punkt börjar med '- ' (bindestreck och mellanslag); skriv '- ' i "
        "stället för '*'\n"
        "  Så här ska det se ut:\n"
        "    17 |       - Strategiskt och operativt arbete med energiplanering\n"
        "    18 |       - Utöka arbetet med att stötta cirkulära lösningar hos näringslivet och offentlig sektor\n"
        "\n" + ECHO.format(repaired=" (med rättningarna ovan)", size=20) + "\n" + FIXED + ONE)


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
    assert without_echo(result.stdout) == (
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
    assert without_echo(result.stdout) == (
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
        "Rad 18: punkten saknar '- ' i början — med '- ' blir raden en egen punkt. Hör raden i stället till punkten "
        "på rad 17, dra in den så att den står rakt under texten där (8 mellanslag)",
        "Rad 21: texten innehåller ett kolon följt av mellanslag (': ') — sätt hela texten inom citattecken",
        "Rad 25: okänd nyckel 'fokusomrade' — menade du 'fokusområde'?",
        "Rad 35: raden är indragen med tabbtecken — använd mellanslag i stället (två per nivå, rakt under raden ovanför)",
    ]
    assert "    35 |       - Internt" in result.stdout.splitlines()
    assert result.stdout.endswith("4 saker att rätta eller komplettera. Kör kontrollen igen när du har ändrat i filen.\n")


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
    assert without_echo(result.stdout) == (
        f"Kontroll av {path}\n"
        "\n"
        "Obs: planen hittades inte (plan.yaml i mappen två steg upp från filen), så fokusområdena och antalet "
        "insatser och utmaningar jämförs inte med planen. Ange innehållsmappen med --content.\n"
        "\n"
        "Insatser: 6. Utmaningar: 4.\n"
        "Filen är klar: inga fel, och den uppfyller anvisningarna.\n")
    # without the plan the fokusområde is shown by number, not as "(finns inte i planen)"
    assert "    Fokusområde 4.9 — egen rubrik: Kompetensförsörjning" in result.stdout.splitlines()
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
        "Rad 75: området har 0 insatser — minst 3 behövs enligt anvisningarna; lägg till fler punkter under 'insatser:'",
        "Rad 96: området har 0 utmaningar — minst 3 behövs enligt anvisningarna; lägg till fler utmaningar "
        "under 'utmaningar:'",
    ]
    assert lines[-1] == "2 saker att rätta eller komplettera. Kör kontrollen igen när du har ändrat i filen."


# ---------------------------------------------------------------- the right file, the right command

def test_kontroll_of_plan_yaml_says_what_the_file_is_and_which_command_checks_it(content: Path):
    result = run("kontroll", content / "plan.yaml")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"{content / 'plan.yaml'} är planens fil plan.yaml (vem planen gäller, när, tidplanen och vilka områden som "
        f"ska lämna underlag), inte en områdesfil — den kontrolleras med: vpgen validate {content}\n")


def test_kontroll_of_a_layout_file_or_a_renamed_content_file(content: Path, tmp_path: Path):
    result = run("kontroll", REPO / "layouts" / "texter.yaml")
    assert result.stderr == (f"{REPO / 'layouts' / 'texter.yaml'} är en layoutfil, en fil med presentationens och "
                             "dokumentens texter, inte en områdesfil — den kontrolleras med: vpgen validate\n")
    copy = tmp_path / "min-plan.yaml"
    copy.write_text((content / "plan.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = run("kontroll", copy)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{copy} är samma sorts fil som plan.yaml (vem planen gäller")


def test_kontroll_of_a_yml_file_checks_it_and_names_its_right_name(content: Path):
    path = content / "omraden" / "energi-och-klimat.yml"
    (content / ENERGI).rename(path)
    result = run("kontroll", path)
    assert result.exit_code == 1
    assert without_echo(result.stdout) == (
        f"Kontroll av {path}\n"
        "\n"
        "Filen: filen heter energi-och-klimat.yml och läses inte: vpgen läser bara filer som slutar på .yaml — byt "
        "namn till energi-och-klimat.yaml (annars kommer området inte med)\n"
        "\n"
        "Insatser: 6 (minst 3). Utmaningar: 4 (minst 3).\n" + ONE)
    status = run("status", "--content", content, "--idag", "2025-08-01")
    assert ("  Energi och klimat (områdeschef Energi och klimat): filen heter energi-och-klimat.yml och läses inte: "
            "vpgen läser bara filer som slutar på .yaml — byt namn till energi-och-klimat.yaml.") in status.stdout


def test_kontroll_gives_a_tip_for_a_point_longer_than_a_slide_can_carry(content: Path):
    path = content / ENERGI
    long = " ".join(["Ett långt stycke om energiplanering i länets kommuner och regionens roll."] * 8)
    replace_in(path, "      - Hitta arenor att möta barn", f"      - {long}")
    result = run("kontroll", path)
    assert result.exit_code == 0
    assert without_echo(result.stdout).split("\n")[2:4] == [
        "Rad 24 (tips): punkten blir 6 rader på bilden (i 18 pt) — mer än en tredjedel av textytan (5 rader) blir "
        "tungt att läsa; korta den gärna, eller dela upp den i två punkter",
        "",
    ]
    assert "  Bilder i presentationen: 3 — avsnittsbild, insatser 1 (text 18 pt), utmaningar 1 (text 18 pt)." \
        in result.stdout.splitlines()


@pytest.mark.parametrize("saved_as", ["energi-och-klimat (1).yaml", "energi-och-klimat - Kopia.yaml",
                                      "Energi och klimat.yaml"])
def test_the_plans_area_saved_under_another_name_is_told_to_be_renamed(content: Path, saved_as: str):
    """A browser's "(1)", Windows' "- Kopia": the file is the plan's area but would not be read."""
    source = content / ENERGI
    copy = source.with_name(saved_as)
    copy.write_bytes(source.read_bytes())
    source.unlink()
    result = run("kontroll", copy)
    assert result.exit_code == 1
    assert (f"Filen: filen heter {saved_as}, men i plan.yaml har området Energi och klimat filen energi-och-klimat.yaml "
            "— byt namn på filen till energi-och-klimat.yaml (annars kommer området inte med)") in result.stdout
    assert "finns inte under 'områden:'" not in result.stdout
    assert "Filen är klar" not in result.stdout
