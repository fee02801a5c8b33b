"""`vpgen område ny`, `vpgen kontroll`, `vpgen status`: the area chiefs' round, one call each."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import click

from ..area import area_status, check_area_file, format_status, new_area, not_an_area_file, plan_snippet
from ..problems import UserError
from .common import DEFAULT_CONTENT, VpgenError


@click.group(name="område", context_settings={"help_option_names": ["-h", "--help"]})
def omrade() -> None:
    """Områdesfiler: skapa en ny fil för ett område."""


@omrade.command(name="ny", short_help="Skapa en ny områdesfil från mallen.")
@click.argument("namn")
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=DEFAULT_CONTENT,
              show_default=True, help="Innehållsmappen.")
@click.option("--ansvarig", default=None, help="Ansvarig roll, inte personnamn (standard: 'områdeschef NAMN').")
@click.option("--layouts", "layouts_dir", type=click.Path(path_type=Path), default=None,
              help="Layoutmappen med omrade-mall.yaml.j2 (standard: ./layouts eller den som följer med vpgen).")
def ny(namn: str, content_dir: Path, ansvarig: str | None, layouts_dir: Path | None) -> None:
    """Skapa en ny områdesfil som förklarar sig själv (skriver aldrig över en befintlig fil)."""
    try:
        area = new_area(content_dir, namn, ansvarig, layouts_dir)
    except UserError as err:
        raise VpgenError(str(err)) from None
    click.echo(f"Skapade {area.path} för området {area.namn}.")
    click.echo("")
    plan = content_dir / "plan.yaml"
    if area.in_plan:
        click.echo(f"Området finns redan i {plan} (fil: {area.fil}), så plan.yaml behöver inte ändras.")
    else:
        click.echo(f"Lägg till området i {plan}, under 'områden:' där det ska stå i presentationen:")
        click.echo("")
        click.echo(plan_snippet(area))
        click.echo("")
        click.echo("vpgen ändrar inte plan.yaml själv: filen har kommentarer och en ordning som planeringsansvarig "
                   "bestämmer, och en automatisk ändring kan inte säkert behålla dem.")
    click.echo("")
    click.echo("Skicka filen till områdeschefen. Hen fyller i den enligt förklaringarna i filen och kontrollerar den med:")
    click.echo(f"  vpgen kontroll {area.path}")


@click.command(name="kontroll", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("fil", type=click.Path(path_type=Path))
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=None,
              help="Innehållsmappen (standard: mappen två steg upp från filen, t.ex. content/).")
def kontroll(fil: Path, content_dir: Path | None) -> None:
    """Kontrollera en områdesfil och förklara felen på vanlig svenska."""
    missing = not_an_area_file(fil)
    if missing is not None:
        raise VpgenError(missing)
    report = check_area_file(fil, content_dir)
    click.echo(report.format())
    if not report.ok:
        raise SystemExit(1)


def _parse_idag(_ctx, _param, value: str | None) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"'{value}' är inget datum — skriv ÅÅÅÅ-MM-DD, t.ex. 2025-08-01") from None


@click.command(name="status", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=DEFAULT_CONTENT,
              show_default=True, help="Innehållsmappen.")
@click.option("--idag", callback=_parse_idag, default=None, metavar="ÅÅÅÅ-MM-DD",
              help="Dagens datum (standard: i dag); för att se läget en viss dag.")
@click.option("--json", "as_json", is_flag=True, help="Skriv läget som JSON, för skript.")
def status(content_dir: Path, idag: datetime.date | None, as_json: bool) -> None:
    """Visa hur långt områdena har kommit med sitt underlag (slutkod 1 när ett område är försenat)."""
    try:
        report = area_status(content_dir, idag or datetime.date.today())
    except UserError as err:
        raise VpgenError(str(err)) from None
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_status(report))
    if report.late:
        raise SystemExit(1)
