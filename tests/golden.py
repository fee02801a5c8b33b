"""Golden text summaries of the generated deck, so a change in what the board sees shows in review.

    python -m tests.golden        # rebuild the sample deck and rewrite tests/golden/*.txt
"""

from __future__ import annotations

import io
from pathlib import Path

from pptx import Presentation

GOLDEN = Path(__file__).resolve().parent / "golden"


def summarize_deck(data: bytes) -> str:
    """Slide by slide: layout, title, every paragraph (indented by level), table rows, notes."""
    prs = Presentation(io.BytesIO(data))
    out = []
    for number, slide in enumerate(prs.slides, start=1):
        title = slide.shapes.title.text if slide.shapes.title is not None else "(ingen rubrik)"
        out.append(f"=== {number} [{slide.slide_layout.name}] {title}")
        for shape in slide.shapes:
            if shape == slide.shapes.title:
                continue
            if shape.has_table:
                for row in shape.table.rows:
                    out.append("  | " + " | ".join(cell.text for cell in row.cells))
            elif shape.shape_type == 6:  # group
                for inner in shape.shapes:
                    if inner.has_text_frame and inner.text_frame.text:
                        out.append(f"  [{inner.name}] " + inner.text_frame.text.replace("\n", " / "))
            elif getattr(shape, "has_chart", False) and shape.has_chart:
                out += _chart_lines(shape.chart)
            elif shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    if paragraph.text:
                        out.append("  " + "  " * paragraph.level + paragraph.text)
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame.text:
            for line in slide.notes_slide.notes_text_frame.text.split("\n"):
                out.append(f"  (anteckning) {line}")
    return "\n".join(out) + "\n"


def _chart_lines(chart) -> list[str]:
    """A chart as text: its kind and title, then each series with its values by category."""
    title = chart.chart_title.text_frame.text if chart.has_title else ""
    kinds = " + ".join(plot.__class__.__name__.replace("Plot", "").lower() for plot in chart.plots)
    lines = [f"  [diagram: {kinds}] {title}"]
    categories = list(chart.plots[0].categories)
    for plot in chart.plots:
        for series in plot.series:
            values = ", ".join(f"{c}={'' if v is None else f'{v:g}'}" for c, v in zip(categories, series.values))
            lines.append(f"    {series.name}: {values}")
    return lines


def sample_decks() -> dict[str, bytes]:
    from generator.derive import Derived
    from generator.layout import Layout
    from generator.load import load_content
    from generator.render.deck import render_decks

    root = Path(__file__).resolve().parent.parent
    plan = load_content(root / "content").plan
    return render_decks(plan, Derived(plan), Layout(root / "layouts"))


if __name__ == "__main__":
    GOLDEN.mkdir(exist_ok=True)
    for name, data in sample_decks().items():
        target = GOLDEN / (Path(name).stem + ".txt")
        target.write_text(summarize_deck(data), encoding="utf-8")
        print(f"wrote {target}")
