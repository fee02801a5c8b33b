"""Colours as the review sees them: DrawingML colour and fill resolution through a theme and a
colour map; WCAG 2 luminance and contrast come from `generator.contrast` (shared with the deck)."""

from __future__ import annotations

import colorsys

from ..contrast import (RGB, WHITE, contrast_ratio, hex_rgb, hexstr, luminance, needed_ratio, scheme_colors, system_rgb,
                        to_linear, to_srgb)
from ..ooxml import a, local

__all__ = ["RGB", "WHITE", "contrast_ratio", "hex_rgb", "hexstr", "luminance", "needed_ratio"]
UNKNOWN = "unknown"  # a background we cannot know (picture, chart, pattern of images)

PRESET_COLORS = {
    "black": "000000", "white": "FFFFFF", "red": "FF0000", "green": "008000", "blue": "0000FF",
    "yellow": "FFFF00", "gray": "808080", "grey": "808080", "darkGray": "A9A9A9", "lightGray": "D3D3D3",
    "silver": "C0C0C0", "navy": "000080", "orange": "FFA500", "purple": "800080",
}
HIGHLIGHT_COLORS = {
    "black": "000000", "blue": "0000FF", "cyan": "00FFFF", "green": "00FF00", "magenta": "FF00FF",
    "red": "FF0000", "yellow": "FFFF00", "white": "FFFFFF", "darkBlue": "000080", "darkCyan": "008080",
    "darkGreen": "008000", "darkMagenta": "800080", "darkRed": "800000", "darkYellow": "808000",
    "darkGray": "808080", "lightGray": "C0C0C0",
}
COLOR_TAGS = {"srgbClr", "schemeClr", "sysClr", "prstClr", "scrgbClr", "hslClr"}
FILL_TAGS = {"noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill"}


def worst_contrast(fg: RGB, stops) -> tuple[float, RGB]:
    """The lowest contrast of `fg` against any stop of a fill, and that stop's colour."""
    return min((contrast_ratio(fg, rgb), rgb) for rgb, _ in stops)


def blend(top: RGB, alpha: float, below: RGB) -> RGB:
    return tuple(t * alpha + b * (1 - alpha) for t, b in zip(top, below))  # type: ignore[return-value]


def translucent(fill) -> bool:
    return isinstance(fill, list) and any(alpha < 0.999 for _, alpha in fill)


def _apply_mods(rgb: RGB, el) -> tuple[RGB, float]:
    """DrawingML colour transforms in document order (lumMod/lumOff in HSL, tint/shade, alpha)."""
    alpha = 1.0
    for mod in el:
        tag = local(mod)
        try:
            val = int(mod.get("val", "0")) / 100000
        except ValueError:
            continue
        if tag in ("lumMod", "lumOff", "satMod", "satOff", "hueMod", "hueOff"):
            rgb = _hls_mod(rgb, tag, val, mod)
        elif tag == "tint":  # towards white, in linear RGB as LibreOffice's oox import does
            rgb = tuple(to_srgb(1 - (1 - to_linear(c)) * val) for c in rgb)  # type: ignore[assignment]
        elif tag == "shade":  # towards black, in linear RGB
            rgb = tuple(to_srgb(to_linear(c) * val) for c in rgb)  # type: ignore[assignment]
        elif tag == "alpha":
            alpha = val
        elif tag == "inv":
            rgb = tuple(1 - c for c in rgb)  # type: ignore[assignment]
        elif tag == "gray":
            g = 0.3 * rgb[0] + 0.59 * rgb[1] + 0.11 * rgb[2]
            rgb = (g, g, g)
    return tuple(min(1.0, max(0.0, c)) for c in rgb), alpha  # type: ignore[return-value]


def _hls_mod(rgb: RGB, tag: str, val: float, mod) -> RGB:
    h, l, s = colorsys.rgb_to_hls(*rgb)
    if tag == "lumMod":
        l *= val
    elif tag == "lumOff":
        l += val
    elif tag == "satMod":
        s *= val
    elif tag == "satOff":
        s += val
    elif tag == "hueMod":
        h = (h * val) % 1
    else:
        h = (h + int(mod.get("val", "0")) / 60000 / 360) % 1
    return colorsys.hls_to_rgb(h, min(1, max(0, l)), min(1, max(0, s)))


