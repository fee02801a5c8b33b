"""`vpgen granska`: an accessibility and fit review of any .pptx or .docx, ours or hand-made.

Rules (id — what is checked):
  doc-title-missing     the file has no document title (core properties)
  title-missing         a slide without a (non-empty) title placeholder
  title-duplicate       a slide title already used on an earlier slide
  lang-missing          text whose language resolves to nothing
  lang-not-sv           text whose language is not sv-SE
  alt-text-missing      pictures, charts, SmartArt, objects and meaningful shapes (non-placeholder
                        shapes with a picture fill, or with text and a visible fill/outline/geometry;
                        groups holding text or pictures) without alt text, or with a file name as
                        alt text; decorative ones are exempt
  table-header-missing  a table (of two rows or more) without a header row
  heading-skip          a docx heading more than one level below the previous one
  font-too-small        slide text under 12 pt (after autofit's stored font scale)
  contrast-low          text against its background below WCAG AA (4.5:1; 3:1 for large text)
  text-overflow         slide text that leaves its box or the slide

Properties are resolved through the inheritance PowerPoint and Word use, as far as the file
says: see `_TextContext` (slides) and `_DocxReview._rpr_chain` (Word). Overflow is measured
in a PDF rendered by LibreOffice when it is installed (the method of the shared
overflow_check.py: autofit off, canvas grown so off-slide text is kept), otherwise estimated
with font metrics.
"""

from __future__ import annotations

import colorsys
import json
import math
import re
import shutil
import tempfile
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import click
from lxml import etree

from .problems import UserError

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
RT_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
RT_TABLE_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/tableStyles"

SWEDISH = "sv-SE"
MIN_SLIDE_PT = 12.0
EMU_PER_PT = 12700
OVERFLOW_TOLERANCE_PT = 2.0
INSTALL_HINT = "apt-get install -y --no-install-recommends libreoffice-impress libreoffice-writer"


def _a(tag: str) -> str:
    return f"{{{A}}}{tag}"


def _p(tag: str) -> str:
    return f"{{{P}}}{tag}"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


# ------------------------------------------------------------------------------------ findings
@dataclass(frozen=True)
class Finding:
    """One problem: where (file, slide/paragraph/table, shape), which rule, what to do (Swedish)."""

    file: str
    location: str
    shape: str
    rule: str
    message: str

    def format(self) -> str:
        parts = [self.file, self.location] + ([f"”{self.shape}”"] if self.shape else [])
        return f"{': '.join(parts)}: {self.message} [{self.rule}]"

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class ReviewResult:
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how overflow was measured, fallbacks
    overflow_method: str = "none"  # "rendered" | "estimated" | "none"


class ReviewError(UserError):
    """An input that cannot be reviewed (missing, not a zip, not .pptx/.docx); message in Swedish."""


def _num(value: float, decimals: int = 1) -> str:
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:.0f}"
    return text.replace(".", ",")


def _quote(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ------------------------------------------------------------------------------------ input
def detect_kind(path: Path) -> str:
    """'pptx' or 'docx' from the package's content, or ReviewError with a Swedish message."""
    path = Path(path)
    if not path.exists():
        raise ReviewError(f"{path}: filen finns inte.")
    if path.is_dir():
        raise ReviewError(f"{path}: är en mapp, inte en fil. Ange .pptx- eller .docx-filer.")
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError):
        raise ReviewError(f"{path}: kan inte läsas som .pptx eller .docx (filen är inte ett Office-dokument"
                          " – är den skadad eller av en annan typ?).") from None
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "word/document.xml" in names:
        return "docx"
    raise ReviewError(f"{path}: är ett zip-arkiv men varken en PowerPoint-presentation (.pptx) eller ett "
                      "Word-dokument (.docx).")


def _open(path: Path, kind: str):
    try:
        if kind == "pptx":
            from pptx import Presentation

            return Presentation(str(path))
        import docx

        return docx.Document(str(path))
    except Exception as err:  # python-pptx/-docx raise many types on broken packages
        raise ReviewError(f"{path}: kan inte öppnas ({type(err).__name__}: {err}). Är filen en .potx/.dotx-mall "
                          "eller skadad? Spara den som .pptx eller .docx och försök igen.") from None


# ------------------------------------------------------------------------------------ colour
RGB = tuple[float, float, float]
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


def _hex(value: str) -> RGB | None:
    value = (value or "").strip().lstrip("#")
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", value):
        return None
    return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def hexstr(rgb: RGB) -> str:
    return "#" + "".join(f"{round(min(1, max(0, c)) * 255):02X}" for c in rgb)


def _to_linear(v: float) -> float:
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def _to_srgb(v: float) -> float:
    v = min(1.0, max(0.0, v))
    return 12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055


def luminance(rgb: RGB) -> float:
    r, g, b = (_to_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: RGB, b: RGB) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _blend(top: RGB, alpha: float, below: RGB) -> RGB:
    return tuple(t * alpha + b * (1 - alpha) for t, b in zip(top, below))  # type: ignore[return-value]


def _apply_mods(rgb: RGB, el) -> tuple[RGB, float]:
    """DrawingML colour transforms in document order (lumMod/lumOff in HSL, tint/shade, alpha)."""
    alpha = 1.0
    for mod in el:
        tag = _local(mod)
        try:
            val = int(mod.get("val", "0")) / 100000
        except ValueError:
            continue
        if tag in ("lumMod", "lumOff", "satMod", "satOff", "hueMod", "hueOff"):
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
            rgb = colorsys.hls_to_rgb(h, min(1, max(0, l)), min(1, max(0, s)))
        elif tag == "tint":  # towards white, in linear RGB as LibreOffice's oox import does
            rgb = tuple(_to_srgb(1 - (1 - _to_linear(c)) * val) for c in rgb)  # type: ignore[assignment]
        elif tag == "shade":  # towards black, in linear RGB
            rgb = tuple(_to_srgb(_to_linear(c) * val) for c in rgb)  # type: ignore[assignment]
        elif tag == "alpha":
            alpha = val
        elif tag == "inv":
            rgb = tuple(1 - c for c in rgb)  # type: ignore[assignment]
        elif tag == "gray":
            g = 0.3 * rgb[0] + 0.59 * rgb[1] + 0.11 * rgb[2]
            rgb = (g, g, g)
    return tuple(min(1.0, max(0.0, c)) for c in rgb), alpha  # type: ignore[return-value]


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
        scheme = root.find(f"{_a('themeElements')}/{_a('clrScheme')}")
        if scheme is not None:
            for slot in scheme:
                color = next((c for c in slot if _local(c) in COLOR_TAGS), None)
                if color is None:
                    continue
                if _local(color) == "srgbClr":
                    rgb = _hex(color.get("val", ""))
                elif _local(color) == "sysClr":
                    rgb = _hex(color.get("lastClr", "")) or (
                        (1.0, 1.0, 1.0) if color.get("val") == "window" else (0.0, 0.0, 0.0))
                else:
                    rgb = None
                if rgb is not None:
                    self.colors[_local(slot)] = rgb
        fonts = root.find(f"{_a('themeElements')}/{_a('fontScheme')}")
        if fonts is not None:
            major = fonts.find(f"{_a('majorFont')}/{_a('latin')}")
            minor = fonts.find(f"{_a('minorFont')}/{_a('latin')}")
            self.major_font = major.get("typeface", self.major_font) if major is not None else self.major_font
            self.minor_font = minor.get("typeface", self.minor_font) if minor is not None else self.minor_font
        fmt = root.find(f"{_a('themeElements')}/{_a('fmtScheme')}")
        if fmt is not None:
            lst = fmt.find(_a("fillStyleLst"))
            bg = fmt.find(_a("bgFillStyleLst"))
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
    """Resolves DrawingML colour elements with a theme and a colour map (tx1 → dk1 …)."""

    def __init__(self, theme: Theme, clrmap: dict[str, str]):
        self.theme, self.clrmap = theme, clrmap

    def of(self, el, phclr: RGB | None = None) -> tuple[RGB, float] | None:
        tag = _local(el)
        rgb: RGB | None = None
        if tag == "srgbClr":
            rgb = _hex(el.get("val", ""))
        elif tag == "schemeClr":
            val = el.get("val", "")
            if val == "phClr":
                rgb = phclr
            else:
                rgb = self.theme.colors.get(self.clrmap.get(val, val))
        elif tag == "sysClr":
            rgb = _hex(el.get("lastClr", "")) or ((1.0, 1.0, 1.0) if el.get("val") == "window" else (0.0, 0.0, 0.0))
        elif tag == "prstClr":
            rgb = _hex(PRESET_COLORS.get(el.get("val", ""), ""))
        elif tag == "scrgbClr":
            rgb = tuple(_to_srgb(int(el.get(k, "0")) / 100000) for k in ("r", "g", "b"))  # type: ignore[assignment]
        elif tag == "hslClr":
            rgb = colorsys.hls_to_rgb(int(el.get("hue", "0")) / 60000 / 360, int(el.get("lum", "0")) / 100000,
                                      int(el.get("sat", "0")) / 100000)
        if rgb is None:
            return None
        return _apply_mods(rgb, el)

    def in_parent(self, parent, phclr: RGB | None = None) -> tuple[RGB, float] | None:
        if parent is None:
            return None
        color = next((c for c in parent if _local(c) in COLOR_TAGS), None)
        return self.of(color, phclr) if color is not None else None

    def fill(self, fill_el, phclr: RGB | None = None, group_fill=None):
        """A fill element → None (no fill) | [(rgb, alpha), …] (stops) | UNKNOWN."""
        tag = _local(fill_el)
        if tag == "noFill":
            return None
        if tag == "solidFill":
            color = self.in_parent(fill_el, phclr)
            return [color] if color else UNKNOWN
        if tag == "gradFill":
            stops = [self.in_parent(gs, phclr) for gs in fill_el.iter(_a("gs"))]
            stops = [s for s in stops if s]
            return stops or UNKNOWN
        if tag == "pattFill":
            stops = [self.in_parent(fill_el.find(_a(t)), phclr) for t in ("fgClr", "bgClr")]
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


