"""`vpgen styrtal import FIL` and `vpgen styrtal hämta`: put figures into content/styrtal-data.yaml.

Both read the content folder first (it must be valid), turn their input into rows (styrtal id,
område, år, värde), merge them into the data file, check the result with every rule `vpgen
validate` has, and only then rewrite the file — deterministically, keeping its header comment —
in one atomic replace. They report what changed: new, changed, replaced example values, unchanged.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import click

from ..figures import DATA_FILE, styrtal_places
from ..load import load_content
from ..problems import UserError
from ..styrtal.datafile import DataFileError, MergeReport, Row, report_lines, summary, write_merged
from ..styrtal.fetch import fetch_rows, years_between
from ..styrtal.importer import read_csv, read_xlsx, to_rows
from ..styrtal.kolada import DEFAULT_BASE, KoladaClient
from .common import DEFAULT_CONTENT, VpgenError


def _load(content_dir: Path):
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


def _write(content_dir: Path, loaded, rows: list[Row], extra: dict | None, dry_run: bool) -> tuple[MergeReport, bool]:
    try:
        return write_merged(content_dir, loaded, rows, extra, dry_run)
    except DataFileError as err:
        for line in err.lines:
            click.echo(line, err=True)
        raise VpgenError(str(err)) from None


def _finish(report: MergeReport, changed: bool, dry_run: bool, path: Path) -> None:
    for line in report_lines(report):
        click.echo(line)
    if dry_run:
        click.echo(f"Torrkörning: {path} skrevs inte.")
    elif changed:
        click.echo(f"Skrev {path}.")
    else:
        click.echo(f"Inget ändrades; {path} skrevs inte.")


@click.group(name="styrtal", context_settings={"help_option_names": ["-h", "--help"]})
def styrtal() -> None:
    """Styrtalens siffror i content/styrtal-data.yaml: läs in från CSV/Excel eller hämta från Kolada."""


@styrtal.command(name="import", short_help="Läs in värden från en CSV- eller Excelfil.")
@click.argument("fil", type=click.Path(path_type=Path))
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=DEFAULT_CONTENT,
              show_default=True, help="Innehållsmappen.")
@click.option("--torrkorning", "--torrkörning", "dry_run", is_flag=True,
              help="Visa vad som skulle ändras utan att skriva filen.")
def import_values(fil: Path, content_dir: Path, dry_run: bool) -> None:
    """Läs in värden (kolumner: id, område, år, värde; enhet valfri) till styrtal-data.yaml.

    Område utelämnas eller lämnas tomt för det egna länet. Ett riktigt värde ersätter ett
    exempelvärde. Filen skrivs om i fast ordning och behåller kommentaren överst.
    """
    if not fil.is_file():
        raise VpgenError(f"{fil} finns inte eller är ingen fil")
    suffix = fil.suffix.lower()
    if suffix not in (".csv", ".txt", ".xlsx", ".xlsm"):
        raise VpgenError(f"{fil.name}: vpgen läser .csv och .xlsx — spara bladet i något av formaten")
    loaded = _load(content_dir)
    note = None
    try:
        if suffix in (".xlsx", ".xlsm"):
            raw = read_xlsx(fil)
        else:
            raw, note = read_csv(fil)
    except UserError as err:
        raise VpgenError(str(err)) from None
    places = styrtal_places(loaded.plan.malsattningar, loaded.plan.gemensamma)
    rows, problems = to_rows(raw, loaded.plan.styrtal_data, places, fil.name)
    if problems:
        for problem in problems:
            click.echo(problem.format(), err=True)
        raise VpgenError(f"{fil.name} har {len(problems)} fel (se ovan) — {DATA_FILE} har inte ändrats.")
    report, changed = _write(content_dir, loaded, rows, None, dry_run)
    click.echo(f"Läste {len(rows)} värden från {fil.name}{f' ({note})' if note else ''}: {summary(report)}.")
    _finish(report, changed, dry_run, Path(content_dir) / DATA_FILE)


@styrtal.command(name="hämta", short_help="Hämta värden från Kolada för styrtal med 'kolada:'.")
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
def fetch(content_dir: Path, ids: tuple[str, ...], years: str | None, base_url: str | None, timeout: float,
          attempts: int, dry_run: bool) -> None:
    """Hämta värden från Kolada för varje styrtal i styrtal-data.yaml som har 'kolada:' (nyckeltalets id).

    Hämtar det egna länet och länen styrtalet jämförs med, kontrollerar länens id mot Koladas
    lista, och skriver in värdena med källa och hämtdatum. Nätet används bara här, aldrig av build.
    """
    loaded = _load(content_dir)
    plan = loaded.plan
    client = KoladaClient(base_url=base_url or DEFAULT_BASE, timeout=timeout, attempts=attempts)
    try:
        rows, extra = fetch_rows(plan.styrtal_data, styrtal_places(plan.malsattningar, plan.gemensamma), ids,
                                 years_between(years, plan.plan.planar), client, datetime.date.today(), click.echo)
    except UserError as err:
        raise VpgenError(str(err)) from None
    report, changed = _write(content_dir, loaded, rows, extra, dry_run)
    click.echo(f"Hämtade {len(rows)} värden från {client.base_url} ({len(client.requests)} frågor): {summary(report)}.")
    _finish(report, changed, dry_run, Path(content_dir) / DATA_FILE)
