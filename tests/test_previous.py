"""Last year's plan as input: föregående in plan.yaml, --jämför-med a folder or git:REV, its own checks
and messages, the källa cross-check against it, and the unchanged-build cache that must notice it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import previous
from generator.cli import cli
from generator.load import load_content

from .conftest import LAYOUTS, replace_in

C = "content/"


def build(*args: str):
    return CliRunner().invoke(cli, ["build", "--layouts", str(LAYOUTS), *args])


def validate(content: Path, *args: str):
    return CliRunner().invoke(cli, ["validate", str(content), "--layouts", str(LAYOUTS), *args])


def lines(output: str, word: str) -> list[str]:
    return [line for line in output.splitlines() if word in line]


# ---------------------------------------------------------------- finding and checking the previous plan

def test_a_missing_previous_folder_is_an_error_at_the_line_of_foregaende(content: Path):
    replace_in(content / "plan.yaml", "föregående: vp-2025", "föregående: vp-2024")
    result = validate(content)
    assert result.exit_code == 1
    assert lines(result.output, "föregående") == [
        C + "plan.yaml:52:1: fel: föregående: mappen content/vp-2024 med förra årets plan finns inte — ange mappen "
            "med förra årets plan.yaml, malsattningar.yaml och gemensamma.yaml"]


def test_an_absolute_foregaende_is_refused(content: Path):
    replace_in(content / "plan.yaml", "föregående: vp-2025", f"föregående: {content / 'vp-2025'}")
    result = validate(content)
    assert result.exit_code == 1
    assert "föregående: skriv mappen relativt innehållsmappen, t.ex. 'vp-2025'" in result.output


def test_the_previous_plans_problems_name_its_own_files(content: Path):
    replace_in(content / "vp-2025" / "malsattningar.yaml", "                riktning: minska\n                källa: DN 2025\n"
               "              - text: Total", "                riktning: nedåt\n                källa: DN 2025\n"
               "              - text: Total")
    (content / "vp-2025" / "gemensamma.yaml").unlink()
    result = validate(content)
    assert result.exit_code == 1
    assert lines(result.output, "vp-2025/") == [
        C + "vp-2025/gemensamma.yaml: fel: filen saknas i förra årets plan — kopiera den dit från förra årets "
            "innehållsmapp",
        C + "vp-2025/malsattningar.yaml:77:17: fel: målsättningar[4].fokusområden[1].delområden[2].styrtal[1]"
            ".riktning: 'nedåt' är inte tillåtet här — skriv öka eller minska"]


def test_only_the_three_files_are_read_from_the_previous_plan(content: Path):
    (content / "vp-2025" / "ekonomi.yaml").write_text("inte: [giltig", encoding="utf-8")
    loaded = load_content(content)
    assert loaded.plan is not None and loaded.changes is not None
    assert not [p for p in loaded.problems if "vp-2025" in p.file]


def test_a_previous_plan_that_is_not_earlier_is_a_warning(content: Path):
    replace_in(content / "vp-2025" / "plan.yaml", "planår: 2025", "planår: 2026")
    loaded = load_content(content)
    assert [p.format() for p in loaded.warnings if p.path == "föregående"] == [
        C + "plan.yaml:52:1: varning: föregående: planen som jämförs med (content/vp-2025) gäller 2026, men den här "
            "planen gäller 2026 — ange förra årets antagna plan"]


def test_jamfor_med_a_folder_overrides_foregaende(tmp_path: Path, content: Path):
    elsewhere = tmp_path / "arkiv" / "vp-2025"
    shutil.copytree(content / "vp-2025", elsewhere)
    replace_in(elsewhere / "malsattningar.yaml", "Att kartlägga behovet av laddinfrastruktur", "Att utreda behovet av laddinfrastruktur")
    replace_in(content / "plan.yaml", "föregående: vp-2025", "föregående: vp-2099")  # not read: the option wins
    loaded = load_content(content, str(elsewhere))
    assert loaded.plan is not None, [p.format() for p in loaded.errors]
    assert loaded.changes.source == str(elsewhere)
    assert any(ch.previous.text.startswith("Att utreda") for ch in loaded.changes.removed)


def test_validate_reports_a_missing_jamfor_med(content: Path, tmp_path: Path):
    result = validate(content, "--jämför-med", str(tmp_path / "finns-inte"))
    assert result.exit_code == 1
    assert f"--jämför-med: fel: mappen {tmp_path / 'finns-inte'} med förra årets plan finns inte" in result.output


# ---------------------------------------------------------------- the källa tags against the comparison

def mistag(content: Path) -> None:
    """Four tags that disagree with VP-2025, one of each rule."""
    replace_in(content / "malsattningar.yaml", "              - text: Antal snabbväxande företag\n                riktning: öka\n"
               "                källa: Förslag DN 2026", "              - text: Antal snabbväxande företag\n"
               "                riktning: öka\n                källa: DN 2025")
    replace_in(content / "malsattningar.yaml", "                - text: Att färdigställa ny näringslivs- och "
               "innovationsstrategi\n                  källa: Förslag DN 2026", "                - text: Att färdigställa "
               "ny näringslivs- och innovationsstrategi\n                  källa: DN 2025")
    replace_in(content / "malsattningar.yaml", "          - text: Andelen förvärvsarbetande, 20-64 år\n"
               "            riktning: öka\n            källa: DN 2025", "          - text: Andelen förvärvsarbetande, "
               "20-64 år\n            riktning: öka\n            källa: Förslag DN 2026")
    replace_in(content / "malsattningar.yaml", "                  källa: Från FM\n                - nr: 29",
               "                  källa: FM 2026\n                - nr: 29")
    replace_in(content / "gemensamma.yaml", "        text: Att fortsätta arbetet för en ekonomi i balans.\n",
               "        text: Att fortsätta arbetet för en ekonomi i balans.\n      - nr: 62\n"
               "        text: Att införa en gemensam modell för intern styrning.\n")


TAG_WARNINGS = [
    C + "gemensamma.yaml:82:9: varning: gemensamma[5].uppdrag[2]: uppdraget är märkt 'Från FM' (källan gäller för hela "
        "filen, se 'källa:' överst), alltså redan beslutat, men finns inte i VP-2025 — lägg till källan 'FM 2026' om "
        "det är nytt för 2026",
    C + "malsattningar.yaml:54:17: varning: målsättningar[4].fokusområden[1].delområden[1].styrtal[3].källa: styrtalet "
        "är märkt 'DN 2025', alltså redan beslutat, men finns inte i VP-2025 — skriv källan 'Förslag DN 2026' om det är "
        "nytt för 2026",
    C + "malsattningar.yaml:67:19: varning: målsättningar[4].fokusområden[1].delområden[1].uppdrag.nämnd[1].källa: "
        "uppdraget är märkt 'FM 2026', alltså beslutat för 2026, men står likadant i VP-2025 "
        "(content/vp-2025/malsattningar.yaml:46) — skriv källan 'Från FM' om det inte är nytt",
    C + "malsattningar.yaml:80:19: varning: målsättningar[4].fokusområden[1].delområden[1].uppdrag.förvaltning[2].källa: "
        "uppdraget är märkt 'DN 2025', alltså redan beslutat, men formuleringen skiljer sig från VP-2025 "
        "(content/vp-2025/malsattningar.yaml:64: ”Att ta fram en ny näringslivs- och innovationsstrategi.”) — skriv "
        "källan 'Förslag DN 2026' om ändringen är ett förslag, annars samma formulering som i VP-2025",
    C + "malsattningar.yaml:155:13: varning: målsättningar[4].fokusområden[3].styrtal[3].källa: styrtalet är märkt "
        "'Förslag DN 2026', alltså ett förslag, men står likadant i VP-2025 (content/vp-2025/malsattningar.yaml:120) — "
        "skriv källan 'DN 2025' om det inte är nytt",
]


def test_the_sample_tags_agree_with_vp_2025(content: Path):
    assert not [p.format() for p in load_content(content).warnings if "VP-2025" in p.message]


def test_tags_that_disagree_with_last_years_plan_are_warned_at_their_line(content: Path):
    mistag(content)
    loaded = load_content(content)
    assert loaded.plan is not None
    assert [p.format() for p in loaded.warnings if "VP-2025" in p.message] == TAG_WARNINGS


def test_final_makes_a_disagreeing_tag_fatal(content: Path, tmp_path: Path):
    mistag(content)
    result = build("--content", str(content), "--output", str(tmp_path / "ut"), "--final")
    assert result.exit_code == 1
    assert TAG_WARNINGS[2] in result.output
    assert not (tmp_path / "ut").exists() or not [p for p in (tmp_path / "ut").iterdir() if not p.name.startswith(".")]


def test_a_new_formulation_on_a_fokusomrade_is_checked_against_its_mal(content: Path):
    text = (content / "vp-2025" / "malsattningar.yaml").read_text(encoding="utf-8")
    start = text.index("        # ILLUSTRATIVT: referensen säger bara att målet får en ny formulering")
    end = text.index("        styrtal:", start)
    new_mal = ("        mål:\n          text: >-\n            Region Örebro län bidrar till att skapa förutsättningar för "
               "att barn och unga ska klara sin\n            skolgång genom att vara en drivande, samordnande och "
               "möjliggörande kraft i samverkan med\n            länets aktörer\n          källa: DN 2025\n")
    (content / "vp-2025" / "malsattningar.yaml").write_text(text[:start] + new_mal + text[end:], encoding="utf-8")
    found = [p.format() for p in load_content(content).warnings if "VP-2025" in p.message]
    assert found[0].startswith(C + "malsattningar.yaml:106:9: varning: målsättningar[4].fokusområden[2].källa: "
                                   "fokusområdet är märkt 'Ny målformulering 2026', alltså ett förslag, men målet står "
                                   "likadant i VP-2025")


# ---------------------------------------------------------------- git revisions

def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=vpgen-test", "-c", "user.email=test@example.invalid",
                           "-c", "init.defaultBranch=main", *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def repo(tmp_path: Path, content: Path) -> Path:
    """A repository whose tag vp-2025 holds last year's plan (planår 2025, the strategy still 'ta fram'),
    and whose working tree is this year's proposal."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "arkiv"
    shutil.copytree(content, root / "innehall")
    git(root, "init", "-q")
    plan = root / "innehall" / "plan.yaml"
    replace_in(plan, "planår: 2026", "planår: 2025")
    replace_in(root / "innehall" / "malsattningar.yaml", "Att färdigställa ny näringslivs- och innovationsstrategi",
               "Att ta fram en ny näringslivs- och innovationsstrategi")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "VP-2025")
    git(root, "tag", "vp-2025")
    replace_in(plan, "planår: 2025", "planår: 2026")
    replace_in(root / "innehall" / "malsattningar.yaml", "Att ta fram en ny näringslivs- och innovationsstrategi",
               "Att färdigställa ny näringslivs- och innovationsstrategi")
    return root


