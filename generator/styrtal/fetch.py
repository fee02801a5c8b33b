"""Values from Kolada for the styrtal whose data entry names a KPI (`kolada: N03702`).

The own county and the counties the styrtal compares with are looked up by Kolada's area ids,
checked against the names Kolada gives them, and fetched for the years asked for. The network is
used only here, never by `vpgen build`.
"""

from __future__ import annotations

import datetime
from typing import Callable

from ..figures import DATA_FILE, Place, StyrtalDataFile, link
from ..problems import UserError
from ..sanitize import match_key
from .datafile import Row
from .kolada import KoladaClient, area_id, county_core


def years_between(text: str | None, planar: int) -> list[int]:
    """'2019-2024' or '2024' as a list of years; the six years before the plan year by default."""
    if not text:
        return list(range(planar - 6, planar))
    try:
        if "-" in text or "–" in text:
            start, end = (int(part) for part in text.replace("–", "-").split("-", 1))
        else:
            start = end = int(text)
    except ValueError:
        raise UserError(f"--år '{text}' förstås inte — skriv t.ex. 2019-2024 eller 2024") from None
    if not (1950 <= start <= end <= 2100) or end - start > 60:
        raise UserError(f"--år '{text}' är inget rimligt intervall — skriv t.ex. 2019-2024")
    return list(range(start, end + 1))


def _area_ids(data: StyrtalDataFile, place: Place | None, client: KoladaClient) -> dict[str, str]:
    """Kolada's id -> the county's name as the plan writes it, each checked against Kolada's own name."""
    names = [data.eget_omrade] + (list(place.styrtal.jamforelse) if place else [])
    by_id: dict[str, str] = {}
    for name in names:
        code = area_id(name, data.kolada_omraden)
        if code is None:
            raise UserError(f"Koladas id för '{name}' är okänt — lägg till det i {DATA_FILE} under "
                            f"kolada_områden: (t.ex. {name}: \"0018\")")
        by_id[code] = name
    known = client.areas(list(by_id))
    for code, name in by_id.items():
        title = known.get(code)
        if title is None:
            raise UserError(f"Kolada känner inte till område {code} ({name}) — rätta kolada_områden: i {DATA_FILE}")
        if name not in (data.kolada_omraden or {}) and county_core(name) not in match_key(title):
            raise UserError(f"Kolada kallar område {code} '{title}', inte {name} — rätta kolada_områden: i "
                            f"{DATA_FILE}")
    return by_id


def fetch_rows(data: StyrtalDataFile, places: list[Place], ids: tuple[str, ...], years: list[int],
               client: KoladaClient, today: datetime.date, progress: Callable[[str], None]
               ) -> tuple[list[Row], dict[str, dict]]:
    """Rows for every chosen entry with a KPI, and the datakälla/hämtad to record per entry."""
    unknown = [i for i in ids if i not in {e.id for e in data.styrtal}]
    if unknown:
        raise UserError(f"--id {', '.join(unknown)} finns inte i {DATA_FILE}")
    chosen = [(i, e) for i, e in enumerate(data.styrtal) if e.kolada and (not ids or e.id in ids)]
    if not chosen:
        raise UserError(f"Inget styrtal i {DATA_FILE} har 'kolada:' — lägg till nyckeltalets id "
                        "(t.ex. kolada: N03702) vid styrtalet och kör igen")
    linked = link(data, places)
    rows: list[Row] = []
    extra: dict[str, dict] = {}
    for index, entry in chosen:
        by_id = _area_ids(data, linked.get(index), client)
        title = client.kpi_title(entry.kolada)
        values = client.values(entry.kolada, list(by_id), years)
        progress(f"{entry.id}: {entry.kolada} {title} — {len(values)} värden för "
                 f"{', '.join(by_id.values())} {years[0]}–{years[-1]}.")
        rows += [Row(entry.id, by_id[v.area], v.year, v.value, f"Kolada {entry.kolada}") for v in values
                 if v.area in by_id]
        extra[entry.id] = {"datakalla": f"Kolada, {entry.kolada} {title}", "hamtad": today}
    return rows, extra
