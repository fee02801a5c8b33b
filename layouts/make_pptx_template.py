"""Make layouts/board.pptx: a clean, neutral 16:9 template with named Swedish slide layouts.

    python layouts/make_pptx_template.py            # writes layouts/board.pptx

Starts from python-pptx's default template (so the result is reproducible from the installed
library alone), resizes it to 16:9, keeps and renames the layouts the deck uses, adds a
"Tabell" layout with a table placeholder, and sets text styles, colours and sv-SE as the
language of every text style.

The colours are the theme's (THEME below): the navy of the Word plan as accent 1 (tables,
charts, the timeline take it from there), the title navy as dark 2, and the styles refer to
theme slots, so changing the theme in PowerPoint recolours everything. The footer runs along
the bottom: footer text at the left margin, the slide number at the right one, both 14 pt in a
grey that has 4.5:1 on white (the deck fills them on every slide but title and section slides).
"""

from __future__ import annotations

import copy
import datetime
import io
import sys
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Inches, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.writer import normalize_zip  # noqa: E402

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
}
WIDTH, HEIGHT = Emu(12192000), Emu(6858000)
TITLE_COLOUR = "1F3864"
TEXT_COLOUR = "262626"
# The theme's colour scheme: text, background, the navies of the Word plan, and accents that pass
# WCAG AA (4.5:1) with white text on them or on white as text (accent 1 carries table headers).
THEME = {"dk1": TEXT_COLOUR, "lt1": "FFFFFF", "dk2": TITLE_COLOUR, "lt2": "E7E6E6", "accent1": "1F4E79",
         "accent2": "2E75B6", "accent3": "548235", "accent4": "BF9000", "accent5": "7030A0", "accent6": "C55A11",
         "hlink": "0563C1", "folHlink": "954F72"}
FRAME_GREY = ("tx1", 65000, 35000)  # lumMod, lumOff: 4,8:1 on white at 14 pt

# Geometry in inches: (left, top, width, height).
MASTER_TITLE = (0.6, 0.3, 12.133, 1.1)
MASTER_BODY = (0.6, 1.55, 12.133, 5.25)
FOOTER_Y, FOOTER_H = 6.95, 0.4

# Default layout name -> (our name, {placeholder idx: geometry or None to inherit}).
KEEP = {
    "Title Slide": ("Rubrikbild", {0: (1.0, 1.9, 11.333, 1.9), 1: (1.0, 4.0, 11.333, 1.6)}),
    "Title and Content": ("Rubrik och innehåll", {0: None, 1: None}),
    "Section Header": ("Avsnittsrubrik", {0: (0.9, 2.3, 11.533, 1.9), 1: (0.9, 4.3, 11.533, 1.2)}),
    "Two Content": ("Två innehåll", {0: None, 1: (0.6, 1.55, 5.9, 5.25), 2: (6.833, 1.55, 5.9, 5.25)}),
    "Comparison": ("Tabell", {0: None}),
    "Title Only": ("Endast rubrik", {0: None}),
    "Blank": ("Tom", {}),
}


def q(tag: str) -> str:
    prefix, name = tag.split(":")
    return f"{{{NS[prefix]}}}{name}"


def set_xfrm(sp, geometry) -> None:
    """Give a placeholder explicit geometry, or drop its own so it inherits from the master."""
    sppr = sp.find(q("p:spPr"))
    old = sppr.find(q("a:xfrm"))
    if old is not None:
        sppr.remove(old)
    if geometry is None:
        return
    left, top, width, height = (int(Inches(v)) for v in geometry)
    xfrm = etree.SubElement(sppr, q("a:xfrm"))
    sppr.insert(0, xfrm)
    etree.SubElement(xfrm, q("a:off"), x=str(left), y=str(top))
    etree.SubElement(xfrm, q("a:ext"), cx=str(width), cy=str(height))


