"""vpgen benchmark: whole-process timings, in-process stages, pandoc on the same content, peak memory.

    python bench/run.py                      # sizes 1, 10, 50; 5 runs each (fewer at 50x)
    python bench/run.py --sizes 1 --runs 1   # quick: what the test suite runs
    python bench/run.py --pdf                # also build --pdf against one soffice conversion of the deck

Synthetic plans are the sample content grown by a factor: more fokusområden with mål, styrtal
and uppdrag, more gemensamma groups, more areas, more table rows - deterministic from --seed.
Timings are medians of whole processes (what a user waits for); stages are timed in-process,
run one after another. Peak memory is the largest RSS of any process of a build (the deck
renders in a worker process). pandoc is given the same plan as Markdown, at 1x and 10x. Prints one table; exit status 0.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

WORDS = ("samverkan utveckling länets kompetens omställning innovation näringsliv kommuner barn unga "
         "hållbar energi klimat besöksnäring digital välfärd folkhälsa strategi uppföljning insatser").split()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return "Att " + text + "."


# ---------------------------------------------------------------- synthetic plans

def make_plan(dest: Path, factor: int, seed: int = 2026) -> Path:
    """The sample content grown `factor` times: each extra copy adds a målsättning shaped like
    nr 4 (a fokusområde with two delområden and two more fokusområden, each with mål, styrtal
    and uppdrag), seven gemensamma groups, three areas, and the sample's table rows again."""
    shutil.copytree(REPO / "content", dest)
    if factor == 1:
        return dest
    rng = random.Random(seed)
    extra = factor - 1
    words = lambda n: " ".join(rng.choice(WORDS) for _ in range(n))  # noqa: E731

    def leaf(nr: str, indent: str, first_uppdrag: int) -> list[str]:
        lines = [f'{indent}- nr: "{nr}"', f"{indent}  namn: Fokusområde {words(3)}",
                 f"{indent}  mål:", f"{indent}    text: {sentence(rng, 18)}", f"{indent}    källa: DN 2025",
                 f"{indent}  styrtal:"]
        for _ in range(4):
            lines += [f"{indent}    - text: Andel {words(8)}", f"{indent}      riktning: {rng.choice(['öka', 'minska'])}",
                      f"{indent}      källa: Förslag DN 2026"]
        lines += [f"{indent}  uppdrag:", f"{indent}    nämnd:"]
        for k in range(2):
            lines += [f"{indent}      - nr: {first_uppdrag + k}", f"{indent}        text: {sentence(rng, 16)}",
                      f"{indent}        källa: FM 2026"]
        lines += [f"{indent}    förvaltning:"]
        for _ in range(2):
            lines += [f"{indent}      - text: {sentence(rng, 20)}", f"{indent}        källa: Förslag DN 2026"]
        return lines

    goals = []
    for i in range(extra):
        nr, base = 11 + i, 100 + 40 * i
        lines = [f"  - nr: {nr}", f"    text: Målsättning för prov {i + 1} om {words(6)}.", "    fokusområden:",
                 f'      - nr: "{nr}.1"', f"        namn: Gruppen {words(3)}", "        delområden:"]
        lines += leaf(f"{nr}.1.1", "          ", base) + leaf(f"{nr}.1.2", "          ", base + 2)
        lines += leaf(f"{nr}.2", "      ", base + 4) + leaf(f"{nr}.3", "      ", base + 6)
        goals.append("\n".join(lines))
    with open(dest / "malsattningar.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n".join(goals) + "\n")

    groups = []
    for i in range(7 * extra):
        lines = [f"  - målsättning: {1 + i % 10}", "    uppdrag_till: Regionstyrelsen och nämnderna", "    uppdrag:"]
        for k in range(2):
            lines += [f"      - nr: {3000 + 2 * i + k}", f"        text: {sentence(rng, 14)}"]
        groups.append("\n".join(lines))
    with open(dest / "gemensamma.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n" + "\n".join(groups) + "\n")

    areas = []
    for i in range(3 * extra):
        name, fil = f"Provområde {i + 1}", f"provomrade-{i + 1}.yaml"
        areas.append(f"  - namn: {name}\n    fil: {fil}\n    ansvarig: områdeschef {name}")
        body = [f"område: {name}", "insatser:"]
        for nr in ("4.1", "4.2", "4.3"):
            body += [f'  - fokusområde: "{nr}"', "    punkter:"] + [f"      - {sentence(rng, 14)}" for _ in range(2)]
        body += ["utmaningar:"]
        for k in range(4):
            body += [f"  - rubrik: Utmaning {k + 1}", "    punkter:", f"      - {sentence(rng, 18)}"]
        (dest / "omraden" / fil).write_text("\n".join(body) + "\n", encoding="utf-8")
    with open(dest / "plan.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n".join(areas) + "\n")

    path = dest / "ekonomi.yaml"
    text = path.read_text(encoding="utf-8")
    fum = re.search(r"    - \{namn: FUM, +föregående_mnkr: 2.0, +planår_mnkr: 2.0\}\n", text).group(0)
    rows = "".join(f"    - {{namn: Verksamhet {i + 1}, föregående_mnkr: 0.0, planår_mnkr: 0.0}}\n" for i in range(9 * extra))
    text = text.replace(fum, fum + rows, 1)
    last = re.search(r"    - \{namn: Idrottsförbund i länet,.*\}\n", text).group(0)
    rows = "".join(f"    - {{namn: Förening {i + 1}, bidrag_föregående_tkr: {rng.randint(100, 9000)}, "
                   f"uppräkning_procent: 3.1}}\n" for i in range(5 * extra))
    path.write_text(text.replace(last, last + rows, 1), encoding="utf-8")
    return dest


