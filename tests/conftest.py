"""Shared test helpers: a fresh copy of the sample content, inline content edits, LibreOffice."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "content"
LAYOUTS = REPO / "layouts"
REFERENCE = Path(__file__).resolve().parent / "reference" / "VP-2026-RTN-forslag.txt"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A private copy of the sample content folder, free to edit."""
    target = tmp_path / "content"
    shutil.copytree(SAMPLE, target)
    return target


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    """Edit a content file in place; fails loudly when `old` is not there (a test that edits nothing proves nothing)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not found {count}x in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def soffice() -> str:
    """Path of LibreOffice, or skip — unless CI demands it (VPGEN_REQUIRE_LIBREOFFICE=1)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.environ.get("VPGEN_REQUIRE_LIBREOFFICE"):
        pytest.fail("LibreOffice is required here (VPGEN_REQUIRE_LIBREOFFICE=1) but soffice is not installed")
    pytest.skip("LibreOffice (soffice) is not installed")
