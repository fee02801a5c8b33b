"""A template's package as python-pptx and python-docx open it: a .potx / .dotx (or a macro-enabled
file) read as the .pptx / .docx it stands for, in memory, before either library sees it.

`layout.template_package` has checked the archive (a zip, no zip bomb) before anything here reads
it.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from ..ooxml import AS_DOCUMENT, MACRO_RELS
from ..problems import LayoutError

_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True)
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, ValueError, KeyError)


def as_document(path: Path, types: bytes, broken: str) -> tuple[str | io.BytesIO, bool]:
    """The template as python-pptx / python-docx open it, and whether its macros were left out.

    A .potx or .dotx (and a .pptm, .potm, .ppsx, .docm, .dotm) differs from a .pptx / .docx only
    in the content type of its main part, by which the libraries refuse it. Such a template is
    opened from a copy in memory whose [Content_Types].xml (`types`) says "document", without the
    main part's relationships to a macro project: the macros are never read, so no output carries
    them. A .pptx / .docx opens from its path as it is. `broken` is the message for a package
    whose parts cannot be read.
    """
    try:
        root = etree.fromstring(types, _SAFE_XML)
    except etree.XMLSyntaxError:
        return str(path), False  # the library reports the broken package
    main_parts = []
    for el in root:
        document_type = AS_DOCUMENT.get(el.get("ContentType", ""))
        if document_type is not None:
            el.set("ContentType", document_type)
            if el.get("PartName"):
                main_parts.append(el.get("PartName").lstrip("/"))
    if not main_parts:
        return str(path), False
    patched = {"[Content_Types].xml": etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)}
    dropped = False
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            for part in main_parts:
                folder, _, name = part.rpartition("/")
                rels_name = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
                if rels_name not in names:
                    continue
                try:
                    rels = etree.fromstring(archive.read(rels_name), _SAFE_XML)
                except etree.XMLSyntaxError:
                    continue
                for rel in [rel for rel in rels if rel.get("Type") in MACRO_RELS]:
                    rels.remove(rel)
                    dropped = True
                patched[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
            # Stored, not deflated: the copy only lives until the library has read it.
            with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
                for info in archive.infolist():
                    data = patched.get(info.filename)
                    copy.writestr(info.filename, data if data is not None else archive.read(info))
    except _ZIP_ERRORS:
        raise LayoutError(broken) from None
    out.seek(0)
    return out, dropped
