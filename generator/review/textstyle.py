"""What slide text looks like after inheritance: runs with size, boldness, colour, font and
language, paragraphs with indents and spacing, and the body's wrap, insets and autofit."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..ooxml import a, body_pr_chain, local, p, ph_class, pt
from .colour import COLOR_TAGS, FILL_TAGS, RGB, Colors, Theme
from .shapes import Shape

DEFAULT_SIZE = 18.0  # pt, when nothing in the chain says


@dataclass
class Run:
    text: str
    lang: str | None
    size: float  # pt, as stored (before autofit scale)
    bold: bool
    color: tuple[RGB, float] | None
    family: str


@dataclass
class Para:
    runs: list[Run]
    level: int
    margin_left: float  # pt
    indent: float
    line_spacing: tuple[str, float]  # ("pct", 1.0) or ("pts", 14.0)
    space_before: tuple[str, float]  # ("pts", 6.0) or ("pct", 0.5): a share of a line
    space_after: tuple[str, float]
    end_size: float
    breaks: list[int]  # run indexes after which a line break (a:br) follows


class TextContext:
    """Everything a text body inherits from, highest priority first.

    Runs: run rPr → paragraph pPr/defRPr → the shape's lstStyle → the shape style's fontRef
    (colour, font) → layout placeholder lstStyle → master placeholder lstStyle → master
    txStyles (title/body/other by placeholder type) → presentation defaultTextStyle; in each
    list style first lvlNpPr (N = paragraph level + 1), then defPPr. Body properties (wrap,
    insets, autofit): shape bodyPr → layout placeholder bodyPr → master placeholder bodyPr.
    """

    def __init__(self, lists: list, bodies: list, colors: Colors, theme: Theme):
        self.lists = [lst for lst in lists if lst is not None]
        self.bodies = [b for b in bodies if b is not None]
        self.colors, self.theme = colors, theme

    def ppr_chain(self, para) -> list:
        level = _para_level(para)
        chain = []
        ppr = para.find(a("pPr"))
        if ppr is not None:
            chain.append(ppr)
        for lst in self.lists:
            for tag in (f"lvl{level + 1}pPr", "defPPr"):
                found = lst.find(a(tag))
                if found is not None:
                    chain.append(found)
        return chain

    def rpr_chain(self, para, rpr) -> list:
        chain = [rpr] if rpr is not None else []
        for ppr in self.ppr_chain(para):
            d = ppr.find(a("defRPr"))
            if d is not None:
                chain.append(d)
        return chain

    def body_value(self, getter):
        for body in self.bodies:
            value = getter(body)
            if value is not None:
                return value
        return None

    def paragraphs(self, txbody) -> list[Para]:
        return [self._paragraph(para) for para in txbody.findall(a("p"))]

    def _paragraph(self, para) -> Para:
        pchain = self.ppr_chain(para)
        runs, breaks = [], []
        for child in para:
            tag = local(child)
            if tag in ("r", "fld"):
                t = child.find(a("t"))
                runs.append(self._run(para, child.find(a("rPr")), t.text if t is not None and t.text else ""))
            elif tag == "br" and runs:
                breaks.append(len(runs) - 1)
        end_size = _first_attr(self.rpr_chain(para, para.find(a("endParaRPr"))), "sz")
        return Para(
            runs=runs, level=_para_level(para),
            margin_left=emu_attr_pt(_first_attr(pchain, "marL"), 0.0),
            indent=emu_attr_pt(_first_attr(pchain, "indent"), 0.0),
            line_spacing=_spacing(pchain, "lnSpc", ("pct", 1.0)),
            space_before=_spacing(pchain, "spcBef", ("pts", 0.0)),
            space_after=_spacing(pchain, "spcAft", ("pts", 0.0)),
            end_size=int(end_size) / 100 if end_size and end_size.isdigit() else DEFAULT_SIZE,
            breaks=breaks,
        )

    def _run(self, para, rpr, text: str) -> Run:
        chain = self.rpr_chain(para, rpr)
        size = _first_attr(chain, "sz")
        fill = _first_child(chain, FILL_TAGS)
        color = None
        if fill is not None:
            stops = self.colors.fill(fill)
            color = stops[0] if isinstance(stops, list) and stops else None
        else:
            color = self.colors.of(etree.Element(a("schemeClr"), val="tx1"))
        latin = _first_child(chain, {"latin"})
        return Run(
            text=text,
            lang=_first_attr(chain, "lang"),
            size=int(size) / 100 if size and size.isdigit() else DEFAULT_SIZE,
            bold=_first_attr(chain, "b") in ("1", "true"),
            color=color,
            family=self.theme.font(latin.get("typeface") if latin is not None else None),
        )

    def font_scale(self) -> float:
        def get(body):
            for child in body:
                if local(child) == "normAutofit":
                    return int(child.get("fontScale", "100000")) / 100000
                if local(child) in ("noAutofit", "spAutoFit"):
                    return 1.0
            return None

        return self.body_value(get) or 1.0


def shape_text_context(shape: Shape, master, theme: Theme, colors: Colors, default_text) -> TextContext:
    """The inheritance of a slide shape's text (`master`: the python-pptx slide master,
    `default_text`: the presentation's p:defaultTextStyle)."""
    txbody = shape.text_body()
    lists = [txbody.find(a("lstStyle")) if txbody is not None else None]
    style = shape.el.find(p("style"))
    font_ref = style.find(a("fontRef")) if style is not None else None
    if font_ref is not None:
        color = next((c for c in font_ref if local(c) in COLOR_TAGS), None)
        idx = font_ref.get("idx", "minor")
        lists.append(synthetic_list(color, typeface="+mj-lt" if idx == "major" else "+mn-lt"))
    for inherited in shape.inherited:
        body = inherited.find(p("txBody"))
        lists.append(body.find(a("lstStyle")) if body is not None else None)
    kind = ph_class(shape.ph[0]) if shape.ph else "other"
    style_tag = {"title": "titleStyle", "body": "bodyStyle"}.get(kind, "otherStyle")
    lists.append(master.element.find(f"{p('txStyles')}/{p(style_tag)}"))
    lists.append(default_text)
    return TextContext(lists, body_pr_chain(shape.chain), colors, theme)


