"""`vpgen build`: every document from the content, or a clear reason why not (nothing written then)."""

from __future__ import annotations

from pathlib import Path

import click

from ..build import BuildOptions, PdfFailed, ReviewFailed, build as run_build
from ..problems import ContentError, UserError
from .common import DEFAULT_CONTENT, VpgenError


@click.command()
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=DEFAULT_CONTENT,
              show_default=True, help="Innehållsmappen.")
@click.option("--output", "output_dir", type=click.Path(path_type=Path), default=Path("output"),
              show_default=True, help="Mappen som dokumenten skrivs till.")
@click.option("--layouts", "layouts_dir", type=click.Path(path_type=Path), default=None,
              help="Layoutmappen (standard: ./layouts eller den som följer med vpgen).")
@click.option("--template", type=click.Path(path_type=Path), default=None,
              help="Organisationens egen PowerPoint-mall (.pptx eller .potx) i stället för layouts/board.pptx.")
@click.option("--docx-template", type=click.Path(path_type=Path), default=None,
              help="Organisationens egen Word-mall (.docx eller .dotx) i stället för layouts/verksamhetsplan.docx.")
@click.option("--disposition", "outline", type=click.Path(path_type=Path), default=None,
              help="Egen disposition (vilka presentationer och avsnitt), i stället för layouts/deck.yaml.")
@click.option("--strict", is_flag=True, help="Behandla varningar som fel.")
@click.option("--final", is_flag=True,
              help="Slutversion: inga varningar (alla områden klara, ingen exempeldata) och ingen anmärkning "
                   "från granskningen av tillgänglighet och passform.")
@click.option("--pdf", is_flag=True, help="Skriv också PDF av presentationen och dokumenten (kräver LibreOffice).")
@click.option("--force", is_flag=True, help="Bygg om även när inget har ändrats sedan förra bygget.")
@click.option("--jämför-med", "--jamfor-med", "compare_with", metavar="MAPP|git:REV", default=None,
              help="Förra årets antagna plan att jämföra med, i stället för föregående: i plan.yaml: en mapp, "
                   "eller git: och en tagg eller commit där innehållsmappen ligger i git (t.ex. git:vp-2025).")
def build(content_dir, output_dir, layouts_dir, template, docx_template, outline, strict, final, pdf, force,
          compare_with) -> None:
    """Bygg nämndpresentationen, verksamhetsplanen och uppdragssammanställningen."""
    options = BuildOptions(content_dir=content_dir, output_dir=output_dir, layouts_dir=layouts_dir,
                           template=template, docx_template=docx_template, outline=outline, strict=strict,
                           final=final, pdf=pdf, force=force, compare_with=compare_with)
    try:
        result = run_build(options)
    except ContentError as err:
        for problem in err.problems:
            click.echo(problem.format(), err=True)
        why = ("slutversionen kräver att alla fel och varningar är åtgärdade (se ovan)" if final
               else "innehållet har fel (se ovan)")
        raise VpgenError(f"Bygget avbröts: {why}. Inga filer har ändrats.") from None
    except ReviewFailed as err:
        for line in err.lines:
            click.echo(line, err=True)
        raise VpgenError("Bygget avbröts: granskningen av tillgänglighet och passform hittade problem (se ovan). "
                         "Inga filer har ändrats.") from None
    except PdfFailed as err:
        raise VpgenError(f"{err} Dokumenten är skrivna, men inga PDF-filer.") from None
    except UserError as err:
        raise VpgenError(f"Bygget avbröts: {err}. Inga filer har ändrats.") from None
    if result.cached:
        click.echo(f"Inget har ändrats sedan förra bygget: dokumenten i {output_dir} är aktuella "
                   "(--force bygger om ändå).")
        return
    for problem in result.warnings:
        click.echo(problem.format(), err=True)
    for note in result.notes:
        click.echo(f"Obs: {note}", err=True)
    for path in result.written + result.pdfs:
        click.echo(f"Skrev {path}")
