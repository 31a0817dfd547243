"""Read one YAML file into plain data plus the line of every field.

Entries are small mappings written by people, so the reader is strict where
YAML is lenient: duplicate keys, anchors/aliases, merge keys and several
documents are errors, and dates stay strings (as in YAML 1.2 and the editors)
so a bad date is reported by the schema instead of crashing the parser::

    data, lines = read_yaml(Path("catalogue/organisaties/njr.yml"), "catalogue/organisaties/njr.yml")
    lines[("doelgroepen", 0)]   # -> 7
"""

from __future__ import annotations

import os
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


_LINK = "dit is een snelkoppeling (symlink) naar een ander bestand. Zet het item zelf in de catalogus."


def read_yaml(path: str | Path, rel: str) -> tuple[Any, Lines, list[Problem]]:
    """Parse `path`; returns (data, lines, problems). `rel` is the name used in messages."""
    # os.open and friends: a third of the system calls of open() (which also asks whether the
    # file is a terminal), and O_NOFOLLOW refuses a link without a separate look.
    if not hasattr(os, "O_NOFOLLOW") and os.path.islink(path):   # Windows
        return None, {}, [Problem(rel, None, _LINK)]
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        if os.path.islink(path):
            return None, {}, [Problem(rel, None, _LINK)]
        return None, {}, [Problem(rel, None, f"het bestand kan niet gelezen worden ({error.strerror}).")]
    try:
        size = os.fstat(descriptor).st_size
        if size > MAX_BYTES:   # refused unread: a huge file need not fit in memory
            return None, {}, [_too_big(rel, size)]
        raw = os.read(descriptor, size + 1)
        if len(raw) != size:   # the file changed since fstat, or a short read: read on to its end
            while len(raw) <= MAX_BYTES and (more := os.read(descriptor, MAX_BYTES + 1 - len(raw))):
                raw += more
    except OSError as error:
        return None, {}, [Problem(rel, None, f"het bestand kan niet gelezen worden ({error.strerror}).")]
    finally:
        os.close(descriptor)
    text, problem = decode(raw, rel)
    if problem:
        return None, {}, [problem]
    return parse_yaml(text, rel)


def parse_yaml(text: str, rel: str) -> tuple[Any, Lines, list[Problem]]:
    if problem := scan(text, rel):
        return None, {}, [problem]
    reader = _EventReader(text, rel)
    try:
        data, found = reader.read()
    except yaml.YAMLError as error:
        return None, {}, [_yaml_problem(rel, error, text)]
    finally:
        reader.loader.dispose()
    if not found:
        return None, {}, [Problem(rel, 1, "het bestand is leeg. Vul de velden in, bijvoorbeeld met scripts/new.py.")]
    return data, reader.lines, reader.problems


_EVENT_MAP, _EVENT_SEQ = yaml.MappingStartEvent, yaml.SequenceStartEvent
_EVENT_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_EVENT_SCALAR = yaml.ScalarEvent