def _worst_contrast(fg: RGB, stops) -> tuple[float, RGB]:
    ratios = [(contrast_ratio(fg, rgb), rgb) for rgb, _ in stops]
    return min(ratios)


def _needed_ratio(size_pt: float, bold: bool) -> float:
    return 3.0 if size_pt >= 18 or (bold and size_pt >= 14) else 4.5


# ------------------------------------------------------------------------------------ slides
def _ph(el):
    """(type, idx) of a placeholder shape, or None."""
    ph = el.find(f"./*/{_p('nvPr')}/{_p('ph')}")
    if ph is None:
        return None
    try:
        idx = int(ph.get("idx", "0"))
    except ValueError:
        idx = 0
    return ph.get("type", "obj"), idx


def _ph_class(ph_type: str) -> str:
    if ph_type in ("title", "ctrTitle"):
        return "title"
    if ph_type in ("dt", "ftr", "sldNum", "hdr"):
        return ph_type
    return "body"


def _placeholders(tree):
    return [(el, _ph(el)) for el in tree.iter(_p("sp"), _p("pic"), _p("graphicFrame")) if _ph(el)]


def _match_layout_ph(layout_tree, ph):
    phs = _placeholders(layout_tree)
    ph_type, idx = ph
    for el, (t, i) in phs:
        if i == idx and (idx != 0 or _ph_class(t) == _ph_class(ph_type)):
            return el
    for el, (t, _) in phs:
        if _ph_class(t) == _ph_class(ph_type):
            return el
    return None


def _match_master_ph(master_tree, ph_type: str):
    for el, (t, _) in _placeholders(master_tree):
        if _ph_class(t) == _ph_class(ph_type):
            return el
    return None


def _cnvpr(el):
    return el.find(f"./*/{_p('cNvPr')}")


def _is_decorative(cnvpr) -> bool:
    if cnvpr is None:
        return False
    for ext in cnvpr.iter(_a("ext")):
        if ext.get("uri") == DECORATIVE_URI:
            dec = ext.find(f"{{{ADEC}}}decorative")
            return dec is not None and dec.get("val", "1") in ("1", "true")
    return False


FILENAME_ALT = re.compile(r"^[^\s/\\]+\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|webp)$", re.IGNORECASE)


def _alt_problem(cnvpr) -> str | None:
    """None when the alt text is fine; otherwise 'missing' or 'filename'."""
    if cnvpr is None or _is_decorative(cnvpr):
        return None
    descr = (cnvpr.get("descr") or "").strip()
    if not descr:
        return "missing"
    if FILENAME_ALT.match(descr):
        return "filename"
    return None


@dataclass
class _Shape:
    """A slide shape flattened out of its groups, with its box on the slide in EMU."""

    el: object
    kind: str  # sp, pic, graphicFrame, grpSp, cxnSp
    name: str
    box: tuple[float, float, float, float] | None
    ph: tuple[str, int] | None
    layout_ph: object = None
    master_ph: object = None
    groups: tuple = ()  # enclosing group elements, outermost first

    def text_body(self):
        return self.el.find(_p("txBody")) if self.kind == "sp" else None


def _xfrm(el):
    if _local(el) == "graphicFrame":
        return el.find(_p("xfrm"))
    sppr = el.find(_p("grpSpPr") if _local(el) == "grpSp" else _p("spPr"))
    return sppr.find(_a("xfrm")) if sppr is not None else None


def _geom(xfrm):
    if xfrm is None:
        return None
    off, ext = xfrm.find(_a("off")), xfrm.find(_a("ext"))
    if off is None or ext is None:
        return None
    return int(off.get("x", 0)), int(off.get("y", 0)), int(ext.get("cx", 0)), int(ext.get("cy", 0))


def _flatten(tree, layout_tree=None, master_tree=None, transform=None, groups=()) -> list[_Shape]:
    """Shapes of an spTree in z-order, groups' children included, boxes on the slide (EMU)."""
    transform = transform or (lambda x, y, w, h: (x, y, w, h))
    out: list[_Shape] = []
    for el in tree:
        kind = _local(el)
        if kind not in ("sp", "pic", "graphicFrame", "grpSp", "cxnSp"):
            if kind == "AlternateContent":  # mc: take the fallback's shapes
                fallback = next((c for c in el if _local(c) == "Fallback"), None)
                if fallback is not None:
                    out += _flatten(fallback, layout_tree, master_tree, transform, groups)
            continue
        cnvpr = _cnvpr(el)
        name = cnvpr.get("name", "") if cnvpr is not None else ""
        ph = _ph(el)
        layout_ph = _match_layout_ph(layout_tree, ph) if ph and layout_tree is not None else None
        master_ph = _match_master_ph(master_tree, ph[0]) if ph and master_tree is not None else None
        geom = _geom(_xfrm(el))
        for inherited in (layout_ph, master_ph):
            if geom is None and inherited is not None:
                geom = _geom(_xfrm(inherited))
        box = None
        if geom is not None:
            x, y, w, h = transform(*geom)
            box = (x, y, x + w, y + h)
        shape = _Shape(el, kind, name, box, ph, layout_ph, master_ph, groups)
        out.append(shape)
        if kind == "grpSp":
            xfrm = _xfrm(el)
            child_off = xfrm.find(_a("chOff")) if xfrm is not None else None
            child_ext = xfrm.find(_a("chExt")) if xfrm is not None else None
            if geom is not None and child_off is not None and child_ext is not None:
                gx, gy, gw, gh = geom
                cx, cy = int(child_off.get("x", 0)), int(child_off.get("y", 0))
                cw, ch = int(child_ext.get("cx", 0)) or 1, int(child_ext.get("cy", 0)) or 1
                sx, sy = gw / cw, gh / ch

                def child_transform(x, y, w, h, gx=gx, gy=gy, cx=cx, cy=cy, sx=sx, sy=sy, outer=transform):
                    return outer(gx + (x - cx) * sx, gy + (y - cy) * sy, w * sx, h * sy)
            else:
                child_transform = transform
            out += _flatten(el, layout_tree, master_tree, child_transform, groups + (el,))
    return out


@dataclass
class _Run:
    text: str
    lang: str | None
    size: float  # pt, as stored (before autofit scale)
    bold: bool
    color: tuple[RGB, float] | None
    family: str


@dataclass
class _Para:
    runs: list[_Run]
    level: int
    margin_left: float  # pt
    indent: float
    line_spacing: tuple[str, float]  # ("pct", 1.0) or ("pts", 14.0)
    space_before: tuple[str, float]  # ("pts", 6.0) or ("pct", 0.5): a share of a line
    space_after: tuple[str, float]
    end_size: float
    breaks: list[int]  # run indexes after which a line break (a:br) follows


class _TextContext:
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

    def ppr_chain(self, p) -> list:
        level = _para_level(p)
        chain = []
        ppr = p.find(_a("pPr"))
        if ppr is not None:
            chain.append(ppr)
        for lst in self.lists:
            for tag in (f"lvl{level + 1}pPr", "defPPr"):
                found = lst.find(_a(tag))
                if found is not None:
                    chain.append(found)
        return chain

    def rpr_chain(self, p, rpr) -> list:
        chain = [rpr] if rpr is not None else []
        for ppr in self.ppr_chain(p):
            d = ppr.find(_a("defRPr"))
            if d is not None:
                chain.append(d)
        return chain

    def body_value(self, getter):
        for body in self.bodies:
            value = getter(body)
            if value is not None:
                return value
        return None

    def paragraphs(self, txbody) -> list[_Para]:
        out = []
        for p in txbody.findall(_a("p")):
            pchain = self.ppr_chain(p)
            runs, breaks = [], []
            for child in p:
                tag = _local(child)
                if tag in ("r", "fld"):
                    t = child.find(_a("t"))
                    runs.append(self._run(p, child.find(_a("rPr")), t.text if t is not None and t.text else ""))
                elif tag == "br" and runs:
                    breaks.append(len(runs) - 1)
            end = p.find(_a("endParaRPr"))
            end_size = _first_attr(self.rpr_chain(p, end), "sz")
            out.append(_Para(
                runs=runs, level=_para_level(p),
                margin_left=_emu_pt(_first_attr(pchain, "marL"), 0.0),
                indent=_emu_pt(_first_attr(pchain, "indent"), 0.0),
                line_spacing=_spacing(pchain, "lnSpc", ("pct", 1.0)),
                space_before=_spacing(pchain, "spcBef", ("pts", 0.0)),
                space_after=_spacing(pchain, "spcAft", ("pts", 0.0)),
                end_size=int(end_size) / 100 if end_size and end_size.isdigit() else 18.0,
                breaks=breaks,
            ))
        return out

    def _run(self, p, rpr, text: str) -> _Run:
        chain = self.rpr_chain(p, rpr)
        size = _first_attr(chain, "sz")
        bold = _first_attr(chain, "b")
        fill = _first_child(chain, FILL_TAGS)
        color = None
        if fill is not None:
            stops = self.colors.fill(fill)
            color = stops[0] if isinstance(stops, list) and stops else None
        else:
            color = self.colors.of(etree.Element(_a("schemeClr"), val="tx1"))
        latin = _first_child(chain, {"latin"})
        return _Run(
            text=text,
            lang=_first_attr(chain, "lang"),
            size=int(size) / 100 if size and size.isdigit() else 18.0,
            bold=bold in ("1", "true"),
            color=color,
            family=self.theme.font(latin.get("typeface") if latin is not None else None),
        )

    def font_scale(self) -> float:
        def get(body):
            for child in body:
                if _local(child) == "normAutofit":
                    return int(child.get("fontScale", "100000")) / 100000
                if _local(child) in ("noAutofit", "spAutoFit"):
                    return 1.0
            return None

        return self.body_value(get) or 1.0


