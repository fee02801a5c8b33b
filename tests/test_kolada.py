"""The Kolada client and `vpgen styrtal hämta`, against a local HTTP server serving recorded answers.

The server runs on 127.0.0.1 in a thread; each path has a script of answers (status, body,
delay), so paging, an error status followed by success, a 404, a slow answer and a body that is
not JSON are all exercised without the internet.
"""

from __future__ import annotations

import datetime
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.styrtal.kolada import KoladaClient, KoladaError, area_id, county_core
from generator.load import load_content

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "kolada"
IDS = "0018,0006,0007,0017,0019"
DATA = f"/v3/data/kpi/N03702/municipality/{IDS}/year/2022,2023"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


class Server:
    """A local Kolada: routes map a path (with query) to answers, used in turn (the last one repeats)."""

    def __init__(self):
        self.routes: dict[str, list[tuple[int, bytes, float]]] = {}
        self.seen: list[str] = []
        self.release = threading.Event()  # set at teardown: a slow answer stops waiting at once
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server name
                outer.seen.append(self.path)
                answers = outer.routes.get(self.path)
                if not answers:
                    status, body, delay = 404, b'{"error": "not found"}', 0.0
                else:
                    status, body, delay = answers.pop(0) if len(answers) > 1 else answers[0]
                if delay:
                    outer.release.wait(delay)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                    pass

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        # server_close() waits for every handler (a slow answer still sleeping) and closes its socket,
        # so nothing is left open for the next test.
        self.httpd.daemon_threads = False
        self.httpd.block_on_close = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v3"

    def route(self, path: str, *answers: tuple[int, bytes, float]) -> None:
        self.routes[path] = list(answers)

    def standard(self) -> None:
        self.route(f"/v3/municipality/{IDS}", (200, fixture("municipality.json"), 0))
        self.route("/v3/kpi/N03702", (200, fixture("kpi-N03702.json"), 0))
        self.route(DATA, (200, fixture("data-N03702-page1.json"), 0))
        self.route(DATA + "?page=2&per_page=5", (200, fixture("data-N03702-page2.json"), 0))


@pytest.fixture
def server():
    srv = Server()
    srv.thread.start()
    yield srv
    srv.release.set()
    srv.httpd.shutdown()
    srv.httpd.server_close()


def client(server: Server, **kwargs) -> KoladaClient:
    sleeps: list[float] = []
    made = KoladaClient(base_url=server.base, timeout=kwargs.pop("timeout", 2.0), sleep=sleeps.append, **kwargs)
    made.sleeps = sleeps
    return made


# ---------------------------------------------------------------- the client

def test_values_follow_next_url_across_pages_and_skip_missing_figures(server):
    server.standard()
    kolada = client(server)
    values = kolada.values("N03702", IDS.split(","), [2022, 2023])
    assert [(v.area, v.year, str(v.value)) for v in values] == [
        ("0018", 2022, "482.4"), ("0018", 2023, "501"), ("0006", 2022, "497.9"), ("0006", 2023, "515.2"),
        ("0007", 2022, "489"), ("0007", 2023, "506.3"), ("0017", 2022, "440.7"), ("0017", 2023, "458.8"),
        ("0019", 2023, "477.1"),  # 0019 2022 is null in Kolada: left out, not zero
    ]
    # The next page's official address was re-rooted onto the local server.
    assert server.seen == [DATA, DATA + "?page=2&per_page=5"]


def test_a_relative_next_page_link_is_followed_too(server):
    server.route("/v3/kpi/N03702", (200, b'{"values": [], "next_page": "/v3/kpi/N03702?page=2"}', 0))
    server.route("/v3/kpi/N03702?page=2", (200, fixture("kpi-N03702.json"), 0))
    assert client(server).kpi_title("N03702") == "Bruttoregionprodukt (BRP), tkr/inv"


def test_a_503_is_retried_with_growing_pauses_then_succeeds(server):
    server.route("/v3/kpi/N03702", (503, b"{}", 0), (503, b"{}", 0), (200, fixture("kpi-N03702.json"), 0))
    kolada = client(server, attempts=4, backoff=0.5)
    assert kolada.kpi_title("N03702") == "Bruttoregionprodukt (BRP), tkr/inv"
    assert len(server.seen) == 3
    assert kolada.sleeps == [0.5, 1.0]


def test_a_503_that_persists_gives_up_after_the_attempts_with_a_swedish_message(server):
    server.route("/v3/kpi/N03702", (503, b"{}", 0))
    kolada = client(server, attempts=3, backoff=0.1)
    with pytest.raises(KoladaError) as err:
        kolada.kpi_title("N03702")
    assert str(err.value) == (f"Kolada svarade 503 (tjänsten är inte tillgänglig) (3 försök, {server.base}/kpi/N03702). "
                              "Inget har ändrats — försök igen senare.")
    assert len(server.seen) == 3


