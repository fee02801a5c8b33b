"""The organisation's own templates as they come: .potx and .dotx, Word templates without vpgen's
styles (LibreOffice's, python-docx's, one in Swedish Word's style ids, one with every built-in
style still latent), python-pptx's default deck. Each builds through the console script with
Python warnings as errors, says once what it added, and its outputs reopen, fit, pass the review
and validate.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pptx import Presentation

from generator.derive import Derived
from generator.layout import Layout
from generator.load import load_content
from generator.problems import LayoutError
from generator.render.deck import render_decks
from generator.render.plan import render_plan
from generator.render.summary import render_summary_docx
from generator.render.template import choose_layout, open_template, template_notes as deck_notes
from generator.render.word import open_reference as open_word_template, template_notes as word_notes
from generator.review import run_review
from generator.writer import normalize_zip

from .conftest import LAYOUTS, SAMPLE, SHARED_TOOLS, overflow_findings, soffice
from .hardening.support import build, console_build
from .test_render_plan import EXPECTED_HEADINGS, headings

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "templates"
PPTX, DOCX = LAYOUTS / "board.pptx", LAYOUTS / "verksamhetsplan.docx"
DECK, PLAN, SUMMARY = "VP-2026-namndpresentation.pptx", "VP-2026-verksamhetsplan.docx", "VP-2026-uppdrag.docx"
PROPOSAL = "VP-2026-verksamhetsplan-forslag.docx"  # the sample compares with its VP-2025
ADDED = "de lades till i dokumenten med mallens teckensnitt och färger (mallen själv ändras inte)."
ALL_ADDED = ("Rubrik, Underrubrik, Rubrik 1, Rubrik 2, Rubrik 3, Punktlista, Beskrivning, "
             "Innehållsförteckningsrubrik, Innehåll 1–3 och VP-tabell")


# ---------------------------------------------------------------- templates as organisations make them

def retyped(source: Path, target: Path, document: bytes, template: bytes) -> Path:
    """`source` saved as a template: only the main part's content type differs (as PowerPoint's
    and Word's "Spara som mall" and LibreOffice's export write them)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                assert document in data
                data = data.replace(document, template)
            dst.writestr(info, data)
    return target


def potx(source: Path, target: Path) -> Path:
    return retyped(source, target, b"presentationml.presentation.main+xml", b"presentationml.template.main+xml")


