"""Same content, same bytes — also for packages embedded in a document (the workbook behind a
chart), whose writer stamps the moment of the build; and an embedded package that is a zip bomb
is copied, never unpacked.
"""

from __future__ import annotations

import io
import struct
import time
import zipfile
from pathlib import Path

from generator.writer import normalize_zip

from .support import DOCUMENTS, build

CORE = ('<cp:coreProperties xmlns:cp="c" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="x">'
        '<dcterms:created xsi:type="dcterms:W3CDTF">{t}</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">{t}</dcterms:modified></cp:coreProperties>')


def package(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def workbook(now: str) -> bytes:
    return package({"xl/workbook.xml": b"<workbook/>", "docProps/core.xml": CORE.format(t=now).encode()})


def deck(embedded: bytes) -> bytes:
    return package({"ppt/presentation.xml": b"<p/>", "docProps/core.xml": CORE.format(t="2025-09-29T12:00:00Z").encode(),
                    "ppt/embeddings/Microsoft_Excel_Sheet1.xlsx": embedded})


def test_an_embedded_workbook_gets_the_documents_time_not_the_builds():
    first = normalize_zip(deck(workbook("2026-01-01T10:00:00Z")))
    second = normalize_zip(deck(workbook("2026-01-01T10:00:07Z")))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as outer:
        inner = outer.read("ppt/embeddings/Microsoft_Excel_Sheet1.xlsx")
    with zipfile.ZipFile(io.BytesIO(inner)) as nested:
        assert b"2025-09-29T12:00:00Z</dcterms:created>" in nested.read("docProps/core.xml")


def test_an_embedded_zip_bomb_is_copied_not_unpacked():
    bomb = bytearray(workbook("2026-01-01T10:00:00Z"))
    start = 0
    while (start := bomb.find(b"PK\x01\x02", start)) >= 0:  # declare 4 GB in the central directory
        struct.pack_into("<I", bomb, start + 24, 0xFFFF0000)
        start += 4
    normalized = normalize_zip(deck(bytes(bomb)))
    with zipfile.ZipFile(io.BytesIO(normalized)) as outer:
        assert outer.read("ppt/embeddings/Microsoft_Excel_Sheet1.xlsx") == bytes(bomb)


def test_two_builds_a_second_apart_give_the_same_bytes(content: Path, tmp_path: Path):
    first, second = tmp_path / "ett", tmp_path / "två"
    assert build(content, first).exit_code == 0
    time.sleep(1.1)  # a clock in whole seconds has moved on
    assert build(content, second, "--force").exit_code == 0
    for name in DOCUMENTS:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
