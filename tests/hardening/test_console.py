"""A sample of the corpus through the real `vpgen` console script, in a subprocess: main()'s own
error handling, the forked deck renderer sending its failure back, and stderr as a user sees it.
An "Internt fel" (exit 2) on any of these inputs is a bug.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import LAYOUTS
from .support import AREA, STOPPED, console_build, edit, leftovers, snapshot, write, write_bytes

C = "content/"


def deck_only_text_missing(content: Path, tmp: Path) -> list[str]:
    """A layout folder whose text for the closing slide is gone: it fails in the forked deck
    renderer, and its Swedish error must come back through the pipe."""
    folder = tmp / "layouts"
    shutil.copytree(LAYOUTS, folder)
    path = folder / "texter.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("fragor: Frågor?\n", ""), encoding="utf-8")
    return ["--layouts", str(folder)]


def loop(content: Path, tmp: Path) -> list[str]:
    (content / AREA).unlink()
    os.symlink("energi-och-klimat.yaml", content / AREA)
    return []


def template(content: Path, tmp: Path) -> list[str]:
    (tmp / "mall.pptx").write_text("ingen presentation", encoding="utf-8")
    return ["--template", str(tmp / "mall.pptx")]


def just(change):
    """A content edit that adds no command-line options."""
    return lambda content, tmp: (change(content), [])[1]


CASES = [
    ("yaml_syntax", just(edit("omvarld.yaml", "  - Svesam\n", '  - "Svesam\n')),
     [C + "omvarld.yaml:19:5: fel: YAML-fel: ett citattecken öppnas men stängs aldrig", STOPPED]),
    ("latin1_area_file", just(write_bytes(AREA, "område: Energi och klimat\n".encode("latin-1"))),
     [C + AREA + ":1:4: fel: filen är inte sparad som UTF-8 (kanske Latin-1/Windows-1252) — spara om den som UTF-8",
      STOPPED]),
    ("javascript_link", just(edit(AREA, "      - Internt\n", "      - javascript:alert(1)\n")),
     [C + AREA + ":35:9: fel: utmaningar[1].punkter[1]: texten innehåller en länk med 'javascript:' — bara länkar "
      "som börjar med http://, https:// eller mailto: får stå i innehållet; ta bort länken", STOPPED]),
    ("symlink_loop", loop,
     [C + AREA + ": fel: filen är en symbolisk länk som pekar på sig själv (en slinga) — ersätt länken med filen",
      STOPPED]),
    ("template_not_a_zip", template,
     ["Bygget avbröts: PowerPoint-mallen {tmp}/mall.pptx är ingen PowerPoint-fil (.pptx eller .potx): filen är "
      "inget zip-arkiv. Inga filer har ändrats."]),
    ("text_missing_in_the_forked_deck_renderer", deck_only_text_missing,
     ["Bygget avbröts: {tmp}/layouts/texter.yaml: fel: fragor: texten 'fragor' saknas — lägg till 'fragor:' med "
      "en mall (se layouts/texter.yaml som följer med vpgen). Inga filer har ändrats."]),
    ("empty_area_file", just(write(AREA, "")),
     [C + AREA + ":1:1: fel: filen är tom — fyll i den enligt kommentaren överst (vpgen schema visar formatet)",
      STOPPED]),
]


@pytest.mark.parametrize("breaks,lines", [(b, l) for _, b, l in CASES], ids=[c[0] for c in CASES])
def test_console_script_refuses_without_a_traceback(breaks, lines, content: Path, previous, tmp_path: Path):
    out, before = previous
    args = breaks(content, tmp_path)
    layouts = LAYOUTS
    if "--layouts" in args:
        layouts = Path(args[args.index("--layouts") + 1])
        args = [a for i, a in enumerate(args) if a != "--layouts" and (i == 0 or args[i - 1] != "--layouts")]
    done = console_build(content, out, *args, layouts=layouts)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert "Internt fel" not in done.stderr
    printed = done.stderr.splitlines()
    for line in lines:
        assert line.replace("{tmp}", str(tmp_path)) in printed, "\n".join(printed)
    assert done.stdout == ""
    assert snapshot(out) == before
    assert leftovers(out, content) == []


WARNS = ("import sys, warnings\n"
         "import generator.cli as cli\n"
         "sys.argv = ['vpgen', '--version']\n"
         "run = cli.cli.main\n"
         "def warn_then_run(*args, **kwargs):\n"
         "    warnings.warn('en varning från ett bibliotek', UserWarning)\n"
         "    return run(*args, **kwargs)\n"
         "cli.cli.main = warn_then_run\n"
         "cli.main()\n")


@pytest.mark.parametrize("python_warnings,shown", [(None, False), ("error", True)], ids=["planner", "tests"])
def test_a_python_warning_never_reaches_the_planner(python_warnings, shown, tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONWARNINGS", "VPGEN_DEBUG")}
    if python_warnings:
        env["PYTHONWARNINGS"] = python_warnings
    done = subprocess.run([sys.executable, "-c", WARNS], capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=60)
    assert ("en varning från ett bibliotek" in done.stderr) is shown, done.stderr
    assert (done.returncode == 0) is not shown
    assert "Traceback" not in done.stderr
