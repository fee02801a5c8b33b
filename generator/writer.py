"""The one place that touches the output folder: lock, write to temp files, replace atomically."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import zipfile
from pathlib import Path

from .problems import UserError

LOCK_NAME = ".vpgen.lock"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class OutputError(UserError):
    """The output folder cannot be written; the message is for the user (Swedish)."""


def normalize_zip(data: bytes) -> bytes:
    """Same parts, same order, fixed timestamps and attributes: same content gives same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


@contextlib.contextmanager
def output_lock(output_dir: Path):
    """Serialise builds into one folder: a second build waits for the first to finish."""
    import fcntl

    with open(output_dir / LOCK_NAME, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def prepare_output_dir(output_dir: Path, content_dir: Path | None = None) -> Path:
    output_dir = Path(output_dir)
    if content_dir is not None:
        try:
            output_dir.resolve().relative_to(Path(content_dir).resolve())
            raise OutputError(f"utdatamappen {output_dir} ligger i innehållsmappen {content_dir} — välj en annan mapp")
        except ValueError:
            pass
    if output_dir.exists() and not output_dir.is_dir():
        raise OutputError(f"{output_dir} är en fil, inte en mapp — ange en mapp för resultatet")
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"utdatamappen {output_dir} kan inte skapas ({err.strerror})") from None
    if not os.access(output_dir, os.W_OK):
        raise OutputError(f"utdatamappen {output_dir} är skrivskyddad — ändra behörigheten eller välj en annan mapp")
    return output_dir


def write_outputs(output_dir: Path, files: dict[str, bytes]) -> list[Path]:
    """Write every file or none: all go to temp files first, then each is renamed into place.

    Callers hold output_lock() around this so two builds never interleave their renames.
    """
    temps: list[tuple[Path, Path]] = []
    try:
        for name, data in files.items():
            fd, tmp = tempfile.mkstemp(dir=output_dir, prefix=".vpgen-", suffix=".tmp")
            temps.append((Path(tmp), output_dir / name))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
        for tmp, final in temps:
            os.replace(tmp, final)
    except OSError as err:
        raise OutputError(f"resultatet kunde inte skrivas till {output_dir} ({err.strerror}) — tidigare filer är orörda") from None
    finally:
        for tmp, _ in temps:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
    return [final for _, final in temps]
