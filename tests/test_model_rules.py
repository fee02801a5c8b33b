"""The small rules every content value goes through: källa tags, text clean-up, YAML scalars, numbers."""

from __future__ import annotations

import datetime
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from generator.messages import did_you_mean
from generator.model import Fokusomrade, Malvarde, OmradeFile, Reserv, Schablondel, Styrtal, Uppdrag
from generator.parse import parse_file, parse_text
from generator.problems import ContentError, Problem, Severity, format_key_path
from generator.kalla import Kalla, parse_kalla
from generator.sanitize import clean_text
from generator.yamlsrc import INVALID, YamlFloat, YamlProblem, load_yaml, read_yaml, read_yaml_text

# ---------------------------------------------------------------- källa

KALLA_FORMS = [
    # written in content            organ  förslag  år    ny     rendered
    ("DN 2025",                     "DN",  False,   2025, False, "DN 2025"),
    ("FM 2026",                     "FM",  False,   2026, False, "FM 2026"),
    ("Förslag DN 2026",             "DN",  True,    2026, False, "Förslag DN 2026"),
    ("Förslag till DN 2026",        "DN",  True,    2026, False, "Förslag DN 2026"),
    ("Förslag FM 2026",             "FM",  True,    2026, False, "Förslag FM 2026"),
    ("Från FM",                     "FM",  False,   None, False, "Från FM"),
    ("Från DN",                     "DN",  False,   None, False, "Från DN"),
    ("Ny målformulering 2026",      None,  True,    2026, True,  "Ny målformulering 2026"),
    ("DN2025",                      "DN",  False,   2025, False, "DN 2025"),
    ("(DN 2025)",                   "DN",  False,   2025, False, "DN 2025"),
    ("(Förslag till DN 2026)",      "DN",  True,    2026, False, "Förslag DN 2026"),
    ("dn 2025",                     "DN",  False,   2025, False, "DN 2025"),
    ("Förslag  till\u00a0DN 2026",  "DN",  True,    2026, False, "Förslag DN 2026"),
    ("  FM 2026\n",                 "FM",  False,   2026, False, "FM 2026"),
]


@pytest.mark.parametrize("raw, organ, forslag, ar, ny, shown", KALLA_FORMS, ids=[f[0] for f in KALLA_FORMS])
def test_every_accepted_kalla_form_is_parsed_and_rendered_one_way(raw, organ, forslag, ar, ny, shown):
    kalla = parse_kalla(raw)
    assert kalla == Kalla(organ=organ, forslag=forslag, ar=ar, ny_formulering=ny)
    assert str(kalla) == shown


def test_proposals_and_new_formulations_are_new_decided_items_are_not():
    assert parse_kalla("Förslag DN 2026").is_new
    assert parse_kalla("Ny målformulering 2026").is_new
    assert not parse_kalla("DN 2025").is_new
    assert not parse_kalla("Från FM").is_new


@pytest.mark.parametrize("raw, shown", [
    ("Förlag DN 2026", "Förlag DN 2026"),  # the reference's typo is not silently accepted
    ("Beslut 2025", "Beslut 2025"),
    ("DN", "DN"),
    ("Från FM 2025", "Från FM 2025"),
    ("(KS 2025)", "KS 2025"),
])
def test_unknown_kalla_lists_the_accepted_forms(raw, shown):
    with pytest.raises(ValueError) as err:
        parse_kalla(raw)
    assert str(err.value) == (
        f"okänd källa '{shown}' — skriv en av formerna: DN 2025, FM 2026, Förslag DN 2026, Från FM, "
        "Ny målformulering 2026 (med rätt årtal)")


def test_kalla_year_out_of_range_is_refused():
    with pytest.raises(ValueError) as err:
        parse_kalla("DN 1925")
    assert str(err.value) == "årtalet 1925 i källan 'DN 1925' är orimligt — skriv ett årtal som 2026"


def test_kalla_in_a_model_must_be_text():
    with pytest.raises(ValidationError) as err:
        Uppdrag.model_validate({"nr": 27, "text": "Att x.", "källa": 2025})
    assert err.value.errors()[0]["ctx"]["error"].args[0] == (
        "källan ska vara en text, t.ex. \"DN 2025\" eller \"Förslag DN 2026\"")


# ---------------------------------------------------------------- clean_text

