"""`vpgen build`: gather and check everything, then render, then write — in that order.

Nothing touches output/ until every input has been read and validated and every document
has been rendered in memory; the writer then replaces the files atomically.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from .problems import ContentError, Problem
from .writer import normalize_zip


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


class ReviewFailed(Exception):
    """--final: the accessibility and fit review found problems in what would be written."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__("\n".join(lines))


@dataclass
class BuildResult:
    written: list[Path]
    warnings: list[Problem] = field(default_factory=list)
    pdfs: list[Path] = field(default_factory=list)
    cached: bool = False  # nothing changed: the outputs of the last build were kept


def output_names(year: int) -> dict[str, str]:
    """File names of the documents every build writes (decks are named by the outline)."""
    return {
        "plan": f"VP-{year}-verksamhetsplan.docx",
        "summary_docx": f"VP-{year}-uppdrag.docx",
        "summary_xlsx": f"VP-{year}-uppdrag.xlsx",
    }


def render_all(plan, derived, layout) -> dict[str, bytes]:
    """Every output document, in memory and normalised, keyed by file name.

    The deck and the documents are independent and each is mostly python-pptx / python-docx
    work in one thread, so with two cores the deck renders in a forked child meanwhile.
    """
    def deck() -> dict[str, bytes]:
        from .render.deck import render_decks

        return {name: normalize_zip(data) for name, data in render_decks(plan, derived, layout).items()}

    def documents() -> dict[str, bytes]:
        from .render.plan_docx import render_plan
        from .render.summary import render_summary_docx, render_summary_xlsx

        names = output_names(plan.plan.planar)
        return {
            names["plan"]: normalize_zip(render_plan(plan, derived, layout)),
            names["summary_docx"]: normalize_zip(render_summary_docx(plan, derived, layout)),
            names["summary_xlsx"]: normalize_zip(render_summary_xlsx(plan, derived, layout)),
        }

    outputs: dict[str, bytes] = {}
    for part in run_parallel([deck, documents]):
        outputs.update(part)
    return outputs


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def run_parallel(jobs: list) -> list:
    """Run jobs[0] in a forked child while this process runs the rest; results in job order.

    Falls back to running everything here with one core or without fork. An exception in the
    child is raised here, as if the job had run here.
    """
    if len(jobs) < 2 or _cores() < 2 or not hasattr(os, "fork"):
        return [job() for job in jobs]
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run one job, send its result back, leave without cleanup
        os.close(read_end)
        try:
            payload = pickle.dumps(("ok", jobs[0]()))
        except BaseException as err:  # noqa: BLE001 - everything goes back to the parent
            try:
                payload = pickle.dumps(("error", err))
            except Exception:  # noqa: BLE001 - an exception that cannot be pickled
                payload = pickle.dumps(("error", RuntimeError(f"{type(err).__name__}: {err}")))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
        os._exit(0)
    os.close(write_end)
    try:
        rest = [job() for job in jobs[1:]]
    finally:
        with os.fdopen(read_end, "rb") as pipe:
            payload = pipe.read()
        os.waitpid(pid, 0)
    if not payload:
        raise RuntimeError("the deck renderer stopped without a result")
    try:
        status, value = pickle.loads(payload)
    except Exception as err:  # noqa: BLE001 - an exception whose class cannot be rebuilt here
        raise RuntimeError(f"the deck renderer's result could not be read ({type(err).__name__}: {err})") from None
    if status == "error":
        raise value
    return [value] + rest


def build(options: BuildOptions) -> BuildResult:
    from .cache import MANIFEST, inputs_digest, manifest_bytes, up_to_date
    from .layout import Layout, find_layouts_dir
    from .writer import output_lock, prepare_output_dir, write_outputs

    # 0. Nothing changed since the last build: its outputs stand (checked before heavy imports).
    layouts_dir = find_layouts_dir(options.layouts_dir)
    digest = inputs_digest(
        Path(options.content_dir), layouts_dir, [options.template, options.docx_template, options.outline],
        {"strict": options.strict, "final": options.final},
    )
    if not options.force and not options.pdf:
        cached = up_to_date(Path(options.output_dir), digest)
        if cached is not None:
            return BuildResult(written=cached, cached=True)

    from .derive import Derived
    from .load import load_content

    # 1. Gather: content, layouts, templates. Any problem stops here (a warning too, for --final:
    #    missing or incomplete areas and example data are warnings until the final version).
    loaded = load_content(options.content_dir)
    blocking = loaded.errors + (loaded.warnings if options.strict or options.final else [])
    if blocking:
        raise ContentError(loaded.problems)
    layout = Layout(layouts_dir, options.template, options.docx_template, options.outline)
    output_dir = prepare_output_dir(options.output_dir, options.content_dir)

    layout.texts  # compiled once here: a template error stops the build before rendering

    # 2. Render every document in memory.
    plan = loaded.plan
    normalized = render_all(plan, Derived(plan), layout)
    if options.final:
        review_before_writing(normalized)

    # 3. Write: the only step that touches output/ (the manifest goes in the same atomic write).
    with output_lock(output_dir):
        written = write_outputs(output_dir, {**normalized, MANIFEST: manifest_bytes(digest, normalized)})
        written = [path for path in written if path.name != MANIFEST]
        pdfs = []
        if options.pdf:
            from .pdf import convert_to_pdf

            pdfs = convert_to_pdf([p for p in written if p.suffix in (".pptx", ".docx")], output_dir)
    return BuildResult(written=written, warnings=loaded.warnings, pdfs=pdfs)


def review_before_writing(outputs: dict[str, bytes]) -> None:
    """Review the documents as they would be written (rendered when LibreOffice is there)."""
    import tempfile

    from .review import run_review

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
