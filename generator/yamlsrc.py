"""Safe YAML reading that keeps the line and column of every key and value.

PyYAML's constructors lose positions, keep the last of two equal keys and resolve YAML 1.1
surprises (`no` -> False, `10:30` -> 630). We compose the node graph ourselves and build
plain Python values from it, so every later problem can name `file:line:column`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.resolver import BaseResolver

from .problems import Problem, display_path

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NODES = 100_000  # per file, counting every alias expansion (bounds "billion laughs")

Pos = tuple[int, int]  # 1-based line, column


class YamlFloat(float):
    """A float that remembers how it was written, so `4.10` is not read back as `4.1`."""

    raw: str

    def __new__(cls, value: float, raw: str):
        obj = super().__new__(cls, value)
        obj.raw = raw
        return obj


class _Resolver(BaseResolver):
    """YAML 1.2-like implicit types: only true/false are booleans, only decimal numbers."""


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:timestamp", re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$"), list("0123456789")
)


class _Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    _Resolver,
):
    def __init__(self, stream):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Resolver.__init__(self)


@dataclass
class SourceDoc:
    """A YAML file's data plus where each value and key sits in the file."""

    path: Path
    shown: str  # the path as messages print it
    data: object
    value_pos: dict[tuple, Pos] = field(default_factory=dict)
    key_pos: dict[tuple, Pos] = field(default_factory=dict)

    def pos(self, loc: tuple) -> Pos:
        """Position of the deepest part of `loc` that exists in the file."""
        loc = tuple(loc)
        while loc:
            if loc in self.key_pos:
                return self.key_pos[loc]
            if loc in self.value_pos:
                return self.value_pos[loc]
            loc = loc[:-1]
        return self.value_pos.get((), (1, 1))


class YamlProblem(Exception):
    def __init__(self, line: int, column: int, message: str):
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


# PyYAML's English problems, said the way an area chief can act on them.
_SYNTAX_HINTS = [
    ("mapping values are not allowed", "ett kolon står där det inte kan stå — sätt texten inom citattecken (\"…\") om den innehåller ': '"),
    ("could not find expected ':'", "en rad saknar kolon efter nyckeln, eller så är indragningen fel"),
    ("did not find expected key", "indragningen stämmer inte med raderna ovanför — rada upp nyckeln med sina syskon"),
    ("did not find expected '-' indicator", "indragningen stämmer inte i en lista — varje punkt börjar med '- ' på samma indragning"),
    ("expected <block end>", "indragningen stämmer inte med raderna ovanför — kontrollera mellanslagen i början av raden"),
    ("found unexpected end of stream", "ett citattecken öppnas men stängs aldrig"),
    ("found undefined alias", "en hänvisning med * pekar på ett ankare (&) som inte finns"),
    ("found unknown escape character", "ett omvänt snedstreck (\\) i en text inom \"…\" — skriv \\\\ eller använd '…'"),
    ("while scanning a quoted scalar", "ett citattecken öppnas men stängs aldrig"),
    ("expected alphabetic or numeric character", "ett & eller * i början av en text — sätt texten inom citattecken"),
    ("found character that cannot start any token", "ett tecken (t.ex. @, ` eller %) kan inte inleda en text — sätt texten inom citattecken"),
    ("expected a single document", "filen innehåller flera dokument (---) — använd ett"),
    ("while parsing a flow", "en [ eller { öppnas men stängs aldrig — sätt texten inom citattecken"),
]


def _syntax_message(err: yaml.MarkedYAMLError) -> str:
    text = f"{err.context or ''} {err.problem or ''}"
    for needle, hint in _SYNTAX_HINTS:
        if needle in text:
            return f"YAML-fel: {hint}"
    return f"YAML-fel: filen kan inte läsas ({(err.problem or err.context or 'okänt fel').strip()})"