def synthetic_list(color_el=None, bold: bool | None = None, typeface: str | None = None):
    """An a:lstStyle carrying a shape style's fontRef or a table style's text properties."""
    lst = etree.Element(a("lstStyle"))
    defppr = etree.SubElement(lst, a("defPPr"))
    rpr = etree.SubElement(defppr, a("defRPr"))
    if bold is not None:
        rpr.set("b", "1" if bold else "0")
    if color_el is not None:
        fill = etree.SubElement(rpr, a("solidFill"))
        fill.append(etree.fromstring(etree.tostring(color_el)))  # a copy: the original stays in its part
    if typeface:
        etree.SubElement(rpr, a("latin"), typeface=typeface)
    return lst


def emu_attr_pt(value: str | None, default: float) -> float:
    """An EMU attribute in points; `default` when it is absent or not a number."""
    try:
        return pt(int(value)) if value is not None else default
    except ValueError:
        return default


def _first_attr(chain, name):
    for el in chain:
        value = el.get(name)
        if value is not None:
            return value
    return None


def _first_child(chain, tags: set):
    for el in chain:
        for child in el:
            if local(child) in tags:
                return child
    return None


def _para_level(para) -> int:
    ppr = para.find(a("pPr"))
    try:
        return int(ppr.get("lvl", "0")) if ppr is not None else 0
    except ValueError:
        return 0


def _spacing(chain, tag: str, default):
    for ppr in chain:
        sp = ppr.find(a(tag))
        if sp is not None:
            pct, pts = sp.find(a("spcPct")), sp.find(a("spcPts"))
            if pct is not None:
                return ("pct", int(pct.get("val", "100000")) / 100000)
            if pts is not None:
                return ("pts", int(pts.get("val", "0")) / 100)
    return default