def dotx(source: Path, target: Path) -> Path:
    return retyped(source, target, b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")


def with_macros(source: Path, target: Path, main: str, macro_type: bytes) -> Path:
    """`source` as a macro-enabled template: a VBA project related from the main part."""
    folder, _, name = main.rpartition("/")
    rels = f"{folder}/_rels/{name}.rels"
    rel = (b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
           b'Target="vbaProject.bin"/></Relationships>')
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = re.sub(rb'(PartName="/%s" ContentType=")[^"]+' % main.encode(), rb"\g<1>" + macro_type, data)
                data = data.replace(b"</Types>", b'<Default Extension="bin" '
                                    b'ContentType="application/vnd.ms-office.vbaProject"/></Types>')
            elif info.filename == rels:
                data = data.replace(b"</Relationships>", rel)
            dst.writestr(info, data)
        dst.writestr(f"{folder}/vbaProject.bin", b"\xd0\xcf\x11\xe0 not really a VBA project")
    return target


def swedish_word(target: Path) -> Path:
    """python-docx's default template as Swedish Word saves it: built-in names, Swedish style ids."""
    ids = {"Heading1": "Rubrik1", "Heading2": "Rubrik2", "Heading3": "Rubrik3", "Title": "Rubrik",
           "Subtitle": "Underrubrik", "ListBullet": "Punktlista", "Caption": "Beskrivning",
           "TOCHeading": "Innehllsfrteckningsrubrik"}
    document = docx.Document()
    for el in document.styles.element.iter():
        for attr in (qn("w:styleId"), qn("w:val")):
            if el.get(attr) in ids and el.tag in (qn("w:style"), qn("w:basedOn"), qn("w:next"), qn("w:pStyle")):
                el.set(attr, ids[el.get(attr)])
    document.save(target)
    return target


def latent_only(target: Path) -> Path:
    """A template as Word keeps a fresh one: Normal and the defaults stored, every other built-in
    style latent (w:latentStyles) until someone uses it."""
    document = docx.Document()
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in ("Normal", "DefaultParagraphFont", "TableNormal", "NoList"):
            styles.remove(style)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    document.save(target)
    return target


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    """Every template of this module that is made from another, made once."""
    d = tmp_path_factory.mktemp("organisationens-mallar")
    potx(PPTX, d / "profil.potx")
    dotx(DOCX, d / "profil.dotx")
    dotx(FIXTURES / "libreoffice-modern.docx", d / "libreoffice-modern.dotx")
    docx.Document().save(d / "python-docx.docx")
    Presentation().save(d / "python-pptx.pptx")
    swedish_word(d / "svensk-word.docx")
    dotx(latent_only(d / "bara-normal.docx"), d / "bara-normal.dotx")
    return d


# name, template (under FIXTURES or made), the notes the planner reads
WORD_TEMPLATES = [
    ("our_dotx", "profil.dotx", []),
    ("libreoffice_modern", "libreoffice-modern.docx",
     [" saknade formatmallarna Punktlista, Beskrivning, Innehållsförteckningsrubrik, Innehåll 1–3 och VP-tabell: "
      + ADDED]),
    ("libreoffice_modern_as_dotx", "libreoffice-modern.dotx",
     [" saknade formatmallarna Punktlista, Beskrivning, Innehållsförteckningsrubrik, Innehåll 1–3 och VP-tabell: "
      + ADDED]),
    ("libreoffice_simple", "libreoffice-simple.docx",
     [" saknade formatmallarna Punktlista och VP-tabell: " + ADDED,
      " numrerar rubrikerna (Rubrik 1, Rubrik 2 och Rubrik 3): i dokumenten numreras de inte, eftersom planens "
      "rubriker har egna nummer (Målsättning 4, Fokusområde 4.1)."]),
    ("libreoffice_business_letter_sans", "libreoffice-modern-business-letter-sans-serif.docx",
     [f" saknade formatmallarna {ALL_ADDED}: " + ADDED]),
    ("libreoffice_business_letter_serif", "libreoffice-modern-business-letter-serif.docx",
     [f" saknade formatmallarna {ALL_ADDED}: " + ADDED]),
    ("python_docx_default", "python-docx.docx",
     [" saknade formatmallarna Innehåll 1–3 och VP-tabell: " + ADDED,
      ": textfärgen i formatmallarna Underrubrik, Rubrik 2, Rubrik 3 och Beskrivning har för svag kontrast mot vit "
      "bakgrund (WCAG AA) och gjordes mörkare i dokumenten, i samma nyans."]),
    ("swedish_word_style_ids", "svensk-word.docx",
     [" saknade formatmallarna Innehåll 1–3 och VP-tabell: " + ADDED,
      ": textfärgen i formatmallarna Underrubrik, Rubrik 2, Rubrik 3 och Beskrivning har för svag kontrast mot vit "
      "bakgrund (WCAG AA) och gjordes mörkare i dokumenten, i samma nyans."]),
    ("word_with_latent_styles_only", "bara-normal.dotx", [f" saknade formatmallarna {ALL_ADDED}: " + ADDED]),
]


def template_path(name: str, made: Path) -> Path:
    return FIXTURES / name if (FIXTURES / name).exists() else made / name


def validate(*paths: Path) -> None:
    tool = SHARED_TOOLS / "ooxml_validate.py"
    if not tool.exists():
        if os.environ.get("VPGEN_REQUIRE_LIBREOFFICE"):
            pytest.fail(f"{tool} is required but missing")
        pytest.skip(f"{tool} is not available")
    result = subprocess.run([sys.executable, str(tool), *map(str, paths)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(" 0 invalid") == len(paths), result.stdout


def notes_of(stderr: str) -> list[str]:
    return [line.removeprefix("Obs: ") for line in stderr.splitlines() if line.startswith("Obs: ")]


def assert_clean_console(result: subprocess.CompletedProcess) -> None:
    """Built, and nothing of Python's on the console (the build runs with PYTHONWARNINGS=error)."""
    assert result.returncode == 0, result.stderr
    for word in ("Traceback", "Warning", "warning:", ".py:", "Internt fel"):
        assert word not in result.stderr + result.stdout, result.stderr


# ---------------------------------------------------------------- Word

def in_process_build(content: Path, out: Path, *args: str) -> subprocess.CompletedProcess:
    """`vpgen build` in this process (a warning is an error here too: the suite's filterwarnings),
    as a CompletedProcess like console_build's (one console build per kind of template is enough)."""
    result = build(content, out, *args)
    return subprocess.CompletedProcess([], result.exit_code, result.stdout, result.stderr)


@pytest.mark.parametrize("name,notes", [(t, n) for _, t, n in WORD_TEMPLATES], ids=[i for i, _, _ in WORD_TEMPLATES])
def test_word_template_builds_with_its_own_look_and_passes_the_review(name, notes, made: Path, tmp_path: Path):
    template = template_path(name, made)
    out = tmp_path / "ut"
    result = in_process_build(SAMPLE, out, "--docx-template", str(template))
    assert_clean_console(result)
    assert notes_of(result.stderr) == [f"Word-mallen {template}{note}" for note in notes]
    assert sorted(p.name for p in out.iterdir() if p.suffix in (".docx", ".pptx", ".xlsx")) == sorted(
        [DECK, PLAN, SUMMARY, "VP-2026-uppdrag.xlsx", PROPOSAL])
    plan, summary, proposal = docx.Document(out / PLAN), docx.Document(out / SUMMARY), docx.Document(out / PROPOSAL)
    assert headings(plan) == EXPECTED_HEADINGS
    for document in (plan, summary, proposal):
        section = document.sections[-1]
        text_width = (section.page_width - section.left_margin - section.right_margin) / 635
        for table in document.tables:
            assert table.style.name == "VP-tabell"
            assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
            assert sum(int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))) <= text_width
    assert plan.paragraphs[0].style.name == "Title"
    assert any(p.style.name == "List Bullet" for p in plan.paragraphs)
    review = run_review([out / PLAN, out / SUMMARY, out / PROPOSAL], render=False)
    assert [finding.format() for finding in review.findings] == []
    validate(out / PLAN, out / SUMMARY, out / PROPOSAL)


def test_a_word_template_that_made_python_docx_warn_builds_quietly_on_the_console(made: Path, tmp_path: Path):
    """LibreOffice's Simple (python-docx warned on it: "style lookup by style_id is deprecated"),
    through the console script with PYTHONWARNINGS=error: nothing of Python's reaches the planner."""
    result = console_build(SAMPLE, tmp_path / "ut", "--docx-template", str(template_path("libreoffice-simple.docx", made)))
    assert_clean_console(result)


def test_dotx_made_from_ours_gives_the_documents_ours_gives(made: Path):
    loaded = load_content(SAMPLE)
    plan, derived = loaded.plan, Derived(loaded.plan)
    for render in (render_plan, render_summary_docx):
        ours = render(plan, derived, Layout(LAYOUTS))
        theirs = render(plan, derived, Layout(LAYOUTS, docx_override=made / "profil.dotx"))
        assert normalize_zip(theirs) == normalize_zip(ours)
    assert word_notes(made / "profil.dotx") == []


def test_libreoffice_template_keeps_its_look_and_gets_words_spelling(tmp_path: Path):
    doc, styles, _ = open_word_template(FIXTURES / "libreoffice-modern.docx")
    names = {s.element.get(qn("w:styleId")): s.element.find(qn("w:name")).get(qn("w:val")) for s in doc.styles}
    # LibreOffice's own headings, under Word's built-in names (it wrote "Heading 1", "TOC Heading")
    assert names["Heading1"] == "heading 1" and names["Title"] == "Title"
    heading = doc.styles["Heading 1"].element
    assert heading.find(qn("w:basedOn")).get(qn("w:val")) == "Heading"  # their heading family, kept
    # what it lacked is added from its Normal: the same body size scaled, no theme so no colour
    caption = doc.styles["Caption"].element
    assert caption.find(qn("w:rPr")).find(qn("w:sz")).get(qn("w:val")) == "20"
    assert caption.find(qn("w:rPr")).find(qn("w:color")) is None
    table = doc.styles["VP-tabell"].element
    header = next(el for el in table.findall(qn("w:tblStylePr")) if el.get(qn("w:type")) == "firstRow")
    assert header.find(f"{qn('w:tcPr')}/{qn('w:shd')}").get(qn("w:fill")) == "D9D9D9"
    assert styles["List Bullet"] == "List Bullet"


def test_headings_and_captions_keep_with_what_follows_and_carry_no_chapter_number(made: Path):
    """LibreOffice's Simple numbers its headings ("4.1.1" before "4.1.1 Innovationsstöds-"); python-docx's
    caption style lets a caption end a page without its table."""
    doc, _, _ = open_word_template(FIXTURES / "libreoffice-simple.docx")
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        ppr = doc.styles[name].element.find(qn("w:pPr"))
        assert ppr.find(f"{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val")) == "0"
        assert ppr.find(qn("w:outlineLvl")) is not None  # still headings, for the TOC and screen readers
    doc, _, _ = open_word_template(made / "python-docx.docx")
    assert doc.styles["Caption"].element.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None


