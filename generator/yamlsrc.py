"""Safe YAML reading that keeps the line and column of every key and value.

PyYAML's constructors lose positions, keep the last of two equal keys and resolve YAML 1.1
surprises (`no` -> False, `10:30` -> 630). We compose the node graph ourselves and build
plain Python values from it, so every later problem can name `file:line:column`.

What is refused, and how:
- a file that cannot be read at all (not UTF-8, UTF-16, NUL bytes, over 5 MB, a tab in the
  indentation, a YAML syntax error, aliases expanding past MAX_NODES values) gives problems and
  no data;
- a duplicated key, a `!`-tag, an impossible date or a self-referencing alias is reported where
  it stands, the rest of the file is still read (the value there becomes INVALID, and schema
  errors at that place are not reported twice), so one run lists every problem in the file.

Raw control characters in the file are let through to the values, where `text.clean_text`
removes them — text pasted from PowerPoint carries vertical tabs as line breaks. The Unicode
line separators (U+0085, U+2028, U+2029) and a lone CR become ordinary line ends or spaces first,
so line numbers are the ones an editor shows.
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.resolver import BaseResolver

from .messages import os_reason
from .problems import Problem, display_path, format_key_path

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


class _Invalid:
    """Stands in for a value that was already reported (bad tag, impossible date, …)."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "INVALID"


INVALID = _Invalid()

_TAG = "tag:yaml.org,2002:"
# YAML 1.2 core schema, narrowed: only true/false are booleans, only decimal numbers, ISO dates.
_IMPLICIT = {
    _TAG + "bool": re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    _TAG + "int": re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
    _TAG + "float": re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    _TAG + "null": re.compile(r"^(?:~|null|Null|NULL|)$"),
    _TAG + "timestamp": re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$"),
}
_FIRST = {
    _TAG + "bool": list("tTfF"),
    _TAG + "int": list("-+0123456789"),
    _TAG + "float": list("-+0123456789."),
    _TAG + "null": ["~", "n", "N", ""],
    _TAG + "timestamp": list("0123456789"),
}


class _Resolver(BaseResolver):
    """YAML 1.2-like implicit types (see _IMPLICIT)."""


for _tag, _regex in _IMPLICIT.items():
    _Resolver.add_implicit_resolver(_tag, _regex, _FIRST[_tag])


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

    def check_printable(self, data):
        """Let control characters through: clean_text removes them from every value (see module doc)."""


@dataclass
class SourceDoc:
    """A YAML file's data plus where each value and key sits in the file."""

    path: Path
    shown: str  # the path as messages print it
    data: object
    value_pos: dict[tuple, Pos] = field(default_factory=dict)
    key_pos: dict[tuple, Pos] = field(default_factory=dict)
    problems: list[YamlProblem] = field(default_factory=list)
    readable: bool = True  # False when the file could not be read or parsed at all (data is None)
    invalid: set[tuple] = field(default_factory=set)  # key paths whose value is INVALID
    dropped: list[tuple[int, int]] = field(default_factory=list)  # (first, last) line of a key said twice, not read
    # A text whose line goes on with ' #…': YAML takes that for a comment and drops it (key path -> line, comment).
    cut_by_comment: dict[tuple, tuple[int, str]] = field(default_factory=dict)
    # list items whose text goes on over a line that begins with "- " (indented too far to be an item
    # of its own): loc -> (that line, its column, the item's first line)
    continued_items: dict[tuple, tuple[int, int, int]] = field(default_factory=dict)
    # values that are empty because the whole text after '- ' or 'key: ' begins with '#': loc -> that text
    commented_out: dict[tuple, str] = field(default_factory=dict)

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
    """One problem found while reading a YAML file; `loc` is the key path (may be empty)."""

    def __init__(self, line: int, column: int, message: str, loc: tuple = ()):
        super().__init__(message)
        self.line, self.column, self.message, self.loc = line, column, message, tuple(loc)

    @property
    def path(self) -> str:
        return format_key_path(self.loc)


