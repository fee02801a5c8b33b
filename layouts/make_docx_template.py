"""Create layouts/verksamhetsplan.docx, the reference document whose styles the Word outputs use.

    python layouts/make_docx_template.py            # writes layouts/verksamhetsplan.docx
    python layouts/make_docx_template.py OUT.docx

Starts from python-docx's default document and rewrites what we need in the XML: the styles
(Title, Subtitle, Heading 1–3, Normal, List Bullet, Caption, TOC Heading, TOC 1–3, Header, Footer
and the table style "VP-tabell" with a repeating, shaded header row and a total row), document
language sv-SE in docDefaults and every style, A4 with 2,5 cm margins, a header (filled with the
nämnd and year when a plan is rendered) and a footer with PAGE / NUMPAGES fields, an empty
first-page header/footer for the title page, and a settings part that validates (python-docx's
default <w:zoom> lacks its required percent attribute).

The body holds one example of every style so that someone adapting the template in Word sees
them — and so Word keeps them when it saves. The renderers replace the body.
Same script, same bytes: fixed core properties, fixed zip timestamps.
"""

from __future__ import annotations

import datetime
import io
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import docx  # noqa: E402
from docx.opc.constants import RELATIONSHIP_TYPE as RT  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402
from docx.shared import Cm  # noqa: E402

from generator.render.word import (  # noqa: E402
    LANG, TABLE_STYLE, add_field, add_table, fix_settings, set_language,
)
from generator.writer import normalize_zip  # noqa: E402

OUT = REPO / "layouts" / "verksamhetsplan.docx"
W = nsdecls("w")

FONT = "Calibri"
NAVY = "1F3864"
BLUE = "1F4E79"
GREY = "595959"
RULE = "BFBFBF"

_FONTS = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
_LANG = f'<w:lang w:val="{LANG}" w:eastAsia="en-US" w:bidi="ar-SA"/>'


def _size(half_points: int) -> str:
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def _para_style(style_id: str, name: str, ppr: str, rpr: str, based_on: str | None = "Normal",
                next_style: str | None = "Normal", priority: int | None = None, extra: str = "") -> str:
    """A paragraph style, elements in schema order; every style carries the document language."""
    parts = [f'<w:style {W} w:type="paragraph" w:styleId="{style_id}"{extra}>', f'<w:name w:val="{name}"/>']
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_style:
        parts.append(f'<w:next w:val="{next_style}"/>')
    if priority is not None:
        parts.append(f'<w:uiPriority w:val="{priority}"/>')
    parts.append("<w:qFormat/>")
    parts.append(f"<w:pPr>{ppr}</w:pPr>" if ppr else "")
    parts.append(f"<w:rPr>{rpr}{_LANG}</w:rPr>")
    parts.append("</w:style>")
    return "".join(parts)


def _heading(level: int, size: int, before: int, after: int, color: str) -> str:
    return _para_style(
        f"Heading{level}", f"heading {level}",
        f'<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="{after}"/><w:outlineLvl w:val="{level - 1}"/>',
        f'{_FONTS}<w:b/><w:bCs/><w:color w:val="{color}"/>{_size(size)}', priority=9,
    )


def _toc(level: int) -> str:
    indent = (level - 1) * 284
    return _para_style(
        f"TOC{level}", f"toc {level}",
        f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9060"/></w:tabs>'
        f'<w:spacing w:before="{80 if level == 1 else 0}" w:after="20"/><w:ind w:left="{indent}"/>',
        ("<w:b/><w:bCs/>" if level == 1 else "") + _size(21), priority=39,
    )


_BORDER = f'w:val="single" w:sz="4" w:space="0" w:color="{RULE}"'
_HEADER_RULE = f'w:val="single" w:sz="4" w:space="4" w:color="{RULE}"'

