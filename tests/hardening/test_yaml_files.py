"""YAML files that cannot be read as they are: syntax, tabs, duplicate keys, alias bombs, size,
encodings, empty files, folders where files should be, a missing content folder.

Every case builds over a good output and must stop before writing anything. `vpgen validate`'s
own table (tests/test_validate_cli.py) checks the messages; here the whole build is checked:
exit code, the line on stderr, no traceback, the previous output untouched, no temp files.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .support import AREA, STOPPED, Case, assert_refused, build, edit, edits, write, write_bytes

C = "content/"


def billion_laughs() -> str:
    """Nine levels of nine aliases: 9**9 texts once expanded, in a list of texts the schema accepts."""
    lines = ['l0: &l0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for level in range(1, 9):
        lines.append(f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]")
    return "\n".join(lines) + "\nomvärldsfaktorer: *l8\n"


def fifty_megabytes(content: Path) -> None:
    with open(content / AREA, "w", encoding="utf-8") as handle:
        handle.write("område: Energi och klimat\n")
        line = "# " + "x" * 1021 + "\n"
        for _ in range(50 * 1024):
            handle.write(line)


def directory_instead(name: str):
    def run(content: Path) -> None:
        (content / name).unlink()
        (content / name).mkdir()
        (content / name / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    return run


def area_dir_is_a_file(content: Path) -> None:
    shutil.rmtree(content / "omraden")
    (content / "omraden").write_text("inte en mapp\n", encoding="utf-8")


def deep_nesting(content: Path) -> None:
    depth = 20_000
    (content / "omvarld.yaml").write_text("omvärldsfaktorer: " + "[" * depth + "x" + "]" * depth + "\n",
                                          encoding="utf-8")


TAB = "tabbtecken i indragningen — använd mellanslag (två per nivå)"
CASES = [
    Case("syntax_unclosed_bracket",
         edit("omvarld.yaml", "  - Demografi\n", "  - [Demografi\n"),
         [C + "omvarld.yaml:7:5: fel: YAML-fel: en [ eller { öppnas men stängs aldrig — sätt texten inom citattecken",
          STOPPED]),
    Case("syntax_colon_in_an_area_text",
         edit(AREA, "      - Internt\n", "      - Internt: för hela året\n"),
         [C + AREA + ":35:9: fel: utmaningar[1].punkter[1]: ska vara en text, men raden läses som 'nyckel: värde' — "
          "sätt texten inom citattecken (\"…\") om den innehåller ': '", STOPPED]),
    Case("syntax_text_after_a_closing_quote",
         edit(AREA, "rubrik: Utbildning", 'rubrik: "Utbildning" och skola'),
         [C + AREA + ":21:26: fel: YAML-fel: text efter ett avslutande citattecken — sätt hela texten inom "
          "citattecken, eller ta bort dem", STOPPED]),
    Case("syntax_multiple_documents",
         edit("internkontroll.yaml", "risker:", "---\nrisker: []\n---\nrisker:"),
         [C + "internkontroll.yaml:8:1: fel: YAML-fel: filen innehåller flera dokument (---) — använd ett", STOPPED]),
    Case("tabs_in_an_area_file",
         edit(AREA, "  - fokusområde: \"4.2\"\n    rubrik: Utbildning", "  - fokusområde: \"4.2\"\n\trubrik: Utbildning"),
         [C + AREA + ":21:1: fel: " + TAB, STOPPED]),
    Case("duplicate_key_at_the_top_of_an_area_file",
         edit(AREA, "område: Energi och klimat\n", "område: Energi och klimat\nområde: Energi\n"),
         [C + AREA + ":12:1: fel: område: nyckeln 'område' finns redan på rad 11 — ta bort den ena "
          "(varje nyckel får bara finnas en gång)", STOPPED]),
    Case("duplicate_key_nested_is_an_error_not_last_one_wins",
         edit("internkontroll.yaml", "  - område: HR\n", "  - område: HR\n    område: IT\n"),
         [C + "internkontroll.yaml:8:5: fel: risker[1].område: nyckeln 'område' finns redan på rad 7 — ta bort "
          "den ena (varje nyckel får bara finnas en gång)", STOPPED]),
    Case("billion_laughs_is_bounded",
         write("omvarld.yaml", billion_laughs()),
         [C + "omvarld.yaml:1:16: fel: filen innehåller för många värden (över 100 000 räknat med alla "
          "hänvisningar *) — skriv ut texterna i stället för att hänvisa", STOPPED]),
    Case("alias_pointing_at_itself",
         write("omvarld.yaml", "omvärldsfaktorer: &a\n  - *a\n"),
         [C + "omvarld.yaml:1:19: fel: omvärldsfaktorer[1]: en hänvisning (*) pekar på sig själv — "
          "skriv ut värdet i stället", STOPPED]),
    Case("fifty_megabyte_area_file",
         fifty_megabytes,
         [C + AREA + ": fel: filen är 50,0 MB — en innehållsfil får vara högst 5 MB; kontrollera att det är rätt fil",
          STOPPED]),
    Case("nesting_deeper_than_python_recurses",
         deep_nesting,
         [C + "omvarld.yaml: fel: filen är för djupt nästlad — använd färre indragningsnivåer", STOPPED]),
    Case("windows_1252_bytes_in_an_area_file",
         write_bytes(AREA, "område: Energi och klimat\ninsatser: []\nutmaningar:\n  - punkter: [Växthusgaser]\n"
                     .encode("cp1252")),
         [C + AREA + ":1:4: fel: filen är inte sparad som UTF-8 (kanske Latin-1/Windows-1252) — spara om den som UTF-8",
          STOPPED]),
    Case("utf16_area_file",
         write_bytes(AREA, "område: Energi och klimat\n".encode("utf-16")),
         [C + AREA + ":1:1: fel: filen är sparad som UTF-16 — spara om den som UTF-8", STOPPED]),
    Case("nul_bytes_in_a_file",
         write_bytes("omvarld.yaml", b"omv\xc3\xa4rldsfaktorer:\n  - Demo\x00grafi\n"),
         [C + "omvarld.yaml:2:9: fel: filen innehåller nolltecken och är ingen textfil (eller är sparad som "
          "UTF-16) — spara om den som UTF-8-text", STOPPED]),
    Case("empty_file_zero_bytes",
         write("internkontroll.yaml", ""),
         [C + "internkontroll.yaml:1:1: fel: filen är tom — fyll i den enligt kommentaren överst "
          "(vpgen schema visar formatet)", STOPPED]),
    Case("empty_area_file_only_spaces_and_newlines",
         write(AREA, "  \n\n   \n"),
         [C + AREA + ":1:1: fel: filen är tom — fyll i den enligt kommentaren överst (vpgen schema visar formatet)",
          STOPPED]),
    Case("file_is_a_single_text",
         write("omvarld.yaml", "Demografi och geopolitik\n"),
         [C + "omvarld.yaml:1:1: fel: filen är en text eller ett värde men ska bestå av nycklar (nyckel: värde) — "
          "se kommentaren överst i filen", STOPPED]),
    Case("python_tag_is_not_run",
         edit("omvarld.yaml", "  - Demografi", '  - !!python/object/apply:os.system ["touch /tmp/vpgen-pwned"]'),
         [C + "omvarld.yaml:7:5: fel: omvärldsfaktorer[1]: taggen !!python/object/apply:os.system är inte "
          "tillåten — skriv värdet utan '!'-tagg", STOPPED]),
    Case("directory_where_plan_yaml_should_be",
         directory_instead("plan.yaml"),
         [C + "plan.yaml: fel: här ska det vara en fil, men det är en mapp — ersätt mappen med filen", STOPPED]),
    Case("directory_where_an_area_file_should_be",
         directory_instead(AREA),
         [C + AREA + ": fel: här ska det vara en fil, men det är en mapp — ersätt mappen med filen", STOPPED]),
    Case("file_where_the_area_folder_should_be",
         area_dir_is_a_file,
         [C + "omraden: fel: här ska mappen omraden/ med områdesfilerna ligga, men det är ingen mapp — byt namn "
          "på det som ligger där och skapa mappen", STOPPED]),
    Case("missing_required_file",
         lambda content: (content / "ekonomi.yaml").unlink(),
         [C + "ekonomi.yaml: fel: filen saknas — skapa den (vpgen schema visar vad den ska innehålla)", STOPPED]),
    Case("missing_content_folder",
         lambda content: shutil.rmtree(content),
         ["{content}: fel: innehållsmappen finns inte — ange mappen med innehållsfilerna", STOPPED]),
    Case("content_folder_is_a_file",
         lambda content: (shutil.rmtree(content), content.write_text("x", encoding="utf-8")),
         ["{content}: fel: innehållsmappen är en fil, inte en mapp — ange mappen med innehållsfilerna", STOPPED]),
]


def test_the_yaml_group_has_its_cases():
    assert len(CASES) >= 20 and len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_unreadable_yaml_stops_the_build_and_keeps_the_last_output(case: Case, content: Path, previous):
    out, before = previous
    case.breaks(content)
    result = build(content, out, *case.args)
    assert_refused(result, out, before, content, [line.replace("{content}", str(content)) for line in case.lines], case.code)
    assert not Path("/tmp/vpgen-pwned").exists()


# ---------------------------------------------------------------- accepted as they are

def bom_and_crlf(content: Path) -> None:
    for path in sorted(content.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))


def old_mac_line_ends(content: Path) -> None:
    for path in sorted(content.rglob("*.yaml")):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))


@pytest.mark.parametrize("convert", [bom_and_crlf, old_mac_line_ends], ids=["bom_and_crlf", "lone_cr"])
def test_bom_and_other_line_ends_build_the_same_documents(convert, content: Path, good_build: Path, tmp_path: Path):
    """A file saved by Notepad (BOM, CRLF) or an old Mac editor (CR) gives byte-identical documents."""
    convert(content)
    out = tmp_path / "ut"
    result = build(content, out)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    for name in ("VP-2026-namndpresentation.pptx", "VP-2026-verksamhetsplan.docx", "VP-2026-uppdrag.docx",
                 "VP-2026-uppdrag.xlsx"):
        assert (out / name).read_bytes() == (good_build / name).read_bytes(), name


def test_crlf_error_names_the_line_an_editor_shows(content: Path, previous):
    out, before = previous
    path = content / AREA
    text = path.read_text(encoding="utf-8").replace("rubrik: Utbildning", "rubrk: Utbildning")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = build(content, out)
    assert_refused(result, out, before, content, [
        C + AREA + ":21:5: fel: insatser[2].rubrk: okänd nyckel 'rubrk' — menade du 'rubrik'?", STOPPED])


def test_every_problem_of_several_broken_files_is_listed_in_one_run(content: Path, previous):
    out, before = previous
    edits(edit("omvarld.yaml", "  - Demografi\n", "  - [Demografi\n"),
          write_bytes(AREA, "område: Energi\n".encode("utf-16")),
          edit("plan.yaml", "planår: 2026\n", "planår: 2026\nplanår: 2027\n"))(content)
    result = build(content, out)
    assert_refused(result, out, before, content, [
        C + AREA + ":1:1: fel: filen är sparad som UTF-16 — spara om den som UTF-8",
        C + "omvarld.yaml:7:5: fel: YAML-fel: en [ eller { öppnas men stängs aldrig — sätt texten inom citattecken",
        C + "plan.yaml:17:1: fel: planår: nyckeln 'planår' finns redan på rad 16 — ta bort den ena "
        "(varje nyckel får bara finnas en gång)",
        STOPPED])


@pytest.mark.skipif(os.name != "posix", reason="FIFOs are POSIX")
def test_a_fifo_where_an_area_file_should_be_is_not_read(content: Path, previous):
    """Reading a FIFO would block for ever; it is refused as 'no ordinary file'."""
    out, before = previous
    (content / AREA).unlink()
    os.mkfifo(content / AREA)
    result = build(content, out)
    assert_refused(result, out, before, content, [
        C + AREA + ": fel: är ingen vanlig fil — ersätt den med en textfil", STOPPED])
