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
        "fördelning.exempel", "uppräkning_föreningar.exempel", "satsningsutrymme.exempel",
        "styrtal[1].värden[1].exempel"}  # styrtal-data.yaml: example figures behind the charts


def test_validate_cli_reports_sample_valid():
    result = CliRunner().invoke(cli, ["validate", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert "är giltigt (0 fel, 4 varningar)" in result.output


def test_duplicate_uppdrag_number_names_both_places(content: Path):
    replace_in(content / "gemensamma.yaml", "nr: 50", "nr: 27")
    loaded = load_content(content)
    messages = [p.format() for p in loaded.errors]
    assert messages == [
        "content/gemensamma.yaml:17:9: fel: gemensamma[1].uppdrag[1].nr: uppdrag nr 27 finns redan "
        "(content/malsattningar.yaml:63) — varje uppdrag har ett eget nummer"
    ]


def test_cross_checks_still_run_when_another_file_is_broken(content: Path):
    """One run lists every problem: a broken ekonomi.yaml does not hide a duplicated uppdrag number."""
    replace_in(content / "ekonomi.yaml", "index_procent: 3.1", "index_procent: [3.1]")
    replace_in(content / "gemensamma.yaml", "nr: 61", "nr: 28")
    loaded = load_content(content)
    assert loaded.plan is None
    assert [p.format() for p in loaded.errors] == [
        "content/ekonomi.yaml:14:3: fel: förutsättningar.index_procent: ska vara ett tal, t.ex. 151,3",
        "content/gemensamma.yaml:92:9: fel: gemensamma[7].uppdrag[1].nr: uppdrag nr 28 finns redan "
        "(content/malsattningar.yaml:98) — varje uppdrag har ett eget nummer",
    ]
    # The economy's own cross-checks (and its example-data warnings) wait until the file is valid;
    # styrtal-data.yaml, whose texts are valid, still gets its own example-data warning.
    assert [p.path for p in loaded.warnings] == ["styrtal[1].värden[1].exempel"]


def test_warnings_alone_keep_the_plan(content: Path):
    replace_in(content / "plan.yaml", "  - datum: 2025-10-01", "  - datum: 2025-09-01")
    loaded = load_content(content)
    assert loaded.errors == []
    assert loaded.plan is not None and loaded.plan.plan.tidplan[3].datum.isoformat() == "2025-09-01"
    assert [p.format() for p in loaded.warnings if "tidplan" in p.path] == [
        "content/plan.yaml:45:5: varning: tidplan[4].datum: milstolpen kommer före den ovanför — "
        "skriv tidplanen i datumordning"]


def test_loaded_sources_keep_positions_for_later_messages():
    loaded = load_content(SAMPLE)
    assert loaded.sources["malsattningar.yaml"].pos(("målsättningar", 3, "fokusområden", 0, "nr")) == (34, 9)
    assert loaded.sources["omraden/energi-och-klimat.yaml"].pos(("utmaningar", 3, "rubrik")) == (44, 5)


def test_schema_command_documents_every_file_and_key():
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    for name in ("plan.yaml", "malsattningar.yaml", "gemensamma.yaml", "ekonomi.yaml", "internkontroll.yaml",
                 "omvarld.yaml", "anvisningar.yaml", "omraden/<område>.yaml"):
        assert any(line.startswith(f"{name} — ") for line in lines), name
    assert "    fokusområde: text (krävs) — Fokusområdets nummer inom citattecken, t.ex. \"4.1\"." in lines
    assert "      riktning: öka | minska (valfri) — 'öka' eller 'minska'. Utelämnas när texten själv anger målet." in lines
    assert "    exempel: true/false (valfri) — true när raderna är exempeldata som ska ersättas." in lines
