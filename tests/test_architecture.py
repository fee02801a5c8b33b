"""The house rules of generator/, read from the sources: no import cycle, no private name imported
across modules, imports at the top (the few lazy ones say why), no module past ~600 lines, and the
fast commands import no document library."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

PACKAGE = REPO / "generator"
MAX_LINES = 600
LAZY_MARK = "# lazy:"


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(name: str, path: Path) -> list[tuple[ast.AST, str, list[str]]]:
    """(node, imported module, imported names) for every import statement of a module, anywhere in it."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.append((node, target, [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            out += [(node, alias.name, []) for alias in node.names]
    return out


def graph() -> dict[str, set[str]]:
    """Which of our modules each of our modules imports (a `from pkg import mod` counts as mod)."""
    known = modules()
    edges: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        for _, target, names in imports(name, path):
            for candidate in [target] + [f"{target}.{n}" for n in names]:
                if candidate in known and candidate != name:
                    edges[name].add(candidate)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_import_graph_has_no_cycle():
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_graph_is_read_from_the_sources():
    edges = graph()
    assert "generator.load" in edges["generator.build"]
    assert "generator.model" in edges["generator.figures"]
    assert "generator.render.documents" in edges["generator.build"]  # a lazy import counts too
    assert "generator.render.deck" in edges["generator.render.documents"]


# Lower layers never import higher ones: the pipeline does not know its side commands, the
# model does not know the renderers.
LAYERS = [
    ("generator.render", ("generator.cli", "generator.area", "generator.styrtal", "generator.build")),
    ("generator.load", ("generator.render", "generator.cli", "generator.area", "generator.build")),
    ("generator.model", ("generator.load", "generator.checks", "generator.derive", "generator.render",
                         "generator.cli")),
    ("generator.area", ("generator.cli",)),
    ("generator.review", ("generator.cli", "generator.build", "generator.render")),
    ("generator.styrtal", ("generator.cli",)),
]


@pytest.mark.parametrize("lower,higher", LAYERS, ids=[layer for layer, _ in LAYERS])
def test_a_lower_layer_never_imports_a_higher_one(lower: str, higher: tuple[str, ...]):
    edges = graph()
    wrong = sorted(f"{src} -> {dst}" for src, targets in edges.items() if src == lower or src.startswith(lower + ".")
                   for dst in targets if any(dst == h or dst.startswith(h + ".") for h in higher))
    assert wrong == []


def test_no_private_name_is_imported_across_modules():
    wrong = []
    for name, path in modules().items():
        for node, target, names in imports(name, path):
            if target.startswith("generator"):
                wrong += [f"{name}: {target}.{n}" for n in names if n.startswith("_") and n != "__version__"]
    assert wrong == []


def marked_lazy(lines: list[str], at: int) -> bool:
    """The import on line `at` (0-based), or the block of imports it is part of, carries the mark on
    its first line or on the line above it."""
    while at > 0 and lines[at - 1].strip().startswith(("from ", "import ")) and LAZY_MARK not in lines[at]:
        at -= 1
    return LAZY_MARK in lines[at] or (at > 0 and LAZY_MARK in lines[at - 1])


def test_imports_inside_functions_say_why_they_are_lazy():
    """An import in a function is only there to keep start-up fast, and its line (or the one above)
    says so with '# lazy: …'."""
    unmarked = []
    for name, path in modules().items():
        lines = path.read_text(encoding="utf-8").split("\n")
        tree = ast.parse("\n".join(lines))
        for func in ast.walk(tree):
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(func):
                if isinstance(node, (ast.Import, ast.ImportFrom)) and not marked_lazy(lines, node.lineno - 1):
                    unmarked.append(f"{path.relative_to(REPO)}:{node.lineno}: {lines[node.lineno - 1].strip()}")
    assert unmarked == []


def test_no_module_is_longer_than_about_600_lines():
    long = {str(path.relative_to(REPO)): n for path in modules().values()
            if (n := len(path.read_text(encoding="utf-8").split("\n"))) > MAX_LINES}
    assert long == {}


def test_no_two_modules_of_a_package_differ_by_one_letter():
    by_package: dict[Path, list[str]] = {}
    for path in modules().values():
        by_package.setdefault(path.parent, []).append(path.stem)
    close = []
    for folder, stems in by_package.items():
        for a in stems:
            for b in stems:
                if a < b and len(a) > 3 and (a + "s" == b or b + "s" == a):
                    close.append(f"{folder.name}/{a} ~ {b}")
    assert close == []


HEAVY = ("pptx", "docx", "xlsxwriter", "openpyxl", "fontTools", "PIL")


def loaded_modules(*args: str, cwd: Path) -> dict:
    """Run vpgen in a fresh interpreter; which heavy libraries were imported, and the exit code."""
    code = (
        "import sys, json\n"
        "from generator.cli import main\n"
        f"sys.argv = ['vpgen', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit as end:\n    code = end.code\n"
        f"print(json.dumps({{'heavy': sorted(m for m in {HEAVY!r} if m in sys.modules), 'code': code}}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, timeout=120)
    return json.loads(result.stdout.strip().split("\n")[-1])


def test_help_and_validate_import_no_document_library():
    assert loaded_modules("--help", cwd=REPO) == {"heavy": [], "code": 0}
    assert loaded_modules("validate", "content", cwd=REPO) == {"heavy": [], "code": 0}
