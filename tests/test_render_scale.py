"""The deck's type scale, reopened: one size per kind of text across the deck, never under its
floor, in our template, in python-pptx's default template and on a plan twice the sample's size."""

from __future__ import annotations

import io
from collections import defaultdict
from pathlib import Path

import pytest
from pptx import Presentation

from generator.derive import Derived
from generator.layout import Layout
from generator.load import load_content
from generator.render.deck import render_decks

from .conftest import LAYOUTS, SAMPLE, overflow_findings
from .larger_plan import larger_plan

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
DECK = "VP-2026-namndpresentation.pptx"


def render(content: Path, template: Path | None = None) -> bytes:
    loaded = load_content(content)
    assert loaded.errors == [], [p.format() for p in loaded.errors]
    return render_decks(loaded.plan, Derived(loaded.plan), Layout(LAYOUTS, pptx_override=template))[DECK]


def ph_type(shape) -> str | None:
    ph = shape._element.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
    return None if ph is None else ph.get("type", "obj")


def run_sizes(element) -> set[float]:
    return {int(r.get("sz")) / 100 for r in element.iter(f"{A}rPr") if r.get("sz")}


def sizes_by_kind(data: bytes) -> dict[str, set[float]]:
    """Every run's size on the slides, by kind of text (speaker notes are not on a slide)."""
    found: dict[str, set[float]] = defaultdict(set)
    for slide in Presentation(io.BytesIO(data)).slides:
        # Title and section slides are the ones without a frame (slide number, footer).
        opening = not any(ph_type(s) == "sldNum" or s.name.startswith("Bildnummer") for s in slide.shapes)
        for shape in slide.shapes:
            kind = ph_type(shape)
            name = shape.name
            if kind in ("title", "ctrTitle"):
                key = "display" if opening else "title"
            elif kind in ("ftr", "sldNum") or name.startswith(("Sidfot", "Bildnummer")):
                key = "frame"
            elif kind in ("body", "obj", "subTitle"):
                key = "subtitle" if opening else "body"
            elif shape.has_chart:
                found["chart"] |= {int(r.get("sz")) / 100 for r in shape.chart._chartSpace.iter(f"{A}rPr", f"{A}defRPr")
                                   if r.get("sz")}
                continue
            elif getattr(shape, "has_table", False) and shape.has_table:
                key = "table"
            elif name.startswith(("Källa", "Fotnot")):
                key = "source"
            elif name.startswith(("Anmärkning", "Kommentar")):
                key = "table"
            elif name == "Exempeldata":
                key = "marker"
            elif name == "Tidslinje":
                key = "timeline"
            else:
                key = "other:" + name
            found[key] |= run_sizes(shape._element)
    return dict(found)


@pytest.fixture(scope="module")
def larger(tmp_path_factory) -> Path:
    return larger_plan(tmp_path_factory.mktemp("storre") / "content")


@pytest.fixture(scope="module")
def default_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("mall") / "default.pptx"
    Presentation().save(path)
    return path


@pytest.mark.parametrize("which", ["sample-ours", "sample-default", "larger-ours", "larger-default"])
def test_each_kind_of_text_has_one_size_across_the_deck(which, larger, default_template):
    content = SAMPLE if which.startswith("sample") else larger
    template = default_template if which.endswith("default") else None
    sizes = sizes_by_kind(render(content, template))
    assert not [k for k in sizes if k.startswith("other:")], sizes
    for kind in ("body", "table", "chart", "source", "frame", "marker", "display"):
        assert len(sizes[kind]) == 1, (kind, sizes[kind])
    (body,) = sizes["body"]
    assert body >= 18
    assert min(sizes["table"] | sizes["chart"] | sizes["source"] | sizes["frame"] | sizes["marker"]) >= 14
    assert sizes["chart"] == sizes["source"] == sizes["frame"] == {14}
    assert max(sizes["table"]) <= body
    # Titles: one size, except a title that alone does not fit two lines at it (never under 14 pt).
    title = max(sizes["title"])
    assert min(sizes["title"]) >= 14 and title >= 20


def test_sample_body_is_18_pt_and_titles_28_pt_in_our_template():
    sizes = sizes_by_kind(render(SAMPLE))
    assert sizes["body"] == {18} and sizes["title"] == {28} and sizes["table"] == {18}
    assert sizes["display"] == {40} and sizes["subtitle"] == {24}


def test_larger_plan_has_over_40_uppdrag_and_70_slides(larger):
    from generator.derive import Derived as D

    plan = load_content(larger).plan
    assert len(D(plan).summary) >= 40
    assert len(Presentation(io.BytesIO(render(larger))).slides) >= 70


@pytest.mark.parametrize("which", ["larger-ours", "larger-default", "sample-default"])
def test_renders_without_overflow_or_small_text(which, larger, default_template, tmp_path):
    """../shared/tools/overflow_check.py --min-font 14 (the sample in our template: test_render_deck)."""
    path = tmp_path / DECK
    path.write_bytes(render(larger if which.startswith("larger") else SAMPLE,
                            default_template if which.endswith("default") else None))
    assert overflow_findings(path, min_font=14) == []