class Theme:
    """The parts of a DrawingML theme the review needs: colour scheme, fonts, fill styles."""

    def __init__(self, root):
        self.colors: dict[str, RGB] = {}
        self.major_font = "Calibri"
        self.minor_font = "Calibri"
        self.fill_styles: list = []
        self.bg_fill_styles: list = []
        if root is None:
            return
        elements = root.find(a("themeElements"))
        if elements is None:
            return
        self.colors = scheme_colors(elements.find(a("clrScheme")))
        fonts = elements.find(a("fontScheme"))
        if fonts is not None:
            major = fonts.find(f"{a('majorFont')}/{a('latin')}")
            minor = fonts.find(f"{a('minorFont')}/{a('latin')}")
            self.major_font = major.get("typeface", self.major_font) if major is not None else self.major_font
            self.minor_font = minor.get("typeface", self.minor_font) if minor is not None else self.minor_font
        fmt = elements.find(a("fmtScheme"))
        if fmt is not None:
            lst = fmt.find(a("fillStyleLst"))
            bg = fmt.find(a("bgFillStyleLst"))
            self.fill_styles = list(lst) if lst is not None else []
            self.bg_fill_styles = list(bg) if bg is not None else []

    def font(self, typeface: str | None) -> str:
        if not typeface or typeface.startswith("+mn"):
            return self.minor_font
        if typeface.startswith("+mj"):
            return self.major_font
        return typeface

    def style_fill(self, idx: int):
        """Theme fill style by reference index (1–999 fill styles, 1001+ background fills)."""
        if idx >= 1001 and idx - 1001 < len(self.bg_fill_styles):
            return self.bg_fill_styles[idx - 1001]
        if 1 <= idx <= len(self.fill_styles):
            return self.fill_styles[idx - 1]
        return None


class Colors:
    """Resolves DrawingML colour elements with a theme and a colour map (tx1 → dk1 …).

    A fill resolves to None (no fill), a list of (rgb, alpha) stops, or UNKNOWN (a picture).
    """

    def __init__(self, theme: Theme, clrmap: dict[str, str]):
        self.theme, self.clrmap = theme, clrmap

    def of(self, el, phclr: RGB | None = None) -> tuple[RGB, float] | None:
        tag = local(el)
        rgb: RGB | None = None
        if tag == "srgbClr":
            rgb = hex_rgb(el.get("val", ""))
        elif tag == "schemeClr":
            val = el.get("val", "")
            rgb = phclr if val == "phClr" else self.theme.colors.get(self.clrmap.get(val, val))
        elif tag == "sysClr":
            rgb = system_rgb(el)
        elif tag == "prstClr":
            rgb = hex_rgb(PRESET_COLORS.get(el.get("val", ""), ""))
        elif tag == "scrgbClr":
            rgb = tuple(to_srgb(int(el.get(k, "0")) / 100000) for k in ("r", "g", "b"))  # type: ignore[assignment]
        elif tag == "hslClr":
            rgb = colorsys.hls_to_rgb(int(el.get("hue", "0")) / 60000 / 360, int(el.get("lum", "0")) / 100000,
                                      int(el.get("sat", "0")) / 100000)
        if rgb is None:
            return None
        return _apply_mods(rgb, el)

    def in_parent(self, parent, phclr: RGB | None = None) -> tuple[RGB, float] | None:
        if parent is None:
            return None
        color = next((c for c in parent if local(c) in COLOR_TAGS), None)
        return self.of(color, phclr) if color is not None else None

    def fill(self, fill_el, phclr: RGB | None = None, group_fill=None):
        """A fill element → None (no fill) | [(rgb, alpha), …] (stops) | UNKNOWN."""
        tag = local(fill_el)
        if tag == "noFill":
            return None
        if tag == "solidFill":
            color = self.in_parent(fill_el, phclr)
            return [color] if color else UNKNOWN
        if tag == "gradFill":
            stops = [self.in_parent(gs, phclr) for gs in fill_el.iter(a("gs"))]
            stops = [s for s in stops if s]
            return stops or UNKNOWN
        if tag == "pattFill":
            stops = [self.in_parent(fill_el.find(a(t)), phclr) for t in ("fgClr", "bgClr")]
            stops = [s for s in stops if s]
            return stops or UNKNOWN
        if tag == "grpFill":
            return group_fill
        return UNKNOWN  # blipFill: a picture

    def style_ref_fill(self, ref_el):
        """p:style/a:fillRef or p:bgRef → fill, with the reference's colour as phClr."""
        try:
            idx = int(ref_el.get("idx", "0"))
        except ValueError:
            return UNKNOWN
        if idx == 0:
            return None
        color = self.in_parent(ref_el)
        style = self.theme.style_fill(idx)
        if style is None:
            return [color] if color else UNKNOWN
        return self.fill(style, color[0] if color else None)
