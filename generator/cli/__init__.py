"""The `vpgen` command line: a thin layer that parses options and calls one function per command.

Each command group lives in its own module and is imported only when it runs, so `vpgen --help`
and `vpgen validate` start without python-pptx, python-docx or the spreadsheet libraries:

- validate.py, build.py, schema.py: the planner's pipeline
- area.py: område, kontroll, förhandsvisning, status (the area chiefs' round)
- review.py: granska (accessibility and fit review of any .pptx/.docx)
- styrtal.py: styrtal import / hämta (figures behind the styrtal)
"""

from __future__ import annotations

import importlib
import os
import sys
import warnings

import click

from ..messages import did_you_mean, loose_key
from .swedish import install as _swedish

_swedish()  # before the commands below are declared: their help options take Click's words then
# name -> (module:attribute, one-line help shown by `vpgen --help` without importing the module)
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("generator.cli.validate:validate", "Kontrollera innehållsmappen och lista alla fel och varningar."),
    "build": ("generator.cli.build:build", "Bygg nämndpresentationen, verksamhetsplanen och uppdragssammanställningen."),
    "schema": ("generator.cli.schema:schema", "Visa innehållsformatet: filerna, nycklarna och vad de betyder."),
    "område": ("generator.cli.area:omrade", "Planeringsansvarig: skapa en ny områdesfil att skicka till områdeschefen."),
    "kontroll": ("generator.cli.area:kontroll", "Områdeschef: kontrollera din områdesfil, förklarat på vanlig svenska."),
    "förhandsvisning": ("generator.cli.area:forhandsvisning", "Områdeschef: gör ditt områdes bilder (pptx, pdf, png)."),
    "status": ("generator.cli.area:status", "Planeringsansvarig: visa hur långt områdena har kommit med underlaget."),
    "granska": ("generator.cli.review:granska", "Granska tillgänglighet och passform i .pptx- och .docx-filer."),
    "styrtal": ("generator.cli.styrtal:styrtal", "Styrtalens siffror: läs in från CSV/Excel eller hämta från Kolada."),
}


class LazyGroup(click.Group):
    """A group whose commands are imported when they are run, not when `vpgen --help` lists them."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        name = self._known(name)
        if name is None:
            return None
        module, attr = COMMANDS[name][0].split(":")
        return getattr(importlib.import_module(module), attr)

    @staticmethod
    def _known(name: str) -> str | None:
        """The command `name` is, also typed without å, ä, ö or in capitals ("omrade", "Forhandsvisning")."""
        if name in COMMANDS:
            return name
        return next((known for known in COMMANDS if loose_key(known) == loose_key(name)), None)

    def resolve_command(self, ctx, args):
        if args and not args[0].startswith("-") and self._known(args[0]) is None:
            guess = did_you_mean(args[0], list(COMMANDS))
            hint = f" Menade du '{guess}'?" if guess else f" Kommandona är {', '.join(sorted(COMMANDS))}."
            ctx.fail(f"Kommandot '{args[0]}' finns inte.{hint}")
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx, formatter):
        with formatter.section("Kommandon"):
            formatter.write_dl([(name, COMMANDS[name][1]) for name in self.list_commands(ctx)])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vpgen", message="vpgen %(version)s")
def cli() -> None:
    """vpgen — verksamhetsplanen som nämndpresentation, Word-dokument och uppdragssammanställning."""


def main() -> None:
    """Console entry point: no traceback reaches the user unless VPGEN_DEBUG is set."""
    quiet_warnings()
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


def quiet_warnings() -> None:
    """Python's warnings are for developers: a template or a library that warns must not put a
    source path in front of the planner. -W or PYTHONWARNINGS (the tests set "error") and
    VPGEN_DEBUG keep them."""
    if sys.warnoptions or os.environ.get("VPGEN_DEBUG"):
        return
    warnings.simplefilter("ignore")
    os.environ["PYTHONWARNINGS"] = "ignore"  # also in the deck's worker where it is spawned, not forked
