"""A small client for Kolada's open API (v3): key figures per county and year.

Only `vpgen styrtal hämta` uses it; `vpgen build` never touches the network. Standard library
only (http.client, urllib.parse, json): three GET endpoints, JSON answers and a retry loop do not
justify a dependency (http.client rather than urllib.request: urlopen leaves the socket open when
the answer itself times out),
and the tests point the client at a local server through `base_url` (option --bas-url or the
environment variable VPGEN_KOLADA_URL).

The API, as its documentation (v2, the same shapes in v3) and clients of v3 describe it:

- `/v3/data/kpi/{kpi}/municipality/{ids}/year/{years}` → {"values": [{"kpi", "municipality",
  "period", "values": [{"gender": "T"|"K"|"M", "value": float|null, "status", "count"}]}], "count",
  "next_url" (v3) / "next_page" (v2): the full address of the next page, when there is one};
- `/v3/municipality/{ids}` → {"values": [{"id", "title", "type": "K"|"L"}]}; a county (region) is
  "00" + its county code (Örebro län "0018"), the whole country "0000";
- `/v3/kpi/{kpi}` → {"values": [{"id", "title", …}]};
- lists in a path are comma separated; clients split long lists (about 25 years, 20 areas a call).
"""

from __future__ import annotations

import http.client
import json
import socket
import time
import unicodedata
import urllib.parse
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Iterator

from ..problems import UserError

DEFAULT_BASE = "https://api.kolada.se/v3"
ENV_BASE = "VPGEN_KOLADA_URL"
RETRY_STATUS = {429, 500, 502, 503, 504}
YEARS_PER_CALL = 25
AREAS_PER_CALL = 20
MAX_PAGES = 200

# County codes (SCB länskoder); Kolada's id of a county is "00" + the code.
COUNTY_CODES = {
    "stockholm": "01", "uppsala": "03", "södermanland": "04", "östergötland": "05", "jönköping": "06",
    "kronoberg": "07", "kalmar": "08", "gotland": "09", "blekinge": "10", "skåne": "12", "halland": "13",
    "västra götaland": "14", "värmland": "17", "örebro": "18", "västmanland": "19", "dalarna": "20",
    "gävleborg": "21", "västernorrland": "22", "jämtland": "23", "jämtland härjedalen": "23",
    "västerbotten": "24", "norrbotten": "25",
}
COUNTRY = {"riket": "0000", "sverige": "0000"}


class KoladaError(UserError):
    """Kolada could not be reached or answered something unusable; the message says what to do.

    `status` is the HTTP status when Kolada answered with one it will not change its mind about.
    """

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status

    def __reduce__(self):
        return (KoladaError, (str(self), self.status))


