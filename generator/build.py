"""`vpgen build`: gather and check everything, then render, then write — in that order.

Nothing touches output/ until every input has been read and validated and every document
has been rendered in memory; the writer then replaces the files atomically.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .problems import ContentError, Problem


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


def output_names(year: int) -> dict[str, str]:
    """File names of the documents every build writes (decks are named by the outline)."""
    return {
        "plan": f"VP-{year}-verksamhetsplan.docx",
        "summary_docx": f"VP-{year}-uppdrag.docx",
        "summary_xlsx": f"VP-{year}-uppdrag.xlsx",
    }


def render_all(plan, derived, layout) -> dict[str, bytes]:
    """Every output document, in memory, keyed by file name."""
    from .render.deck import render_decks
    from .render.plan_docx import render_plan
    from .render.summary import render_summary_docx, render_summary_xlsx

    names = output_names(plan.plan.planar)
    outputs = dict(render_decks(plan, derived, layout))
    outputs[names["plan"]] = render_plan(plan, derived, layout)
    outputs[names["summary_docx"]] = render_summary_docx(plan, derived, layout)
    outputs[names["summary_xlsx"]] = render_summary_xlsx(plan, derived, layout)
    return outputs


def build(options: BuildOptions) -> BuildResult:
    from .derive import Derived
    from .layout import Layout, find_layouts_dir
    from .load import load_content
    from .writer import normalize_zip, output_lock, prepare_output_dir, write_outputs

    # 1. Gather: content, layouts, templates. Any problem stops here (a warning too, for --final:
    #    missing or incomplete areas and example data are warnings until the final version).
    loaded = load_content(options.content_dir)
    blocking = loaded.errors + (loaded.warnings if options.strict or options.final else [])
    if blocking:
        raise ContentError(loaded.problems)
    layout = Layout(find_layouts_dir(options.layouts_dir), options.template, options.docx_template, options.outline)
    output_dir = prepare_output_dir(options.output_dir, options.content_dir)

    # 2. Render every document in memory.
    plan = loaded.plan
    outputs = render_all(plan, Derived(plan), layout)

    normalized = {name: normalize_zip(data) for name, data in outputs.items()}
    if options.final:
        review_before_writing(normalized)

    # 3. Write: the only step that touches output/.
    with output_lock(output_dir):
        written = write_outputs(output_dir, normalized)
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
