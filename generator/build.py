"""`vpgen build`: gather and check everything, then render, then write — in that order.

Nothing touches output/ until every input has been read and validated and every document
has been rendered in memory; the writer then replaces the files atomically.
"""

from __future__ import annotations

import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .cache import MANIFEST, inputs_digest, last_outputs, left_behind, manifest_bytes, up_to_date
from .layout import Layout, find_layouts_dir
from .messages import os_reason
from .outputs import pdf_name
from .parallel import Worker
from .pdf import Office, PdfError
from .problems import ContentError, Problem
from .writer import output_lock, prepare_output_dir, write_outputs


@dataclass
class BuildOptions:
    content_dir: Path = Path("content")
    output_dir: Path = Path("output")
    layouts_dir: Path | None = None
    template: Path | None = None
    docx_template: Path | None = None
    outline: Path | None = None
    strict: bool = False
    final: bool = False  # strict, and the review must find nothing, before anything is written
    pdf: bool = False
    force: bool = False  # rebuild even when nothing changed since the last build
    compare_with: str | None = None  # last year's plan (a folder or git:REV) instead of plan.yaml's föregående


class ReviewFailed(Exception):
    """--final: the accessibility and fit review found problems in what would be written."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__("\n".join(lines))


class PdfFailed(PdfError):
    """The documents were written, their PDFs could not be made; `written` are the documents."""

    def __init__(self, message: str, written: list[Path]):
        self.written = written
        super().__init__(message)


@dataclass
class BuildResult:
    written: list[Path]
    warnings: list[Problem] = field(default_factory=list)
    pdfs: list[Path] = field(default_factory=list)
    cached: bool = False  # nothing changed: the outputs of the last build were kept
    # What the planner should know about the templates (styles added, layouts replaced, macros
    # left out): not errors, said once per build.
    notes: list[str] = field(default_factory=list)


def build(options: BuildOptions) -> BuildResult:
    # 0. Nothing changed since the last build: its outputs stand (checked before anything heavy).
    layouts_dir = find_layouts_dir(options.layouts_dir)
    digest = inputs_digest(
        Path(options.content_dir), layouts_dir, [options.template, options.docx_template, options.outline],
        {"strict": options.strict, "final": options.final, "compare_with": options.compare_with},
    )
    if not options.force and not options.pdf:
        cached = up_to_date(Path(options.output_dir), digest)
        if cached is not None:
            return BuildResult(written=cached, cached=True)

    # lazy: an unchanged build has answered above, before pydantic, Jinja and python-docx are imported
    from .load import load_content
    from .render.documents import DECK_RENDERER, render_all
    from .render.toc import wanted as toc_numbered

    # LibreOffice starts now when the build needs it (--pdf, --final), so its start-up overlaps the
    # work below: one for the Word documents (their TOC page numbers, their PDFs), one for the decks.
    numbered_toc = toc_numbered(options.pdf or options.final)
    with Worker(preload=(DECK_RENDERER,)) as worker, Offices(numbered_toc, options.pdf) as offices:
        # 1. Gather: content, layouts, templates. Any problem stops here (a warning too, for --final:
        #    missing or incomplete areas and example data are warnings until the final version).
        loaded = load_content(options.content_dir, options.compare_with)
        blocking = loaded.errors + (loaded.warnings if options.strict or options.final else [])
        if blocking:
            raise ContentError(loaded.problems)
        plan = loaded.plan
        layout = Layout(layouts_dir, options.template, options.docx_template, options.outline)
        layout.outline(plan)  # the outline and the text templates are checked before rendering
        output_dir = prepare_output_dir(options.output_dir, options.content_dir)

        # 2. Render every document in memory.
        outputs, notes = render_all(plan, layout, worker, loaded.changes, offices.documents if numbered_toc else None)
        if options.final:
            review_before_writing(outputs)
        pdfs, pdf_error = (convert_pdfs(outputs, offices) if options.pdf else ({}, None))

    # 3. Write: the only step that touches output/ (the manifest goes in the same atomic write).
    with output_lock(output_dir):
        last = last_outputs(output_dir)
        manifest = manifest_bytes(digest, outputs, loaded.previous_record)
        written = write_outputs(output_dir, {**outputs, **pdfs, MANIFEST: manifest})
        notes = notes + remove_left_behind(output_dir, last, {path.name for path in written})
    documents = [path for path in written if path.name in outputs]
    if pdf_error is not None:
        raise PdfFailed(str(pdf_error), documents)
    return BuildResult(written=documents, warnings=loaded.warnings,
                       pdfs=[path for path in written if path.name in pdfs], notes=notes)


def remove_left_behind(output_dir: Path, last: dict[str, str], written: set[str]) -> list[str]:
    """Remove what the last build wrote here and this one did not, unless edited since; say what."""
    stale, edited = left_behind(output_dir, last, written)
    notes = []
    for path in stale:
        try:
            path.unlink()
            notes.append(f"tog bort {path}: den skrevs av ett tidigare bygge och hör inte till det här.")
        except OSError as err:
            notes.append(f"{path} är från ett tidigare bygge och kunde inte tas bort ({os_reason(err)}) — ta bort "
                         "den själv.")
    for path in edited:
        notes.append(f"{path} är från ett tidigare bygge och hör inte till det här; den har ändrats efter "
                     "bygget och får stå kvar — ta bort den om den inte behövs.")
    return notes


class Offices:
    """The LibreOffice processes a build uses, each started ahead of its request (see pdf.Office,
    which serves one request warm): one for the plans' table-of-contents page numbers, one for the
    Word documents' PDFs (started when the first is taken) and one for the decks' PDFs."""

    def __init__(self, numbered_toc: bool, pdf: bool):
        self.pdf = pdf
        self._all: list[Office] = []
        self._next = self._start() if numbered_toc or pdf else None
        self.decks = self._start() if pdf else None
        self._replaced = False

    def _start(self) -> Office:
        office = Office().start()
        self._all.append(office)
        return office

    @property
    def documents(self) -> Office | None:
        """The warm office for the next request on the Word documents (with --pdf, the one for the
        request after it starts now)."""
        office = self._next
        if office is not None and self.pdf and not self._replaced:
            self._next, self._replaced = self._start(), True
        return office

    def close(self) -> None:
        for office in self._all:
            office.close()

    def __enter__(self) -> Offices:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def convert_pdfs(outputs: dict[str, bytes], offices: Offices) -> tuple[dict[str, bytes], PdfError | None]:
    """PDFs of the decks and the Word documents (two requests side by side), or the reason there are none."""
    with tempfile.TemporaryDirectory(prefix="vpgen-pdf-") as tmp, ThreadPoolExecutor(max_workers=2) as pool:
        jobs = []
        for suffix, office in ((".pptx", offices.decks), (".docx", offices.documents)):
            sources = []
            for name, data in outputs.items():
                if name.endswith(suffix):
                    path = Path(tmp) / suffix[1:] / name
                    path.parent.mkdir(exist_ok=True)
                    path.write_bytes(data)
                    sources.append(path)
            jobs.append(pool.submit(office.convert, sources, Path(tmp) / "ut"))
        try:
            produced = [pdf for job in jobs for pdf in job.result()]
        except PdfError as err:
            return {}, err
        return {pdf_name(path.name): path.read_bytes() for path in produced}, None


def review_before_writing(outputs: dict[str, bytes]) -> None:
    """Review the documents as they would be written (rendered when LibreOffice is there)."""
    from .review import run_review  # lazy: only --final reviews

    with tempfile.TemporaryDirectory(prefix="vpgen-granska-") as tmp:
        paths = []
        for name, data in outputs.items():
            if name.endswith((".pptx", ".docx")):
                path = Path(tmp) / name
                path.write_bytes(data)
                paths.append(path)
        result = run_review(paths, labels=[path.name for path in paths])
    if result.findings:
        raise ReviewFailed([finding.format() for finding in result.findings])