# PyYAML's English problems (context + problem, as a regular expression), said the way an area
# chief can act on them. The first match wins; the English text is kept only when none matches.
_SYNTAX_HINTS = [
    (r"mapping values are not allowed", "ett kolon står där det inte kan stå — sätt texten inom citattecken (\"…\") om den innehåller ': '"),
    (r"sequence entries are not allowed", "ett '- ' står där en lista inte kan börja — börja listan på en ny rad, eller sätt texten inom citattecken"),
    (r"could not find expected ':'", "en rad saknar kolon efter nyckeln, eller så är indragningen fel"),
    (r"did not find expected key", "indragningen stämmer inte med raderna ovanför — rada upp nyckeln med sina syskon"),
    (r"did not find expected '-' indicator", "indragningen stämmer inte i en lista — varje punkt börjar med '- ' på samma indragning"),
    (r"while parsing a block collection", "en lista och en nyckel står på samma indragning — dra in nyckeln eller börja raden med '- '"),
    (r"expected <block end>, but found '<scalar>'", "text efter ett avslutande citattecken — sätt hela texten inom citattecken, eller ta bort dem"),
    (r"expected <block end>", "indragningen stämmer inte med raderna ovanför — kontrollera mellanslagen i början av raden"),
    (r"found unexpected end of stream", "ett citattecken öppnas men stängs aldrig"),
    (r"found undefined alias", "en hänvisning med * pekar på ett ankare (&) som inte finns"),
    (r"found duplicate anchor", "samma ankare (&namn) finns två gånger — ge det ena ett annat namn"),
    (r"found unknown escape character|expected escape sequence of",
     "ett omvänt snedstreck (\\) i en text inom \"…\" — skriv texten inom enkla citattecken ('…'), eller \\\\ för "
     "varje snedstreck"),
    (r"while scanning a (?:double-)?quoted scalar", "ett citattecken öppnas men stängs aldrig"),
    (r"expected alphabetic or numeric character", "ett & eller * i början av en text — sätt texten inom citattecken"),
    (r"found character '\\t' that cannot start any token", "ett tabbtecken står där det inte får stå (t.ex. efter '-') — använd mellanslag"),
    (r"found character .* that cannot start any token", "ett tecken (t.ex. @, ` eller %) kan inte inleda en text — sätt texten inom citattecken"),
    (r"expected a single document", "filen innehåller flera dokument (---) — använd ett"),
    (r"expected '<document start>', but found '<block mapping start>'",
     "raden ovanför läses som en ensam text, inte som 'nyckel: värde' — saknas mellanslaget efter kolonet (t.ex. 'område: Namn')?"),
    (r"expected '<document start>'", "en rad med '...' eller som börjar med % avslutar filen — ta bort raden"),
    (r"while scanning a block scalar", "efter | eller > ska texten börja på nästa rad, indragen"),
    (r"while parsing a flow", "en [ eller { öppnas men stängs aldrig — sätt texten inom citattecken"),
    (r"while scanning a simple key", "en rad saknar kolon efter nyckeln, eller så är indragningen fel"),
]


def _opened_never_closed(err: yaml.MarkedYAMLError) -> bool:
    """A [ or { that is never closed, or a quote that runs to the end of the file: the place to
    show is where it opens, not where the parser gave up (often the end of the file)."""
    context = err.context or ""
    if context.startswith("while parsing a flow"):
        return True
    return "quoted scalar" in context and "end of stream" in (err.problem or "")


def _syntax_message(err: yaml.MarkedYAMLError) -> str:
    text = f"{err.context or ''} {err.problem or ''}"
    for needle, hint in _SYNTAX_HINTS:
        if re.search(needle, text):
            return f"YAML-fel: {hint}"
    detail = (err.problem or err.context or "okänt fel").strip()
    return f"YAML-fel: filen kan inte läsas här ({detail}) — kontrollera indragning, kolon och citattecken"


