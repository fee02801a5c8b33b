"""One area's slides, rendered by the deck's own renderer: how many slides, how long each point is, and
`vpgen förhandsvisning` (a small .pptx, with LibreOffice a PDF and PNGs, beside the area file).

Nothing here measures text itself: the area's sections (render/sections.py `omraden`) go through
render/deck.py `render_decks` with an outline of just those sections, in the real template, so the
slides are the ones the board deck would get at the deck's type scale (the board deck's own scale,
computed from the whole content folder when it can be read: `board_scale`). The slides are then read
back: how many each part of the area fills, the body text size they got, and — with the deck's own
wrapping (render/fit.py `para_lines`) at that size and width — how many lines each point takes.

Only the plan files the area slides need are read (malsattningar.yaml for the fokusområden' names,
anvisningar.yaml for the minimum counts, plan.yaml when it can be read), so the preview works
before the area is listed in plan.yaml and while other content files are broken. output/ is never
touched: the files go to a folder `förhandsvisning/` beside the area file.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from pptx import Presentation

from ..derive import Derived
from ..layout import Layout, find_layouts_dir
from ..load import load_content
from ..messages import os_reason, shell_arg
from ..model import AREA_DIR, Area, Namnd, OmradeFile, OmradeRef, Plan, PlanFile
from ..outline import Avsnitt, Outline
from ..outline import Presentation as OutlineDeck
from ..parse import parse_file
from ..pdf import PdfError, convert_to_pdf, find_soffice
from ..problems import LayoutError, UserError
from ..render.deck import DeckWriter, deck_scale, render_decks
from ..render.fit import para_lines
from ..render.sections import SECTIONS, Context, area_missing
from ..render.scale import TypeScale
from ..render.specs import TextSpec
from ..render.template import inner_box, structure
from .kinds import right_name
from .plan_parts import PlanParts, SlideOptions, find_content_root, read_plan_parts

PREVIEW_DIR = "förhandsvisning"
BUDGET_SHARE = 3  # a point may take a third of the body's lines: the slide's line budget
PNG_DPI = 60


@dataclass(frozen=True)
class Part:
    """One part of the area's slides: what it is and how many slides it fills."""

    what: str  # avsnittsbild, delvis ifyllt, insatser, utmaningar
    slides: int
    size: float | None = None  # the body text size it got (pt)


@dataclass(frozen=True)
class LongPoint:
    loc: tuple  # the point's key path in the area file, e.g. ('insatser', 0, 'punkter', 1)
    lines: int
    budget: int
    size: float


@dataclass
class AreaSlides:
    """The area's slides as the deck renders them."""

    pptx: bytes
    parts: list[Part]
    long_points: list[LongPoint] = field(default_factory=list)


@dataclass
class _AreaLayout(Layout):
    """The real layout folder and templates, with an outline of only the area's sections."""

    area_outline: Outline | None = None

    def outline(self, plan) -> Outline:
        return self.area_outline


def _outline(layout: Layout) -> Outline:
    """The layout's own slide layouts and the 'områden' section as the real outline has it."""
    layouter: dict = {}
    section = Avsnitt.model_construct(typ="områden", innehall=None, rubrik=None, layout=None)
    try:
        real, _doc, _problems = parse_file(layout.outline_path, Outline, layout.outline_path.parent)
    except LayoutError:
        real = None
    if real is not None:
        layouter = dict(real.layouter)
        section = next((s for d in real.presentationer for s in d.avsnitt if s.typ == "områden"), section)
    deck = OutlineDeck.model_construct(fil="forhandsvisning", avsnitt=[section])
    return Outline.model_construct(layouter=layouter, presentationer=[deck])


def area_plan(parts: PlanParts, content: OmradeFile, ref: OmradeRef | None, file_name: str) -> Plan:
    """A plan holding only what the area slides need, and this area (also before plan.yaml lists it)."""
    anv, mal = parts.get("anvisningar.yaml"), parts.get("malsattningar.yaml")
    missing = [name for name, part in (("anvisningar.yaml", anv), ("malsattningar.yaml", mal)) if part is None]
    if missing:
        raise UserError(f"Bilderna kan inte göras: {' och '.join(missing)} i {parts.root} kan inte läsas just nu "
                        "(fokusområdenas namn och minsta antal står där). Be planeringsansvarig rätta "
                        "(vpgen validate visar felen).")
    plan_file = parts.get("plan.yaml") or PlanFile.model_construct(
        region="", namnd=Namnd.model_construct(namn="", bestamd_form=""), forvaltning="",
        planar=anv.deadline.year + 1, datum=anv.deadline, presentationer={}, tidplan=[], omraden=[])
    ref = ref or OmradeRef.model_construct(namn=content.omrade, fil=file_name, ansvarig=f"områdeschef {content.omrade}")
    area = Area(ref=ref, content=content, source=f"{AREA_DIR}/{file_name}")
    return Plan.model_construct(plan=plan_file, anvisningar=anv, malsattningar=mal, omraden=[area],
                                gemensamma=None, ekonomi=None, internkontroll=None, omvarld=None, styrtal_data=None)