def _decode(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise YamlProblem(
            line, col,
            "filen är inte sparad som UTF-8 (kanske Latin-1/Windows-1252) — spara om den som UTF-8",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_tabs(text: str) -> None:
    for no, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            raise YamlProblem(
                no, indent.index("\t") + 1,
                "tabbtecken i indragningen — använd mellanslag (två per nivå)",
            )


class _Builder:
    """Turns composed nodes into dicts/lists/scalars, recording positions."""

    _scalars = yaml.constructor.SafeConstructor()

    def __init__(self, doc: SourceDoc):
        self.doc = doc
        self.count = 0
        self.active: set[int] = set()

    def build(self, node: yaml.Node, loc: tuple):
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlProblem(
                node.start_mark.line + 1, node.start_mark.column + 1,
                f"filen blir för stor när hänvisningarna (*) expanderas (över {MAX_NODES} värden)",
            )
        self.doc.value_pos.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
        if id(node) in self.active:
            raise YamlProblem(node.start_mark.line + 1, node.start_mark.column + 1,
                              "en hänvisning (*) pekar på sig själv")
        if isinstance(node, yaml.MappingNode):
            self.active.add(id(node))
            out = self._mapping(node, loc)
            self.active.discard(id(node))
            return out
        if isinstance(node, yaml.SequenceNode):
            self.active.add(id(node))
            out = [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
            self.active.discard(id(node))
            return out
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, loc: tuple) -> dict:
        out: dict = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(line, col, "en nyckel måste vara ett ord, inte en lista eller ett block")
            key = self._scalar(key_node)
            if not isinstance(key, str):
                key = key_node.value
            if key in seen:
                raise YamlProblem(
                    line, col,
                    f"nyckeln '{key}' finns redan på rad {seen[key]} — varje nyckel får bara finnas en gång",
                )
            seen[key] = line
            self.doc.key_pos[loc + (key,)] = (line, col)
            out[key] = self.build(value_node, loc + (key,))
        return out

    def _scalar(self, node: yaml.ScalarNode):
        tag = node.tag
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        if tag == "tag:yaml.org,2002:str":
            return node.value
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            return node.value.lower() == "true"
        if tag == "tag:yaml.org,2002:int":
            return int(node.value)
        if tag == "tag:yaml.org,2002:float":
            return YamlFloat(float(node.value), node.value)
        if tag == "tag:yaml.org,2002:timestamp":
            try:
                y, m, d = (int(part) for part in node.value.split("-"))
                return datetime.date(y, m, d)
            except ValueError:
                raise YamlProblem(
                    line, col, f"datumet {node.value} finns inte i kalendern — skriv ett riktigt datum (ÅÅÅÅ-MM-DD)"
                ) from None
        raise YamlProblem(
            line, col,
            f"taggen {tag} är inte tillåten — skriv värdet utan '!'-tagg",
        )


def load_yaml(path: Path, content_root: Path | None = None) -> SourceDoc:
    """Read one YAML file safely; raises YamlProblem with a Swedish message on any failure."""
    shown = display_path(path, content_root)
    doc = SourceDoc(path=path, shown=shown, data=None)
    if path.is_dir():
        raise YamlProblem(0, 0, "är en mapp, inte en fil")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise YamlProblem(
                0, 0,
                f"filen är {size // (1024 * 1024)} MB — en innehållsfil får vara högst {MAX_FILE_BYTES // (1024 * 1024)} MB",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise YamlProblem(0, 0, "filen finns inte") from None
    except OSError as err:
        raise YamlProblem(0, 0, f"filen kan inte läsas ({err.strerror})") from None
    text = _decode(raw)
    _check_tabs(text)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as err:
        before = text[: err.position]
        line = before.count("\n") + 1
        col = err.position - (before.rfind("\n") + 1) + 1
        raise YamlProblem(
            line, col,
            f"otillåtet tecken (kod {err.character:#x}) — ta bort det eller skriv texten inom \"…\" med \\x-kod",
        ) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise YamlProblem(mark.line + 1, mark.column + 1, _syntax_message(err)) from None
    except RecursionError:
        raise YamlProblem(0, 0, "filen är för djupt nästlad") from None
    if node is None:
        doc.data = None
        return doc
    try:
        doc.data = _Builder(doc).build(node, ())
    except RecursionError:
        raise YamlProblem(0, 0, "filen är för djupt nästlad") from None
    return doc


def problem_from(err: YamlProblem, path: Path, content_root: Path | None) -> Problem:
    return Problem(display_path(path, content_root), err.line, err.column, "", err.message)