def _line_col(raw: bytes, offset: int) -> Pos:
    """1-based line and column (in characters) of a byte offset."""
    start = raw.rfind(b"\n", 0, offset) + 1
    prefix = raw[start:offset].decode("utf-8", "replace")
    return raw.count(b"\n", 0, offset) + 1, len(prefix) + 1


# Lone CR (old Mac) and the Unicode line breaks YAML counts but editors often do not.
_LINE_BREAKS = re.compile("\r\n|\r")
_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")


_ZIP = b"PK\x03\x04"  # a .docx (or any zip) renamed .yaml
_UTF16 = (b"\xff\xfe", b"\xfe\xff")


def _rtf(raw: bytes) -> bool:
    return raw.lstrip(b"\xef\xbb\xbf").startswith(b"{\\rtf")


def not_text(raw: bytes) -> bool:
    """Whether the bytes are no text vpgen can read at all (too big, a zip or RTF file, UTF-16, NUL bytes)."""
    return len(raw) > MAX_FILE_BYTES or b"\x00" in raw or raw.startswith((*_UTF16, _ZIP)) or _rtf(raw)


_CONTROL_CHAR = re.compile("[\x00-\x1f\x7f]")
# A backslash escape between letters (or after a drive's colon): "G:\\nya", "planer\\tabeller", "Vi\\behöver".
_RAW_TOKEN = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)|.", re.S)
_CONTROL_ESCAPES = {"\\" + code for code in "0abtnvfre"}
_LETTER = re.compile(r"[^\W\d_]")
_ESCAPE_NAMES = {"n": "en radbrytning", "t": "en tabb", "b": "ett backsteg", "r": "en radbrytning",
                 "f": "en sidbrytning", "v": "en tabb", "0": "ett nolltecken", "a": "ett ljudtecken", "e": "ett styrtecken"}


