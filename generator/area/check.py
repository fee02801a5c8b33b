"""`vpgen kontroll`: one area file checked for its area chief, against the plan, and the report they read.

The file's own mistakes come from text_check (each with the corrected line, only when the correction
is safe); then the file is compared with the plan: the area's name as plan.yaml has it, fokusområden
that exist, and enough insatser and utmaningar for the anvisningar. The report then says back what
vpgen read (echo.py) and how many slides the area fills in the deck, with a tip for a point longer
than a slide's line budget (preview.py). Only the plan files the check needs are read (plan_parts),
so it works while other content files are broken.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..checks import check_content
from ..findings import MUST_FIX, SHORT, TIP, Finding
from ..load import rename_message
from ..messages import plural
from ..model import AREA_DIR, Area, OmradeRef
from ..problems import Severity, UserError
from ..yamlsrc import yaml_scalar
from .echo import echo_lines
from .examples import area_examples, example_key, fokus_listing
from .kinds import other_kind, right_name
from .lines import fix_context, split_lines
from .plan_parts import PLAN_PARTS, PlanParts, SlideOptions, find_content_root, read_plan_parts
from .reading import Reader, Reading
from .text_check import CheckContext, check_text


@dataclass
class CheckReport:
    file: str
    findings: list[Finding]
    notes: list[str]
    counts: tuple[int, int] | None = None  # (insatser, utmaningar) when the file could be read
    minimum: tuple[int, int] | None = None
    counted_with_fixes: bool = False
    echo: list[str] = field(default_factory=list)  # what vpgen read, said back
    slides: str | None = None  # how many slides the area fills in the deck

    @property
    def ok(self) -> bool:
        return not any(f.fails for f in self.findings)

    def format(self) -> str:
        out = [f"Kontroll av {self.file}", ""]
        for finding in sorted(self.findings, key=lambda f: (f.line, f.rule != MUST_FIX)):
            out += format_finding(finding) + [""]
        out += self.notes
        if self.notes:
            out.append("")
        if self.echo:
            out += self.echo + ([self.slides] if self.slides else []) + [""]
        if self.counts is not None:
            ins, utm = self.counts
            if self.minimum is not None:
                line = f"Insatser: {ins} (minst {self.minimum[0]}). Utmaningar: {utm} (minst {self.minimum[1]})."
            else:
                line = f"Insatser: {ins}. Utmaningar: {utm}."
            out.append(line + (" Räknat som om rättningarna ovan vore gjorda." if self.counted_with_fixes else ""))
        elif not self.ok:
            out.append("Insatserna och utmaningarna räknas när felen ovan är rättade.")
        failing = sum(f.fails for f in self.findings)
        if failing:
            out.append(f"{plural(failing, 'sak', 'saker')} att rätta eller komplettera. "
                       "Kör kontrollen igen när du har ändrat i filen.")
        else:
            out.append("Filen är klar: inga fel, och den uppfyller anvisningarna.")
        return "\n".join(out)


def format_finding(finding: Finding) -> list[str]:
    """'Rad 18: …', then the corrected lines (or an example) in a margin, then further help."""
    where = f"Rad {finding.line}" if finding.line else "Filen"
    label = " (tips)" if finding.rule == TIP else ""
    out = [f"{where}{label}: {finding.message}"]
    if finding.fix:
        shown = {**finding.context, **finding.fix}
        out.append("  Så här ska det se ut:")
        out += _gutter(shown)
    elif finding.example:
        out.append("  Så här ska det se ut (exempel):")
        out += _gutter(None, finding.example)
    out += [f"  {line}" for line in finding.help]
    return out


def _gutter(numbered: dict[int, str] | None, plain: tuple[str, ...] = ()) -> list[str]:
    """Lines with a margin that shows where the file's own text begins: '  17 |       - text'."""
    def cut(text: str) -> str:
        # Not formatting.shorten: a file's line is cut with ' …' (a space first), so the cut cannot be
        # mistaken for the line's own last character.
        return text if len(text) <= 110 else text[:107].rstrip() + " …"

    if numbered:
        width = len(str(max(numbered)))
        return [f"    {no:>{width}} | {cut(numbered[no])}".rstrip() for no in sorted(numbered)]
    return [f"    | {cut(line)}".rstrip() for line in plain]


# ---------------------------------------------------------------- the check