def _para_level(p) -> int:
    ppr = p.find(_a("pPr"))
    try:
        return int(ppr.get("lvl", "0")) if ppr is not None else 0
    except ValueError:
        return 0


def _first_attr(chain, name):
    for el in chain:
        value = el.get(name)
        if value is not None:
            return value
    return None


def _first_child(chain, tags: set):
    for el in chain:
        for child in el:
            if _local(child) in tags:
                return child
    return None


def _emu_pt(value, default: float) -> float:
    try:
        return int(value) / EMU_PER_PT if value is not None else default
    except ValueError:
        return default


def _spacing(chain, tag: str, default):
    for ppr in chain:
        sp = ppr.find(_a(tag))
        if sp is not None:
            pct, pts = sp.find(_a("spcPct")), sp.find(_a("spcPts"))
            if pct is not None:
                return ("pct", int(pct.get("val", "100000")) / 100000)
            if pts is not None:
                return ("pts", int(pts.get("val", "0")) / 100)
    return default


def _synthetic_list(color_el=None, bold: bool | None = None, typeface: str | None = None):
    """An a:lstStyle carrying a shape style's fontRef or a table style's text properties."""
    lst = etree.Element(_a("lstStyle"))
    defppr = etree.SubElement(lst, _a("defPPr"))
    rpr = etree.SubElement(defppr, _a("defRPr"))
    if bold is not None:
        rpr.set("b", "1" if bold else "0")
    if color_el is not None:
        fill = etree.SubElement(rpr, _a("solidFill"))
        fill.append(_copy(color_el))
    if typeface:
        etree.SubElement(rpr, _a("latin"), typeface=typeface)
    return lst


def _copy(el):
    return etree.fromstring(etree.tostring(el))


