"""Colour arithmetic shared by the renderers and the review: sRGB, WCAG 2 contrast, DrawingML's
luminance transforms (lumMod/lumOff, in HSL as PowerPoint and LibreOffice apply them).

The deck renderer picks theme colours that pass WCAG AA with it; the review (`review/colour.py`)
measures any file's colours with it. One definition of contrast for both.
"""

from __future__ import annotations

import colorsys
import re

from .ooxml import local

RGB = tuple[float, float, float]
WHITE: RGB = (1.0, 1.0, 1.0)
AA_TEXT = 4.5  # WCAG AA, normal text
AA_LARGE = 3.0  # WCAG AA, large text (18 pt, or 14 pt bold)


def hex_rgb(value: str) -> RGB | None:
    """'1F3864' (or '#1F3864') → RGB in 0–1, None when it is not six hex digits."""
    value = (value or "").strip().lstrip("#")
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", value):
        return None
    return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def hexstr(rgb: RGB) -> str:
    return "#" + "".join(f"{round(min(1, max(0, c)) * 255):02X}" for c in rgb)


def to_linear(v: float) -> float:
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def to_srgb(v: float) -> float:
    v = min(1.0, max(0.0, v))
    return 12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055


def luminance(rgb: RGB) -> float:
    r, g, b = (to_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: RGB, b: RGB) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def needed_ratio(size_pt: float, bold: bool) -> float:
    """WCAG AA: 4.5:1, or 3:1 for large text (18 pt, or 14 pt bold)."""
    return AA_LARGE if size_pt >= 18 or (bold and size_pt >= 14) else AA_TEXT


def lum_transform(rgb: RGB, lum_mod: float = 1.0, lum_off: float = 0.0) -> RGB:
    """DrawingML's lumMod then lumOff (fractions), applied to the HSL lightness."""
    h, light, s = colorsys.rgb_to_hls(*rgb)
    light = min(1.0, max(0.0, light * lum_mod + lum_off))
    return colorsys.hls_to_rgb(h, light, s)


def system_rgb(el) -> RGB:
    """An a:sysClr's colour: its lastClr, else white for 'window' and black otherwise."""
    return hex_rgb(el.get("lastClr", "")) or (WHITE if el.get("val") == "window" else (0.0, 0.0, 0.0))


def scheme_colors(scheme) -> dict[str, RGB]:
    """A theme's a:clrScheme as {'dk1': rgb, 'lt1': …, 'accent1': …} (srgbClr and sysClr slots)."""
    colors: dict[str, RGB] = {}
    for slot in scheme if scheme is not None else ():
        for color in slot:
            rgb = (hex_rgb(color.get("val", "")) if local(color) == "srgbClr"
                   else system_rgb(color) if local(color) == "sysClr" else None)
            if rgb is not None:
                colors[local(slot)] = rgb
                break
    return colors