def not_an_area_file(path: Path) -> str | None:
    """Why `path` cannot be checked as an area file (missing, a folder, another kind of file), in
    Swedish with the command to use; None when it can."""
    if path.is_file():
        return other_kind(path)
    why = "är en mapp, inte en fil" if path.is_dir() else "finns inte"
    return f"{path} {why} — ange sökvägen till områdesfilen, t.ex. content/{AREA_DIR}/energi-och-klimat.yaml"


def check_area_file(path: Path, content_dir: Path | None = None, slides: SlideOptions | None = None) -> CheckReport:
    """Check one area file for an area chief; never raises for content problems.

    With `slides`, the area's slides are rendered to count them and measure the points (needs
    python-pptx; the check without them stays fast)."""
    path = Path(path)
    shown = str(path)
    missing = not_an_area_file(path)
    if missing is not None:
        return CheckReport(shown, [Finding(shown, missing)], [])

    name = right_name(path) or path.name
    root = find_content_root(path, content_dir)
    parts = read_plan_parts(root) if root is not None and root.is_dir() else None
    plan_file = parts.get("plan.yaml") if parts else None
    ref = next((r for r in plan_file.omraden if r.fil == name), None) if plan_file else None
    fokus_names = parts.derived().fokus_names if parts and parts.get("malsattningar.yaml") is not None else {}
    examples = area_examples(next(iter(fokus_names), "4.1"),
                             ref.namn if ref else name.split(".")[0].replace("-", " ").capitalize())

    reader = Reader(shown)
    checked = check_text(path, reader, CheckContext(shown, examples, fokus_names))
    findings = checked.findings
    if name != path.name:
        findings.insert(0, Finding(shown, rename_message(path.name, name) + " (annars kommer området inte med)"))
    final = checked.final
    read = final is not None and final.content is not None
    in_place = root is not None and path.parent.resolve() == (root / AREA_DIR).resolve()
    owner = _saved_under_another_name(plan_file, ref, final.content.omrade, name) if read and in_place else None
    if owner is not None:  # "valfard (1).yaml", "… - Kopia.yaml": the plan's area, in a file it does not read
        findings.insert(0, Finding(shown, f"filen heter {path.name}, men i plan.yaml har området {owner.namn} filen "
                                          f"{owner.fil} — byt namn på filen till {owner.fil} (annars kommer området "
                                          "inte med)"))
        ref, name = owner, owner.fil
    report = CheckReport(shown, findings, _notes(name, content_dir, root, parts, ref))
    if not read:
        return report
    findings += _plan_findings(shown, final, name, parts, ref, checked.text, fokus_names, examples)
    report.counts = (final.content.antal_insatser, len(final.content.utmaningar))
    report.counted_with_fixes = checked.repaired
    known = parts is not None and parts.get("malsattningar.yaml") is not None
    report.echo = echo_lines(final.content, final.doc, fokus_names if known else None, checked.repaired)
    anv = parts.get("anvisningar.yaml") if parts else None
    if anv is not None:
        report.minimum = (anv.minst_insatser, anv.minst_utmaningar)
        report.findings += _count_findings(shown, final, name, parts, ref, examples)
    if slides is not None and parts is not None:
        report.slides = _slides(report, final, parts, ref, name, slides)
    return report


def _saved_under_another_name(plan_file, ref: OmradeRef | None, omrade: str, name: str) -> OmradeRef | None:
    """The plan's area this file is, when the plan lists it under another file name."""
    if plan_file is None or ref is not None:
        return None
    return next((r for r in plan_file.omraden if r.namn.casefold() == omrade.casefold() and r.fil != name), None)


def _notes(name: str, content_dir: Path | None, root: Path | None, parts: PlanParts | None, ref) -> list[str]:
    """What the check could not compare, and a file the plan does not list."""
    if parts is None:
        where = f"i {content_dir}" if content_dir is not None else "(plan.yaml i mappen två steg upp från filen)"
        return [f"Obs: planen hittades inte {where}, så fokusområdena och antalet insatser och utmaningar "
                "jämförs inte med planen. Ange innehållsmappen med --content."]
    notes = []
    unread = [part for part in PLAN_PARTS if parts.get(part) is None]
    if unread:
        notes.append(f"Obs: {', '.join(unread)} i {root} kan inte läsas just nu, så det som står där jämförs "
                     "inte. Planeringsansvarig kan se felen med vpgen validate.")
    if parts.get("plan.yaml") is not None and ref is None:
        notes.append(f"Obs: filen {name} finns inte under 'områden:' i plan.yaml, så den kommer inte med i "
                     "presentationen än. Planeringsansvarig lägger till den när du lämnar in filen.")
    return notes