def test_a_git_revision_is_read_without_touching_the_working_tree(repo: Path, tmp_path: Path):
    status = git(repo, "status", "--porcelain")
    head = git(repo, "rev-parse", "HEAD")
    loaded = load_content(repo / "innehall", "git:vp-2025")
    assert loaded.plan is not None, [p.format() for p in loaded.errors]
    assert loaded.changes.source == "git:vp-2025:innehall"
    changed = [ch for ch in loaded.changes.changes if ch.status != "oförändrad" and ch.kind != "grupp"]
    assert [(ch.kind, ch.status, ch.current.text) for ch in changed] == [
        ("uppdrag_förvaltning", "ändrad", "Att färdigställa ny näringslivs- och innovationsstrategi")]
    assert git(repo, "status", "--porcelain") == status and git(repo, "rev-parse", "HEAD") == head


def test_git_revision_problems_name_the_revision(repo: Path):
    replace_in(repo / "innehall" / "plan.yaml", "föregående: vp-2025", "föregående: git:vp-2025")
    git(repo, "tag", "-d", "vp-2025")
    result = validate(repo / "innehall")
    assert result.exit_code == 1
    assert (f"innehall/plan.yaml:52:1: fel: föregående: revisionen 'vp-2025' finns inte i git-arkivet {repo} — "
            "kontrollera namnet (git tag --list visar taggarna, git log --oneline commitarna)") in result.output


