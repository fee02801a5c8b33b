"""`vpgen schema`: the content format, read off the models."""

from __future__ import annotations

import click

from ..schema_doc import describe


@click.command()
def schema() -> None:
    """Visa innehållsformatet: filerna, nycklarna och vad de betyder."""
    click.echo(describe())
