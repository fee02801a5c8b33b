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
  font-too-small        slide text under 14 pt (after autofit's stored font scale), chart text too
  contrast-low          text against its background below WCAG AA (4.5:1; 3:1 for large text)
  text-overflow         slide text that leaves its box or the slide

Properties are resolved through the inheritance PowerPoint and Word use, as far as the file
says: see `textstyle.TextContext` (slides) and `word.DocxReview` (Word). Overflow is measured in
a PDF rendered by LibreOffice when it is installed, otherwise estimated with font metrics
(overflow.py).

The modules: documents (what a file is, opening it), colour (theme colours, WCAG contrast),
rules (what slides and Word share), shapes / textstyle / tables / backgrounds (a slide's
shapes, their text's inheritance, table styles, what text is drawn on), slides and word (the two
reviews), overflow and pdftext (fit, estimated or measured in the rendered PDF).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding
from ..pdf import PdfError
from .colour import contrast_ratio
from .documents import ReviewError, detect_kind, open_document
from .overflow import estimate_overflow, render_overflow, rendering_available
from .slides import DeckReview
from .word import DocxReview

__all__ = ["ReviewError", "ReviewResult", "contrast_ratio", "detect_kind", "review", "run_review"]


@dataclass
class ReviewResult:
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how overflow was measured, fallbacks
    overflow_method: str = "none"  # "rendered" | "estimated" | "none"


def run_review(paths: list[Path], render: bool | None = None, labels: list[str] | None = None) -> ReviewResult:
    """Review every file; raise ReviewError for one that cannot be read (nothing is reviewed then).

    render: True = measure overflow in a LibreOffice PDF, False = estimate from font metrics,
    None = render when LibreOffice is there. `labels` name the files in the findings (default:
    their paths).
    """
    paths = [Path(p) for p in paths]
    labels = labels or [str(p) for p in paths]
    opened = []
    for path, label in zip(paths, labels):
        kind = detect_kind(path)
        opened.append((kind, path, label, open_document(path, kind)))
    result = ReviewResult()
    decks = []
    for kind, path, label, document in opened:
        if kind == "pptx":
            deck = DeckReview(path, document, label)
            deck.run()
            decks.append(deck)
        else:
            result.findings += DocxReview(path, document, label).run()
    if decks:
        _overflow(decks, render, result)
        for deck in decks:
            result.findings += deck.findings
    order = {label: i for i, label in enumerate(labels)}
    result.findings.sort(key=lambda f: (order.get(f.file, 0), _location_key(f.location)))
    return result


def _overflow(decks: list[DeckReview], render: bool | None, result: ReviewResult) -> None:
    """Measure overflow in the rendered decks, or estimate it; say in `result` which was done."""
    available, why = rendering_available()
    if render is True and not available:
        raise ReviewError(f"Kan inte rendera presentationerna för att mäta överflöd: {why}. Kör utan --render "
                          "för en uppskattning med teckensnittsmått.")
    if render is not False and available:
        try:
            render_overflow(decks)
            result.overflow_method = "rendered"
            return
        except PdfError as err:
            if render is True:
                raise ReviewError(str(err)) from None
            result.notes.append(f"Rendering misslyckades ({err}); överflöd uppskattas i stället.")
    for deck in decks:
        estimate_overflow(deck)
    result.overflow_method = "estimated"
    if render is None:
        result.notes.append(f"Överflöd uppskattat med teckensnittsmått ({why or 'rendering avstängd'}).")


def _location_key(location: str) -> tuple:
    """'presentationen' first, then slides/paragraphs/tables by number (stable within one place)."""
    numbers = tuple(int(n) for n in re.findall(r"\d+", location))
    return (bool(numbers), location.split(" ")[0] if numbers else "", numbers)


def review(paths: list[Path], render: bool | None = None) -> list[Finding]:
    """Findings for every file (see `run_review` for `render`)."""
    return run_review(paths, render).findings