def county_core(name: str) -> str:
    """'Region Örebro län', 'Örebro län', 'Jönköpings län' -> 'örebro', 'jönköping'."""
    text = unicodedata.normalize("NFC", name).casefold().strip()
    for prefix in ("region ",):
        if text.startswith(prefix):
            text = text[len(prefix):]
    for suffix in ("sregionen", "regionen", " län"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    text = text.strip()
    if text not in COUNTY_CODES and text.endswith("s") and text[:-1] in COUNTY_CODES:
        text = text[:-1]  # "jönköpings" (län already removed)
    return text


def area_id(name: str, overrides: dict[str, str] | None = None) -> str | None:
    """Kolada's id of a county or the country by name; an explicit override wins."""
    if overrides and name in overrides:
        return overrides[name]
    core = county_core(name)
    if core in COUNTRY:
        return COUNTRY[core]
    code = COUNTY_CODES.get(core)
    return "00" + code if code else None


@dataclass(frozen=True)
class KpiValue:
    kpi: str
    area: str  # Kolada's municipality id, e.g. "0018"
    year: int
    value: Decimal


@dataclass
class KoladaClient:
    """GET with a timeout, retries with exponential back-off, and paging."""

    base_url: str = DEFAULT_BASE
    timeout: float = 20.0
    attempts: int = 4  # tries per request, the first included
    backoff: float = 1.0  # seconds before the second try; doubled for each further try
    sleep: Callable[[float], None] = time.sleep
    requests: list[str] = field(default_factory=list)  # every URL asked, for reports and tests

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/")

    # -- one request

    def get_json(self, url: str) -> dict:
        """The JSON object at `url`; KoladaError (Swedish) once retries are spent or on a client error."""
        last = ""
        for attempt in range(1, max(1, self.attempts) + 1):
            self.requests.append(url)
            try:
                status, body = self._get(url)
            except (socket.timeout, TimeoutError):
                last = f"Kolada svarade inte inom {_seconds(self.timeout)}"
            except (OSError, http.client.HTTPException) as err:  # refused, reset, no route, no DNS
                last = _offline_message(url, err)
            else:
                if status == 200:
                    return _parse(body, url)
                if status not in RETRY_STATUS:
                    raise KoladaError(_status_message(status, url), status)
                last = f"Kolada svarade {status} ({_status_word(status)})"
            if attempt < self.attempts:
                self.sleep(self.backoff * 2 ** (attempt - 1))
        tries = f"{self.attempts} försök" if self.attempts > 1 else "ett försök"
        raise KoladaError(f"{last} ({tries}, {url}). Inget har ändrats — försök igen senare.")

    def _get(self, url: str, redirects: int = 5) -> tuple[int, bytes]:
        """One GET with http.client, the connection always closed (also when the answer times out)."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise KoladaError(f"Koladas adress ska börja med https:// (nu: {url})")
        kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        connection = kind(parts.hostname, parts.port, timeout=self.timeout)
        try:
            connection.request("GET", (parts.path or "/") + (f"?{parts.query}" if parts.query else ""),
                               headers={"Accept": "application/json", "User-Agent": "vpgen (verksamhetsplan)"})
            answer = connection.getresponse()
            status, body, location = answer.status, answer.read(), answer.getheader("Location")
        finally:
            connection.close()
        if status in (301, 302, 303, 307, 308) and location and redirects:
            return self._get(urllib.parse.urljoin(url, location), redirects - 1)
        return status, body

    # -- paging

    def pages(self, url: str) -> Iterator[list]:
        """The `values` of every page, following next_url (v3) or next_page (v2)."""
        seen: set[str] = set()
        while url:
            if url in seen or len(seen) >= MAX_PAGES:
                raise KoladaError(f"Kolada skickar sidor i en slinga ({url}) — inget har ändrats")
            seen.add(url)
            answer = self.get_json(url)
            values = answer.get("values")
            if not isinstance(values, list):
                raise KoladaError(f"Kolada svarade utan en lista 'values' ({url}) — oväntat svar, inget har ändrats")
            yield values
            following = answer.get("next_url") or answer.get("next_page")
            url = self._next(url, following) if following else ""

    def _next(self, current: str, link: str) -> str:
        """A next-page link on our base: the official address is re-rooted (a test server, a proxy)."""
        if not isinstance(link, str):
            raise KoladaError(f"Kolada gav en ogiltig länk till nästa sida ({link!r})")
        if link.startswith(DEFAULT_BASE) and self.base_url != DEFAULT_BASE:
            return self.base_url + link[len(DEFAULT_BASE):]
        absolute = urllib.parse.urljoin(current, link)
        ours, theirs = urllib.parse.urlsplit(self.base_url), urllib.parse.urlsplit(absolute)
        if (theirs.scheme, theirs.netloc) != (ours.scheme, ours.netloc):
            raise KoladaError(f"Kolada pekade nästa sida till en annan adress ({absolute}) — inget har ändrats")
        return absolute

    # -- endpoints

    def _url(self, *parts: str) -> str:
        return self.base_url + "/" + "/".join(urllib.parse.quote(part, safe=",") for part in parts)

    def kpi_title(self, kpi: str) -> str:
        """The key figure's title; KoladaError when Kolada does not know the id."""
        try:
            values = [v for page in self.pages(self._url("kpi", kpi)) for v in page]
        except KoladaError as err:
            if err.status == 404:  # not a "404" anywhere in the message: the port may hold one
                raise KoladaError(f"Kolada känner inte till nyckeltalet {kpi} (404) — kontrollera 'kolada:' i "
                                  "styrtal-data.yaml") from None
            raise
        match = next((v for v in values if isinstance(v, dict) and v.get("id") == kpi), None)
        if match is None:
            raise KoladaError(f"Kolada känner inte till nyckeltalet {kpi} — kontrollera 'kolada:' i styrtal-data.yaml")
        return str(match.get("title") or kpi)

    def areas(self, ids: list[str]) -> dict[str, str]:
        """Kolada's title of each id ('0018' -> 'Region Örebro län')."""
        out: dict[str, str] = {}
        for chunk in _chunks(ids, AREAS_PER_CALL):
            for page in self.pages(self._url("municipality", ",".join(chunk))):
                for item in page:
                    if isinstance(item, dict) and isinstance(item.get("id"), str):
                        out[item["id"]] = str(item.get("title") or "")
        return out

    def values(self, kpi: str, ids: list[str], years: list[int]) -> list[KpiValue]:
        """The total (gender T) value of `kpi` for each area and year Kolada has; missing ones are left out."""
        out: list[KpiValue] = []
        for area_chunk in _chunks(ids, AREAS_PER_CALL):
            for year_chunk in _chunks([str(y) for y in years], YEARS_PER_CALL):
                url = self._url("data", "kpi", kpi, "municipality", ",".join(area_chunk), "year", ",".join(year_chunk))
                for page in self.pages(url):
                    out += _values(page, kpi, url)
        return out


def _values(page: list, kpi: str, url: str) -> list[KpiValue]:
    out = []
    for item in page:
        try:
            area, period = str(item["municipality"]), int(str(item["period"]))
            entries = item.get("values") or []
        except (KeyError, TypeError, ValueError):
            raise KoladaError(f"Kolada svarade med en rad utan kommun eller år ({url}) — oväntat svar, inget har ändrats") from None
        total = next((e for e in entries if isinstance(e, dict) and e.get("gender") == "T"), None)
        if total is None and len(entries) == 1 and isinstance(entries[0], dict):
            total = entries[0]
        value = total.get("value") if total else None
        if value is None or isinstance(value, bool) or not isinstance(value, (int, float)):
            continue  # no figure for this year (Kolada gives null), not an error
        number = Decimal(int(value)) if float(value).is_integer() else Decimal(repr(float(value)))
        out.append(KpiValue(str(item.get("kpi") or kpi), area, period, number))
    return out


def _parse(body: bytes, url: str) -> dict:
    try:
        answer = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        start = body[:60].decode("utf-8", "replace").replace("\n", " ")
        raise KoladaError(f"Kolada svarade med något som inte är JSON ({url}: \"{start}…\") — "
                          "försök igen senare; inget har ändrats") from None
    if not isinstance(answer, dict):
        raise KoladaError(f"Kolada svarade inte med ett JSON-objekt ({url}) — oväntat svar, inget har ändrats")
    return answer


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def _seconds(value: float) -> str:
    text = f"{value:g}".replace(".", ",")
    return f"{text} sekund" if value == 1 else f"{text} sekunder"


def _status_word(code: int) -> str:
    return {400: "felaktig fråga", 404: "hittades inte", 429: "för många frågor", 500: "internt fel",
            502: "felaktig gateway", 503: "tjänsten är inte tillgänglig", 504: "gateway-timeout"}.get(code, "fel")


def _status_message(code: int, url: str) -> str:
    hint = {404: "adressen finns inte — kontrollera nyckeltalets id och --bas-url",
            400: "Kolada förstod inte frågan — kontrollera nyckeltalets id och åren"}.get(code, "inget har ändrats")
    return f"Kolada svarade {code} ({_status_word(code)}) för {url} — {hint}"


def _offline_message(url: str, reason) -> str:
    host = urllib.parse.urlsplit(url).netloc or url
    if isinstance(reason, socket.gaierror):
        why = "adressen kunde inte slås upp — är datorn ansluten till internet?"
    elif isinstance(reason, ConnectionRefusedError):
        why = "anslutningen nekades"
    elif isinstance(reason, ConnectionResetError):
        why = "anslutningen bröts"
    else:
        why = f"{reason}"
    return f"Kunde inte nå Kolada ({host}): {why}"
