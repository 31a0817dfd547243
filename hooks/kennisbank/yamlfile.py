"""Read one YAML file into plain data plus the line of every field.

Entries are small mappings written by people, so the reader is strict where
YAML is lenient: duplicate keys, anchors/aliases, merge keys and several
documents are errors, and dates stay strings (as in YAML 1.2 and the editors)
so a bad date is reported by the schema instead of crashing the parser::

    data, lines = read_yaml(Path("catalogue/organisaties/njr.yml"), "catalogue/organisaties/njr.yml")
    lines[("doelgroepen", 0)]   # -> 7
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kennisbank.problems import Problem

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 256 * 1024
MAX_DEPTH = 20

FieldPath = tuple[str | int, ...]
Lines = dict[FieldPath, int]


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader without the timestamp resolver: dates stay text."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}

# The parser's English, translated for people who have never seen YAML.
_YAML_HINTS = (
    ("found character '\\t'", "Er staat een tab. Gebruik spaties om in te springen."),
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


def _yaml_problem(rel: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    text = str(error)
    for needle, hint in _YAML_HINTS:
        if needle in text:
            return Problem(rel, line, f"de YAML klopt niet. {hint}")
    detail = getattr(error, "problem", None) or text.splitlines()[0]
    return Problem(rel, line, f"de YAML klopt niet ({detail}). Kijk naar de inspringing en de dubbele punten.")


def decode(raw: bytes, rel: str) -> tuple[str | None, Problem | None]:
    """Bytes to text, refusing what is not UTF-8 text."""
    if len(raw) > MAX_BYTES:
        return None, Problem(rel, None, f"het bestand is te groot ({len(raw) // 1024} kB; hoogstens "
                                        f"{MAX_BYTES // 1024} kB). Een item is een korte tekst.")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem(rel, None, "het bestand is opgeslagen als UTF-16. Sla het op als UTF-8.")
    if b"\x00" in raw:
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
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, {}, [Problem(rel, None, f"het bestand kan niet gelezen worden ({error.strerror}).")]
    text, problem = decode(raw, rel)
    if problem:
        return None, {}, [problem]
    return parse_yaml(text, rel)


def parse_yaml(text: str, rel: str) -> tuple[Any, Lines, list[Problem]]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as error:
        return None, {}, [_yaml_problem(rel, error)]
    except RecursionError:
        return None, {}, [Problem(rel, None, "het bestand is te diep genest.")]
    finally:
        loader.dispose()
    if node is None:
        return None, {}, [Problem(rel, 1, "het bestand is leeg. Vul de velden in, bijvoorbeeld met scripts/new.py.")]
    converter = _Converter(loader, rel)
    data = converter.convert(node, (), 0)
    return data, converter.lines, converter.problems


class _Converter:
    """Turn a node tree into plain data, noting lines and refusing shared or deep nodes."""

    def __init__(self, loader: Any, rel: str):
        self.loader = loader
        self.rel = rel
        self.lines: Lines = {}
        self.problems: list[Problem] = []
        self.seen: set[int] = set()

    def problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.rel, node.start_mark.line + 1, message))

    def convert(self, node: yaml.Node, path: FieldPath, depth: int) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if id(node) in self.seen:  # an alias: report it where it is used
            self.problems.append(Problem(self.rel, self.lines[path], "verwijzingen met '&' en '*' zijn niet "
                                                                     "toegestaan. Schrijf de waarde uit."))
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.problem(node, "de velden zijn te diep genest.")
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
            if key is None or key == "<<":
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
