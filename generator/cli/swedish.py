"""Click's own words in Swedish: usage errors, help headings and the help option's text.

Click marks its messages for gettext and looks `_` and `ngettext` up in its modules when a message
is made, so giving those modules a translating `_` makes every message Swedish without catching
and rewording exceptions. A message not in the table stays as Click writes it.
"""

from __future__ import annotations

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types

SV = {
    "Usage:": "Användning:",
    "Options": "Alternativ",
    "Commands": "Kommandon",
    "Show this message and exit.": "Visa den här hjälpen och avsluta.",
    "Show the version and exit.": "Visa versionen och avsluta.",
    "Error: {message}": "Fel: {message}",
    "Try '{command} {option}' for help.": "Skriv '{command} {option}' för hjälp.",
    "Missing argument": "Det saknas ett argument:",
    "Missing option": "Det saknas ett alternativ:",
    "Missing parameter": "Det saknas ett värde:",
    "Missing command.": "Ange ett kommando.",
    "No such option {name!r}.": "Alternativet {name!r} finns inte.",
    "No such command {name!r}.": "Kommandot {name!r} finns inte.",
    "Did you mean {possibility}?": "Menade du {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Menade du något av: {possibilities}?)",
    "Got unexpected extra argument ({args})":
        "Ett argument för mycket ({args}) — står en sökväg med mellanslag utan citattecken runt sig?",
    "Got unexpected extra arguments ({args})":
        "Argument för mycket ({args}) — står en sökväg med mellanslag utan citattecken runt sig?",
    "Option {name!r} requires an argument.": "Alternativet {name!r} behöver ett värde.",
    "Option {name!r} requires {nargs} arguments.": "Alternativet {name!r} behöver {nargs} värden.",
    "Option {name!r} does not take a value.": "Alternativet {name!r} tar inget värde.",
    "Invalid value for {param_hint}: {message}": "Ogiltigt värde för {param_hint}: {message}",
    "Invalid value: {message}": "Ogiltigt värde: {message}",
    "file": "Filen",
    "directory": "Mappen",
    "path": "Sökvägen",
    "{name} {filename!r} does not exist.": "{name} {filename!r} finns inte.",
    "{name} {filename!r} is a file.": "{name} {filename!r} är en fil.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} är en mapp.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} går inte att läsa.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} går inte att skriva till.",
    "{value!r} is not a valid {number_type}.": "{value!r} är inget giltigt {number_type}.",
    "integer": "heltal",
    "float": "tal",
    "{value} is not in the range {range}.": "{value} ligger utanför {range}.",
    "Choose from:\n\t{choices}": "Välj bland:\n\t{choices}",
    "Aborted!": "Avbrutet.",
    "default: {default}": "standard: {default}",
}


def _(message: str) -> str:
    return SV.get(message, message)


def _n(singular: str, plural: str, n: int) -> str:
    return _(singular if n == 1 else plural)


def install() -> None:
    """Give Click's modules the Swedish `_` and `ngettext` (before any command is declared)."""
    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
        if hasattr(module, "_"):
            module._ = _
        if hasattr(module, "ngettext"):
            module.ngettext = _n