def board_scale(root: Path | None, layouts_dir: Path | None = None, template: Path | None = None
                ) -> TypeScale | None:
    """The board deck's type scale, when the whole content folder can be read: the area's slides then
    get the sizes they get in the board deck (one body size for the whole deck). None when the folder
    cannot be read (a file with errors): the area's slides then get the sizes they would alone."""
    if root is None:
        return None
    loaded = load_content(root)
    if loaded.plan is None:
        return None
    try:
        layout = Layout(find_layouts_dir(layouts_dir), pptx_override=template)
        return deck_scale(loaded.plan, Derived(loaded.plan, loaded.changes), layout, "områden")
    except UserError:
        return None


def render_area(plan: Plan, layouts_dir: Path | None = None, template: Path | None = None,
                scale: TypeScale | None = None) -> AreaSlides:
    """The area's slides through the deck's renderer, counted and measured (see the module docstring);
    at `scale` (the board deck's, see board_scale) when given."""
    base = Layout(find_layouts_dir(layouts_dir), pptx_override=template)
    outline = _outline(base)
    layout = _AreaLayout(base.dir, template, area_outline=outline)
    data = next(iter(render_decks(plan, Derived(plan), layout, scale).values()))
    section = outline.presentationer[0].avsnitt[0]
    ctx = Context(plan, Derived(plan), layout.texts)
    specs = [s for s in SECTIONS[section.typ](ctx, section) if not isinstance(s, TextSpec) or s.paras]
    area = plan.omraden[0]
    kinds = (["avsnittsbild"] + ["vad som saknas"] * bool(area_missing(ctx, area))
             + ["insatser"] * bool(area.content.insatser) + ["utmaningar"] * bool(area.content.utmaningar))
    if len(kinds) != len(specs):  # the sections changed shape: count, but without names
        kinds = [f"del {n}" for n in range(1, len(specs) + 1)]
    pages = _pages(specs, list(Presentation(io.BytesIO(data)).slides))
    parts = [Part(kind, len(pages[i]), _body_size(pages[i][0]) if pages[i] and isinstance(spec, TextSpec) else None)
             for i, (kind, spec) in enumerate(zip(kinds, specs))]
    writer = DeckWriter(layout.pptx_template, dict(outline.layouter), layout.texts, plan)
    long_points = []
    for i, kind in enumerate(kinds):
        if kind in ("insatser", "utmaningar") and pages[i]:
            long_points += _long_points(area.content, kind, specs[i], pages[i][0], writer)
    return AreaSlides(data, parts, long_points)


def _pages(specs: list, slides: list) -> dict[int, list]:
    """Slides per spec, by their titles: a spec's first slide carries its title, the slides after it
    (up to the next spec's title) are its continuations."""
    pages: dict[int, list] = {i: [] for i in range(len(specs))}
    current = 0
    for slide in slides:
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        for i in range(current + 1, len(specs)):
            if _starts(title, specs[i].title):
                current = i
                break
        pages[current].append(slide)
    return pages


def _starts(title: str, wanted: str) -> bool:
    if title == wanted or title.startswith(wanted + " ("):
        return True
    return title.endswith("…") and wanted.startswith(title[:-1].rstrip())


def _body_size(slide) -> float | None:
    """The size a slide's body text got: its largest run (the level-0 paragraphs)."""
    body = structure(slide)["body"]
    sizes = [run.font.size.pt for p in (body[0].text_frame.paragraphs if body else []) for run in p.runs
             if run.font.size is not None]
    return max(sizes) if sizes else None


