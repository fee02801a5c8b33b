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
