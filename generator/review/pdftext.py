"""Text lines with their boxes from a PDF, read with pdfium (pypdfium2): what the rendered
overflow review measures.

pdfium gives every glyph with its origin, advance, font and size; the lines are built here, in
the order the glyphs are drawn. A glyph that starts 0.8 em or more from where the previous one
ended, along its baseline or across it, begins a new line: so two columns or two table cells side
by side stay apart. A gap of 0.15–0.3 em becomes a space in the text that follows; a wider one
(between a list bullet and its text) a span of its own holding one space. Within a line, a span
is a run of one font, size and colour: a list bullet is usually drawn in a font of its own.

Boxes are in points from the page's top left corner. A glyph's box is its em box: from its origin
to its advance horizontally, 0.8 em above the baseline to 0.2 em below it vertically. That is
the font size, whatever ascent the font declares: LibreOffice's PDFs declare none. A glyph whose
box lies wholly outside the page is left out: nobody sees it.

These are the lines and boxes PyMuPDF's "dict" text extraction gives for LibreOffice's PDFs
(measured on the sample deck and decks made to overflow); PyMuPDF is AGPL, pdfium is not.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c

Box = tuple[float, float, float, float]  # x0, y0, x1, y1

ASCENT_EM, DESCENT_EM = 0.8, 0.2
LINE_EM = 0.8  # a glyph this far from the previous one's end (along or across the baseline) starts a line
SPACE_EM = 0.15  # a gap narrower than this is kerning; a wider one is a space …
GAP_EM = 0.3  # … in the text that follows, or if wider than this, a span of its own (a bullet's gap)
GAP_STYLE = ("", 0.0, ())  # the style of such a span


@dataclass(frozen=True)
class Span:
    """A run of text in one font, size and colour."""

    text: str
    box: Box
    font: str
    size: float


@dataclass(frozen=True)
class Line:
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)

    @property
    def box(self) -> Box:
        return union(span.box for span in self.spans)


def union(boxes) -> Box:
    boxes = list(boxes)
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


@dataclass
class _Glyph:
    char: str
    origin: tuple[float, float]  # on the page, y downwards
    end: tuple[float, float]  # origin + advance
    box: Box
    up: tuple[float, float]  # unit vector from the baseline towards the top of the glyph
    size: float  # em, in points on the page
    style: tuple  # (font, size, colour): a change starts a new span


def pdf_lines(path: Path) -> list[list[Line]]:
    """The text lines of every page of a PDF, in the order they are drawn."""
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return [page_lines(pdf[index]) for index in range(len(pdf))]
    finally:
        pdf.close()


def page_lines(page) -> list[Line]:
    """The text lines of one pypdfium2 page."""
    left, bottom, right, top = page.get_cropbox()
    width, height = right - left, top - bottom
    text_page = page.get_textpage()
    try:
        read = _GlyphReader(text_page, left, top)
        glyphs = [glyph for index in range(text_page.count_chars()) if (glyph := read(index))]
    finally:
        text_page.close()
    return _lines([g for g in glyphs if g.box[2] > 0 and g.box[0] < width and g.box[3] > 0 and g.box[1] < height])


class _GlyphReader:
    """pdfium's glyphs of one text page, reusing the ctypes buffers pdfium fills (pypdfium2 4 and 5)."""

    def __init__(self, text_page, left: float, top: float):
        self.text_page, self.left, self.top = text_page, left, top
        self.matrix = pdfium_c.FS_MATRIX()
        self.rect = pdfium_c.FS_RECTF()
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.name = ctypes.create_string_buffer(128)
        self.rgba = [ctypes.c_uint() for _ in range(4)]

    def __call__(self, index: int) -> _Glyph | None:
        """One drawn character (None for the spaces and line breaks pdfium adds between them)."""
        text_page = self.text_page
        if pdfium_c.FPDFText_IsGenerated(text_page, index) == 1:
            return None
        code = pdfium_c.FPDFText_GetUnicode(text_page, index)
        if code == 2:
            code = ord("-")  # pdfium's mark for a hyphen that ends a line
        matrix = self.matrix
        if code in (0, 0xFFFE, 0xFFFF) or not pdfium_c.FPDFText_GetMatrix(text_page, index, matrix):
            return None
        length = math.hypot(matrix.a, matrix.b) or 1.0
        dx, dy = matrix.a / length + 0.0, -matrix.b / length + 0.0  # writing direction, y down; no -0.0
        # pdfium's em size is before the text matrix and the page's transformation
        size = pdfium_c.FPDFText_GetFontSize(text_page, index) * (math.hypot(matrix.c, matrix.d) or 1.0)
        pdfium_c.FPDFText_GetCharOrigin(text_page, index, ctypes.byref(self.x), ctypes.byref(self.y))
        x, y = self.x.value, self.y.value
        advance = self._advance(index, x, y, dx, -dy)
        origin = (x - self.left, self.top - y)
        end = (origin[0] + dx * advance, origin[1] + dy * advance)
        up = (dy, -dx)
        return _Glyph(chr(code), origin, end, _em_box(origin, end, up, size), up, size, self._style(index, size))

    def _advance(self, index: int, x: float, y: float, dx: float, dy: float) -> float:
        """How far the glyph at (x, y) moves the pen along (dx, dy) (PDF coordinates, y up): the
        length of its loose box along the baseline. Older pdfium (pypdfium2 4) gives no loose box
        for turned text: then the far edge of its ink (a side bearing short)."""
        rect = self.rect
        pdfium_c.FPDFText_GetLooseCharBox(self.text_page, index, rect)
        corners = [(rect.left, rect.bottom), (rect.right, rect.top)]
        if rect.left == rect.right and rect.bottom == rect.top:
            left, right, bottom, top = (ctypes.c_double() for _ in range(4))
            pdfium_c.FPDFText_GetCharBox(self.text_page, index, *(ctypes.byref(v) for v in (left, right, bottom, top)))
            corners = [(left.value, bottom.value), (right.value, top.value)]
        xs, ys = (corners[0][0], corners[1][0]), (corners[0][1], corners[1][1])
        return max([0.0] + [(cx - x) * dx + (cy - y) * dy for cx in xs for cy in ys])

    def _style(self, index: int, size: float) -> tuple:
        pdfium_c.FPDFText_GetFontInfo(self.text_page, index, self.name, len(self.name), None)
        pdfium_c.FPDFText_GetFillColor(self.text_page, index, *(ctypes.byref(c) for c in self.rgba))
        return (self.name.value.decode("utf-8", "replace"), round(size, 2), tuple(c.value for c in self.rgba))


