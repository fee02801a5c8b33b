"""Helpers shared by the hardening corpus: run a build, snapshot the output, check the invariants."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from click.testing import CliRunner, Result

from generator.cli import cli

from ..conftest import LAYOUTS, replace_in

MANIFEST = ".vpgen-manifest.json"
LOCK = ".vpgen.lock"
DOCUMENTS = ("VP-2026-namndpresentation.pptx", "VP-2026-verksamhetsplan.docx", "VP-2026-uppdrag.docx",
             "VP-2026-uppdrag.xlsx", "VP-2026-verksamhetsplan-forslag.docx")  # the last: the sample compares
STOPPED = "Bygget avbröts: innehållet har fel (se ovan). Inga filer har ändrats."


def build(content: Path, out: Path, *args: str, layouts: Path = LAYOUTS) -> Result:
    """`vpgen build` in this process (fast); the deck still renders in its forked child."""
    return CliRunner().invoke(cli, ["build", "--layouts", str(layouts), "--content", str(content),
                                    "--output", str(out), *args])


def vpgen_command() -> list[str]:
    """The installed console script (the real entry point, with main()'s error handling)."""
    script = Path(sys.executable).with_name("vpgen")
    return [str(script)] if script.exists() else [shutil.which("vpgen") or "vpgen"]


def console_build(content: Path, out: Path, *args: str, cwd: Path | None = None,
                  layouts: Path = LAYOUTS) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "VPGEN_DEBUG"}
    env["PYTHONWARNINGS"] = "error"
    return subprocess.run([*vpgen_command(), "build", "--layouts", str(layouts), "--content", str(content),
                           "--output", str(out), *args], capture_output=True, text=True,
                          cwd=cwd or content.parent, env=env, timeout=300)


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry of a folder: a file's bytes, or what else it is."""
    if not folder.exists():
        return {}
    out: dict[str, bytes | str] = {}
    for path in sorted(folder.iterdir()):
        if path.is_symlink():
            out[path.name] = f"<link {os.readlink(path)}>"
        elif path.is_file():
            out[path.name] = path.read_bytes()
        else:
            out[path.name] = "<folder>"
    return out


def leftovers(out: Path, content: Path | None = None) -> list[str]:
    """Temp files a build must never leave: .vpgen-* in the output folder (the manifest is not a
    temp file, it is written with the documents), anything .vpgen* in the content folder."""
    found = []
    if out.is_dir():
        found += [p.name for p in out.iterdir() if p.name.startswith(".vpgen-") and p.name != MANIFEST]
    if content is not None and content.is_dir():
        found += [str(p) for p in content.rglob(".vpgen*")]
    return found


def assert_refused(result: Result, out: Path, before: dict, content: Path | None, lines: list[str],
                   code: int = 1) -> None:
    """The build failed as it should: exit code, these exact lines on stderr, no traceback, the
    previous output byte for byte, no temp files."""
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    printed = result.stderr.splitlines()
    for line in lines:
        assert line in printed, f"{line!r} not among:\n" + "\n".join(printed)
    assert snapshot(out) == before, "the previous output changed"
    assert leftovers(out, content) == []


def error_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if ": fel:" in line]


# ---------------------------------------------------------------- reading the documents back

def part_texts(path: Path) -> str:
    """Every XML part of an OOXML file, decompressed and joined (for a marker search)."""
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
                         if name.endswith((".xml", ".rels")))


def deck_texts(path: Path) -> list[str]:
    """Every paragraph and table cell of every slide and its notes, as python-pptx reads them."""
    from pptx import Presentation

    texts = []
    for slide in Presentation(str(path)).slides:
        shapes = list(slide.shapes)
        while shapes:
            shape = shapes.pop(0)
            if shape.shape_type == 6:  # group
                shapes.extend(shape.shapes)
                continue
            if shape.has_text_frame:
                texts += [p.text for p in shape.text_frame.paragraphs]
            if getattr(shape, "has_table", False) and shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
        if slide.has_notes_slide:
            texts += [p.text for p in slide.notes_slide.notes_text_frame.paragraphs]
    return texts


def docx_texts(path: Path) -> list[str]:
    """Every paragraph, table cell, header and footer paragraph, as python-docx reads them."""
    import docx

    doc = docx.Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    for section in doc.sections:
        texts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    return texts


def docx_accepted_texts(path: Path) -> list[str]:
    """Every paragraph (table cells too) of a document with tracked changes, as it reads once every
    change is accepted: inserted text counts, deleted text (w:delText) does not."""
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(w + "t")) for p in root.iter(w + "p")]


def xlsx_texts(path: Path) -> list[str]:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(path.read_bytes()), read_only=True)
    try:
        return [str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                for cell in row if cell is not None]
    finally:
        book.close()


def all_texts(out: Path) -> dict[str, list[str]]:
    """Each document's texts, reopened with python-pptx, python-docx and openpyxl."""
    return {
        "deck": deck_texts(out / DOCUMENTS[0]),
        "plan": docx_texts(out / DOCUMENTS[1]),
        "summary": docx_texts(out / DOCUMENTS[2]),
        "sheet": xlsx_texts(out / DOCUMENTS[3]),
        **({"proposal": docx_accepted_texts(out / DOCUMENTS[4])} if (out / DOCUMENTS[4]).exists() else {}),
    }


# ---------------------------------------------------------------- content edits

Edit = Callable[[Path], None]


def edit(name: str, old: str, new: str, count: int = 1) -> Edit:
    return lambda content: replace_in(content / name, old, new, count)


def write(name: str, text: str) -> Edit:
    return lambda content: (content / name).write_text(text, encoding="utf-8")


def write_bytes(name: str, data: bytes) -> Edit:
    return lambda content: (content / name).write_bytes(data)


def edits(*steps: Edit) -> Edit:
    def run(content: Path) -> None:
        for step in steps:
            step(content)
    return run


AREA = "omraden/energi-och-klimat.yaml"
AREA_HEAD = "område: Energi och klimat\n"


def area_with(insatser: list[str], utmaningar: int = 3, fokus: str = "4.1") -> str:
    """An area file in YAML: the insatser under one fokusområde, and some utmaningar."""
    import json

    points = "".join(f"      - {json.dumps(text, ensure_ascii=False)}\n" for text in insatser)
    challenges = "".join(f"  - rubrik: Utmaning {n + 1}\n    punkter: [Beskrivning {n + 1}]\n" for n in range(utmaningar))
    body = f'insatser:\n  - fokusområde: "{fokus}"\n    punkter:\n{points}' if insatser else "insatser: []\n"
    return AREA_HEAD + body + ("utmaningar:\n" + challenges if utmaningar else "utmaningar: []\n")


@dataclass
class Case:
    """One hostile input: how it breaks the content, and the exact lines the build prints."""

    id: str
    breaks: Edit
    lines: list[str]
    args: tuple[str, ...] = ()
    code: int = 1