def test_added_styles_take_the_template_theme_and_its_headings_colour(made: Path):
    doc, _, _ = open_word_template(made / "bara-normal.dotx")
    heading = doc.styles["Heading 1"].element.find(qn("w:rPr"))
    assert heading.find(qn("w:rFonts")).get(qn("w:asciiTheme")) == "majorHAnsi"  # the theme's heading font
    color = heading.find(qn("w:color")).get(qn("w:val"))
    assert color != "4F81BD"  # python-docx's theme accent1, too light for text: darkened to AA
    table = doc.styles["VP-tabell"].element
    header = next(el for el in table.findall(qn("w:tblStylePr")) if el.get(qn("w:type")) == "firstRow")
    assert header.find(f"{qn('w:tcPr')}/{qn('w:shd')}").get(qn("w:fill")) == color
    bullet = doc.styles["List Bullet"].element.find(qn("w:pPr")).find(qn("w:numPr"))
    num_id = bullet.find(qn("w:numId")).get(qn("w:val"))
    numbering = doc.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
    assert abstract.find(f"{qn('w:lvl')}/{qn('w:numFmt')}").get(qn("w:val")) == "bullet"


def test_template_without_numbering_or_section_gets_both(tmp_path: Path):
    document = docx.Document()
    body = document.element.body
    for child in list(body):
        body.remove(child)
    for style in document.styles.element.findall(qn("w:style")):
        if style.get(qn("w:styleId")) == "ListBullet":
            document.styles.element.remove(style)
    path = tmp_path / "utan-sektion.docx"
    document.save(path)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp_path / "naken.docx", "w") as dst:
        for info in src.infolist():
            if info.filename != "word/numbering.xml":
                data = src.read(info)
                if info.filename == "word/_rels/document.xml.rels":
                    data = re.sub(rb'<Relationship [^>]*numbering[^>]*/>', b"", data)
                dst.writestr(info, data)
    loaded = load_content(SAMPLE)
    plan = docx.Document(io.BytesIO(render_plan(loaded.plan, Derived(loaded.plan),
                                                Layout(LAYOUTS, docx_override=tmp_path / "naken.docx"))))
    assert plan.sections[-1].page_width == 11906 * 635  # A4 where the template said nothing
    assert any(p.style.name == "List Bullet" for p in plan.paragraphs)


