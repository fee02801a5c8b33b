"""PDF through LibreOffice headless: a private profile, one request for all files, and a
LibreOffice that can be started before the documents are ready (Office).

Measured with LibreOffice 7.4.7: the default export already carries the document title (from
the file's core properties), but the catalog /Lang of an Impress export is the *UI locale* of
the profile (en-US), whatever the slides say; Writer takes the language of the document's
default style. So the fresh profile gets `ooSetupSystemLocale = sv-SE` (changes only Impress's
/Lang, and date/number formats of fields), and the export is tagged (`UseTaggedPDF` as JSON
filter options, LibreOffice ≥ 7.4): headings, reading order and alt text reach the PDF. The
same filter string converts .docx too (LibreOffice picks the Writer exporter by document type).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

from .problems import UserError

INSTALL_HINT = "apt-get install -y --no-install-recommends libreoffice-impress libreoffice-writer"

EXPORT_OPTIONS = {
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
}

_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">\
<value>{lang}</value></prop></item>
</oor:items>
"""


class PdfError(UserError):
    """LibreOffice is missing or the conversion failed; the message is for the user (Swedish)."""


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


class Office:
    """A private LibreOffice for one conversion request: its own profile (sv-SE), and, where it can
    be started ahead (POSIX: its pipe shows when it is ready), a process started by `start()`.
    Started early, its start-up (about 1,4 s) overlaps the rendering; LibreOffice ends such a
    process once it has served a conversion, so an Office serves one request warm (a second one
    starts LibreOffice afresh). Without `start()`, or when it does not come up, the conversion starts
    LibreOffice itself. Several Office objects convert side by side.
    """

    READY_TIMEOUT = 60.0

    def __init__(self, lang: str = "sv-SE", timeout: float = 120):
        self.lang, self.timeout = lang, timeout
        self.soffice = find_soffice()
        self.profile = self._new_profile()
        self.listener: subprocess.Popen | None = None
        self.pipe: list[Path] = []

    def _new_profile(self) -> Path:
        profile = Path(tempfile.mkdtemp(prefix="vpgen-lo-profile-"))
        (profile / "user").mkdir()
        (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE.format(lang=self.lang), encoding="utf-8")
        return profile

    def start(self) -> Office:
        """Start LibreOffice now, listening on a pipe of its own (only where readiness can be seen)."""
        if self.soffice is None or os.name != "posix" or self.listener is not None:
            return self
        name = f"vpgen_{uuid.uuid4().hex}"
        uid = os.getuid()
        self.pipe = [Path(folder) / f"OSL_PIPE_{uid}_{name}" for folder in ("/tmp", "/var/tmp")]
        try:
            self.listener = subprocess.Popen(
                [self.soffice, f"-env:UserInstallation={self.profile.as_uri()}", "--headless", "--norestore",
                 "--nologo", f"--accept=pipe,name={name};urp;"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, start_new_session=True)
        except OSError:
            self.listener = None
        return self

    def _ready(self) -> bool:
        """Wait until the started LibreOffice listens; False (and it is ended) when it will not."""
        deadline = time.monotonic() + self.READY_TIMEOUT
        while self.listener is not None and self.listener.poll() is None and time.monotonic() < deadline:
            if any(path.exists() for path in self.pipe):
                return True
            time.sleep(0.02)
        self._end_listener()
        shutil.rmtree(self.profile, ignore_errors=True)  # a half-started instance may have left its lock
        self.profile = self._new_profile()
        return False

    def convert(self, files: list[Path], out_dir: Path) -> list[Path]:
        """Convert every file to `out_dir/<stem>.pdf` in one request; return the PDF paths.

        The PDFs are written to a temporary folder first and moved into place only when every
        file converted, so a failure leaves the PDFs already in `out_dir` untouched.
        """
        files = [Path(f) for f in files]
        if not files:
            return []
        _check_inputs(files)
        if self.soffice is None:
            raise PdfError("PDF kan inte skapas: LibreOffice (soffice) är inte installerat. "
                           f"Installera det med: {INSTALL_HINT}")
        if self.listener is not None:
            self._ready()
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".vpgen-pdf-", dir=out_dir))  # same file system: atomic move
        try:
            cmd = [self.soffice, f"-env:UserInstallation={self.profile.as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf:impress_pdf_Export:" + json.dumps(EXPORT_OPTIONS, separators=(",", ":")),
                   "--outdir", str(staging), *[str(f.resolve()) for f in files]]
            stderr = _run(cmd, self.timeout)
            produced = [staging / f"{f.stem}.pdf" for f in files]
            failed = [f.name for f, pdf in zip(files, produced) if not pdf.is_file() or pdf.stat().st_size == 0]
            if failed:
                detail = f" LibreOffice skrev: {stderr.strip()[-300:]}" if stderr.strip() else ""
                raise PdfError(f"PDF kan inte skapas: LibreOffice kunde inte konvertera {', '.join(failed)}.{detail} "
                               f"Befintliga PDF-filer har inte ändrats. Kontrollera installationen ({INSTALL_HINT}).")
            targets = []
            for pdf in produced:
                target = out_dir / pdf.name
                os.replace(pdf, target)
                targets.append(target)
            return targets
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _end_listener(self) -> None:
        if self.listener is not None:
            if self.listener.poll() is None:
                _kill_group(self.listener)
            self.listener = None
        for path in self.pipe:  # LibreOffice leaves its pipe behind when it is ended
            path.unlink(missing_ok=True)

    def close(self) -> None:
        self._end_listener()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Office:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _check_inputs(files: list[Path]) -> None:
    stems = [f.stem for f in files]
    clash = sorted({s for s in stems if stems.count(s) > 1})
    if clash:
        raise PdfError(f"PDF kan inte skapas: flera filer heter {', '.join(clash)} (olika filändelser), "
                       "och deras PDF-filer skulle skriva över varandra.")
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise PdfError(f"PDF kan inte skapas: filen finns inte: {', '.join(missing)}.")


