"""The board deck, reopened: titles, text, language, tables, timeline, notes, fit, templates."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from generator.derive import Derived
from generator.layout import Layout
from generator.problems import LayoutError
from generator.load import load_content
from generator.render.deck import render_decks
from generator.render.sections import Context, omraden

from .conftest import LAYOUTS, REFERENCE, SAMPLE, overflow_findings, replace_in, soffice
from .golden import GOLDEN, summarize_deck

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
DECK = "VP-2026-namndpresentation.pptx"


def render(content: Path = SAMPLE, **layout) -> dict[str, bytes]:
    loaded = load_content(content)
    assert loaded.errors == [], [p.format() for p in loaded.errors]
    return render_decks(loaded.plan, Derived(loaded.plan), Layout(LAYOUTS, **layout))


def deck_of(data: bytes):
    return Presentation(io.BytesIO(data))


def plain(text: str) -> str:
    """Text with its no-break spaces as spaces: what the tests below compare (typography has its own)."""
    return text.replace("\u00a0", " ")


def slide_texts(slide) -> list[str]:
    """Every paragraph on a slide except the title, in shape order (no-break spaces as spaces)."""
    return [plain(t) for t in _slide_texts(slide)]


FRAME = {"ftr", "sldNum", "dt"}


def is_frame(shape) -> bool:
    """The footer and the slide number (placeholders, or text boxes named so where drawn)."""
    if shape.is_placeholder and shape.placeholder_format.type is not None:
        kind = shape._element.find(".//{http://schemas.openxmlformats.org/presentationml/2006/main}ph").get("type")
        return kind in FRAME
    return shape.name.startswith(("Sidfot", "Bildnummer"))


def _slide_texts(slide) -> list[str]:
    texts = []
    for shape in slide.shapes:
        if shape == slide.shapes.title or is_frame(shape):
            continue
        if shape.has_text_frame:
            texts += [p.text for p in shape.text_frame.paragraphs]
        elif shape.has_table:
            texts += [cell.text for row in shape.table.rows for cell in row.cells]
        elif shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            texts += [p.text for inner in shape.shapes if inner.has_text_frame for p in inner.text_frame.paragraphs]
    return texts


# A numbered uppdrag's line, after its label when the plan is compared with last year's ("Ny: Nr 28. …").
NUMBERED = re.compile(r"(?:Ny: |Ändrad: )?Nr (\d+)\. ")


def title_of(slide) -> str:
    return plain(slide.shapes.title.text)


def titles(prs) -> list[str]:
    return [title_of(slide) for slide in prs.slides]


@pytest.fixture(scope="module")
def sample() -> bytes:
    return render()[DECK]


def test_sample_deck_matches_golden_summary(sample):
    expected = (GOLDEN / "VP-2026-namndpresentation.txt").read_text(encoding="utf-8")
    assert summarize_deck(sample) == expected, "deck changed: review, then run `python -m tests.golden`"


def test_sections_follow_the_reference_order(sample):
    got = titles(deck_of(sample))
    order = [
        "Förslag till ändringar av målsättningar, styrtal och uppdrag till VP-2026", "Tidplan",
        "Framtida utmaningar – omvärldsfaktorer", "Framtida utmaningar – interna", "Målsättningar",
        "Målsättningar med styrtal", "Målsättning 4 – Den hållbara regionala utvecklingen ligger i framkant.",
        "Fokusområde 4.1.1 – Omställning, innovation och attraktionskraft (Innovationsstöds- och företagsfrämjande system): styrtal",
        "Fokusområde 4.3 – Kompetensförsörjning: uppdrag",
        "Målsättningar med uppdrag från fullmäktige som riktas till samtliga nämnder",
        "Gemensamma målsättningar med uppdrag – målsättning nr 6",
        "Gemensamma målsättningar med uppdrag – Beredskap och säkerhet; Motverka välfärdsbrottslighet",
        "Sammanfattning av uppdrag till regional tillväxtnämnd (17 st)",
        "Sammanfattning av uppdrag till regional tillväxtnämnd (forts.)",
        "Sammanfattning – mål, styrtal och uppdrag",
        "Ekonomiska förutsättningar och förslag till fördelning av ramanslag",
        "Ekonomiska förutsättningar 2026 (2025-06-17)",
        "Framtagande av resursfördelningsmodell inom Regional tillväxtnämnd 2025",
        "Fördelning av ramanslag inom Regionala tillväxtnämnden 2026",
        "Förslag till uppräkning per förening/stiftelse 2026",
        "Preliminärt utrymme för (eventuella) satsningar 2025-08-08", "Internkontrollplan",
        "Presentation av verksamhetens förutsättningar",
        "Anvisningar för presentation av verksamhetsplan 2026 för Regional tillväxtnämnd", "Övergripande",
        "Välfärd och folkhälsa", "Insatser där område Välfärd och folkhälsa kan bidra till de tre fokusområdena",
        "Utmaningar – Välfärd och folkhälsa", "Energi och klimat", "Utmaningar – Energi och klimat",
        "Näringslivsutveckling", "Utmaningar – Näringslivsutveckling",
        "Storregionalt samarbete – aktuella frågor", "Frågor?",
    ]
    positions = [got.index(title) for title in order]
    assert positions == sorted(positions)
    assert got[0] == order[0] and got[-1] == "Frågor?"


def test_every_slide_has_a_unique_non_empty_title(sample):
    got = titles(deck_of(sample))
    assert all(t.strip() for t in got)
    assert len(got) == len(set(got))


def test_every_run_and_paragraph_end_is_tagged_swedish(sample):
    prs = deck_of(sample)
    parts = [slide._element for slide in prs.slides] + [s.notes_slide._element for s in prs.slides if s.has_notes_slide]
    tags = [el.get("lang") for part in parts for tag in ("rPr", "endParaRPr") for el in part.iter(A + tag)]
    assert len(tags) > 400
    assert set(tags) == {"sv-SE"}
    assert prs.core_properties.language == "sv-SE"


def test_tables_mark_their_header_row(sample):
    tables = [shape for slide in deck_of(sample).slides for shape in slide.shapes if shape.has_table]
    assert len(tables) == 5  # the changes against VP-2025, the counts, three economy tables
    for frame in tables:
        assert frame.table.first_row
        assert frame._element.find(f".//{A}tblPr").get("firstRow") == "1"
        header = [cell.text for cell in frame.table.rows[0].cells]
        assert header[0] in ("Vad", "Område/verksamhet", "Förening/stiftelse", "Post")


def test_economy_table_cells_are_swedish_numbers_with_computed_totals(sample):
    prs = deck_of(sample)
    slide = next(s for s in prs.slides if title_of(s).startswith("Fördelning av ramanslag"))
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Område/verksamhet", "Ramanslag 2025, Mnkr", "Ramanslag 2026, Mnkr", "Förändring, Mnkr"]
    assert rows[-1] == ["Summa", "146,8", "151,3", "4,5"]
    assert rows[1] == ["Ledning och verksamhetsstöd", "12,0", "12,4", "0,4"]
    assert "Exempeldata – ersätts före beslut" in slide_texts(slide)
    assert any("Fellingsbro folkhögskola" in t and "2,4 mnkr" in t for t in slide_texts(slide))


def test_timeline_is_drawn_shapes_with_alt_text(sample):
    slide = next(s for s in deck_of(sample).slides if title_of(s) == "Tidplan")
    group = next(shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.GROUP)
    descr = plain(group._element.find(".//{http://schemas.openxmlformats.org/presentationml/2006/main}cNvPr").get("descr"))
    assert descr.startswith("Tidslinje med 5 milstolpar: 17 juni 2025: Ekonomiska förutsättningar beslutas av fullmäktige")
    assert "18 november 2025: Vp-2026 och budget beslutas på nämnd" in descr
    dates = [plain(s.text_frame.text) for s in group.shapes if s.name.startswith("Datum")]
    assert dates == ["17 juni", "4 september", "14 september", "1 oktober", "18 november"]
    lefts = [s.left for s in group.shapes if s.name.startswith("Datum")]
    assert lefts == sorted(lefts)  # reading order follows the visual order
    assert not any(shape.has_text_frame and shape.text_frame.text for shape in slide.placeholders
                   if shape != slide.shapes.title and not is_frame(shape))


def test_speaker_notes_carry_each_items_kalla(sample):
    prs = deck_of(sample)
    slides = [s for s in prs.slides if title_of(s).startswith("Fokusområde 4.1.1") and "uppdrag" in title_of(s)]
    notes = [plain(line) for s in slides for line in s.notes_slide.notes_text_frame.text.split("\n")]
    assert "Nr 27 – källa: Från FM; hade nr 24 i VP-2025." in notes
    assert "Nr 30 – källa: FM 2026; ny, finns inte i VP-2025." in notes
    assert ("Uppdrag ”Att färdigställa ny näringslivs- och innovationsstrategi” – källa: Förslag DN 2026; ändrad "
            "(i VP-2025: ”Att ta fram en ny näringslivs- och innovationsstrategi.”).") in notes
    assert "Uppdrag ”Att öka samverkan med länets aktörer för att stärka ungas e…” – källa: DN 2025" in notes
    summary = [s for s in prs.slides if title_of(s).startswith("Sammanfattning av uppdrag")]
    lines = [plain(line) for s in summary for line in s.notes_slide.notes_text_frame.text.split("\n")]
    assert "Nr 50 – källa: Från FM" in lines and len(lines) == 17


def test_summary_count_is_computed_and_lists_uppdrag_in_reference_order(sample):
    prs = deck_of(sample)
    slides = [s for s in prs.slides if title_of(s).startswith("Sammanfattning av uppdrag")]
    assert title_of(slides[0]).endswith("(17 st)")
    numbers = [int(m.group(1)) for s in slides for t in slide_texts(s) if (m := NUMBERED.match(t))]
    assert numbers == [27, 28, 29, 30, 31, 32, 33, 50, 51, 52, 54, 55, 56, 41, 38, 59, 61]


def test_counts_slide_has_real_content(sample):
    slide = next(s for s in deck_of(sample).slides if title_of(s) == "Sammanfattning – mål, styrtal och uppdrag")
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    rows = {row.cells[0].text: [c.text for c in row.cells][1:] for row in table.rows}
    assert rows["Målsättningar"] == ["10", "–", "–"]
    assert rows["Styrtal"] == ["22", "10", "12"]
    assert rows["Uppdrag till nämnden"] == ["7", "0", "7"]
    assert rows["Uppdrag till förvaltningen"] == ["9", "6", "3"]
    assert rows["Gemensamma uppdrag från fullmäktige"] == ["10", "0", "10"]


def test_same_content_gives_byte_identical_deck():
    from generator.writer import normalize_zip

    first, second = render()[DECK], render()[DECK]
    assert normalize_zip(first) == normalize_zip(second)
    assert deck_of(first).core_properties.modified.isoformat() == "2025-09-29T12:00:00"


FORTY = "".join(
    f"            - nr: {100 + i}\n"
    f"              text: Att genomföra extrauppdrag nummer {i + 1} med en lång beskrivning som tar två rader på bilden.\n"
    f"              källa: FM 2026\n"
    for i in range(33)
)


@pytest.fixture
def long_content(content: Path) -> Path:
    """The sample with 40 numbered uppdrag under 4.3 and a 40-row fördelning table."""
    replace_in(content / "malsattningar.yaml",
               "              text: Att folkhögskolorna med sitt breda utbud verkar för att stärka länets kompetensförsörjning.\n"
               "              källa: FM 2026\n",
               "              text: Att folkhögskolorna med sitt breda utbud verkar för att stärka länets kompetensförsörjning.\n"
               "              källa: FM 2026\n" + FORTY)
    rows = "".join(f"    - {{namn: Verksamhet {i}, föregående_mnkr: 0.0, planår_mnkr: 0.0}}\n" for i in range(31))
    replace_in(content / "ekonomi.yaml", "    - {namn: FUM,                           föregående_mnkr: 2.0,  planår_mnkr: 2.0}\n",
               "    - {namn: FUM,                           föregående_mnkr: 2.0,  planår_mnkr: 2.0}\n" + rows)
    return content


def test_long_uppdrag_list_continues_on_forts_slide(long_content):
    prs = deck_of(render(long_content)[DECK])
    got = titles(prs)
    uppdrag = [t for t in got if t.startswith("Fokusområde 4.3 – Kompetensförsörjning: uppdrag")]
    assert uppdrag[0] == "Fokusområde 4.3 – Kompetensförsörjning: uppdrag"
    assert uppdrag[1] == "Fokusområde 4.3 – Kompetensförsörjning: uppdrag (forts.)"
    assert len(uppdrag) >= 3 and uppdrag[2] == "Fokusområde 4.3 – Kompetensförsörjning: uppdrag (forts. 2)"
    summary = [s for s in prs.slides if title_of(s).startswith("Sammanfattning av uppdrag")]
    assert title_of(summary[0]).endswith("(50 st)")
    assert [title_of(s) for s in summary][1] == "Sammanfattning av uppdrag till regional tillväxtnämnd (forts.)"
    numbers = [int(m.group(1)) for s in summary for t in slide_texts(s) if (m := NUMBERED.match(t))]
    assert len(numbers) == 50 and numbers[:8] == [27, 28, 29, 30, 31, 32, 33, 100]
    # A continued group repeats its heading, marked as continued.
    second = prs.slides[got.index(uppdrag[1])]
    assert slide_texts(second)[0] == "Regionala tillväxtnämnden får i uppdrag (forts.)"
    assert len(got) == len(set(got))


def test_long_table_continues_and_repeats_its_header_row(long_content):
    prs = deck_of(render(long_content)[DECK])
    slides = [s for s in prs.slides if title_of(s).startswith("Fördelning av ramanslag")]
    assert len(slides) >= 2
    assert title_of(slides[1]) == "Fördelning av ramanslag inom Regionala tillväxtnämnden 2026 (forts.)"
    tables = [next(sh.table for sh in s.shapes if sh.has_table) for s in slides]
    for table in tables:
        assert table.first_row
        assert table.rows[0].cells[0].text == "Område/verksamhet"
    assert tables[-1].rows[len(tables[-1].rows) - 1].cells[0].text == "Summa"
    assert all(t.rows[len(t.rows) - 1].cells[0].text != "Summa" for t in tables[:-1])
    body_rows = sum(len(t.rows) - 1 for t in tables) - 1
    assert body_rows == 40


HOSTILE = {
    "control": ("\"Kontroll\\x07tecken\\x1b och \\x0b radbrytning\"", "Kontrolltecken och radbrytning"),
    "emoji": ("\"Klimat 🌍🔥 och familj 👩‍👩‍👧\"", "Klimat 🌍🔥 och familj 👩‍👩‍👧"),
    "word": ("A" * 200, "A" * 200),
    "rtl": ("\"Samverkan שלום עולם مرحبا بالعالم\"", "Samverkan שלום עולם مرحبا بالعالم"),
    "jinja": ("\"{{ 7*7 }} och {% raw %}\"", "{{ 7*7 }} och {% raw %}"),
    "xml": ("\"<a:t>&amp; </p:sld>\"", "<a:t>&amp; </p:sld>"),
}


@pytest.fixture
def hostile_content(content: Path) -> Path:
    items = "".join(f"  - {raw}\n" for raw, _ in HOSTILE.values())
    replace_in(content / "omvarld.yaml", "  - Osäker geopolitik\n", "  - Osäker geopolitik\n" + items)
    replace_in(content / "plan.yaml", "    titel: Presentation av verksamhetens förutsättningar",
               "    titel: " + "Presentationavverksamhetensförutsättningar" * 6)
    return content


def test_hostile_text_neither_crashes_nor_corrupts_and_reads_back(hostile_content):
    data = render(hostile_content)[DECK]
    prs = deck_of(data)
    slide = next(s for s in prs.slides if title_of(s) == "Framtida utmaningar – omvärldsfaktorer")
    texts = slide_texts(slide)
    for _, expected in HOSTILE.values():
        assert expected in texts
    assert "49" not in " ".join(texts)
    long_title = next(s for s in prs.slides if title_of(s).startswith("Presentationavverksamhetens"))
    # A title slide's own title is never cut: it wraps inside the word, smaller, in a taller box.
    assert title_of(long_title) == "Presentationavverksamhetensförutsättningar" * 6
    sizes = {run.font.size.pt for run in long_title.shapes.title.text_frame.paragraphs[0].runs}
    assert len(sizes) == 1 and min(sizes) >= 14


def test_outline_reorders_and_drops_sections(tmp_path):
    outline = tmp_path / "kort.yaml"
    outline.write_text(
        "layouter: {titel: Rubrikbild, avsnitt: Avsnittsrubrik, innehåll: Rubrik och innehåll,\n"
        "  två_innehåll: Två innehåll, tabell: Tabell, rubrik: Endast rubrik, tom: Tom}\n"
        "presentationer:\n"
        "  - fil: kort\n"
        "    avsnitt:\n"
        "      - {typ: avslutning}\n"
        "      - {typ: målsättningar}\n"
        "      - {typ: titel, innehåll: ekonomi}\n", encoding="utf-8")
    out = render(outline_override=outline)
    assert list(out) == ["VP-2026-kort.pptx"]
    assert titles(deck_of(out["VP-2026-kort.pptx"])) == [
        "Frågor?", "Målsättningar", "Ekonomiska förutsättningar och förslag till fördelning av ramanslag"]


def test_outline_with_unknown_section_kind_names_file_and_line(tmp_path):
    outline = tmp_path / "fel.yaml"
    outline.write_text("layouter: {innehåll: Rubrik och innehåll}\npresentationer:\n  - fil: x\n    avsnitt:\n"
                       "      - {typ: tidplan}\n      - {typ: tidsplan}\n", encoding="utf-8")
    with pytest.raises(LayoutError) as err:
        render(outline_override=outline)
    assert str(err.value).startswith("dispositionen har fel:\n")
    assert f"{outline.parent.name}/fel.yaml:6:" in str(err.value) or "fel.yaml:6:" in str(err.value)
    assert ("presentationer[1].avsnitt[2].typ: 'tidsplan' är inte tillåtet här — skriv titel eller tidplan eller "
            "punktlista eller") in str(err.value)


def test_three_part_outline_builds_three_decks_each_opening_with_a_title_slide():
    out = render(outline_override=LAYOUTS / "deck-delar.yaml")
    assert list(out) == ["VP-2026-forslag.pptx", "VP-2026-ekonomi.pptx", "VP-2026-forutsattningar.pptx"]
    firsts = [deck_of(data).slides[0] for data in out.values()]
    assert [s.slide_layout.name for s in firsts] == ["Rubrikbild"] * 3
    assert [title_of(s) for s in firsts] == [
        "Förslag till ändringar av målsättningar, styrtal och uppdrag till VP-2026",
        "Ekonomiska förutsättningar och förslag till fördelning av ramanslag",
        "Presentation av verksamhetens förutsättningar",
    ]
    # The one-file deck's slides, in its order; each part has its own type scale, so a part may need a
    # "(forts.)" slide the whole deck does not (or the other way round), and each part closes on its own.
    parts = [title for data in out.values() for title in titles(deck_of(data)) if "(forts." not in title]
    whole = [title for title in titles(deck_of(render()[DECK])) if "(forts." not in title]
    rest = iter(parts)
    assert all(title in rest for title in whole)  # whole is a subsequence of parts
    assert set(parts) == set(whole)


def test_python_pptx_default_template_is_usable(tmp_path):
    template = tmp_path / "default.pptx"
    Presentation().save(template)
    prs = deck_of(render(pptx_override=template)[DECK])
    assert prs.slide_width == 9144000  # their size, not ours
    got = titles(prs)
    assert got[0] == "Förslag till ändringar av målsättningar, styrtal och uppdrag till VP-2026"
    assert prs.slides[0].slide_layout.name == "Title Slide"
    assert prs.slides[got.index("Målsättningar")].slide_layout.name == "Title and Content"
    assert len(got) == len(set(got))


def test_template_without_usable_layouts_is_refused_with_the_layout_named(tmp_path):
    prs = Presentation()
    for layout in list(prs.slide_layouts):
        if layout.name != "Blank":
            prs.slide_master.slide_layouts.remove(layout)
    template = tmp_path / "tom.pptx"
    prs.save(template)
    with pytest.raises(LayoutError) as err:
        render(pptx_override=template)
    assert str(err.value) == (f"mallen {template} saknar layouten 'Rubrik och innehåll' och har ingen layout med "
                              "rubrik och innehåll")


@pytest.mark.parametrize("name, payload, message", [
    ("inte.pptx", b"hej", "är ingen PowerPoint-fil (.pptx eller .potx): filen är inget zip-arkiv"),
    ("word.pptx", None, "är inte en PowerPoint-presentation (det är ett Word-dokument)"),
])
def test_unusable_template_file_is_refused(tmp_path, name, payload, message):
    template = tmp_path / name
    if payload is None:
        import docx

        docx.Document().save(template)
    else:
        template.write_bytes(payload)
    with pytest.raises(LayoutError) as err:
        render(pptx_override=template)
    assert str(err.value) == f"PowerPoint-mallen {template} {message}"


# ---------------------------------------------------------------- rendered with LibreOffice

def test_sample_deck_renders_without_any_overflow_or_text_under_14_pt(tmp_path, sample):
    path = tmp_path / DECK
    path.write_bytes(sample)
    assert overflow_findings(path, min_font=14) == []


def test_long_and_hostile_decks_render_without_overflow(tmp_path, long_content):
    # Both kinds of stress in one content folder, to convert once.
    items = "".join(f"  - {raw}\n" for raw, _ in HOSTILE.values())
    replace_in(long_content / "omvarld.yaml", "  - Osäker geopolitik\n", "  - Osäker geopolitik\n" + items)
    path = tmp_path / DECK
    path.write_bytes(render(long_content)[DECK])
    # MISSING_TEXT is left out here: emoji and right-to-left runs come out of the PDF in another
    # order or as other code points, so the checker cannot match all their characters.
    assert [f for f in overflow_findings(path) if f["kind"] != "MISSING_TEXT"] == []


def test_libreoffice_template_is_usable_and_fits(tmp_path):
    office = soffice()
    source = Path("/usr/lib/libreoffice/share/template/common/presnt/Focus.otp")
    if not source.exists():
        pytest.skip("LibreOffice's bundled Impress templates are not installed")
    shutil.copy(source, tmp_path / "Focus.otp")
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pptx",
                    "--outdir", str(tmp_path), str(tmp_path / "Focus.otp")], check=True, capture_output=True, timeout=120)
    deck = deck_of(render(pptx_override=tmp_path / "Focus.pptx")[DECK])
    assert deck.slides[1].slide_layout.name == "Title Only"
    path = tmp_path / DECK
    deck.save(path)
    # Tolerance 6 pt: with zero insets, LibreOffice's PDF puts a line's trailing space past the
    # box edge (the last glyph is inside); any real overflow is a whole line or word, far more.
    assert overflow_findings(path, tol=6) == []


def deck_text(data: bytes) -> str:
    prs = deck_of(data)
    return " ".join(t for slide in prs.slides for t in [title_of(slide)] + slide_texts(slide))


def test_every_text_of_the_reference_is_on_a_slide_in_the_reference_order(sample):
    """The content test's phrases of the reference, found in the deck (titles and labels too).

    Tidplan dates stay as the reference writes them ('17 juni'), since the deck writes them so.
    Order is checked for fragments long enough to be unique (≥ 30 characters).
    """
    from . import test_sample_content as reference

    rewrites = [(pattern, (reference.SEP + r"\1 \2" + reference.SEP) if repl is reference._iso_date else repl)
                for pattern, repl, _why in reference.REWRITES]
    text = reference.norm(deck_text(sample)).casefold()
    missing, out_of_order, cursor = [], [], 0
    for phrase in reference.reference_phrases(REFERENCE.read_text(encoding="utf-8")):
        for pattern, repl in rewrites:
            phrase = re.sub(pattern, repl, phrase)
        for part in phrase.split(reference.SEP):
            part = part.strip(" .,:;()•\u0335−-")
            if not re.search(r"\w", part):
                continue
            key = reference.norm(part).casefold()
            if key not in text:
                missing.append(part)
            elif len(key) >= 30:
                found = text.find(key, cursor)
                if found < 0:
                    out_of_order.append(part)
                else:
                    cursor = found
    assert missing == []
    # The reference's two-column utmaningar slide extracts its headings after their points;
    # the content pairs them (heading, then points), so these three come earlier in the deck.
    assert out_of_order == ["Främjande och förebyggande arbete", "Digitalisering och välfärdsteknik",
                            "Kompetensförsörjning inom välfärden"]


def test_a_missing_area_gets_an_underlag_saknas_slide_and_a_partly_filled_one_delvis_ifyllt(content):
    (content / "omraden" / "energi-och-klimat.yaml").unlink()
    (content / "omraden" / "naringslivsutveckling.yaml").write_text(
        "område: Näringslivsutveckling\n"
        "insatser:\n"
        "  - fokusområde: \"4.1\"\n    punkter: [ÖMS]\n"
        "  - fokusområde: \"4.3\"\n    punkter: [Företagsnära tjänster]\n"
        "utmaningar:\n  - punkter: [En]\n  - punkter: [Två]\n  - punkter: [Tre]\n", encoding="utf-8")
    prs = deck_of(render(content)[DECK])
    got = titles(prs)
    missing = prs.slides[got.index("Energi och klimat: underlag saknas")]
    assert slide_texts(missing) == [
        "Området har inte lämnat något underlag ännu (filen omraden/energi-och-klimat.yaml saknas).",
        "Ansvarig: områdeschef Energi och klimat. Sista dag: 10 augusti 2025.",
    ]
    assert got.index("Energi och klimat") + 1 == got.index("Energi och klimat: underlag saknas")
    assert "Utmaningar – Energi och klimat" not in got
    assert "Näringslivsutveckling: underlag saknas" not in got
    incomplete = prs.slides[got.index("Näringslivsutveckling: delvis ifyllt")]
    assert slide_texts(incomplete) == [
        "Insatser: 2 av minst 3.", "Ansvarig: områdeschef Näringslivsutveckling. Sista dag: 10 augusti 2025."]
    # What the area did deliver is still shown.
    # The title counts the plan's fokusområden (4.1, 4.2, 4.3), not the area's groups.
    assert "Insatser där område Näringslivsutveckling kan bidra till de tre fokusområdena" in got


def test_an_utmaning_without_heading_after_one_with_a_heading_is_not_shown_under_it(content):
    path = content / "omraden" / "energi-och-klimat.yaml"
    replace_in(path, "  - rubrik: Utsläpp av växthusgaser\n    punkter:", "  - punkter:")
    prs = deck_of(render(content)[DECK])
    got = titles(prs)
    slide = prs.slides[got.index("Utmaningar – Energi och klimat")]
    paragraphs = slide.placeholders[1].text_frame.paragraphs
    assert [(p.text, any(r.font.bold for r in p.runs)) for p in paragraphs][-5:] == [
        ("Rusta näringslivet för nya krav", False), ("Kräver personella resurser att jobba för att möta dem.", False),
        ("Övriga utmaningar", True), ("Minskar för långsamt", False), ("Större insatser krävs", False)]


def test_the_insatser_title_says_fokusomradet_when_the_plan_has_one():
    plan = load_content(SAMPLE).plan
    one_goal = plan.malsattningar.malsattningar[3].model_copy(
        update={"fokusomraden": plan.malsattningar.malsattningar[3].fokusomraden[:1]})
    single = plan.model_copy(update={"malsattningar": plan.malsattningar.model_copy(
        update={"malsattningar": [one_goal]})})
    specs = omraden(Context(single, Derived(single), Layout(LAYOUTS).texts), None)
    assert specs[1].title == "Insatser där område Välfärd och folkhälsa kan bidra till fokusområdet"


def test_swedish_typography_on_the_slides(sample):
    """No-break spaces and en dashes at render time (typography.py); the content files keep hyphens."""
    prs = deck_of(sample)
    got = [slide.shapes.title.text for slide in prs.slides]
    assert "Sammanfattning av uppdrag till regional tillväxtnämnd (17\u00a0st)" in got
    texts = [t for slide in prs.slides for t in _slide_texts(slide)]
    assert any("Andelen förvärvsarbetande, 20–64\u00a0år. Ska öka. (DN\u00a02025)" in t for t in texts)
    assert any("3,1\u00a0% eller 4,6\u00a0Mnkr" in t for t in texts)
    assert "20-64 år" in (SAMPLE / "malsattningar.yaml").read_text(encoding="utf-8")


def test_a_title_slide_title_in_a_small_ribbon_is_never_cut(tmp_path):
    """A template whose title slide has a title placeholder one line high: the deck's own title
    wraps, smaller and in a taller box, and is shown whole."""
    prs = Presentation()
    layout = prs.slide_layouts[0]
    title = layout.placeholders[0]
    title.height = int(title.height * 0.3)
    template = tmp_path / "band.pptx"
    prs.save(template)
    deck = deck_of(render(pptx_override=template)[DECK])
    first = deck.slides[0]
    assert title_of(first) == "Förslag till ändringar av målsättningar, styrtal och uppdrag till VP-2026"
    assert first.shapes.title.height > title.height
    sub = next(s for s in first.placeholders if s.placeholder_format.idx == 1)
    assert sub.top >= first.shapes.title.top + first.shapes.title.height  # the subtitle moved below it
    assert "Region Örebro län" in [p.text for p in sub.text_frame.paragraphs]


def _timeline_dates(deck: bytes) -> list[str]:
    prs = Presentation(io.BytesIO(deck))
    slide = next(s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == "Tidplan")
    group = next(sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.GROUP)
    return [sh.text_frame.text.replace("\u00a0", " ") for sh in group.shapes
            if sh.has_text_frame and re.fullmatch(r"\d+ \w+( \d{4})?", sh.text_frame.text.replace("\u00a0", " "))]


def test_timeline_dates_carry_their_year_only_when_the_plan_spans_years(content: Path):
    loaded = load_content(content)
    one_year = _timeline_dates(render_decks(loaded.plan, Derived(loaded.plan), Layout(LAYOUTS)).popitem()[1])
    assert one_year and not [d for d in one_year if re.search(r"\d{4}$", d)]
    replace_in(content / "plan.yaml", "  - datum: 2025-11-18", "  - datum: 2026-01-20")
    loaded = load_content(content)
    dates = _timeline_dates(render_decks(loaded.plan, Derived(loaded.plan), Layout(LAYOUTS)).popitem()[1])
    assert dates[-1] == "20 januari 2026" and dates[0].endswith(" 2025")


def test_a_long_word_in_the_tidplan_costs_as_few_slides_as_it_can(content: Path):
    """One 32-letter compound word does not fit five columns: the milestones go three and two (evenly,
    on two slides) rather than two, two and one."""
    replace_in(content / "plan.yaml", "rubrik: Partigruppernas förslag lämnas in.",
               "rubrik: Näringslivsutvecklingsprogrammet lämnas in.")
    loaded = load_content(content)
    prs = Presentation(io.BytesIO(render_decks(loaded.plan, Derived(loaded.plan), Layout(LAYOUTS)).popitem()[1]))
    titles = [s.shapes.title.text for s in prs.slides if s.shapes.title is not None]
    assert [t for t in titles if t.startswith("Tidplan")] == ["Tidplan", "Tidplan (forts.)"]
