"""`vpgen validate`: check the content folder, and the layout's outline and text templates against it."""

from __future__ import annotations

from pathlib import Path

import click

from ..layout import Layout, find_layouts_dir
from ..load import load_content
from ..problems import UserError
from .common import DEFAULT_CONTENT, VpgenError, counts, report_problems


@click.command()
@click.argument("content_dir", type=click.Path(path_type=Path), default=DEFAULT_CONTENT, required=False)
@click.option("--content", "content_option", type=click.Path(path_type=Path), default=None,
              help="Innehållsmappen (som i de andra kommandona; samma som mappen som argument).")
@click.option("--strict", is_flag=True, help="Behandla varningar som fel.")
@click.option("--layouts", "layouts_dir", type=click.Path(path_type=Path), default=None,
              help="Layoutmappen (standard: ./layouts eller den som följer med vpgen).")
@click.option("--disposition", "outline", type=click.Path(path_type=Path), default=None,
              help="Egen disposition i stället för layouts/deck.yaml.")
@click.option("--jämför-med", "--jamfor-med", "compare_with", metavar="MAPP|git:REV", default=None,
              help="Förra årets antagna plan att jämföra med, i stället för föregående: i plan.yaml.")
def validate(content_dir: Path, content_option: Path | None, strict: bool, layouts_dir: Path | None,
             outline: Path | None, compare_with: str | None) -> None:
    """Kontrollera innehållsmappen (och förra årets plan som den jämförs med) och lista alla fel och varningar."""
    if content_option is not None:
        if content_dir != DEFAULT_CONTENT and content_dir != content_option:
            raise VpgenError(f"Ange innehållsmappen en gång: {content_dir} eller --content {content_option}.")
        content_dir = content_option
    loaded = load_content(content_dir, compare_with)
    ok = report_problems(loaded, strict, stream_err=False)
    errors = len(loaded.errors)
    if loaded.plan is not None:  # the outline and text templates, against this plan
        try:
            Layout(find_layouts_dir(layouts_dir), outline_override=outline).outline(loaded.plan)
        except UserError as err:
            click.echo(str(err))
            ok, errors = False, errors + 1
    summary = counts(errors, len(loaded.warnings))
    if not ok:
        hint = " (--strict: varningar räknas som fel)" if strict and not errors else ""
        raise VpgenError(f"Innehållet i {content_dir} har problem: {summary}{hint}. Rätta och kör vpgen validate igen.")
    click.echo(f"Innehållet i {content_dir} är giltigt ({summary}).")
