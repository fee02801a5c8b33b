"""`vpgen styrtal import FIL` and `vpgen styrtal hämta`: put figures into content/styrtal-data.yaml.

Both read the content folder first (it must be valid), turn their input into rows (styrtal id,
område, år, värde), merge them into the data file, check the result with every rule `vpgen
validate` has, and only then rewrite the file — deterministically, keeping its header comment —
in one atomic replace. They report what changed: new, changed, replaced example values, unchanged.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import tempfile
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import click

from .cli import DEFAULT_CONTENT, VpgenError
from .problems import Problem

COLUMNS = {
    "id": {"id", "styrtal", "styrtal id", "styrtal-id", "styrtal_id", "styrtalid"},
    "område": {"område", "omrade", "län", "lan", "region", "omrade/lan", "område/län"},
    "år": {"år", "ar", "year", "årtal", "artal"},
    "värde": {"värde", "varde", "value", "utfall"},
    "enhet": {"enhet", "unit"},
}
REQUIRED = ("id", "år", "värde")


def _fold(text: object) -> str:
    return unicodedata.normalize("NFC", str(text or "")).strip().casefold()


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
        name = _fold(cell).replace("_", " ") if cell is not None else ""
        for key, names in COLUMNS.items():
            if name in names or name.replace(" ", "_") in names:
                found.setdefault(key, i)
    missing = [key for key in REQUIRED if key not in found]
    if missing:
        have = ", ".join(str(c) for c in cells if c not in (None, "")) or "inga"
        raise VpgenError(f"{shown}:1: fel: kolumnerna {', '.join(missing)} saknas (rubrikraden har: {have}) — "
                         "första raden ska vara rubriker: id;område;år;värde (område och enhet kan utelämnas)")
    return found


def _rows(table: list[tuple[int, list]], shown: str) -> list[RawRow]:
    if not table:
        raise VpgenError(f"{shown}: fel: filen är tom — första raden ska vara rubriker: id;område;år;värde")
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
        import openpyxl
    except ImportError:
        raise VpgenError("att läsa .xlsx kräver paketet openpyxl (pip install openpyxl) — "
                         "eller spara bladet som CSV och läs in den") from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises several kinds for a file that is not a workbook
        raise VpgenError(f"{path.name}: fel: filen kan inte läsas som Excel-arbetsbok ({type(err).__name__}) — "
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
    from .model import _number

    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError("värdet saknas — skriv ett tal, eller ta bort raden")
    if isinstance(value, float):
        value = repr(value)
    return _number(value)


def to_rows(raw: list[RawRow], data, places, shown: str) -> tuple[list, list[Problem]]:
    """Checked rows for merge_rows, and every problem with its line and column."""
    from .load import did_you_mean
    from .styrtal_data import Row, link

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


def _sv(value: Decimal | None) -> str:
    from .checks import sv

    return "–" if value is None else sv(value)


def report_lines(report) -> list[str]:
    lines = [f"  ny:      {row.id} {row.omrade} {row.ar}: {_sv(row.varde)}" for row, _ in report.added]
    lines += [f"  ändrad:  {row.id} {row.omrade} {row.ar}: {_sv(old)} → {_sv(row.varde)}" for row, old in report.changed]
    lines += [f"  ersatte exempelvärde: {row.id} {row.omrade} {row.ar}: {_sv(row.varde)}" for row in report.example_replaced]
    return lines


def summary(report) -> str:
    return (f"{len(report.added)} nya, {len(report.changed)} ändrade, "
            f"{len(report.example_replaced)} exempelvärden ersatta, {len(report.unchanged)} oförändrade")


def _load(content_dir: Path):
    from .load import load_content
    from .styrtal_data import DATA_FILE

    loaded = load_content(content_dir)
    if loaded.errors:
        for problem in loaded.errors:
            click.echo(problem.format(), err=True)
        raise VpgenError(f"Innehållet i {content_dir} har fel (se ovan) — rätta dem först (vpgen validate). "
                         f"{DATA_FILE} har inte ändrats.")
    if loaded.plan.styrtal_data is None:
        raise VpgenError(f"{content_dir / DATA_FILE} finns inte — skapa den med ett avsnitt per styrtal "
                         "(id, styrtal, enhet, datakälla), som i exempelinnehållets content/styrtal-data.yaml")
    return loaded


def _places(plan):
    from .styrtal_data import styrtal_places

    return styrtal_places(plan.malsattningar, plan.gemensamma)


def apply(content_dir: Path, loaded, rows: list, extra: dict | None, dry_run: bool):
    """Merge, check everything, write atomically (unless nothing changed or a dry run)."""
    from .checks import check_content
    from .load import parse_file
    from .problems import Severity
    from .styrtal_data import DATA_FILE, StyrtalDataFile, dump_data, header_comment, merge_rows

    plan = loaded.plan
    path = Path(content_dir) / DATA_FILE
    original = path.read_text(encoding="utf-8-sig")
    merged, report = merge_rows(plan.styrtal_data, rows, extra)
    text = dump_data(merged, header_comment(original))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".styrtal-data-", suffix=".yaml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        value, doc, problems = parse_file(Path(tmp), StyrtalDataFile, Path(content_dir))
        if doc is not None:
            doc.shown = loaded.sources[DATA_FILE].shown if DATA_FILE in loaded.sources else str(path)
        if value is not None:
            files = {"malsattningar.yaml": plan.malsattningar, "gemensamma.yaml": plan.gemensamma, DATA_FILE: value}
            sources = dict(loaded.sources, **{DATA_FILE: doc})
            problems += [p for p in check_content(files, [], sources) if p.severity is Severity.ERROR]
        problems = [p for p in problems if p.severity is Severity.ERROR]
        if problems:
            for problem in problems:
                click.echo(problem.format().replace(Path(tmp).name, DATA_FILE), err=True)
            raise VpgenError(f"Värdena skulle ge fel i {DATA_FILE} (se ovan; raderna gäller filen som den skulle bli) — "
                             "filen har inte ändrats.")
        changed = report.any_change or (extra and text != original)
        if changed and not dry_run:
            mode = path.stat().st_mode & 0o777
            os.chmod(tmp, mode)
            os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return report, bool(changed)


def _finish(report, changed: bool, dry_run: bool, path: Path) -> None:
    for line in report_lines(report):
        click.echo(line)
    if dry_run:
        click.echo(f"Torrkörning: {path} skrevs inte.")
    elif changed:
        click.echo(f"Skrev {path}.")
    else:
        click.echo(f"Inget ändrades; {path} skrevs inte.")


# ---------------------------------------------------------------- commands

@click.group(name="styrtal", context_settings={"help_option_names": ["-h", "--help"]})
def cli_styrtal() -> None:
    """Styrtalens siffror i content/styrtal-data.yaml: läs in från CSV/Excel eller hämta från Kolada."""


@cli_styrtal.command(name="import", short_help="Läs in värden från en CSV- eller Excelfil.")
@click.argument("fil", type=click.Path(path_type=Path))
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=DEFAULT_CONTENT,
              show_default=True, help="Innehållsmappen.")
@click.option("--torrkorning", "--torrkörning", "dry_run", is_flag=True,
              help="Visa vad som skulle ändras utan att skriva filen.")
def cli_import(fil: Path, content_dir: Path, dry_run: bool) -> None:
    """Läs in värden (kolumner: id, område, år, värde; enhet valfri) till styrtal-data.yaml.

    Område utelämnas eller lämnas tomt för det egna länet. Ett riktigt värde ersätter ett
    exempelvärde. Filen skrivs om i fast ordning och behåller kommentaren överst.
    """
    from .styrtal_data import DATA_FILE

    if not fil.is_file():
        raise VpgenError(f"{fil} finns inte eller är ingen fil")
    suffix = fil.suffix.lower()
    if suffix not in (".csv", ".txt", ".xlsx", ".xlsm"):
        raise VpgenError(f"{fil.name}: vpgen läser .csv och .xlsx — spara bladet i något av formaten")
    loaded = _load(content_dir)
    note = None
    if suffix in (".xlsx", ".xlsm"):
        raw = read_xlsx(fil)
    else:
        raw, note = read_csv(fil)
    rows, problems = to_rows(raw, loaded.plan.styrtal_data, _places(loaded.plan), fil.name)
    if problems:
        for problem in problems:
            click.echo(problem.format(), err=True)
        raise VpgenError(f"{fil.name} har {len(problems)} fel (se ovan) — {DATA_FILE} har inte ändrats.")
    report, changed = apply(content_dir, loaded, rows, None, dry_run)
    click.echo(f"Läste {len(rows)} värden från {fil.name}{f' ({note})' if note else ''}: {summary(report)}.")
    _finish(report, changed, dry_run, Path(content_dir) / DATA_FILE)


def _years(text: str | None, planar: int) -> list[int]:
    if not text:
        return list(range(planar - 6, planar))
    try:
        if "-" in text or "–" in text:
            start, end = (int(part) for part in text.replace("–", "-").split("-", 1))
        else:
            start = end = int(text)
    except ValueError:
        raise VpgenError(f"--år '{text}' förstås inte — skriv t.ex. 2019-2024 eller 2024") from None
    if not (1950 <= start <= end <= 2100) or end - start > 60:
        raise VpgenError(f"--år '{text}' är inget rimligt intervall — skriv t.ex. 2019-2024")
    return list(range(start, end + 1))


@cli_styrtal.command(name="hämta", short_help="Hämta värden från Kolada för styrtal med 'kolada:'.")
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=DEFAULT_CONTENT,
              show_default=True, help="Innehållsmappen.")
@click.option("--id", "ids", multiple=True, help="Bara det här styrtalet (kan upprepas).")
@click.option("--år", "--ar", "years", default=None, help="År att hämta, t.ex. 2019-2024 (standard: sex år före planåret).")
@click.option("--bas-url", "base_url", envvar="VPGEN_KOLADA_URL", default=None,
              help="Koladas adress (standard https://api.kolada.se/v3; miljövariabel VPGEN_KOLADA_URL).")
@click.option("--timeout", type=click.FloatRange(0.1, 300), default=20.0, show_default=True,
              help="Sekunder att vänta på ett svar.")
@click.option("--forsok", "--försök", "attempts", type=click.IntRange(1, 10), default=4, show_default=True,
              help="Försök per fråga (med allt längre paus emellan).")
@click.option("--torrkorning", "--torrkörning", "dry_run", is_flag=True,
              help="Visa vad som skulle ändras utan att skriva filen.")
def cli_hamta(content_dir: Path, ids: tuple[str, ...], years: str | None, base_url: str | None, timeout: float,
              attempts: int, dry_run: bool) -> None:
    """Hämta värden från Kolada för varje styrtal i styrtal-data.yaml som har 'kolada:' (nyckeltalets id).

    Hämtar det egna länet och länen styrtalet jämförs med, kontrollerar länens id mot Koladas
    lista, och skriver in värdena med källa och hämtdatum. Nätet används bara här, aldrig av build.
    """
    from .kolada import DEFAULT_BASE, KoladaClient, KoladaError, area_id, county_core
    from .styrtal_data import DATA_FILE, Row, link

    loaded = _load(content_dir)
    data = loaded.plan.styrtal_data
    places = _places(loaded.plan)
    linked = link(data, places)
    unknown = [i for i in ids if i not in {e.id for e in data.styrtal}]
    if unknown:
        raise VpgenError(f"--id {', '.join(unknown)} finns inte i {DATA_FILE}")
    chosen = [(i, e) for i, e in enumerate(data.styrtal) if e.kolada and (not ids or e.id in ids)]
    if not chosen:
        raise VpgenError(f"Inget styrtal i {DATA_FILE} har 'kolada:' — lägg till nyckeltalets id "
                         "(t.ex. kolada: N03702) vid styrtalet och kör igen")
    wanted_years = _years(years, loaded.plan.plan.planar)
    client = KoladaClient(base_url=base_url or DEFAULT_BASE, timeout=timeout, attempts=attempts)
    rows, extra = [], {}
    today = datetime.date.today()
    try:
        for index, entry in chosen:
            place = linked.get(index)
            names = [data.eget_omrade] + (list(place.styrtal.jamforelse) if place else [])
            by_id: dict[str, str] = {}
            for name in names:
                code = area_id(name, data.kolada_omraden)
                if code is None:
                    raise VpgenError(f"Koladas id för '{name}' är okänt — lägg till det i {DATA_FILE} under "
                                     f"kolada_områden: (t.ex. {name}: \"0018\")")
                by_id[code] = name
            known = client.areas(list(by_id))
            for code, name in by_id.items():
                title = known.get(code)
                if title is None:
                    raise VpgenError(f"Kolada känner inte till område {code} ({name}) — rätta kolada_områden: i {DATA_FILE}")
                if name not in (data.kolada_omraden or {}) and county_core(name) not in _fold(title):
                    raise VpgenError(f"Kolada kallar område {code} '{title}', inte {name} — rätta kolada_områden: i "
                                     f"{DATA_FILE}")
            title = client.kpi_title(entry.kolada)
            values = client.values(entry.kolada, list(by_id), wanted_years)
            click.echo(f"{entry.id}: {entry.kolada} {title} — {len(values)} värden för "
                       f"{', '.join(by_id.values())} {wanted_years[0]}–{wanted_years[-1]}.")
            rows += [Row(entry.id, by_id[v.area], v.year, v.value, f"Kolada {entry.kolada}") for v in values
                     if v.area in by_id]
            extra[entry.id] = {"datakalla": f"Kolada, {entry.kolada} {title}", "hamtad": today}
    except KoladaError as err:
        raise VpgenError(f"{err}") from None
    report, changed = apply(content_dir, loaded, rows, extra, dry_run)
    click.echo(f"Hämtade {len(rows)} värden från {client.base_url} ({len(client.requests)} frågor): {summary(report)}.")
    _finish(report, changed, dry_run, Path(content_dir) / DATA_FILE)