def test_a_404_is_not_retried_and_names_the_key_figure(server):
    kolada = client(server, attempts=4)
    with pytest.raises(KoladaError) as err:
        kolada.kpi_title("N99999")
    assert str(err.value) == "Kolada känner inte till nyckeltalet N99999 (404) — kontrollera 'kolada:' i styrtal-data.yaml"
    assert server.seen == ["/v3/kpi/N99999"]


def test_a_slow_answer_times_out_and_is_retried(server):
    # The answer would come after a minute (the test ends it at teardown): only the timeout can end
    # each attempt, however busy the machine is.
    server.route("/v3/kpi/N03702", (200, fixture("kpi-N03702.json"), 60.0))
    kolada = client(server, timeout=0.3, attempts=2, backoff=0.01)
    with pytest.raises(KoladaError) as err:
        kolada.kpi_title("N03702")
    assert str(err.value).startswith("Kolada svarade inte inom 0,3 sekunder (2 försök, ")
    assert err.value.status is None
    assert len(server.seen) == 2
    assert kolada.sleeps == [0.01]


def test_a_timeout_whose_address_holds_404_is_not_taken_for_an_unknown_kpi():
    """The message of a timeout names the URL; a port like 40404 in it is not a 404 answer."""
    def timing_out(url: str, redirects: int = 5):
        raise TimeoutError

    kolada = KoladaClient(base_url="http://127.0.0.1:40404/v3", timeout=0.3, attempts=1, sleep=lambda s: None)
    kolada._get = timing_out
    with pytest.raises(KoladaError) as err:
        kolada.kpi_title("N03702")
    assert str(err.value).startswith("Kolada svarade inte inom 0,3 sekunder (ett försök, http://127.0.0.1:40404/")


def test_a_body_that_is_not_json_is_refused(server):
    server.route("/v3/kpi/N03702", (200, fixture("malformed.txt"), 0))
    with pytest.raises(KoladaError) as err:
        client(server).kpi_title("N03702")
    assert str(err.value) == (f"Kolada svarade med något som inte är JSON ({server.base}/kpi/N03702: "
                              "\"<html><body>502 Bad Gateway</body></html> …\") — försök igen senare; inget har ändrats")


def test_json_without_values_is_refused(server):
    server.route("/v3/kpi/N03702", (200, b'{"error": "x"}', 0))
    with pytest.raises(KoladaError, match="utan en lista 'values'"):
        client(server).kpi_title("N03702")


def test_no_server_at_all_says_kolada_cannot_be_reached():
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    kolada = KoladaClient(base_url=f"http://127.0.0.1:{port}/v3", timeout=1, attempts=2, sleep=lambda s: None)
    with pytest.raises(KoladaError) as err:
        kolada.kpi_title("N03702")
    assert str(err.value) == (f"Kunde inte nå Kolada (127.0.0.1:{port}): anslutningen nekades (2 försök, "
                              f"http://127.0.0.1:{port}/v3/kpi/N03702). Inget har ändrats — försök igen senare.")


def test_a_next_page_on_another_host_is_refused(server):
    server.route("/v3/kpi/N03702", (200, b'{"values": [], "next_url": "http://example.invalid/v3/kpi?page=2"}', 0))
    with pytest.raises(KoladaError, match="en annan adress"):
        client(server).kpi_title("N03702")


@pytest.mark.parametrize("name, expected", [
    ("Örebro län", "0018"), ("Region Örebro län", "0018"), ("Jönköping", "0006"), ("Jönköpings län", "0006"),
    ("Kronoberg", "0007"), ("Värmland", "0017"), ("Västmanland", "0019"), ("Västra Götalandsregionen", "0014"),
    ("Region Jämtland Härjedalen", "0023"), ("Riket", "0000"), ("Atlantis", None),
])
def test_county_names_map_to_kolada_region_ids(name, expected):
    assert area_id(name) == expected


def test_an_explicit_area_id_wins():
    assert area_id("Bergslagen", {"Bergslagen": "0099"}) == "0099"
    assert county_core("Region Västmanland") == "västmanland"


# ---------------------------------------------------------------- vpgen styrtal hämta

def hamta(content: Path, server: Server, *extra: str):
    return CliRunner().invoke(cli, ["styrtal", "hämta", "--content", str(content), "--bas-url", server.base,
                                    "--år", "2022-2023", "--timeout", "2", *extra])


