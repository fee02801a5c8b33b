"""The Word verksamhetsplan: reopened with python-docx, read by pandoc, converted by LibreOffice."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from generator.derive import Derived
from generator.formatting import sv_number
from generator.typography import sv_typography
from generator.layout import Layout
from generator.problems import LayoutError
from generator.load import load_content
from generator.render.plan import render_plan
from generator.render.toc import number_pages
from generator.render.word import template_notes
from generator.writer import normalize_zip

from .conftest import LAYOUTS, REPO, SAMPLE, replace_in, soffice

VALIDATOR = REPO.parent / "shared" / "tools" / "ooxml_validate.py"

STYRTAL_HEADER = ["Styrtal", "Riktning", "Mål/utfall", "Källa"]
NAMND_HEADER = ["Nr", "Uppdrag", "Källa"]
FORV_HEADER = ["Uppdrag", "Källa"]

EXPECTED_HEADINGS = [
    (1, "Tidplan"),
    (1, "Framtida utmaningar"),
    (2, "Omvärldsfaktorer"),
    (2, "Interna utmaningar"),
    (1, "Regionens målsättningar"),
    (1, "Målsättning 4: Den hållbara regionala utvecklingen ligger i framkant."),
    (2, "Fokusområde 4.1 Omställning, innovation och attraktionskraft"),
    (3, "4.1.1 Innovationsstöds- och företagsfrämjande system"),
    (3, "4.1.2 Långsiktig hållbarhet och konkurrenskraft"),
    (2, "Fokusområde 4.2 Tidiga insatser för barn och unga (Ny målformulering 2026)"),
    (2, "Fokusområde 4.3 Kompetensförsörjning"),
    (1, "Gemensamma målsättningar med uppdrag"),
    (2, "Målsättning nr 6: Forskning och utbildning av hög kvalitet med internationell spets."),
    (2, "Målsättning nr 7: Digitala lösningar för en enklare vardag för invånare och medarbetare."),
    (2, "Målsättning nr 8: Ansvarsfulla verksamheter med höga ambitioner för hållbar utveckling."),
    (2, "Målsättning nr 9: En långsiktig och stark kompetensförsörjning."),
    (2, "Målsättning nr 10: En långsiktig stark och hållbar ekonomi med finansiell god hushållning."),
    (2, "Beredskap och säkerhet"),
    (2, "Motverka välfärdsbrottslighet"),
    (1, "Ekonomi"),
    (2, "Ekonomiska förutsättningar 2026"),
    (2, "Resursfördelningsmodell"),
    (2, "Fördelning av ramanslag 2026"),
    (2, "Uppräkning per förening och stiftelse 2026"),
    (2, "Preliminärt utrymme för satsningar"),
    (1, "Internkontrollplan"),
    (1, "Anvisningar till områdescheferna"),
    (2, "1. Presentation av insatser för positiv förflyttning 2026"),
    (2, "2. Presentation av utmaningar (hinder) för positiv förflyttning 2026"),
    (1, "Övergripande"),
    (1, "Områdenas förutsättningar"),
    (2, "Välfärd och folkhälsa"),
    (3, "Insatser – Välfärd och folkhälsa"),
    (3, "Utmaningar – Välfärd och folkhälsa"),
    (2, "Energi och klimat"),
    (3, "Insatser – Energi och klimat"),
    (3, "Utmaningar – Energi och klimat"),
    (2, "Näringslivsutveckling"),
    (3, "Insatser – Näringslivsutveckling"),
    (3, "Utmaningar – Näringslivsutveckling"),
    (1, "Storregionalt samarbete – aktuella frågor"),
    (1, "Bilaga: Sammanfattning av uppdrag till regional tillväxtnämnd (17 st)"),
]


# ---------------------------------------------------------------- helpers

def render(content_dir: Path = SAMPLE, docx_template: Path | None = None, office=None) -> bytes:
    """The plan as a build writes it: the TOC numbered with `office` (LibreOffice), else without numbers."""
    loaded = load_content(content_dir)
    assert loaded.plan is not None, [p.format() for p in loaded.problems]
    layout = Layout(LAYOUTS, docx_override=docx_template)
    return number_pages({"plan.docx": render_plan(loaded.plan, Derived(loaded.plan), layout)}, office)["plan.docx"]


def plain(text: str) -> str:
    """No-break spaces as spaces: what most tests compare (the typography tests check them)."""
    return text.replace("\u00a0", " ")


def shown(text: str) -> str:
    """A content text as the plan shows it (typography.py), compared without its no-break spaces."""
    return plain(sv_typography(text))


def entry_text(link) -> str:
    """A table-of-contents entry's heading text (the runs before its tab and page number)."""
    text = []
    for run in link.iter(qn("w:r")):
        if run.find(qn("w:tab")) is not None or run.find(qn("w:fldChar")) is not None:
            break
        text += [t.text for t in run.iter(qn("w:t"))]
    return "".join(text)