# ---------------------------------------------------------------- the same plan as Markdown (for pandoc)

def markdown(content: Path) -> str:
    """The plan's text as Markdown slides/sections: what a general converter would be given."""
    from generator.derive import Derived
    from generator.load import load_content

    plan = load_content(content).plan
    d = Derived(plan)
    out = [f"% {plan.plan.presentationer['förslag'].titel}", f"% {plan.plan.namnd.namn}", ""]

    def section(title: str, lines: list[str]) -> None:
        out.append(f"# {title}\n")
        out.extend(lines)
        out.append("")

    section("Tidplan", [f"- {m.datum}: {m.rubrik} {m.text or ''}" for m in plan.plan.tidplan])
    section("Framtida utmaningar", [f"- {x}" for x in plan.omvarld.omvarldsfaktorer + plan.omvarld.interna_utmaningar])
    section("Målsättningar", [f"- Nr {g.nr}: {g.text}" for g in plan.malsattningar.malsattningar])
    for place in d.fokus_places:
        f = place.fokus
        section(f"Fokusområde {f.nr} {f.namn}", [f"Mål: {f.mal.text if f.mal else ''}", ""]
                + [f"- {s.text} ({s.kalla})" for s in f.styrtal])
        section(f"Fokusområde {f.nr}: uppdrag", [f"- Nr {u.nr}. {u.text} ({u.kalla})" for u in f.uppdrag.namnd]
                + [f"- {u.text} ({u.kalla})" for u in f.uppdrag.forvaltning])
    for group in plan.gemensamma.gemensamma:
        section(d.gemensam_title(group), [f"- {s.text}" for s in group.styrtal]
                + [f"- Nr {u.nr}. {u.text}" for u in group.uppdrag])
    section("Sammanfattning av uppdrag", [f"- Nr {r.nr}. {r.text}" for r in d.summary])
    for table in (d.fordelning, d.foreningar, d.satsningsutrymme):
        rows = ["| " + " | ".join(table.columns) + " |", "|" + "---|" * len(table.columns)]
        rows += ["| " + " | ".join([r.namn] + [str(v) for v in r.values]) + " |" for r in table.rows + (table.total,)]
        section(table.columns[0], rows)
    for area in plan.omraden:
        if area.content is None:
            continue
        section(f"Insatser – {area.ref.namn}", [f"- {p}" for g in area.content.insatser for p in g.punkter])
        section(f"Utmaningar – {area.ref.namn}", [f"- {u.rubrik or ''} {' '.join(u.punkter)}" for u in area.content.utmaningar])
    return "\n".join(out)


# ---------------------------------------------------------------- measuring