def convert_to_pdf(files: list[Path], out_dir: Path, timeout: float = 120, lang: str = "sv-SE") -> list[Path]:
    """Convert every file to `out_dir/<stem>.pdf` in one LibreOffice run of its own (see Office)."""
    with Office(lang, timeout) as office:
        return office.convert(files, out_dir)


def _run(cmd: list[str], timeout: float) -> str:
    """Run soffice in its own process group; kill the whole group on timeout. Returns stderr."""
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                start_new_session=True, text=True, errors="replace")
    except OSError as err:
        raise PdfError(f"PDF kan inte skapas: LibreOffice kunde inte startas ({err}). "
                       f"Installera det med: {INSTALL_HINT}") from None
    try:
        _, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise PdfError(f"PDF kan inte skapas: LibreOffice blev inte klart inom {timeout:g} sekunder och avbröts. "
                       "Befintliga PDF-filer har inte ändrats. Försök igen, eller kontrollera att LibreOffice "
                       f"fungerar ({INSTALL_HINT}).") from None
    if proc.returncode != 0:
        raise PdfError(f"PDF kan inte skapas: LibreOffice avslutades med felkod {proc.returncode}"
                       f"{': ' + stderr.strip()[-300:] if stderr.strip() else ''}. Befintliga PDF-filer har inte "
                       f"ändrats. Kontrollera installationen ({INSTALL_HINT}).")
    return stderr


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # Windows: no process groups; soffice.exe ends its child with it
            proc.kill()
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def outline_pages(pdf: Path) -> list[tuple[str, int]]:
    """The bookmarks of a PDF as (title, page number from 1), in order: LibreOffice exports a
    document's headings as bookmarks (the Word plan's table of contents is numbered from them)."""
    import pypdfium2  # lazy: only the build that numbers the table of contents reads a PDF

    try:
        document = pypdfium2.PdfDocument(str(pdf))
    except pypdfium2.PdfiumError as err:
        raise PdfError(f"PDF-filen {pdf.name} kan inte läsas ({err}).") from None
    try:
        found = []
        for mark in document.get_toc():
            dest = mark.get_dest()
            index = dest.get_index() if dest is not None else None
            if index is not None:
                found.append((mark.get_title(), index + 1))
        return found
    finally:
        document.close()
