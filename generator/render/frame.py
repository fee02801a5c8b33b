"""The frame of every slide but title and section slides: the slide number and a footer.

Through the template's own placeholders where the slide's layout has them (python-pptx does not
copy footer, date and slide-number placeholders onto a slide, so they are cloned here, with
their geometry written out like every other placeholder's), drawn as text boxes where the layout
has none: at the master's footer and slide-number positions, else along the bottom edge. Either
way the text has the frame size of the type scale and the deck's font, and the number is a real
slide-number field (it renumbers when slides are moved). Its colour is the template's where the
template draws artwork behind the footer (white on a coloured band) or where the template's
colour has 4.5:1 on the background; otherwise the palette's quiet grey, which has.

The footer is the text template `sidfot` (the nämnd in ours); where the footer box is too narrow
for it on one line, a shorter wording is tried (without the region, without the nämnd), and the
shortest is shortened with '…' as a last resort.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..contrast import AA_TEXT, contrast_ratio
from ..ooxml import LANG, a, emu, p, ph_key, pt
from .fit import Box, Run, fit_single, wrap
from .template import Rect

SLIDENUM_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"  # any GUID; PowerPoint's own uses this one
FRAME_KINDS = ("sldNum", "ftr")


@dataclass(frozen=True)
class Slot:
    """Where one frame text goes: a placeholder of the layout (to clone) or a drawn box."""

    rect: Rect
    align: str  # "l", "ctr", "r"
    placeholder: object | None = None  # the layout's (or master's) p:sp when it is the template's own
    colour: object | None = None  # theme.Colour to write, None: the template's own (see the module docstring)


def _rect_of(el) -> Rect | None:
    off = el.find(f"{p('spPr')}/{a('xfrm')}/{a('off')}")
    ext = el.find(f"{p('spPr')}/{a('xfrm')}/{a('ext')}")
    if off is None or ext is None:
        return None
    return Rect(int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy")))


def _align_of(chain: list, default: str) -> str:
    for el in chain:
        ppr = el.find(f"{p('txBody')}/{a('lstStyle')}/{a('lvl1pPr')}")
        if ppr is not None and ppr.get("algn"):
            return ppr.get("algn")
    return default


def _template_colour(chain: list, palette):
    """The text colour the template gives a frame placeholder (its list style), or None."""
    for el in chain:
        rpr = el.find(f"{p('txBody')}/{a('lstStyle')}/{a('lvl1pPr')}/{a('defRPr')}")
        fill = rpr.find(a("solidFill")) if rpr is not None else None
        if fill is not None and len(fill):
            return palette.colour_of(fill[0])
    return None


def _artwork_behind(rect: Rect, trees: list) -> bool:
    """Whether a layout or master draws a shape or picture (not a placeholder) under `rect`."""
    for tree in trees:
        for el in tree.iter(p("sp"), p("pic")):
            if ph_key(el) is not None:
                continue
            box = _rect_of(el)
            if box is None:
                continue
            if (box.left < rect.left + rect.width and rect.left < box.left + box.width
                    and box.top < rect.top + rect.height and rect.top < box.top + box.height):
                return True
    return False


def _frame_placeholders(tree) -> dict[str, object]:
    found = {}
    for el in tree.iter(p("sp")):
        key = ph_key(el)
        if key is not None and key[0] in FRAME_KINDS and key[0] not in found:
            found[key[0]] = el
    return found


class Frame:
    """Footer and slide number for the slides of one presentation."""

    def __init__(self, prs, fonts, font: str, size: float, palette, footers: list[str], margins: tuple[int, int]):
        self.prs, self.fonts, self.font, self.size, self.palette = prs, fonts, font, size, palette
        self.footers = footers  # longest first
        self.margins = margins  # left and right edge (EMU) of the content: a drawn frame lines up with it
        self.master = _frame_placeholders(prs.slide_master._element)
        self._slots: dict[int, dict[str, Slot]] = {}

    # -- where

    def slots(self, layout) -> dict[str, Slot]:
        key = id(layout.part)
        if key not in self._slots:
            self._slots[key] = self._find_slots(layout)
        return self._slots[key]

    def _find_slots(self, layout) -> dict[str, Slot]:
        own = _frame_placeholders(layout._element)
        sw, sh = self.prs.slide_width, self.prs.slide_height
        height = emu(self.fonts.get(False).line_height(self.size) + 7.2 + 2)
        left, right = self.margins
        top = sh - height - int(sh * 0.02)
        fallback = {"sldNum": Rect(right - int(sw * 0.12), top, int(sw * 0.12), height),
                    "ftr": Rect(left, top, int((right - left) * 0.7), height)}
        slots = {}
        for kind in FRAME_KINDS:
            layout_el, master_el = own.get(kind), self.master.get(kind)
            chain = [el for el in (layout_el, master_el) if el is not None]
            own_rect = next((r for r in (_rect_of(el) for el in chain) if r is not None), None)
            rect = own_rect or fallback[kind]
            align = _align_of(chain, "r" if kind == "sldNum" else "l")
            # A placeholder nothing in the template places is drawn instead: renderers put such a
            # placeholder where they like (LibreOffice: a number of its own as well).
            clone = layout_el if own_rect is not None else None
            slots[kind] = Slot(rect, align, clone, self._colour(rect, chain, layout, cloned=clone is not None))
        slots["ftr"] = self._widen(slots["ftr"], slots["sldNum"].rect)
        return slots

    def _colour(self, rect: Rect, chain: list, layout, cloned: bool):
        """None (a cloned placeholder keeps the template's colour) or the colour to write."""
        own = _template_colour(chain, self.palette)
        behind = _artwork_behind(rect, [layout._element, self.prs.slide_master._element])
        if own is not None and (behind or contrast_ratio(own.rgb, self.palette.background.rgb) >= AA_TEXT):
            return None if cloned else own
        return self.palette.quiet

    def _widen(self, footer: Slot, number: Rect) -> Slot:
        """The footer may use the free width around it (the date placeholder is left empty): up to
        the slide number, and as far the other way, so centred text stays centred."""
        r = footer.rect
        margin = min(r.left, number.left) if number.left > r.left else int(self.prs.slide_width * 0.05)
        if footer.align == "ctr":
            half = min(r.left + r.width // 2 - margin, number.left - (r.left + r.width // 2) - emu(8))
            centre = r.left + r.width // 2
            if half * 2 > r.width:
                r = Rect(centre - half, r.top, half * 2, r.height)
        else:
            right = number.left - emu(8) if number.left > r.left else r.left + r.width
            left = min(r.left, margin)
            if right - left > r.width:
                r = Rect(left, r.top, right - left, r.height)
        return Slot(r, footer.align, footer.placeholder, footer.colour)

    def footer_text(self, width: float) -> str:
        """The longest footer that fits one line of `width` points, else the shortest, shortened."""
        for text in self.footers:
            if len(wrap((Run(text),), width, self.size, self.fonts)) == 1:
                return text
        line = self.fonts.get(False).line_height(self.size)
        return fit_single(self.footers[-1], Box(width, line), self.fonts, (self.size,))[1]

    # -- drawing

    def apply(self, slide, layout, number: int) -> None:
        slots = self.slots(layout)
        footer = slots["ftr"]
        text = self.footer_text(pt(footer.rect.width) - 14.4)
        self._put(slide, footer, "ftr", [self._run(text, footer.colour)], "Sidfot")
        number_slot = slots["sldNum"]
        self._put(slide, number_slot, "sldNum", [self._field(number, number_slot.colour)], "Bildnummer")

    def _run(self, text: str, colour):
        r = etree.Element(a("r"))
        r.append(self._rpr("rPr", colour))
        etree.SubElement(r, a("t")).text = text
        return r

    def _field(self, number: int, colour):
        fld = etree.Element(a("fld"), id=SLIDENUM_FIELD_ID, type="slidenum")
        fld.append(self._rpr("rPr", colour))
        etree.SubElement(fld, a("t")).text = str(number)
        return fld

    def _rpr(self, tag: str, colour):
        rpr = etree.Element(a(tag), lang=LANG, sz=str(int(self.size * 100)), dirty="0")
        if colour is not None:
            rpr.append(colour.solid_fill())
        etree.SubElement(rpr, a("latin"), typeface=self.font)
        return rpr

    def _put(self, slide, slot: Slot, kind: str, runs: list, name: str) -> None:
        tree = slide.shapes._spTree
        ids = [int(el.get("id")) for el in tree.iter(p("cNvPr")) if (el.get("id") or "").isdigit()]
        shape_id = max(ids, default=1) + 1
        sp = etree.SubElement(tree, p("sp"))
        nv = etree.SubElement(sp, p("nvSpPr"))
        etree.SubElement(nv, p("cNvPr"), id=str(shape_id), name=f"{name} {shape_id}")
        cnv = etree.SubElement(nv, p("cNvSpPr"))
        nvpr = etree.SubElement(nv, p("nvPr"))
        if slot.placeholder is not None:
            etree.SubElement(cnv, a("spLocks"), noGrp="1")
            layout_ph = slot.placeholder.find(f"{p('nvSpPr')}/{p('nvPr')}/{p('ph')}")
            etree.SubElement(nvpr, p("ph"), {k: v for k, v in layout_ph.attrib.items() if k in ("type", "idx", "sz")})
        else:
            cnv.set("txBox", "1")
        sppr = etree.SubElement(sp, p("spPr"))
        xfrm = etree.SubElement(sppr, a("xfrm"))
        r = slot.rect
        etree.SubElement(xfrm, a("off"), x=str(r.left), y=str(r.top))
        etree.SubElement(xfrm, a("ext"), cx=str(r.width), cy=str(r.height))
        if slot.placeholder is None:
            geom = etree.SubElement(sppr, a("prstGeom"), prst="rect")
            etree.SubElement(geom, a("avLst"))
        body = etree.SubElement(sp, p("txBody"))
        etree.SubElement(body, a("bodyPr"), wrap="square", lIns="91440", rIns="91440", tIns="45720", bIns="45720",
                         anchor="ctr")
        etree.SubElement(body, a("lstStyle"))
        para = etree.SubElement(body, a("p"))
        etree.SubElement(para, a("pPr"), algn=slot.align)
        for run in runs:
            para.append(run)
        para.append(self._rpr("endParaRPr", slot.colour))