def vpgen(*args: str) -> list[str]:
    """This checkout's vpgen: the script beside the running interpreter, else `python -m generator`
    (never another vpgen first on PATH, which may be another checkout's)."""
    script = Path(sys.executable).parent / "vpgen"
    return [str(script), *args] if script.is_file() else [sys.executable, "-m", "generator", *args]


def timed(cmd: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0,):
        raise SystemExit(f"{' '.join(cmd)} failed: {result.stderr.decode()[-500:]}")
    return elapsed


def median_time(cmd: list[str], runs: int) -> float:
    return statistics.median(timed(cmd) for _ in range(runs))


PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL, check=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak_rss_mb(cmd: list[str]) -> float:
    """Largest resident set of any process the command ran (kB on Linux)."""
    out = subprocess.run([sys.executable, "-c", PEAK, *cmd], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def stages(content: Path, out: Path) -> dict[str, float]:
    """In-process stage timings, one after another (no parallel rendering)."""
    from generator.derive import Derived
    from generator.layout import Layout, find_layouts_dir
    from generator.load import load_content
    from generator.outputs import document_names
    from generator.writer import normalize_zip, output_lock, prepare_output_dir, write_outputs

    t: dict[str, float] = {}
    start = time.perf_counter()
    loaded = load_content(content)
    t["load+validate"] = time.perf_counter() - start
    plan = loaded.plan
    start = time.perf_counter()
    d = Derived(plan)
    d.summary, d.counts, d.fordelning, d.foreningar, d.satsningsutrymme  # noqa: B018 - computing is the point
    t["derive"] = time.perf_counter() - start
    layout = Layout(find_layouts_dir(REPO / "layouts"))
    start = time.perf_counter()
    layout.texts  # noqa: B018
    t["texts"] = time.perf_counter() - start

    from generator.render.deck import render_decks
    from generator.render.plan import render_plan
    from generator.render.summary import render_summary_docx, render_summary_xlsx

    outputs: dict[str, bytes] = {}
    start = time.perf_counter()
    outputs.update(render_decks(plan, d, layout))
    t["render deck"] = time.perf_counter() - start
    names = document_names(plan.plan.planar)
    start = time.perf_counter()
    outputs[names["plan"]] = render_plan(plan, d, layout)
    t["render plan"] = time.perf_counter() - start
    start = time.perf_counter()
    d.changes  # noqa: B018 - the comparison with last year's plan (the sample has one)
    if d.changes is not None:
        outputs[f"forslag-{names['plan']}"] = render_plan(plan, d, layout, proposal=True)
    t["compare+proposal"] = time.perf_counter() - start
    start = time.perf_counter()
    outputs[names["summary_docx"]] = render_summary_docx(plan, d, layout)
    outputs[names["summary_xlsx"]] = render_summary_xlsx(plan, d, layout)
    t["render summary"] = time.perf_counter() - start
    start = time.perf_counter()
    normalized = {name: normalize_zip(data) for name, data in outputs.items()}
    target = prepare_output_dir(out)
    with output_lock(target):
        write_outputs(target, normalized)
    t["write"] = time.perf_counter() - start
    return t


def against_pandoc(content: Path, work: Path, runs: int) -> tuple[float, float, int, int]:
    """vpgen build and pandoc (.pptx + .docx) of the same content, alternating; medians and slide counts."""
    md = work / f"{content.name}.md"
    md.write_text(markdown(content), encoding="utf-8")
    out = work / f"alt-{content.name}"
    ours, theirs = [], []
    for _ in range(runs):  # alternating, so machine noise hits both alike
        ours.append(timed(vpgen("build", "--content", str(content), "--output", str(out), "--force")))
        theirs.append(timed(["pandoc", str(md), "-o", str(work / "p.pptx")])
                      + timed(["pandoc", str(md), "-o", str(work / "p.docx")]))
    from pptx import Presentation

    their_slides = len(Presentation(str(work / "p.pptx")).slides)
    return statistics.median(ours), statistics.median(theirs), slide_count(out), their_slides


def pdf_ratio(content: Path, work: Path, runs: int) -> tuple[float, float]:
    """`vpgen build --pdf` (every document and its PDF) against one soffice conversion of the deck alone."""
    out = work / "pdf-out"
    deck_runs, whole_runs = [], []
    for n in range(runs):
        whole_runs.append(timed(vpgen("build", "--content", str(content), "--output", str(out), "--force", "--pdf")))
        deck = next(out.glob("*.pptx"))
        profile = work / f"lo-{n}"
        deck_runs.append(timed(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                                "--convert-to", "pdf", "--outdir", str(work / "pdf-deck"), str(deck)]))
    return statistics.median(whole_runs), statistics.median(deck_runs)


