"""OOXML facts shared by the renderers and the review: namespaces, units, placeholders, alt text.

Plain lxml on the package's XML, no python-pptx or python-docx: the deck renderer passes the
elements python-pptx wraps, the review passes elements it parsed itself, and both resolve
placeholder inheritance the same way (`placeholder_chain`).
"""

from __future__ import annotations

from lxml import etree

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
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

# The main part of a template, a show or a macro-enabled file differs from a .pptx / .docx only in
# its content type (and, with macros, the relationships to the macro project): each of these is
# opened as the document type it maps to.
PPTX_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
AS_DOCUMENT = {
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml": PPTX_MAIN,  # .potx
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml": PPTX_MAIN,  # .ppsx
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": PPTX_MAIN,  # .pptm
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml": PPTX_MAIN,  # .potm
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml": PPTX_MAIN,  # .ppsm
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": DOCX_MAIN,  # .dotx
    "application/vnd.ms-word.document.macroEnabled.main+xml": DOCX_MAIN,  # .docm
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": DOCX_MAIN,  # .dotm
}
# What only a macro-enabled file may relate its main part to: the VBA project, Word's key map
# customisations and attached toolbars. A .pptx / .docx holding them does not open.
MACRO_RELS = frozenset(
    f"http://schemas.microsoft.com/office/2006/relationships/{kind}"
    for kind in ("vbaProject", "keyMapCustomizations", "attachedToolbars")
)

LANG = "sv-SE"
EMU_PER_PT = 12700


def a(tag: str) -> str:
    return f"{{{A}}}{tag}"


def p(tag: str) -> str:
    return f"{{{P}}}{tag}"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def c(tag: str) -> str:
    return f"{{{C}}}{tag}"


def local(el) -> str:
    """The tag without its namespace ('' for comments and processing instructions)."""
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def pt(emu: int) -> float:
    return emu / EMU_PER_PT


def emu(points: float) -> int:
    return int(round(points * EMU_PER_PT))


# ---------------------------------------------------------------- placeholders

TITLE_TYPES = ("title", "ctrTitle")
FRAME_TYPES = ("dt", "ftr", "sldNum", "hdr")  # date, footer, slide number, header
_PH_PATHS = tuple(f"{p(nv)}/{p('nvPr')}/{p('ph')}" for nv in ("nvSpPr", "nvPicPr", "nvGraphicFramePr"))


def ph_element(el):
    """The p:ph element of a shape element, or None (plain find: no XPath compiled per call)."""
    for path in _PH_PATHS:
        found = el.find(path)
        if found is not None:
            return found
    return None


def ph_key(el) -> tuple[str, int] | None:
    """(type, idx) of a placeholder shape element ('obj' and 0 when unstated), or None."""
    ph = ph_element(el)
    if ph is None:
        return None
    try:
        idx = int(ph.get("idx", "0"))
    except ValueError:
        idx = 0
    return ph.get("type", "obj"), idx


def ph_class(ph_type: str) -> str:
    """What a placeholder inherits as: 'title', a frame type (dt, ftr, sldNum, hdr) or 'body'."""
    if ph_type in TITLE_TYPES:
        return "title"
    if ph_type in FRAME_TYPES:
        return ph_type
    return "body"


def placeholders(tree) -> list[tuple[object, tuple[str, int]]]:
    """Every placeholder shape element under `tree` with its (type, idx), in document order."""
    out = []
    for el in tree.iter(p("sp"), p("pic"), p("graphicFrame")):
        key = ph_key(el)
        if key is not None:
            out.append((el, key))
    return out


def layout_placeholder(layout_tree, key: tuple[str, int]):
    """The layout placeholder a slide placeholder inherits from: the same idx (of the same kind
    for idx 0), else the first of the same kind."""
    found = placeholders(layout_tree)
    ph_type, idx = key
    for el, (kind, i) in found:
        if i == idx and (idx != 0 or ph_class(kind) == ph_class(ph_type)):
            return el
    for el, (kind, _) in found:
        if ph_class(kind) == ph_class(ph_type):
            return el
    return None


def master_placeholder(master_tree, ph_type: str):
    """The master placeholder of the same kind (title, body, date, footer, slide number)."""
    for el, (kind, _) in placeholders(master_tree):
        if ph_class(kind) == ph_class(ph_type):
            return el
    return None


def placeholder_chain(el, layout_tree=None, master_tree=None) -> list:
    """The shape and the placeholders it inherits from, nearest first (slide → layout → master).

    For a layout's own placeholder pass `layout_tree=None`: the chain is layout → master.
    """
    key = ph_key(el)
    chain = [el]
    if key is None:
        return chain
    if layout_tree is not None:
        inherited = layout_placeholder(layout_tree, key)
        if inherited is not None:
            chain.append(inherited)
    if master_tree is not None:
        inherited = master_placeholder(master_tree, key[0])
        if inherited is not None:
            chain.append(inherited)
    return chain


def body_pr_chain(chain: list) -> list:
    """The a:bodyPr elements of a placeholder chain, nearest first."""
    found = []
    for el in chain:
        body = el.find(f"{p('txBody')}/{a('bodyPr')}")
        if body is not None:
            found.append(body)
    return found


# ---------------------------------------------------------------- names and alt text

_NV = ("nvSpPr", "nvGrpSpPr", "nvGraphicFramePr", "nvCxnSpPr", "nvPicPr")


def cnvpr(el):
    """The p:cNvPr (name, alt text) of a shape element, or None."""
    for nv in _NV:
        found = el.find(f"{p(nv)}/{p('cNvPr')}")
        if found is not None:
            return found
    return None


def set_alt_text(el, text: str) -> None:
    node = cnvpr(el)
    if node is not None:
        node.set("descr", text[:4000])


def mark_decorative(el) -> None:
    """Flag a shape as decorative (Office's adec extension): screen readers skip it."""
    node = cnvpr(el)
    ext_lst = etree.SubElement(node, a("extLst"))
    ext = etree.SubElement(ext_lst, a("ext"), uri=DECORATIVE_URI)
    etree.SubElement(ext, f"{{{ADEC}}}decorative", nsmap={"adec": ADEC}, val="1")


def is_decorative(node) -> bool:
    """Whether a cNvPr carries the decorative flag."""
    if node is None:
        return False
    for ext in node.iter(a("ext")):
        if ext.get("uri") == DECORATIVE_URI:
            flag = ext.find(f"{{{ADEC}}}decorative")
            return flag is not None and flag.get("val", "1") in ("1", "true")
    return False
