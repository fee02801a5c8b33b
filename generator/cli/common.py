"""What every command shares: the error that ends a command, the default content folder, printing problems."""

from __future__ import annotations

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


def counts(errors: int, warnings: int) -> str:
    """'0 fel, 1 varning' / '2 fel, 3 varningar'."""
    return f"{errors} fel, {warnings} {'varning' if warnings == 1 else 'varningar'}"
