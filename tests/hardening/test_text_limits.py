"""Long names reach document properties (title, subject, author), which Word, PowerPoint and Excel
keep to 255 characters and python-docx / python-pptx refuse past that. The text stays whole in the
document; the property is shortened with '…' (text.property_text).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from generator.derive import Derived
from generator.layout import Layout
from generator.load import load_content
from generator.sanitize import PROPERTY_LIMIT, property_text

from ..conftest import LAYOUTS
from .support import DOCUMENTS, build, edit

LONG_NAME = "Regionala nämnden för " + " och ".join(f"tillväxt område {n}" for n in range(30))
LONG_TITLE = "Förslag till ändringar av målsättningar, styrtal och uppdrag " * 6


def test_property_text_keeps_short_texts_and_shortens_long_ones():
    assert property_text("Verksamhetsplan 2026") == "Verksamhetsplan 2026"
    short = property_text("x" * 300)
    assert len(short) == PROPERTY_LIMIT and short.endswith("…")


def test_a_long_namnd_name_gives_shortened_properties_in_the_plan_and_the_summary(content: Path):
    import docx
    import openpyxl

    from generator.render.plan import render_plan
    from generator.render.summary import render_summary_docx, render_summary_xlsx

    edit("plan.yaml", "namn: Regional tillväxtnämnd", f"namn: {LONG_NAME}")(content)
    loaded = load_content(content)
    assert loaded.plan is not None, [p.format() for p in loaded.errors]
    derived, layout = Derived(loaded.plan), Layout(LAYOUTS)
    for data in (render_plan(loaded.plan, derived, layout), render_summary_docx(loaded.plan, derived, layout)):
        props = docx.Document(io.BytesIO(data)).core_properties
        assert 0 < len(props.title) <= PROPERTY_LIMIT and 0 < len(props.subject) <= PROPERTY_LIMIT
    book = openpyxl.load_workbook(io.BytesIO(render_summary_xlsx(loaded.plan, derived, layout)))
    assert len(book.properties.title) <= PROPERTY_LIMIT


@pytest.mark.parametrize("where", ["title", "namnd"])
def test_a_long_presentation_title_or_namnd_name_builds(where: str, content: Path, tmp_path: Path):
    if where == "title":
        edit("plan.yaml", "titel: Förslag till ändringar av målsättningar, styrtal och uppdrag till VP-2026",
             f"titel: {LONG_TITLE}")(content)
    else:
        edit("plan.yaml", "namn: Regional tillväxtnämnd", f"namn: {LONG_NAME}")(content)
    out = tmp_path / "ut"
    result = build(content, out)
    assert result.exit_code == 0, result.output
    from pptx import Presentation

    props = Presentation(str(out / DOCUMENTS[0])).core_properties
    assert len(props.title) <= PROPERTY_LIMIT and len(props.subject) <= PROPERTY_LIMIT
