"""Titles, labels and tag formats from Jinja2 templates in layouts/texter*.yaml.

Templates are the layout's, values are the content's: content strings are passed in as
values and never compiled, so `{{ 7*7 }}` in an area file stays literal text.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import StrictUndefined, TemplateSyntaxError
from jinja2.exceptions import SecurityError, UndefinedError
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
    """All text templates of a layout folder, compiled once, rendered with StrictUndefined."""

    def __init__(self, layouts_dir: Path):
        self.env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
        self.env.filters.update(sv_number=sv_number, sv_date=sv_date, kalla=_kalla, mening=_sentence,
                                lista=sv_list, antal_ord=_number_word)
        self.dir = Path(layouts_dir)
        self.templates = {}
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
                    # Most labels have no Jinja syntax at all; they need no compiling.
                    self.templates[key] = self.env.from_string(source) if "{" in source else source
                except TemplateSyntaxError as err:
                    why = (err.message or "").rstrip(".")
                    problems.append(Problem(str(path), line + (err.lineno or 1) - 1, col, key, f"fel i mallen: {why}"))
                origin[key] = path.name
                self.where[key] = (str(path), line, col)
        if problems:
            raise TextsError(problems)

    def __call__(self, key: str, **values) -> str:
        if key not in self.templates:
            raise TextsError([Problem(
                str(self.dir / "texter.yaml"), 0, 0, key,
                f"texten '{key}' saknas — lägg till '{key}:' med en mall (se layouts/texter.yaml som följer med vpgen)",
            )])
        template = self.templates[key]
        if isinstance(template, str):
            text = template
        else:
            try:
                text = template.render(**values)
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