def _em_box(start: tuple[float, float], end: tuple[float, float], up: tuple[float, float], size: float) -> Box:
    """The box of an em along a baseline from `start` to `end`: 0.8 em above it, 0.2 em below."""
    ux, uy = up
    above, below = ASCENT_EM * size, DESCENT_EM * size
    if up == (0.0, -1.0):  # upright text, nearly always
        return (min(start[0], end[0]), min(start[1], end[1]) - above, max(start[0], end[0]),
                max(start[1], end[1]) + below)
    corners = [(x + ux * h, y + uy * h) for x, y in (start, end) for h in (above, -below)]
    return (min(x for x, _ in corners), min(y for _, y in corners), max(x for x, _ in corners),
            max(y for _, y in corners))


def _lines(glyphs: list[_Glyph]) -> list[Line]:
    """Glyphs in drawing order → lines of spans (see the module docstring)."""
    lines: list[list[list]] = []  # line → spans → [text, boxes, style]
    previous: _Glyph | None = None
    for glyph in glyphs:
        step = _step(previous, glyph)
        reach = LINE_EM * glyph.size
        if step is None or abs(step[0]) >= reach or abs(step[1]) >= reach:
            lines.append([])
        elif step[0] >= SPACE_EM * glyph.size and not (glyph.char.isspace() or previous.char.isspace()):
            box = _gap_box(previous.end, glyph)
            if step[0] > GAP_EM * glyph.size:
                lines[-1].append([" ", [box], GAP_STYLE])
            else:
                lines[-1].append([" ", [box], glyph.style])
        spans = lines[-1]
        if not spans or spans[-1][2] != glyph.style:
            spans.append(["", [], glyph.style])
        spans[-1][0] += glyph.char
        spans[-1][1].append(glyph.box)
        previous = glyph
    return [Line(tuple(Span(text, union(boxes), style[0], style[1]) for text, boxes, style in spans))
            for spans in lines]


def _step(previous: _Glyph | None, glyph: _Glyph) -> tuple[float, float] | None:
    """How far `glyph` starts from where `previous` ended: along the baseline and across it; None
    when there is no previous glyph or it runs in another direction."""
    if previous is None or previous.up != glyph.up:
        return None
    if math.dist(previous.origin, glyph.origin) < 0.01:
        return 0.0, 0.0  # one glyph for several characters (a ligature: 'ti', 'ff'): pdfium repeats it
    ux, uy = glyph.up
    dx, dy = glyph.origin[0] - previous.end[0], glyph.origin[1] - previous.end[1]
    return dx * -uy + dy * ux, dx * ux + dy * uy


def _gap_box(pen: tuple[float, float], glyph: _Glyph) -> Box:
    """The box of the space put into a gap: from where the previous glyph ended to where `glyph`
    starts, the height of `glyph`'s em on both baselines."""
    return _em_box(pen, glyph.origin, glyph.up, glyph.size)