def place_footers(tree, style: bool = False) -> None:
    """Footer, date and slide-number placeholders along the bottom of a 16:9 slide: the footer text
    at the left margin, the slide number at the right; with `style` (the master) 14 pt, grey."""
    slots = {"ftr": (0.6, 7.4, "l"), "dt": (8.2, 2.4, "r"), "sldNum": (10.733, 2.0, "r")}
    for sp in tree.iter(q("p:sp")):
        ph = sp.find(".//" + q("p:ph"))
        if ph is None or ph.get("type") not in slots:
            continue
        left, width, align = slots[ph.get("type")]
        set_xfrm(sp, (left, FOOTER_Y, width, FOOTER_H))
        if not style:
            continue
        lst = sp.find(q("p:txBody")).find(q("a:lstStyle"))
        for child in list(lst):
            lst.remove(child)
        lvl = etree.SubElement(lst, q("a:lvl1pPr"), algn=align)
        rpr = etree.SubElement(lvl, q("a:defRPr"), sz="1400", lang="sv-SE")
        fill = etree.SubElement(rpr, q("a:solidFill"))
        slot, mod, off = FRAME_GREY
        colour = etree.SubElement(fill, q("a:schemeClr"), val=slot)
        etree.SubElement(colour, q("a:lumMod"), val=str(mod))
        etree.SubElement(colour, q("a:lumOff"), val=str(off))


def set_theme_colours(prs) -> None:
    """The theme's colour scheme from THEME (the master's theme part, named for the region's navy)."""
    part = prs.slide_master.part.part_related_by(RT.THEME)
    theme = etree.fromstring(part.blob)
    scheme = theme.find(".//" + q("a:clrScheme"))
    scheme.set("name", "vpgen")
    for slot in scheme:
        name = etree.QName(slot).localname
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, q("a:srgbClr"), val=THEME[name])
    part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


def scheme_fill(parent, slot: str) -> None:
    """Replace the colours of an a:solidFill by a theme slot (a:schemeClr)."""
    for child in list(parent):
        parent.remove(child)
    etree.SubElement(parent, q("a:schemeClr"), val=slot)


def placeholder(tree, idx: int):
    for sp in tree.iter(q("p:sp")):
        ph = sp.find(".//" + q("p:ph"))
        if ph is not None and int(ph.get("idx", "0")) == idx:
            return sp
    return None


def add_accent_bar(layout_tree) -> None:
    """A decorative band down the left edge of title and section slides."""
    tree = layout_tree.find(q("p:cSld")).find(q("p:spTree"))
    ids = [int(el.get("id")) for el in layout_tree.iter(q("p:cNvPr"))]
    ns_p, ns_a = NS["p"], NS["a"]
    sp = etree.fromstring(
        f'<p:sp xmlns:p="{ns_p}" xmlns:a="{ns_a}"><p:nvSpPr>'
        f'<p:cNvPr id="{max(ids) + 1}" name="Dekorband"><a:extLst><a:ext uri="{{C183D7F6-B498-43B3-948B-1728B52AA6E4}}">'
        '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>'
        '</a:ext></a:extLst></p:cNvPr><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{int(Inches(0.35))}" cy="{int(HEIGHT)}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="tx2"/></a:solidFill>'
        '<a:ln><a:noFill/></a:ln></p:spPr></p:sp>'
    )
    tree.insert(2, sp)  # behind the placeholders


def style_levels(style, sizes: list[int], colour: str, bold: bool = False) -> None:
    """Sizes per level (hundredths of a point), colour (a theme slot), language sv-SE, tidy spacing."""
    for level, size in enumerate(sizes, start=1):
        ppr = style.find(q(f"a:lvl{level}pPr"))
        if ppr is None:
            continue
        spc = ppr.find(q("a:spcBef"))
        if spc is not None:
            for child in list(spc):
                spc.remove(child)
            etree.SubElement(spc, q("a:spcPts"), val="600" if style.tag != q("p:titleStyle") else "0")
        rpr = ppr.find(q("a:defRPr"))
        rpr.set("sz", str(size))
        rpr.set("lang", "sv-SE")
        if bold:
            rpr.set("b", "1")
        fill = rpr.find(q("a:solidFill"))
        if fill is not None:
            scheme_fill(fill, colour)