def test_a_file_missing_at_the_revision_names_revision_and_path(repo: Path):
    git(repo, "rm", "-q", "innehall/gemensamma.yaml")
    git(repo, "commit", "-q", "-m", "utan gemensamma")
    git(repo, "tag", "utan")
    git(repo, "checkout", "-q", "vp-2025", "--", "innehall/gemensamma.yaml")
    loaded = load_content(repo / "innehall", "git:utan")
    assert [p.format() for p in loaded.errors] == [
        "git:utan:innehall/gemensamma.yaml: fel: filen saknas i förra årets plan — kopiera den dit från förra "
        "årets innehållsmapp"]


def test_git_outside_a_repository_or_without_git_says_what_to_do(content: Path, monkeypatch):
    loaded = load_content(content, "git:vp-2025")
    if shutil.which("git") is not None:
        assert [p.format() for p in loaded.errors] == [
            "--jämför-med: fel: innehållsmappen ligger inte i ett git-arkiv, så git:vp-2025 kan inte läsas — ange "
            "mappen med förra årets plan i stället"]
    monkeypatch.setattr(previous.shutil, "which", lambda name: None)
    assert [p.format() for p in load_content(content, "git:vp-2025").errors] == [
        "--jämför-med: fel: git behövs för att läsa git:vp-2025, men git finns inte installerat — installera git, "
        "eller ange mappen med förra årets plan"]


