"""Read one YAML file into plain data plus the line of every field.

Entries are small mappings written by people, so the reader is strict where
YAML is lenient: duplicate keys, anchors/aliases, merge keys and several
documents are errors, and dates stay strings (as in YAML 1.2 and the editors)
so a bad date is reported by the schema instead of crashing the parser::

    data, lines = read_yaml(Path("catalogue/organisaties/njr.yml"), "catalogue/organisaties/njr.yml")
    lines[("doelgroepen", 0)]   # -> 7
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from kennisbank.problems import Problem

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"

MAX_BYTES = 256 * 1024
MAX_DEPTH = 20
# libyaml recurses per level of nesting: about 50,000 nested '[' crash the process
# (segmentation fault) and deep flow nesting parses in quadratic time. Text is
# scanned for this before libyaml sees it.
MAX_NESTING = 1000
_ALLOWED_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map"))
_FLOW = re.compile(r"[\[\]{}]")
# A line that starts with more than MAX_NESTING indents or block indicators ('- ', '? ', ': ').
_DEEP_LEAD = re.compile(r"^(?:[ \t]|[-?:](?=[ \t]|$)){%d}" % (MAX_NESTING + 1), re.MULTILINE)
# Characters YAML refuses; found here first so the message can name the line.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")

FieldPath = tuple[str | int, ...]
Lines = dict[FieldPath, int]


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader without the timestamp resolver: dates stay text."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}

_TAB = "Er staat een tab. Gebruik spaties om in te springen."

# The parser's English, translated for people who have never seen YAML.
_YAML_HINTS = (
    ("found character '\\t'", _TAB),
    ("tab character", _TAB),
    ("cannot start any token", "Een waarde begint met een teken dat YAML niet toestaat, zoals @ of `. "
     "Zet de hele tekst tussen aanhalingstekens."),
    ("invalid Unicode character escape", "Er staat een ongeldige code met '\\u' in tekst tussen dubbele "
     "aanhalingstekens. Gebruik enkele aanhalingstekens."),
    ("mapping values are not allowed", "Er staat een dubbele punt op een plek waar dat niet mag. "
     "Staat er een ':' in je tekst? Zet de hele tekst dan tussen aanhalingstekens."),
    ("could not find expected ':'", "Er mist een dubbele punt achter een veldnaam, of de inspringing klopt niet."),
    ("did not find expected key", "De inspringing klopt niet. Zorg dat velden op hetzelfde niveau even ver inspringen."),
    ("expected <block end>", "De inspringing klopt niet. Zorg dat velden op hetzelfde niveau even ver inspringen."),
    ("did not find expected '-'", "De inspringing van de lijst klopt niet. Elke regel van een lijst begint met '- '."),
    ("found unexpected end of stream", "Het bestand houdt midden in een waarde op. Mist er een aanhalingsteken?"),
    ("while scanning a quoted scalar", "Een aanhalingsteken wordt niet afgesloten."),
    ("found undefined alias", "Er staat een '*' die YAML als verwijzing leest. Zet de tekst tussen aanhalingstekens."),
    ("expected a single document", "Het bestand bevat meer dan één document ('---'). Zet elk item in een eigen bestand."),
    ("found unknown escape character", "Er staat een '\\' in tekst tussen dubbele aanhalingstekens. "
     "Gebruik enkele aanhalingstekens."),
)


def _yaml_problem(rel: str, error: yaml.YAMLError, source: str) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    text = str(error)
    if line is not None and "\t" in _indent(source, line):
        return Problem(rel, line, f"de YAML klopt niet. {_TAB}")
    for needle, hint in _YAML_HINTS:
        if needle in text:
            return Problem(rel, line, f"de YAML klopt niet. {hint}")
    detail = getattr(error, "problem", None) or text.splitlines()[0]
    return Problem(rel, line, f"de YAML klopt niet ({detail}). Kijk naar de inspringing en de dubbele punten.")


def _indent(text: str, line: int) -> str:
    """The leading whitespace of line `line` (1-based)."""
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if not start:
            return ""
    rest = text[start:text.find("\n", start) if "\n" in text[start:] else len(text)]
    return rest[: len(rest) - len(rest.lstrip(" \t"))]


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def scan(text: str, rel: str) -> Problem | None:
    """Refuse, before parsing, text the YAML library would choke on: control characters, deep nesting."""
    if match := _CONTROL.search(text):
        return Problem(rel, _line_at(text, match.start()), f"er staat een onzichtbaar stuurteken "
                       f"(U+{ord(match.group()):04X}) in het bestand, misschien meegekopieerd uit een ander "
                       f"programma. Haal het weg of typ de regel opnieuw.")
    too_deep = ("het bestand is te diep genest ({}). Een item heeft maar een paar niveaus, zoals een lijst "
                "onder een veld.")
    depth = 0
    for match in _FLOW.finditer(text) if text.count("[") + text.count("{") > MAX_NESTING else ():
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        if depth > MAX_NESTING:
            return Problem(rel, _line_at(text, match.start()), too_deep.format(f"meer dan {MAX_NESTING} haakjes [ of {{ binnen elkaar"))
    if match := _DEEP_LEAD.search(text):
        return Problem(rel, _line_at(text, match.start()), too_deep.format(f"een regel springt meer dan {MAX_NESTING} tekens in"))
    return None


def _too_big(rel: str, size: int) -> Problem:
    return Problem(rel, None, f"het bestand is te groot ({size // 1024} kB; hoogstens {MAX_BYTES // 1024} kB). "
                              f"Een item is een korte tekst.")


def decode(raw: bytes, rel: str) -> tuple[str | None, Problem | None]:
    """Bytes to text, refusing what is not UTF-8 text."""
    if len(raw) > MAX_BYTES:
        return None, _too_big(rel, len(raw))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem(rel, None, "het bestand is opgeslagen als UTF-16. Sla het op als UTF-8.")
    if b"\x00" in raw:
        if raw.count(b"\x00") * 3 > len(raw):   # every other byte: UTF-16 without a byte-order mark
            return None, Problem(rel, None, "het bestand is opgeslagen als UTF-16. Sla het op als UTF-8.")
        return None, Problem(rel, None, "dit is geen tekstbestand. Een item is een tekstbestand in UTF-8.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, Problem(rel, line, "het bestand is niet opgeslagen als UTF-8 (misschien als Latin-1 of "
                                        "Windows-1252). Sla het op als UTF-8.")
    return text.removeprefix("\ufeff"), None


def read_yaml(path: Path, rel: str) -> tuple[Any, Lines, list[Problem]]:
    """Parse `path`; returns (data, lines, problems). `rel` is the name used in messages."""
    if path.is_symlink():
        return None, {}, [Problem(rel, None, "dit is een snelkoppeling (symlink) naar een ander bestand. "
                                             "Zet het item zelf in de catalogus.")]
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:   # refused unread: a huge file need not fit in memory
            return None, {}, [_too_big(rel, size)]
        raw = path.read_bytes()
    except OSError as error:
        return None, {}, [Problem(rel, None, f"het bestand kan niet gelezen worden ({error.strerror}).")]
    text, problem = decode(raw, rel)
    if problem:
        return None, {}, [problem]
    return parse_yaml(text, rel)


def parse_yaml(text: str, rel: str) -> tuple[Any, Lines, list[Problem]]:
    if problem := scan(text, rel):
        return None, {}, [problem]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as error:
        return None, {}, [_yaml_problem(rel, error, text)]
    except RecursionError:
        return None, {}, [Problem(rel, None, "het bestand is te diep genest.")]
    finally:
        loader.dispose()
    if node is None or (isinstance(node, yaml.ScalarNode) and node.value == "" and not node.style):
        return None, {}, [Problem(rel, 1, "het bestand is leeg. Vul de velden in, bijvoorbeeld met scripts/new.py.")]
    converter = _Converter(loader, rel)
    data = converter.convert(node, (), 0)
    if converter.shared:
        converter.problems.append(Problem(rel, _first_alias_line(text), "verwijzingen met '&' en '*' zijn niet "
                                                                        "toegestaan. Schrijf de waarde uit."))
    return data, converter.lines, converter.problems


def _first_alias_line(text: str) -> int | None:
    """Where the first '*alias' is used; only called for a file known to have one."""
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1
    return None


class _Converter:
    """Turn a node tree into plain data, noting lines and refusing shared or deep nodes."""

    def __init__(self, loader: Any, rel: str):
        self.loader = loader
        self.rel = rel
        self.lines: Lines = {}
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.shared = False   # an '*alias' was used; reported once by parse_yaml

    def problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.rel, node.start_mark.line + 1, message))

    def convert(self, node: yaml.Node, path: FieldPath, depth: int) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if id(node) in self.seen:  # an alias: never expanded, so an alias bomb costs nothing
            self.shared = True
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.problem(node, f"de velden zijn te diep genest (meer dan {MAX_DEPTH} niveaus). Een item heeft "
                               f"maar een paar niveaus, zoals een lijst onder een veld.")
            return None
        if node.tag == _STR:  # most values: skip the constructor's machinery
            return node.value
        if node.tag not in _ALLOWED_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.problem(node, f"het label '{tag}' hoort niet in een item. Haal '{tag}' weg, of zet de hele "
                               f"tekst tussen aanhalingstekens als die met '!' begint.")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError) as error:
            self.problem(node, f"deze waarde kan niet gelezen worden ({error}). Zet de tekst tussen aanhalingstekens.")
            return None

    def mapping(self, node: yaml.MappingNode, path: FieldPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key == "<<":
                self.problem(key_node, "samenvoegen met '<<' is niet toegestaan. Schrijf de velden uit.")
                continue
            if key is None:
                self.problem(key_node, "een veldnaam moet een gewoon woord zijn, zoals 'naam'.")
                continue
            if key in result:
                first = self.lines.get(path + (key,), "?")
                self.problem(key_node, f"het veld '{key}' staat twee keer in dit item (ook op regel {first}). "
                                       f"Laat er één staan.")
                continue
            self.lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = self.convert(value_node, path + (key,), depth + 1)
        return result