def test_style_name_taken_by_another_kind_of_style_is_added_beside_it(tmp_path: Path):
    document = docx.Document()
    caption = next(s for s in document.styles.element.findall(qn("w:style")) if s.get(qn("w:styleId")) == "Caption")
    caption.set(qn("w:type"), "character")  # a character style called "caption"
    for child in list(caption):
        if child.tag == qn("w:pPr"):
            caption.remove(child)
    document.save(tmp_path / "teckenformat.docx")
    doc, styles, notes = open_word_template(tmp_path / "teckenformat.docx")
    assert styles["Caption"] == "caption (vpgen)"
    assert doc.styles["caption (vpgen)"].type == 1  # paragraph
    assert "Beskrivning" in notes[0]


def test_macro_enabled_word_template_builds_without_its_macros(tmp_path: Path):
    template = with_macros(DOCX, tmp_path / "mall.dotm", "word/document.xml",
                           b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml")
    assert word_notes(template) == [
        f"Word-mallen {template} innehåller makron: de används inte och följer inte med dokumenten."]
    loaded = load_content(SAMPLE)
    data = render_plan(loaded.plan, Derived(loaded.plan), Layout(LAYOUTS, docx_override=template))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert not [n for n in archive.namelist() if "vba" in n.lower()]
        assert b"wordprocessingml.document.main+xml" in archive.read("[Content_Types].xml")
        assert b"macroEnabled" not in archive.read("[Content_Types].xml")


def test_libreoffice_converts_its_templates_to_ones_that_build(tmp_path: Path):
    """The committed fixtures are what LibreOffice makes of its templates; converted again here,
    straight to .dotx, each builds the plan (one conversion for all)."""
    office = soffice()
    share = Path("/usr/lib/libreoffice/share/template/common")
    sources = [share / "styles" / "Modern.ott", share / "styles" / "Simple.ott",
               share / "officorr" / "Modern_business_letter_sans_serif.ott"]
    if not all(source.exists() for source in sources):
        pytest.skip("LibreOffice's bundled Writer templates are not installed")
    for source in sources:
        shutil.copy(source, tmp_path)
    subprocess.run([office, f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}", "--headless",
                    "--convert-to", "dotx", "--outdir", str(tmp_path), *[str(tmp_path / s.name) for s in sources]],
                   check=True, capture_output=True, timeout=180)
    loaded = load_content(SAMPLE)
    for source in sources:
        template = tmp_path / f"{source.stem}.dotx"
        document = docx.Document(io.BytesIO(render_plan(loaded.plan, Derived(loaded.plan),
                                                        Layout(LAYOUTS, docx_override=template))))
        assert headings(document) == EXPECTED_HEADINGS


