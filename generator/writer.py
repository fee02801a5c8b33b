"""The one place that touches the output folder: lock, write to temp files, replace atomically."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import tempfile
import uuid
import warnings
import zipfile
import zlib
from pathlib import Path

with warnings.catch_warnings():
    # Where neither fcntl nor msvcrt exists, filelock falls back to a lock file that is removed on
    # release (SoftFileLock) and says so in a warning: right for us there, and nothing the planner must read.
    warnings.filterwarnings("ignore", "only soft file lock is available")
    from filelock import FileLock

from .messages import os_reason
from .problems import UserError

LOCK_NAME = ".vpgen.lock"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class OutputError(UserError):
    """The output folder cannot be written; the message is for the user (Swedish)."""


_CORE = "docProps/core.xml"
_CORE_TIME = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")
_PACKAGES = (".xlsx", ".xlsm", ".docx", ".pptx")


NESTED_LIMIT = 50 * 1024 * 1024  # an embedded package bigger than this unpacked is copied as it is


def _small_package(blob: bytes) -> bool:
    """An embedded zip that can be rewritten: readable, and not a bomb by its declared sizes (a
    template's embedded object is the organisation's, not ours, and is never unpacked blindly)."""
    if blob[:4] != b"PK\x03\x04":
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as nested:
            return sum(info.file_size for info in nested.infolist()) <= NESTED_LIMIT and nested.testzip() is None
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError, zlib.error):
        return False


def normalize_zip(data: bytes, stamp: bytes | None = None) -> bytes:
    """Same parts, same order, fixed timestamps and attributes: same content gives same bytes.

    A package embedded in this one (the workbook behind a chart) is normalised the same way and
    gets this package's creation time, not the moment of the build (its writer stamps "now").
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        if stamp is not None and _CORE in names:
            core = _CORE_TIME.sub(lambda m: m.group(1) + stamp + m.group(3), src.read(_CORE))
        else:
            core = src.read(_CORE) if _CORE in names else b""
            found = re.search(rb"<dcterms:created\b[^>]*>([^<]*)</dcterms:created>", core)
            stamp = found.group(1) if found else None
        for info in src.infolist():
            blob = core if info.filename == _CORE else src.read(info.filename)
            if info.filename.lower().endswith(_PACKAGES) and stamp is not None and _small_package(blob):
                blob = normalize_zip(blob, stamp)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, blob)
    return out.getvalue()


@contextlib.contextmanager
def output_lock(output_dir: Path):
    """Serialise builds into one folder: a second build waits for the first to finish.

    filelock takes an OS lock (fcntl on Unix, msvcrt on Windows), so a build killed while it
    holds the lock never leaves the folder locked.
    """
    lock = FileLock(str(output_dir / LOCK_NAME))
    try:
        lock.acquire()
    except OSError as err:
        raise OutputError(f"låsfilen {output_dir / LOCK_NAME} kan inte öppnas ({os_reason(err)}) — kontrollera "
                          f"behörigheten i utdatamappen, eller ta bort det som heter {LOCK_NAME} där") from None
    try:
        yield
    finally:
        lock.release()


def _resolved(path: Path) -> Path:
    """path.resolve(), also for a symbolic link that loops (Python 3.11 raises RuntimeError)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        raise OutputError(f"utdatamappen {path} kan inte användas (en symbolisk länk som pekar på sig själv?) "
                          "— välj en annan mapp") from None


def prepare_output_dir(output_dir: Path, content_dir: Path | None = None) -> Path:
    output_dir = Path(output_dir)
    if content_dir is not None:
        try:
            _resolved(output_dir).relative_to(_resolved(Path(content_dir)))
            raise OutputError(f"utdatamappen {output_dir} ligger i innehållsmappen {content_dir} — välj en annan mapp")
        except ValueError:
            pass
    try:
        if output_dir.exists() and not output_dir.is_dir():
            raise OutputError(f"{output_dir} är en fil, inte en mapp — ange en mapp för resultatet")
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"utdatamappen {output_dir} kan inte skapas ({os_reason(err)}) — välj en annan mapp") from None
    if not os.access(output_dir, os.W_OK | os.X_OK):
        raise OutputError(f"utdatamappen {output_dir} är skrivskyddad — ändra behörigheten eller välj en annan mapp")
    return output_dir


TEMP_PREFIX = ".vpgen-"
TEMP_SUFFIXES = (".tmp", ".bak")


def _remove_stale_temps(output_dir: Path) -> None:
    """Temp files left by a build that was killed while writing (only called under the lock,
    when no other build can be writing its own)."""
    for suffix in TEMP_SUFFIXES:
        for stale in output_dir.glob(f"{TEMP_PREFIX}*{suffix}"):
            with contextlib.suppress(OSError):
                stale.unlink()
    for staging in output_dir.glob(f"{TEMP_PREFIX}pdf-*"):  # staging folders of earlier versions
        if staging.is_dir() and not staging.is_symlink():
            shutil.rmtree(staging, ignore_errors=True)


def _backup(final: Path) -> Path | None:
    """A hard link to the current file (a copy where links are not supported), for the rollback."""
    if not final.exists():
        return None
    backup = final.with_name(f"{TEMP_PREFIX}{uuid.uuid4().hex}.bak")
    try:
        os.link(final, backup)
    except OSError:
        shutil.copy2(final, backup)
    return backup


def write_outputs(output_dir: Path, files: dict[str, bytes]) -> list[Path]:
    """Write every file or none: all go to temp files first, then each is renamed into place.

    Should a rename fail half-way (a folder where a file should be, a disk that fails), the
    files already replaced get their previous version back, so output/ is never a mix of two
    builds. Callers hold output_lock() around this so two builds never interleave their renames.
    """
    for name in files:
        target = output_dir / name
        if target.is_dir() or (target.exists() and not target.is_file()):
            raise OutputError(f"{target} är en mapp (eller ingen vanlig fil) och kan inte ersättas av dokumentet — "
                              "ta bort eller byt namn på den; tidigare filer är orörda")
    _remove_stale_temps(output_dir)
    temps: list[tuple[Path, Path]] = []
    backups: dict[Path, Path | None] = {}
    replaced: list[Path] = []
    try:
        for name, data in files.items():
            fd, tmp = tempfile.mkstemp(dir=output_dir, prefix=TEMP_PREFIX, suffix=".tmp")
            temps.append((Path(tmp), output_dir / name))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
        for _, final in temps:
            backups[final] = _backup(final)
        for tmp, final in temps:
            os.replace(tmp, final)
            replaced.append(final)
    except OSError as err:
        for final in reversed(replaced):  # put the previous build back
            with contextlib.suppress(OSError):
                if backups.get(final) is not None:
                    os.replace(backups[final], final)
                else:
                    final.unlink()
        raise OutputError(f"resultatet kunde inte skrivas till {output_dir} ({os_reason(err)}) — tidigare filer är orörda") from None
    finally:
        for path in [tmp for tmp, _ in temps] + [b for b in backups.values() if b is not None]:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
    return [final for _, final in temps]
