"""Paths: file references that leave the content folder, symbolic links, and output folders that
cannot be used (read-only, a file, inside content/, a folder where a document should go).

Content files are found by name only (plan.yaml's `fil:` must be a plain file name in omraden/),
so `../../etc/passwd` and absolute paths are refused by the schema; symbolic links are followed
only while they stay inside the content folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import writer

from .support import (AREA, DOCUMENTS, MANIFEST, STOPPED, assert_refused, build, edit, error_lines, leftovers,
                      snapshot)

C = "content/"
FIL = ("har fel form — skriv filnamnet med små bokstäver a–z, siffror och bindestreck och sluta med .yaml, "
       "t.ex. energi-och-klimat.yaml")
OUTSIDE = "filen pekar ut ur innehållsmappen (symbolisk länk) — kopiera in filen i stället"
LOOP = "filen är en symbolisk länk som pekar på sig själv (en slinga) — ersätt länken med filen"


def relink(name: str, target) -> callable:
    def run(content: Path) -> None:
        points_to = target(content) if callable(target) else target
        (content / name).unlink()
        os.symlink(points_to, content / name)
    return run


def outside_copy(content: Path) -> Path:
    """A valid area file next to (not in) the content folder."""
    target = content.parent / "utanfor.yaml"
    shutil.copy(content / AREA, target)
    return target


def area_dir_outside(content: Path) -> None:
    shutil.move(str(content / "omraden"), str(content.parent / "omraden-utanfor"))
    os.symlink(content.parent / "omraden-utanfor", content / "omraden")


REFERENCES = [
    ("fil_climbs_to_etc_passwd", edit("plan.yaml", "fil: energi-och-klimat.yaml", "fil: ../../etc/passwd"),
     [C + "plan.yaml:68:5: fel: områden[2].fil: '../../etc/passwd' " + FIL]),
    ("fil_is_an_absolute_path", edit("plan.yaml", "fil: energi-och-klimat.yaml", "fil: /etc/passwd"),
     [C + "plan.yaml:68:5: fel: områden[2].fil: '/etc/passwd' " + FIL]),
    ("fil_is_a_windows_path", edit("plan.yaml", "fil: energi-och-klimat.yaml", "fil: ..\\..\\hemlig.yaml"),
     [C + "plan.yaml:68:5: fel: områden[2].fil: '..\\..\\hemlig.yaml' " + FIL]),
    ("fil_with_a_folder", edit("plan.yaml", "fil: energi-och-klimat.yaml", "fil: omraden/../../x.yaml"),
     [C + "plan.yaml:68:5: fel: områden[2].fil: 'omraden/../../x.yaml' " + FIL]),
    ("area_file_is_a_link_to_etc_passwd", relink(AREA, "/etc/passwd"), [C + AREA + ": fel: " + OUTSIDE]),
    ("area_file_is_a_link_out_of_the_folder", relink(AREA, outside_copy), [C + AREA + ": fel: " + OUTSIDE]),
    ("area_file_is_a_relative_link_that_climbs_out", relink(AREA, "../../utanfor.yaml"),
     [C + AREA + ": fel: " + OUTSIDE]),
    ("plan_file_is_a_link_to_etc_passwd", relink("plan.yaml", "/etc/passwd"), [C + "plan.yaml: fel: " + OUTSIDE]),
    ("area_folder_is_a_link_out_of_the_folder", area_dir_outside,
     [C + "omraden/energi-och-klimat.yaml: fel: " + OUTSIDE, C + "omraden/naringslivsutveckling.yaml: fel: " + OUTSIDE,
      C + "omraden/valfard-och-folkhalsa.yaml: fel: " + OUTSIDE]),
    ("area_file_is_a_link_to_itself", relink(AREA, "energi-och-klimat.yaml"), [C + AREA + ": fel: " + LOOP]),
    ("plan_file_is_a_link_loop",
     lambda content: (os.symlink("b.yaml", content / "a.yaml"), os.symlink("a.yaml", content / "b.yaml"),
                      relink("plan.yaml", "a.yaml")(content)),
     [C + "plan.yaml: fel: " + LOOP]),
]


@pytest.mark.parametrize("breaks,lines", [(b, l) for _, b, l in REFERENCES], ids=[r[0] for r in REFERENCES])
def test_references_out_of_the_content_folder_are_refused(breaks, lines, content: Path, previous):
    out, before = previous
    breaks(content)
    result = build(content, out)
    assert error_lines(result.stderr) == lines
    assert_refused(result, out, before, content, lines + [STOPPED])


def test_a_link_that_stays_inside_the_content_folder_is_followed(content: Path, tmp_path: Path):
    (content / "delat").mkdir()
    shutil.move(str(content / AREA), str(content / "delat" / "energi.yaml"))
    os.symlink("../delat/energi.yaml", content / AREA)
    result = build(content, tmp_path / "ut")
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------- the output folder

@contextlib.contextmanager
def read_only(folder: Path):
    """A folder nobody may write in: chmod for a normal user; for root (CI containers), which
    ignores modes, the immutable flag — or skip where neither works."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode:
        pytest.skip("running as root without chattr +i: no folder is read-only")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_read_only_output_folder_is_refused_and_left_alone(content: Path, previous):
    out, before = previous
    with read_only(out):
        result = build(content, out, "--force")
        assert_refused(result, out, before, content, [
            f"Bygget avbröts: utdatamappen {out} är skrivskyddad — ändra behörigheten eller välj en annan mapp. "
            "Inga filer har ändrats."])