def headings(document) -> list[tuple[int, str]]:
    return [(int(p.style.name.removeprefix("Heading ")), plain(p.text))
            for p in document.paragraphs if p.style.name.startswith("Heading ")]


def body_texts(document) -> list[str]:
    """Paragraph texts outside the table of contents (whose entries repeat the headings)."""
    return [plain(p.text) for p in document.paragraphs if not p.style.name.lower().startswith("toc")]


def rows(table) -> list[list[str]]:
    return [[plain(cell.text) for cell in row.cells] for row in table.rows]


def captioned_tables(document) -> list[tuple[str, list[list[str]]]]:
    """Every table with the caption paragraph right before it, in document order."""
    found, caption = [], None
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            found.append((caption, rows(block)))
            caption = None
        elif block.style.name == "Caption":
            caption = block.text
        elif block.text.strip():
            caption = None
    return found


def table_after(document, caption: str) -> list[list[str]]:
    matches = [table for cap, table in captioned_tables(document) if cap == caption]
    assert len(matches) == 1, f"{len(matches)} tables captioned {caption!r}"
    return matches[0]


@pytest.fixture(scope="module")
def sample():
    loaded = load_content(SAMPLE)
    return loaded.plan


@pytest.fixture(scope="module")
def plan_bytes() -> bytes:
    return render()


@pytest.fixture(scope="module")
def document(plan_bytes):
    return docx.Document(io.BytesIO(plan_bytes))


# ---------------------------------------------------------------- structure

def test_headings_are_real_heading_levels_in_plan_order(document):
    assert headings(document) == EXPECTED_HEADINGS


def test_title_page_then_table_of_contents_before_the_first_heading(document):
    styles = [(p.style.name, p.text) for p in document.paragraphs[:3]]
    assert styles == [("Title", "Verksamhetsplan 2026"), ("Subtitle", "Regional tillväxtnämnd"),
                      ("Normal", "Region Örebro län")]
    toc_heading = next(p for p in document.paragraphs if p.style.name == "TOC Heading")
    assert toc_heading.text == "Innehåll"
    assert toc_heading.paragraph_format.page_break_before


def test_table_of_contents_is_a_field_prefilled_with_every_heading_as_a_link(document):
    body = document.element.body
    instructions = [el.text for el in body.iter(qn("w:instrText"))]
    assert instructions[0] == ' TOC \\o "1-3" \\h \\z \\u '
    links = body.findall(".//" + qn("w:hyperlink"))
    assert [plain(entry_text(link)) for link in links] == [text for _, text in EXPECTED_HEADINGS]
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    assert {link.get(qn("w:anchor")) for link in links} <= bookmarks
    kinds = [el.get(qn("w:fldCharType")) for el in body.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]


def test_every_styrtal_of_a_fokusomrade_is_in_its_table(document, sample):
    derived = Derived(sample)
    for place in derived.fokus_places:
        table = table_after(document, f"Styrtal för fokusområde {place.fokus.nr}")
        assert table[0] == STYRTAL_HEADER
        assert [row[0].split(". Jämförs med")[0] for row in table[1:]] == [shown(s.text) for s in place.fokus.styrtal]
        assert [row[1] for row in table[1:]] == [f"Ska {s.riktning}" for s in place.fokus.styrtal]
        assert [row[3] for row in table[1:]] == [shown(str(s.kalla)) for s in place.fokus.styrtal]


def test_styrtal_table_shows_comparison_outcome_target_and_source(document):
    goal4 = table_after(document, "Styrtal för målsättning 4")
    assert goal4 == [STYRTAL_HEADER, ["Livskvalitén i länet (BRT +)", "Ska öka", "–", "Förslag DN 2026"]]
    assert table_after(document, "Styrtal för fokusområde 4.1.1")[1][0] == (
        "Bruttoregionalprodukt (BRP) per invånare (tkr/invånare). "
        "Jämförs med Jönköping, Kronoberg, Värmland och Västmanland")
    sam = table_after(document, "Styrtal för målsättning 9")
    assert sam[2][2] == "Utfall 2024: 84 %\nMål: 90–100 %"
    assert sam[3][1:] == ["Ska minska", "Utfall 2024: 6,5 %\nMål: 6,3–6,1 %", "–"]


