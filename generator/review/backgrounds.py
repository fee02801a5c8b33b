"""What slide text is drawn on: the shape's own fill, the topmost filled shape beneath it (the
layout's and master's included), or the slide background; translucent fills blended."""

from __future__ import annotations

from ..ooxml import a, local, p
from .colour import FILL_TAGS, UNKNOWN, WHITE, Colors, blend, translucent
from .shapes import Shape, flatten, group_shape

SLIDE_WHITE = [(WHITE, 1.0)]


def master_shapes(parts) -> list[Shape]:
    """Non-placeholder shapes of master and layout that show beneath the slide's own (`parts`:
    shapes.SlideParts)."""
    if parts.slide.element.get("showMasterSp") in ("0", "false"):
        return []
    out = []
    if parts.layout.element.get("showMasterSp") not in ("0", "false"):
        out += [s for s in flatten(parts.master_tree) if not s.ph]
    out += [s for s in flatten(parts.layout_tree) if not s.ph]
    return out


def slide_background(parts):
    """The background of the slide, else its layout's, else its master's; white when none says."""
    for el in (parts.slide.element, parts.layout.element, parts.master.element):
        bg = el.find(f"{p('cSld')}/{p('bg')}")
        if bg is None:
            continue
        bgpr = bg.find(p("bgPr"))
        if bgpr is not None:
            fill = next((f for f in bgpr if local(f) in FILL_TAGS), None)
            result = parts.colors.fill(fill) if fill is not None else None
            return result if result is not None else SLIDE_WHITE
        ref = bg.find(p("bgRef"))
        if ref is not None:
            return parts.colors.style_ref_fill(ref)
    return SLIDE_WHITE


def own_fill(shape: Shape, colors: Colors, group_fill=None):
    """The shape's fill (spPr, then the inherited placeholder's, then p:style) or None."""
    if shape.kind == "pic":
        return UNKNOWN
    if shape.kind == "graphicFrame":
        return None if shape.is_table() else UNKNOWN
    if shape.kind not in ("sp", "grpSp"):
        return None
    for el in shape.chain:
        sppr = el.find(p("grpSpPr") if local(el) == "grpSp" else p("spPr"))
        fill = next((f for f in sppr if local(f) in FILL_TAGS), None) if sppr is not None else None
        if fill is not None:
            return colors.fill(fill, group_fill=group_fill)
    style = shape.el.find(p("style"))
    ref = style.find(a("fillRef")) if style is not None else None
    return colors.style_ref_fill(ref) if ref is not None else None


def shape_background(shape: Shape, colors: Colors, below: list[Shape], background, own: bool = True):
    """What the text of `shape` is drawn on: its own fill (unless `own` is False), or the topmost
    filled shape of `below` under its centre, or `background`. Semi-transparent fills are blended
    with what is beneath."""
    layers = []
    if own:
        fill = own_fill(shape, colors, _group_fill(shape, colors))
        if fill is not None:
            layers.append(fill)
    if (not layers or translucent(layers[-1])) and shape.box is not None:
        layers += _fills_beneath(shape.box, colors, below)
    if not layers or translucent(layers[-1]):
        layers.append(background)
    result = layers[-1]
    for layer in reversed(layers[:-1]):
        if layer is UNKNOWN or result is UNKNOWN:
            return UNKNOWN
        result = [(blend(rgb, alpha, result[0][0]), 1.0) for rgb, alpha in layer]
    return result


def _fills_beneath(box, colors: Colors, below: list[Shape]) -> list:
    """The fills under the centre of `box`, topmost first, down to the first opaque one."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    layers = []
    for other in reversed(below):
        if other.box is None or other.kind in ("grpSp", "cxnSp"):
            continue
        x0, y0, x1, y1 = other.box
        if not (x0 <= cx <= x1 and y0 <= cy <= y1):
            continue
        fill = own_fill(other, colors, _group_fill(other, colors))
        if fill is None:
            continue
        layers.append(fill)
        if not translucent(fill):
            break
    return layers


def _group_fill(shape: Shape, colors: Colors):
    """The fill a grpFill in `shape` refers to: the innermost enclosing group's that has one."""
    group_fill = None
    for group in shape.groups:
        fill = own_fill(group_shape(group), colors, group_fill)
        if fill is not None:
            group_fill = fill
    return group_fill
