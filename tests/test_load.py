from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli
from generator.load import load_content

from .conftest import SAMPLE, replace_in


def test_sample_content_is_valid_with_only_example_data_warnings():
    loaded = load_content(SAMPLE)
    assert loaded.errors == []
    assert loaded.plan is not None
    assert {p.path for p in loaded.warnings} == {
        "fördelning.exempel", "uppräkning_föreningar.exempel", "satsningsutrymme.exempel"}


def test_validate_cli_reports_sample_valid():
    result = CliRunner().invoke(cli, ["validate", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert "är giltigt (0 fel, 3 varningar)" in result.output


def test_duplicate_uppdrag_number_names_both_places(content: Path):
    replace_in(content / "gemensamma.yaml", "nr: 50", "nr: 27")
    loaded = load_content(content)
    messages = [p.format() for p in loaded.errors]
    assert messages == [
        "content/gemensamma.yaml:17:9: fel: gemensamma[1].uppdrag[1].nr: uppdrag nr 27 finns redan "
        "(content/malsattningar.yaml:63) — varje uppdrag har ett eget nummer"
    ]
