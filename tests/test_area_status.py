"""`vpgen status` (generator/area/status.py): how far each area has come against the deadline.

Every case works on a private copy of the sample (the `content` fixture).
"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli

from .conftest import replace_in

ENERGI = "omraden/energi-och-klimat.yaml"


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


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
        "Område                 Ansvarig                           Fil  Insatser  Utmaningar  Läge  Senast ändrad  Deadline\n"
        "---------------------  ---------------------------------  ---  --------  ----------  ----  -------------  --------\n"
        "Välfärd och folkhälsa  områdeschef Välfärd och folkhälsa  ja          7           5  klar  2025-07-30     –\n"
        "Energi och klimat      områdeschef Energi och klimat      ja          6           4  klar  2025-07-30     –\n"
        "Näringslivsutveckling  områdeschef Näringslivsutveckling  ja          7           6  klar  2025-07-30     –\n"
        "\n"
        "Klara områden: 3 av 3.\n")


def incomplete_and_missing(content: Path) -> None:
    """Energi och klimat keeps one utmaning of four; Näringslivsutveckling's file is gone."""
    text = (content / ENERGI).read_text(encoding="utf-8")
    (content / ENERGI).write_text(text.split("  - rubrik: Nya energipolitiska mål")[0], encoding="utf-8")
    (content / "omraden" / "naringslivsutveckling.yaml").unlink()
    stamp(content)


def test_status_rows_for_complete_partly_filled_and_missing_areas_before_the_deadline(content: Path):
    incomplete_and_missing(content)
    result = run("status", "--content", content, "--idag", "2025-08-01")
    assert result.exit_code == 0, result.output
    assert result.stdout == HEAD.format(when="om 9 dagar", idag="2025-08-01") + (
        "Område                 Ansvarig                           Fil     Insatser  Utmaningar  Läge           Senast ändrad  Deadline\n"
        "---------------------  ---------------------------------  ------  --------  ----------  -------------  -------------  ------------\n"
        "Välfärd och folkhälsa  områdeschef Välfärd och folkhälsa  ja             7           5  klar           2025-07-30     –\n"
        "Energi och klimat      områdeschef Energi och klimat      ja             6           1  delvis ifyllt  2025-07-30     9 dagar kvar\n"
        "Näringslivsutveckling  områdeschef Näringslivsutveckling  saknas         –           –  saknas         –              9 dagar kvar\n"
        "\n"
        "Klara områden: 1 av 3.\n"
        "  Energi och klimat (områdeschef Energi och klimat): 1 av minst 3 utmaningar.\n"
        "  Näringslivsutveckling (områdeschef Näringslivsutveckling): filen saknas "
        f"(skapa den med: vpgen område ny \"Näringslivsutveckling\" --content {content}).\n")


def test_status_after_the_deadline_marks_late_areas_and_fails(content: Path):
    incomplete_and_missing(content)
    result = run("status", "--content", content, "--idag", "2025-08-20")
    assert result.exit_code == 1
    assert result.stdout == HEAD.format(when="för 10 dagar sedan", idag="2025-08-20") + (
        "Område                 Ansvarig                           Fil     Insatser  Utmaningar  Läge           Senast ändrad  Deadline\n"
        "---------------------  ---------------------------------  ------  --------  ----------  -------------  -------------  -----------------\n"
        "Välfärd och folkhälsa  områdeschef Välfärd och folkhälsa  ja             7           5  klar           2025-07-30     –\n"
        "Energi och klimat      områdeschef Energi och klimat      ja             6           1  delvis ifyllt  2025-07-30     försenad 10 dagar\n"
        "Näringslivsutveckling  områdeschef Näringslivsutveckling  saknas         –           –  saknas         –              försenad 10 dagar\n"
        "\n"
        "Klara områden: 1 av 3.\n"
        "  FÖRSENAT: Energi och klimat (områdeschef Energi och klimat): 1 av minst 3 utmaningar.\n"
        "  FÖRSENAT: Näringslivsutveckling (områdeschef Näringslivsutveckling): filen saknas "
        f"(skapa den med: vpgen område ny \"Näringslivsutveckling\" --content {content}).\n")


