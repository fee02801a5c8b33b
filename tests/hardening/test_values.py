"""Values the schema refuses: a wrong type at every typed field, absurd money, dates that do not
exist, duplicate uppdrag numbers — and sizes it must accept: an area with 0 insatser, 500 insatser.

The wrong-type table is generated from the models: for every field of every content model, the
first place the sample uses it (or, when the sample never does, a new line in the first mapping of
that model) gets a value of the wrong kind, and the build must name that file, line and key path.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator import model as m
from generator.problems import format_key_path
from generator.yamlsrc import read_yaml

from ..conftest import SAMPLE, overflow_findings
from .support import (AREA, DOCUMENTS, STOPPED, Case, all_texts, area_with, assert_refused, build, edit,
                      error_lines, leftovers, write)

C = "content/"

# ---------------------------------------------------------------- the generated wrong-type table

# The validator behind a field -> (a value of the wrong kind, the message the build prints).
BY_VALIDATOR = {
    m._text: ("[en, lista]", "ska vara en text, inte en lista — skriv texten på samma rad som nyckeln"),
    m._kalla: ("[DN, 2025]", "källan ska vara en text, t.ex. \"DN 2025\" eller \"Förslag DN 2026\""),
    m.parse_number: ("mycket", "'mycket' är inte ett tal — skriv t.ex. 151,3 eller 16 503"),
    m._nr: ("[4, 1]", "ska vara ett nummer som \"4.1\" eller \"4.1.1\""),
    m._integer: ("tjugo", "'tjugo' är inget heltal — skriv ett heltal, t.ex. 27"),
    m._date: ("igår", "'igår' är inget datum — skriv datumet ÅÅÅÅ-MM-DD, t.ex. 2025-09-29"),
    m._flag: ("kanske", "ska vara true eller false"),
    m._riktning: ("uppåt", "'uppåt' är inte tillåtet här — skriv öka eller minska"),
}
PLAIN_TEXT = ("[en, lista]", "ska vara en text")
A_LIST = ("en text", "ska vara en lista — en rad per punkt som börjar med '- '")
A_GROUP = ("en text", "ska vara en grupp av nycklar (nyckel: värde), inte en text eller lista")


def _parts(annotation) -> tuple[object, list]:
    """The type behind Optional/Annotated, and every validator function found on the way."""
    funcs = []
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            base, *meta = typing.get_args(annotation)
            funcs += [getattr(x, "func", None) for x in meta]
            annotation = base
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation, funcs


def wrong_value(field) -> tuple[str, str]:
    base, funcs = _parts(field.annotation)
    funcs += [getattr(x, "func", None) for x in field.metadata]
    for func in funcs:
        if func in BY_VALIDATOR:
            return BY_VALIDATOR[func]
    origin = typing.get_origin(base)
    if origin is list:
        return A_LIST
    if origin is dict or (isinstance(base, type) and issubclass(base, BaseModel)):
        return A_GROUP
    if base is str:
        return PLAIN_TEXT
    return ("[en, lista]", f"<ingen fel typ känd för {field} — lägg till dess validerare i BY_VALIDATOR>")


def _child_model(field) -> type[BaseModel] | None:
    base, _ = _parts(field.annotation)
    if typing.get_origin(base) in (list, dict):
        base, _ = _parts(typing.get_args(base)[-1])
    return base if isinstance(base, type) and issubclass(base, BaseModel) else None


@dataclass
class Spot:
    """Where one field of one model gets its wrong value."""

    file: str  # relative to the content folder
    model: str
    alias: str
    loc: tuple
    wrong: str
    message: str
    present: bool  # the sample has the key there (replace it) or not (insert it)
    parent_first_key: tuple | None = None


def spots() -> list[Spot]:
    files = {**{name: model for name, model in m.CONTENT_FILES.items()}, AREA: m.OmradeFile}
    found: dict[tuple[str, str], Spot] = {}
    for name, root_model in files.items():
        doc = read_yaml(SAMPLE / name, SAMPLE)

        def walk(model: type[BaseModel], data: dict, loc: tuple) -> None:
            first_key = next((loc + (key,) for key in data), None)
            for field_name, field in model.model_fields.items():
                alias = field.alias or field_name
                key = (model.__name__, alias)
                wrong, message = wrong_value(field)
                if alias in data and (key not in found or not found[key].present):
                    found[key] = Spot(name, model.__name__, alias, loc + (alias,), wrong, message, True)
                elif alias not in data and key not in found:
                    found[key] = Spot(name, model.__name__, alias, loc + (alias,), wrong, message, False, first_key)
                child = _child_model(field)
                value = data.get(alias)
                if child is None or value is None:
                    continue
                if isinstance(value, list):
                    for i, item in enumerate(value):
                        if isinstance(item, dict):
                            walk(child, item, loc + (alias, i))
                elif isinstance(value, dict) and typing.get_origin(_parts(field.annotation)[0]) is dict:
                    for k, item in value.items():
                        if isinstance(item, dict):
                            walk(child, item, loc + (alias, k))
                elif isinstance(value, dict):
                    walk(child, value, loc + (alias,))

        walk(root_model, doc.data, ())
    return [spot for spot in found.values() if spot.present or spot.parent_first_key is not None]


def _block_end(lines: list[str], index: int, indent: int) -> int:
    """The line after the block that starts at lines[index] (deeper-indented lines belong to it)."""
    end = index + 1
    while end < len(lines):
        line = lines[end]
        stripped = line.lstrip(" ")
        if stripped and not stripped.startswith("#") and len(line) - len(stripped) <= indent:
            break
        end += 1
    while end > index + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def apply(spot: Spot, content: Path) -> tuple[int, int]:
    """Put the wrong value in the file; the (line, column) the message must name."""
    path = content / spot.file
    doc = read_yaml(path, content)
    lines = path.read_text(encoding="utf-8").split("\n")
    anchor = spot.loc if spot.present else spot.parent_first_key
    line, col = doc.key_pos[anchor]
    text = lines[line - 1]
    if "{" in text[: col - 1]:  # a one-line {key: value, …} mapping: edit inside the braces
        if spot.present:
            start = col - 1 + len(spot.alias) + 1
            stop = min(i for i in (text.find(",", start), text.find("}", start)) if i >= 0)
            lines[line - 1] = text[:start] + " " + spot.wrong + text[stop:]
        else:
            lines[line - 1] = text[: col - 1] + f"{spot.alias}: {spot.wrong}, " + text[col - 1:]
        path.write_text("\n".join(lines), encoding="utf-8")
        return line, col
    end = _block_end(lines, line - 1, col - 1)
    new = f"{spot.alias}: {spot.wrong}"
    if spot.present:
        lines[line - 1: end] = [text[: col - 1] + new]
        where = (line, col)
    else:
        lines[end:end] = [" " * (col - 1) + new]
        where = (end + 1, col)
    path.write_text("\n".join(lines), encoding="utf-8")
    return where


SPOTS = spots()


def test_the_type_table_covers_every_typed_field_of_every_model():
    models = [*m.CONTENT_FILES.values(), m.OmradeFile]
    seen, todo = set(), list(models)
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        todo += [c for c in (_child_model(f) for f in model.model_fields.values()) if c is not None]
    every = {(model.__name__, f.alias or n) for model in seen for n, f in model.model_fields.items()}
    covered = {(s.model, s.alias) for s in SPOTS}
    assert covered == every, sorted(every - covered)
    assert len(SPOTS) >= 60


@pytest.mark.parametrize("spot", SPOTS, ids=[f"{s.model}.{s.alias}" for s in SPOTS])
def test_wrong_type_names_file_line_and_key(spot: Spot, content: Path, previous):
    out, before = previous
    line, col = apply(spot, content)
    result = build(content, out)
    expected = f"{C}{spot.file}:{line}:{col}: fel: {format_key_path(spot.loc)}: {spot.message}"
    assert error_lines(result.stderr) == [expected]
    assert_refused(result, out, before, content, [expected, STOPPED])


# ---------------------------------------------------------------- money, dates, numbers

EKO = "ekonomi.yaml"
CASES = [
    Case("negative_ramanslag",
         edit(EKO, "ramanslag_föregående_mnkr: 146.8", "ramanslag_föregående_mnkr: -146.8"),
         [C + EKO + ":16:3: fel: förutsättningar.ramanslag_föregående_mnkr: -146.8 är för litet — "
          "minsta tillåtna värde är 0"]),
    Case("negative_kronor_per_arsarbetare",
         edit(EKO, "kr_per_åa: 2665", "kr_per_åa: -2665"),
         [C + EKO + ":32:38: fel: resursfördelningsmodell.schablon[2].kr_per_åa: -2665 är för litet — "
          "minsta tillåtna värde är 0"]),
    Case("amount_of_two_thousand_billion",
         edit(EKO, "uppräkning_mnkr: 4.6", "uppräkning_mnkr: 2000000000000"),
         [C + EKO + ":15:3: fel: förutsättningar.uppräkning_mnkr: '2000000000000' är inte ett rimligt tal"]),
    Case("amount_below_minus_a_million",
         edit(EKO, "uppräkning_mnkr: 4.6", "uppräkning_mnkr: -1 500 000"),
         [C + EKO + ":15:3: fel: förutsättningar.uppräkning_mnkr: -1 500 000 är för litet — "
          "minsta tillåtna värde är -1 000 000"]),
    Case("not_a_number",
         edit(EKO, "uppräkning_mnkr: 4.6", "uppräkning_mnkr: .nan"),
         [C + EKO + ":15:3: fel: förutsättningar.uppräkning_mnkr: '.nan' är inte ett tal — "
          "skriv t.ex. 151,3 eller 16 503"]),
    Case("infinity",
         edit(EKO, "uppräkning_mnkr: 4.6", "uppräkning_mnkr: .inf"),
         [C + EKO + ":15:3: fel: förutsättningar.uppräkning_mnkr: '.inf' är inte ett tal — "
          "skriv t.ex. 151,3 eller 16 503"]),
    Case("float_overflow",
         edit(EKO, "uppräkning_mnkr: 4.6", "uppräkning_mnkr: 1.0e400"),
         [C + EKO + ":15:3: fel: förutsättningar.uppräkning_mnkr: '1.0e400' är inte ett rimligt tal"]),
    Case("percent_of_five_thousand",
         edit(EKO, "index_procent: 3.1", "index_procent: 5000"),
         [C + EKO + ":14:3: fel: förutsättningar.index_procent: 5000 är för stort — största tillåtna värde är 1000"]),
    Case("integer_with_a_thousand_digits",
         edit("plan.yaml", "planår: 2026", "planår: " + "9" * 1000),
         [C + "plan.yaml:16:1: fel: planår: " + "9" * 1000 + " är för stort — största tillåtna värde är 2100"]),
    Case("year_zero",
         edit("plan.yaml", "planår: 2026", "planår: 0"),
         [C + "plan.yaml:16:1: fel: planår: 0 är för litet — minsta tillåtna värde är 2000"]),
    Case("february_30th",
         edit("plan.yaml", "  - datum: 2025-09-04\n", "  - datum: 2025-02-30\n"),
         [C + "plan.yaml:37:5: fel: tidplan[2].datum: datumet 2025-02-30 finns inte i kalendern — "
          "skriv ett riktigt datum (ÅÅÅÅ-MM-DD)"]),
    Case("february_29th_in_a_common_year_quoted",
         edit("anvisningar.yaml", "deadline: 2025-08-10", "deadline: \"2025-02-29\""),
         [C + "anvisningar.yaml:27:1: fel: deadline: datumet 2025-02-29 finns inte i kalendern — "
          "skriv ett riktigt datum (ÅÅÅÅ-MM-DD)"]),
    Case("month_13",
         edit(EKO, "beslutsdatum: 2025-06-17", "beslutsdatum: 2025-13-01"),
         [C + EKO + ":13:3: fel: förutsättningar.beslutsdatum: datumet 2025-13-01 finns inte i kalendern — "
          "skriv ett riktigt datum (ÅÅÅÅ-MM-DD)"]),
    Case("date_with_a_time",
         edit("anvisningar.yaml", "deadline: 2025-08-10", "deadline: 2025-08-10 12:00"),
         [C + "anvisningar.yaml:27:1: fel: deadline: '2025-08-10 12:00' är inget datum — "
          "skriv datumet ÅÅÅÅ-MM-DD, t.ex. 2025-09-29"]),
    Case("duplicate_uppdrag_number_across_files",
         edit("gemensamma.yaml", "nr: 50", "nr: 27"),
         [C + "gemensamma.yaml:17:9: fel: gemensamma[1].uppdrag[1].nr: uppdrag nr 27 finns redan "
          "(content/malsattningar.yaml:63) — varje uppdrag har ett eget nummer"]),
    Case("duplicate_uppdrag_number_in_one_file",
         edit("malsattningar.yaml", "nr: 32", "nr: 27"),
         [C + "malsattningar.yaml:126:15: fel: målsättningar[4].fokusområden[2].uppdrag.nämnd[1].nr: uppdrag nr 27 "
          "finns redan (content/malsattningar.yaml:63) — varje uppdrag har ett eget nummer"]),
    Case("uppdrag_number_zero",
         edit("gemensamma.yaml", "nr: 50", "nr: 0"),
         [C + "gemensamma.yaml:17:9: fel: gemensamma[1].uppdrag[1].nr: 0 är för litet — minsta tillåtna värde är 1"]),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_absurd_values_stop_the_build(case: Case, content: Path, previous):
    out, before = previous
    case.breaks(content)
    result = build(content, out)
    assert error_lines(result.stderr) == case.lines
    assert_refused(result, out, before, content, case.lines + [STOPPED])


def test_a_leap_day_is_a_date(content: Path, tmp_path: Path):
    edit("anvisningar.yaml", "deadline: 2025-08-10", "deadline: 2024-02-29")(content)
    result = build(content, tmp_path / "ut")
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------- sizes that must build

def test_area_with_zero_insatser_builds_and_says_what_is_missing(content: Path, tmp_path: Path):
    write(AREA, area_with([], utmaningar=0))(content)
    out = tmp_path / "ut"
    result = build(content, out)
    assert result.exit_code == 0, result.output
    assert (f"{C}{AREA}:2:1: varning: insatser: området har 0 insatser — minst 3 behövs (se anvisningarna); "
            "lägg till fler punkter under 'insatser:'") in result.stderr.splitlines()
    texts = all_texts(out)
    assert "Energi och klimat: underlag saknas" in texts["deck"]
    assert "Insatser: 0 av minst 3." in texts["deck"]
    assert "Energi och klimat har lämnat 0 insatser av minst 3 (omraden/energi-och-klimat.yaml)." in texts["plan"]
    assert leftovers(out, content) == []


def test_area_with_zero_insatser_is_refused_by_strict_and_final(content: Path, previous):
    out, before = previous
    write(AREA, area_with([], utmaningar=0))(content)
    for option in ("--strict", "--final"):
        result = build(content, out, option)
        assert_refused(result, out, before, content, [
            f"{C}{AREA}:2:1: varning: insatser: området har 0 insatser — minst 3 behövs (se anvisningarna); "
            "lägg till fler punkter under 'insatser:'"])


FIVE_HUNDRED = [f"Insats {n:03d}: stärka samverkan med kommunerna kring energiplanering och klimat" for n in range(500)]


@pytest.fixture(scope="module")
def five_hundred(tmp_path_factory) -> Path:
    """The sample with one area of 500 insatser, built once for this module."""
    import shutil

    root = tmp_path_factory.mktemp("femhundra")
    shutil.copytree(SAMPLE, root / "content")
    write(AREA, area_with(FIVE_HUNDRED))(root / "content")
    result = build(root / "content", root / "ut")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return root / "ut"


def test_500_insatser_build_and_every_one_is_in_the_deck_and_the_plan(five_hundred: Path):
    texts = all_texts(five_hundred)
    for where in ("deck", "plan"):
        shown = set(texts[where])
        missing = [text for text in FIVE_HUNDRED if text not in shown]
        assert missing == [], f"{where}: {missing[:3]}"


def test_500_insatser_continue_on_forts_slides_that_fit(five_hundred: Path):
    """One LibreOffice run: every text box of the deck fits (../shared/tools/overflow_check.py)."""
    from pptx import Presentation

    deck = five_hundred / DOCUMENTS[0]
    titles = [slide.shapes.title.text for slide in Presentation(str(deck)).slides if slide.shapes.title]
    assert sum("(forts." in title and "Energi och klimat" in title for title in titles) >= 10
    assert overflow_findings(deck) == []


def test_an_area_file_with_only_its_name_builds(content: Path, tmp_path: Path):
    write(AREA, "område: Energi och klimat\n")(content)
    result = build(content, tmp_path / "ut")
    assert result.exit_code == 0, result.output


def test_a_plan_with_no_areas_builds(content: Path, tmp_path: Path):
    path = content / "plan.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("områden:")] + "områden: []\n", encoding="utf-8")
    result = build(content, tmp_path / "ut")
    assert result.exit_code == 0, result.output

