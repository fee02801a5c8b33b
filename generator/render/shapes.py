"""Text and marks on a slide: filled text frames, text boxes, the example-data mark, alt text.

Every run gets its size, the font we measured with and lang sv-SE; every paragraph explicit
spacing, indent and bullet, so the template's list styles cannot change what was measured.
"""

from __future__ import annotations

from lxml import etree
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN

from ..ooxml import LANG, a, emu, mark_decorative, set_alt_text
from .fit import Fonts, Indent, Para, para, size_for
from .template import TITLE_PH, Rect, ph_type, placeholders_of
from .theme import fill_shape, line_shape

BULLETS = ("•", "–", "•")
# Colour roles of runs (fit.Run.tone). A label never relies on its colour alone: it is a bold word
# ("Ny:", "Ändrad:"); each colour has at least 5:1 contrast on white.
TONES = {"ny": "1E7B34", "ändrad": "A14E00", "dämpad": "666666"}


def fill_text(tf, paras: list[Para], size: float, indent: Indent, font: str, keep_style: bool = False,
              colour=None) -> None:
    """Replace a text frame's paragraphs; every run gets size and sv-SE, every paragraph explicit
    spacing; `colour` (a theme.Colour) colours every run, else the template's style decides."""
    body = tf._txBody
    for old in body.findall(a("p")):
        body.remove(old)
    for p in paras:
        ap = etree.SubElement(body, a("p"))
        ppr = etree.SubElement(ap, a("pPr"))
        if not keep_style:
            left = indent.left(p)
            ppr.set("marL", str(emu(left)))
            ppr.set("indent", str(-emu(left - indent.plain_left[min(p.level, 2)]) if p.bullet else 0))
        # Line and paragraph spacing as measured, whatever the template's style says (a title style
        # with 90 % line spacing or space before would move text the fitting did not expect).
        ln = etree.SubElement(ppr, a("lnSpc"))
        etree.SubElement(ln, a("spcPct"), val="100000")
        spc = etree.SubElement(ppr, a("spcBef"))
        etree.SubElement(spc, a("spcPts"), val=str(int(p.space_before * 100)))
        spc_after = etree.SubElement(ppr, a("spcAft"))
        etree.SubElement(spc_after, a("spcPts"), val="0")
        if not keep_style:
            if p.bullet:
                etree.SubElement(ppr, a("buFont"), typeface="Arial")
                etree.SubElement(ppr, a("buChar"), char=BULLETS[min(p.level, 2)])
            else:
                etree.SubElement(ppr, a("buNone"))
        run_size = size_for(p, size)
        for run in p.runs:
            ar = etree.SubElement(ap, a("r"))
            rpr = etree.SubElement(ar, a("rPr"), lang=LANG, sz=str(int(run_size * 100)))
            if run.bold:
                rpr.set("b", "1")  # otherwise the template's style decides (titles are often bold)
            # Small or all capitals in a template's style (python-pptx's section headers) render wider
            # than the text that was measured, and read worse: the text is shown as written.
            rpr.set("cap", "none")
            rpr.set("dirty", "0")
            if run.tone:  # a run's own colour role wins over the frame's colour
                fill = etree.SubElement(rpr, a("solidFill"))
                etree.SubElement(fill, a("srgbClr"), val=TONES[run.tone])
            elif colour is not None:
                rpr.append(colour.solid_fill())
            etree.SubElement(rpr, a("latin"), typeface=font)
            etree.SubElement(ar, a("t")).text = run.text
        end = etree.SubElement(ap, a("endParaRPr"), lang=LANG, sz=str(int(run_size * 100)), dirty="0")
        etree.SubElement(end, a("latin"), typeface=font)
    if not paras:
        etree.SubElement(body, a("p"))


def add_textbox(shapes, rect: Rect, paras: list[Para], size: float, name: str, font: str, indent: Indent):
    """A text box in `shapes` (a slide's or a group's), fitted text, its text as alt text."""
    box = shapes.add_textbox(rect.left, rect.top, rect.width, rect.height)
    box.name = name
    tf = box.text_frame
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    fill_text(tf, paras, size, indent, font)
    set_alt_text(box._element, " ".join(p.text for p in paras))
    return box


def marker_size(text: str, fonts: Fonts, size: float) -> tuple[float, float]:
    """Width and height (pt) of the example-data badge for `text` at `size`."""
    width = fonts.get(True).width(text, size) / 0.96 + 14.4 + 12
    height = fonts.get(True).line_height(size) + 7.2 + 6
    return width, height


def add_marker(shapes, rect: Rect, text: str, size: float, font: str, indent: Indent, palette) -> None:
    """The example-data badge: bold dark text on amber, a rounded box (see theme.NOTICE)."""
    box = shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, rect.left, rect.top, rect.width, rect.height)
    box.name = "Exempeldata"
    box.shadow.inherit = False
    box.adjustments[0] = 0.25
    tf = box.text_frame
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.vertical_anchor = MSO_ANCHOR.MIDDLE
    for side in ("margin_left", "margin_right"):
        setattr(tf, side, emu(7.2))
    tf.margin_top = tf.margin_bottom = emu(3.6)
    fill_text(tf, [para(text, bold=True, bullet=False, space_before=0)], size, indent, font, colour=palette.text)
    tf.paragraphs[0].alignment = PP_ALIGN.CENTER
    fill_shape(box, palette.notice)
    line_shape(box, palette.text, emu(1))
    set_alt_text(box._element, text)


def plain_mark(shape) -> None:
    """A drawn mark without the theme's shadow, flagged decorative for screen readers."""
    shape.shadow.inherit = False
    mark_decorative(shape._element)


def drop_empty_placeholders(slide) -> None:
    """Placeholders we did not fill would show 'Click to add text' and confuse screen readers."""
    for ph in placeholders_of(slide):
        if ph_type(ph) in TITLE_PH:
            continue
        if not ph.has_text_frame or not ph.text_frame.text.strip():
            ph._element.getparent().remove(ph._element)