def test_an_option_like_revision_is_refused(content: Path):
    assert [p.message for p in load_content(content, "git:--output=/tmp/x").errors] == [
        "'--output=/tmp/x' är ingen giltig git-revision — skriv en tagg, gren eller commit, t.ex. git:vp-2025"]


# ---------------------------------------------------------------- the unchanged-build cache

UNCHANGED = "Inget har ändrats sedan förra bygget"


def test_the_cache_notices_a_change_in_a_previous_plan_outside_the_content(tmp_path: Path, content: Path):
    elsewhere = tmp_path / "arkiv" / "vp-2025"
    shutil.copytree(content / "vp-2025", elsewhere)
    args = ["--content", str(content), "--output", str(tmp_path / "ut"), "--jämför-med", str(elsewhere)]
    assert build(*args).exit_code == 0
    assert UNCHANGED in build(*args).output
    replace_in(elsewhere / "malsattningar.yaml", "Att kartlägga behovet", "Att utreda behovet")
    again = build(*args)
    assert again.exit_code == 0 and UNCHANGED not in again.output
    assert UNCHANGED in build(*args).output


def test_the_cache_notices_a_moved_git_tag(repo: Path, tmp_path: Path):
    args = ["--content", str(repo / "innehall"), "--output", str(tmp_path / "ut"), "--jämför-med", "git:vp-2025"]
    assert build(*args).exit_code == 0
    assert UNCHANGED in build(*args).output
    git(repo, "commit", "-q", "--allow-empty", "-m", "ny commit")
    git(repo, "tag", "-f", "vp-2025")
    again = build(*args)
    assert again.exit_code == 0 and UNCHANGED not in again.output
