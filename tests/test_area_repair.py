"""Safe repairs (generator/area/repair.py, safety.py, issues.py): the slips people make in an area file.

The table below is the area chiefs' slips, each as an edit of a good area file (the sample's Energi
och klimat): what `vpgen kontroll` says about it, word for word, and what the file is once every
suggested line is written in — most often the good file again. A slip said without a fix leaves
the file as it was (None). The safety rules themselves are tested on the repairs that lost content
before: they must be refused.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.area.check import check_area_file
from generator.area.lines import ITEM, split_lines
from generator.area.reading import Reader
from generator.area.safety import Repair, is_safe
from generator.area.text_check import MAX_ROUNDS
from generator.cli import cli

from .conftest import SAMPLE

ENERGI = "omraden/energi-och-klimat.yaml"
GOOD = "good"  # the file is the sample's again once the suggested lines are written in


@dataclass
class Slip:
    id: str
    old: str
    new: str
    messages: list[str]
    repaired: object  # GOOD, None (no line suggested), or (lines of the good file, what they are after the repair)


SLIPS = [
    Slip('tab_after_dash', '      - Utöka arbetet', '      -\tUtöka arbetet',
         ["Rad 18: efter '-' står ett tabbtecken — skriv ett vanligt mellanslag efter '-' ('- ' och sedan texten)"],
         GOOD),
    Slip('hard_space_after_dash', '      - Utöka arbetet', '      -\u00a0Utöka arbetet',
         ["Rad 18: efter '-' står ett hårt mellanslag (det kommer ofta med när text klistras in från Word) — skriv ett vanligt mellanslag efter '-'"],
         GOOD),
    Slip('hard_spaces_indentation', '      - Utöka arbetet', '\u00a0' * 6 + '- Utöka arbetet',
         ['Rad 18: raden är indragen med hårda mellanslag (de kommer ofta med när text klistras in från Word) — använd vanliga mellanslag, rakt under raden ovanför'],
         GOOD),
    Slip('tab_after_dash_and_space', '      - Utöka arbetet', '      - \tUtöka arbetet',
         ["Rad 18: efter '-' står ett tabbtecken — skriv ett vanligt mellanslag efter '-' ('- ' och sedan texten)"],
         GOOD),
    Slip('star', '      - Utöka arbetet', '      * Utöka arbetet',
         ["Rad 18: punkten börjar med '*' — en punkt börjar med '- ' (bindestreck och mellanslag); skriv '- ' i stället för '*'"],
         GOOD),
    Slip('bullet', '      - Utöka arbetet', '      • Utöka arbetet',
         ["Rad 18: punkten börjar med '•' — en punkt börjar med '- ' (bindestreck och mellanslag); skriv '- ' i stället för '•'"],
         GOOD),
    Slip('en_dash', '      - Utöka arbetet', '      – Utöka arbetet',
         ["Rad 18: punkten börjar med tankstrecket '–', inte med bindestrecket '-' (de är lätta att blanda ihop) — skriv '- ' (bindestreck och mellanslag) i stället för '–'"],
         GOOD),
    Slip('em_dash', '      - Utöka arbetet', '      — Utöka arbetet',
         ["Rad 18: punkten börjar med tankstrecket '—', inte med bindestrecket '-' (de är lätta att blanda ihop) — skriv '- ' (bindestreck och mellanslag) i stället för '—'"],
         GOOD),
    Slip('dash_without_space', '      - Utöka arbetet', '      -Utöka arbetet',
         ["Rad 18: efter '-' saknas ett mellanslag — skriv '- ' (bindestreck och mellanslag) före texten"],
         GOOD),
    Slip('bullet_without_space', '      - Utöka arbetet', '      •Utöka arbetet',
         ["Rad 18: punkten börjar med '•' — en punkt börjar med '- ' (bindestreck och mellanslag); skriv '- ' i stället för '•'"],
         GOOD),
    Slip('dash_and_bullet', '      - Utöka arbetet', '      - • Utöka arbetet',
         ["Rad 18: punkten börjar med '- •' — '- ' räcker; ta bort '•', annars syns det på bilden (eller blir en lista i listan)"],
         GOOD),
    Slip('two_dashes', '      - Utöka arbetet', '      - - Utöka arbetet',
         ["Rad 18: punkten börjar med '- -' — '- ' räcker; ta bort '-', annars syns det på bilden (eller blir en lista i listan)"],
         GOOD),
    Slip('bullet_inside_quotes', '      - Utöka arbetet med att stötta cirkulära lösningar hos näringslivet och offentlig sektor', '      - "• Utöka arbetet med att stötta cirkulära lösningar hos näringslivet och offentlig sektor"',
         ["Rad 18: punkten börjar med '- •' — '- ' räcker; ta bort '•', annars syns det på bilden (eller blir en lista i listan)"],
         ('      - Utöka arbetet med att stötta cirkulära lösningar hos näringslivet och offentlig sektor', '      - "Utöka arbetet med att stötta cirkulära lösningar hos näringslivet och offentlig sektor"')),
    Slip('wrapped_line', 'lösningar hos näringslivet', 'lösningar\n      hos näringslivet',
         ["Rad 19: raden fortsätter texten i punkten på rad 18 men står längre till vänster än texten — dra in den så att den står rakt under texten (8 mellanslag). Ska raden vara en egen punkt, skriv '- ' först i stället"],
         ('      - Utöka arbetet med att stötta cirkulära lösningar hos näringslivet och offentlig sektor', '      - Utöka arbetet med att stötta cirkulära lösningar\n        hos näringslivet och offentlig sektor')),
    Slip('wrapped_line_upper_case', 'lösningar hos näringslivet', 'lösningar\n      Hos näringslivet',
         ["Rad 19: punkten saknar '- ' i början — med '- ' blir raden en egen punkt. Hör raden i stället till punkten på rad 18, dra in den så att den står rakt under texten där (8 mellanslag)"],
         ('      - Utöka arbetet med att stötta cirkulära lösningar hos näringslivet och offentlig sektor', '      - Utöka arbetet med att stötta cirkulära lösningar\n      - Hos näringslivet och offentlig sektor')),
    Slip('dash_missing', '      - Utöka arbetet', '      Utöka arbetet',
         ["Rad 18: punkten saknar '- ' i början — med '- ' blir raden en egen punkt. Hör raden i stället till punkten på rad 17, dra in den så att den står rakt under texten där (8 mellanslag)"],
         GOOD),
    Slip('capital_line_read_into_the_point_above', '      - Hitta arenor att möta barn', '        Hitta arenor att möta barn',
         ["Rad 24: raden börjar med stor bokstav men läses som en fortsättning av punkten på rad 23 — ska den vara en egen punkt, skriv '- ' först (så här); hör den till punkten ovanför, skriv hela punkten på en rad"],
         GOOD),
    Slip('point_too_far_right', '      - Utöka arbetet', '        - Utöka arbetet',
         ["Rad 18: punkten är indragen för långt (8 mellanslag) och läses därför som en fortsättning på texten på rad 17 — den ska stå rakt under '- ' på rad 17 (6 mellanslag)"],
         GOOD),
    Slip('point_too_far_left', '      - Utöka arbetet', '    - Utöka arbetet',
         ["Rad 18: punkten är indragen för lite (4 mellanslag) — den ska stå rakt under '- ' på rad 17 (6 mellanslag)"],
         GOOD),
    Slip('tab_indentation', '      - Utöka arbetet', '\t\t\t- Utöka arbetet',
         ['Rad 18: raden är indragen med tabbtecken — använd mellanslag i stället (två per nivå, rakt under raden ovanför)'],
         GOOD),
    Slip('rubrik_without_space', '    rubrik: Utbildning', '    rubrik:Utbildning',
         ["Rad 21: efter 'rubrik:' saknas ett mellanslag — skriv 'rubrik: Utbildning'"],
         GOOD),
    Slip('group_rubrik_without_space', '  - rubrik: Nya energipolitiska mål', '  - rubrik:Nya energipolitiska mål',
         ["Rad 37: efter 'rubrik:' saknas ett mellanslag — skriv 'rubrik: Nya energipolitiska mål'"],
         GOOD),
    Slip('omrade_without_space', 'område: Energi och klimat', 'område:Energi och klimat',
         ["Rad 11: efter 'område:' saknas ett mellanslag — skriv 'område: Energi och klimat'"],
         GOOD),
    Slip('fokusomrade_without_space', 'fokusområde: "4.2"', 'fokusområde:"4.2"',
         ['Rad 20: efter \'fokusområde:\' saknas ett mellanslag — skriv \'fokusområde: "4.2"\''],
         GOOD),
    Slip('key_misspelt_utmaning', '\nutmaningar:', '\nutmaning:',
         ["Rad 32: okänd nyckel 'utmaning' — menade du 'utmaningar'?"],
         GOOD),
    Slip('key_without_aa', '- fokusområde: "4.2"', '- fokusomrade: "4.2"',
         ["Rad 20: okänd nyckel 'fokusomrade' — menade du 'fokusområde'?"],
         GOOD),
    Slip('fokus_name_for_number', 'fokusområde: "4.3"', 'fokusområde: Kompetensförsörjning',
         ['Rad 25: fokusområdet skrivs med sitt nummer i planen — \'Kompetensförsörjning\' är fokusområde 4.3 Kompetensförsörjning: skriv "4.3"'],
         GOOD),
    Slip('fokus_name_misspelt', 'fokusområde: "4.3"', 'fokusområde: Kompetensförsörjnig',
         ['Rad 25: fokusområdet skrivs med sitt nummer i planen — \'Kompetensförsörjnig\' är fokusområde 4.3 Kompetensförsörjning: skriv "4.3"'],
         GOOD),
    Slip('fokus_number_with_label', 'fokusområde: "4.3"', 'fokusområde: Fokusområde 4.3',
         ['Rad 25: fokusområdet skrivs med sitt nummer i planen — \'Fokusområde 4.3\' är fokusområde 4.3 Kompetensförsörjning: skriv "4.3"'],
         GOOD),
    Slip('fokus_number_unknown', 'fokusområde: "4.3"', 'fokusområde: "4.9"',
         ['Rad 25: fokusområde 4.9 finns inte i planen — välj ett av 4.1, 4.1.1, 4.1.2, 4.2, 4.3'],
         None),
    Slip('fokus_number_without_quotes', 'fokusområde: "4.1"', 'fokusområde: 4.1',
         ['Rad 14: fokusområdets nummer 4.1 står utan citattecken — det fungerar, men skriv det hellre inom citattecken ("4.1") som i exemplen: utan citattecken är 4.10 och 4.1 samma decimaltal för många program'],
         GOOD),
    Slip('colon_in_point', '      - Utöka arbetet med', '      - Utöka arbetet: med',
         ['Rad 18: ska vara en text, men raden läses som \'nyckel: värde\' — sätt texten inom citattecken ("…") om den innehåller \': \''],
         ('      - Utöka arbetet med att stötta cirkulära lösningar hos näringslivet och offentlig sektor',
          '      - "Utöka arbetet: med att stötta cirkulära lösningar hos näringslivet och offentlig sektor"')),
    Slip('colon_in_rubrik', 'rubrik: Utbildning', 'rubrik: Utbildning: barn och unga',
         ["Rad 21: texten innehåller ett kolon följt av mellanslag (': ') — sätt hela texten inom citattecken"],
         ('    rubrik: Utbildning', '    rubrik: "Utbildning: barn och unga"')),
    Slip('hash_in_point', '      - Hitta arenor att möta barn', '      - Hitta arenor att möta barn #2',
         ["Rad 24: texten efter ' #' läses inte: ' #' gör resten av raden till en kommentar, så '#2' kommer inte med i presentationen — sätt hela texten inom citattecken (är det en anteckning som inte ska synas, flytta den till en egen rad som börjar med #)"],
         ('      - Hitta arenor att möta barn', '      - "Hitta arenor att möta barn #2"')),
    Slip('hash_in_rubrik', '    rubrik: Utbildning', '    rubrik: Utbildning #skola',
         ["Rad 21: texten efter ' #' läses inte: ' #' gör resten av raden till en kommentar, så '#skola' kommer inte med i presentationen — sätt hela texten inom citattecken (är det en anteckning som inte ska synas, flytta den till en egen rad som börjar med #)"],
         ('    rubrik: Utbildning', '    rubrik: "Utbildning #skola"')),
    Slip('quote_never_closed', '    rubrik: Utbildning', '    rubrik: "Utbildning',
         ['Rad 21: ett citattecken öppnas men stängs aldrig, så raderna under läses som en del av texten — sätt ett likadant citattecken sist på raden'],
         ('    rubrik: Utbildning', '    rubrik: "Utbildning"')),
    Slip('quotes_then_more_text', '      - Hitta arenor att möta barn', '      - "Hitta arenor" att möta barn',
         ['Rad 24: texten börjar med ett citattecken, och då läses den bara fram till nästa citattecken — skriv citattecknen som ” ” (svenska citattecken), så blir de en del av texten'],
         ('      - Hitta arenor att möta barn', '      - ”Hitta arenor” att möta barn')),
    Slip('empty_point', '      - Hitta arenor att möta barn', '      -\n      - Hitta arenor att möta barn',
         ["Rad 24: punkten är tom (bara '-') — skriv texten efter '- ', eller ta bort raden"],
         None),
    Slip('empty_punkter', '    punkter:\n      - Påverka utbildningsanordnare att energiplanering får en större plats i utbudet.\n', '    punkter:\n',
         ["Rad 27: 'punkter:' är tom — skriv minst en punkt på en egen rad under, som börjar med '- ' (eller ta bort hela gruppen)"],
         None),
    Slip('duplicated_key', '    rubrik: Utbildning\n', '    rubrik: Utbildning\n    rubrik: Skola\n',
         ["Rad 22: nyckeln 'rubrik' finns redan på rad 21 — ta bort den ena (varje nyckel får bara finnas en gång)"],
         None),
    Slip('new_group_without_dash', '  - fokusområde: "4.2"', '    fokusområde: "4.2"',
         ["Rad 20: en ny grupp börjar här, men raden saknar '- ' — skriv '- ' före 'fokusområde:' (utan '- ' räknas raden till gruppen ovanför)"],
         GOOD),
    Slip('emptied_list_left', 'insatser:\n', 'insatser: []\n',
         ["Rad 13: 'insatser: []' betyder en tom lista, men raderna under fyller i listan — ta bort [] efter 'insatser:'"],
         GOOD),
    Slip('email_in_point', '      - Hitta arenor att möta barn', '      - Hitta arenor att möta barn, kontakt anna.svensson@example.se',
         ["Rad 24: texten innehåller en e-postadress (anna.svensson@example.se) — skriv en roll i stället, t.ex. 'planeringsansvarig' (personuppgifter hör inte hemma i planens offentliga dokument)"],
         None),
    Slip('phone_in_utmaning', '      - Internt', '      - Internt, ring 070-123 45 67',
         ["Rad 35: texten innehåller ett telefonnummer (070-123 45 67) — skriv en roll i stället, t.ex. 'planeringsansvarig' (personuppgifter hör inte hemma i planens offentliga dokument)"],
         None),
]


def suggested(broken: str, report) -> str:
    """The broken text with every suggested line written in, as the area chief would."""
    lines = broken.split("\n")
    for finding in report.findings:
        for no, text in finding.fix.items():
            lines[no - 1] = text
    return "\n".join(lines)


def test_the_table_has_the_slips_of_the_issue_and_at_least_30():
    ids = {slip.id for slip in SLIPS}
    assert len(SLIPS) >= 30
    assert {"tab_after_dash", "star", "wrapped_line", "group_rubrik_without_space", "rubrik_without_space", "bullet",
            "en_dash", "dash_without_space", "hash_in_point", "empty_point", "omrade_without_space",
            "fokus_name_misspelt"} <= ids


@pytest.mark.parametrize("slip", SLIPS, ids=[slip.id for slip in SLIPS])
def test_a_slip_is_said_plainly_and_its_repair_gives_the_intended_file(content: Path, slip: Slip):
    path = content / ENERGI
    good = path.read_text(encoding="utf-8")
    assert slip.old in good
    broken = good.replace(slip.old, slip.new, 1)
    path.write_text(broken, encoding="utf-8")
    report = check_area_file(path)
    said = [f"Rad {f.line}: {f.message}" if f.line else f"Filen: {f.message}"
            for f in sorted(report.findings, key=lambda f: f.line)]
    assert said == slip.messages
    repaired = suggested(broken, report)
    if slip.repaired is None:
        assert repaired == broken
        return
    expected = good if slip.repaired == GOOD else good.replace(*slip.repaired, 1)
    assert repaired == expected
    path.write_text(repaired, encoding="utf-8")
    assert check_area_file(path).ok


# ---------------------------------------------------------------- the safety rules

def reading_of(text: str):
    return Reader("omraden/x.yaml")(text)


GROUP = ("område: X\ninsatser:\n  - fokusområde: \"4.1\"\n    punkter:\n"
         "      - Samordna länets arbete med validering tillsammans med kommuner.\n{line}\n"
         "  - fokusområde: \"4.2\"\n    punkter:\n      - Utbilda handledare.\n")


def judged(before_text: str, line: int, new: str, kind: str = "indent", role: str | None = None) -> bool:
    before = reading_of(before_text)
    lines = split_lines(before_text)
    after_text = "\n".join(new if item.no == line else item.text for item in lines)
    return is_safe(before, reading_of(after_text), Repair(line, new, kind, role=role))


def test_a_repair_that_merges_two_points_is_refused():
    # The old repair of '-<tab>Text': the line above moved, and the tab line read into its point.
    text = GROUP.format(line="      -\tValidering av yrkeskunskaper.")
    assert not judged(text, 5, "    - Samordna länets arbete med validering tillsammans med kommuner.")
    assert not judged(text, 6, "        - Validering av yrkeskunskaper.")
    assert judged(text, 6, "      - Validering av yrkeskunskaper.", "marker")


def test_a_point_starting_with_a_star_is_never_aligned_into_the_point_above():
    text = GROUP.format(line="      * Validering av yrkeskunskaper.")
    assert not judged(text, 6, "        * Validering av yrkeskunskaper.")
    assert judged(text, 6, "      - Validering av yrkeskunskaper.", "marker")


def test_a_wrapped_line_becomes_a_new_point_only_when_the_repair_says_so():
    text = GROUP.format(line="      och arbetsförmedlingen.")
    assert not judged(text, 6, "      - och arbetsförmedlingen.", "dash")
    assert judged(text, 6, "      - och arbetsförmedlingen.", "dash", role=ITEM)
    assert judged(text, 6, "        och arbetsförmedlingen.", "cont")


def test_a_key_without_its_space_is_not_left_as_a_text():
    text = ("område: X\nutmaningar:\n  - rubrik: Kompetensbrist\n    punkter:\n      - Svårt att rekrytera.\n"
            "  - rubrik:Matchning\n    punkter:\n      - Låg kännedom.\n")
    # Making the next line a group of its own would leave 'rubrik:Matchning' a bullet: refused.
    assert not judged(text, 7, "  - punkter:", "dash")
    assert judged(text, 6, "  - rubrik: Matchning", "space")


def test_a_repair_that_loses_a_word_is_refused():
    text = GROUP.format(line="      - Validering av yrkeskunskaper.")
    assert not judged(text, 6, "      - Validering av.", "quote")
    assert not judged(text, 6, "      - Validering av # yrkeskunskaper.", "quote")


# ---------------------------------------------------------------- a file with more slips than one run repairs

def test_a_file_with_more_slips_than_the_rounds_says_so_and_does_not_call_it_readable(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    points = "".join(f"      * Punkt {n}.\n" for n in range(MAX_ROUNDS + 5))
    path = content / ENERGI
    path.write_text("område: Energi och klimat\ninsatser:\n  - fokusområde: \"4.1\"\n    punkter:\n" + points,
                    encoding="utf-8")
    report = check_area_file(path)
    said = [f.message for f in report.findings]
    assert said[-1] == (f"kontrollen har rättat {MAX_ROUNDS} saker i den här körningen och slutar här — gör "
                        "rättningarna ovan och kör kontrollen igen, så fortsätter den med resten")
    assert report.counts is None and not report.ok
    assert "Insatserna och utmaningarna räknas när felen ovan är rättade." in report.format()


# ---------------------------------------------------------------- slips in filling in the template

def uncomment(text: str, key: str, keep: str) -> str:
    """The template's example for `key` with '#' taken away (and `keep` left of '# ')."""
    lines = text.split("\n")
    start = lines.index(f"# {key}:")
    end = lines.index("#", start)
    lines[start:end] = [keep + line[2:] for line in lines[start:end]]
    return "\n".join(lines)


def test_an_example_uncommented_with_its_space_left_and_the_brackets_left_below(content: Path):
    assert CliRunner().invoke(cli, ["område", "ny", "Kultur", "--content", str(content)]).exit_code == 0
    path = content / "omraden" / "kultur.yaml"
    path.write_text(uncomment(path.read_text(encoding="utf-8"), "insatser", " "), encoding="utf-8")
    report = check_area_file(path)
    assert [f"Rad {f.line}: {f.message}" for f in report.findings if f.rule != "saknas"] == [
        "Rad 63: raden är indragen för långt (1 mellanslag) — den ska stå rakt under 'område' på rad 46 (0 mellanslag)",
        "Rad 75: 'insatser: []' står kvar från mallen, men 'insatser:' finns redan ovanför med dina rader — ta bort "
        "den här raden",
    ]
    assert [f.fix for f in report.findings][:2] == [{63: "insatser:"}, {}]