def test_every_uppdrag_of_the_sample_is_in_its_table(document, sample):
    derived = Derived(sample)
    tables = captioned_tables(document)
    namnd_tables = [t for cap, t in tables if cap == "Regionala tillväxtnämnden får i uppdrag"]
    forv_tables = [t for cap, t in tables if cap == "Förvaltningen får i uppdrag"]
    with_namnd = [p for p in derived.fokus_places if p.fokus.uppdrag.namnd]
    with_forv = [p for p in derived.fokus_places if p.fokus.uppdrag.forvaltning]
    assert len(namnd_tables) == len(with_namnd) and len(forv_tables) == len(with_forv)
    for place, table in zip(with_namnd, namnd_tables):
        assert table[0] == NAMND_HEADER
        assert table[1:] == [[str(u.nr), shown(u.text), shown(str(u.kalla))] for u in place.fokus.uppdrag.namnd]
    for place, table in zip(with_forv, forv_tables):
        assert table[0] == FORV_HEADER
        assert table[1:] == [[shown(u.text), shown(str(u.kalla))] for u in place.fokus.uppdrag.forvaltning]
    gemensamma = [t for cap, t in tables if cap and cap.endswith(" får i uppdrag")
                  and cap not in ("Regionala tillväxtnämnden får i uppdrag", "Förvaltningen får i uppdrag")]
    expected = [[[str(u.nr), shown(u.text), shown(str(derived.gemensam_kalla(u)))] for u in g.uppdrag]
                for g in sample.gemensamma.gemensamma]
    assert [t[1:] for t in gemensamma] == expected
    assert table_after(document, "Nämnden för regional tillväxt får i uppdrag")[1] == [
        "50", "Att verka för utvecklingen av life science-sektorn.", "Från FM"]


def test_kalla_is_written_one_way(document):
    cells = {plain(cell.text) for table in document.tables for row in table.rows[1:] for cell in row.cells}
    assert not any("Förslag till" in text for text in cells)
    assert "Förslag DN 2026" in cells and "Från FM" in cells and "FM 2026" in cells
    mal = next(plain(p.text) for p in document.paragraphs if p.text.startswith("Mål: Region Örebro län bidrar"))
    assert mal.endswith("i samverkan med länets aktörer (Förslag DN 2026)")


def test_every_table_has_a_repeating_styled_header_row(document):
    assert len(document.tables) == 35  # 31 + the figures of the four styrtal in styrtal-data.yaml
    for table in document.tables:
        first = table.rows[0]._tr
        assert first.trPr.find(qn("w:tblHeader")) is not None
        assert table.style.name == "VP-tabell"
        assert all(run.bold for cell in table.rows[0].cells for p in cell.paragraphs for run in p.runs)
        assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])


def test_economy_tables_have_sv_se_numbers_totals_and_example_data_marked(document):
    fordelning = table_after(document, "Fördelning av ramanslag 2026 (exempeldata)")
    assert fordelning[0] == ["Område/verksamhet", "Ramanslag 2025, Mnkr", "Ramanslag 2026, Mnkr", "Förändring, Mnkr"]
    assert fordelning[1] == ["Ledning och verksamhetsstöd", "12,0", "12,4", "0,4"]
    assert fordelning[-1] == ["Summa", "146,8", "151,3", "4,5"]
    foreningar = table_after(document, "Uppräkning per förening och stiftelse 2026 (exempeldata)")
    assert foreningar[-1] == ["Summa", "32 900", "3,1", "33 919"]
    utrymme = table_after(document, "Preliminärt utrymme för satsningar (exempeldata)")
    assert utrymme[3] == ["Åtgärdskrav Fellingsbro folkhögskola", plain(sv_number(Decimal("-2.4")))]
    assert utrymme[-1] == ["Preliminärt utrymme", "1,4"]
    notices = [p for p in document.paragraphs if p.text.startswith("Exempeldata – ersätts före beslut. ")]
    assert len(notices) == 3 + 4  # the economy tables, and the four styrtal figure tables
    for notice in notices:  # the deck's words, bold, on the deck's amber (black on it: 11:1)
        assert notice.runs[0].bold and notice.runs[0].text == "Exempeldata – ersätts före beslut. "
        assert notice._p.pPr.find(qn("w:shd")).get(qn("w:fill")) == "FFC000"
    assert table_after(document, "Schablonanslag per årsarbetare (åa)")[-1] == ["Schablonanslag", "16 503"]
    totals = [t for t in document.tables if t.rows[-1].cells[0].text in ("Summa", "Preliminärt utrymme")]
    for table in totals:
        assert table._tbl.tblPr.find(qn("w:tblLook")).get(qn("w:lastRow")) == "1"


