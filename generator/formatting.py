"""Numbers and dates the Swedish way (sv-SE), through Babel's CLDR data."""

from __future__ import annotations

import datetime
from decimal import Decimal

LOCALE = "sv_SE"


def sv_number(value: Decimal | int | float, decimals: int | None = None) -> str:
    """151,3 / 16 503 / −2,4 with a no-break space as thousands separator.

    Without `decimals` a Decimal keeps the places it was written with (3.0 stays "3,0").
    """
    from babel.numbers import format_decimal

    if decimals is None:
        exponent = Decimal(str(value)).as_tuple().exponent if not isinstance(value, Decimal) else value.as_tuple().exponent
        decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(Decimal(str(value)), format=pattern, locale=LOCALE, decimal_quantization=True)


def sv_date(value: datetime.date, pattern: str = "d MMMM") -> str:
    """'17 juni' by default; any CLDR pattern ('d MMMM y', 'yyyy-MM-dd')."""
    from babel.dates import format_date

    return format_date(value, pattern, locale=LOCALE)