# ---------------------------------------------------------------- PowerPoint

def test_potx_and_dotx_made_from_ours_build_as_they_are(made: Path, tmp_path: Path):
    out = tmp_path / "ut"
    result = console_build(SAMPLE, out, "--template", str(made / "profil.potx"),
                           "--docx-template", str(made / "profil.dotx"))
    assert_clean_console(result)
    assert notes_of(result.stderr) == []
    assert zipfile.ZipFile(out / DECK).read("[Content_Types].xml").count(b"presentation.main+xml") == 1
    loaded = load_content(SAMPLE)
    ours = render_decks(loaded.plan, Derived(loaded.plan), Layout(LAYOUTS))[DECK]
    assert normalize_zip(ours) == (out / DECK).read_bytes()  # the sample deck, checked for fit elsewhere
    validate(out / DECK, out / PLAN, out / SUMMARY)


def test_macro_enabled_powerpoint_template_builds_without_its_macros(tmp_path: Path):
    template = with_macros(PPTX, tmp_path / "mall.potm", "ppt/presentation.xml",
                           b"application/vnd.ms-powerpoint.template.macroEnabled.main+xml")
    assert deck_notes(template, {}) == [
        f"PowerPoint-mallen {template} innehåller makron: de används inte och följer inte med presentationerna."]
    loaded = load_content(SAMPLE)
    data = render_decks(loaded.plan, Derived(loaded.plan), Layout(LAYOUTS, pptx_override=template))[DECK]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert not [n for n in archive.namelist() if "vba" in n.lower()]
        assert b"macroEnabled" not in archive.read("[Content_Types].xml")


