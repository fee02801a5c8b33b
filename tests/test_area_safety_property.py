"""Property: whatever slips an area chief combines, `vpgen kontroll` never loses a word.

Hypothesis makes one to three of the slips people make in a good area file (a bullet, a tab or a
hard space for '- ', indentation in hard spaces, no space after a key, a point wrapped onto the next line, ' #' in a text, a line moved left
or right, '- ' left out, ': ' in a text, a quote opened) — each one that leaves the number of points
as it was meant. Then, with every suggested line written in:

- every suggested line keeps the words of the line it replaces;
- a file the check calls fine reads every line as what it looks like (no merged point), has every
  word that was typed, in order, and as many points and groups as the good file.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.area.check import check_area_file
from generator.area.lines import split_lines, words
from generator.area.reading import Reader

from .conftest import SAMPLE

ENERGI = "omraden/energi-och-klimat.yaml"
GOOD = (SAMPLE / ENERGI).read_text(encoding="utf-8")
POINTS = [line.no for line in split_lines(GOOD) if line.dash and line.key is None]
KEYS = [line.no for line in split_lines(GOOD) if line.key is not None]


def _marker(text: str, mark: str) -> str:
    return text.replace("- ", mark, 1)


def _wrap(text: str, at: int) -> str:
    indent = " " * (len(text) - len(text.lstrip()))
    spaces = [i for i, ch in enumerate(text) if ch == " " and i > len(indent) + 4]
    if not spaces:
        return text
    cut = spaces[at % len(spaces)]
    rest = text[cut + 1:]
    return text[:cut] + "\n" + indent + rest[0].lower() + rest[1:] if rest else text


def _colon(text: str) -> str:
    """'- Utöka arbetet: med …': ': ' after the point's first word."""
    head, _, body = text.partition("- ")
    return head + "- " + body.replace(" ", ": ", 1) if " " in body else text


SLIPS = {
    "marker": lambda text, n: _marker(text, ["-\t", "* ", "• ", "– ", "-", "- • ", "—", "-\u00a0"][n % 8]),
    "hard": lambda text, n: "\u00a0" * (len(text) - len(text.lstrip(" "))) + text.lstrip(" "),
    "wrap": _wrap,
    "comment": lambda text, n: text + f" #{n}",
    "colon": lambda text, n: _colon(text),
    "move": lambda text, n: " " * (n % 3) + text if n % 2 else text[min(n % 3, len(text) - len(text.lstrip())):],
    "quote": lambda text, n: text.replace("- ", '- "', 1),
}


@st.composite
def slips(draw) -> list[tuple[str, int, int]]:
    count = draw(st.integers(min_value=1, max_value=3))
    out = []
    for _ in range(count):
        kind = draw(st.sampled_from(sorted(SLIPS) + ["key", "dash"]))
        line = draw(st.sampled_from(KEYS if kind == "key" else POINTS))
        out.append((kind, line, draw(st.integers(min_value=0, max_value=50))))
    return out


def broken_text(edits: list[tuple[str, int, int]]) -> str:
    lines = GOOD.split("\n")
    for kind, no, n in sorted(set(edits), key=lambda e: -e[1]):
        text = lines[no - 1]
        if kind == "key":
            lines[no - 1] = text.replace(": ", ":", 1)
        elif kind == "dash":
            body = text.lstrip()[2:]
            lines[no - 1] = text.replace("- ", "", 1) if body[:1].isupper() else text
        else:
            lines[no - 1] = SLIPS[kind](text, n)
    return "\n".join(lines)


def typed_words(text: str) -> list[str]:
    """Every word the chief typed: the content lines' words, a ' #' and what follows it included."""
    return [w for line in split_lines(text) if line.is_content for w in words(line.text)]


@pytest.fixture(scope="module")
def area_path():
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(SAMPLE, content)
        yield content / ENERGI


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=slips())
def test_no_combination_of_slips_loses_a_word(area_path: Path, edits):
    broken = broken_text(edits)
    area_path.write_text(broken, encoding="utf-8")
    report = check_area_file(area_path)
    lines = broken.split("\n")
    for finding in report.findings:
        for no, new in finding.fix.items():
            if "tabbtecken" not in finding.message:  # a tab's finding shows the line as it ends up
                assert words(new) == words(lines[no - 1]), (finding.message, lines[no - 1], new)
            lines[no - 1] = new
    repaired = "\n".join(lines)
    reading = Reader("x")(repaired)
    if report.ok:
        assert reading.mismatches == {}, repaired
        assert reading.words == [w for w in typed_words(broken)], repaired
        assert reading.counts == Reader("x")(GOOD).counts