@pytest.mark.parametrize("raw, clean", [
    ("a\x07b", "ab"),                                 # bell removed
    ("a\x00b\x1bc\x7fd\x9fe", "abcde"),               # NUL, ESC, DEL, C1 removed
    ("rad\x0bny rad", "rad ny rad"),                  # PowerPoint's line break becomes a space
    ("ett\ntvå\r\ntre\tfyra", "ett två tre fyra"),    # line breaks and tabs fold to single spaces
    ("a\u2028b\u2029c\x85d", "a b c d"),              # Unicode line separators too
    ("  många    mellanslag  ", "många mellanslag"),
    ("x\ud800y", "x\ufffdy"),                         # lone surrogate -> replacement character
    ("\ud83d\ude00", "\U0001F600"),                   # surrogate pair joined into its emoji
    ("16\u00a0503 kr", "16\u00a0503 kr"),             # no-break space kept
    ("16\u202f503", "16\u202f503"),                   # narrow no-break space kept
    ("a\ufffeb\uffffc", "abc"),                       # XML cannot carry these
    ("{{ 7*7 }} {% raw %}", "{{ 7*7 }} {% raw %}"),   # template syntax is just text
    ("🙂 " + "ö" * 300, "🙂 " + "ö" * 300),           # emoji and very long words kept
])
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


def test_text_field_cleans_and_refuses_empty_text():
    assert Styrtal.model_validate({"text": " Antal\x0bgästnätter\x07 "}).text == "Antal gästnätter"
    with pytest.raises(ValidationError) as err:
        Styrtal.model_validate({"text": "\x07 \n"})
    assert err.value.errors()[0]["ctx"]["error"].args[0] == "texten är tom — skriv en text eller ta bort raden"


def test_text_field_refuses_more_than_2000_characters():
    with pytest.raises(ValidationError) as err:
        Styrtal.model_validate({"text": "x" * 2001})
    assert err.value.errors()[0]["ctx"]["error"].args[0] == "texten är 2001 tecken lång — högst 2000 tecken får plats"


# ---------------------------------------------------------------- YAML scalars

def yaml_value(tmp_path: Path, text: str):
    path = tmp_path / "v.yaml"
    path.write_text(f"v: {text}\n", encoding="utf-8")
    return load_yaml(path).data["v"]


def test_yaml_float_keeps_how_it_was_written(tmp_path):
    value = yaml_value(tmp_path, "4.10")
    assert isinstance(value, YamlFloat) and value == 4.1 and value.raw == "4.10"
    assert Fokusomrade.model_validate({"nr": value, "namn": "x", "mål": {"text": "y"}}).nr == "4.10"
    assert Styrtal.model_validate({"text": value}).text == "4.10"
    assert Reserv.model_validate({"namn": "x", "mnkr": value}).mnkr.as_tuple() == Decimal("4.10").as_tuple()


@pytest.mark.parametrize("written, value", [
    ("no", "no"), ("yes", "yes"), ("No", "No"), ("on", "on"), ("off", "off"), ("y", "y"), ("n", "n"),
    ("10:30", "10:30"),           # YAML 1.1 would read 630 (sexagesimal)
    ("0o17", "0o17"), ("0x1F", "0x1F"), ("1_000", "1_000"), ("017", "017"),
    (".inf", ".inf"), ("1e3", "1e3"),
    ("true", True), ("False", False), ("~", None), ("null", None), ("", None),
    ("27", 27), ("-3", -3),
    ("2025-9-3", datetime.date(2025, 9, 3)),
    ('"2025-09-29"', "2025-09-29"), ("'4.1'", "4.1"), ("!!str 27", "27"),
])
def test_only_yaml_1_2_booleans_and_plain_decimal_numbers_are_typed(tmp_path, written, value):
    result = yaml_value(tmp_path, written)
    assert result == value and type(result) is type(value)


@pytest.mark.parametrize("written, number", [
    ("151.3", "151.3"), ('"151,3"', "151.3"), ("151,3", "151.3"),
    ('"16 503"', "16503"), ("16 503", "16503"), ('"16\u00a0503"', "16503"),
    ('"−2,4"', "-2.4"), ("-2.4", "-2.4"), ("3.0", "3.0"), ("16503", "16503"),
])
def test_numbers_accept_decimal_comma_and_spaces(tmp_path, written, number):
    value = yaml_value(tmp_path, written)
    assert Reserv.model_validate({"namn": "x", "mnkr": value}).mnkr == Decimal(number)