def _decode(raw: bytes) -> str:
    if raw.startswith(_ZIP):
        raise YamlProblem(1, 1, "filen är ett Word-dokument eller en annan zip-fil, inte en textfil — skriv i den "
                                ".yaml-fil du fick, i en textredigerare (Anteckningar, TextEdit), och spara som text med UTF-8")
    if _rtf(raw):
        raise YamlProblem(1, 1, "filen är sparad som RTF (WordPad eller Word), inte som ren text — spara den som "
                                "oformaterad text med UTF-8 och filnamnet slutande på .yaml")
    if raw.startswith(_UTF16):
        raise YamlProblem(1, 1, "filen är sparad som UTF-16 — spara om den som UTF-8")
    if b"\x00" in raw:
        line, col = _line_col(raw, raw.index(b"\x00"))
        raise YamlProblem(
            line, col, "filen innehåller nolltecken och är ingen textfil (eller är sparad som UTF-16) — spara om den som UTF-8-text"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, col = _line_col(raw, err.start)
        raise YamlProblem(
            line, col,
            "filen är inte sparad som UTF-8 (kanske Latin-1/Windows-1252) — spara om den som UTF-8",
        ) from None
    return _ODD_BREAKS.sub(" ", _LINE_BREAKS.sub("\n", text))


def _tab_problems(text: str) -> list[YamlProblem]:
    found = []
    for no, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            found.append(YamlProblem(
                no, indent.index("\t") + 1,
                "tabbtecken i indragningen — använd mellanslag (två per nivå)",
            ))
    return found


class _TooBig(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag


def _mark(node: yaml.Node) -> Pos:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Turns composed nodes into dicts/lists/scalars, recording positions and problems."""

    def __init__(self, doc: SourceDoc, text: str = ""):
        self.doc = doc
        self.lines = text.split("\n")
        self.count = 0
        self.active: set[int] = set()

    def problem(self, node: yaml.Node, loc: tuple, message: str) -> _Invalid:
        """Record a problem at `loc`; schema errors at or under `loc` are then not reported again.

        The whole file (loc ()) is never marked, so its other problems still show.
        """
        # An alias has no position of its own (it *is* the anchored node); its key has one.
        line, col = self.doc.key_pos.get(loc) or _mark(node)
        self.doc.problems.append(YamlProblem(line, col, message, loc))
        if loc:
            self.doc.invalid.add(loc)
        return INVALID

    def _escaped(self, node: yaml.ScalarNode, loc: tuple):
        """A text in "…" where a backslash inside a word made a control character ("G:\\nya planer" →
        "G:", a line break, "ya planer"; "Vi\\behöver"): a path or a slip, and the words would change.
        None when the control characters were written as such ("\\x0b", "raden.\\nNästa"): cleaned as usual."""
        start, end = node.start_mark, node.end_mark
        raw = "\n".join(self.lines[start.line:end.line + 1])[start.column:]
        tokens = _RAW_TOKEN.findall(raw)  # characters and whole escapes ("\\U0001f600" is one)
        code = next((mid for before, mid, after in zip(tokens, tokens[1:], tokens[2:])
                     if mid in _CONTROL_ESCAPES and _LETTER.fullmatch(after) and (_LETTER.fullmatch(before) or before == ":")),
                    None)
        if code is None:
            return None
        name = _ESCAPE_NAMES[code[1:2]]
        return self.problem(node, loc, f"i en text inom \"…\" läses {code} som {name}, inte som ett snedstreck och en "
                                       "bokstav — skriv texten inom enkla citattecken ('…'), eller \\\\ för varje snedstreck")

    def build(self, node: yaml.Node, loc: tuple):
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig(node)
        self.doc.value_pos.setdefault(loc, _mark(node))
        if id(node) in self.active:
            return self.problem(node, loc, "en hänvisning (*) pekar på sig själv — skriv ut värdet i stället")
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, loc)
        expected = _TAG + ("map" if isinstance(node, yaml.MappingNode) else "seq")
        if node.tag != expected:
            return self.problem(node, loc, f"taggen {_short_tag(node.tag)} är inte tillåten — skriv värdet utan '!'-tagg")
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, loc)
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, loc: tuple) -> dict:
        out: dict = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line, col = _mark(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, loc, "en nyckel måste vara ett ord, inte en lista eller en grupp — "
                             "börjar en text med { eller [, sätt den inom citattecken")
                continue
            if key_node.tag != _TAG + "str" and key_node.tag not in _IMPLICIT:
                self.problem(key_node, loc, f"taggen {_short_tag(key_node.tag)} är inte tillåten — skriv nyckeln utan '!'-tagg")
                continue
            key = key_node.value  # as written: `2025:` is the key "2025"
            if key in seen:
                self.doc.problems.append(YamlProblem(
                    line, col,
                    f"nyckeln '{key}' finns redan på rad {seen[key]} — ta bort den ena (varje nyckel får bara finnas en gång)",
                    loc + (key,),
                ))
                end = value_node.end_mark
                self.doc.dropped.append((line, end.line + (1 if end.column else 0)))
                continue
            seen[key] = line
            self.doc.key_pos[loc + (key,)] = (line, col)
            out[key] = self.build(value_node, loc + (key,))
        return out

    def _scalar(self, node: yaml.ScalarNode, loc: tuple):
        tag, value = node.tag, node.value
        if tag == _TAG + "str" and node.style == '"' and _CONTROL_CHAR.search(value):
            escaped = self._escaped(node, loc)
            if escaped is not None:
                return escaped
        if tag == _TAG + "str":
            start = node.start_mark
            if not node.style and node.end_mark.line > start.line and start.line < len(self.lines) \
                    and self.lines[start.line][:start.column].rstrip().endswith("-"):  # a list item's text over lines
                dash = next((no for no in range(start.line + 1, node.end_mark.line + 1)
                             if no < len(self.lines) and self.lines[no].lstrip().startswith("- ")), None)
                if dash is not None and loc:  # "- " one space too far in: read as the text above going on
                    self.doc.continued_items[loc] = (dash + 1, len(self.lines[dash]) - len(self.lines[dash].lstrip()) + 1,
                                                     start.line + 1)
            if not node.style and loc:  # plain text: does its last line go on with a comment?
                end = node.end_mark
                rest = self.lines[end.line][end.column:] if end.line < len(self.lines) else ""
                comment = re.match(r"[ \t]+(#.*?)\s*$", rest)
                if comment:
                    self.doc.cut_by_comment[loc] = (end.line + 1, comment.group(1))
            return value
        if tag not in _IMPLICIT:
            return self.problem(node, loc, f"taggen {_short_tag(tag)} är inte tillåten — skriv värdet utan '!'-tagg")
        if not _IMPLICIT[tag].match(value):
            # Only an explicit tag gets here (`!!int abc`); implicit ones matched by construction.
            return self.problem(node, loc, f"'{value}' passar inte taggen {_short_tag(tag)} — ta bort taggen")
        if tag == _TAG + "null":
            line = self.lines[node.start_mark.line] if node.start_mark.line < len(self.lines) else ""
            after = re.match(r"\s*(?:-\s+|[^#:]*:\s+)(#.*?)\s*$", line)
            if value == "" and loc and after:  # "- #1 prioritet …": all of it a comment, nothing left
                self.doc.commented_out[loc] = after.group(1)
            return None
        if tag == _TAG + "bool":
            return value.lower() == "true"
        if tag == _TAG + "int":
            try:
                return int(value)
            except ValueError:  # more digits than Python converts
                return self.problem(node, loc, "talet har för många siffror")
        if tag == _TAG + "float":
            return YamlFloat(float(value), value)
        try:
            y, m, d = (int(part) for part in value.split("-"))
            return datetime.date(y, m, d)
        except ValueError:
            return self.problem(node, loc, f"datumet {value} finns inte i kalendern — skriv ett riktigt datum (ÅÅÅÅ-MM-DD)")


if getattr(yaml, "__with_libyaml__", False):
    class _CLoader(yaml.cyaml.CParser, _Resolver):
        """libyaml's parser with our resolver: the same nodes, about ten times faster."""

        def __init__(self, stream):
            yaml.cyaml.CParser.__init__(self, stream)
            _Resolver.__init__(self)
else:  # pragma: no cover - PyYAML built without libyaml
    _CLoader = None


def _compose(text: str):
    """Compose with libyaml when it accepts the text; otherwise (control characters, errors) with
    the pure-Python loader, whose behaviour and messages are the reference."""
    if _CLoader is not None:
        try:
            return yaml.compose(text, Loader=_CLoader)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=_Loader)


def read_yaml(path: Path, content_root: Path | None = None, shown: str | None = None) -> SourceDoc:
    """Read one YAML file safely; never raises for content problems — they are in `doc.problems`.

    `doc.readable` is False when nothing could be read (the problems say why); otherwise `doc.data`
    is the file's value (None for an empty file) and `doc.problems` lists what was refused inside it.
    `shown` names the file in messages (default: relative to the folder above `content_root`).
    """
    shown = shown or display_path(path, content_root)
    doc = SourceDoc(path=path, shown=shown, data=None)
    try:
        if path.is_dir():
            return _failed(doc, YamlProblem(0, 0, "här ska det vara en fil, men det är en mapp — ersätt mappen med filen"))
        if not path.exists():
            return _failed(doc, YamlProblem(0, 0, "filen finns inte"))
        if not path.is_file():
            return _failed(doc, YamlProblem(0, 0, "är ingen vanlig fil — ersätt den med en textfil"))
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            mb = f"{size / (1024 * 1024):.1f}".replace(".", ",")
            return _failed(doc, YamlProblem(
                0, 0,
                f"filen är {mb} MB — en innehållsfil får vara högst {MAX_FILE_BYTES // (1024 * 1024)} MB; "
                "kontrollera att det är rätt fil",
            ))
        raw = path.read_bytes()
    except OSError as err:
        return _failed(doc, YamlProblem(0, 0, f"filen kan inte läsas ({os_reason(err)})"))
    try:
        text = _decode(raw)
    except YamlProblem as err:
        return _failed(doc, err)
    return _read_text(doc, text)


def read_yaml_text(text: str, shown: str, path: Path | None = None) -> SourceDoc:
    """Read YAML from a text in memory, exactly as read_yaml reads a file (`shown` names it in
    messages). For candidate texts that are never written anywhere, e.g. a repair being tried."""
    doc = SourceDoc(path=path or Path(shown), shown=shown, data=None)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return _failed(doc, YamlProblem(line, 1, "texten innehåller nolltecken — ta bort dem"))
    return _read_text(doc, _ODD_BREAKS.sub(" ", _LINE_BREAKS.sub("\n", text)))


def _failed(doc: SourceDoc, *problems: YamlProblem) -> SourceDoc:
    doc.problems.extend(problems)
    doc.readable = False
    doc.data = None
    return doc


def _read_text(doc: SourceDoc, text: str) -> SourceDoc:
    """Compose and build a decoded text (line ends already normalised) into `doc`. The text is read
    in Unicode's composed form (NFC): a file saved on a Mac may spell "å" as a and a ring."""
    text = unicodedata.normalize("NFC", text)
    tabs = _tab_problems(text)
    if tabs:
        return _failed(doc, *tabs)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if err.context_mark is not None and _opened_never_closed(err):
            mark = err.context_mark  # "opens but never closes": where it opens, not the end of the file
        return _failed(doc, YamlProblem(mark.line + 1, mark.column + 1, _syntax_message(err)))
    except yaml.YAMLError as err:  # pragma: no cover - PyYAML raises marked errors for content
        return _failed(doc, YamlProblem(0, 0, f"YAML-fel: filen kan inte läsas ({err})"))
    except RecursionError:
        return _failed(doc, YamlProblem(0, 0, "filen är för djupt nästlad — använd färre indragningsnivåer"))
    if node is None:
        return doc
    try:
        doc.data = _Builder(doc, text).build(node, ())
    except _TooBig as err:
        line, col = _mark(err.node)
        doc.problems.clear()
        return _failed(doc, YamlProblem(
            line, col,
            f"filen innehåller för många värden (över {MAX_NODES:,}".replace(",", " ")
            + " räknat med alla hänvisningar *) — skriv ut texterna i stället för att hänvisa",
        ))
    except RecursionError:
        doc.problems.clear()
        return _failed(doc, YamlProblem(0, 0, "filen är för djupt nästlad — använd färre indragningsnivåer"))
    return doc


def load_yaml(path: Path, content_root: Path | None = None) -> SourceDoc:
    """Read one YAML file safely; raises the first YamlProblem (Swedish message) on any failure."""
    doc = read_yaml(path, content_root)
    if doc.problems:
        raise doc.problems[0]
    return doc


def problem_from(err: YamlProblem, path: Path, content_root: Path | None) -> Problem:
    return Problem(display_path(path, content_root), err.line, err.column, err.path, err.message)


# ---------------------------------------------------------------- writing

def yaml_scalar(value: str) -> str:
    """A text as a YAML value: plain when it reads back as the same text, else in double quotes."""
    plain_ok = (
        value == value.strip()
        and value
        and not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", value)
        and value[0] not in "-?:,[]{}#&*!|>'\"%@` 0123456789+."
        and ": " not in value and " #" not in value and not value.endswith(":")
    )
    if plain_ok:
        try:
            if yaml.safe_load(f"x: {value}\n") == {"x": value}:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar
