"""A slide's shapes as the review walks them: flattened out of their groups, each with its box on
the slide and the placeholders it inherits from; and what a slide inherits (layout, master,
theme, colour map)."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..ooxml import RT_THEME, a, cnvpr, local, p, ph_key, placeholder_chain
from .colour import FILL_TAGS, Colors, Theme

SHAPE_KINDS = ("sp", "pic", "graphicFrame", "grpSp", "cxnSp")
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in EMU


@dataclass
class Shape:
    """A slide shape flattened out of its groups, with its box on the slide in EMU."""

    el: object
    kind: str  # sp, pic, graphicFrame, grpSp, cxnSp
    name: str
    box: Box | None
    ph: tuple[str, int] | None
    inherited: tuple = ()  # the layout and master placeholders it inherits from, nearest first
    groups: tuple = ()  # enclosing group elements, outermost first

    @property
    def chain(self) -> tuple:
        """The shape and what it inherits from, nearest first."""
        return (self.el, *self.inherited)

    def text_body(self):
        return self.el.find(p("txBody")) if self.kind == "sp" else None

    def text(self) -> str:
        return "".join(t.text or "" for t in self.el.iter(a("t")))

    def is_table(self) -> bool:
        return self.kind == "graphicFrame" and self.el.find(f".//{a('tbl')}") is not None


def group_shape(el) -> Shape:
    """An enclosing group as a shape of its own (for its fill)."""
    return Shape(el, "grpSp", "", None, None)


def sp_tree(part_element):
    """The p:spTree of a slide, layout or master element."""
    return part_element.find(f"{p('cSld')}/{p('spTree')}")


def flatten(tree, layout_tree=None, master_tree=None, transform=None, groups=()) -> list[Shape]:
    """Shapes of an spTree in z-order, groups' children included, boxes on the slide (EMU)."""
    transform = transform or (lambda x, y, w, h: (x, y, w, h))
    out: list[Shape] = []
    for el in tree:
        kind = local(el)
        if kind not in SHAPE_KINDS:
            if kind == "AlternateContent":  # mc: take the fallback's shapes
                fallback = next((c for c in el if local(c) == "Fallback"), None)
                if fallback is not None:
                    out += flatten(fallback, layout_tree, master_tree, transform, groups)
            continue
        node = cnvpr(el)
        inherited = tuple(placeholder_chain(el, layout_tree, master_tree)[1:])
        geom = next((g for g in (_geom(_xfrm(e)) for e in (el, *inherited)) if g is not None), None)
        box = None
        if geom is not None:
            x, y, w, h = transform(*geom)
            box = (x, y, x + w, y + h)
        out.append(Shape(el, kind, node.get("name", "") if node is not None else "", box, ph_key(el), inherited,
                         groups))
        if kind == "grpSp":
            out += flatten(el, layout_tree, master_tree, _child_transform(el, geom, transform), groups + (el,))
    return out


def _child_transform(group, geom, outer):
    """Child coordinates of a group (chOff/chExt) → slide coordinates."""
    xfrm = _xfrm(group)
    child_off = xfrm.find(a("chOff")) if xfrm is not None else None
    child_ext = xfrm.find(a("chExt")) if xfrm is not None else None
    if geom is None or child_off is None or child_ext is None:
        return outer
    gx, gy, gw, gh = geom
    cx, cy = int(child_off.get("x", 0)), int(child_off.get("y", 0))
    cw, ch = int(child_ext.get("cx", 0)) or 1, int(child_ext.get("cy", 0)) or 1
    sx, sy = gw / cw, gh / ch

    def transform(x, y, w, h):
        return outer(gx + (x - cx) * sx, gy + (y - cy) * sy, w * sx, h * sy)

    return transform


def _xfrm(el):
    if local(el) == "graphicFrame":
        return el.find(p("xfrm"))
    sppr = el.find(p("grpSpPr") if local(el) == "grpSp" else p("spPr"))
    return sppr.find(a("xfrm")) if sppr is not None else None


def _geom(xfrm):
    if xfrm is None:
        return None
    off, ext = xfrm.find(a("off")), xfrm.find(a("ext"))
    if off is None or ext is None:
        return None
    return int(off.get("x", 0)), int(off.get("y", 0)), int(ext.get("cx", 0)), int(ext.get("cy", 0))


def is_text_box(el) -> bool:
    """A text box, or a shape that shows nothing but its text (a rectangle without fill or
    outline, as LibreOffice writes text boxes): its text is read, so it needs no alt text."""
    nvsp = el.find(f"{p('nvSpPr')}/{p('cNvSpPr')}")
    if nvsp is not None and nvsp.get("txBox") in ("1", "true"):
        return True
    sppr = el.find(p("spPr"))
    if sppr is None:
        return False
    geometry = sppr.find(a("prstGeom"))
    if sppr.find(a("custGeom")) is not None or (geometry is not None and geometry.get("prst") != "rect"):
        return False
    style = el.find(p("style"))
    fill = next((f for f in sppr if local(f) in FILL_TAGS), None)
    if fill is not None:
        filled = local(fill) != "noFill"
    else:
        ref = style.find(a("fillRef")) if style is not None else None
        filled = ref is not None and ref.get("idx", "0") != "0"
    line = sppr.find(a("ln"))
    if line is not None and any(local(c) in FILL_TAGS for c in line):
        outlined = line.find(a("noFill")) is None
    else:
        ref = style.find(a("lnRef")) if style is not None else None
        outlined = ref is not None and ref.get("idx", "0") != "0"
    return not filled and not outlined


@dataclass
class SlideParts:
    """A slide with what it inherits from, and its shapes flattened."""

    slide: object
    layout: object
    master: object
    theme: Theme
    colors: Colors
    shapes: list[Shape] = field(default_factory=list)

    @property
    def layout_tree(self):
        return sp_tree(self.layout.element)

    @property
    def master_tree(self):
        return sp_tree(self.master.element)


def slide_parts(slide) -> SlideParts:
    """The slide's layout, master, theme and colour map (the last override wins), and its shapes."""
    layout = slide.slide_layout
    master = layout.slide_master
    try:
        theme = Theme(etree.fromstring(master.part.part_related_by(RT_THEME).blob))
    except (KeyError, etree.XMLSyntaxError):
        theme = Theme(None)
    clrmap_el = master.element.find(p("clrMap"))
    clrmap = dict(clrmap_el.attrib) if clrmap_el is not None else {}
    for el in (layout.element, slide.element):
        override = el.find(f"{p('clrMapOvr')}/{a('overrideClrMapping')}")
        if override is not None:
            clrmap = dict(override.attrib)
    parts = SlideParts(slide, layout, master, theme, Colors(theme, clrmap))
    parts.shapes = flatten(sp_tree(slide.element), parts.layout_tree, parts.master_tree)
    return parts