def test_areas_have_insatser_grouped_by_fokusomrade_and_utmaningar(document):
    texts = body_texts(document)
    start = texts.index("Insatser – Energi och klimat")
    # The group is named by the plan's own fokusområde; the area's heading follows when it differs.
    assert texts[start + 1:start + 6] == [
        "Fokusområde 4.1 Omställning, innovation och attraktionskraft – Omställning och förnyelse",
        "Strategiskt och operativt arbete med energiplanering",
        "Utöka arbetet med att stötta cirkulära lösningar hos näringslivet och offentlig sektor",
        "Bredda arbetet med att bli innovation-stödsystemets aktör inom ekologisk hållbarhet",
        "Fokusområde 4.2 Tidiga insatser för barn och unga – Utbildning",
    ]
    assert "Fokusområde 4.3 Kompetensförsörjning" in texts  # the area's heading is the plan's name
    assert not any(t.startswith("Underlag saknas") for t in texts if t != "Underlag saknas")
    assert "Underlag saknas" not in texts


# ---------------------------------------------------------------- document properties

def test_language_is_sv_se_in_doc_defaults_and_styles(document):
    styles = document.styles.element
    default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert default.get(qn("w:val")) == "sv-SE"
    langs = [el.get(qn("w:val")) for el in styles.iter(qn("w:lang"))]
    assert langs and set(langs) == {"sv-SE"}
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "Caption", "VP-tabell"):
        assert document.styles[name].element.find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val")) == "sv-SE"
    assert document.core_properties.language == "sv-SE"


def test_core_properties_name_the_document_and_use_the_plan_date(document):
    props = document.core_properties
    assert props.title == "Verksamhetsplan 2026 – Regional tillväxtnämnd"
    assert props.author == "Region Örebro län"
    assert props.created.isoformat() == props.modified.isoformat() == "2025-09-29T00:00:00+00:00"


