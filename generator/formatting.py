"""Every number, date and shortened text vpgen shows, the Swedish way (sv-SE, Babel's CLDR data).

One place for all of them: documents, terminal messages and the review's findings ask here.

- `sv_number`: 151,3 / 16 503 / −2,4 in documents (no-break space between groups); with
  `plain=True` the same with ordinary spaces and a hyphen-minus, for terminals and log files;
  `trim=True` treats `decimals` as a maximum and drops trailing zeros (4,5:1, 12 pt);
  `group_from=10_000` leaves four-digit numbers ungrouped (2000, 9999), as Swedish running
  text often does with limits and years.
- `sv_date`: '17 juni' by default, any CLDR pattern.
- `sv_list`: 'Jönköping, Kronoberg och Värmland' (CLDR's list pattern).
- `shorten`: one line of at most `limit` characters, cut at the end with '…'.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

LOCALE = "sv_SE"
ELLIPSIS = "…"


def _places(value: Decimal | int | float) -> int:
    """The decimals a number was written with: Decimal('3.0') -> 1, 16503 -> 0."""
    exponent = (value if isinstance(value, Decimal) else Decimal(str(value))).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def sv_number(value: Decimal | int | float, decimals: int | None = None, *, plain: bool = False,
              trim: bool = False, group_from: int = 1000) -> str:
    """A number in Swedish notation; see the module docstring for the options.

    Without `decimals` a Decimal keeps the places it was written with (3.0 stays "3,0").
    """
    from babel.numbers import format_decimal  # lazy: CLDR data only when a number is shown, not for validate

    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if decimals is None:
        decimals = _places(number)
    # Halves away from zero, as Excel and a reader round (CLDR's formatter rounds them to even: 11 700,25 → 11 700,2).
    number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP) if number.is_finite() else number
    fraction = ("." + ("#" if trim else "0") * decimals) if decimals else ""
    grouping = "#,##0" if abs(number) >= group_from else "0"
    text = format_decimal(number, format=grouping + fraction, locale=LOCALE, decimal_quantization=True)
    if plain:
        text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2212", "-")
    return text


def sv_date(value: datetime.date, pattern: str = "d MMMM") -> str:
    """'17 juni' by default; any CLDR pattern ('d MMMM y', 'yyyy-MM-dd')."""
    from babel.dates import format_date  # lazy: CLDR data only when a date is shown

    return format_date(value, pattern, locale=LOCALE)


def sv_list(items) -> str:
    """'Jönköping, Kronoberg, Värmland och Västmanland'; '' for no items."""
    from babel.lists import format_list  # lazy: CLDR data only when a list is shown

    items = [str(item) for item in items]
    return format_list(items, locale=LOCALE) if items else ""


def shorten(text: str, limit: int, *, collapse: bool = False) -> str:
    """`text` if it has at most `limit` characters, else cut to `limit` with '…' at the end.

    `collapse=True` first joins the text onto one line (runs of whitespace become one space).
    """
    if collapse:
        text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS
