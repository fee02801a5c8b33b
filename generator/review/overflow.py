"""Text that does not fit: estimated from font metrics, or measured in a PDF that LibreOffice
renders (the method of the shared overflow_check.py: autofit off, canvas grown so text that
leaves the slide is still drawn and can be measured)."""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from pptx import Presentation

from ..fontmetrics import metrics
from ..formatting import shorten, sv_number
from ..ooxml import EMU_PER_PT, a, local, p
from ..pdf import INSTALL_HINT, convert_to_pdf, find_soffice
from ..sanitize import INVISIBLE
from .pdftext import Box, Line, pdf_lines, union
from .rules import QUOTE
from .shapes import Shape, flatten, slide_parts, sp_tree
from .slides import DeckReview
from .textstyle import Para, TextContext, emu_attr_pt

TOLERANCE_PT = 2.0
SIDES = {"bottom": "nedtill", "top": "upptill", "right": "till höger", "left": "till vänster"}
GROW = (2, 8)  # canvas grown so text that leaves the slide still renders and can be measured
BULLETS = set("•◦▪▫■□●○–—-‣⁃∙·\uf0b7\uf0a7\uf0d8")
DASHES = set("–—-")  # a bullet only before a space: "-9 876,5" is a negative number, "–2" a range's end
_WS = re.compile(r"\s+")
# What no rendering shows: soft hyphens (unless at a line end), zero-width spaces and joiners, BOM,
# and the vertical tab (PowerPoint's line break).
_INVISIBLE = re.compile(f"[{INVISIBLE}\x0b]")
_AUTONUMBER = re.compile(r"^(\(?[0-9]+[.)]|\(?[a-zA-Z][.)]|[ivxIVX]+[.)])\s*")


# ------------------------------------------------------------------------------------ estimated
def estimate_overflow(deck: DeckReview) -> None:
    """Overflow of slide text boxes from font metrics (no LibreOffice): greedy wrapping at spaces."""
    for number, slide in enumerate(deck.prs.slides, start=1):
        parts = slide_parts(slide)
        for shape in parts.shapes:
            txbody = shape.text_body()
            if txbody is None or shape.box is None or not "".join(t.text or "" for t in txbody.iter(a("t"))).strip():
                continue
            result = _measure(deck.text_context(shape, parts), txbody, shape.box)
            if result is None:
                continue
            side, needed, available, exact = result
            how = "uppskattat med teckensnittets mått" if exact else "grovt uppskattat: teckensnittet finns inte här"
            needed_pt, available_pt = (sv_number(v, 0, plain=True, trim=True) for v in (needed, available))
            if side == "bottom":
                detail = f"den behöver ca {needed_pt} pt på höjden men rutan rymmer {available_pt} pt"
            else:
                detail = f"en rad är ca {needed_pt} pt bred men rutan rymmer {available_pt} pt"
            deck.add(f"bild {number}", shape.name, "text-overflow",
                     f"Texten får troligen inte plats i rutan ({SIDES[side]}): {detail} ({how}). Korta texten, "
                     "gör rutan större eller dela upp innehållet.")


def _measure(ctx: TextContext, txbody, box) -> tuple[str, float, float, bool] | None:
    """(side, needed pt, available pt, exact metrics?) or None when the text fits."""
    if ctx.body_value(lambda b: b.get("vert")) not in (None, "horz"):
        return None  # vertical text: not estimated
    wrap = ctx.body_value(lambda b: b.get("wrap")) != "none"
    insets = [emu_attr_pt(ctx.body_value(lambda b, k=k: b.get(k)), d)
              for k, d in (("lIns", 7.2), ("rIns", 7.2), ("tIns", 3.6), ("bIns", 3.6))]
    width = (box[2] - box[0]) / EMU_PER_PT - insets[0] - insets[1]
    height = (box[3] - box[1]) / EMU_PER_PT - insets[2] - insets[3]
    if width <= 0 or height <= 0:
        return None
    total, widest, exact = 0.0, 0.0, True
    for index, para in enumerate(ctx.paragraphs(txbody)):
        left = max(0.0, para.margin_left + min(0.0, para.indent))
        sizes = [r.size for r in para.runs if r.text] or [para.end_size]
        size = max(sizes)
        family = next((r.family for r in para.runs if r.text), ctx.theme.minor_font)
        font = metrics(family, any(r.bold for r in para.runs))
        exact = exact and font.exact
        lines = _wrap_lines(para, width - para.margin_left if wrap else float("inf"))
        widest = max([widest] + [w + left for w in lines])
        kind, value = para.line_spacing
        line_height = value if kind == "pts" else font.line_height(size, value)
        before, after = (value * size * 1.2 if kind == "pct" else value
                         for kind, value in (para.space_before, para.space_after))
        total += (before if index else 0.0) + line_height * len(lines) + after
    if total > height + TOLERANCE_PT:
        return "bottom", total, height, exact
    if widest > width + TOLERANCE_PT:
        return "right", widest, width, exact
    return None


def _wrap_lines(para: Para, width: float) -> list[float]:
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


# ------------------------------------------------------------------------------------ rendered
def rendering_available() -> tuple[bool, str]:
    """Whether overflow can be measured in a rendered PDF, and if not why (Swedish)."""
    if find_soffice() is None:
        return False, f"LibreOffice saknas ({INSTALL_HINT})"
    return True, ""


def render_overflow(decks: list[DeckReview], timeout: float = 300) -> None:
    """Render every deck in one LibreOffice run and report text outside its box or the slide."""
    tmp = Path(tempfile.mkdtemp(prefix="vpgen-granska-"))
    try:
        copies = []
        for i, deck in enumerate(decks):
            copy = tmp / f"deck{i}.pptx"
            _prepare_render_copy(deck.path, copy)
            copies.append(copy)
        pdfs = convert_to_pdf(copies, tmp / "pdf", timeout=timeout)
        for deck, pdf in zip(decks, pdfs):
            check_rendered(deck, pdf_lines(pdf))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _prepare_render_copy(src: Path, dst: Path) -> None:
    """A copy for measuring: no autofit anywhere on the slides (text at its nominal size, as
    PowerPoint shows it before anyone edits the box) and a canvas grown GROW times."""
    prs = Presentation(str(src))
    for slide in prs.slides:
        for body in slide.element.iter(a("bodyPr")):
            if body.getparent() is None or local(body.getparent()) != "txBody" or \
                    local(body.getparent().getparent()) != "sp":
                continue
            for child in list(body):
                if local(child) in ("normAutofit", "spAutoFit", "noAutofit"):
                    body.remove(child)
            position = 1 if len(body) and local(body[0]) == "prstTxWarp" else 0
            body.insert(position, etree.Element(a("noAutofit")))
    size = prs.element.find(p("sldSz"))
    size.set("cx", str(int(prs.slide_width * GROW[0])))
    size.set("cy", str(int(prs.slide_height * GROW[1])))
    prs.save(str(dst))


@dataclass
class TextItem:
    """A shape's text as the rendered page is matched against it."""

    name: str
    kind: str  # text, field (a date field: renders today's date), table
    key: str  # its text without whitespace
    box: Box  # on the slide, pt
    lines: int = 0  # rendered lines matched to it
    chars: int = 0  # and their characters
    over: dict = field(default_factory=dict)  # side → [lines, most pt, first line's text]


@dataclass
class PageLine:
    text: str  # bullets stripped
    key: str
    box: Box


def check_rendered(deck: DeckReview, pages: list[list[Line]]) -> None:
    """Report, slide by slide, rendered lines outside their shape or the slide, and shapes whose
    text is missing from the page (hidden slides are not rendered)."""
    slide_w, slide_h = deck.prs.slide_width / EMU_PER_PT, deck.prs.slide_height / EMU_PER_PT
    visible = [(n, s) for n, s in enumerate(deck.prs.slides, start=1) if s.element.get("show") not in ("0", "false")]
    for (number, slide), page in zip(visible, pages):
        layout, master = slide.slide_layout, slide.slide_layout.slide_master
        shapes = flatten(sp_tree(slide.element), sp_tree(layout.element), sp_tree(master.element))
        items = _text_items(shapes)
        # charts, SmartArt and objects render their own text (axis labels …): not slide text
        frames = [_pt_box(s.box) for s in shapes if s.box is not None and s.kind == "graphicFrame" and not s.is_table()]
        off_page, matched = [], {}
        for line in page_lines(page):
            item = _match_line(line, items)
            cx, cy = (line.box[0] + line.box[2]) / 2, (line.box[1] + line.box[3]) / 2
            if any(_inside(cx, cy, f) for f in frames) and (item is None or not _inside(cx, cy, item.box)):
                continue
            extent = max(-line.box[0], -line.box[1], line.box[2] - slide_w, line.box[3] - slide_h)
            if extent > TOLERANCE_PT:
                off_page.append((extent, line.text, item.name if item else ""))
            if item is not None:
                matched.setdefault(id(item), item)
                _count_line(item, line)
        _report(deck, f"bild {number}", items, list(matched.values()), off_page)


def _text_items(shapes: list[Shape]) -> list[TextItem]:
    items = []
    for shape in shapes:
        if shape.box is None:
            continue
        if shape.kind == "sp" and shape.text_body() is not None:
            texts = ["".join(t.text or "" for t in para.iter(a("t"))) for para in shape.text_body().findall(a("p"))]
            # a date field renders today's date, not the stored text: no coverage check then
            kind = "field" if any((f.get("type") or "").startswith("datetime") for f in shape.el.iter(a("fld"))) \
                else "text"
        elif shape.is_table():
            texts = ["".join(t.text or "" for t in tc.iter(a("t"))) for tc in shape.el.iter(a("tc"))]
            kind = "table"
        else:
            continue
        key = _norm("".join(texts))
        if key:
            items.append(TextItem(shape.name, kind, key, _pt_box(shape.box)))
    return items


def page_lines(page: list[Line]):
    """The page's lines without list bullets (spans of nothing but bullets at the start of a line
    are left out; a dash later in the line, " – " in a span of its own, is text)."""
    for line in page:
        start = next((i for i, s in enumerate(line.spans) if _strip_bullet(s.text)), len(line.spans))
        spans = list(line.spans[start:])
        if spans:
            text = _strip_bullet("".join(s.text for s in spans))
            yield PageLine(text, _norm(text), union(s.box for s in spans))


def _match_line(line: PageLine, items: list[TextItem]) -> TextItem | None:
    """The shape a rendered line belongs to: its text holds the line's, and it overlaps the line
    horizontally (text that left its box below or above still does); the most overlap wins."""
    candidates = [it for it in items if line.key and line.key in it.key]
    if not candidates:
        stripped = _norm(_AUTONUMBER.sub("", line.text))
        candidates = [it for it in items if stripped and stripped in it.key]
    lx0, ly0, lx1, _ = line.box
    candidates = [it for it in candidates if min(lx1, it.box[2]) - max(lx0, it.box[0]) > 0]
    if not candidates:
        return None

    def score(it):
        x0, y0, x1, y1 = it.box
        overlap = max(0.0, min(lx1, x1) - max(lx0, x0))
        distance = 0.0 if y0 <= ly0 <= y1 else min(abs(ly0 - y0), abs(ly0 - y1))
        return (-overlap, distance, len(it.key))

    return min(candidates, key=score)


def _count_line(item: TextItem, line: PageLine) -> None:
    item.lines += 1
    item.chars += len(line.key)
    x0, y0, x1, y1 = item.box
    lx0, ly0, lx1, ly1 = line.box
    for side, amount in (("bottom", ly1 - y1), ("top", y0 - ly0), ("right", lx1 - x1), ("left", x0 - lx0)):
        if amount > TOLERANCE_PT:
            got = item.over.setdefault(side, [0, 0.0, line.text])
            got[0] += 1
            got[1] = max(got[1], amount)


def _report(deck: DeckReview, where: str, items: list[TextItem], matched: list[TextItem], off_page: list) -> None:
    """Findings of one slide: lines outside their shape (`matched`: the shapes in the order their first
    line was drawn), text missing from the page, text off the slide."""
    for item in matched:
        for side, (count, amount, text) in item.over.items():
            amount_pt = sv_number(amount, 0, plain=True, trim=True)
            if item.kind == "table":
                message = (f"Tabellen blir {amount_pt} pt större än sin ram ({SIDES[side]}) när den visas: "
                           "raderna växer med texten. Korta texten eller dela tabellen på fler bilder.")
            else:
                message = (f"Texten går utanför rutan {SIDES[side]} med {amount_pt} pt "
                           f"({count} av {item.lines} rader, t.ex. ”{shorten(text, QUOTE, collapse=True)}”). Korta "
                           "texten, gör rutan större eller dela upp innehållet.")
            deck.add(where, item.name, "text-overflow", message)
    for item in items:
        coverage = item.chars / max(1, len(item.key))
        if coverage < 0.98 and not item.over and item.kind != "field":
            deck.add(where, item.name, "text-overflow",
                     f"Bara {coverage:.0%} av texten syns i den renderade bilden: resten hamnar utanför bilden "
                     "eller döljs. Korta texten eller flytta rutan.".replace("%", " %"))
    for name in dict.fromkeys(n for _, _, n in off_page):
        lines = [(e, t) for e, t, n in off_page if n == name]
        extent = sv_number(max(e for e, _ in lines), 0, plain=True, trim=True)
        deck.add(where, name, "text-overflow",
                 f"Text hamnar utanför bilden (upp till {extent} pt, t.ex. "
                 f"”{shorten(lines[0][1], QUOTE, collapse=True)}”). Flytta eller förminska rutan, eller korta texten.")


def _pt_box(box) -> Box:
    return tuple(v / EMU_PER_PT for v in box)  # type: ignore[return-value]


def _inside(x: float, y: float, box) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _norm(text: str) -> str:
    """Comparison key of slide text and rendered text: no whitespace, no soft hyphens, and no case
    (a template's title style may set all caps, cap="all": the PDF then holds the text in capitals)."""
    return _WS.sub("", _INVISIBLE.sub("", text)).casefold()


def _strip_bullet(text: str) -> str:
    text = text.strip()
    while text and text[0] in BULLETS and (text[0] not in DASHES or text[1:2].isspace() or len(text) == 1):
        text = text[1:].lstrip()
    return text