def test_a4_with_nämnd_and_year_in_header_and_page_field_in_footer(document):
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert section.header.paragraphs[0].text == "Regional tillväxtnämnd · Verksamhetsplan 2026"
    assert section.different_first_page_header_footer
    assert not section.first_page_header.paragraphs[0].text
    instructions = [el.text.strip() for el in section.footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_render_twice_gives_identical_bytes(plan_bytes):
    """The same content gives the same document (once packaged the same way, as the writer does)."""
    assert normalize_zip(render()) == normalize_zip(plan_bytes)


def test_no_zoom_without_percent_and_no_thumbnail(plan_bytes):
    with zipfile.ZipFile(io.BytesIO(plan_bytes)) as z:
        settings = etree.fromstring(z.read("word/settings.xml"))
        assert all(el.get(qn("w:percent")) for el in settings.iter(qn("w:zoom")))
        assert not [n for n in z.namelist() if "thumbnail" in n or "stylesWithEffects" in n]


@pytest.mark.skipif(not VALIDATOR.is_file(), reason="../shared/tools/ooxml_validate.py is not here")
def test_every_part_validates_against_the_ooxml_schemas(plan_bytes, tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(plan_bytes)
    template = LAYOUTS / "verksamhetsplan.docx"
    result = subprocess.run([sys.executable, str(VALIDATOR), str(path), str(template)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 invalid" in result.stdout


# ---------------------------------------------------------------- content is data

def test_content_text_is_never_a_template_and_odd_characters_do_not_corrupt(content: Path):
    replace_in(content / "malsattningar.yaml", "text: Att främja energi- och klimatomställning",
               'text: "{{ 7*7 }} {% raw %} 😀 \\a<&> Att främja energi- och klimatomställning')
    replace_in(content / "malsattningar.yaml", "hos länets kommuner och näringslivet.",
               'hos länets kommuner och näringslivet."')
    data = render(content)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                etree.fromstring(z.read(name))  # well-formed
    document = docx.Document(io.BytesIO(data))
    cells = [row[1] for table in document.tables for row in rows(table)]
    assert "{{ 7*7 }} {% raw %} 😀 <&> Att främja energi- och klimatomställning hos länets kommuner och näringslivet." in cells


# ---------------------------------------------------------------- areas without underlag

def test_missing_area_file_gets_an_underlag_saknas_section(content: Path):
    (content / "omraden" / "energi-och-klimat.yaml").unlink()
    document = docx.Document(io.BytesIO(render(content)))
    texts = body_texts(document)
    start = texts.index("Energi och klimat")
    assert texts[start:start + 4] == [
        "Energi och klimat",
        "Ansvarig: områdeschef Energi och klimat.",
        "Underlag saknas",
        "Energi och klimat har inte lämnat något underlag: filen omraden/energi-och-klimat.yaml finns inte. "
        "Sista dag: 10 augusti 2025.",
    ]
    assert (3, "Underlag saknas") in headings(document)
    assert (3, "Insatser – Energi och klimat") not in headings(document)


def test_area_below_the_minimum_says_what_is_missing_and_keeps_what_it_has(content: Path):
    area = content / "omraden" / "energi-och-klimat.yaml"
    text = area.read_text(encoding="utf-8")
    area.write_text(text[:text.index("  - fokusområde: \"4.2\"")] + "\nutmaningar:\n  - punkter: [Internt]\n",
                    encoding="utf-8")
    document = docx.Document(io.BytesIO(render(content)))
    texts = body_texts(document)
    start = texts.index("Energi och klimat")
    assert texts[start + 2:start + 5] == [
        "Delvis ifyllt",
        "Energi och klimat har lämnat 1 utmaning av minst 3 (omraden/energi-och-klimat.yaml).",
        "Insatser – Energi och klimat",
    ]
    assert "Internt" in texts


# ---------------------------------------------------------------- the organisation's template

def _template_without(tmp_path: Path, style_ids: list[str]) -> Path:
    """Our reference document with some styles deleted."""
    document = docx.Document(str(LAYOUTS / "verksamhetsplan.docx"))
    styles = document.styles.element
    for style in list(styles.findall(qn("w:style"))):
        if style.get(qn("w:styleId")) in style_ids:
            styles.remove(style)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    path = tmp_path / "deras-mall.docx"
    document.save(str(path))
    return path


def test_docx_template_missing_a_style_gets_it_added_under_its_built_in_name(tmp_path: Path):
    template = _template_without(tmp_path, ["Heading3"])
    document = docx.Document(io.BytesIO(render(docx_template=template)))
    assert headings(document) == EXPECTED_HEADINGS
    added = document.styles["Heading 3"]
    assert added.element.get(qn("w:styleId")) == "Heading3"
    assert added.element.find(qn("w:pPr")).find(qn("w:outlineLvl")).get(qn("w:val")) == "2"


def test_docx_template_missing_several_styles_names_them_all_in_one_note(tmp_path: Path):
    template = _template_without(tmp_path, ["Caption", "VP-tabell", "TableGrid"])
    assert template_notes(template) == [
        f"Word-mallen {template} saknade formatmallarna Beskrivning och VP-tabell: de lades till i dokumenten med "
        "mallens teckensnitt och färger (mallen själv ändras inte)."]
    document = docx.Document(io.BytesIO(render(docx_template=template)))
    assert {t.style.name for t in document.tables} == {"VP-tabell"}


def test_docx_template_that_is_not_a_word_file_is_a_layout_error(tmp_path: Path):
    template = tmp_path / "mall.docx"
    template.write_text("inte ett dokument", encoding="utf-8")
    with pytest.raises(LayoutError, match=r"är ingen Word-fil \(\.docx eller \.dotx\)"):
        render(docx_template=template)


def test_organisation_template_styles_header_and_page_size_are_kept(tmp_path: Path):
    theirs = docx.Document()  # python-docx's default: Letter, Cambria, no "VP-tabell"
    theirs.styles["Heading 1"].font.name = "Georgia"
    theirs.sections[0].header.paragraphs[0].text = "Region X"
    path = tmp_path / "region-x.docx"
    theirs.save(str(path))
    document = docx.Document(io.BytesIO(render(docx_template=path)))
    assert document.styles["Heading 1"].font.name == "Georgia"
    assert document.sections[0].header.paragraphs[0].text == "Region X"
    assert document.sections[0].page_width == theirs.sections[0].page_width
    assert {t.style.name for t in document.tables} == {"VP-tabell"}  # added, in the template's colours
    assert headings(document) == EXPECTED_HEADINGS
    width = sum(int(g.get(qn("w:w"))) for g in document.tables[0]._tbl.tblGrid.findall(qn("w:gridCol")))
    section = document.sections[0]
    assert width <= (section.page_width - section.left_margin - section.right_margin) / 635


# ---------------------------------------------------------------- independent readers

def _pandoc() -> str:
    found = shutil.which("pandoc")
    if found:
        return found
    if os.environ.get("VPGEN_REQUIRE_LIBREOFFICE"):
        pytest.fail("pandoc is required here (VPGEN_REQUIRE_LIBREOFFICE=1) but is not installed")
    pytest.skip("pandoc is not installed")


def test_pandoc_reads_the_heading_tree_and_the_tables(plan_bytes, tmp_path: Path):
    path = tmp_path / "plan.docx"
    path.write_bytes(plan_bytes)
    markdown = subprocess.run([_pandoc(), "-t", "markdown", "--wrap=none", str(path)],
                              capture_output=True, text=True, timeout=60, check=True).stdout
    tree = [plain(line) for line in markdown.splitlines() if line.startswith("#")]
    expected = ["#" * level + " " + text.replace("–", "--") for level, text in EXPECTED_HEADINGS]
    assert [line.split(" {")[0] for line in tree] == expected
    assert "**Styrtal**" in markdown and "**Nr**" in markdown
    assert "Att främja energi- och klimatomställning hos länets kommuner och näringslivet." in markdown


def test_libreoffice_pdf_shows_the_table_of_contents_with_right_page_numbers(tmp_path: Path):
    """The plan numbered by LibreOffice's layout (toc.py), converted again: in the PDF, every TOC
    entry carries the page its heading is on (the PDF's own bookmarks say which); the .docx keeps
    the TOC a field with PAGEREF fields holding the same numbers."""
    import pymupdf

    from generator.pdf import Office, outline_pages

    office = soffice()
    with Office() as numbering:
        data = render(office=numbering.start())
    body = docx.Document(io.BytesIO(data)).element.body
    assert any((t.text or "").strip().startswith("TOC ") for t in body.iter(qn("w:instrText")))
    numbers = [link for link in body.iter(qn("w:hyperlink"))]
    assert len(numbers) == len(EXPECTED_HEADINGS)
    path = tmp_path / "plan.docx"
    path.write_bytes(data)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], capture_output=True, timeout=180, check=True)
    with pymupdf.open(tmp_path / "plan.pdf") as pdf:
        pages = [page.get_text() for page in pdf]
    assert 12 <= len(pages) <= 30
    toc = next(i for i, text in enumerate(pages) if "Innehåll" in text)
    lines = [" ".join(line.split()) for text in pages[toc:toc + 2] for line in text.split("\n")]
    entries = {}
    for line in lines:
        match = re.fullmatch(r"(.+?)\.{3,}\s*(\d+)", line)
        if match:
            entries[match.group(1).strip().rstrip(".")] = int(match.group(2))  # a title's own full stop joins the dots
    bookmarks = outline_pages(tmp_path / "plan.pdf")
    assert [plain(title) for title, _ in bookmarks] == [text for _, text in EXPECTED_HEADINGS]
    for title, page in bookmarks:
        assert entries[" ".join(title.split()).rstrip(".")] == page, title
    assert "Regional tillväxtnämnd · Verksamhetsplan 2026" in pages[toc]
    assert "Regional tillväxtnämnd · Verksamhetsplan 2026" not in pages[0]


def test_without_libreoffice_the_toc_entries_carry_no_page_number(document):
    body = document.element.body
    assert not [t for t in body.iter(qn("w:instrText")) if (t.text or "").strip().startswith("PAGEREF")]
    assert not list(body.iter(qn("w:tab")))


def test_reference_document_is_what_make_docx_template_writes():
    """layouts/verksamhetsplan.docx is generated; regenerate with `python layouts/make_docx_template.py`."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_docx_template", LAYOUTS / "make_docx_template.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build_template() == (LAYOUTS / "verksamhetsplan.docx").read_bytes()


def test_an_utmaning_without_heading_after_one_with_a_heading_gets_ovriga_utmaningar(content: Path):
    replace_in(content / "omraden" / "energi-och-klimat.yaml",
               "  - rubrik: Utsläpp av växthusgaser\n    punkter:", "  - punkter:")
    document = docx.Document(io.BytesIO(render(content)))
    texts = body_texts(document)
    start = texts.index("Utmaningar – Energi och klimat")
    assert texts[start + 8:start + 12] == [
        "Kräver personella resurser att jobba för att möta dem.", "Övriga utmaningar", "Minskar för långsamt",
        "Större insatser krävs"]
