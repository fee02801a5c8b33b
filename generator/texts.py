"""Titles, labels and tag formats from Jinja2 templates in layouts/texter*.yaml.

Templates are the layout's, values are the content's: content strings are passed in as
values and never compiled, so `{{ 7*7 }}` in an area file stays literal text.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import StrictUndefined, Template, TemplateSyntaxError, nodes

from jinja2.exceptions import SecurityError, TemplateAssertionError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from .formatting import sv_date, sv_list, sv_number
from .problems import Problem, UserError
from .yamlsrc import YamlProblem, load_yaml


class TextsError(UserError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))

    def __reduce__(self):  # raised in the forked deck renderer too: must survive pickling
        return (TextsError, (self.problems,))


def _kalla(value) -> str:
    """' (Förslag DN 2026)' or '' — the one way every källa tag is written."""
    return f" ({value})" if value is not None else ""


def _sentence(text: str) -> str:
    """End a text with a full stop unless it already ends a sentence."""
    text = str(text).rstrip()
    return text if not text or text[-1] in ".!?:…" else text + "."


_NUMBER_WORDS = ["noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"]


def _number_word(value: int) -> str:
    return _NUMBER_WORDS[value] if 0 <= value < len(_NUMBER_WORDS) else str(value)


class Texts:
    """All text templates of a layout folder, rendered with StrictUndefined.

    Every template is parsed when the layout is read, and the filters and tests it names are
    checked, so a broken template stops `vpgen validate` and the build before anything is
    rendered; a template is compiled to code only when it is first used (compiling all of them
    up front cost validate about 60 ms for nothing).
    """

    def __init__(self, layouts_dir: Path):
        self.env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
        self.env.filters.update(sv_number=sv_number, sv_date=sv_date, kalla=_kalla, mening=_sentence,
                                lista=sv_list, antal_ord=_number_word)
        self.dir = Path(layouts_dir)
        self.templates: dict[str, str] = {}  # key -> the template's source
        self._compiled: dict[str, Template] = {}
        self.where: dict[str, tuple[str, int, int]] = {}  # key -> (file, line, column), for messages
        problems: list[Problem] = []
        origin: dict[str, str] = {}
        for path in sorted(Path(layouts_dir).glob("texter*.yaml")):
            try:
                doc = load_yaml(path)
            except YamlProblem as err:
                problems.append(Problem(str(path), err.line, err.column, "", err.message))
                continue
            if doc.data is not None and not isinstance(doc.data, dict):
                problems.append(Problem(str(path), 1, 1, "", "filen ska bestå av nycklar med Jinja2-mallar (nyckel: mall)"))
                continue
            for key, source in (doc.data or {}).items():
                line, col = doc.pos((key,))
                if key in origin:
                    problems.append(Problem(str(path), line, col, key, f"texten finns redan i {origin[key]}"))
                    continue
                if not isinstance(source, str):
                    problems.append(Problem(str(path), line, col, key, "ska vara en text (en Jinja2-mall)"))
                    continue
                try:
                    if "{" in source:  # most labels have no Jinja syntax at all
                        self._check(source)
                    self.templates[key] = source
                except TemplateSyntaxError as err:
                    why = (err.message or "").rstrip(".")
                    problems.append(Problem(str(path), line + (err.lineno or 1) - 1, col, key, f"fel i mallen: {why}"))
                origin[key] = path.name
                self.where[key] = (str(path), line, col)
        if problems:
            raise TextsError(problems)

    def _check(self, source: str) -> None:
        """Parse a template and check the filters and tests it names: the errors compiling would give."""
        tree = self.env.parse(source)
        for node in tree.find_all(nodes.Filter):
            if node.name not in self.env.filters:
                raise TemplateAssertionError(f"No filter named '{node.name}'.", node.lineno)
        for node in tree.find_all(nodes.Test):
            if node.name not in self.env.tests:
                raise TemplateAssertionError(f"No test named '{node.name}'.", node.lineno)

    def _template(self, key: str) -> Template:
        if key not in self._compiled:
            self._compiled[key] = self.env.from_string(self.templates[key])
        return self._compiled[key]

    def __call__(self, key: str, **values) -> str:
        if key not in self.templates:
            raise TextsError([Problem(
                str(self.dir / "texter.yaml"), 0, 0, key,
                f"texten '{key}' saknas — lägg till '{key}:' med en mall (se layouts/texter.yaml som följer med vpgen)",
            )])
        source = self.templates[key]
        if "{" not in source:
            text = source
        else:
            try:
                text = self._template(key).render(**values)
            except Exception as err:  # noqa: BLE001 - the template is the layout's, any failure is its fault
                raise TextsError([self._render_problem(key, err, values)]) from None
        # Only line ends are trimmed: a template may end in a meaningful space ("Nr 27. ").
        return text.strip("\n")

    def _render_problem(self, key: str, err: Exception, values: dict) -> Problem:
        """Why the layout's template `key` could not be filled in, in Swedish, at its line."""
        file, line, col = self.where.get(key, (str(self.dir / "texter.yaml"), 0, 0))
        given = ", ".join(sorted(values)) or "inga"
        if isinstance(err, UndefinedError):
            why = f"mallen använder ett värde som inte finns ({err.message}) — värden som finns här: {given}"
        elif isinstance(err, SecurityError):
            why = f"mallen försöker nå något som inte är tillåtet i en textmall ({err}) — använd bara värdena: {given}"
        else:
            why = f"mallen kunde inte fyllas i ({type(err).__name__}: {err}) — värden som finns här: {given}"
        return Problem(file, line, col, key, why)
