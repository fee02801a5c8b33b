"""`vpgen område ny`, `vpgen status` (the planner's), `vpgen kontroll`, `vpgen förhandsvisning` (the area
chief's): the area chiefs' round, one call each."""

from __future__ import annotations

import datetime
import json
import time
from pathlib import Path

import click

from ..area import area_status, check_area_file, format_status, new_area, not_an_area_file, plan_snippet
from ..area.check import slides_line
from ..area.plan_parts import SlideOptions
from ..formatting import sv_date, sv_number
from ..messages import shell_arg
from ..problems import UserError
from .common import DEFAULT_CONTENT, VpgenError


@click.group(name="område", context_settings={"help_option_names": ["-h", "--help"]})
def omrade() -> None:
    """Områdesfiler (planeringsansvarig): skapa en ny fil för ett område."""


def _parse_idag(_ctx, _param, value: str | None) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"'{value}' är inget datum — skriv ÅÅÅÅ-MM-DD, t.ex. 2025-08-01") from None


@omrade.command(name="ny", short_help="Skapa en ny områdesfil från mallen (planeringsansvarig).")
@click.argument("namn")
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=DEFAULT_CONTENT,
              show_default=True, help="Innehållsmappen.")
@click.option("--ansvarig", default=None, help="Ansvarig roll, inte personnamn (standard: 'områdeschef NAMN').")
@click.option("--layouts", "layouts_dir", type=click.Path(path_type=Path), default=None,
              help="Layoutmappen med omrade-mall.yaml.j2 (standard: ./layouts eller den som följer med vpgen).")
@click.option("--idag", callback=_parse_idag, default=None,
              metavar="ÅÅÅÅ-MM-DD", help="Dagens datum (standard: datorns), för att jämföra med sista dag.")
def ny(namn: str, content_dir: Path, ansvarig: str | None, layouts_dir: Path | None,
       idag: datetime.date | None) -> None:
    """Skapa en ny områdesfil som förklarar sig själv, att skicka till områdeschefen (skriver aldrig över en fil)."""
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
        click.echo("vpgen ändrar inte plan.yaml själv: filen har kommentarer och en ordning som du bestämmer, och en "
                   "automatisk ändring kan inte säkert behålla dem.")
    click.echo("")
    click.echo(f"Skicka sedan filen till {area.ansvarig}. Överst i filen står vad som ska fyllas i, hur den "
               f"kontrolleras och förhandsvisas, och hur och när den lämnas in (senast "
               f"{sv_date(area.deadline, 'd MMMM y')}).")
    if area.deadline < (idag or datetime.date.today()):
        click.echo(f"Obs: sista dag, {sv_date(area.deadline, 'd MMMM y')}, har redan passerat — ändra deadline i "
                   f"{content_dir / 'anvisningar.yaml'} och skapa filen igen (ta bort den här först), så att "
                   "områdeschefen får rätt datum.")
    option = "" if content_dir == DEFAULT_CONTENT else f" --content {shell_arg(content_dir)}"
    click.echo(f"Se hur långt områdena har kommit med: vpgen status{option}")


def _slide_options(layouts_dir: Path | None, template: Path | None) -> SlideOptions:
    return SlideOptions(layouts_dir=layouts_dir, template=template)


def _preview(fil: Path, content_dir: Path | None, options: SlideOptions, start: float) -> None:
    """Write the area's slides beside the file and say where (the area package does the work)."""
    from ..area.preview import preview_area_file  # lazy: python-pptx only when slides are made

    slides, preview, notes = preview_area_file(fil, content_dir, options)
    click.echo(f"Förhandsvisning av {fil}:")
    click.echo(slides_line(slides.parts))
    for note in notes:
        click.echo(note)
    click.echo(f"Filerna ligger i {preview.folder}:")
    click.echo(f"  {preview.pptx.name}")
    if preview.pdf is not None:
        click.echo(f"  {preview.pdf.name}")
    if preview.pngs:
        pngs = preview.pngs
        click.echo(f"  {pngs[0].name}" + (f" … {pngs[-1].name}" if len(pngs) > 1 else "") + " (en PNG per bild)")
    for note in preview.notes:
        click.echo(note)
    seconds = time.monotonic() - start
    click.echo(f"Klart på {sv_number(round(seconds, 1), 1, plain=True)} s. Filerna skrivs över nästa gång.")


_LAYOUTS = click.option("--layouts", "layouts_dir", type=click.Path(path_type=Path), default=None,
                        help="Layoutmappen (standard: ./layouts eller den som följer med vpgen).")
_TEMPLATE = click.option("--template", type=click.Path(path_type=Path), default=None,
                         help="Organisationens egen PowerPoint-mall, som för vpgen build.")


@click.command(name="kontroll", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("fil", type=click.Path(path_type=Path))
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=None,
              help="Innehållsmappen (standard: mappen två steg upp från filen, t.ex. content/).")
@click.option("--förhandsvisning", "preview", is_flag=True,
              help="Gör också bilderna (som vpgen förhandsvisning) när filen kan läsas.")
@_LAYOUTS
@_TEMPLATE
def kontroll(fil: Path, content_dir: Path | None, preview: bool, layouts_dir: Path | None,
             template: Path | None) -> None:
    """Kontrollera en områdesfil och förklara felen på vanlig svenska (områdeschefen)."""
    start = time.monotonic()
    wrong = not_an_area_file(fil)
    if wrong is not None:
        raise VpgenError(wrong)
    options = _slide_options(layouts_dir, template)
    report = check_area_file(fil, content_dir, options)
    click.echo(report.format())
    if preview:
        click.echo("")
        try:
            _preview(fil, content_dir, options, start)
        except UserError as err:
            click.echo(f"Förhandsvisningen görs inte: {err}")
    if not report.ok:
        raise SystemExit(1)


@click.command(name="förhandsvisning", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("fil", type=click.Path(path_type=Path))
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=None,
              help="Innehållsmappen (standard: mappen två steg upp från filen, t.ex. content/).")
@_LAYOUTS
@_TEMPLATE
def forhandsvisning(fil: Path, content_dir: Path | None, layouts_dir: Path | None, template: Path | None) -> None:
    """Gör områdets bilder (.pptx, med LibreOffice även PDF och PNG) i mappen förhandsvisning bredvid filen."""
    start = time.monotonic()
    wrong = not_an_area_file(fil)
    if wrong is not None:
        raise VpgenError(wrong)
    try:
        _preview(fil, content_dir, _slide_options(layouts_dir, template), start)
    except UserError as err:
        raise VpgenError(str(err)) from None


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
        click.echo(format_status(report, "" if content_dir == DEFAULT_CONTENT else f" --content {shell_arg(content_dir)}"))
    if report.late:
        raise SystemExit(1)
