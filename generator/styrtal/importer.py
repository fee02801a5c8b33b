"""Values from a spreadsheet export: CSV (UTF-8 or Windows-1252; ';', ',' or tab) or .xlsx.

The first row names the columns (id, område, år, värde; enhet optional; Swedish and English
names, with or without diacritics); every row is checked against the data file and the texts
before anything is merged, and each problem names its line and column.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import openpyxl

from ..figures import link
from ..messages import did_you_mean
from ..model import parse_number
from ..problems import Problem, UserError
from ..sanitize import match_key
from .datafile import Row


class TableError(UserError):
    """The file cannot be read as a table of values; the message names the file (Swedish)."""


COLUMNS = {
    "id": {"id", "styrtal", "styrtal id", "styrtal-id", "styrtal_id", "styrtalid"},
    "område": {"område", "omrade", "län", "lan", "region", "omrade/lan", "område/län"},
    "år": {"år", "ar", "year", "årtal", "artal"},
    "värde": {"värde", "varde", "value", "utfall"},
    "enhet": {"enhet", "unit"},
}
REQUIRED = ("id", "år", "värde")


# ---------------------------------------------------------------- reading CSV / XLSX

@dataclass(frozen=True)
class RawRow:
    id: str
    omrade: str
    ar: object
    varde: object
    enhet: str
    line: int
    columns: dict  # column name -> 1-based column number, for messages


def _header(cells: list, shown: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        name = match_key(str(cell)).replace("_", " ") if cell is not None else ""
        for key, names in COLUMNS.items():
            if name in names or name.replace(" ", "_") in names:
                found.setdefault(key, i)
    missing = [key for key in REQUIRED if key not in found]
    if missing:
        have = ", ".join(str(c) for c in cells if c not in (None, "")) or "inga"
        raise TableError(f"{shown}:1: fel: kolumnerna {', '.join(missing)} saknas (rubrikraden har: {have}) — "
                         "första raden ska vara rubriker: id;område;år;värde (område och enhet kan utelämnas)")
    return found


def _rows(table: list[tuple[int, list]], shown: str) -> list[RawRow]:
    if not table:
        raise TableError(f"{shown}: fel: filen är tom — första raden ska vara rubriker: id;område;år;värde")
    header_line, header = table[0]
    cols = _header(header, shown)
    out = []
    for line, cells in table[1:]:
        if all(c is None or str(c).strip() == "" for c in cells):
            continue

        def get(key: str):
            i = cols.get(key)
            return cells[i] if i is not None and i < len(cells) else None

        out.append(RawRow(str(get("id") or "").strip(), str(get("område") or "").strip(), get("år"), get("värde"),
                          str(get("enhet") or "").strip(), line, {k: v + 1 for k, v in cols.items()}))
    return out


def read_csv(path: Path) -> tuple[list[RawRow], str | None]:
    """Rows of a CSV export: UTF-8 (with or without BOM) or Windows-1252; ';', ',' or tab separated."""
    raw = path.read_bytes()
    note = None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", "replace")
        note = "läst som Windows-1252 (inte UTF-8)"
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = max((";", ",", "\t"), key=first.count) if first else ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table = [(reader.line_num, row) for row in reader]
    return _rows(table, path.name), note


def read_xlsx(path: Path) -> list[RawRow]:
    """Rows of the first sheet of an Excel workbook (values, not formulas)."""
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises several kinds for a file that is not a workbook
        raise TableError(f"{path.name}: fel: filen kan inte läsas som Excel-arbetsbok ({type(err).__name__}) — "
                         "spara den som .xlsx eller CSV") from None
    try:
        sheet = book.worksheets[0]
        table = [(n, list(row)) for n, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        book.close()
    return _rows(table, path.name)


# ---------------------------------------------------------------- rows -> merge -> file

def _year(value: object) -> int:
    if isinstance(value, bool):
        raise ValueError("ska vara ett årtal, t.ex. 2024")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():  # Excel keeps every number as a float
        return int(value)
    text = str(value or "").strip()
    if not text:
        raise ValueError("året saknas — skriv ett årtal, t.ex. 2024")
    if text.isdigit():
        return int(text)
    raise ValueError(f"'{text}' är inget årtal — skriv året som ett heltal, t.ex. 2024")


def _value(value: object) -> Decimal:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError("värdet saknas — skriv ett tal, eller ta bort raden")
    if isinstance(value, float):
        value = repr(value)
    return parse_number(value)


def to_rows(raw: list[RawRow], data, places, shown: str) -> tuple[list, list[Problem]]:
    """Checked rows for merge_rows, and every problem with its line and column."""
    linked = link(data, places)
    entries = {entry.id: (i, entry) for i, entry in enumerate(data.styrtal)}
    problems: list[Problem] = []
    rows: list[Row] = []
    seen: dict[tuple, tuple[Decimal, int]] = {}
    for r in raw:
        def bad(column: str, message: str) -> None:
            problems.append(Problem(shown, r.line, r.columns.get(column, 1), column, message))

        if not r.id:
            bad("id", "styrtalets id saknas")
            continue
        if r.id not in entries:
            guess = did_you_mean(r.id, list(entries))
            hint = f"menade du '{guess}'?" if guess else (
                "lägg först till styrtalet i styrtal-data.yaml (id, styrtal, enhet, datakälla)")
            bad("id", f"styrtalet '{r.id}' finns inte i styrtal-data.yaml — {hint}")
            continue
        index, entry = entries[r.id]
        place = linked.get(index)
        area = r.omrade or data.eget_omrade
        try:
            year = _year(r.ar)
            if not 1950 <= year <= 2100:
                raise ValueError(f"{year} är inget rimligt år")
        except ValueError as err:
            bad("år", str(err))
            continue
        try:
            value = _value(r.varde)
        except ValueError as err:
            bad("värde", str(err))
            continue
        unit = entry.enhet or (place.styrtal.enhet if place else None)
        if r.enhet and unit and r.enhet != unit:
            bad("enhet", f"enheten '{r.enhet}' stämmer inte med styrtalets enhet '{unit}' — räkna om värdet eller "
                         "rätta enheten")
            continue
        key = (r.id, area, year)
        if key in seen and seen[key][0] != value:
            bad("värde", f"{r.id} {area} {year} står redan på rad {seen[key][1]} med ett annat värde")
            continue
        seen[key] = (value, r.line)
        rows.append(Row(r.id, area, year, value, f"{shown}:{r.line}"))
    return rows, problems