def _plan_findings(file: str, final: Reading, name: str, parts: PlanParts | None, ref: OmradeRef | None, text: str,
                   fokus_names: dict[str, str], examples: dict) -> list[Finding]:
    """What the plan says about the file: the area's name, and the fokusområden that exist."""
    if parts is None:
        return []
    found = check_content(parts.present(), [(name, final.content, ref)], {f"{AREA_DIR}/{name}": final.doc})
    lines = split_lines(text)
    out = []
    for problem in found:
        if problem.file != final.doc.shown or problem.severity is not Severity.ERROR:
            continue
        if problem.path == "område" and ref is not None:
            fix = {problem.line: f"område: {yaml_scalar(ref.namn)}"}
            out.append(Finding(file, problem.message, line=problem.line, fix=fix, context=fix_context(lines, fix)))
        elif problem.path.endswith("fokusområde"):
            out.append(Finding(file, problem.message, line=problem.line,
                               help=("Planens fokusområden:",) + fokus_listing(fokus_names)))
        else:
            out.append(Finding(file, problem.message, line=problem.line,
                               example=examples.get(example_key(lines, problem.line, problem.path), ())))
    return out


def _count_findings(file: str, final: Reading, name: str, parts: PlanParts, ref: OmradeRef | None,
                    examples: dict) -> list[Finding]:
    """Fewer insatser or utmaningar than the anvisningar ask for."""
    content, doc = final.content, final.doc
    area_ref = ref or OmradeRef.model_construct(namn=content.omrade, fil=name, ansvarig="")
    gaps = parts.derived([]).area_gaps(Area(ref=area_ref, content=content, source=file))
    out = []
    for key, short, one, many, example in (
        ("insatser", gaps.insatser, "insats", "insatser",
         examples["punkter"] if content.insatser else examples["insatser"]),
        ("utmaningar", gaps.utmaningar, "utmaning", "utmaningar",
         examples["utmaningar"][1:] if content.utmaningar else examples["utmaningar"]),
    ):
        if short:
            line = doc.key_pos.get((key,), (0, 0))[0]
            more = "fler punkter under 'insatser:'" if key == "insatser" else "fler utmaningar under 'utmaningar:'"
            out.append(Finding(
                file, f"området har {plural(short[0], one, many)} — minst {short[1]} behövs enligt anvisningarna; "
                      f"lägg till {more}", rule=SHORT, line=line, example=example))
    return out


def _slides(report: CheckReport, final: Reading, parts: PlanParts, ref: OmradeRef | None, name: str,
            options: SlideOptions) -> str:
    """The slides line of the report; long points become tips. Rendering problems are said, not raised."""
    from .preview import area_plan, board_scale, render_area  # lazy: python-pptx only when the slides are counted

    try:
        rendered = render_area(area_plan(parts, final.content, ref, name), options.layouts_dir, options.template,
                               board_scale(parts.root, options.layouts_dir, options.template))
    except UserError as err:
        return f"Bilderna räknas inte: {err}"
    for point in rendered.long_points:
        report.findings.append(Finding(
            report.file, f"punkten blir {point.lines} rader på bilden (i {point.size:g} pt) — mer än en tredjedel av "
                         f"textytan ({point.budget} rader) blir tungt att läsa; korta den gärna, eller dela upp den i "
                         "två punkter", rule=TIP, line=final.doc.pos(point.loc)[0]))
    return slides_line(rendered.parts)


def slides_line(parts) -> str:
    """'Bilder i presentationen: 3 — avsnittsbild, insatser 1 (text 20 pt), utmaningar 1 (text 20 pt).'"""
    shown = []
    for part in parts:
        size = f" (text {part.size:g} pt)" if part.size and part.what in ("insatser", "utmaningar") else ""
        shown.append(part.what if part.what == "avsnittsbild" and part.slides == 1 else f"{part.what} {part.slides}{size}")
    total = sum(part.slides for part in parts)
    return f"  Bilder i presentationen: {total} — {', '.join(shown)}."

