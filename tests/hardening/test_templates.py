"""Templates a planner may point vpgen at: --template, --docx-template, a layout folder's texts and
a --disposition. Each must be refused with the template's name and what is wrong, before anything
is rendered or written; a zip bomb by the sizes it declares, before anything is unpacked.
"""

from __future__ import annotations

import shutil
import struct
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from ..conftest import LAYOUTS
from .support import assert_refused, build

PPTX = LAYOUTS / "board.pptx"
DOCX = LAYOUTS / "verksamhetsplan.docx"


def declared_bomb(path: Path, base: Path) -> None:
    """A real package whose largest part *declares* 4 GB unpacked (central directory and local
    header patched): refusing it proves the check reads the declared sizes, not the data."""
    shutil.copy(base, path)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(base) as archive:
        target = max(archive.infolist(), key=lambda info: info.file_size).filename.encode()
    # Central directory entries: signature PK\1\2, uncompressed size at offset 24, name at 46.
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        name_len = struct.unpack_from("<H", data, start + 28)[0]
        if bytes(data[start + 46: start + 46 + name_len]) == target:
            struct.pack_into("<I", data, start + 24, 0xFFFF0000)
        start += 4
    path.write_bytes(bytes(data))


def without_layouts(path: Path) -> None:
    prs = Presentation(str(PPTX))
    for layout in list(prs.slide_layouts):
        prs.slide_layouts.remove(layout)
    prs.save(path)


def layouts_without(path: Path, keep: set[int]) -> None:
    """Every layout keeps only the placeholders whose type is in `keep` (1 title, 3 centred title)."""
    prs = Presentation(str(PPTX))
    for layout in prs.slide_layouts:
        for ph in list(layout.placeholders):
            if ph.placeholder_format.type not in keep:
                ph._element.getparent().remove(ph._element)
    prs.save(path)


def titles_without_position(path: Path) -> None:
    """Every title placeholder, on the master and the layouts, without a position or size."""
    prs = Presentation(str(PPTX))
    for container in [prs.slide_master, *prs.slide_layouts]:
        for ph in container.placeholders:
            if ph.placeholder_format.type in (1, 3):  # title, centred title
                xfrm = ph._element.spPr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}xfrm")
                if xfrm is not None:
                    ph._element.spPr.remove(xfrm)
    prs.save(path)


def rewrite_part(path: Path, base: Path, part: str, change) -> None:
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == part:
                data = change(data)
                if data is None:
                    continue
            dst.writestr(info.filename, data)