STYLES = {
    # Font, size and spacing live in docDefaults, not in Normal: a table style outranks the
    # defaults but not a paragraph style, so this way table cells get the table style's size.
    "Normal": (
        f'<w:style {W} w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        f'<w:rPr>{_LANG}</w:rPr></w:style>'
    ),
    "Title": _para_style(
        "Title", "Title",
        '<w:spacing w:before="3600" w:after="240" w:line="240" w:lineRule="auto"/><w:contextualSpacing/>',
        f'{_FONTS}<w:b/><w:bCs/><w:color w:val="{NAVY}"/><w:kern w:val="28"/>{_size(60)}', priority=10,
    ),
    "Subtitle": _para_style(
        "Subtitle", "Subtitle", '<w:spacing w:after="600"/>',
        f'{_FONTS}<w:color w:val="{BLUE}"/>{_size(36)}', priority=11,
    ),
    "Heading1": _heading(1, 32, 480, 160, NAVY),
    "Heading2": _heading(2, 26, 320, 120, BLUE),
    "Heading3": _heading(3, 23, 240, 80, BLUE),
    "ListBullet": _para_style(
        "ListBullet", "List Bullet",
        '<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/><w:ind w:left="360" w:hanging="360"/>',
        "", priority=99,
    ),
    "Caption": _para_style(
        "Caption", "caption", '<w:keepNext/><w:spacing w:before="200" w:after="80" w:line="240" w:lineRule="auto"/>',
        f'<w:b/><w:bCs/><w:color w:val="{BLUE}"/>{_size(20)}', priority=35,
    ),
    "TOCHeading": _para_style(
        "TOCHeading", "TOC Heading",
        '<w:keepNext/><w:spacing w:before="240" w:after="240"/>',
        f'{_FONTS}<w:b/><w:bCs/><w:color w:val="{NAVY}"/>{_size(32)}', priority=39,
    ),
    "TOC1": _toc(1),
    "TOC2": _toc(2),
    "TOC3": _toc(3),
    "Header": _para_style(
        "Header", "header",
        f'<w:pBdr><w:bottom {_HEADER_RULE}/></w:pBdr>'
        '<w:tabs><w:tab w:val="center" w:pos="4536"/><w:tab w:val="right" w:pos="9072"/></w:tabs>'
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
        f'<w:color w:val="{GREY}"/>{_size(18)}', next_style=None, priority=99,
    ),
    "Footer": _para_style(
        "Footer", "footer",
        '<w:tabs><w:tab w:val="center" w:pos="4536"/><w:tab w:val="right" w:pos="9072"/></w:tabs>'
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="right"/>',
        f'<w:color w:val="{GREY}"/>{_size(18)}', next_style=None, priority=99,
    ),
    # The table style: light rules, a shaded header row (also marked as repeating), a bold total row
    # (applied when a table's tblLook has lastRow="1"), and faint banding for long tables.
    "VP-tabell": (
        f'<w:style {W} w:type="table" w:customStyle="1" w:styleId="VP-tabell"><w:name w:val="{TABLE_STYLE}"/>'
        '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="50" w:after="50" w:line="240" w:lineRule="auto"/></w:pPr>'
        f'<w:rPr>{_size(20)}{_LANG}</w:rPr>'
        '<w:tblPr><w:tblStyleRowBandSize w:val="1"/><w:tblBorders>'
        f'<w:top {_BORDER}/><w:left {_BORDER}/><w:bottom {_BORDER}/><w:right {_BORDER}/>'
        f'<w:insideH {_BORDER}/><w:insideV {_BORDER}/></w:tblBorders>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        '<w:tblStylePr w:type="firstRow"><w:pPr><w:keepNext/></w:pPr>'
        '<w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{BLUE}"/></w:tcPr></w:tblStylePr>'
        '<w:tblStylePr w:type="lastRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tblPr/>'
        f'<w:tcPr><w:tcBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="{BLUE}"/></w:tcBorders>'
        '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/></w:tcPr></w:tblStylePr>'
        '<w:tblStylePr w:type="band2Horz"><w:tblPr/>'
        '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F3F6FA"/></w:tcPr></w:tblStylePr>'
        "</w:style>"
    ),
}

# Table styles python-docx's default template carries from Word 2010 that nobody here uses.
KEEP_TABLE_STYLES = {"TableNormal", "TableGrid", "VP-tabell"}


def _rewrite_styles(doc) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    defaults.getparent().replace(defaults, parse_xml(
        f'<w:docDefaults {W}><w:rPrDefault><w:rPr>{_FONTS}{_size(22)}{_LANG}</w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>"
    ))
    for style in list(styles.findall(qn("w:style"))):
        style_id = style.get(qn("w:styleId"))
        if style.get(qn("w:type")) == "table" and style_id not in KEEP_TABLE_STYLES:
            styles.remove(style)
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    for style_id, xml in STYLES.items():
        new = parse_xml(xml)
        if style_id in by_id:
            styles.replace(by_id[style_id], new)
        else:
            styles.append(new)
    set_language(doc)


