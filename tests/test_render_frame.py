"""The frame of the deck, reopened: slide numbers and the footer on every slide but title and
section slides, through the template's placeholders or drawn where a layout has none."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from .test_render_deck import DECK, deck_of, render, title_of

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
OPENING = {"Rubrikbild", "Avsnittsrubrik"}  # our title and section layouts


def frame_of(slide) -> dict[str, object]:
    """The slide's footer and slide-number shapes by kind ('ftr', 'sldNum')."""
    found = {}
    for shape in slide.shapes:
        ph = shape._element.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
        kind = ph.get("type") if ph is not None else {"Sidfot": "ftr", "Bildnummer": "sldNum"}.get(shape.name.split()[0])
        if kind in ("ftr", "sldNum"):
            found[kind] = shape
    return found


def number_field(shape):
    return shape._element.find(f".//{A}fld[@type='slidenum']")


@pytest.fixture(scope="module")
def prs():
    return deck_of(render()[DECK])


@pytest.fixture(scope="module")
def default_prs(tmp_path_factory):
    template = tmp_path_factory.mktemp("mall") / "default.pptx"
    Presentation().save(template)
    return deck_of(render(pptx_override=template)[DECK])


def openings(prs) -> set[int]:
    """The slide numbers of title and section slides: the deck's title specs, by their titles."""
    from generator.derive import Derived
    from generator.layout import Layout
    from generator.load import load_content
    from generator.render.sections import SECTIONS, Context
    from generator.render.specs import SectionSpec, TitleSpec

    from .conftest import LAYOUTS, SAMPLE

    plan = load_content(SAMPLE).plan
    layout = Layout(LAYOUTS)
    ctx = Context(plan, Derived(plan), layout.texts)
    titles = {spec.title for section in layout.outline(plan).presentationer[0].avsnitt
              for spec in SECTIONS[section.typ](ctx, section) if isinstance(spec, (TitleSpec, SectionSpec))}
    return {n for n, slide in enumerate(prs.slides, start=1) if title_of(slide) in titles}


@pytest.mark.parametrize("which", ["ours", "default"])
def test_every_slide_but_title_and_section_slides_carries_its_number_and_the_footer(which, prs, default_prs):
    prs = prs if which == "ours" else default_prs
    opening = openings(prs)
    assert len(opening) == 8  # three title slides; section slides: the gemensamma, three areas, "Frågor?"
    for number, slide in enumerate(prs.slides, start=1):
        frame = frame_of(slide)
        if number in opening:
            assert frame == {}, title_of(slide)
            continue
        field = number_field(frame["sldNum"])
        assert field is not None and field.find(f"{A}t").text == str(number), title_of(slide)
        assert frame["ftr"].text_frame.text == "Regional tillväxtnämnd"
        sizes = {r.get("sz") for shape in frame.values() for r in shape._element.iter(f"{A}rPr")}
        assert sizes == {"1400"}


def test_the_frame_uses_the_templates_own_placeholders_where_the_layout_has_them(prs):
    slide = prs.slides[2]
    layout = {ph.placeholder_format.type: ph for ph in slide.slide_layout.placeholders}
    frame = frame_of(slide)
    for kind, shape in frame.items():
        assert shape.is_placeholder
        own = next(ph for ph in slide.slide_layout.placeholders
                   if ph._element.find(f"{P}nvSpPr/{P}nvPr/{P}ph").get("type") == kind)
        assert (shape.left, shape.top, shape.height) == (own.left, own.top, own.height)
        # The footer may take the date's unused width, up to the slide number; the number stays.
        assert shape.width == own.width if kind == "sldNum" else shape.width >= own.width
    assert frame["ftr"].left + frame["ftr"].width <= frame["sldNum"].left
    assert layout  # the layout has them: the frame is cloned from it, not drawn


def test_a_layout_without_frame_placeholders_gets_a_drawn_frame(tmp_path: Path):
    template = tmp_path / "utan.pptx"
    prs = Presentation()
    for tree in [prs.slide_master._element] + [layout._element for layout in prs.slide_layouts]:
        for sp in list(tree.iter(f"{P}sp")):
            ph = sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
            if ph is not None and ph.get("type") in ("dt", "ftr", "sldNum"):
                sp.getparent().remove(sp)
    prs.save(template)
    deck = deck_of(render(pptx_override=template)[DECK])
    slide = deck.slides[2]
    frame = frame_of(slide)
    assert not any(shape.is_placeholder for shape in frame.values())
    assert number_field(frame["sldNum"]).find(f"{A}t").text == "3"
    assert frame["sldNum"].top + frame["sldNum"].height <= deck.slide_height
    assert frame["sldNum"].left > frame["ftr"].left  # the number at the right, the footer at the left


def test_a_narrow_footer_box_gets_a_shorter_footer_on_one_line(tmp_path: Path):
    from generator.render.frame import Frame
    from generator.render.fit import Fonts
    from generator.render.theme import Palette

    prs = Presentation()
    frame = Frame(prs, Fonts("Calibri"), "Calibri", 14, Palette.of(prs),
                  ["Region Örebro län · Regional tillväxtnämnd", "Regional tillväxtnämnd"], (457200, 8686800))
    assert frame.footer_text(400) == "Region Örebro län · Regional tillväxtnämnd"
    assert frame.footer_text(160) == "Regional tillväxtnämnd"
    assert frame.footer_text(60).endswith("…")


def test_the_frame_passes_contrast_where_the_template_greys_it_too_lightly(tmp_path: Path):
    """python-pptx's default template has its footer at 75 % tint of black (3,5:1): the deck writes
    a grey that has 4,5:1; granska finds nothing."""
    from generator.review import review

    template = tmp_path / "default.pptx"
    Presentation().save(template)
    path = tmp_path / DECK
    path.write_bytes(render(pptx_override=template)[DECK])
    findings = [f for f in review([path], render=False) if f.rule == "contrast-low"]
    assert findings == []
    slide = Presentation(str(path)).slides[2]
    colours = {el.get("val") for shape in frame_of(slide).values() for el in shape._element.iter(f"{A}schemeClr")}
    assert colours == {"tx1"}
