"""The template's theme colours, turned into the few roles the deck draws with.

Tables, charts, the timeline and the example-data mark all take their colours from here, so a
deck in the organisation's template wears the organisation's colours. Roles are theme
references (a:schemeClr with lumMod/lumOff, as PowerPoint's own colour picker writes them), so
they follow the theme when it is changed later; the values they resolve to in this template are
checked against WCAG AA here, and darkened or lightened until they pass:

- accent: accent1, darkened until white text on it (and it as text on white) has 4.5:1 — the
  table header, the timeline, the own county in charts;
- band / total: accent1 tinted, under body text (tx1) with 4.5:1 — table banding, the total row;
- target: accent1 tinted less — a chart's target range (outlined in the accent);
- muted: tx1 at half strength — the comparison counties in charts (3:1 against white: a graphic);
- quiet: tx1 lightened as far as 4.5:1 allows — the footer and slide number;
- grid: a light grey for chart gridlines; notice: a fixed amber for the example-data mark (its
  meaning, "not real yet", should not depend on which hue a theme happens to have).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from ..contrast import (AA_LARGE, AA_TEXT, RGB, WHITE, contrast_ratio, hex_rgb, lum_transform, scheme_colors,
                        to_linear, to_srgb)
from ..ooxml import a, p

DEFAULT_SCHEME = {"dk1": "000000", "lt1": "FFFFFF", "dk2": "1F497D", "lt2": "EEECE1", "accent1": "4F81BD",
                  "accent2": "C0504D", "accent3": "9BBB59", "accent4": "8064A2", "accent5": "4BACC6",
                  "accent6": "F79646"}
DARKEN = (1.0, 0.9, 0.8, 0.75, 0.65, 0.5, 0.4, 0.3, 0.2)
NOTICE = "FFC000"  # amber: the example-data mark


@dataclass(frozen=True)
class Colour:
    """A colour as the deck writes it: a theme slot with lumMod/lumOff, or a fixed sRGB value."""

    rgb: RGB
    scheme: str | None = None  # 'accent1', 'tx1', 'bg1' … (through the master's colour map)
    lum_mod: float = 1.0
    lum_off: float = 0.0

    @property
    def hex(self) -> str:
        return "".join(f"{round(min(1, max(0, c)) * 255):02X}" for c in self.rgb)

    def element(self):
        """<a:schemeClr> (with its transforms) or <a:srgbClr>, ready to put into a fill."""
        if self.scheme is None:
            return etree.Element(a("srgbClr"), val=self.hex)
        el = etree.Element(a("schemeClr"), val=self.scheme)
        if self.lum_mod != 1.0:
            etree.SubElement(el, a("lumMod"), val=str(round(self.lum_mod * 100000)))
        if self.lum_off:
            etree.SubElement(el, a("lumOff"), val=str(round(self.lum_off * 100000)))
        return el

    def solid_fill(self):
        fill = etree.Element(a("solidFill"))
        fill.append(self.element())
        return fill


def _slot(scheme: dict[str, RGB], clrmap: dict[str, str], name: str) -> RGB:
    return scheme.get(clrmap.get(name, name)) or hex_rgb(DEFAULT_SCHEME[clrmap.get(name, name)])


def _shade(scheme_name: str, base: RGB, lum_mod: float, lum_off: float = 0.0) -> Colour:
    return Colour(lum_transform(base, lum_mod, lum_off), scheme_name, lum_mod, lum_off)


@dataclass(frozen=True)
class Palette:
    text: Colour
    background: Colour
    accent: Colour
    on_accent: Colour
    band: Colour
    total: Colour
    target: Colour
    muted: Colour
    quiet: Colour
    grid: Colour
    notice: Colour
    slots: dict[str, RGB] = field(default_factory=dict)  # the theme's colours by slot, through the colour map

    def colour_of(self, el) -> Colour | None:
        """A DrawingML colour element (srgbClr, or schemeClr with lumMod/lumOff) as a Colour."""
        if el is None:
            return None
        tag = etree.QName(el).localname
        if tag == "srgbClr":
            rgb = hex_rgb(el.get("val", ""))
            return Colour(rgb) if rgb else None
        if tag != "schemeClr" or el.get("val") not in self.slots:
            return None
        mods = [(etree.QName(m).localname, int(m.get("val", "100000")) / 100000) for m in el]
        known = dict(mods)
        rgb = self.slots[el.get("val")]
        for tag, val in mods:  # in document order, as the review resolves them (review/colour.py)
            if tag == "tint":  # towards white, in linear RGB
                rgb = tuple(to_srgb(1 - (1 - to_linear(c)) * val) for c in rgb)
            elif tag == "shade":  # towards black, in linear RGB
                rgb = tuple(to_srgb(to_linear(c) * val) for c in rgb)
        mod, off = known.get("lumMod", 1.0), known.get("lumOff", 0.0)
        colour = Colour(lum_transform(rgb, mod, off), el.get("val"), mod, off)
        return colour if not ({"tint", "shade"} & set(known)) else Colour(colour.rgb)

    @classmethod
    def of(cls, prs) -> "Palette":
        """The palette of a presentation's (first) slide master."""
        master = prs.slide_master
        scheme: dict[str, RGB] = {}
        try:
            theme = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
            scheme = scheme_colors(theme.find(f"{a('themeElements')}/{a('clrScheme')}"))
        except (KeyError, etree.XMLSyntaxError):
            pass
        node = master._element.find(p("clrMap"))
        clrmap = dict(node.attrib) if node is not None else {}
        return cls.from_scheme(scheme, clrmap)

    @classmethod
    def from_scheme(cls, scheme: dict[str, RGB], clrmap: dict[str, str]) -> "Palette":
        text = Colour(_slot(scheme, clrmap, "tx1"), "tx1")
        background = Colour(_slot(scheme, clrmap, "bg1"), "bg1")
        accent1 = _slot(scheme, clrmap, "accent1")
        accent = next((c for c in (_shade("accent1", accent1, m) for m in DARKEN)
                       if contrast_ratio(c.rgb, background.rgb) >= AA_TEXT), Colour(text.rgb, "tx1"))
        on_accent = background if contrast_ratio(background.rgb, accent.rgb) >= AA_TEXT else text
        band = next((c for c in (_shade("accent1", accent1, 1 - t, t) for t in (0.85, 0.9, 0.95))
                     if contrast_ratio(text.rgb, c.rgb) >= AA_TEXT), background)
        total = next((c for c in (_shade("accent1", accent1, 1 - t, t) for t in (0.7, 0.8, 0.9))
                      if contrast_ratio(text.rgb, c.rgb) >= AA_TEXT), band)
        target = _shade("accent1", accent1, 0.45, 0.55)
        muted = next((c for c in (_shade("tx1", text.rgb, 1 - t, t) for t in (0.5, 0.4, 0.3, 0.2, 0.0))
                      if contrast_ratio(c.rgb, background.rgb) >= AA_LARGE), text)
        quiet = next((c for c in (_shade("tx1", text.rgb, 1 - t, t) for t in (0.4, 0.35, 0.3, 0.2, 0.0))
                      if contrast_ratio(c.rgb, background.rgb) >= AA_TEXT), text)
        grid = _shade("bg1", background.rgb, 0.85)
        names = set(DEFAULT_SCHEME) | {"tx1", "tx2", "bg1", "bg2"}
        slots = {name: _slot(scheme, clrmap, name) for name in names}
        return cls(slots=slots, text=text, background=background, accent=accent, on_accent=on_accent, band=band, total=total,
                   target=target, muted=muted, quiet=quiet, grid=grid, notice=Colour(hex_rgb(NOTICE) or WHITE))


def _repaint(solid_fill, colour: Colour) -> None:
    for child in list(solid_fill):
        solid_fill.remove(child)
    solid_fill.append(colour.element())


def fill_shape(shape, colour: Colour) -> None:
    """A python-pptx shape filled with a palette colour (a theme reference when it is one)."""
    shape.fill.solid()
    _repaint(shape._element.spPr.find(a("solidFill")), colour)


def line_shape(shape, colour: Colour, width: int) -> None:
    """A python-pptx shape's (or connector's) outline in a palette colour, `width` EMU wide."""
    shape.line.fill.solid()
    shape.line.width = width
    _repaint(shape._element.spPr.find(f"{a('ln')}/{a('solidFill')}"), colour)


def colour_runs(shape, colour: Colour) -> None:
    """Every run of a shape in one palette colour (replacing any colour the run had)."""
    for rpr in shape._element.iter(a("rPr")):
        for old in rpr.findall(a("solidFill")):
            rpr.remove(old)
        rpr.insert(0, colour.solid_fill())