PYTHON_PPTX_NOTE = (
    "har inte alla bildlayouter som dispositionen nämner; närmaste layout används i stället: 'Rubrikbild' → "
    "'Title Slide', 'Avsnittsrubrik' → 'Section Header', 'Rubrik och innehåll' → 'Title and Content', "
    "'Två innehåll' → 'Two Content', 'Tabell' → 'Title Only', 'Endast rubrik' → 'Title Only', 'Tom' → 'Blank' "
    "(välj andra under 'layouter:' i dispositionen).")


@pytest.fixture(scope="module")
def python_pptx_build(made: Path, tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    out = tmp_path_factory.mktemp("python-pptx") / "ut"
    return console_build(SAMPLE, out, "--template", str(made / "python-pptx.pptx")), out


def test_python_pptx_default_template_builds_and_says_which_layouts_it_used(python_pptx_build, made: Path):
    result, out = python_pptx_build
    assert_clean_console(result)
    assert notes_of(result.stderr) == [f"PowerPoint-mallen {made / 'python-pptx.pptx'} {PYTHON_PPTX_NOTE}"]
    deck = Presentation(str(out / DECK))
    assert {s.slide_layout.name for s in deck.slides} >= {"Title Slide", "Section Header", "Title and Content"}
    validate(out / DECK)


def test_python_pptx_default_deck_fits_and_passes_the_rendered_review(python_pptx_build):
    _, out = python_pptx_build
    deck = Presentation(str(out / DECK))
    # python-pptx's Section Header sets its title in capitals (cap="all"): the shared checker compares
    # text case by case and cannot find it in the PDF; vpgen's own review compares without case.
    capitals = {n for n, s in enumerate(deck.slides, start=1) if s.slide_layout.name == "Section Header"}
    findings = overflow_findings(out / DECK)
    assert [f for f in findings if not (f["kind"] == "MISSING_TEXT" and f["slide"] in capitals)] == []
    review = run_review([out / DECK], render=True)
    assert [f.format() for f in review.findings if f.rule != "contrast-low"] == []


def test_python_pptx_default_deck_passes_the_contrast_review(python_pptx_build):
    _, out = python_pptx_build
    review = run_review([out / DECK], render=False)
    assert [f.format() for f in review.findings if f.rule == "contrast-low"] == []


def test_named_layout_without_what_its_role_needs_falls_back_to_one_that_has_it(tmp_path: Path):
    prs = Presentation(str(PPTX))
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Rubrik och innehåll")
    for ph in list(layout.placeholders):
        if ph.placeholder_format.type == 7:  # the content placeholder
            ph._element.getparent().remove(ph._element)
    prs.save(tmp_path / "mall.pptx")
    template = open_template(tmp_path / "mall.pptx")
    chosen = choose_layout(template, tmp_path / "mall.pptx", "innehåll", "Rubrik och innehåll", named=False)
    assert chosen.name == "Avsnittsrubrik"  # the next layout with a title and one body
    with pytest.raises(LayoutError, match="bildlayouten 'Rubrik och innehåll' i .* saknar platshållare för rubrik "
                                          "och innehåll"):
        choose_layout(template, tmp_path / "mall.pptx", "innehåll", "Rubrik och innehåll", named=True)
