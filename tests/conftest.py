"""Shared test helpers: a fresh copy of the sample content, inline content edits, LibreOffice."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# A build with --pdf or --final numbers the Word plan's table of contents with a LibreOffice run
# (render/toc.py); the suite builds so many times that it is off here, and the tests of the
# numbering turn it on.
os.environ.setdefault("VPGEN_TOC_PAGES", "0")

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


SHARED_TOOLS = REPO.parent / "shared" / "tools"


def overflow_findings(deck: Path, tol: float = 2.0, min_font: float | None = None) -> list[dict]:
    """Render a deck with LibreOffice through ../shared/tools/overflow_check.py; its findings
    (with `min_font`, also text rendered smaller than that)."""
    import json
    import subprocess
    import sys

    soffice()
    tool = SHARED_TOOLS / "overflow_check.py"
    if not tool.exists():
        if os.environ.get("VPGEN_REQUIRE_LIBREOFFICE"):
            pytest.fail(f"{tool} is required but missing")
        pytest.skip(f"{tool} is not available")
    import tempfile

    with tempfile.TemporaryDirectory(prefix="vpgen-overflow-lo-") as profile:  # own profile: tests run side by side
        extra = ["--min-font", str(min_font)] if min_font else []
        result = subprocess.run([sys.executable, str(tool), str(deck), "--json", "--tol", str(tol),
                                 "--profile", profile, *extra], capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)["findings"]


LOUD_SKIPS = ("LibreOffice", "shared/tools", "soffice")


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say loudly when tests that render or validate with the shared tools did not run."""
    skipped = terminalreporter.stats.get("skipped", [])
    reasons: dict[str, int] = {}
    for report in skipped:
        reason = str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if any(word in reason for word in LOUD_SKIPS):
            reason = reason.removeprefix("Skipped: ")
            reasons[reason] = reasons.get(reason, 0) + 1
    if reasons:
        terminalreporter.section("NOT RUN: rendering and schema checks", sep="!", red=True, bold=True)
        for reason, count in sorted(reasons.items()):
            terminalreporter.line(f"{count:4d} skipped: {reason}", red=True)
        terminalreporter.line("Install LibreOffice (see README) and keep ../shared/tools beside the repository; "
                              "VPGEN_REQUIRE_LIBREOFFICE=1 (as CI sets it) makes these tests fail instead.", red=True)
