"""Skip a build whose inputs did not change: a manifest of input and output hashes in output/.

Inputs are every content file, every file of the layout folder (and any template overrides),
the build options that change output, vpgen's own source, and last year's plan as the last build
read it (previous.still_current: its files, or the commit its git revision names). The outputs
are hashed too, so a deleted or edited output is rebuilt. Only the standard library: this runs
before anything heavy is imported, which is what makes an unchanged build answer in a few
hundredths of a second.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .previous import still_current

MANIFEST = ".vpgen-manifest.json"
PACKAGE = Path(__file__).resolve().parent


def _digest(path: Path) -> str:
    """sha256 of a regular file, read in pieces; anything else (/dev/zero given as --template, a
    FIFO) is not read at all: OSError, so the build goes on to refuse it by name."""
    if not path.is_file():
        raise OSError(f"not a regular file: {path}")
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for piece in iter(lambda: handle.read(1 << 20), b""):
            h.update(piece)
    return h.hexdigest()


def _link(path: Path) -> str:
    """Where a path really leads when a symbolic link is on the way ('' when none is): a file that
    becomes a link out of the content folder, with the same bytes, is a change (load refuses it)."""
    real = os.path.realpath(path)
    return "" if real == os.path.abspath(path) else f"->{real}"


def _files(root: Path, pattern: str) -> list[Path]:
    return sorted(p for p in root.glob(pattern) if p.is_file()) if root.is_dir() else []


def inputs_digest(content_dir: Path, layouts_dir: Path, extra_files: list[Path | None], options: dict) -> str | None:
    """One hash of everything a build reads; None when an input cannot be read (then: build)."""
    h = hashlib.sha256()
    h.update(json.dumps(options, sort_keys=True, default=str).encode())
    try:
        groups = [
            ("content", content_dir, _files(content_dir, "*") + _files(content_dir, "*/*")),
            ("layouts", layouts_dir, _files(layouts_dir, "*")),
            ("code", PACKAGE, _files(PACKAGE, "**/*.py")),
        ]
        for label, root, files in groups:
            for path in files:
                h.update(f"{label}:{path.relative_to(root)}{_link(path)}:{_digest(path)}\n".encode())
        for path in extra_files:
            if path is not None:
                h.update(f"extra:{Path(path).resolve()}:{_digest(Path(path))}\n".encode())
    except OSError:
        return None
    return h.hexdigest()


def up_to_date(output_dir: Path, digest: str | None) -> list[Path] | None:
    """The outputs of the last build when it had these exact inputs and its outputs are intact."""
    if digest is None:
        return None
    try:
        manifest = json.loads((output_dir / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("inputs") != digest or not still_current(manifest.get("previous")):
            return None
        outputs = [output_dir / name for name in manifest["outputs"]]
        if all(_digest(path) == manifest["outputs"][path.name] for path in outputs):
            return outputs
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return None


def manifest_bytes(digest: str | None, outputs: dict[str, bytes], previous: dict | None = None) -> bytes:
    """The manifest written with the outputs (in the same atomic write). `previous` records what was
    read as last year's plan (previous.opened): its files' hashes, or the commit a git revision named,
    so a change there (a folder outside the content, a moved tag) rebuilds."""
    data = {"inputs": digest, "outputs": {name: hashlib.sha256(blob).hexdigest() for name, blob in outputs.items()}}
    if previous:
        data["previous"] = previous
    return json.dumps(data, indent=1, sort_keys=True).encode()


def last_outputs(output_dir: Path) -> dict[str, str]:
    """The documents the last build wrote here (name → sha256), as its manifest says; {} when none."""
    try:
        outputs = json.loads((output_dir / MANIFEST).read_text(encoding="utf-8"))["outputs"]
        return {str(name): str(digest) for name, digest in outputs.items()} if isinstance(outputs, dict) else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def left_behind(output_dir: Path, last: dict[str, str], written: set[str]) -> tuple[list[Path], list[Path]]:
    """What the last build wrote and this one did not (an output of another outline, a proposal with
    no previous plan now): those still as the last build left them, which may go, and those edited
    since, which stay. A document's PDF goes with it."""
    stale, edited = [], []
    for name, digest in sorted(last.items()):
        path = output_dir / name
        if name in written or Path(name).name != name or not path.is_file():
            continue
        try:
            same = _digest(path) == digest
        except OSError:
            continue
        (stale if same else edited).append(path)
        pdf = path.with_suffix(".pdf")
        if same and pdf.is_file() and pdf.name not in written:
            stale.append(pdf)
    return stale, edited
