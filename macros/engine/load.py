"""Stage 1: read content files safely and keep where every value stands.

PyYAML's ``safe_load`` silently keeps the last of duplicate keys and expands aliases; this loader
works on the node graph instead, so it can refuse both and remember each value's line and column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .kinds import KINDS
from .problems import Problem, field_path

_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser where PyYAML has it (same events and positions, much faster); errors are worded
by the pure Python parser, whose messages the translations below know."""

MAX_BYTES = 256 * 1024
"""Largest content file accepted; the biggest real file is a few tens of kB."""

ITEM_TYPES = {kind.folder: kind.schema for kind in KINDS}
"""Folder under content/ → schema name, for the one-file-per-item types (macros/engine/kinds.py)."""

LIST_FILES = {
    "themes": "themes",
    "regions": "regions",
    "sources": "sources",
    "glossary": "glossary",
    "borgingsscan": "borgingsscan",
    "hidden": "hidden",
}
"""File stem under content/ → schema name, for the files that hold a list of entries."""

_YAML_MESSAGES = {
    "mapping values are not allowed here": "hier mag geen ': ' staan; zet tekst met een dubbele punt tussen aanhalingstekens",
    "could not find expected ':'": "verwachtte 'veld: waarde'; controleer de dubbele punt en de inspringing",
    "did not find expected key": "de inspringing klopt niet: verwachtte hier een veldnaam",
    "did not find expected '-' indicator": "de inspringing klopt niet: verwachtte hier een lijstpunt (-)",
    "found unexpected end of stream": "het bestand houdt onverwacht op: controleer aanhalingstekens en haakjes",
    "found unexpected ':'": "onverwachte ':'; zet de tekst tussen aanhalingstekens",
    "found character that cannot start any token": "dit teken kan hier niet staan; zet de tekst tussen aanhalingstekens",
    "expected <block end>, but found": "de inspringing klopt niet, of er staat nog tekst na een waarde tussen aanhalingstekens of haakjes; zet zulke tekst helemaal tussen aanhalingstekens",
    "expected or, but got": "een lijst [ … ] of { … } is niet goed afgesloten: controleer komma's en haakjes, of zet de tekst tussen aanhalingstekens",
    "found unknown escape character": "onbekende code na een \\ tussen dubbele aanhalingstekens; schrijf \\\\ of gebruik enkele aanhalingstekens",
    "expected alphabetic or numeric character, but found": "tekst die begint met * of & moet tussen aanhalingstekens",
    "expected a comment or a line break, but found": "na | of > moet de tekst op een nieuwe regel beginnen",
    "but found another document": "een bestand bevat één document: haal de regel '---' weg",
}


INVISIBLE = {
    "\u00a0": ("harde spatie", "vervang het door een gewone spatie"),
    "\u202f": ("smalle harde spatie", "vervang het door een gewone spatie"),
    "\u2007": ("cijferspatie", "vervang het door een gewone spatie"),
    "\u2002": ("brede spatie", "vervang het door een gewone spatie"),
    "\u2003": ("brede spatie", "vervang het door een gewone spatie"),
    "\u2009": ("smalle spatie", "vervang het door een gewone spatie"),
    "\u3000": ("brede spatie", "vervang het door een gewone spatie"),
    "\u200b": ("spatie zonder breedte", "haal het weg"),
    "\u200c": ("onzichtbaar scheidingsteken", "haal het weg"),
    "\u200d": ("onzichtbaar verbindingsteken", "haal het weg"),
    "\u2060": ("onzichtbare woordverbinder", "haal het weg"),
    "\ufeff": ("onzichtbaar BOM-teken", "haal het weg"),
    "\u00ad": ("zacht afbreekstreepje", "haal het weg"),
    "\u2028": ("regelscheiding", "vervang het door een gewone nieuwe regel"),
    "\u2029": ("alineascheiding", "vervang het door een gewone nieuwe regel"),
    "\u200e": ("onzichtbare schrijfrichting", "haal het weg"),
    "\u200f": ("onzichtbare schrijfrichting", "haal het weg"),
}
"""Characters that look like a space or like nothing, often pasted from Word or a web page: they
break YAML's indentation or change text unseen (search, links). Each is named with its code point."""

_INVISIBLE_RE = re.compile("[" + "".join(INVISIBLE) + "]")

_LOOKS_LIKE_QUOTES = "“”„‘’‚«»"
"""Typographic quotes, as a word processor types them: for YAML they are text, not quotes."""

_VALUE_START_RE = re.compile(r"^(\s*(?:-\s+)*(?:[^\s#:\-][^:#]*:\s+)?)(\S)")
"""The first character of the value on a line: after '- ' list markers and a 'key: '."""