def test_hamta_writes_the_values_source_and_date_into_the_data_file(server, content):
    server.standard()
    before = (content / "styrtal-data.yaml").read_text(encoding="utf-8")
    result = hamta(content, server)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == ("brp-per-invanare: N03702 Bruttoregionprodukt (BRP), tkr/inv — 9 värden för Örebro län, "
                        "Jönköping, Kronoberg, Värmland, Västmanland 2022–2023.")
    assert f"Hämtade 9 värden från {server.base} (4 frågor): 3 nya, 0 ändrade, 6 exempelvärden ersatta, 0 oförändrade." in lines
    assert "  ersatte exempelvärde: brp-per-invanare Örebro län 2023: 501" in lines
    assert "  ny:      brp-per-invanare Jönköping 2022: 497,9" in lines
    after = (content / "styrtal-data.yaml").read_text(encoding="utf-8")
    assert after.split("\neget_område")[0] == before.split("\neget_område")[0]  # the header comment is kept
    assert "    datakälla: Kolada, N03702 Bruttoregionprodukt (BRP), tkr/inv\n" in after
    assert f"    hämtad: {datetime.date.today().isoformat()}\n" in after
    assert "      - {år: 2023, värde: 501}\n" in after
    assert "      - {område: Västmanland, år: 2023, värde: 477.1}\n" in after
    assert "      - {år: 2021, värde: 450, exempel: true}\n" in after  # years not fetched stay as they were
    loaded = load_content(content)
    assert loaded.errors == []
    entry = loaded.plan.styrtal_data.styrtal[0]
    assert entry.hamtad == datetime.date.today()


def test_hamta_twice_changes_only_the_date(server, content):
    server.standard()
    assert hamta(content, server).exit_code == 0
    first = (content / "styrtal-data.yaml").read_text(encoding="utf-8")
    server.standard()
    result = hamta(content, server)
    assert result.exit_code == 0, result.output
    assert "0 nya, 0 ändrade, 0 exempelvärden ersatta, 9 oförändrade" in result.output
    assert (content / "styrtal-data.yaml").read_text(encoding="utf-8") == first


def test_hamta_refuses_an_area_whose_kolada_title_is_another_county(server, content):
    server.standard()
    server.route(f"/v3/municipality/{IDS}", (200, fixture("municipality.json").replace(
        b"Region Kronoberg", b"Region Kalmar l\xc3\xa4n"), 0))
    before = (content / "styrtal-data.yaml").read_bytes()
    result = hamta(content, server)
    assert result.exit_code == 1
    assert "Kolada kallar område 0007 'Region Kalmar län', inte Kronoberg — rätta kolada_områden: i styrtal-data.yaml" \
        in result.output
    assert (content / "styrtal-data.yaml").read_bytes() == before


def test_hamta_offline_leaves_the_file_untouched_with_a_clear_message(content):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = (content / "styrtal-data.yaml").read_bytes()
    result = CliRunner().invoke(cli, ["styrtal", "hämta", "--content", str(content), "--bas-url",
                                      f"http://127.0.0.1:{port}/v3", "--försök", "1"])
    assert result.exit_code == 1
    assert result.output.startswith(f"Kunde inte nå Kolada (127.0.0.1:{port}): anslutningen nekades (ett försök, ")
    assert result.output.rstrip().endswith("Inget har ändrats — försök igen senare.")
    assert "Traceback" not in result.output
    assert (content / "styrtal-data.yaml").read_bytes() == before


def test_hamta_takes_the_base_url_from_the_environment(server, content, monkeypatch):
    server.standard()
    monkeypatch.setenv("VPGEN_KOLADA_URL", server.base)
    result = CliRunner().invoke(cli, ["styrtal", "hämta", "--content", str(content), "--år", "2022-2023",
                                      "--torrkörning"])
    assert result.exit_code == 0, result.output
    assert result.output.rstrip().endswith("Torrkörning: " + str(content / "styrtal-data.yaml") + " skrevs inte.")
    assert server.seen[0] == f"/v3/municipality/{IDS}"


def test_hamta_without_any_kolada_id_says_what_to_add(content, server):
    text = (content / "styrtal-data.yaml").read_text(encoding="utf-8").replace("    kolada: N03702\n", "")
    (content / "styrtal-data.yaml").write_text(text, encoding="utf-8")
    result = hamta(content, server)
    assert result.exit_code == 1
    assert result.output.strip() == ("Inget styrtal i styrtal-data.yaml har 'kolada:' — lägg till nyckeltalets id "
                                     "(t.ex. kolada: N03702) vid styrtalet och kör igen")
    assert server.seen == []


def test_build_never_touches_the_network(tmp_path, monkeypatch):
    """`vpgen build` renders the charts from the data file alone: any socket use would fail here."""
    from generator.build import BuildOptions, build

    from .conftest import LAYOUTS, SAMPLE

    def refuse(*args, **kwargs):
        raise AssertionError("build opened a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    result = build(BuildOptions(content_dir=SAMPLE, output_dir=tmp_path, layouts_dir=LAYOUTS, force=True))
    assert any(path.suffix == ".pptx" for path in result.written)