def main(out: Path) -> None:
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    sldsz = prs.part._element.find(q("p:sldSz"))
    sldsz.attrib.pop("type", None)
    for lvl in prs.part._element.find(q("p:defaultTextStyle")):
        rpr = lvl.find(q("a:defRPr"))
        if rpr is not None:
            rpr.set("lang", "sv-SE")

    master = prs.slide_master
    mtree = master._element
    set_theme_colours(prs)
    set_xfrm(placeholder(mtree, 0), MASTER_TITLE)
    set_xfrm(placeholder(mtree, 1), MASTER_BODY)
    place_footers(mtree, style=True)
    styles = mtree.find(q("p:txStyles"))
    style_levels(styles.find(q("p:titleStyle")), [2800], "tx2", bold=True)
    styles.find(q("p:titleStyle")).find(q("a:lvl1pPr")).set("algn", "l")
    style_levels(styles.find(q("p:bodyStyle")), [2000, 1800, 1600, 1600, 1600, 1600, 1600, 1600, 1600], "tx1")
    style_levels(styles.find(q("p:otherStyle")), [1800] * 9, "tx1")
    # Title text sits at the top of its box, so a one-line title lines up with the body.
    title_body = placeholder(mtree, 0).find(q("p:txBody")).find(q("a:bodyPr"))
    title_body.set("anchor", "b")

    for layout in list(master.slide_layouts):
        if layout.name not in KEEP:
            master.slide_layouts.remove(layout)
            continue
        name, geometry = KEEP[layout.name]
        ltree = layout._element
        ltree.find(q("p:cSld")).set("name", name)
        place_footers(ltree)
        for idx, geo in geometry.items():
            set_xfrm(placeholder(ltree, idx), geo)
        if name == "Tabell":
            # Keep the title; replace the comparison placeholders by one table placeholder.
            tree = ltree.find(q("p:cSld")).find(q("p:spTree"))
            body = None
            for idx in (1, 2, 3, 4):
                sp = placeholder(ltree, idx)
                if idx == 2:
                    body = copy.deepcopy(sp)
                tree.remove(sp)
            ph = body.find(".//" + q("p:ph"))
            ph.set("type", "tbl")
            ph.set("idx", "1")
            body.find(".//" + q("p:cNvPr")).set("name", "Tabellplatshållare 2")
            set_xfrm(body, MASTER_BODY)
            tree.insert(3, body)
        if name == "Rubrikbild":
            for idx, size, colour in ((0, 4000, "tx2"), (1, 2400, "tx1")):
                lst = placeholder(ltree, idx).find(".//" + q("a:lstStyle"))
                for child in list(lst):
                    lst.remove(child)
                lvl = etree.SubElement(lst, q("a:lvl1pPr"), marL="0", indent="0", algn="l")
                etree.SubElement(lvl, q("a:buNone"))
                rpr = etree.SubElement(lvl, q("a:defRPr"), sz=str(size), lang="sv-SE")
                fill = etree.SubElement(rpr, q("a:solidFill"))
                etree.SubElement(fill, q("a:schemeClr"), val=colour)
        if name in ("Rubrikbild", "Avsnittsrubrik"):
            add_accent_bar(ltree)
        if name == "Avsnittsrubrik":
            for idx, size in ((0, 4000), (1, 2000)):
                sp = placeholder(ltree, idx)
                lst = sp.find(".//" + q("a:lstStyle"))
                lvl = lst.find(q("a:lvl1pPr"))
                if lvl is not None:
                    rpr = lvl.find(q("a:defRPr"))
                    if rpr is not None:
                        rpr.set("sz", str(size))
                        rpr.set("lang", "sv-SE")
                        rpr.attrib.pop("cap", None)  # all caps reads badly and hides the real text

    props = prs.core_properties
    props.title = "vpgen – mall för nämndpresentation"
    props.author = "vpgen"
    props.last_modified_by = "vpgen"
    props.revision = 1
    props.created = props.modified = datetime.datetime(2025, 1, 1)
    props.language = "sv-SE"
    buffer = io.BytesIO()
    prs.save(buffer)
    out.write_bytes(normalize_zip(buffer.getvalue()))
    print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "board.pptx")