# PowerPoint's built-in default table style ("Medium Style 2 – Accent 1"), which python-pptx
# references by id without writing its definition into tableStyles.xml.
_BUILTIN_TABLE_STYLES = {
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


class _DeckReview:
    def __init__(self, path: Path, prs, label: str):
        self.path, self.prs, self.label = path, prs, label
        self.findings: list[Finding] = []
        self.default_text = prs.part._element.find(_p("defaultTextStyle"))
        self.table_styles = self._table_styles()

    def add(self, location: str, shape: str, rule: str, message: str) -> None:
        self.findings.append(Finding(self.label, location, shape, rule, message))

    def _table_styles(self) -> dict:
        styles = {}
        try:
            part = self.prs.part.part_related_by(RT_TABLE_STYLES)
            root = etree.fromstring(part.blob)
            for style in root.findall(_a("tblStyle")):
                styles[style.get("styleId")] = style
        except (KeyError, etree.XMLSyntaxError, AttributeError):
            pass
        return styles

    # -- context per slide
    def _slide_context(self, slide):
        layout = slide.slide_layout
        master = layout.slide_master
        try:
            theme = Theme(etree.fromstring(master.part.part_related_by(RT_THEME).blob))
        except (KeyError, etree.XMLSyntaxError):
            theme = Theme(None)
        clrmap_el = master._element.find(_p("clrMap"))
        clrmap = dict(clrmap_el.attrib) if clrmap_el is not None else {}
        for el in (layout._element, slide._element):
            override = el.find(f"{_p('clrMapOvr')}/{_a('overrideClrMapping')}")
            if override is not None:
                clrmap = dict(override.attrib)
        return layout, master, theme, Colors(theme, clrmap)

    def run(self) -> list[Finding]:
        if not (self.prs.core_properties.title or "").strip():
            self.add("presentationen", "", "doc-title-missing",
                     "Presentationen saknar titel i dokumentegenskaperna (Arkiv → Info → Titel). Titeln visas "
                     "i PDF-läsare och läses upp av skärmläsare.")
        titles: dict[str, int] = {}
        for number, slide in enumerate(self.prs.slides, start=1):
            self._slide(number, slide, titles)
        return self.findings

    def _slide(self, number: int, slide, titles: dict[str, int]) -> None:
        where = f"bild {number}"
        layout, master, theme, colors = self._slide_context(slide)
        layout_tree = layout._element.find(f"{_p('cSld')}/{_p('spTree')}")
        master_tree = master._element.find(f"{_p('cSld')}/{_p('spTree')}")
        shapes = _flatten(slide._element.find(f"{_p('cSld')}/{_p('spTree')}"), layout_tree, master_tree)

        # titles
        title_shapes = [s for s in shapes if s.ph and _ph_class(s.ph[0]) == "title" and s.kind == "sp"]
        title_text = " ".join(" ".join("".join(t.text or "" for t in s.el.iter(_a("t"))).split())
                              for s in title_shapes).strip()
        if not title_text:
            self.add(where, title_shapes[0].name if title_shapes else "", "title-missing",
                     "Bilden saknar rubrik. Skriv en rubrik i bildens rubrikplatshållare (den läses upp av "
                     "skärmläsare och blir bokmärke i PDF), även om den placeras utanför bilden.")
        else:
            key = title_text.casefold()
            if key in titles:
                self.add(where, title_shapes[0].name, "title-duplicate",
                         f"Rubriken ”{_quote(title_text, 60)}” finns redan på bild {titles[key]}. Ge varje bild "
                         "en egen rubrik, t.ex. med ”(forts.)”.")
            else:
                titles[key] = number

        below = self._master_shapes(slide, layout, master, layout_tree, master_tree)
        background = self._background(slide, layout, master, colors)
        covered: set = set()  # groups: reported, described or decorative – their children are covered
        for i, shape in enumerate(shapes):
            if not any(g in covered for g in shape.groups):
                self._alt_text(where, shape)
            if shape.kind == "grpSp":
                covered.add(shape.el)
            if shape.kind == "graphicFrame" and shape.el.find(f".//{_a('tbl')}") is not None:
                self._table(where, shape, slide, master, theme, colors, below + shapes[:i], background)
            elif shape.kind == "sp" and shape.text_body() is not None:
                ctx = self._shape_context(shape, master, theme, colors)
                bg = self._shape_background(shape, colors, theme, below + shapes[:i], background)
                self._text(where, shape.name, ctx.paragraphs(shape.text_body()), ctx.font_scale(), bg)
        for chart in self._charts(slide):
            lang = chart.find(f"{{{C}}}lang")
            if lang is not None and (lang.get("val") or "").lower() != SWEDISH.lower():
                self.add(where, "", "lang-not-sv",
                         f"Ett diagram har språket {lang.get('val')}. Markera diagrammets text som svenska (sv-SE).")

    # -- alt text
    def _alt_text(self, where: str, shape: _Shape) -> bool:
        """Report missing alt text; True when reported. Text placeholders need none (their text
        is read); pictures and charts put into placeholders do."""
        if shape.ph and shape.kind == "sp":
            return False
        cnvpr = _cnvpr(shape.el)
        what = None
        if shape.kind == "pic":
            what = "Bilden"
        elif shape.kind == "graphicFrame":
            data = shape.el.find(f".//{_a('graphicData')}")
            uri = data.get("uri", "") if data is not None else ""
            if uri.endswith("/chart"):
                what = "Diagrammet"
            elif uri.endswith("/diagram"):
                what = "SmartArt-grafiken"
            elif uri.endswith("/ole") or "chartex" in uri:
                what = "Objektet"
        elif shape.kind == "sp":
            sppr = shape.el.find(_p("spPr"))
            has_picture = sppr is not None and sppr.find(_a("blipFill")) is not None
            has_text = bool("".join(t.text or "" for t in shape.el.iter(_a("t"))).strip())
            if has_picture or (has_text and not _is_text_box(shape.el)):
                what = "Formen"
        elif shape.kind == "grpSp":
            has_content = any(_local(el) == "pic" or (_local(el) == "t" and (el.text or "").strip())
                              for el in shape.el.iter())
            if has_content:
                what = "Gruppen"
        if what is None:
            return False
        problem = _alt_problem(cnvpr)
        if problem == "missing":
            self.add(where, shape.name, "alt-text-missing",
                     f"{what} saknar alternativtext. Beskriv vad den visar (Alternativtext), eller markera den "
                     "som dekorativ om den inte bär information.")
        elif problem == "filename":
            self.add(where, shape.name, "alt-text-missing",
                     f"{what} har ett filnamn som alternativtext (”{cnvpr.get('descr')}”). Beskriv vad den visar, "
                     "eller markera den som dekorativ.")
        return problem is not None

    # -- text
    def _shape_context(self, shape: _Shape, master, theme: Theme, colors: Colors) -> _TextContext:
        txbody = shape.text_body()
        lists = [txbody.find(_a("lstStyle")) if txbody is not None else None]
        style = shape.el.find(_p("style"))
        font_ref = style.find(_a("fontRef")) if style is not None else None
        if font_ref is not None:
            color = next((c for c in font_ref if _local(c) in COLOR_TAGS), None)
            idx = font_ref.get("idx", "minor")
            lists.append(_synthetic_list(color, typeface="+mj-lt" if idx == "major" else "+mn-lt"))
        bodies = [txbody.find(_a("bodyPr")) if txbody is not None else None]
        for inherited in (shape.layout_ph, shape.master_ph):
            body = inherited.find(_p("txBody")) if inherited is not None else None
            lists.append(body.find(_a("lstStyle")) if body is not None else None)
            bodies.append(body.find(_a("bodyPr")) if body is not None else None)
        kind = _ph_class(shape.ph[0]) if shape.ph else "other"
        style_tag = {"title": "titleStyle", "body": "bodyStyle"}.get(kind, "otherStyle")
        lists.append(master._element.find(f"{_p('txStyles')}/{_p(style_tag)}"))
        lists.append(self.default_text)
        return _TextContext(lists, bodies, colors, theme)

    def _text(self, where: str, name: str, paras: list[_Para], scale: float, background) -> None:
        runs = [r for p in paras for r in p.runs if r.text.strip()]
        if not runs:
            return
        self._language(where, name, runs)
        smallest = min(runs, key=lambda r: r.size)
        shown = smallest.size * scale
        if shown < MIN_SLIDE_PT - 0.01:
            scaled = (f" (autopassning har förminskat den från {_num(smallest.size)} pt)" if scale < 1 else "")
            self.add(where, name, "font-too-small",
                     f"Texten är {_num(shown)} pt{scaled}, t.ex. ”{_quote(smallest.text)}”. Text på bilder ska "
                     f"vara minst {_num(MIN_SLIDE_PT)} pt: korta texten eller dela upp den på fler bilder.")
        if background is UNKNOWN or not background:
            return
        worst = None
        for run in runs:
            if run.color is None:
                continue
            ratio, bg = _worst_contrast(run.color[0], background)
            needed = _needed_ratio(run.size * scale, run.bold)
            if ratio < needed and (worst is None or ratio / needed < worst[0] / worst[1]):
                worst = (ratio, needed, run, bg)
        if worst:
            ratio, needed, run, bg = worst
            self.add(where, name, "contrast-low", _contrast_message(ratio, needed, run.color[0], bg, run.text))

    def _language(self, where: str, name: str, runs: list[_Run]) -> None:
        missing = [r for r in runs if not r.lang]
        other = [r for r in runs if r.lang and r.lang.lower() != SWEDISH.lower()]
        if missing:
            self.add(where, name, "lang-missing",
                     f"{_count(len(missing), 'textavsnitt')} saknar språk, t.ex. ”{_quote(missing[0].text)}”. "
                     "Markera texten som svenska (sv-SE) så att skärmläsare och stavningskontroll läser rätt.")
        if other:
            langs = ", ".join(sorted({r.lang for r in other}))
            self.add(where, name, "lang-not-sv",
                     f"{_count(len(other), 'textavsnitt')} har språket {langs}, t.ex. ”{_quote(other[0].text)}”. "
                     "Markera texten som svenska (sv-SE).")

    # -- tables
    def _table(self, where, shape: _Shape, slide, master, theme, colors, below, background) -> None:
        tbl = shape.el.find(f".//{_a('tbl')}")
        rows = tbl.findall(_a("tr"))
        tblpr = tbl.find(_a("tblPr"))
        flags = {k: (tblpr.get(k) in ("1", "true")) if tblpr is not None else False
                 for k in ("firstRow", "bandRow", "firstCol", "lastRow", "lastCol", "bandCol")}
        if len(rows) > 1 and not flags["firstRow"]:
            self.add(where, shape.name, "table-header-missing",
                     "Tabellen saknar rubrikrad. Markera första raden som rubrikrad (Tabelldesign → Rubrikrad), "
                     "så att skärmläsare kan koppla cellerna till kolumnrubrikerna.")
        style_id = tblpr.findtext(_a("tableStyleId")) if tblpr is not None else None
        style = self.table_styles.get(style_id)
        if style is None and style_id in _BUILTIN_TABLE_STYLES:
            style = etree.fromstring(_BUILTIN_TABLE_STYLES[style_id])
        frame_bg = self._shape_background(shape, colors, theme, below, background, own_fill=False)
        other = master._element.find(f"{_p('txStyles')}/{_p('otherStyle')}")
        runs_all: list[_Run] = []
        for r, row in enumerate(rows):
            cells = row.findall(_a("tc"))
            for c, cell in enumerate(cells):
                txbody = cell.find(_a("txBody"))
                if txbody is None:
                    continue
                parts = _table_parts(flags, r, c, len(rows), len(cells))
                text_props, cell_fill = _table_style_cell(style, parts, colors) if style is not None else (None, None)
                tcpr = cell.find(_a("tcPr"))
                own = next((f for f in tcpr if _local(f) in FILL_TAGS), None) if tcpr is not None else None
                if own is not None:
                    fill = colors.fill(own)
                elif cell_fill is not None:
                    fill = cell_fill
                elif style_id and style is None:
                    fill = UNKNOWN  # a built-in style we do not know
                else:
                    fill = None
                bg = frame_bg if fill is None else fill
                if isinstance(fill, list) and any(a < 1 for _, a in fill) and isinstance(frame_bg, list):
                    bg = [(_blend(rgb, a, frame_bg[0][0]), 1.0) for rgb, a in fill]
                ctx = _TextContext([txbody.find(_a("lstStyle")), text_props, other, self.default_text],
                                   [txbody.find(_a("bodyPr"))], colors, theme)
                paras = ctx.paragraphs(txbody)
                runs_all += [run for p in paras for run in p.runs if run.text.strip()]
                self._cell_text(where, shape.name, paras, bg, r + 1, c + 1)
        if runs_all:
            self._language(where, shape.name, runs_all)
            smallest = min(runs_all, key=lambda run: run.size)
            if smallest.size < MIN_SLIDE_PT - 0.01:
                self.add(where, shape.name, "font-too-small",
                         f"Texten i tabellen är {_num(smallest.size)} pt, t.ex. ”{_quote(smallest.text)}”. Text på "
                         f"bilder ska vara minst {_num(MIN_SLIDE_PT)} pt.")

    def _cell_text(self, where, name, paras, background, row: int, col: int) -> None:
        if background is UNKNOWN or not background:
            return
        for run in (run for p in paras for run in p.runs if run.text.strip()):
            if run.color is None:
                continue
            ratio, bg = _worst_contrast(run.color[0], background)
            needed = _needed_ratio(run.size, run.bold)
            if ratio < needed:
                self.add(where, f"{name}, rad {row}, kolumn {col}", "contrast-low",
                         _contrast_message(ratio, needed, run.color[0], bg, run.text))
                return

    # -- backgrounds
    def _master_shapes(self, slide, layout, master, layout_tree, master_tree) -> list[_Shape]:
        """Non-placeholder shapes of master and layout that show beneath the slide's own."""
        if slide._element.get("showMasterSp") in ("0", "false"):
            return []
        out = []
        if layout._element.get("showMasterSp") not in ("0", "false"):
            out += [s for s in _flatten(master_tree) if not s.ph]
        out += [s for s in _flatten(layout_tree) if not s.ph]
        return out

    def _background(self, slide, layout, master, colors: Colors):
        for el in (slide._element, layout._element, master._element):
            bg = el.find(f"{_p('cSld')}/{_p('bg')}")
            if bg is None:
                continue
            bgpr = bg.find(_p("bgPr"))
            if bgpr is not None:
                fill = next((f for f in bgpr if _local(f) in FILL_TAGS), None)
                result = colors.fill(fill) if fill is not None else None
                return result if result is not None else [((1.0, 1.0, 1.0), 1.0)]
            ref = bg.find(_p("bgRef"))
            if ref is not None:
                return colors.style_ref_fill(ref)
        return [((1.0, 1.0, 1.0), 1.0)]

    def _own_fill(self, shape: _Shape, colors: Colors, group_fill=None):
        """The shape's fill (spPr, then the inherited placeholder's, then p:style) or None."""
        if shape.kind == "pic":
            return UNKNOWN
        if shape.kind == "graphicFrame":
            return UNKNOWN if shape.el.find(f".//{_a('tbl')}") is None else None
        if shape.kind not in ("sp", "grpSp"):
            return None
        for el in (shape.el, shape.layout_ph, shape.master_ph):
            if el is None:
                continue
            sppr = el.find(_p("grpSpPr") if _local(el) == "grpSp" else _p("spPr"))
            fill = next((f for f in sppr if _local(f) in FILL_TAGS), None) if sppr is not None else None
            if fill is not None:
                return colors.fill(fill, group_fill=group_fill)
        style = shape.el.find(_p("style"))
        ref = style.find(_a("fillRef")) if style is not None else None
        return colors.style_ref_fill(ref) if ref is not None else None

    def _shape_background(self, shape: _Shape, colors, theme, below: list[_Shape], background, own_fill=True):
        """What the text of `shape` is drawn on: its own fill, or the topmost filled shape under its
        centre, or the slide background. Semi-transparent fills are blended with what is beneath."""
        group_fill = None
        for group in shape.groups:
            group_shape = _Shape(group, "grpSp", "", None, None)
            fill = self._own_fill(group_shape, colors, group_fill)
            if fill is not None:
                group_fill = fill
        layers = []
        if own_fill:
            fill = self._own_fill(shape, colors, group_fill)
            if fill is not None:
                layers.append(fill)
        if not layers or _translucent(layers[-1]):
            if shape.box is not None:
                cx, cy = (shape.box[0] + shape.box[2]) / 2, (shape.box[1] + shape.box[3]) / 2
                for other in reversed(below):
                    if other.box is None or other.kind in ("grpSp", "cxnSp"):
                        continue
                    x0, y0, x1, y1 = other.box
                    if not (x0 <= cx <= x1 and y0 <= cy <= y1):
                        continue
                    group_fill = None
                    for group in other.groups:
                        gf = self._own_fill(_Shape(group, "grpSp", "", None, None), colors, group_fill)
                        group_fill = gf if gf is not None else group_fill
                    fill = self._own_fill(other, colors, group_fill)
                    if fill is None:
                        continue
                    layers.append(fill)
                    if not _translucent(fill):
                        break
        if not layers or _translucent(layers[-1]):
            layers.append(background)
        result = layers[-1]
        for layer in reversed(layers[:-1]):
            if layer is UNKNOWN or result is UNKNOWN:
                return UNKNOWN
            result = [(_blend(rgb, a, result[0][0]), 1.0) for rgb, a in layer]
        return result

    def _charts(self, slide):
        for rel in slide.part.rels.values():
            if rel.reltype.endswith("/chart") and not rel.is_external:
                try:
                    yield etree.fromstring(rel.target_part.blob)
                except etree.XMLSyntaxError:
                    continue


def _is_text_box(el) -> bool:
    """A text box, or a shape that shows nothing but its text (a rectangle without fill or
    outline, as LibreOffice writes text boxes): its text is read, so it needs no alt text."""
    nvsp = el.find(f"{_p('nvSpPr')}/{_p('cNvSpPr')}")
    if nvsp is not None and nvsp.get("txBox") in ("1", "true"):
        return True
    sppr = el.find(_p("spPr"))
    if sppr is None:
        return False
    geometry = sppr.find(_a("prstGeom"))
    if sppr.find(_a("custGeom")) is not None or (geometry is not None and geometry.get("prst") != "rect"):
        return False
    style = el.find(_p("style"))
    fill = next((f for f in sppr if _local(f) in FILL_TAGS), None)
    if fill is not None:
        filled = _local(fill) != "noFill"
    else:
        ref = style.find(_a("fillRef")) if style is not None else None
        filled = ref is not None and ref.get("idx", "0") != "0"
    line = sppr.find(_a("ln"))
    if line is not None and any(_local(c) in FILL_TAGS for c in line):
        outlined = line.find(_a("noFill")) is None
    else:
        ref = style.find(_a("lnRef")) if style is not None else None
        outlined = ref is not None and ref.get("idx", "0") != "0"
    return not filled and not outlined


def _translucent(fill) -> bool:
    return isinstance(fill, list) and any(alpha < 0.999 for _, alpha in fill)


def _table_parts(flags: dict, r: int, c: int, rows: int, cols: int) -> list[str]:
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


def _table_style_cell(style, parts: list[str], colors: Colors):
    """(synthetic lstStyle with the style's text colour/bold, fill) for a cell of a styled table."""
    color_el, bold, fill = None, None, None
    for part in parts:
        el = style.find(_a(part))
        if el is None:
            continue
        tx = el.find(_a("tcTxStyle"))
        if tx is not None:
            found = next((c for c in tx if _local(c) in COLOR_TAGS), None)
            color_el = found if found is not None else color_el
            if tx.get("b") in ("on", "off"):
                bold = tx.get("b") == "on"
        tc = el.find(_a("tcStyle"))
        if tc is not None:
            fill_el = tc.find(_a("fill"))
            if fill_el is not None:
                inner = next((f for f in fill_el if _local(f) in FILL_TAGS), None)
                fill = colors.fill(inner) if inner is not None else fill
            ref = tc.find(_a("fillRef"))
            if ref is not None:
                fill = colors.style_ref_fill(ref)
    props = _synthetic_list(color_el, bold) if (color_el is not None or bold is not None) else None
    return props, fill


def _contrast_message(ratio: float, needed: float, fg: RGB, bg: RGB, text: str) -> str:
    large = " (stor text)" if needed < 4.5 else ""
    shown = math.floor(ratio * 10) / 10  # never round up to the limit: 2.97 is not "3:1"
    return (f"Kontrasten mellan texten och bakgrunden är {_num(shown)}:1 ({hexstr(fg)} på {hexstr(bg)}), "
            f"t.ex. ”{_quote(text)}”; minst {_num(needed)}:1 krävs{large}. Välj en mörkare text eller en ljusare "
            "bakgrund (eller tvärtom).")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n != 1 else f"Ett {noun}"


# ------------------------------------------------------------------------------------ overflow
_SIDES = {"bottom": "nedtill", "top": "upptill", "right": "till höger", "left": "till vänster"}


def _estimate_overflow(deck: _DeckReview) -> None:
    """Overflow of slide text boxes from font metrics (no LibreOffice): greedy wrapping at spaces."""
    from .fontmetrics import metrics

    for number, slide in enumerate(deck.prs.slides, start=1):
        layout, master, theme, colors = deck._slide_context(slide)
        layout_tree = layout._element.find(f"{_p('cSld')}/{_p('spTree')}")
        master_tree = master._element.find(f"{_p('cSld')}/{_p('spTree')}")
        for shape in _flatten(slide._element.find(f"{_p('cSld')}/{_p('spTree')}"), layout_tree, master_tree):
            txbody = shape.text_body()
            if txbody is None or shape.box is None or not "".join(t.text or "" for t in txbody.iter(_a("t"))).strip():
                continue
            ctx = deck._shape_context(shape, master, theme, colors)
            result = _measure(ctx, txbody, shape.box, metrics)
            if result is None:
                continue
            side, amount, needed, available, exact = result
            how = "uppskattat med teckensnittets mått" if exact else "grovt uppskattat: teckensnittet finns inte här"
            if side == "bottom":
                detail = f"den behöver ca {_num(needed, 0)} pt på höjden men rutan rymmer {_num(available, 0)} pt"
            else:
                detail = f"en rad är ca {_num(needed, 0)} pt bred men rutan rymmer {_num(available, 0)} pt"
            deck.add(f"bild {number}", shape.name, "text-overflow",
                     f"Texten får troligen inte plats i rutan ({_SIDES[side]}): {detail} ({how}). Korta texten, "
                     "gör rutan större eller dela upp innehållet.")


def _measure(ctx: _TextContext, txbody, box, metrics):
    """(side, overflow pt, needed pt, available pt, exact metrics?) or None when the text fits."""
    if ctx.body_value(lambda b: b.get("vert")) not in (None, "horz"):
        return None  # vertical text: not estimated
    wrap = ctx.body_value(lambda b: b.get("wrap")) != "none"
    insets = [_emu_pt(ctx.body_value(lambda b, k=k: b.get(k)), d)
              for k, d in (("lIns", 7.2), ("rIns", 7.2), ("tIns", 3.6), ("bIns", 3.6))]
    width = (box[2] - box[0]) / EMU_PER_PT - insets[0] - insets[1]
    height = (box[3] - box[1]) / EMU_PER_PT - insets[2] - insets[3]
    if width <= 0 or height <= 0:
        return None
    total, widest, exact = 0.0, 0.0, True
    for index, para in enumerate(ctx.paragraphs(txbody)):
        left = max(0.0, para.margin_left + min(0.0, para.indent))
        avail = width - para.margin_left
        sizes = [r.size for r in para.runs if r.text] or [para.end_size]
        size = max(sizes)
        family = next((r.family for r in para.runs if r.text), ctx.theme.minor_font)
        font = metrics(family, any(r.bold for r in para.runs))
        exact = exact and font.exact
        lines = _wrap_lines(para, avail if wrap else float("inf"), metrics)
        widest = max([widest] + [w + left for w in lines])
        kind, value = para.line_spacing
        line_height = value if kind == "pts" else font.line_height(size, value)
        before, after = (value * size * 1.2 if kind == "pct" else value
                         for kind, value in (para.space_before, para.space_after))
        total += (before if index else 0.0) + line_height * len(lines) + after
    if total > height + OVERFLOW_TOLERANCE_PT:
        return "bottom", total - height, total, height, exact
    if widest > width + OVERFLOW_TOLERANCE_PT:
        return "right", widest - width, widest, width, exact
    return None


def _wrap_lines(para: _Para, width: float, metrics) -> list[float]:
    """Widths of the lines a paragraph breaks into, greedy at spaces. Spaces at the end of a line
    hang past the margin (not counted). A word wider than the line stays whole and sticks out to
    the right, as LibreOffice renders it (PowerPoint would break it inside the word): reported."""
    pieces: list[tuple[str, float, bool, str, bool]] = []  # (token, size, bold, family, hard break after)
    for i, run in enumerate(para.runs):
        for token in re.split(r"(\s+)", run.text):
            if token:
                pieces.append((token, run.size, run.bold, run.family, False))
        if i in para.breaks:
            pieces.append(("", run.size, run.bold, run.family, True))
    lines: list[float] = []
    used = 0.0  # ink width of the line so far
    pending = 0.0  # spaces after it, counted only if a word follows on the same line
    for token, size, bold, family, hard in pieces:
        if hard:
            lines.append(used)
            used = pending = 0.0
            continue
        w = metrics(family, bold).width(token, size)
        if token.isspace():
            pending += w
            continue
        if used == 0.0 or used + pending + w <= width:
            used += (pending if used else 0.0) + w
            pending = 0.0
            continue
        lines.append(used)
        used, pending = w, 0.0
    lines.append(used)
    return lines


# -- rendered: LibreOffice → PDF → PyMuPDF (after /work/shared/tools/overflow_check.py)
_BULLETS = set("•◦▪▫■□●○–—-‣⁃∙·\uf0b7\uf0a7\uf0d8")
_WS = re.compile(r"\s+")
_AUTONUMBER = re.compile(r"^(\(?[0-9]+[.)]|\(?[a-zA-Z][.)]|[ivxIVX]+[.)])\s*")
GROW = (2, 8)  # canvas grown so text that leaves the slide still renders and can be measured


def _norm(text: str) -> str:
    return _WS.sub("", text.replace("\u00ad", "").replace("\x0b", ""))


def _strip_bullet(text: str) -> str:
    text = text.strip()
    while text and text[0] in _BULLETS:
        text = text[1:].lstrip()
    return text


def rendering_available() -> tuple[bool, str]:
    from .pdf import find_soffice

    if find_soffice() is None:
        return False, f"LibreOffice saknas ({INSTALL_HINT})"
    try:
        import pymupdf  # noqa: F401
    except ImportError:
        return False, "PyMuPDF saknas (pip install 'pymupdf>=1.24,<2')"
    return True, ""


def _prepare_render_copy(src: Path, dst: Path) -> None:
    """A copy for measuring: no autofit anywhere on the slides (text at its nominal size, as
    PowerPoint shows it before anyone edits the box) and a canvas grown GROW times."""
    from pptx import Presentation

    prs = Presentation(str(src))
    for slide in prs.slides:
        for body in slide._element.iter(_a("bodyPr")):
            if body.getparent() is None or _local(body.getparent()) != "txBody" or \
                    _local(body.getparent().getparent()) != "sp":
                continue
            for child in list(body):
                if _local(child) in ("normAutofit", "spAutoFit", "noAutofit"):
                    body.remove(child)
            position = 1 if len(body) and _local(body[0]) == "prstTxWarp" else 0
            body.insert(position, etree.Element(_a("noAutofit")))
    size = prs._element.find(_p("sldSz"))
    size.set("cx", str(int(prs.slide_width * GROW[0])))
    size.set("cy", str(int(prs.slide_height * GROW[1])))
    prs.save(str(dst))


def _render_overflow(decks: list[_DeckReview], timeout: float = 300) -> None:
    """Render every deck in one LibreOffice run and report text outside its box or the slide."""
    import pymupdf

    from .pdf import convert_to_pdf

    tmp = Path(tempfile.mkdtemp(prefix="vpgen-granska-"))
    try:
        copies = []
        for i, deck in enumerate(decks):
            copy = tmp / f"deck{i}.pptx"
            _prepare_render_copy(deck.path, copy)
            copies.append(copy)
        pdfs = convert_to_pdf(copies, tmp / "pdf", timeout=timeout)
        for deck, pdf in zip(decks, pdfs):
            with pymupdf.open(str(pdf)) as doc:
                _check_rendered(deck, doc, pymupdf)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _page_lines(page, pymupdf):
    flags = pymupdf.TEXTFLAGS_DICT & ~pymupdf.TEXT_MEDIABOX_CLIP & ~pymupdf.TEXT_PRESERVE_LIGATURES
    for block in page.get_text("dict", flags=flags)["blocks"]:
        if block.get("type", 0) != 0:
            continue
        for line in block["lines"]:
            spans = [s for s in line["spans"] if _strip_bullet(s["text"])]
            if not spans:
                continue
            x0 = min(s["bbox"][0] for s in spans)
            y0 = min(s["bbox"][1] for s in spans)
            x1 = max(s["bbox"][2] for s in spans)
            y1 = max(s["bbox"][3] for s in spans)
            text = _strip_bullet("".join(s["text"] for s in spans))
            yield {"text": text, "key": _norm(text), "bbox": (x0, y0, x1, y1), "spans": spans}


def _match_line(line, items):
    key = line["key"]
    candidates = [it for it in items if key and key in it["key"]]
    if not candidates:
        stripped = _norm(_AUTONUMBER.sub("", line["text"]))
        candidates = [it for it in items if stripped and stripped in it["key"]]
    lx0, ly0, lx1, _ = line["bbox"]
    # text that left its box below or above still overlaps it horizontally
    candidates = [it for it in candidates if min(lx1, it["box"][2]) - max(lx0, it["box"][0]) > 0]
    if not candidates:
        return None

    def score(it):
        x0, y0, x1, y1 = it["box"]
        overlap = max(0.0, min(lx1, x1) - max(lx0, x0))
        distance = 0.0 if y0 <= ly0 <= y1 else min(abs(ly0 - y0), abs(ly0 - y1))
        return (-overlap, distance, len(it["key"]))

    return min(candidates, key=score)


def _inside(x: float, y: float, box) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _check_rendered(deck: _DeckReview, doc, pymupdf) -> None:
    slide_w = deck.prs.slide_width / EMU_PER_PT
    slide_h = deck.prs.slide_height / EMU_PER_PT
    visible = [(n, s) for n, s in enumerate(deck.prs.slides, start=1)
               if s._element.get("show") not in ("0", "false")]
    for (number, slide), page in zip(visible, doc):
        where = f"bild {number}"
        layout, master = slide.slide_layout, slide.slide_layout.slide_master
        shapes = _flatten(slide._element.find(f"{_p('cSld')}/{_p('spTree')}"),
                          layout._element.find(f"{_p('cSld')}/{_p('spTree')}"),
                          master._element.find(f"{_p('cSld')}/{_p('spTree')}"))
        items = []
        for shape in shapes:
            if shape.box is None:
                continue
            if shape.kind == "sp" and shape.text_body() is not None:
                texts = ["".join(t.text or "" for t in p.iter(_a("t"))) for p in shape.text_body().findall(_a("p"))]
                # a date field renders today's date, not the stored text: no coverage check then
                kind = "field" if any((f.get("type") or "").startswith("datetime")
                                      for f in shape.el.iter(_a("fld"))) else "text"
            elif shape.kind == "graphicFrame" and shape.el.find(f".//{_a('tbl')}") is not None:
                texts = ["".join(t.text or "" for t in tc.iter(_a("t"))) for tc in shape.el.iter(_a("tc"))]
                kind = "table"
            else:
                continue
            key = _norm("".join(texts))
            if key:
                items.append({"name": shape.name, "kind": kind, "key": key, "id": id(shape.el),
                              "box": tuple(v / EMU_PER_PT for v in shape.box)})
        # charts, SmartArt and objects render their own text (axis labels …): not slide text
        frames = [tuple(v / EMU_PER_PT for v in s.box) for s in shapes if s.box is not None and
                  s.kind == "graphicFrame" and s.el.find(f".//{_a('tbl')}") is None]
        per_shape: dict = {}
        off_page = []
        for line in _page_lines(page, pymupdf):
            item = _match_line(line, items)
            cx, cy = (line["bbox"][0] + line["bbox"][2]) / 2, (line["bbox"][1] + line["bbox"][3]) / 2
            if any(_inside(cx, cy, f) for f in frames):
                if item is None or not _inside(cx, cy, item["box"]):
                    continue
            for span in line["spans"]:
                x0, y0, x1, y1 = span["bbox"]
                extent = max(-x0, -y0, x1 - slide_w, y1 - slide_h)
                if extent > OVERFLOW_TOLERANCE_PT:
                    off_page.append((extent, line["text"], item["name"] if item else ""))
            if item is None:
                continue
            state = per_shape.setdefault(item["id"], {"item": item, "lines": 0, "chars": 0, "over": {}})
            state["lines"] += 1
            state["chars"] += len(line["key"])
            x0, y0, x1, y1 = item["box"]
            lx0, ly0, lx1, ly1 = line["bbox"]
            for side, amount in (("bottom", ly1 - y1), ("top", y0 - ly0), ("right", lx1 - x1), ("left", x0 - lx0)):
                if amount > OVERFLOW_TOLERANCE_PT:
                    got = state["over"].setdefault(side, [0, 0.0, line["text"]])
                    got[0] += 1
                    got[1] = max(got[1], amount)
        reported = set()
        for state in per_shape.values():
            item = state["item"]
            for side, (count, amount, text) in state["over"].items():
                reported.add(item["id"])
                if item["kind"] == "table":
                    message = (f"Tabellen blir {_num(amount, 0)} pt större än sin ram ({_SIDES[side]}) när den "
                               "visas: raderna växer med texten. Korta texten eller dela tabellen på fler bilder.")
                else:
                    message = (f"Texten går utanför rutan {_SIDES[side]} med {_num(amount, 0)} pt "
                               f"({count} av {state['lines']} rader, t.ex. ”{_quote(text)}”). Korta texten, gör "
                               "rutan större eller dela upp innehållet.")
                deck.add(where, item["name"], "text-overflow", message)
        for item in items:
            state = per_shape.get(item["id"])
            coverage = (state["chars"] if state else 0) / max(1, len(item["key"]))
            if coverage < 0.98 and item["id"] not in reported and item["kind"] != "field":
                deck.add(where, item["name"], "text-overflow",
                         f"Bara {coverage:.0%} av texten syns i den renderade bilden: resten hamnar utanför bilden "
                         "eller döljs. Korta texten eller flytta rutan.".replace("%", " %"))
        for name in dict.fromkeys(n for _, _, n in off_page):
            lines = [(e, t) for e, t, n in off_page if n == name]
            deck.add(where, name, "text-overflow",
                     f"Text hamnar utanför bilden (upp till {_num(max(e for e, _ in lines), 0)} pt, t.ex. "
                     f"”{_quote(lines[0][1])}”). Flytta eller förminska rutan, eller korta texten.")


# ------------------------------------------------------------------------------------ Word
class _DocxReview:
    def __init__(self, path: Path, document, label: str):
        self.path, self.doc, self.label = path, document, label
        self.findings: list[Finding] = []
        styles = document.styles.element
        self.styles = {s.get(_w("styleId")): s for s in styles.findall(_w("style"))}
        self.default_pstyle = next((sid for sid, s in self.styles.items()
                                    if s.get(_w("type")) == "paragraph" and s.get(_w("default")) in ("1", "true")),
                                   None)
        self.doc_defaults = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        theme_root = None
        for rel in document.part.rels.values():
            if rel.reltype == RT_THEME:
                try:
                    theme_root = etree.fromstring(rel.target_part.blob)
                except etree.XMLSyntaxError:
                    pass
        self.theme = Theme(theme_root)
        background = document.element.find(_w("background"))
        self.page = _hex(background.get(_w("color"), "")) if background is not None else None
        self.page = self.page or (1.0, 1.0, 1.0)

    def add(self, location: str, shape: str, rule: str, message: str) -> None:
        self.findings.append(Finding(self.label, location, shape, rule, message))

    def run(self) -> list[Finding]:
        if not (self.doc.core_properties.title or "").strip():
            self.add("dokumentet", "", "doc-title-missing",
                     "Dokumentet saknar titel i dokumentegenskaperna (Arkiv → Info → Titel). Titeln visas i "
                     "PDF-läsare och läses upp av skärmläsare.")
        self._last_heading = 0
        self._blocks(self.doc.element.body, "", table_ctx=None)
        return self.findings

    # -- walking the body
    def _blocks(self, container, prefix: str, table_ctx) -> None:
        paragraphs = tables = 0
        for el in _docx_children(container):
            tag = _local(el)
            if tag == "p":
                paragraphs += 1
                where = f"{prefix}stycke {paragraphs}" if not table_ctx else prefix.rstrip(", ")
                self._paragraph(el, where, table_ctx)
            elif tag == "tbl":
                tables += 1
                self._table(el, f"{prefix}tabell {tables}" if not prefix else f"{prefix}inre tabell {tables}")

    def _table(self, tbl, where: str) -> None:
        rows = tbl.findall(_w("tr"))
        if len(rows) > 1:
            header = rows[0].find(f"{_w('trPr')}/{_w('tblHeader')}")
            if header is None or header.get(_w("val"), "true") in ("0", "false", "off"):
                self.add(where, "", "table-header-missing",
                         "Tabellen saknar rubrikrad. Markera första raden som rubrikrad (Tabellegenskaper → Rad → "
                         "Upprepa som rubrikrad överst på varje sida), så att skärmläsare hittar kolumnrubrikerna.")
        tblpr = tbl.find(_w("tblPr"))
        style_el = tblpr.find(_w("tblStyle")) if tblpr is not None else None
        style_id = style_el.get(_w("val")) if style_el is not None else None
        look = tblpr.find(_w("tblLook")) if tblpr is not None else None
        first_row_on = True
        if look is not None:
            if look.get(_w("firstRow")) is not None:
                first_row_on = look.get(_w("firstRow")) in ("1", "true", "on")
            elif look.get(_w("val")):
                first_row_on = bool(int(look.get(_w("val")), 16) & 0x0020)
        for r, row in enumerate(rows, start=1):
            for c, cell in enumerate(row.findall(_w("tc")), start=1):
                ctx = {"style": style_id, "first_row": r == 1 and first_row_on, "cell": cell}
                self._blocks(cell, f"{where}, rad {r}, kolumn {c}, ", ctx)

    def _paragraph(self, p, where: str, table_ctx) -> None:
        runs = [r for r in p.iter(_w("r")) if _nearest_p(r) is p]
        text = "".join(t.text or "" for r in runs for t in r.findall(_w("t")))
        self._heading(p, where, text)
        self._drawings(p, where)
        texted = [(r, "".join(t.text or "" for t in r.findall(_w("t")))) for r in runs]
        texted = [(r, t) for r, t in texted if t.strip()]
        if texted:
            self._runs(p, where, texted, table_ctx)
        for box in p.iter(f"{{{W}}}txbxContent"):
            if _nearest_p(box) is p:
                self._blocks(box, f"{where}, textruta, ", table_ctx=None)

    # -- headings
    def _heading_level(self, p) -> int | None:
        ppr = p.find(_w("pPr"))
        outline = ppr.find(_w("outlineLvl")) if ppr is not None else None
        style_el = ppr.find(_w("pStyle")) if ppr is not None else None
        style_id = style_el.get(_w("val")) if style_el is not None else self.default_pstyle
        if outline is None:
            for style in self._style_chain(style_id):
                found = style.find(f"{_w('pPr')}/{_w('outlineLvl')}")
                if found is not None:
                    outline = found
                    break
        if outline is not None:
            try:
                level = int(outline.get(_w("val"), "9"))
            except ValueError:
                return None
            return level + 1 if level < 9 else None
        for style in self._style_chain(style_id):
            name = style.find(_w("name"))
            match = re.fullmatch(r"heading (\d)", (name.get(_w("val"), "") if name is not None else "").lower())
            if match:
                return int(match.group(1))
        return None

    def _heading(self, p, where: str, text: str) -> None:
        level = self._heading_level(p)
        if level is None or not text.strip():
            return
        if level > self._last_heading + 1:
            before = (f"rubriknivå {self._last_heading}" if self._last_heading else "ingen tidigare rubrik")
            self.add(where, "", "heading-skip",
                     f"Rubriken ”{_quote(text, 60)}” har nivå {level} men närmast före finns {before}. Hoppa inte "
                     f"över rubriknivåer: använd Rubrik {self._last_heading + 1} här eller lägg till den nivå som fattas.")
        self._last_heading = level

    # -- pictures and shapes
    def _drawings(self, p, where: str) -> None:
        for docpr in p.iter(f"{{{WP}}}docPr"):
            if _nearest_p(docpr) is not p:
                continue
            container = docpr.getparent()
            data = container.find(f".//{_a('graphicData')}")
            uri = data.get("uri", "") if data is not None else ""
            if uri.endswith("/picture"):
                what = "Bilden"
            elif uri.endswith("/chart"):
                what = "Diagrammet"
            elif uri.endswith("/diagram"):
                what = "SmartArt-grafiken"
            elif uri.endswith("wordprocessingGroup"):
                what = "Gruppen"
            elif uri.endswith("wordprocessingShape"):
                has_text = bool("".join(t.text or "" for t in container.iter(_w("t"))).strip())
                has_pic = container.find(f".//{_a('blip')}") is not None
                what = "Formen" if has_text or has_pic else None
            else:
                what = "Objektet" if uri else None
            if what is None:
                continue
            problem = _alt_problem(docpr)
            name = docpr.get("name", "")
            if problem == "missing":
                self.add(where, name, "alt-text-missing",
                         f"{what} saknar alternativtext. Beskriv vad den visar (Alternativtext), eller markera den "
                         "som dekorativ om den inte bär information.")
            elif problem == "filename":
                self.add(where, name, "alt-text-missing",
                         f"{what} har ett filnamn som alternativtext (”{docpr.get('descr')}”). Beskriv vad den visar, "
                         "eller markera den som dekorativ.")

    # -- run properties
    def _style_chain(self, style_id: str | None) -> list:
        chain, seen = [], set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            chain.append(style)
            based = style.find(_w("basedOn"))
            style_id = based.get(_w("val")) if based is not None else None
        return chain

    def _rpr_chain(self, p, r, table_ctx) -> list:
        """run rPr → character style chain → paragraph style chain → table style (first-row
        conditional, then whole table) → docDefaults."""
        chain = []
        rpr = r.find(_w("rPr"))
        if rpr is not None:
            chain.append(rpr)
            rstyle = rpr.find(_w("rStyle"))
            if rstyle is not None:
                chain += [s.find(_w("rPr")) for s in self._style_chain(rstyle.get(_w("val")))]
        ppr = p.find(_w("pPr"))
        pstyle = ppr.find(_w("pStyle")) if ppr is not None else None
        chain += [s.find(_w("rPr")) for s in self._style_chain(pstyle.get(_w("val")) if pstyle is not None
                                                                else self.default_pstyle)]
        if table_ctx and table_ctx.get("style"):
            for style in self._style_chain(table_ctx["style"]):
                if table_ctx["first_row"]:
                    for cond in style.findall(_w("tblStylePr")):
                        if cond.get(_w("type")) == "firstRow":
                            chain.append(cond.find(_w("rPr")))
                chain.append(style.find(_w("rPr")))
        chain.append(self.doc_defaults)
        return [el for el in chain if el is not None]

    def _cell_shading(self, table_ctx):
        tcpr = table_ctx["cell"].find(_w("tcPr"))
        shd = tcpr.find(_w("shd")) if tcpr is not None else None
        if shd is not None:
            return _shading(shd)
        for style in self._style_chain(table_ctx.get("style")):
            if table_ctx["first_row"]:
                for cond in style.findall(_w("tblStylePr")):
                    if cond.get(_w("type")) == "firstRow":
                        found = cond.find(f"{_w('tcPr')}/{_w('shd')}")
                        if found is not None and _shading(found):
                            return _shading(found)
            found = style.find(f"{_w('tcPr')}/{_w('shd')}")
            if found is not None and _shading(found):
                return _shading(found)
        return None

    def _color(self, chain) -> RGB | None:
        for rpr in chain:
            color = rpr.find(_w("color"))
            if color is None:
                continue
            value = color.get(_w("val"), "")
            if value == "auto":
                return None  # Word picks black or white against the background
            rgb = _hex(value)
            if rgb is None and color.get(_w("themeColor")):
                name = {"text1": "dk1", "text2": "dk2", "background1": "lt1", "background2": "lt2",
                        "dark1": "dk1", "dark2": "dk2", "light1": "lt1", "light2": "lt2",
                        "hyperlink": "hlink", "followedHyperlink": "folHlink"}.get(color.get(_w("themeColor")),
                                                                                  color.get(_w("themeColor")))
                rgb = self.theme.colors.get(name)
            return rgb
        return None

    def _runs(self, p, where: str, runs: list, table_ctx) -> None:
        missing, other, worst = [], [], None
        ppr = p.find(_w("pPr"))
        para_shd = _shading(ppr.find(_w("shd"))) if ppr is not None and ppr.find(_w("shd")) is not None else None
        for r, text in runs:
            chain = self._rpr_chain(p, r, table_ctx)
            lang = next((el.find(_w("lang")).get(_w("val")) for el in chain
                         if el.find(_w("lang")) is not None and el.find(_w("lang")).get(_w("val"))), None)
            if not lang:
                missing.append(text)
            elif lang.lower() != SWEDISH.lower():
                other.append((lang, text))
            fg = self._color(chain)
            if fg is None:
                continue
            rpr = r.find(_w("rPr"))
            highlight = rpr.find(_w("highlight")) if rpr is not None else None
            run_shd = rpr.find(_w("shd")) if rpr is not None else None
            bg = None
            if highlight is not None and highlight.get(_w("val")) not in (None, "none"):
                bg = _hex(HIGHLIGHT_COLORS.get(highlight.get(_w("val")), ""))
            bg = bg or (_shading(run_shd) if run_shd is not None else None) or para_shd
            bg = bg or (self._cell_shading(table_ctx) if table_ctx else None) or self.page
            size = next((int(el.find(_w("sz")).get(_w("val"), "20")) / 2 for el in chain
                         if el.find(_w("sz")) is not None), 10.0)
            bold_el = next((el.find(_w("b")) for el in chain if el.find(_w("b")) is not None), None)
            bold = bold_el is not None and bold_el.get(_w("val"), "true") not in ("0", "false", "off")
            ratio, needed = contrast_ratio(fg, bg), _needed_ratio(size, bold)
            if ratio < needed and (worst is None or ratio / needed < worst[0] / worst[1]):
                worst = (ratio, needed, fg, bg, text)
        if missing:
            self.add(where, "", "lang-missing",
                     f"{_count(len(missing), 'textavsnitt')} saknar språk, t.ex. ”{_quote(missing[0])}”. Markera "
                     "texten som svenska (sv-SE) – helst i formatmallen Normal – så att skärmläsare läser rätt.")
        if other:
            langs = ", ".join(sorted({lang for lang, _ in other}))
            self.add(where, "", "lang-not-sv",
                     f"{_count(len(other), 'textavsnitt')} har språket {langs}, t.ex. ”{_quote(other[0][1])}”. "
                     "Markera texten som svenska (sv-SE).")
        if worst:
            ratio, needed, fg, bg, text = worst
            self.add(where, "", "contrast-low", _contrast_message(ratio, needed, fg, bg, text))


def _docx_children(container):
    """Block-level children, looking through content controls and custom XML."""
    for el in container:
        tag = _local(el)
        if tag in ("sdt", "customXml"):
            content = el.find(_w("sdtContent")) if tag == "sdt" else el
            if content is not None:
                yield from _docx_children(content)
        elif tag in ("p", "tbl"):
            yield el


def _nearest_p(el):
    parent = el.getparent()
    while parent is not None and parent.tag != _w("p"):
        parent = parent.getparent()
    return parent


def _shading(shd) -> RGB | None:
    if shd is None:
        return None
    pattern = shd.get(_w("val"), "clear")
    if pattern == "nil":
        return None
    if pattern == "solid":
        return _hex(shd.get(_w("color"), ""))
    return _hex(shd.get(_w("fill"), ""))


# ------------------------------------------------------------------------------------ entry points
def run_review(paths: list[Path], render: bool | None = None, labels: list[str] | None = None) -> ReviewResult:
    """Review every file; raise ReviewError for one that cannot be read (nothing is reviewed then)."""
    paths = [Path(p) for p in paths]
    labels = labels or [str(p) for p in paths]
    opened = []
    for path, label in zip(paths, labels):
        kind = detect_kind(path)
        opened.append((kind, path, label, _open(path, kind)))
    result = ReviewResult()
    decks = []
    for kind, path, label, obj in opened:
        if kind == "pptx":
            deck = _DeckReview(path, obj, label)
            deck.run()
            decks.append(deck)
        else:
            doc = _DocxReview(path, obj, label)
            result.findings += doc.run()
    if decks:
        available, why = rendering_available()
        if render is True and not available:
            raise ReviewError(f"Kan inte rendera presentationerna för att mäta överflöd: {why}. Kör utan --render "
                              "för en uppskattning med teckensnittsmått.")
        measured = False
        if render is not False and available:
            from .pdf import PdfError

            try:
                _render_overflow(decks)
                measured = True
                result.overflow_method = "rendered"
            except PdfError as err:
                if render is True:
                    raise ReviewError(str(err)) from None
                result.notes.append(f"Rendering misslyckades ({err}); överflöd uppskattas i stället.")
        if not measured:
            for deck in decks:
                _estimate_overflow(deck)
            result.overflow_method = "estimated"
            if render is None:
                result.notes.append(f"Överflöd uppskattat med teckensnittsmått ({why or 'rendering avstängd'}).")
        for deck in decks:
            result.findings += deck.findings
    order = {label: i for i, label in enumerate(labels)}
    result.findings.sort(key=lambda f: (order.get(f.file, 0), _location_key(f.location)))
    return result


def _location_key(location: str) -> tuple:
    """'presentationen' first, then slides/paragraphs/tables by number (stable within one place)."""
    numbers = tuple(int(n) for n in re.findall(r"\d+", location))
    return (bool(numbers), location.split(" ")[0] if numbers else "", numbers)


def review(paths: list[Path], render: bool | None = None) -> list[Finding]:
    """Findings for every file. render: True = measure overflow in a LibreOffice PDF, False =
    estimate from font metrics, None = render when LibreOffice and PyMuPDF are available."""
    return run_review(paths, render).findings


@click.command("granska")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Skriv fynden som JSON (för skript).")
@click.option("--render/--no-render", default=None,
              help="Mät överflöd i en PDF från LibreOffice (--render) eller uppskatta med teckensnittsmått "
                   "(--no-render). Standard: rendera om LibreOffice finns.")
@click.pass_context
def cli_granska(ctx: click.Context, files: tuple[Path, ...], as_json: bool, render: bool | None) -> None:
    """Granska tillgänglighet och passform i .pptx- och .docx-filer.

    Kontrollerar rubriker på bilder, språk (sv-SE), alternativtext, rubrikrader i tabeller,
    rubriknivåer, textstorlek, kontrast och text som inte får plats. Slutstatus 0 utan fynd,
    1 med fynd, 2 om en fil inte kan läsas.
    """
    errors, readable = [], []
    for path in files:
        try:
            detect_kind(path)
            readable.append(path)
        except ReviewError as err:
            errors.append(str(err))
    result = ReviewResult()
    if readable:
        try:
            result = run_review(readable, render)
        except ReviewError as err:
            errors.append(str(err))
    if as_json:
        click.echo(json.dumps({"findings": [f.as_dict() for f in result.findings], "errors": errors,
                               "overflow": result.overflow_method, "notes": result.notes},
                              ensure_ascii=False, indent=1))
    else:
        for finding in result.findings:
            click.echo(finding.format())
        for note in result.notes:
            click.echo(f"Obs: {note}", err=True)
        for error in errors:
            click.echo(f"Fel: {error}", err=True)
        if readable:
            count = len(result.findings)
            click.echo(f"{count} fynd i {len(readable)} {'fil' if len(readable) == 1 else 'filer'}.", err=True)
    ctx.exit(2 if errors else 1 if result.findings else 0)