def test_missing_output_folder_is_created(content: Path, tmp_path: Path):
    out = tmp_path / "finns" / "inte" / "än"
    result = build(content, out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(DOCUMENTS)
    assert leftovers(out, content) == []


def test_output_that_is_a_file_is_refused(content: Path, tmp_path: Path):
    out = tmp_path / "ut.pptx"
    out.write_bytes(b"gammal")
    result = build(content, out)
    assert_refused(result, out.parent / "saknas", {}, content, [
        f"Bygget avbröts: {out} är en fil, inte en mapp — ange en mapp för resultatet. Inga filer har ändrats."])
    assert out.read_bytes() == b"gammal"


def test_output_below_a_file_is_refused(content: Path, tmp_path: Path):
    (tmp_path / "fil").write_bytes(b"x")
    out = tmp_path / "fil" / "ut"
    result = build(content, out)
    assert_refused(result, out, {}, content, [
        f"Bygget avbröts: utdatamappen {out} kan inte skapas (en del av sökvägen är ingen mapp) — välj en annan mapp. "
        "Inga filer har ändrats."])


@pytest.mark.parametrize("where", ["inside", "itself", "link_into_it"])
def test_output_in_the_content_folder_is_refused(where: str, content: Path, tmp_path: Path):
    before = snapshot(content)
    out = {"inside": content / "omraden" / "ut", "itself": content, "link_into_it": tmp_path / "genväg"}[where]
    if where == "link_into_it":
        os.symlink(content / "omraden", out)
    result = build(content, out)
    assert_refused(result, content, before, content, [
        f"Bygget avbröts: utdatamappen {out} ligger i innehållsmappen {content} — välj en annan mapp. "
        "Inga filer har ändrats."])
    assert not (content / "omraden" / "ut").exists()


def test_output_that_is_a_link_to_itself_is_refused(content: Path, tmp_path: Path):
    out = tmp_path / "slinga"
    os.symlink(out.name, out)
    result = build(content, out)
    assert_refused(result, tmp_path / "saknas", {}, content, [
        f"Bygget avbröts: utdatamappen {out} kan inte användas (en symbolisk länk som pekar på sig själv?) — "
        "välj en annan mapp. Inga filer har ändrats."])


def test_a_folder_where_a_document_should_go_is_refused_before_anything_is_replaced(content: Path, previous):
    out, _ = previous
    (out / DOCUMENTS[3]).unlink()
    (out / DOCUMENTS[3]).mkdir()
    before = snapshot(out)
    result = build(content, out, "--force")
    assert_refused(result, out, before, content, [
        f"Bygget avbröts: {out / DOCUMENTS[3]} är en mapp (eller ingen vanlig fil) och kan inte ersättas av "
        "dokumentet — ta bort eller byt namn på den; tidigare filer är orörda. Inga filer har ändrats."])


def test_a_folder_where_the_lock_file_should_be_is_refused(content: Path, previous):
    out, _ = previous
    (out / ".vpgen.lock").unlink()
    (out / ".vpgen.lock").mkdir()
    before = snapshot(out)
    result = build(content, out, "--force")
    assert_refused(result, out, before, content, [
        f"Bygget avbröts: låsfilen {out / '.vpgen.lock'} kan inte öppnas (är en mapp) — kontrollera "
        "behörigheten i utdatamappen, eller ta bort det som heter .vpgen.lock där. Inga filer har ändrats."])


def test_a_rename_that_fails_half_way_puts_the_previous_files_back(content: Path, previous, monkeypatch):
    """Two documents already replaced when the third rename fails (a full disk, a network share
    going away): the two get their previous version back, so output/ is never a mix of builds."""
    out, before = previous
    edit("omvarld.yaml", "  - Demografi", "  - Demografin")(content)
    real_replace, calls = os.replace, []

    def failing_replace(src, dst):
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(errno.EIO, "Input/output error")
        return real_replace(src, dst)

    monkeypatch.setattr(writer.os, "replace", failing_replace)
    result = build(content, out)
    monkeypatch.undo()
    assert len(calls) >= 3
    assert_refused(result, out, before, content, [
        f"Bygget avbröts: resultatet kunde inte skrivas till {out} (Input/output error) — tidigare filer är "
        "orörda. Inga filer har ändrats."])


def test_a_full_disk_while_writing_leaves_no_temp_files(content: Path, previous, monkeypatch):
    out, before = previous
    edit("omvarld.yaml", "  - Demografi", "  - Demografin")(content)
    real_fsync, calls = os.fsync, []

    def full(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(writer.os, "fsync", full)
    result = build(content, out)
    monkeypatch.undo()
    assert_refused(result, out, before, content, [
        f"Bygget avbröts: resultatet kunde inte skrivas till {out} (disken är full) — tidigare filer är "
        "orörda. Inga filer har ändrats."])


def test_temp_files_of_a_killed_build_are_removed_by_the_next(content: Path, previous):
    out, _ = previous
    for name in (".vpgen-abc123.tmp", ".vpgen-0123.bak"):
        (out / name).write_bytes(b"halvskrivet")
    (out / ".vpgen-pdf-xyz").mkdir()
    (out / ".vpgen-pdf-xyz" / "VP.pdf").write_bytes(b"%PDF")
    result = build(content, out, "--force")
    assert result.exit_code == 0, result.output
    assert leftovers(out, content) == []
    assert (out / MANIFEST).is_file()


# ---------------------------------------------------------------- content that cannot be read

def test_an_unreadable_area_file_is_reported_not_a_crash(content: Path, previous, monkeypatch):
    """chmod 000 for a normal user; root reads anything, so there the read itself is made to fail."""
    out, before = previous
    target = content / AREA
    if os.geteuid() != 0:
        target.chmod(0)
    else:
        real = Path.read_bytes

        def read_bytes(self):
            if self == target:
                raise PermissionError(errno.EACCES, "Permission denied")
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    try:
        result = build(content, out, "--force")  # as root the cache could still read the file
    finally:
        target.chmod(0o644)
    assert_refused(result, out, before, content, [
        C + AREA + ": fel: filen kan inte läsas (behörighet saknas)", STOPPED])


def test_an_unlistable_area_folder_is_reported_not_a_crash(content: Path, previous, monkeypatch):
    out, before = previous
    folder = content / "omraden"
    real = Path.iterdir

    def iterdir(self):
        if self == folder:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    result = build(content, out, "--force")  # the cache lists files its own way; it would say "nothing changed"
    assert_refused(result, out, before, content, [
        C + "omraden: fel: mappen kan inte läsas (behörighet saknas) — kontrollera behörigheten", STOPPED])
