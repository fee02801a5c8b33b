"""`vpgen område ny` (generator/area/new.py): a new area file that explains itself.

Every case works on a private copy of the sample (the `content` fixture).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.area import slugify
from generator.cli import cli
from generator.load import load_content
from generator.yamlsrc import yaml_scalar

from .conftest import REPO, SAMPLE

ENERGI = "omraden/energi-och-klimat.yaml"


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def area_errors(loaded) -> list[str]:
    return [p.format() for p in loaded.errors]


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
    result = run("område", "ny", "Kultur och ideell sektor", "--content", content, "--idag", "2025-06-01")
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
        "vpgen ändrar inte plan.yaml själv: filen har kommentarer och en ordning som du bestämmer, och en automatisk "
        "ändring kan inte säkert behålla dem.\n"
        "\n"
        "Skicka sedan filen till områdeschef Kultur och ideell sektor. Överst i filen står vad som ska fyllas i, hur "
        "den kontrolleras och förhandsvisas, och hur och när den lämnas in (senast 10 augusti 2025).\n"
        f"Se hur långt områdena har kommit med: vpgen status --content {content}\n"
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
    lines = text.splitlines()
    # The hand-in comes from the plan's anvisningar, with the deadline once, with its year.
    at = lines.index("# SÅ HÄR GÅR DET TILL")
    assert lines[at:at + 12] == [
        "# SÅ HÄR GÅR DET TILL",
        "#   1. Skriv områdets insatser och utmaningar längre ner i filen, som i exemplen där.",
        "#   2. Kontrollera filen, gärna flera gånger medan du skriver:",
        f"#        vpgen kontroll {content / 'omraden' / 'kultur-och-ideell-sektor.yaml'}",
        "#      Kontrollen säger på vanlig svenska vad som saknas eller är fel, och på vilken rad.",
        "#   3. Se hur dina bilder blir i presentationen:",
        f"#        vpgen förhandsvisning {content / 'omraden' / 'kultur-och-ideell-sektor.yaml'}",
        "#      Bilderna hamnar i mappen förhandsvisning bredvid filen.",
        "#   4. Lämna in filen senast 10 augusti 2025, när kontrollen säger att den är klar:",
        "#      Lämna in områdets fil till planeringsansvarig, med e-post eller i den gemensamma mappen för",
        "#      verksamhetsplanen.",
        "#",
    ]
    for old in ("G:\\", "bild 36", "29/8", "Deadline –"):
        assert old not in text
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
        assert line in lines, line


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
        f"Filen {path} finns redan — vpgen skriver aldrig över en områdesfil. Se hur långt den har kommit med: "
        f"vpgen kontroll {path}; vill du börja om från mallen, ta bort filen först.\n")
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


@pytest.mark.parametrize("ansvarig", ["Anna Svensson", "anna.svensson@example.se", "070-123 45 67"])
def test_new_area_refuses_a_person_as_ansvarig(content: Path, ansvarig: str):
    result = run("område", "ny", "Kultur", "--content", content, "--ansvarig", ansvarig)
    assert result.exit_code == 1
    assert result.stderr == ("Ange en roll som ansvarig (t.ex. \"områdeschef Kultur\"), inte ett namn, en e-postadress "
                             "eller ett telefonnummer: planens dokument är offentliga.\n")
    assert not (content / "omraden" / "kultur.yaml").exists()


def test_new_area_refuses_a_name_that_gives_no_file_name(content: Path):
    result = run("område", "ny", " !! ", "--content", content)
    assert result.exit_code == 1
    assert result.stderr == "Ange områdets namn, t.ex.: vpgen område ny \"Kultur och ideell sektor\"\n"
    result = run("område", "ny", "日本", "--content", content)
    assert result.exit_code == 1
    assert result.stderr == "Namnet '日本' ger inget filnamn — använd minst en bokstav a–z eller en siffra.\n"
    assert sorted(p.name for p in (content / "omraden").iterdir()) == [
        "energi-och-klimat.yaml", "naringslivsutveckling.yaml", "valfard-och-folkhalsa.yaml"]


# ================================================================ the command line stays fast

def test_help_does_not_import_the_area_commands():
    code = ("import sys; from click.testing import CliRunner; from generator.cli import cli; "
            "r = CliRunner().invoke(cli, ['--help']); "
            "print(r.exit_code, 'generator.area' in sys.modules, 'jinja2' in sys.modules, 'pydantic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.split() == ["0", "False", "False", "False"]


def test_paths_with_spaces_are_quoted_in_the_commands_it_prints(tmp_path: Path):
    folder = tmp_path / "VP 2026"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("omraden"))
    result = CliRunner().invoke(cli, ["område", "ny", "Kultur", "--content", str(folder), "--idag", "2025-06-01"])
    assert result.exit_code == 0, result.output
    assert f'Se hur långt områdena har kommit med: vpgen status --content "{folder}"' in result.output
    assert f'#        vpgen kontroll "{folder / "omraden" / "kultur.yaml"}"' in \
        (folder / "omraden" / "kultur.yaml").read_text(encoding="utf-8")
    assert "har redan passerat" not in result.output


def test_a_deadline_already_past_is_said(tmp_path: Path, content: Path):
    result = CliRunner().invoke(cli, ["område", "ny", "Kultur", "--content", str(content), "--idag", "2026-12-01"])
    assert result.exit_code == 0, result.output
    assert (f"Obs: sista dag, 10 augusti 2025, har redan passerat — ändra deadline i {content / 'anvisningar.yaml'} "
            "och skapa filen igen (ta bort den här först), så att områdeschefen får rätt datum.") in result.output


def test_an_unwritable_area_folder_is_a_message_not_an_internal_error(content: Path):
    shutil.rmtree(content / "omraden")
    (content / "omraden").write_text("ingen mapp", encoding="utf-8")
    result = CliRunner().invoke(cli, ["område", "ny", "Kultur", "--content", str(content)])
    assert result.exit_code == 1
    assert f"{content / 'omraden'} är en fil, inte en mapp" in result.output
    assert "Internt fel" not in result.output and "Traceback" not in result.output