def _long_points(content: OmradeFile, kind: str, spec: TextSpec, slide, writer: DeckWriter) -> list[LongPoint]:
    """Points that take more than the line budget (a third of the body's lines) at the size they got."""
    size = _body_size(slide)
    body = structure(slide)["body"]
    if size is None or not body:
        return []
    box = inner_box(body[0])
    budget = max(2, int(box.height // writer.body_fonts.get(False).line_height(size)) // BUDGET_SHARE)
    groups = content.insatser if kind == "insatser" else content.utmaningar
    locs = [(kind, gi, "punkter", pi) for gi, group in enumerate(groups) for pi in range(len(group.punkter))]
    points = [p for p in spec.paras if not p.heading]
    out = []
    for loc, point in zip(locs, points):
        lines = len(para_lines(point, box.width, size, writer.body_fonts, writer.indent))
        if lines > budget:
            out.append(LongPoint(loc, lines, budget, size))
    return out


# ---------------------------------------------------------------- vpgen förhandsvisning

@dataclass
class Preview:
    folder: Path
    pptx: Path
    pdf: Path | None
    pngs: list[Path]
    notes: list[str]  # what could not be made, and why


def write_preview(slides: AreaSlides, area_path: Path) -> Preview:
    """The area's slides as files in `förhandsvisning/` beside the area file; PDF and PNGs when the tools exist."""
    folder = Path(area_path).parent / PREVIEW_DIR
    try:
        folder.mkdir(exist_ok=True)
    except OSError as err:
        raise UserError(f"Mappen {folder} kan inte skapas ({os_reason(err)}).") from None
    stem = Path(area_path).name.split(".")[0]
    for old in folder.glob(f"{stem}-bild-*.png"):
        old.unlink()
    pptx = folder / f"{stem}.pptx"
    staging = folder / f".{stem}.pptx.tmp"
    staging.write_bytes(slides.pptx)
    staging.replace(pptx)
    notes: list[str] = []
    pdf = None
    pngs: list[Path] = []
    if find_soffice() is None:
        notes.append("PDF och bilder görs inte: LibreOffice är inte installerat. Öppna .pptx-filen i PowerPoint "
                     "(eller installera LibreOffice, se README).")
    else:
        try:
            pdf = convert_to_pdf([pptx], folder)[0]
        except PdfError as err:
            notes.append(f"PDF och bilder görs inte: {err}")
    if pdf is not None:
        pngs, note = _pngs(pdf, folder, stem)
        notes += [note] if note else []
    return Preview(folder, pptx, pdf, pngs, notes)


def _pngs(pdf: Path, folder: Path, stem: str) -> tuple[list[Path], str | None]:
    """One PNG per slide from the PDF with poppler's pdftoppm, named <område>-bild-1.png …"""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return [], ("Bilderna som PNG görs inte: pdftoppm (poppler-utils) är inte installerat — PDF-filen visar "
                    "samma sak.")
    prefix = folder / f".{stem}-png"
    try:
        subprocess.run([tool, "-png", "-r", str(PNG_DPI), str(pdf), str(prefix)], capture_output=True,
                       timeout=120, check=True)
    except (OSError, subprocess.SubprocessError) as err:
        return [], f"Bilderna som PNG kunde inte göras ({type(err).__name__}) — PDF-filen visar samma sak."
    made = sorted(folder.glob(f".{stem}-png-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    out = []
    for n, path in enumerate(made, start=1):
        target = folder / f"{stem}-bild-{n}.png"
        path.replace(target)
        out.append(target)
    return out, None


def preview_area_file(path: Path, content_dir: Path | None = None,
                      options: SlideOptions = SlideOptions()) -> tuple[AreaSlides, Preview, list[str]]:
    """`vpgen förhandsvisning`: the area file as it stands, rendered and written beside it.

    Returns the slides, the files, and notes for the user (e.g. the plan does not list the area yet).
    Raises UserError (Swedish) when the file cannot be read as an area file, or the plan files the
    slides need cannot be read.
    """
    path = Path(path)
    name = right_name(path) or path.name
    content, _doc, problems = parse_file(path, OmradeFile, path.parent.parent)
    if content is None:
        first = next((p for p in problems if p.line), problems[0] if problems else None)
        where = f" (rad {first.line}: {first.message.removeprefix('YAML-fel: ')})" if first and first.line else ""
        raise UserError(f"Förhandsvisningen görs när filen kan läsas{where}. Kör vpgen kontroll {shell_arg(path)} — den "
                        "visar vad som är fel och hur det rättas.")
    root = find_content_root(path, content_dir)
    if root is None or not root.is_dir():
        where = f"i {content_dir}" if content_dir is not None else "(plan.yaml i mappen två steg upp från filen)"
        raise UserError(f"Planen hittades inte {where}; bilderna behöver planens fokusområden och anvisningar. "
                        "Ange innehållsmappen med --content.")
    parts = read_plan_parts(root)
    plan_file = parts.get("plan.yaml")
    ref = next((r for r in plan_file.omraden if r.fil == name), None) if plan_file else None
    notes = []
    if plan_file is not None and ref is None:
        notes.append(f"Obs: {name} finns inte under 'områden:' i plan.yaml än; bilderna visar området som det blir "
                     "när planeringsansvarig har lagt till det.")
    slides = render_area(area_plan(parts, content, ref, name), options.layouts_dir, options.template,
                         board_scale(root, options.layouts_dir, options.template))
    return slides, write_preview(slides, path), notes