def _rewrite_theme_fonts(doc) -> None:
    """Both theme fonts Calibri, so anything that still points at the theme matches the styles."""
    theme = doc.part.part_related_by(RT.THEME)
    blob = theme.blob.decode("utf-8").replace('<a:latin typeface="Cambria"/>', f'<a:latin typeface="{FONT}"/>')
    theme._blob = blob.encode("utf-8")


def _drop_legacy_parts(doc) -> None:
    """No thumbnail (a picture of a blank page) and no Word 2010 stylesWithEffects copy."""
    package = doc.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(r_id)
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.rels.pop(r_id)
    settings = doc.settings.element
    for tag in ("w:savePreviewPicture",):
        for el in settings.findall(qn(tag)):
            settings.remove(el)


APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Template>verksamhetsplan.docx</Template><Application>vpgen</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def _rewrite_app_properties(doc) -> None:
    for rel in doc.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = APP_XML.encode("utf-8")


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.header_distance, section.footer_distance = Cm(1.25), Cm(1.0)
    # The title page has no header or footer.
    section.different_first_page_header_footer = True
    for part in (section.first_page_header, section.first_page_footer):
        part.is_linked_to_previous = False
        part.paragraphs[0].style = doc.styles["Normal"]  # no header rule on the title page
    # Header: filled with the nämnd and the year when a plan is rendered (empty here on purpose).
    header = section.header
    header.is_linked_to_previous = False
    header.paragraphs[0].style = doc.styles["Header"]
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.style = doc.styles["Footer"]
    paragraph.add_run("Sida ")
    add_field(paragraph, "PAGE", "1")
    paragraph.add_run(" av ")
    add_field(paragraph, "NUMPAGES", "1")


def _style_showcase(doc) -> None:
    """One paragraph per style, so the template shows (and Word keeps) every style the plan uses."""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    doc.add_paragraph("Verksamhetsplan ÅÅÅÅ", style="Title")
    doc.add_paragraph("Nämndens namn", style="Subtitle")
    doc.add_paragraph("Mallen för vpgen: formatmallarna nedan används i verksamhetsplanen och i "
                      "sammanställningen av uppdrag. Ändra formatmallarna, inte texten — texten ersätts.")
    doc.add_paragraph("Innehåll", style="TOC Heading")
    for level in (1, 2, 3):
        doc.add_paragraph(f"Innehållsförteckning, nivå {level}", style=f"toc {level}")
    doc.add_paragraph("Rubrik 1", style="Heading 1")
    doc.add_paragraph("Brödtext (Normal). Dokumentets språk är svenska (sv-SE) i alla formatmallar.")
    doc.add_paragraph("Rubrik 2", style="Heading 2")
    doc.add_paragraph("Punktlista (List Bullet)", style="List Bullet")
    doc.add_paragraph("Rubrik 3", style="Heading 3")
    doc.add_paragraph("Tabellrubrik (Caption / Beskrivning)", style="Caption")
    add_table(doc, ["Kolumn", "Belopp, Mnkr"], [["Rad", "1,0"], ["Rad", "2,0"], ["Summa", "3,0"]],
              widths=[Cm(11), Cm(5)], numeric=[False, True], total=True)


def build_template() -> bytes:
    doc = docx.Document()
    _rewrite_styles(doc)
    _rewrite_theme_fonts(doc)
    _drop_legacy_parts(doc)
    _rewrite_app_properties(doc)
    fix_settings(doc)
    _page_setup(doc)
    _style_showcase(doc)
    props = doc.core_properties
    props.title = "Mall för verksamhetsplan (vpgen)"
    props.subject = "Formatmallar för verksamhetsplan och uppdragssammanställning"
    props.author = props.last_modified_by = "vpgen"
    props.comments = ""
    props.language = LANG
    props.keywords = ""
    props.category = ""
    props.revision = 1
    stamp = datetime.datetime(2025, 1, 1)
    props.created = props.modified = stamp
    if props.last_printed is not None:
        props.last_printed = stamp
    out = io.BytesIO()
    doc.save(out)
    return normalize_zip(out.getvalue())


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else OUT
    target.write_bytes(build_template())
    print(f"skrev {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

