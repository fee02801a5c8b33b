"""`vpgen validate` on malformed content: every problem, word for word, exit code 1, no traceback.

Each case starts from a private copy of the sample (the `content` fixture) and breaks it in one
way; the expected lines are the exact errors `vpgen validate` prints (`fil:rad:kolumn: fel:
nyckelväg: text`). Warnings (the sample's three example-data tables) are not part of these lists.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.load import load_content

from .conftest import REPO, replace_in


def write(name: str, text: str) -> Callable[[Path], None]:
    return lambda content: (content / name).write_text(text, encoding="utf-8")


def write_bytes(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda content: (content / name).write_bytes(data)


def edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda content: replace_in(content / name, old, new)


def edits(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def run(content: Path) -> None:
        for step in steps:
            step(content)
    return run


def remove(name: str) -> Callable[[Path], None]:
    return lambda content: (content / name).unlink()


def directory_instead(name: str) -> Callable[[Path], None]:
    def run(content: Path) -> None:
        (content / name).unlink()
        (content / name).mkdir()
    return run


RISK = "risker:\n  - område: HR\n    risk: Risk att något går fel.\n"


def billion_laughs() -> str:
    """Nine levels of nine aliases each: 9**9 values if expanded."""
    lines = [RISK, 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 9):
        refs = ", ".join([f"*l{level - 1}"] * 9)
        lines.append(f"l{level}: &l{level} [{refs}]")
    return "\n".join(lines) + "\n"


@dataclass
class Case:
    id: str
    breaks: Callable[[Path], None]
    errors: list[str]


C = "content/"
CASES = [
    Case("yaml_syntax_colon_in_text",
         edit("internkontroll.yaml", "risk: Risk att", "risk: Risk: att"),
         [C + "internkontroll.yaml:8:15: fel: YAML-fel: ett kolon står där det inte kan stå — sätt texten inom "
          "citattecken (\"…\") om den innehåller ': '"]),
    Case("yaml_syntax_unclosed_quote",
         edit("omvarld.yaml", "  - Svesam\n", "  - \"Svesam\n"),
         [C + "omvarld.yaml:19:5: fel: YAML-fel: ett citattecken öppnas men stängs aldrig"]),
    Case("tab_in_indentation_every_line_named",
         write("internkontroll.yaml", "risker:\n\t- område: HR\n\t  risk: Risk att något går fel.\n"),
         [C + "internkontroll.yaml:2:1: fel: tabbtecken i indragningen — använd mellanslag (två per nivå)",
          C + "internkontroll.yaml:3:1: fel: tabbtecken i indragningen — använd mellanslag (två per nivå)"]),
    Case("duplicated_key_names_both_lines",
         edit("plan.yaml", "planår: 2026\n", "planår: 2026\nplanår: 2027\n"),
         [C + "plan.yaml:17:1: fel: planår: nyckeln 'planår' finns redan på rad 16 — ta bort den ena "
          "(varje nyckel får bara finnas en gång)"]),
    Case("latin1_bytes",
         write_bytes("internkontroll.yaml", RISK.encode("latin-1")),
         [C + "internkontroll.yaml:2:8: fel: filen är inte sparad som UTF-8 (kanske Latin-1/Windows-1252) — "
          "spara om den som UTF-8"]),
    Case("utf16_file",
         write_bytes("internkontroll.yaml", RISK.encode("utf-16")),
         [C + "internkontroll.yaml:1:1: fel: filen är sparad som UTF-16 — spara om den som UTF-8"]),
    Case("empty_file",
         write("internkontroll.yaml", "# bara en kommentar\n"),
         [C + "internkontroll.yaml:1:1: fel: filen är tom — fyll i den enligt kommentaren överst "
          "(vpgen schema visar formatet)"]),
    Case("file_is_a_list",
         write("internkontroll.yaml", "- område: HR\n  risk: Risk att något går fel.\n"),
         [C + "internkontroll.yaml:1:1: fel: filen är en lista men ska bestå av nycklar (nyckel: värde) — "
          "se kommentaren överst i filen"]),
    Case("missing_required_file",
         remove("internkontroll.yaml"),
         [C + "internkontroll.yaml: fel: filen saknas — skapa den (vpgen schema visar vad den ska innehålla)"]),
    Case("directory_where_a_file_should_be",
         directory_instead("internkontroll.yaml"),
         [C + "internkontroll.yaml: fel: här ska det vara en fil, men det är en mapp — ersätt mappen med filen"]),
    Case("missing_content_folder",
         lambda content: shutil.rmtree(content),
         ["{content}: fel: innehållsmappen finns inte — ange mappen med innehållsfilerna"]),
    Case("unknown_key_did_you_mean_fokusomrade",
         edit("omraden/energi-och-klimat.yaml", '- fokusområde: "4.1"', '- fokusomrade: "4.1"'),
         [C + "omraden/energi-och-klimat.yaml:14:5: fel: insatser[1].fokusomrade: okänd nyckel 'fokusomrade' — "
          "menade du 'fokusområde'?"]),
    Case("unknown_key_did_you_mean_kalla",
         edit("malsattningar.yaml", "    källa: Förslag DN 2026\n    fokusområden:",
              "    källan: Förslag DN 2026\n    fokusområden:"),
         [C + "malsattningar.yaml:32:9: fel: målsättningar[4].styrtal[1].källan: okänd nyckel 'källan' — "
          "menade du 'källa'?"]),
    Case("unknown_key_without_a_close_match_lists_the_keys",
         edit("internkontroll.yaml", "  - område: HR", "  - område: HR\n    ansvarig: HR-chef"),
         [C + "internkontroll.yaml:8:5: fel: risker[1].ansvarig: okänd nyckel 'ansvarig' — "
          "tillåtna nycklar här: område, risk"]),
    Case("missing_required_key",
         edit("anvisningar.yaml", "minst_utmaningar: 3\n", ""),
         [C + "anvisningar.yaml:7:1: fel: minst_utmaningar: nyckeln 'minst_utmaningar' saknas — "
          "lägg till 'minst_utmaningar:' med ett värde"]),
    Case("text_where_a_number_is_expected",
         edit("ekonomi.yaml", "uppräkning_mnkr: 4.6", "uppräkning_mnkr: fyra komma sex"),
         [C + "ekonomi.yaml:15:3: fel: förutsättningar.uppräkning_mnkr: 'fyra komma sex' är inte ett tal — "
          "skriv t.ex. 151,3 eller 16 503"]),
    Case("text_where_a_whole_number_is_expected",
         edit("anvisningar.yaml", "minst_insatser: 3", "minst_insatser: tre"),
         [C + "anvisningar.yaml:24:1: fel: minst_insatser: 'tre' är inget heltal — skriv ett heltal, t.ex. 27"]),
    Case("true_is_not_a_number",
         edit("gemensamma.yaml", "nr: 50", "nr: true"),
         [C + "gemensamma.yaml:17:9: fel: gemensamma[1].uppdrag[1].nr: ska vara ett heltal, t.ex. 27"]),
    Case("list_where_text_is_expected",
         edit("plan.yaml", "region: Region Örebro län", "region: [Region, Örebro län]"),
         [C + "plan.yaml:10:1: fel: region: ska vara en text, inte en lista — skriv texten på samma rad som nyckeln"]),
    Case("colon_in_an_unquoted_list_item",
         edit("omvarld.yaml", "  - Svesam\n", "  - Svesam: samverkan i Svealand\n"),
         [C + "omvarld.yaml:19:5: fel: övergripande[2]: ska vara en text, men raden läses som 'nyckel: värde' — "
          "sätt texten inom citattecken (\"…\") om den innehåller ': '"]),
    Case("empty_list_item",
         edit("omvarld.yaml", "  - Svesam\n", "  -\n"),
         [C + "omvarld.yaml:19:4: fel: övergripande[2]: texten saknas — skriv texten efter kolonet (eller efter '- '), "
          "eller ta bort raden"]),
    Case("text_where_a_list_is_expected",
         edit("omvarld.yaml", "övergripande:\n  - Uppdatering av RUS\n", "övergripande: Uppdatering av RUS\n"),
         [C + "omvarld.yaml:17:1: fel: övergripande: ska vara en lista — en rad per punkt som börjar med '- '"]),
    Case("ja_is_not_a_boolean",
         edit("ekonomi.yaml", "  exempel: true\n  anmärkning: Justering", "  exempel: ja\n  anmärkning: Justering"),
         [C + "ekonomi.yaml:43:3: fel: fördelning.exempel: ska vara true eller false"]),
    Case("impossible_date",
         edit("plan.yaml", "datum: 2025-09-29\n\n", "datum: 2025-02-30\n\n"),
         [C + "plan.yaml:17:1: fel: datum: datumet 2025-02-30 finns inte i kalendern — "
          "skriv ett riktigt datum (ÅÅÅÅ-MM-DD)"]),
    Case("number_is_not_a_date",
         edit("anvisningar.yaml", "deadline: 2025-08-10", "deadline: 20250810"),
         [C + "anvisningar.yaml:27:1: fel: deadline: '20250810' är inget datum — "
          "skriv datumet ÅÅÅÅ-MM-DD, t.ex. 2025-09-29"]),
    Case("unknown_kalla_form_lists_the_accepted_forms",
         edit("malsattningar.yaml", "källa: Förslag DN 2026\n    fokusområden:", "källa: Förlag DN 2026\n    fokusområden:"),
         [C + "malsattningar.yaml:32:9: fel: målsättningar[4].styrtal[1].källa: okänd källa 'Förlag DN 2026' — "
          "skriv en av formerna: DN 2025, FM 2026, Förslag DN 2026, Från FM, Ny målformulering 2026 (med rätt årtal)"]),
    Case("python_object_tag_refused",
         edit("plan.yaml", "region: Region Örebro län", 'region: !!python/object/apply:os.system ["echo hej"]'),
         [C + "plan.yaml:10:1: fel: region: taggen !!python/object/apply:os.system är inte tillåten — "
          "skriv värdet utan '!'-tagg"]),
    Case("python_object_tag_on_a_mapping_refused",
         edit("plan.yaml", "nämnd:\n", "nämnd: !!python/object:generator.model.Namnd\n"),
         [C + "plan.yaml:11:1: fel: nämnd: taggen !!python/object:generator.model.Namnd är inte tillåten — "
          "skriv värdet utan '!'-tagg"]),
    Case("python_name_tag_on_a_text_refused",
         edit("plan.yaml", "region: Region Örebro län", "region: !!python/name:os.system Region"),
         [C + "plan.yaml:10:1: fel: region: taggen !!python/name:os.system är inte tillåten — "
          "skriv värdet utan '!'-tagg"]),
    Case("billion_laughs_bounded",
         write("internkontroll.yaml", billion_laughs()),
         [C + "internkontroll.yaml:5:59: fel: filen innehåller för många värden (över 100 000 räknat med alla "
          "hänvisningar *) — skriv ut texterna i stället för att hänvisa"]),
    Case("recursive_alias",
         write("internkontroll.yaml", "risker: &r\n  - område: HR\n    risk: *r\n"),
         [C + "internkontroll.yaml:3:5: fel: risker[1].risk: en hänvisning (*) pekar på sig själv — "
          "skriv ut värdet i stället"]),
    Case("six_megabyte_file_refused_by_size",
         write("internkontroll.yaml", RISK + "# " + "x" * (6 * 1024 * 1024) + "\n"),
         [C + "internkontroll.yaml: fel: filen är 6,0 MB — en innehållsfil får vara högst 5 MB; "
          "kontrollera att det är rätt fil"]),
    Case("riktning_other_than_oka_minska",
         edit("gemensamma.yaml", "riktning: minska", "riktning: ner"),
         [C + "gemensamma.yaml:64:9: fel: gemensamma[4].styrtal[3].riktning: 'ner' är inte tillåtet här — "
          "skriv öka eller minska"]),
    Case("riktning_contradicts_ska_minska_in_the_text",
         edit("gemensamma.yaml", "riktning: minska", "riktning: öka"),
         [C + "gemensamma.yaml:64:9: fel: gemensamma[4].styrtal[3].riktning: riktningen 'öka' motsäger texten "
          "('ska minska') — ändra den ena"]),
    Case("duplicate_uppdrag_number_across_files",
         edit("gemensamma.yaml", "nr: 61", "nr: 32"),
         [C + "gemensamma.yaml:92:9: fel: gemensamma[7].uppdrag[1].nr: uppdrag nr 32 finns redan "
          "(content/malsattningar.yaml:126) — varje uppdrag har ett eget nummer"]),
    Case("forvaltning_uppdrag_with_a_nr",
         edit("malsattningar.yaml", "                - text: Att öka samverkan",
              "                - nr: 26\n                  text: Att öka samverkan"),
         [C + "malsattningar.yaml:77:19: fel: målsättningar[4].fokusområden[1].delområden[1].uppdrag.förvaltning[1].nr: "
          "uppdrag till förvaltningen har inget nummer — ta bort 'nr:' eller flytta uppdraget till 'nämnd:'"]),
    Case("namnd_uppdrag_without_a_nr",
         edit("malsattningar.yaml", "            - nr: 32\n              text:", "            - text:"),
         [C + "malsattningar.yaml:126:15: fel: målsättningar[4].fokusområden[2].uppdrag.nämnd[1]: "
          "uppdraget saknar nummer — uppdrag till nämnden skrivs med 'nr:'"]),
    Case("fokusomrade_without_mal",
         edit("malsattningar.yaml",
              "        mål:\n          text: >-\n            Region Örebro län är en drivande kraft för länets aktörer inom "
              "kompetensförsörjning för ökad\n            matchning mellan behovet på arbetsmarknaden och utbildningar "
              "i länet för att tillvarata\n            samhällets hela kompetensresurs.\n          källa: DN 2025\n", ""),
         [C + "malsattningar.yaml:138:9: fel: målsättningar[4].fokusområden[3]: fokusområde 4.3 saknar mål — "
          "lägg till 'mål:' med 'text:' och 'källa:'"]),
    Case("fokusomrade_nr_not_under_its_parent",  # the reference's own typo: 4.2.1 under 4.1
         edit("malsattningar.yaml", 'nr: "4.1.2"', 'nr: "4.2.1"'),
         [C + "malsattningar.yaml:81:13: fel: målsättningar[4].fokusområden[1].delområden[2].nr: "
          "fokusområde 4.2.1 ligger under 4.1 — numret ska börja med 4.1."]),
    Case("fokusomrade_nr_without_dots",
         edit("omraden/energi-och-klimat.yaml", '- fokusområde: "4.1"', '- fokusområde: "4"'),
         [C + "omraden/energi-och-klimat.yaml:14:5: fel: insatser[1].fokusområde: '4' har fel form — "
          "skriv numret inom citattecken med punkter, t.ex. \"4.1\" eller \"4.1.1\""]),
    Case("gemensam_refers_to_a_missing_malsattning",
         edit("gemensamma.yaml", "målsättning: 6", "målsättning: 11"),
         [C + "gemensamma.yaml:14:5: fel: gemensamma[1].målsättning: målsättning 11 finns inte i malsattningar.yaml — "
          "välj en av 1, 2, 3, 4, 5, 6, 7, 8, 9, 10"]),
    Case("insats_refers_to_an_unknown_fokusomrade",
         edit("omraden/energi-och-klimat.yaml", '- fokusområde: "4.3"', '- fokusområde: "4.4"'),
         [C + "omraden/energi-och-klimat.yaml:25:5: fel: insatser[3].fokusområde: fokusområde 4.4 finns inte i planen — "
          "välj ett av 4.1, 4.1.1, 4.1.2, 4.2, 4.3"]),
    Case("uppräkning_parts_do_not_add_up_to_4_6",
         edit("ekonomi.yaml", "{namn: PO-påslag, procent: 3.3, mnkr: 0.9}", "{namn: PO-påslag, procent: 3.3, mnkr: 1.9}"),
         [C + "ekonomi.yaml:25:3: fel: resursfördelningsmodell.uppräkning: delarna summerar till 5,6 Mnkr, men "
          "uppräkningen är 4,6 Mnkr (förutsättningar.uppräkning_mnkr) — rätta delarna"]),
    Case("uppräkning_parts_off_by_one_tenth",
         edit("ekonomi.yaml", "mnkr: 1.2}", "mnkr: 1.3}"),
         [C + "ekonomi.yaml:25:3: fel: resursfördelningsmodell.uppräkning: delarna summerar till 4,7 Mnkr, men "
          "uppräkningen är 4,6 Mnkr (förutsättningar.uppräkning_mnkr) — rätta delarna"]),
    Case("uppräkning_disagrees_with_index",
         edit("ekonomi.yaml", "index_procent: 3.1", "index_procent: 4.1"),
         [C + "ekonomi.yaml:15:3: fel: förutsättningar.uppräkning_mnkr: 146,8 Mnkr × 4,1 % = 6,02 Mnkr, men "
          "uppräkningen anges till 4,6 Mnkr — rätta beloppet eller indexet",
          C + "ekonomi.yaml:17:3: fel: förutsättningar.ramanslag_netto_mnkr: 146,8 Mnkr uppräknat med 4,1 % blir "
          "152,82 Mnkr, men ramanslaget anges till 151,3 Mnkr — rätta beloppet"]),
    Case("schablon_parts_do_not_add_up_to_16_503",
         edit("ekonomi.yaml", "kr_per_åa: 2665", "kr_per_åa: 2566"),
         [C + "ekonomi.yaml:29:3: fel: resursfördelningsmodell.schablonanslag_kr_per_åa: delarna summerar till "
          "16 404 kr/åa, men schablonanslaget anges till 16 503 kr/åa — rätta delarna eller summan"]),
    Case("ramanslag_netto_is_not_146_8_times_1_031",
         edits(edit("ekonomi.yaml", "ramanslag_netto_mnkr: 151.3", "ramanslag_netto_mnkr: 150.3"),
               edit("ekonomi.yaml", "planår_mnkr: 31.2}", "planår_mnkr: 30.2}")),
         [C + "ekonomi.yaml:17:3: fel: förutsättningar.ramanslag_netto_mnkr: 146,8 Mnkr uppräknat med 3,1 % blir "
          "151,35 Mnkr, men ramanslaget anges till 150,3 Mnkr — rätta beloppet"]),
    Case("fordelning_column_does_not_add_up_to_ramanslag",
         edit("ekonomi.yaml", "föregående_mnkr: 7.4,", "föregående_mnkr: 7.9,"),
         [C + "ekonomi.yaml:48:3: fel: fördelning.rader: kolumnen föregående_mnkr summerar till 147,3 Mnkr, men "
          "föregående års ramanslag är 146,8 Mnkr — rätta raderna"]),
    Case("reserve_differs_between_model_and_table",
         edit("ekonomi.yaml", "{namn: FUM,                                      mnkr: 2.0}",
              "{namn: FUM,                                      mnkr: 2.5}"),
         [C + "ekonomi.yaml:79:56: fel: satsningsutrymme.rader[2].mnkr: FUM är 2,5 Mnkr här men 2,0 Mnkr i "
          "resursfördelningsmodellen — rätta det ena"]),
    Case("number_too_large",
         edit("ekonomi.yaml", "uppräkning_mnkr: 4.6", "uppräkning_mnkr: 4600000"),
         [C + "ekonomi.yaml:15:3: fel: förutsättningar.uppräkning_mnkr: 4600000 är för stort — "
          "största tillåtna värde är 1 000 000"]),
    Case("area_file_name_with_capitals",
         edit("plan.yaml", "fil: energi-och-klimat.yaml", "fil: Energi.yaml"),
         [C + "plan.yaml:68:5: fel: områden[2].fil: 'Energi.yaml' har fel form — skriv filnamnet med små bokstäver "
          "a–z, siffror och bindestreck och sluta med .yaml, t.ex. energi-och-klimat.yaml"]),
    Case("problems_in_several_files_all_reported",
         edits(edit("internkontroll.yaml", "risk: Risk att", "risk: Risk: att"),
               edit("gemensamma.yaml", "nr: 61", "nr: 27"),
               edit("omraden/naringslivsutveckling.yaml", "område: Näringslivsutveckling", "område: Näringsliv"),
               edit("omvarld.yaml", "övergripande:", "övergripand:")),
         [C + "gemensamma.yaml:92:9: fel: gemensamma[7].uppdrag[1].nr: uppdrag nr 27 finns redan "
          "(content/malsattningar.yaml:63) — varje uppdrag har ett eget nummer",
          C + "internkontroll.yaml:8:15: fel: YAML-fel: ett kolon står där det inte kan stå — sätt texten inom "
          "citattecken (\"…\") om den innehåller ': '",
          C + "omraden/naringslivsutveckling.yaml:11:1: fel: område: området heter 'Näringslivsutveckling' i "
          "plan.yaml — skriv samma namn här (nu: 'Näringsliv')",
          C + "omvarld.yaml:17:1: fel: övergripand: okänd nyckel 'övergripand' — menade du 'övergripande'?"]),
]


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": fel:" in line]


def test_the_table_has_at_least_25_cases():
    assert len(CASES) >= 25
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_malformed_content_is_reported_word_for_word(case: Case, content: Path):
    case.breaks(content)
    result = CliRunner().invoke(cli, ["validate", str(content)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1, result.output
    assert error_lines(result.stdout) == [line.format(content=content) for line in case.errors]
    assert f"Innehållet i {content} har problem: {len(case.errors)} fel" in result.stderr
    assert "Traceback" not in result.output


def test_console_script_prints_problems_without_traceback(content: Path):
    """The real `vpgen` entry point, in a subprocess: message on stdout, summary on stderr, exit 1."""
    replace_in(content / "plan.yaml", "planår: 2026\n", "planår: 2026\nplanår: 2027\n")
    write_bytes("internkontroll.yaml", RISK.encode("latin-1"))(content)
    script = Path(sys.executable).with_name("vpgen")
    command = [str(script)] if script.exists() else [shutil.which("vpgen") or "vpgen"]
    env = {k: v for k, v in os.environ.items() if k != "VPGEN_DEBUG"}
    done = subprocess.run([*command, "validate", str(content)], capture_output=True, text=True,
                          cwd=content.parent, env=env, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    assert done.stdout.splitlines() == [
        "content/internkontroll.yaml:2:8: fel: filen är inte sparad som UTF-8 (kanske Latin-1/Windows-1252) — "
        "spara om den som UTF-8",
        "content/plan.yaml:17:1: fel: planår: nyckeln 'planår' finns redan på rad 16 — ta bort den ena "
        "(varje nyckel får bara finnas en gång)",
        "content/ekonomi.yaml:43:3: varning: fördelning.exempel: tabellen innehåller exempeldata — ersätt raderna "
        "med riktiga siffror och ta bort 'exempel: true'",
        "content/ekonomi.yaml:62:3: varning: uppräkning_föreningar.exempel: tabellen innehåller exempeldata — "
        "ersätt raderna med riktiga siffror och ta bort 'exempel: true'",
        "content/ekonomi.yaml:75:3: varning: satsningsutrymme.exempel: tabellen innehåller exempeldata — "
        "ersätt raderna med riktiga siffror och ta bort 'exempel: true'",
        "content/styrtal-data.yaml:33:32: varning: styrtal[1].värden[1].exempel: 18 värden är exempeldata "
        "(brp-per-invanare, hme, sam, sjukfranvaro) — ersätt dem med riktiga siffror (vpgen styrtal import eller "
        "hämta) och ta bort 'exempel: true'",
    ]
    assert done.stderr.strip() == (
        f"Innehållet i {content} har problem: 2 fel, 4 varningar. Rätta och kör vpgen validate igen.")


def test_utf8_bom_and_crlf_are_accepted(content: Path):
    for name in ("omvarld.yaml", "plan.yaml"):
        path = content / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    result = CliRunner().invoke(cli, ["validate", str(content)])
    assert result.exit_code == 0, result.output
    assert f"Innehållet i {content} är giltigt (0 fel, 4 varningar)." in result.stdout
    loaded = load_content(content)
    assert loaded.plan.omvarld.overgripande == ["Uppdatering av RUS", "Svesam", "EU:s nya långtidsbudget"]


def test_crlf_file_reports_the_line_an_editor_shows(content: Path):
    path = content / "plan.yaml"
    text = path.read_text(encoding="utf-8").replace("planår: 2026", "planår: tjugo")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = CliRunner().invoke(cli, ["validate", str(content)])
    assert error_lines(result.stdout) == [
        "content/plan.yaml:16:1: fel: planår: 'tjugo' är inget heltal — skriv ett heltal, t.ex. 27"]


FEWER = (
    "område: Energi och klimat\n"
    "insatser:\n"
    "  - fokusområde: \"4.1\"\n"
    "    punkter:\n"
    "      - Strategiskt och operativt arbete med energiplanering\n"
    "      - Hitta arenor att möta barn\n"
    "utmaningar:\n"
    "  - rubrik: Kompetensförsörjning\n"
    "    punkter: [Internt]\n"
)
FEWER_WARNINGS = [
    "content/omraden/energi-och-klimat.yaml:2:1: varning: insatser: området har 2 insatser — minst 3 behövs "
    "(se anvisningarna); lägg till fler punkter under 'insatser:'",
    "content/omraden/energi-och-klimat.yaml:7:1: varning: utmaningar: området har 1 utmaning — minst 3 behövs "
    "(se anvisningarna); lägg till fler under 'utmaningar:'",
]


def warning_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": varning:" in line and "exempeldata" not in line]


def test_area_with_fewer_than_three_insatser_and_utmaningar_is_a_warning(content: Path):
    (content / "omraden" / "energi-och-klimat.yaml").write_text(FEWER, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(content)])
    assert result.exit_code == 0, result.output
    assert warning_lines(result.stdout) == FEWER_WARNINGS
    assert f"Innehållet i {content} är giltigt (0 fel, 6 varningar)." in result.stdout


def test_strict_turns_the_area_warnings_into_a_failure(content: Path):
    (content / "omraden" / "energi-och-klimat.yaml").write_text(FEWER, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--strict", str(content)])
    assert result.exit_code == 1
    assert warning_lines(result.stdout) == FEWER_WARNINGS
    assert result.stderr.strip() == (
        f"Innehållet i {content} har problem: 0 fel, 6 varningar (--strict: varningar räknas som fel). "
        "Rätta och kör vpgen validate igen.")


def test_missing_area_file_is_a_warning(content: Path):
    (content / "omraden" / "energi-och-klimat.yaml").unlink()
    result = CliRunner().invoke(cli, ["validate", str(content)])
    assert result.exit_code == 0
    # The hint carries the content folder given (it is not the default ./content here).
    assert warning_lines(result.stdout) == [
        "content/omraden/energi-och-klimat.yaml: varning: underlag saknas för området Energi och klimat — "
        f"skapa filen med: vpgen område ny \"Energi och klimat\" --content {content}"]


def test_area_file_not_in_the_plan_or_with_yml_ending_is_a_warning(content: Path):
    shutil.copy(content / "omraden" / "energi-och-klimat.yaml", content / "omraden" / "kultur.yaml")
    shutil.copy(content / "omraden" / "energi-och-klimat.yaml", content / "omraden" / "ideell.yml")
    shutil.copy(content / "omraden" / "energi-och-klimat.yaml", content / "omraden" / "stiftelser.yaml.txt")
    result = CliRunner().invoke(cli, ["validate", str(content)])
    assert result.exit_code == 0
    assert warning_lines(result.stdout) == [
        "content/omraden/ideell.yml: varning: filen heter ideell.yml och läses inte: vpgen läser bara filer som "
        "slutar på .yaml — byt namn till ideell.yaml",
        "content/omraden/kultur.yaml: varning: filen ingår inte i planen — lägg till området under 'områden:' i plan.yaml",
        "content/omraden/stiftelser.yaml.txt: varning: filen heter stiftelser.yaml.txt och läses inte: vpgen läser "
        "bara filer som slutar på .yaml — byt namn till stiftelser.yaml",
    ]


def test_area_files_are_checked_even_when_plan_yaml_is_broken(content: Path):
    replace_in(content / "plan.yaml", "region: Region Örebro län", "region: Region: Örebro län")
    replace_in(content / "omraden" / "energi-och-klimat.yaml", "    rubrik: Utbildning", "    rubrk: Utbildning")
    result = CliRunner().invoke(cli, ["validate", str(content)])
    assert error_lines(result.stdout) == [
        "content/omraden/energi-och-klimat.yaml:21:5: fel: insatser[2].rubrk: okänd nyckel 'rubrk' — menade du 'rubrik'?",
        "content/plan.yaml:10:15: fel: YAML-fel: ett kolon står där det inte kan stå — sätt texten inom citattecken "
        "(\"…\") om den innehåller ': '",
    ]


def test_errors_are_listed_before_warnings(content: Path):
    replace_in(content / "plan.yaml", "planår: 2026", "planår: tjugo")
    result = CliRunner().invoke(cli, ["validate", str(content)])
    kinds = [(": fel:" in line) for line in result.stdout.splitlines() if ": fel:" in line or ": varning:" in line]
    assert kinds == [True, False, False, False, False]


def test_odd_text_validates_and_is_kept_as_data(content: Path):
    """Template syntax, emoji and control characters: valid, cleaned as text.py documents, never evaluated."""
    replace_in(content / "internkontroll.yaml", "risk: Risk att systematiskt",
               'risk: "{{ 7*7 }} {% if true %}x{% endif %} 🙂 \\x07ring\\u0007 \x0brad \\ud83d\\ude00 Risk att systematiskt')
    replace_in(content / "internkontroll.yaml", "i vardagen.", 'i vardagen."')
    replace_in(content / "omvarld.yaml", "  - Svesam", "  - Svesam\x01\x1b[31m")
    result = CliRunner().invoke(cli, ["validate", str(content)])
    assert result.exit_code == 0, result.output
    plan = load_content(content).plan
    assert plan.internkontroll.risker[0].risk == (
        "{{ 7*7 }} {% if true %}x{% endif %} 🙂 ring rad 😀 Risk att systematiskt arbetsmiljöarbete (SAM) "
        "inte är välfungerande i vardagen.")
    assert plan.omvarld.overgripande[1] == "Svesam[31m"


def test_validate_does_not_import_the_renderers():
    """`vpgen validate` stays fast: no python-pptx, python-docx, XlsxWriter or Babel on a clean run (Jinja2 is
    there: validate compiles the layout's text templates, as the build does before rendering)."""
    code = (
        "import sys\n"
        "from generator.cli import cli\n"
        "try:\n"
        "    cli.main(['validate', 'content'], standalone_mode=False)\n"
        "finally:\n"
        "    heavy = ('pptx', 'docx', 'xlsxwriter', 'babel', 'PIL', 'lxml', 'openpyxl', 'fontTools')\n"
        "    print('HEAVY', sorted(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "HEAVY []"


# ---------------------------------------------------------------- personal data

def test_personal_data_anywhere_and_a_name_as_ansvarig_are_warnings_naming_the_line(content: Path):
    replace_in(content / "omraden" / "energi-och-klimat.yaml", "      - Hitta arenor att möta barn",
               "      - Hitta arenor att möta barn, ring 019-602 00 00 eller skriv till anna.svensson@example.se")
    replace_in(content / "plan.yaml", "ansvarig: områdeschef Näringslivsutveckling", "ansvarig: Anna Svensson")
    replace_in(content / "ekonomi.yaml", "    - Inget allmänt reduceringskrav 2026",
               "    - Inget allmänt reduceringskrav 2026 (personnummer 811218-9876)")
    result = CliRunner().invoke(cli, ["validate", str(content)])
    assert result.exit_code == 0
    assert warning_lines(result.stdout) == [
        "content/ekonomi.yaml:19:7: varning: förutsättningar.punkter[1]: texten innehåller ett personnummer "
        "(811218-9876) — skriv en roll i stället, t.ex. 'planeringsansvarig' (personuppgifter hör inte hemma i "
        "planens offentliga dokument)",
        "content/omraden/energi-och-klimat.yaml:24:9: varning: insatser[2].punkter[2]: texten innehåller en "
        "e-postadress (anna.svensson@example.se) — skriv en roll i stället, t.ex. 'planeringsansvarig' "
        "(personuppgifter hör inte hemma i planens offentliga dokument)",
        "content/omraden/energi-och-klimat.yaml:24:9: varning: insatser[2].punkter[2]: texten innehåller ett "
        "telefonnummer (019-602 00 00) — skriv en roll i stället, t.ex. 'planeringsansvarig' (personuppgifter hör "
        "inte hemma i planens offentliga dokument)",
        "content/plan.yaml:72:5: varning: områden[3].ansvarig: 'Anna Svensson' ser ut som ett personnamn — ange en "
        "roll i stället, t.ex. 'områdeschef …' eller 'planeringsansvarig' (planens dokument är offentliga)",
    ]
    final = CliRunner().invoke(cli, ["build", "--content", str(content), "--output", str(content.parent / "out"),
                                     "--final"])
    assert final.exit_code == 1
    assert "personnamn" in final.output and not (content.parent / "out").exists()


def test_the_anvisningar_name_their_date_once(content: Path):
    replace_in(content / "anvisningar.yaml", "  verksamhetsplanen.", "  verksamhetsplanen, senast 29/8 (se bild 36-49).")
    result = CliRunner().invoke(cli, ["validate", str(content)])
    assert warning_lines(result.stdout) == [
        "content/anvisningar.yaml:32:1: varning: deadline_text: texten hänvisar till 'bild 36' — bildnumren i en "
        "annan presentation stämmer inte i den vpgen gör; ta bort hänvisningen",
        "content/anvisningar.yaml:32:1: varning: deadline_text: texten nämner ett datum ('29/8') — sista dagen står "
        "i deadline (2025-08-10) och visas därifrån i områdesfilerna, på bilden och i planen; ta bort datumet ur "
        "texten",
    ]


def test_a_text_cut_by_a_comment_is_a_warning(content: Path):
    replace_in(content / "omraden" / "energi-och-klimat.yaml", "      - Hitta arenor att möta barn",
               "      - Hitta arenor att möta barn # i steg 2")
    replace_in(content / "plan.yaml", "region: Region Örebro län", "region: Region Örebro län # läs ut")
    replace_in(content / "omvarld.yaml", "  - Svesam", "  - Svesam #2")
    result = CliRunner().invoke(cli, ["validate", str(content)])
    # Always in an area file; in the planner's files only when what follows reads as text ('#2'), not as a note.
    assert warning_lines(result.stdout) == [
        "content/omraden/energi-och-klimat.yaml:24:9: varning: insatser[2].punkter[2]: texten fortsätter efter ' #' "
        "('# i steg 2'), men ' #' gör resten av raden till en kommentar som inte kommer med — sätt hela texten inom "
        "citattecken, eller flytta kommentaren till en egen rad",
        "content/omvarld.yaml:19:5: varning: övergripande[2]: texten fortsätter efter ' #' ('#2'), men ' #' gör "
        "resten av raden till en kommentar som inte kommer med — sätt hela texten inom citattecken, eller flytta "
        "kommentaren till en egen rad",
    ]


def test_the_content_folder_may_be_given_as_in_the_other_commands(content: Path, tmp_path: Path):
    """`--content DIR` as build, status and kontroll take it, or the folder as an argument; not two different ones."""
    runner = CliRunner()
    by_option = runner.invoke(cli, ["validate", "--content", str(content)])
    assert by_option.exit_code == 0, by_option.output
    assert f"Innehållet i {content} är giltigt" in by_option.output
    both = runner.invoke(cli, ["validate", str(tmp_path), "--content", str(content)])
    assert both.exit_code == 1
    assert f"Ange innehållsmappen en gång: {tmp_path} eller --content {content}." in both.output


def test_a_point_indented_one_space_too_far_is_a_warning_at_its_line(content: Path):
    """YAML reads '- ' one space further in as the point above going on: both texts would run together."""
    replace_in(content / "omvarld.yaml", "  - Demografi", "  - Demografi\n   - Tillväxt")
    result = CliRunner().invoke(cli, ["validate", str(content)])
    lines = [line for line in result.output.splitlines() if "fortsättning av punkten" in line]
    assert len(lines) == 1, result.output
    assert ": varning: omvärldsfaktorer[" in lines[0] and "omvarld.yaml:" in lines[0]
    assert lines[0].endswith("raden börjar med '- ' men läses som en fortsättning av punkten på rad "
                             f"{int(lines[0].split(':')[1]) - 1} (den står längre in än punkterna ovanför), så båda blir "
                             "en punkt — rada upp '- ' med de andra punkterna")
    assert CliRunner().invoke(cli, ["validate", "--strict", str(content)]).exit_code == 1


def test_typographic_quotes_round_a_number_are_named(content: Path):
    replace_in(content / "omraden" / "energi-och-klimat.yaml", '- fokusområde: "4.2"', "- fokusområde: ”4.2”")
    result = CliRunner().invoke(cli, ["validate", str(content)])
    assert result.exit_code == 1
    assert ("fokusområde: '”4.2”' har fel form — citattecknen är typografiska (”…”, från Word eller Outlook) och "
            "räknas som text: skriv raka citattecken \"…\" i stället") in result.output


def test_a_point_that_is_all_comment_says_why_it_is_empty(content: Path):
    replace_in(content / "omvarld.yaml", "  - Demografi", "  - #1 Demografi")
    result = CliRunner().invoke(cli, ["validate", str(content)])
    assert result.exit_code == 1
    assert ("texten saknas: '#' gör resten av raden till en kommentar ('#1 Demografi') — sätt texten inom "
            "citattecken: \"#1 Demografi\"") in result.output
