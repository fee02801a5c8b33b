"""The `vpgen` command line. Each command parses, loads, calls one function.

Heavy libraries (python-pptx, python-docx, the spreadsheet writer) are imported inside the
commands that need them, so `vpgen --help` and `vpgen validate` start fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

DEFAULT_CONTENT = Path("content")


class VpgenError(click.ClickException):
    """A failure the user can act on: printed as is (Swedish), exit 1, no traceback."""

    exit_code = 1

    def show(self, file=None) -> None:
        click.echo(self.format_message(), err=True)


def report_problems(loaded, strict: bool, stream_err: bool) -> bool:
    """Print every problem; return True when the content may be used."""
    for problem in loaded.problems:
        click.echo(problem.format(), err=stream_err)
    return not loaded.errors and not (strict and loaded.warnings)


def _counts(errors: int, warnings: int) -> str:
    return f"{errors} fel, {warnings} {'varning' if warnings == 1 else 'varningar'}"


# Commands that live in their own modules: name -> (module:function, one-line help).
# They are imported only when run, so `vpgen --help` stays fast.
LAZY_COMMANDS: dict[str, tuple[str, str]] = {
    "område": ("generator.omrade:cli_omrade", "Områdesfiler: skapa en ny fil för ett område."),
    "kontroll": ("generator.omrade:cli_kontroll", "Kontrollera en områdesfil och förklara felen på vanlig svenska."),
    "status": ("generator.omrade:cli_status", "Visa hur långt områdena har kommit med sitt underlag."),
    "granska": ("generator.review:cli_granska", "Granska tillgänglighet och passform i .pptx- och .docx-filer."),
    "styrtal": ("generator.styrtal_cli:cli_styrtal", "Styrtalens siffror: läs in från CSV/Excel eller hämta från Kolada."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx, name):
        if name in LAZY_COMMANDS:
            import importlib

            module, attr = LAZY_COMMANDS[name][0].split(":")
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)

    def format_commands(self, ctx, formatter):
        rows = []
        for name in self.list_commands(ctx):
            if name in LAZY_COMMANDS:
                rows.append((name, LAZY_COMMANDS[name][1]))
            else:
                rows.append((name, self.commands[name].get_short_help_str(formatter.width)))
        with formatter.section("Kommandon"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vpgen", message="vpgen %(version)s")
def cli() -> None:
    """vpgen — verksamhetsplanen som nämndpresentation, Word-dokument och uppdragssammanställning."""


@cli.command()
@click.argument("content_dir", type=click.Path(path_type=Path), default=DEFAULT_CONTENT, required=False)
@click.option("--strict", is_flag=True, help="Behandla varningar som fel.")
def validate(content_dir: Path, strict: bool) -> None:
    """Kontrollera innehållsmappen och lista alla fel och varningar."""
    from .load import load_content

    loaded = load_content(content_dir)
    ok = report_problems(loaded, strict, stream_err=False)
    summary = _counts(len(loaded.errors), len(loaded.warnings))
    if not ok:
        hint = " (--strict: varningar räknas som fel)" if strict and not loaded.errors else ""
        raise VpgenError(f"Innehållet i {content_dir} har problem: {summary}{hint}. Rätta och kör vpgen validate igen.")
    click.echo(f"Innehållet i {content_dir} är giltigt ({summary}).")


@cli.command()
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=DEFAULT_CONTENT,
              show_default=True, help="Innehållsmappen.")
@click.option("--output", "output_dir", type=click.Path(path_type=Path), default=Path("output"),
              show_default=True, help="Mappen som dokumenten skrivs till.")
@click.option("--layouts", "layouts_dir", type=click.Path(path_type=Path), default=None,
              help="Layoutmappen (standard: ./layouts eller den som följer med vpgen).")
@click.option("--template", type=click.Path(path_type=Path), default=None,
              help="Organisationens egen PowerPoint-mall (.pptx) i stället för layouts/board.pptx.")
@click.option("--docx-template", type=click.Path(path_type=Path), default=None,
              help="Organisationens egen Word-mall (.docx) i stället för layouts/verksamhetsplan.docx.")
@click.option("--disposition", "outline", type=click.Path(path_type=Path), default=None,
              help="Egen disposition (vilka presentationer och avsnitt), i stället för layouts/deck.yaml.")
@click.option("--strict", is_flag=True, help="Behandla varningar som fel.")
@click.option("--final", is_flag=True,
              help="Slutversion: inga varningar (alla områden klara, ingen exempeldata) och ingen anmärkning "
                   "från granskningen av tillgänglighet och passform.")
@click.option("--pdf", is_flag=True, help="Skriv också PDF av presentationen och dokumenten (kräver LibreOffice).")
@click.option("--force", is_flag=True, help="Bygg om även när inget har ändrats sedan förra bygget.")
def build(content_dir, output_dir, layouts_dir, template, docx_template, outline, strict, final, pdf, force) -> None:
    """Bygg nämndpresentationen, verksamhetsplanen och uppdragssammanställningen."""
    from .build import BuildOptions, ReviewFailed, build as run_build
    from .pdf import PdfError
    from .problems import ContentError, UserError

    options = BuildOptions(content_dir=content_dir, output_dir=output_dir, layouts_dir=layouts_dir,
                           template=template, docx_template=docx_template, outline=outline, strict=strict,
                           final=final, pdf=pdf, force=force)
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
    except UserError as err:
        if isinstance(err, PdfError):  # conversion runs after the documents were written
            raise VpgenError(f"{err} Dokumenten är skrivna, men inga PDF-filer.") from None
        raise VpgenError(f"Bygget avbröts: {err}. Inga filer har ändrats.") from None
    if result.cached:
        click.echo(f"Inget har ändrats sedan förra bygget: dokumenten i {output_dir} är aktuella "
                   "(--force bygger om ändå).")
        return
    for problem in result.warnings:
        click.echo(problem.format(), err=True)
    for path in result.written + result.pdfs:
        click.echo(f"Skrev {path}")


@cli.command()
def schema() -> None:
    """Visa innehållsformatet: filerna, nycklarna och vad de betyder."""
    from .schema_doc import describe

    click.echo(describe())


def main() -> None:
    """Console entry point: no traceback reaches the user unless VPGEN_DEBUG is set."""
    try:
        cli.main(prog_name="vpgen", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("Avbrutet.", err=True)
        sys.exit(130)
    except Exception as err:  # a bug in vpgen, not in the content
        if os.environ.get("VPGEN_DEBUG"):
            raise
        click.echo(
            f"Internt fel i vpgen ({type(err).__name__}: {err}). Inga filer har ändrats. "
            "Kör igen med VPGEN_DEBUG=1 för detaljer och rapportera felet.",
            err=True,
        )
        sys.exit(2)
