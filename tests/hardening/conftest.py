"""Fixtures of the hardening corpus: one good build of the sample, copied before each bad build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ..conftest import SAMPLE
from .support import DOCUMENTS, build, snapshot


@pytest.fixture(scope="session")
def good_build(tmp_path_factory) -> Path:
    """The sample built once per session: the "last good output" every bad build must leave alone."""
    out = tmp_path_factory.mktemp("good") / "ut"
    result = build(SAMPLE, out)
    assert result.exit_code == 0, result.output
    assert all((out / name).is_file() for name in DOCUMENTS)
    return out


@pytest.fixture
def previous(good_build: Path, tmp_path: Path) -> tuple[Path, dict]:
    """A private copy of the good build (output folder, snapshot taken before the bad build)."""
    out = tmp_path / "ut"
    shutil.copytree(good_build, out)
    return out, snapshot(out)
