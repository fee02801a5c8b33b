"""Every runtime dependency (and theirs) has a licence that lets a Swedish public body reuse vpgen
under the EUPL-1.2 (LICENSE): permissive licences, or weak copyleft the EUPL lists as compatible.
No AGPL or GPL library is imported at run time (PyMuPDF, AGPL, is a test-time tool only)."""

from __future__ import annotations

import importlib.metadata as md
import re

from packaging.requirements import Requirement

# SPDX ids, and the words older packages write in their License field or classifiers.
PERMISSIVE = {"MIT", "MIT-CMU", "HPND", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "PSF-2.0", "ISC",
              "Unlicense", "0BSD", "Zlib", "MPL-2.0"}
CLASSIFIERS = {"MIT License": "MIT", "BSD License": "BSD-3-Clause", "Apache Software License": "Apache-2.0",
               "Python Software Foundation License": "PSF-2.0", "The Unlicense (Unlicense)": "Unlicense",
               "ISC License (ISCL)": "ISC", "Historical Permission Notice and Disclaimer (HPND)": "HPND",
               "Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0"}
# Licence fields no reader can parse, reviewed by hand: the exact text, and what it was found to mean.
# pypdfium2: its own code BSD-3-Clause or Apache-2.0; the PDFium binary bundles PDFium (BSD-3-Clause),
# FreeType (FTL), libjpeg-turbo (IJG/BSD), libpng, zlib, ICU (Unicode) and, on Linux, libstdc++ (GPL
# with the GCC runtime exception, which allows linking from code under any licence).
REVIEWED = {("pypdfium2", "BSD-3-Clause, Apache-2.0, dependency licenses"): {"BSD-3-Clause"}}
WORDS = {"MIT": "MIT", "BSD": "BSD-3-Clause", "BSD-3-Clause": "BSD-3-Clause", "Apache 2.0": "Apache-2.0",
         "Apache-2.0": "Apache-2.0", "Apache Software License": "Apache-2.0", "PSF": "PSF-2.0"}


def runtime_closure(root: str = "vpgen") -> dict[str, md.Distribution]:
    """The distributions vpgen needs at run time (no extras), recursively."""
    seen: dict[str, md.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        dist = md.distribution(name)
        seen[key] = dist
        for spec in dist.requires or []:
            req = Requirement(spec)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    seen.pop("vpgen")
    return seen


def licences(dist: md.Distribution) -> set[str]:
    """The licence(s) a distribution declares, as SPDX ids where they can be read."""
    meta = dist.metadata
    reviewed = REVIEWED.get((meta.get("Name", "").lower(), (meta.get("License") or "").strip()))
    if reviewed is not None:
        return reviewed
    expression = meta.get("License-Expression")
    if expression:
        # "A OR B": either may be chosen; "A AND B": all apply (every one must be acceptable).
        if " OR " in expression:
            options = [part.strip(" ()") for part in expression.split(" OR ")]
            return {next((o for o in options if o in PERMISSIVE), options[0])}
        return {part.strip(" ()") for part in expression.split(" AND ")}
    found = {CLASSIFIERS[c.rsplit(" :: ", 1)[-1]] for c in meta.get_all("Classifier") or []
             if c.startswith("License ::") and c.rsplit(" :: ", 1)[-1] in CLASSIFIERS}
    field = (meta.get("License") or "").strip()
    if not found and field in WORDS:
        found.add(WORDS[field])
    return found or {field or "(okänd)"}


def test_every_runtime_dependency_has_a_licence_compatible_with_the_eupl():
    closure = runtime_closure()
    assert {"python-pptx", "python-docx", "fonttools", "filelock"} <= set(closure)
    unacceptable = {name: sorted(licences(dist)) for name, dist in closure.items()
                    if not licences(dist) <= PERMISSIVE}
    assert unacceptable == {}


def test_no_agpl_library_is_a_runtime_dependency():
    assert "pymupdf" not in runtime_closure()


def test_the_licence_reader_rejects_copyleft_it_does_not_know():
    class Fake:
        metadata = {"License-Expression": "AGPL-3.0-only"}

    assert not licences(Fake()) <= PERMISSIVE