@dataclass
class Document:
    """One parsed content file: its data plus the position of every value and key."""

    path: Path
    display: str
    layer: str = "content"
    data: object = None
    values: dict = field(default_factory=dict)
    keys: dict = field(default_factory=dict)
    raw: dict = field(default_factory=dict)
    styles: dict = field(default_factory=dict)
    lines: list = field(default_factory=list)

    def at(self, path: tuple, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of a value, or of its key; falls back to the nearest parent."""
        table = self.keys if key else self.values
        while path:
            if path in table:
                return table[path]
            if not key and path in self.keys:
                return self.keys[path]
            path = path[:-1]
        return self.values.get((), (1, 1))

    def at_offset(self, path: tuple, offset: int) -> tuple[int, int]:
        """Line and column of a character inside a text value, where the YAML keeps them exact:
        literal blocks (``|``) and values on a single line; elsewhere the start of the value."""
        line, col = self.at(path)
        value = self.raw.get(path)
        style = self.styles.get(path)
        if not isinstance(value, str):
            return line, col
        start = value.rfind("\n", 0, offset) + 1
        if style == "|":
            line += 1 + value.count("\n", 0, offset)
            source = self.lines[line - 1] if line - 1 < len(self.lines) else ""
            return line, len(source) - len(source.lstrip(" ")) + 1 + offset - start
        if "\n" not in value and style in (None, "", "'", '"'):  # libyaml says "" for plain
            return line, col + offset + (1 if style in ("'", '"') else 0)
        return line, col

    def problem(self, path: tuple, message: str, key: bool = False, severity: str = "error",
                offset: int | None = None) -> Problem:
        line, col = self.at_offset(path, offset) if offset is not None else self.at(path, key)
        return Problem(self.display, line, col, message, severity)


def discover(content_dir: Path) -> list[tuple[str, Path]]:
    """Every content file as (kind, path); kind is a folder name of ITEM_TYPES or a LIST_FILES stem."""
    found = []
    for stem in LIST_FILES:
        path = content_dir / f"{stem}.yml"
        if path.exists():
            found.append((stem, path))
    for folder in ITEM_TYPES:
        for path in sorted((content_dir / folder).glob("*")):
            if path.is_file() and not path.name.startswith("."):
                found.append((folder, path))
    return found


OTHER_ENTRIES = {"schema"}
"""Folders in a content folder that hold no content (the JSON Schemas); Markdown files (MODEL.md,
README.md) and hidden files are not content either."""


def strays(content_dir: Path, root: Path) -> list[Problem]:
    """Folders and YAML files in a content folder that the toolkit would not read, such as a misspelt
    ``content/tip/``: reported, so that no editor's file is ignored without a word."""
    from .messages import suggest

    known = set(ITEM_TYPES) | OTHER_ENTRIES
    problems = []
    for path in sorted(content_dir.iterdir()):
        if path.name.startswith(".") or (path.is_file() and path.suffix.lower() == ".md"):
            continue
        if path.is_dir() and path.name not in known:
            hint = suggest(path.name, ITEM_TYPES)
            problems.append(Problem(shown_path(path, root) + "/", 1, 1, f"map '{path.name}' wordt niet gelezen"
                                    + (f" (bedoelde je '{hint}'?)" if hint else "")
                                    + f"; inhoud staat in een van deze mappen: {', '.join(ITEM_TYPES)}"))
        elif path.is_file() and path.stem not in LIST_FILES:
            hint = suggest(path.stem, LIST_FILES)
            problems.append(Problem(shown_path(path, root), 1, 1, f"bestand '{path.name}' wordt niet gelezen"
                                    + (f" (bedoelde je '{hint}.yml'?)" if hint else "")
                                    + "; een onderdeel hoort in een map als tips/ of lessons/"))
    return problems


def shown_path(path: Path, root: Path) -> str:
    """How problems name a file: relative to the project folder ``root`` ('content/tips/01-x.yml')."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def load(path: Path, display: str, layer: str = "content") -> tuple[Document, list[Problem]]:
    """Parse one file. Returns the document (data None when unreadable) and its problems."""
    doc = Document(path, display, layer)
    blob = path.read_bytes()
    if len(blob) > MAX_BYTES:
        size = -(-len(blob) // 1024)  # round up, so a file just over the limit never reads as equal to it
        return doc, [Problem(display, 1, 1, f"bestand is {size} kB; de grens is {MAX_BYTES // 1024} kB: splits het op")]
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError as err:
        line = blob.count(b"\n", 0, err.start) + 1
        col = err.start - (blob.rfind(b"\n", 0, err.start) + 1) + 1
        return doc, [Problem(display, line, col, "bestand is geen geldige UTF-8-tekst; sla het op als UTF-8")]
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))  # a Mac may save 'ë' as 'e' + '¨'
    problems = _invisible(text, display) or _tabs(text, display)
    if problems:
        return doc, problems
    if not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        return doc, [Problem(display, 1, 1, "bestand is leeg")]
    problems = _anchors(text, display)
    if problems:
        return doc, problems
    try:
        node = yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.MarkedYAMLError as err:
        return doc, _typing_problems(text, display) or [_yaml_problem(_python_error(text) or err, display)]
    problems = []
    doc.lines = text.splitlines()
    doc.data = _build(node, (), doc, problems, yaml.constructor.SafeConstructor())
    return doc, problems


def _tabs(text: str, display: str) -> list[Problem]:
    if "\t" not in text:
        return []
    for number, line in enumerate(text.splitlines(), 1):
        indent = re.match(r"[ \t]*", line).group()
        if "\t" in indent and line.strip():
            return [Problem(display, number, indent.index("\t") + 1, "tab gebruikt om in te springen; gebruik spaties")]
    return []


def _invisible(text: str, display: str) -> list[Problem]:
    """Every invisible or look-alike space in the file, at its own line and column."""
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        for match in _INVISIBLE_RE.finditer(line):
            name, fix = INVISIBLE[match.group()]
            problems.append(Problem(display, number, match.start() + 1,
                                    f"onzichtbaar teken U+{ord(match.group()):04X} ({name}); {fix}"))
    return problems


def _typing_problems(text: str, display: str) -> list[Problem]:
    """Where YAML stumbles over what an editor meant as text: a value that starts with * or &
    (Markdown italics, read as an alias or anchor) or with typographic quotes (not quotes to YAML)."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        match = _VALUE_START_RE.match(line)
        if not match or line.lstrip().startswith("#"):
            continue
        first, col = match.group(2), len(match.group(1)) + 1
        if first in "*&":
            what = "een verwijzing (*naam)" if first == "*" else "een anker (&naam)"
            problems.append(Problem(display, number, col, f"YAML leest tekst die met {first} begint als {what}, en "
                                    "die zijn niet toegestaan; is het tekst (zoals *schuin* in Markdown), zet de hele "
                                    f"tekst dan tussen aanhalingstekens: \"{line[col - 1:].strip()}\""))
        elif first in _LOOKS_LIKE_QUOTES:
            problems.append(Problem(display, number, col, f"{first} is een typografisch aanhalingsteken (zoals Word "
                                    "het zet); voor YAML is dat gewone tekst. Zet de tekst tussen rechte "
                                    "aanhalingstekens \" \" (en binnen de tekst mogen “ ” blijven staan)"))
    return problems


def _anchors(text: str, display: str) -> list[Problem]:
    problems = []
    try:
        for event in yaml.parse(text, Loader=_FAST_LOADER):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return _typing_problems(text, display) or [Problem(
                    display, event.start_mark.line + 1, event.start_mark.column + 1,
                    "verwijzingen (*naam) en ankers (&naam) zijn niet toegestaan; schrijf de tekst gewoon uit")]
    except yaml.MarkedYAMLError as err:
        return _typing_problems(text, display) or [_yaml_problem(_python_error(text) or err, display)]
    return problems


def _python_error(text: str) -> yaml.MarkedYAMLError | None:
    """The error as PyYAML's own parser words it: the messages in _YAML_MESSAGES are its texts."""
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        return err
    return None


def _yaml_problem(err: yaml.MarkedYAMLError, display: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    problem = (err.problem or "").strip()
    message = _YAML_MESSAGES.get(re.sub(r" '.*?'", "", problem).strip(), None)
    if message is None:
        message = _YAML_MESSAGES.get(problem, f"ongeldige YAML: {problem}")
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(display, line, col, message)


def _build(node, path: tuple, doc: Document, problems: list[Problem], scalars):
    """Turn a node into plain Python data, recording positions and refusing duplicate keys."""
    doc.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result, seen = {}, {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            here = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in seen:
                problems.append(Problem(doc.display, *here, f"veld '{key}' staat hier twee keer (eerder op regel {seen[key][0]})"))
                continue
            seen[key] = here
            doc.keys[path + (key,)] = here
            result[key] = _build(value_node, path + (key,), doc, problems, scalars)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, path + (i,), doc, problems, scalars) for i, child in enumerate(node.value)]
    doc.raw[path] = node.value
    doc.styles[path] = node.style
    if not node.style:  # plain: no quotes, no block
        problems += _lost_text(node, path, doc)
    # Resolve the scalar the way safe_load would: strings, numbers, booleans, null, dates.
    return scalars.construct_object(node, deep=True)


def _lost_text(node, path: tuple, doc: Document) -> list[Problem]:
    """Text that YAML drops or merges without a word in an unquoted value: what follows ' #' on its
    line (a comment to YAML: 'werkgeversdag #1' keeps 'werkgeversdag'), and a next line that starts
    with '- ' but is indented under the text, so that it becomes part of it instead of a list item."""
    problems = []
    end, start = node.end_mark, node.start_mark
    rest = doc.lines[end.line][end.column:] if end.line < len(doc.lines) else ""
    if rest.lstrip().startswith("#"):
        col = end.column + len(rest) - len(rest.lstrip()) + 1
        problems.append(Problem(doc.display, end.line + 1, col,
                                f"{field_path(path) or 'waarde'}: YAML leest ' #' als begin van een opmerking, dus "
                                f"'{rest.strip()}' valt weg; zet de hele tekst tussen aanhalingstekens \"…\""))
    for number in range(start.line + 1, min(end.line + 1, len(doc.lines))):
        line = doc.lines[number]
        if line.lstrip().startswith("- "):
            problems.append(Problem(doc.display, number + 1, len(line) - len(line.lstrip()) + 1,
                                    f"{field_path(path) or 'waarde'}: deze regel hoort voor YAML bij de tekst erboven, "
                                    "niet als nieuw lijstpunt; zet het streepje recht onder dat van het punt erboven"))
    return problems
