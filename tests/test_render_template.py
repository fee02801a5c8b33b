"""The template: python-pptx's quadratic internals are replaced only where they exist, and the
replacements name parts and relationships exactly as python-pptx does."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from generator.derive import Derived
from generator.layout import Layout
from generator.load import load_content
from generator.render import template
from generator.render.deck import render_decks
from generator.writer import normalize_zip

from .conftest import LAYOUTS, SAMPLE

RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def package_map(data: bytes) -> dict[str, list[tuple[str, str, str]]]:
    """Every part of a package, with its relationships (rId, type, target)."""
    out = {}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in sorted(package.namelist()):
            if name.endswith(".rels"):
                rels = etree.fromstring(package.read(name))
                out[name] = sorted((r.get("Id"), r.get("Type"), r.get("Target")) for r in rels.iter(RELS))
            else:
                out[name] = []
    return out


def decks(monkeypatch, fast: bool, pptx: Path | None = None) -> dict[str, bytes]:
    monkeypatch.setattr(template, "FAST_PATHS", fast)
    plan = load_content(SAMPLE).plan
    return render_decks(plan, Derived(plan), Layout(LAYOUTS, pptx_override=pptx))


def template_with_example_slides(tmp_path: Path) -> Path:
    """An organisation's template that still carries three example slides (dropped by vpgen)."""
    prs = Presentation(str(LAYOUTS / "board.pptx"))
    for _ in range(3):
        prs.slides.add_slide(prs.slide_layouts[1])
    path = tmp_path / "med-exempelbilder.pptx"
    prs.save(str(path))
    return path


@pytest.mark.parametrize("with_example_slides", [False, True], ids=["board", "with-example-slides"])
def test_fast_paths_give_python_pptx_own_part_names_and_rids(monkeypatch, tmp_path, with_example_slides):
    pptx = template_with_example_slides(tmp_path) if with_example_slides else None
    fast, own = decks(monkeypatch, True, pptx), decks(monkeypatch, False, pptx)
    assert list(fast) == list(own)
    for name in own:
        assert package_map(fast[name]) == package_map(own[name])
        assert normalize_zip(fast[name]) == normalize_zip(own[name])


def test_fast_paths_are_installed_where_python_pptx_has_the_methods():
    prs = template.open_template(LAYOUTS / "board.pptx")
    assert prs.part.package.next_partname.__qualname__.startswith("_count_partnames")
    assert template.install_fast_paths(Presentation(str(LAYOUTS / "board.pptx"))) == ["next_partname", "get_or_add"]


def test_without_the_methods_python_pptx_keeps_its_own(monkeypatch):
    prs = Presentation(str(LAYOUTS / "board.pptx"))
    package_type = next(k for k in type(prs.part.package).__mro__ if "next_partname" in vars(k))
    rels_type = next(k for k in type(prs.part.rels).__mro__ if "_add_relationship" in vars(k))
    monkeypatch.delattr(package_type, "next_partname")
    monkeypatch.delattr(rels_type, "_add_relationship")
    assert template.install_fast_paths(prs) == []
    assert "next_partname" not in vars(prs.part.package)
    assert "get_or_add" not in vars(prs.part.rels)