def without_normal(path: Path) -> None:
    """No Normal style and no default paragraph style: nothing the added styles could derive from."""
    rewrite_part(path, DOCX, "word/styles.xml", lambda data: data.replace(
        b'w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>', b'w:styleId="Vanlig"><w:name w:val="Vanlig"/>'))


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> Path:
    """Every broken template of this module, made once."""
    d = tmp_path_factory.mktemp("mallar")
    (d / "text.pptx").write_text("det här är ingen presentation\n", encoding="utf-8")
    (d / "tom.pptx").write_bytes(b"")
    declared_bomb(d / "bomb.pptx", PPTX)
    shutil.copy(DOCX, d / "plan.docx")
    without_layouts(d / "utan-layouter.pptx")
    layouts_without(d / "utan-textplatshallare.pptx", keep={1, 3})
    layouts_without(d / "utan-platshallare.pptx", keep=set())
    titles_without_position(d / "rubrik-utan-plats.pptx")
    (d / "avklippt.pptx").write_bytes(PPTX.read_bytes()[: PPTX.stat().st_size // 2])
    with zipfile.ZipFile(d / "bara-zip.pptx", "w") as archive:
        archive.writestr("readme.txt", "hej")
    rewrite_part(d / "trasig-xml.pptx", PPTX, "ppt/presentation.xml", lambda data: data[:200])
    (d / "mapp.pptx").mkdir()
    (d / "text.docx").write_text("det här är inget dokument\n", encoding="utf-8")
    (d / "tom.docx").write_bytes(b"")
    declared_bomb(d / "bomb.docx", DOCX)
    shutil.copy(PPTX, d / "bildspel.pptx")
    without_normal(d / "utan-normal.docx")
    rewrite_part(d / "trasig-xml.docx", DOCX, "word/styles.xml", lambda data: data[:300])
    (d / "avklippt.docx").write_bytes(DOCX.read_bytes()[: DOCX.stat().st_size // 2])
    rewrite_part(d / "mall.dotx", d / "trasig-xml.docx", "[Content_Types].xml", lambda data: data.replace(
        b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml"))
    with zipfile.ZipFile(d / "ark.xlsx", "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    (d / "mapp.docx").mkdir()
    return d


STOP = "Bygget avbröts: "
END = ". Inga filer har ändrats."
NOT_PPTX = "PowerPoint-mallen {t} är ingen PowerPoint-fil (.pptx eller .potx): filen är inget zip-arkiv"
NOT_DOCX = "Word-mallen {t} är ingen Word-fil (.docx eller .dotx): filen är inget zip-arkiv — spara mallen i Word igen"
PPTX_CASES = [
    ("not_a_zip", "text.pptx", NOT_PPTX),
    ("empty_file", "tom.pptx", NOT_PPTX),
    ("truncated", "avklippt.pptx", NOT_PPTX),
    ("zip_bomb_by_declared_size", "bomb.pptx",
     "PowerPoint-mallen {t} packas upp till 4095 MB — högst 200 MB tillåts (kan vara en zip-bomb)"),
    ("word_document_given_as_template", "plan.docx",
     "PowerPoint-mallen {t} är inte en PowerPoint-presentation (det är ett Word-dokument)"),
    ("zip_that_is_no_presentation", "bara-zip.pptx", "PowerPoint-mallen {t} är inte en PowerPoint-presentation"),
    ("broken_presentation_xml", "trasig-xml.pptx",
     "PowerPoint-mallen {t} kan inte öppnas: paketet är skadat (XMLSyntaxError) — öppna mallen i PowerPoint och "
     "spara den igen"),
    ("no_slide_layouts", "utan-layouter.pptx", "PowerPoint-mallen {t} har inga bildlayouter"),
    ("layouts_without_a_body_placeholder", "utan-textplatshallare.pptx",
     "bildlayouten 'Rubrik och innehåll' i {t} saknar platshållare för rubrik och innehåll"),
    ("layouts_without_any_placeholder", "utan-platshallare.pptx",
     "bildlayouten 'Rubrik och innehåll' i {t} saknar platshållare för rubrik och innehåll"),
    ("title_placeholders_without_position", "rubrik-utan-plats.pptx",
     "bildlayouten 'Rubrik och innehåll' i {t} saknar platshållare för rubrik och innehåll"),
    ("folder_given_as_template", "mapp.pptx", "PowerPoint-mallen {t} är en mapp, inte en fil — ange filen"),
    ("missing_template", "finns-inte.pptx", "PowerPoint-mallen {t} finns inte"),
    ("endless_device_as_template", "/dev/zero", "PowerPoint-mallen {t} är ingen vanlig fil"),
]
DOCX_CASES = [
    ("not_a_zip", "text.docx", NOT_DOCX),
    ("empty_file", "tom.docx", NOT_DOCX),
    ("truncated", "avklippt.docx", NOT_DOCX),
    ("zip_bomb_by_declared_size", "bomb.docx",
     "Word-mallen {t} packas upp till 4095 MB — högst 200 MB tillåts (kan vara en zip-bomb)"),
    ("presentation_given_as_word_template", "bildspel.pptx",
     "Word-mallen {t} är en PowerPoint-presentation, inte ett Word-dokument — ange en .docx eller .dotx med "
     "--docx-template (PowerPoint-mallen anges med --template)"),
    ("spreadsheet_given_as_word_template", "ark.xlsx",
     "Word-mallen {t} är en Excel-arbetsbok, inte ett Word-dokument — ange en .docx eller .dotx"),
    ("broken_styles_xml", "trasig-xml.docx",
     "Word-mallen {t} kan inte öppnas: paketet är skadat (XMLSyntaxError) — öppna mallen i Word och spara den igen"),
    ("broken_styles_xml_in_a_dotx", "mall.dotx",
     "Word-mallen {t} kan inte öppnas: paketet är skadat (XMLSyntaxError) — öppna mallen i Word och spara den igen"),
    ("no_normal_style", "utan-normal.docx",
     "Word-mallen {t} saknar formatmallen Normal (standardstycket) och kan inte användas — spara mallen i Word "
     "igen, eller använd layouts/verksamhetsplan.docx"),
    ("folder_given_as_template", "mapp.docx", "Word-mallen {t} är en mapp, inte en fil — ange filen"),
    ("missing_template", "finns-inte.docx", "Word-mallen {t} finns inte"),
    ("endless_device_as_template", "/dev/zero", "Word-mallen {t} är ingen vanlig fil"),
]
CASES = [("--template", *case) for case in PPTX_CASES] + [("--docx-template", *case) for case in DOCX_CASES]


@pytest.mark.parametrize("option,name,message", [(o, n, m) for o, _, n, m in CASES],
                         ids=[f"{o.strip('-')}-{i}" for o, i, _, _ in CASES])
def test_unusable_template_is_refused_by_name(option, name, message, broken: Path, content: Path, previous):
    out, before = previous
    template = broken / name
    result = build(content, out, option, str(template))
    assert_refused(result, out, before, content, [STOP + message.format(t=template) + END])


# ---------------------------------------------------------------- the layout folder's texts and outline

def layouts_with(tmp_path: Path, change) -> Path:
    folder = tmp_path / "layouts"
    shutil.copytree(LAYOUTS, folder)
    change(folder)
    return folder


def set_text(key: str, template: str):
    def change(folder: Path) -> None:
        path = folder / "texter.yaml"
        lines = path.read_text(encoding="utf-8").split("\n")
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
        lines[index] = f"{key}: {template}" if template is not None else f"# {key} borttagen"
        path.write_text("\n".join(lines), encoding="utf-8")
    return change


def line_of(folder: Path, key: str) -> int:
    lines = (folder / "texter.yaml").read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines) if line.startswith(f"{key}:")) + 1


TEXTS = [
    ("missing_text", set_text("forts", None),
     "{f}/texter.yaml: fel: forts: texten 'forts' saknas — lägg till 'forts:' med en mall (se layouts/texter.yaml "
     "som följer med vpgen)"),
    ("undefined_value", set_text("forts", '"{{ rubrik }} {{ sida }}"'),
     "{f}/texter.yaml:{line}:1: fel: forts: mallen använder ett värde som inte finns ('sida' is undefined) — "
     "värden som finns här: nummer, rubrik"),
    ("sandbox_escape_attempt", set_text("forts", '"{{ rubrik.__class__.__mro__[1].__subclasses__() }}"'),
     "{f}/texter.yaml:{line}:1: fel: forts: mallen försöker nå något som inte är tillåtet i en textmall (access "
     "to attribute '__class__' of 'str' object is unsafe.) — använd bara värdena: nummer, rubrik"),
    ("template_syntax_error", set_text("forts", '"{{ rubrik "'),
     "{f}/texter.yaml:{line}:1: fel: forts: fel i mallen: unexpected end of template, expected 'end of print "
     "statement'"),
]


@pytest.mark.parametrize("change,message", [(c, m) for _, c, m in TEXTS], ids=[t[0] for t in TEXTS])
def test_broken_layout_text_is_refused_with_file_line_and_key(change, message, content: Path, previous, tmp_path):
    out, before = previous
    folder = layouts_with(tmp_path, change)
    line = line_of(folder, "forts") if "{line}" in message else 0
    result = build(content, out, layouts=folder)
    assert_refused(result, out, before, content, [STOP + message.format(f=folder, line=line) + END])


def test_disposition_that_is_not_yaml_is_refused(content: Path, previous, tmp_path: Path):
    out, before = previous
    outline = tmp_path / "disposition.yaml"
    outline.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = build(content, out, "--disposition", str(outline))
    assert_refused(result, out, before, content, [
        "Bygget avbröts: dispositionen har fel:",
        f"{tmp_path.name}/disposition.yaml:3:1: fel: filen innehåller nolltecken och är ingen textfil (eller är "
        "sparad som UTF-16) — spara om den som UTF-8-text. Inga filer har ändrats."])


def test_disposition_naming_a_missing_slide_layout_is_refused(content: Path, previous, tmp_path: Path):
    out, before = previous
    outline = tmp_path / "disposition.yaml"
    outline.write_text((LAYOUTS / "deck.yaml").read_text(encoding="utf-8").replace(
        "- {typ: tidplan}", "- {typ: tidplan, layout: Finns inte}"), encoding="utf-8")
    result = build(content, out, "--disposition", str(outline))
    assert_refused(result, out, before, content, [
        f"Bygget avbröts: bildlayouten 'Finns inte' som dispositionen nämner finns inte i {PPTX}. "
        "Inga filer har ändrats."])


def test_disposition_that_never_ends_is_not_read(content: Path, previous):
    out, before = previous
    result = build(content, out, "--disposition", "/dev/zero")
    assert_refused(result, out, before, content, [
        "Bygget avbröts: dispositionen /dev/zero är ingen vanlig fil. Inga filer har ändrats."])
