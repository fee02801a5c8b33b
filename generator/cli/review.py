"""`vpgen granska`: the accessibility and fit review of .pptx and .docx files (generator/review/)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..review import ReviewError, ReviewResult, detect_kind, run_review


@click.command("granska")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Skriv fynden som JSON (för skript).")
@click.option("--render/--no-render", default=None,
              help="Mät överflöd i en PDF från LibreOffice (--render) eller uppskatta med teckensnittsmått "
                   "(--no-render). Standard: rendera om LibreOffice finns.")
@click.pass_context
def granska(ctx: click.Context, files: tuple[Path, ...], as_json: bool, render: bool | None) -> None:
    """Granska tillgänglighet och passform i .pptx- och .docx-filer.

    Kontrollerar rubriker på bilder, språk (sv-SE), alternativtext, rubrikrader i tabeller,
    rubriknivåer, textstorlek, kontrast och text som inte får plats. Slutstatus 0 utan fynd,
    1 med fynd, 2 om en fil inte kan läsas.
    """
    errors, readable = [], []
    for path in files:
        try:
            detect_kind(path)
            readable.append(path)
        except ReviewError as err:
            errors.append(str(err))
    result = ReviewResult()
    if readable:
        try:
            result = run_review(readable, render)
        except ReviewError as err:
            errors.append(str(err))
    if as_json:
        click.echo(json.dumps({"findings": [f.as_dict() for f in result.findings], "errors": errors,
                               "overflow": result.overflow_method, "notes": result.notes},
                              ensure_ascii=False, indent=1))
    else:
        for finding in result.findings:
            click.echo(finding.format())
        for note in result.notes:
            click.echo(f"Obs: {note}", err=True)
        for error in errors:
            click.echo(f"Fel: {error}", err=True)
        if readable:
            count = len(result.findings)
            click.echo(f"{count} fynd i {len(readable)} {'fil' if len(readable) == 1 else 'filer'}.", err=True)
    ctx.exit(2 if errors else 1 if result.findings else 0)