class _EventReader:
    """Build plain data from libyaml's event stream, noting lines and refusing shared or deep values.

    Reading events instead of composing a node tree first halves the time per file: no
    node objects, one loop. Only plain scalars that could be a number, true/false or null
    go through the YAML resolver; everything else is text.
    """

    def __init__(self, text: str, rel: str):
        self.loader = _Loader(text)
        self.rel = rel
        self.lines: Lines = {}
        self.problems: list[Problem] = []
        self.alias_line: int | None = None   # the first '*alias'; reported once

    def problem(self, event: yaml.Event, message: str) -> None:
        self.problems.append(Problem(self.rel, event.start_mark.line + 1, message))

    def refuse_tag(self, event: yaml.Event, tag: str) -> None:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        self.problem(event, f"het label '{shown}' hoort niet in een item. Haal '{shown}' weg, of zet de hele "
                            f"tekst tussen aanhalingstekens als die met '!' begint.")

    def read(self) -> tuple[Any, bool]:
        """(data, whether the stream held a value); raises yaml.YAMLError for broken YAML."""
        get = self.loader.get_event
        get()                                  # StreamStart
        event = get()
        if isinstance(event, yaml.StreamEndEvent):
            return None, False
        document = event                       # DocumentStart
        event = get()
        if isinstance(event, yaml.ScalarEvent) and event.value == "" and event.style is None and event.tag is None:
            data, found = None, False
        else:
            data, found = self.value(event, (), get), True
        get()                                  # DocumentEnd
        event = get()
        if not isinstance(event, yaml.StreamEndEvent):
            raise yaml.composer.ComposerError("expected a single document in the stream", document.start_mark,
                                              "but found another document", event.start_mark)
        if self.alias_line is not None:
            self.problems.append(Problem(self.rel, self.alias_line, "verwijzingen met '&' en '*' zijn niet "
                                                                    "toegestaan. Schrijf de waarde uit."))
        return data, found

    def value(self, event: yaml.Event, path: FieldPath, get: Any) -> Any:
        """The value that starts with `event`; consumes its events up to and including its end."""
        self.lines.setdefault(path, event.start_mark.line + 1)
        kind = type(event)
        if kind is yaml.AliasEvent:            # never expanded, so an alias bomb costs nothing
            if self.alias_line is None:
                self.alias_line = event.start_mark.line + 1
            return None
        if len(path) > MAX_DEPTH:
            self.problem(event, f"de velden zijn te diep genest (meer dan {MAX_DEPTH} niveaus). Een item heeft "
                                f"maar een paar niveaus, zoals een lijst onder een veld.")
            return self.skip(event, get)
        tag = event.tag
        if tag is not None and tag != "!" and tag not in _ALLOWED_TAGS:
            self.refuse_tag(event, tag)
            return self.skip(event, get)
        if kind is _EVENT_MAP:
            return self.mapping(path, get)
        if kind is _EVENT_SEQ:
            items: list[Any] = []
            while not isinstance(event := get(), _EVENT_END):
                items.append(self.value(event, path + (len(items),), get))
            return items
        return self.scalar(event)

    def scalar(self, event: yaml.ScalarEvent) -> Any:
        text = event.value
        tag = event.tag
        if tag in (None, "!"):
            if not event.implicit[0] or (text and text[0] not in _MAYBE_NOT_TEXT):
                return text
            tag = self.loader.resolve(yaml.ScalarNode, text, event.implicit)
        if tag == _STR:
            return text
        if tag not in _ALLOWED_TAGS:   # a plain '<<' or '=' resolves to merge or value
            self.refuse_tag(event, tag)
            return None
        try:
            return self.loader.construct_object(yaml.ScalarNode(tag, text, event.start_mark, event.end_mark,
                                                                event.style))
        except (yaml.YAMLError, ValueError, TypeError) as error:
            self.problem(event, f"deze waarde kan niet gelezen worden ({error}). Zet de tekst tussen aanhalingstekens.")
            return None

    def mapping(self, path: FieldPath, get: Any) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while not isinstance(key_event := get(), _EVENT_END):
            key = key_event.value if type(key_event) is yaml.ScalarEvent else None
            if key == "<<":
                self.problem(key_event, "samenvoegen met '<<' is niet toegestaan. Schrijf de velden uit.")
            elif key is None:
                self.skip(key_event, get)
                self.problem(key_event, "een veldnaam moet een gewoon woord zijn, zoals 'naam'.")
            elif key in result:
                first = self.lines.get(path + (key,), "?")
                self.problem(key_event, f"het veld '{key}' staat twee keer in dit item (ook op regel {first}). "
                                        f"Laat er één staan.")
            else:
                at = path + (key,)
                self.lines[at] = key_event.start_mark.line + 1
                event = get()
                # Fast path for most values: text without a tag, not too deep.
                if type(event) is _EVENT_SCALAR and event.tag is None and len(at) <= MAX_DEPTH and (
                        not event.implicit[0] or (event.value and event.value[0] not in _MAYBE_NOT_TEXT)):
                    result[key] = event.value
                else:
                    result[key] = self.value(event, at, get)
                continue
            self.skip(get(), get)   # the value of a refused key
        return result

    @staticmethod
    def skip(event: yaml.Event, get: Any) -> None:
        """Consume the rest of the value that starts with `event`."""
        depth = 1 if isinstance(event, (_EVENT_MAP, _EVENT_SEQ)) else 0
        while depth:
            event = get()
            if isinstance(event, (_EVENT_MAP, _EVENT_SEQ)):
                depth += 1
            elif isinstance(event, _EVENT_END):
                depth -= 1
        return None


# First characters of plain scalars the YAML 1.1 resolver may read as something other than text
# (numbers, true/false/yes/no/on/off, null, ~, .inf/.nan); every other plain scalar is text.
_MAYBE_NOT_TEXT = frozenset(
    first for first, resolvers in _Loader.yaml_implicit_resolvers.items() if any(tag != _STR for tag, _ in resolvers)
)
