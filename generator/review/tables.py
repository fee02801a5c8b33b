"""Slide table styles: which parts of a table style (whole table, banded rows, first row …) apply
to a cell, and the text colour, boldness and fill they give it."""

from __future__ import annotations

from lxml import etree

from ..ooxml import RT_TABLE_STYLES, A, a, local
from .colour import COLOR_TAGS, FILL_TAGS, Colors
from .textstyle import synthetic_list

FLAGS = ("firstRow", "bandRow", "firstCol", "lastRow", "lastCol", "bandCol")

# PowerPoint's built-in table styles that are referenced by id without their definition in
# tableStyles.xml: "Medium Style 2 – Accent 1" (python-pptx's default) and "No Style, No Grid".
BUILTIN_TABLE_STYLES = {
    # "No Style, No Grid": no fill, text in tx1 (the deck writes its own cell colours over it).
    "{2D5ABB26-0587-4C30-8999-92F81FD0307C}": f"""<a:tblStyle xmlns:a="{A}" styleId="builtin-none">
  <a:wholeTbl><a:tcTxStyle><a:fontRef idx="minor"/><a:schemeClr val="tx1"/></a:tcTxStyle>
    <a:tcStyle><a:fill><a:noFill/></a:fill></a:tcStyle></a:wholeTbl>
</a:tblStyle>""",
    "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}": f"""<a:tblStyle xmlns:a="{A}" styleId="builtin">
  <a:wholeTbl><a:tcTxStyle><a:fontRef idx="minor"/><a:schemeClr val="dk1"/></a:tcTxStyle>
    <a:tcStyle><a:fill><a:solidFill><a:schemeClr val="accent1"><a:tint val="20000"/></a:schemeClr></a:solidFill></a:fill></a:tcStyle></a:wholeTbl>
  <a:band1H><a:tcStyle><a:fill><a:solidFill><a:schemeClr val="accent1"><a:tint val="40000"/></a:schemeClr></a:solidFill></a:fill></a:tcStyle></a:band1H>
  <a:band1V><a:tcStyle><a:fill><a:solidFill><a:schemeClr val="accent1"><a:tint val="40000"/></a:schemeClr></a:solidFill></a:fill></a:tcStyle></a:band1V>
  <a:lastCol><a:tcTxStyle b="on"><a:fontRef idx="minor"/><a:schemeClr val="lt1"/></a:tcTxStyle>
    <a:tcStyle><a:fill><a:solidFill><a:schemeClr val="accent1"/></a:solidFill></a:fill></a:tcStyle></a:lastCol>
  <a:firstCol><a:tcTxStyle b="on"><a:fontRef idx="minor"/><a:schemeClr val="lt1"/></a:tcTxStyle>
    <a:tcStyle><a:fill><a:solidFill><a:schemeClr val="accent1"/></a:solidFill></a:fill></a:tcStyle></a:firstCol>
  <a:lastRow><a:tcTxStyle b="on"><a:fontRef idx="minor"/><a:schemeClr val="lt1"/></a:tcTxStyle>
    <a:tcStyle><a:fill><a:solidFill><a:schemeClr val="accent1"/></a:solidFill></a:fill></a:tcStyle></a:lastRow>
  <a:firstRow><a:tcTxStyle b="on"><a:fontRef idx="minor"/><a:schemeClr val="lt1"/></a:tcTxStyle>
    <a:tcStyle><a:fill><a:solidFill><a:schemeClr val="accent1"/></a:solidFill></a:fill></a:tcStyle></a:firstRow>
</a:tblStyle>""",
}


def table_styles(prs) -> dict:
    """The presentation's table styles by id (tableStyles.xml)."""
    styles = {}
    try:
        root = etree.fromstring(prs.part.part_related_by(RT_TABLE_STYLES).blob)
        for style in root.findall(a("tblStyle")):
            styles[style.get("styleId")] = style
    except (KeyError, etree.XMLSyntaxError, AttributeError):
        pass
    return styles


def find_style(styles: dict, style_id: str | None):
    """A table style by id: the presentation's, else PowerPoint's built-in default, else None."""
    style = styles.get(style_id)
    if style is None and style_id in BUILTIN_TABLE_STYLES:
        style = etree.fromstring(BUILTIN_TABLE_STYLES[style_id])
    return style


def table_flags(tblpr) -> dict[str, bool]:
    """The a:tblPr switches: header row, banded rows, first/last column …"""
    return {k: (tblpr.get(k) in ("1", "true")) if tblpr is not None else False for k in FLAGS}


def table_parts(flags: dict, r: int, c: int, rows: int, cols: int) -> list[str]:
    """Table style parts that apply to a cell, lowest priority first."""
    parts = ["wholeTbl"]
    if flags["bandRow"]:
        first = 1 if flags["firstRow"] else 0
        if r >= first:
            parts.append("band1H" if (r - first) % 2 == 0 else "band2H")
    if flags["bandCol"]:
        first = 1 if flags["firstCol"] else 0
        if c >= first:
            parts.append("band1V" if (c - first) % 2 == 0 else "band2V")
    if flags["lastCol"] and c == cols - 1:
        parts.append("lastCol")
    if flags["firstCol"] and c == 0:
        parts.append("firstCol")
    if flags["lastRow"] and r == rows - 1:
        parts.append("lastRow")
    if flags["firstRow"] and r == 0:
        parts.append("firstRow")
    return parts


def table_style_cell(style, parts: list[str], colors: Colors):
    """(synthetic lstStyle with the style's text colour/bold, fill) for a cell of a styled table."""
    color_el, bold, fill = None, None, None
    for part in parts:
        el = style.find(a(part))
        if el is None:
            continue
        tx = el.find(a("tcTxStyle"))
        if tx is not None:
            found = next((c for c in tx if local(c) in COLOR_TAGS), None)
            color_el = found if found is not None else color_el
            if tx.get("b") in ("on", "off"):
                bold = tx.get("b") == "on"
        tc = el.find(a("tcStyle"))
        if tc is not None:
            fill_el = tc.find(a("fill"))
            if fill_el is not None:
                inner = next((f for f in fill_el if local(f) in FILL_TAGS), None)
                fill = colors.fill(inner) if inner is not None else fill
            ref = tc.find(a("fillRef"))
            if ref is not None:
                fill = colors.style_ref_fill(ref)
    props = synthetic_list(color_el, bold) if (color_el is not None or bold is not None) else None
    return props, fill
