"""The command line's own messages are Swedish too: Click's usage errors, help headings and options,
and a mistyped command gets a suggestion (or runs, when only å, ä, ö or capitals differ)."""

from __future__ import annotations

import subprocess

import pytest
from click.testing import CliRunner

from generator.cli import cli

from .hardening.support import vpgen_command


def run(*args: str):
    return CliRunner().invoke(cli, list(args), prog_name="vpgen")


@pytest.mark.parametrize("args, says", [
    (["kontroll"], "Fel: Det saknas ett argument: 'FIL'."),
    (["kontrol", "x.yaml"], "Fel: Kommandot 'kontrol' finns inte. Menade du 'kontroll'?"),
    (["status", "--content"], "Fel: Alternativet '--content' behöver ett värde."),
    (["status", "--contnet", "x"], "Fel: Alternativet '--contnet' finns inte. Menade du '--content'?"),
    (["status", "--content", "VP", "2026"],
     "Fel: Ett argument för mycket (2026) — står en sökväg med mellanslag utan citattecken runt sig?"),
])
def test_usage_errors_are_swedish(args: list[str], says: str):
    result = run(*args)
    assert result.exit_code == 2
    assert says in result.output, result.output
    assert not [w for w in ("Error", "Usage", "Missing", "No such", "Try ", "Got ") if w in result.output]


def test_a_usage_error_shows_the_usage_and_where_help_is():
    result = run("kontroll")
    assert result.output.splitlines()[:2] == ["Användning: vpgen kontroll [OPTIONS] FIL",
                                              "Skriv 'vpgen kontroll --help' för hjälp."]


def test_help_is_swedish_down_to_the_help_option():
    result = run("build", "--help")
    assert result.exit_code == 0
    assert result.output.startswith("Användning: vpgen build [OPTIONS]")
    assert "Alternativ:" in result.output
    assert "Visa den här hjälpen och avsluta." in result.output
    assert "Show this message" not in result.output
    assert "Visa versionen och avsluta." in run("--help").output


def test_a_command_typed_without_swedish_letters_runs(content):
    result = run("omrade", "ny", "--help")
    assert result.exit_code == 0 and "Skapa en ny områdesfil" in result.output
    assert run("Status", "--content", str(content), "--idag", "2025-08-01").exit_code == 0


def test_the_console_script_says_it_in_swedish_too():
    result = subprocess.run([*vpgen_command(), "kontroll"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Fel: Det saknas ett argument: 'FIL'." in result.stderr