def test_status_flags_a_file_handed_in_after_the_deadline_and_ignores_dates_after_idag(content: Path):
    stamp(content)
    late = datetime.datetime(2025, 8, 20, 12, 0).timestamp()
    os.utime(content / ENERGI, (late, late))
    before = run("status", "--content", content, "--idag", "2025-08-05")
    assert before.exit_code == 0
    assert "Energi och klimat      områdeschef Energi och klimat      ja          6           4  klar  –              –" \
        in before.stdout.splitlines()
    assert before.stdout.endswith(
        "Obs: 1 fil har ändrats efter 2025-08-05 (Energi och klimat). Ändringsdatumet visas inte, och läget bygger på "
        "filerna som de ser ut nu, inte som de var den dagen.\n")
    after = run("status", "--content", content, "--idag", "2025-08-30")
    assert after.exit_code == 0  # handed in, late: not missing
    lines = after.stdout.splitlines()
    assert ("Energi och klimat      områdeschef Energi och klimat      ja          6           4  klar  2025-08-20     "
            "inlämnad efter deadline") in lines
    assert lines[-1] == ("  Energi och klimat (områdeschef Energi och klimat): klar, men senast ändrad 2025-08-20, "
                         "efter deadline.")
    data = json.loads(run("status", "--content", content, "--idag", "2025-08-30", "--json").stdout)
    assert [(a["inlamnad_efter_deadline"], a["andrad_efter_idag"]) for a in data["omraden"]] == [
        (False, False), (True, False), (False, False)]


def test_status_says_an_empty_file_is_not_filled_in(content: Path):
    (content / ENERGI).write_text("område: Energi och klimat\ninsatser: []\nutmaningar: []\n", encoding="utf-8")
    stamp(content)
    result = run("status", "--content", content, "--idag", "2025-08-01", "--json")
    energi = json.loads(result.stdout)["omraden"][1]
    assert (energi["status"], energi["saknas"]) == ("inte ifyllt", ["0 av minst 3 insatser", "0 av minst 3 utmaningar"])


def test_status_after_the_deadline_passes_when_every_area_is_complete(content: Path):
    stamp(content)
    result = run("status", "--content", content, "--idag", "2025-08-20")
    assert result.exit_code == 0
    assert "Klara områden: 3 av 3." in result.stdout


def test_status_shows_a_broken_area_file(content: Path):
    replace_in(content / ENERGI, "      - Utöka arbetet", "      Utöka arbetet")
    result = run("status", "--content", content, "--idag", "2025-08-20", "--json")
    assert result.exit_code == 1
    energi = json.loads(result.stdout)["omraden"][1]
    assert (energi["status"], energi["finns"], energi["insatser"], energi["saknas"]) == (
        "fel", True, None, ["filen har fel"])
    text = run("status", "--content", content, "--idag", "2025-08-01").stdout
    assert "  Energi och klimat (områdeschef Energi och klimat): filen har fel " \
           f"(se: vpgen kontroll {content / ENERGI})." in text


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
             "saknas": [], "forsenad": False, "inlamnad_efter_deadline": False, "andrad_efter_idag": False},
            {"namn": "Energi och klimat", "ansvarig": "områdeschef Energi och klimat",
             "fil": "omraden/energi-och-klimat.yaml", "finns": True, "insatser": 6, "utmaningar": 1,
             "status": "delvis ifyllt", "klar": False, "senast_andrad": "2025-07-30", "andrad_enligt": "filtid",
             "saknas": ["1 av minst 3 utmaningar"], "forsenad": True, "inlamnad_efter_deadline": False,
             "andrad_efter_idag": False},
            {"namn": "Näringslivsutveckling", "ansvarig": "områdeschef Näringslivsutveckling",
             "fil": "omraden/naringslivsutveckling.yaml", "finns": False, "insatser": None, "utmaningar": None,
             "status": "saknas", "klar": False, "senast_andrad": None, "andrad_enligt": None,
             "saknas": ["filen saknas"], "forsenad": True, "inlamnad_efter_deadline": False,
             "andrad_efter_idag": False},
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
    result = run("status", "--content", content, "--idag", datetime.date.today().isoformat(), "--json")
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
    assert "content/anvisningar.yaml, rad 27: deadline: '10 augusti' är inget datum" in result.stderr


def test_status_refuses_a_bad_date():
    result = run("status", "--idag", "1 augusti")
    assert result.exit_code == 2
    assert "'1 augusti' är inget datum — skriv ÅÅÅÅ-MM-DD, t.ex. 2025-08-01" in result.stderr