@pytest.mark.parametrize("written, message", [
    ('"151.3.1"', "'151.3.1' är inte ett tal — skriv t.ex. 151,3 eller 16 503"),
    ('"NaN"', "'NaN' är inte ett rimligt tal"),
    ('"inf"', "'inf' är inte ett rimligt tal"),
    ("true", "ska vara ett tal, t.ex. 151,3"),
    ("[1, 2]", "ska vara ett tal, t.ex. 151,3"),
])
def test_numbers_refuse_what_is_not_a_number(tmp_path, written, message):
    with pytest.raises(ValidationError) as err:
        Schablondel.model_validate({"namn": "x", "kr_per_åa": yaml_value(tmp_path, written)})
    assert err.value.errors()[0]["ctx"]["error"].args[0] == message


def test_malvarde_keeps_a_falling_range_as_written():
    # "Mål 6,3-6,1%" for a styrtal that ska minska: från > till is meant.
    target = Malvarde.model_validate({"från": YamlFloat(6.3, "6.3"), "till": YamlFloat(6.1, "6.1")})
    assert (target.fran, target.till) == (Decimal("6.3"), Decimal("6.1"))


# ---------------------------------------------------------------- reading files

def test_load_yaml_raises_the_first_problem_with_its_place(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\nb:\n  c: 2\n  c: 3\n", encoding="utf-8")
    with pytest.raises(YamlProblem) as err:
        load_yaml(path)
    assert (err.value.line, err.value.column, err.value.path) == (4, 3, "b.c")
    assert err.value.message == "nyckeln 'c' finns redan på rad 3 — ta bort den ena (varje nyckel får bara finnas en gång)"


def test_read_yaml_collects_every_problem_in_a_file_and_keeps_the_rest(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(
        "a: 2025-02-30\n"
        "b: !!binary aGVq\n"
        "c: ok\n"
        "c: igen\n"
        "d: !!int tjugo\n"
        "e: [1, !!set {x}]\n",
        encoding="utf-8")
    doc = read_yaml(path)
    assert doc.readable
    assert [(p.line, p.column, p.path, p.message) for p in doc.problems] == [
        (1, 1, "a", "datumet 2025-02-30 finns inte i kalendern — skriv ett riktigt datum (ÅÅÅÅ-MM-DD)"),
        (2, 1, "b", "taggen !!binary är inte tillåten — skriv värdet utan '!'-tagg"),
        (4, 1, "c", "nyckeln 'c' finns redan på rad 3 — ta bort den ena (varje nyckel får bara finnas en gång)"),
        (5, 1, "d", "'tjugo' passar inte taggen !!int — ta bort taggen"),
        (6, 8, "e[2]", "taggen !!set är inte tillåten — skriv värdet utan '!'-tagg"),
    ]
    assert doc.data == {"a": INVALID, "b": INVALID, "c": "ok", "d": INVALID, "e": [1, INVALID]}


def test_positions_are_kept_for_keys_and_values(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("# kommentar\nlista:\n  - namn: A\n    värde: 1\n  - {namn: B, värde: 2}\n", encoding="utf-8")
    doc = load_yaml(path)
    assert doc.pos(("lista", 0, "värde")) == (4, 5)
    assert doc.pos(("lista", 1, "värde")) == (5, 15)
    assert doc.pos(("lista", 1, "saknas")) == (5, 5)  # the deepest part that exists
    assert doc.pos(("finns_inte",)) == (2, 1)


def test_a_key_that_is_a_mapping_is_refused_with_advice(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("text: {{ 7*7 }}\n", encoding="utf-8")
    doc = read_yaml(path)
    assert [(p.line, p.column, p.path, p.message) for p in doc.problems] == [
        (1, 1, "text", "en nyckel måste vara ett ord, inte en lista eller en grupp — börjar en text med { eller [, "
               "sätt den inom citattecken")]


def test_nul_bytes_are_refused(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a: 1\nb: x\x00y\n")
    doc = read_yaml(path)
    assert not doc.readable
    assert [(p.line, p.column, p.message) for p in doc.problems] == [
        (2, 5, "filen innehåller nolltecken och är ingen textfil (eller är sparad som UTF-16) — "
               "spara om den som UTF-8-text")]


@pytest.mark.parametrize("raw, says", [
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "filen är ett Word-dokument eller en annan zip-fil, inte en textfil"),
    (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}omr\\'e5de: V\\'e4lf\\'e4rd}", "filen är sparad som RTF (WordPad eller Word)"),
])
def test_word_and_rtf_files_are_named_as_such(tmp_path, raw: bytes, says: str):
    path = tmp_path / "omrade.yaml"
    path.write_bytes(raw)
    [problem] = read_yaml(path).problems
    assert (problem.line, problem.column) == (1, 1) and problem.message.startswith(says)


@pytest.mark.parametrize("text, says", [
    ('a: "Rapporten finns på G:\\nya planer."\n', 'i en text inom "…" läses \\n som en radbrytning'),
    ('a: "Vi\\behöver mer."\n', 'i en text inom "…" läses \\b som ett backsteg'),
    ('a: "Mappen C:\\Users\\rapport."\n', 'YAML-fel: ett omvänt snedstreck (\\) i en text inom "…"'),
])
def test_a_backslash_in_double_quotes_that_would_change_the_words_is_refused(text: str, says: str):
    """YAML reads \\n in "…" as a line break and \\b as a backspace: the words would silently change."""
    [problem] = read_yaml_text(text, "t.yaml").problems
    assert problem.line == 1 and problem.message.startswith(says)
    assert problem.message.endswith("skriv texten inom enkla citattecken ('…'), eller \\\\ för varje snedstreck")


def test_escapes_that_only_write_characters_are_read():
    assert read_yaml_text('a: "Bra \\u00e5 \\"x\\" \\\\ ok"\n', "t").data == {"a": 'Bra å "x" \\ ok'}
    assert read_yaml_text("a: 'G:\\nya'\n", "t").data == {"a": "G:\\nya"}


def test_decomposed_letters_are_read_composed(tmp_path):
    """A file saved on a Mac may spell å, ä, ö as a letter and a combining mark: the keys are still the keys."""
    path = tmp_path / "x.yaml"
    path.write_text(unicodedata.normalize("NFD", "område: Välfärd och folkhälsa\n"), encoding="utf-8")
    assert read_yaml(path).data == {"område": "Välfärd och folkhälsa"}


def test_latin1_column_counts_characters_not_bytes(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes("å: ö ".encode("utf-8") + "ä".encode("latin-1") + b"\n")
    assert [(p.line, p.column) for p in read_yaml(path).problems] == [(1, 6)]


# ---------------------------------------------------------------- problems

def test_problem_format_with_and_without_line_and_key_path():
    assert Problem("content/plan.yaml", 3, 5, "tidplan[2].datum", "fel datum").format() == (
        "content/plan.yaml:3:5: fel: tidplan[2].datum: fel datum")
    assert Problem("content/plan.yaml", 0, 0, "", "filen saknas", Severity.WARNING).format() == (
        "content/plan.yaml: varning: filen saknas")


def test_problem_format_shows_control_characters_and_surrogates_escaped():
    problem = Problem("f.yaml", 1, 1, "", "okänd nyckel 'a\x1b[31mb\ud800'")
    assert problem.format() == "f.yaml:1:1: fel: okänd nyckel 'a\\x1b[31mb\\ud800'"


def test_content_error_lists_errors_before_warnings():
    warning = Problem("a.yaml", 1, 1, "", "w", Severity.WARNING)
    error = Problem("b.yaml", 9, 1, "", "e")
    assert ContentError([warning, error]).problems == [error, warning]


def test_key_paths_count_from_one():
    assert format_key_path(("målsättningar", 3, "styrtal", 0, "text")) == "målsättningar[4].styrtal[1].text"


@pytest.mark.parametrize("typed, meant", [
    ("fokusomrade", "fokusområde"), ("Fokusområde", "fokusområde"), ("källan", "källa"),
    ("kalla", "källa"), ("utmaning", "utmaningar"), ("zzz", None),
])
def test_did_you_mean(typed, meant):
    assert did_you_mean(typed, ["fokusområde", "källa", "utmaningar", "insatser", "område"]) == meant


def test_a_bad_key_at_the_top_does_not_hide_the_files_other_problems(content):
    from generator.parse import parse_file
    from generator.model import InternkontrollFile

    path = content / "internkontroll.yaml"
    path.write_text("!!python/name:os.system x: 1\nrisker: []\n", encoding="utf-8")
    value, _doc, problems = parse_file(path, InternkontrollFile, content)
    assert value is None
    assert [p.format() for p in problems] == [
        "content/internkontroll.yaml:1:1: fel: taggen !!python/name:os.system är inte tillåten — skriv nyckeln utan '!'-tagg",
        "content/internkontroll.yaml:2:1: fel: risker: listan är tom — lägg till minst en punkt",
    ]


@pytest.mark.parametrize("text, line, column, message", [
    ("a: b: c\n", 1, 5, "ett kolon står där det inte kan stå — sätt texten inom citattecken (\"…\") om den innehåller ': '"),
    ("a: \"Digitalt först\" och mer\n", 1, 21,
     "text efter ett avslutande citattecken — sätt hela texten inom citattecken, eller ta bort dem"),
    ("a: 1\nb\nc: 2\n", 3, 1, "en rad saknar kolon efter nyckeln, eller så är indragningen fel"),
    ("a:\n  - b\n  c: 1\n", 3, 3, "en lista och en nyckel står på samma indragning — dra in nyckeln eller börja raden med '- '"),
    ("a: 'öppen\n", 1, 4, "ett citattecken öppnas men stängs aldrig"),
    ("a: @rubrik\n", 1, 4, "ett tecken (t.ex. @, ` eller %) kan inte inleda en text — sätt texten inom citattecken"),
    ("a: *saknas\n", 1, 4, "en hänvisning med * pekar på ett ankare (&) som inte finns"),
    ("a: [1, 2\n", 1, 4, "en [ eller { öppnas men stängs aldrig — sätt texten inom citattecken"),
    ("a: \"C:\\Gemensamt\"\n", 1, 8, "ett omvänt snedstreck (\\) i en text inom \"…\" — skriv texten inom enkla citattecken "
                               "('…'), eller \\\\ för varje snedstreck"),
    ("a: 1\n---\nb: 2\n", 2, 1, "filen innehåller flera dokument (---) — använd ett"),
    ("a: | text\n", 1, 6, "efter | eller > ska texten börja på nästa rad, indragen"),
    ("a: - b\n", 1, 4, "ett '- ' står där en lista inte kan börja — börja listan på en ny rad, eller sätt texten inom citattecken"),
])
def test_yaml_syntax_errors_are_explained_in_swedish(tmp_path, text, line, column, message):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    doc = read_yaml(path)
    assert not doc.readable
    assert [(p.line, p.column, p.message) for p in doc.problems] == [(line, column, "YAML-fel: " + message)]


def test_a_text_in_memory_reads_as_the_same_file_would(tmp_path):
    text = "område: X\r\ninsatser:\n  - fokusområde: 4.10\n    punkter: [a, b]\n"
    path = tmp_path / "x.yaml"
    path.write_bytes(text.encode("utf-8"))
    doc, in_memory = read_yaml(path), read_yaml_text(text, "x.yaml")
    assert (in_memory.data, in_memory.value_pos, in_memory.key_pos) == (doc.data, doc.value_pos, doc.key_pos)
    assert in_memory.data["insatser"][0]["fokusområde"].raw == "4.10"
    from_file, from_text = parse_file(path, OmradeFile, tmp_path), parse_text(text, OmradeFile, "x.yaml")
    assert from_text[0] == from_file[0] and from_text[2] == from_file[2] == []
    assert read_yaml_text("a: 1\x00\n", "t").problems[0].message == "texten innehåller nolltecken — ta bort dem"


@pytest.mark.parametrize("text, line, message", [
    ("a:\n  -\tx\n", 2, "YAML-fel: ett tabbtecken står där det inte får stå (t.ex. efter '-') — använd mellanslag"),
    ("# förklaring\nområde:X\n\n# förklaring\ninsatser: []\n", 5,
     "YAML-fel: raden ovanför läses som en ensam text, inte som 'nyckel: värde' — saknas mellanslaget efter kolonet "
     "(t.ex. 'område: Namn')?"),
])
def test_syntax_errors_are_said_for_what_people_type(text: str, line: int, message: str):
    problem = read_yaml_text(text, "t").problems[0]
    assert (problem.line, problem.message) == (line, message)


def test_a_problem_said_without_key_path_notation():
    problem = Problem("content/plan.yaml", 40, 5, "tidplan[4].datum", "datumet finns inte")
    assert problem.plain() == "content/plan.yaml, rad 40: tidplan nr 4, datum: datumet finns inte"
    assert Problem("content/plan.yaml", 0, 0, "", "filen saknas").plain() == "content/plan.yaml: filen saknas"