def slide_count(out: Path) -> int:
    from pptx import Presentation

    return sum(len(Presentation(str(p)).slides) for p in out.glob("*.pptx"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,50", help="comma-separated growth factors")
    parser.add_argument("--runs", type=int, default=5, help="runs per timing (median); 50x uses at most 3")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-pandoc", action="store_true", help="skip the pandoc comparison")
    parser.add_argument("--pdf", action="store_true", help="also time build --pdf against soffice on the deck alone")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    work = Path(tempfile.mkdtemp(prefix="vpgen-bench-"))
    try:
        rows = []
        help_t = median_time(vpgen("--help"), args.runs)
        for size in sizes:
            runs = min(args.runs, 3) if size >= 50 else args.runs
            content = make_plan(work / f"content-{size}", size, args.seed)
            out = work / f"out-{size}"
            validate_t = median_time(vpgen("validate", str(content)), runs)
            build_cmd = vpgen("build", "--content", str(content), "--output", str(out), "--force")
            build_t = median_time(build_cmd, runs)
            cached_t = median_time(vpgen("build", "--content", str(content), "--output", str(out)), runs)
            rss = peak_rss_mb(build_cmd)
            slides = slide_count(out)
            stage_t = stages(content, work / f"stages-{size}")
            rows.append((size, validate_t, build_t, cached_t, rss, slides, stage_t))

        print(f"vpgen --help: {help_t:.3f} s (median of {args.runs})\n")
        head = ["size", "validate s", "build s", "no-op s", "peak MB", "slides", "ms/slide"]
        stage_names = list(rows[0][6])
        print(" | ".join(head + stage_names))
        print(" | ".join("---" for _ in head + stage_names))
        for size, validate_t, build_t, cached_t, rss, slides, stage_t in rows:
            cells = [f"{size}x", f"{validate_t:.3f}", f"{build_t:.3f}", f"{cached_t:.3f}", f"{rss:.0f}", str(slides),
                     f"{1000 * build_t / slides:.1f}"] + [f"{stage_t[name]:.3f}" for name in stage_names]
            print(" | ".join(cells))
        if len(rows) > 1:
            base = rows[0]
            for size, _, build_t, _, _, slides, _ in rows[1:]:
                print(f"growth {size}x/{base[0]}x: build {build_t / base[2]:.2f}x, "
                      f"time per slide {build_t / slides / (base[2] / base[5]):.2f}x of {base[0]}x")
            if len(rows) > 2:
                (_, _, b10, _, _, s10, _), (_, _, b50, _, _, s50, _) = rows[1], rows[2]
                print(f"time per slide {rows[2][0]}x vs {rows[1][0]}x: {(b50 / s50) / (b10 / s10):.2f}")

        if not args.no_pandoc and shutil.which("pandoc"):
            print()
            for size in [s for s in (1, 10) if s in sizes]:
                o, p, ours_slides, their_slides = against_pandoc(work / f"content-{size}", work, args.runs)
                print(f"pandoc .pptx + .docx of the same content at {size}x: {p:.3f} s; vpgen build {o:.3f} s; "
                      f"ratio vpgen/pandoc {o / p:.2f}; per slide {1000 * o / ours_slides:.1f} ms ({ours_slides} "
                      f"slides) vs {1000 * p / their_slides:.1f} ms ({their_slides}) (median of {args.runs}, alternating)")
        elif not args.no_pandoc:
            print("\npandoc not installed: comparison skipped")
        if args.pdf and shutil.which("soffice"):
            whole, deck = pdf_ratio(work / "content-1", work, args.runs)
            print(f"\nbuild --pdf {whole:.3f} s; soffice --convert-to pdf of the deck alone {deck:.3f} s; "
                  f"ratio {whole / deck:.2f} (median of {args.runs}, alternating)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
