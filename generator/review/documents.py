"""The files the review reads: what kind each is (from its content, not its name), and opening it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from pptx import Presentation

from ..problems import UserError


class ReviewError(UserError):
    """An input that cannot be reviewed (missing, not a zip, not .pptx/.docx); message in Swedish."""


def detect_kind(path: Path) -> str:
    """'pptx' or 'docx' from the package's content, or ReviewError with a Swedish message."""
    path = Path(path)
    if not path.exists():
        raise ReviewError(f"{path}: filen finns inte.")
    if path.is_dir():
        raise ReviewError(f"{path}: är en mapp, inte en fil. Ange .pptx- eller .docx-filer.")
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError):
        raise ReviewError(f"{path}: kan inte läsas som .pptx eller .docx (filen är inte ett Office-dokument"
                          " – är den skadad eller av en annan typ?).") from None
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "word/document.xml" in names:
        return "docx"
    raise ReviewError(f"{path}: är ett zip-arkiv men varken en PowerPoint-presentation (.pptx) eller ett "
                      "Word-dokument (.docx).")


def open_document(path: Path, kind: str):
    """The python-pptx Presentation or python-docx Document of a file `detect_kind` has accepted."""
    try:
        return Presentation(str(path)) if kind == "pptx" else docx.Document(str(path))
    except Exception as err:  # python-pptx/-docx raise many types on broken packages
        raise ReviewError(f"{path}: kan inte öppnas ({type(err).__name__}: {err}). Är filen en .potx/.dotx-mall "
                          "eller skadad? Spara den som .pptx eller .docx och försök igen.") from None
